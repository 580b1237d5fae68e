// `Emergence: Fit Scaling Law to Data` (emergenceLens.fitScalingLaw): reads a CSV file
// or a Markdown table of the active note, fits the Chinchilla form (or a power law)
// with bootstrap intervals under a cancellable progress notification, shows the fit in
// a panel (webview/fit.ts draws the charts from src/sections/fit), and inserts a
// Markdown table of the results after the note's table in one undoable edit.
//
// VS Code glue only: parsing, fitting and the report come from src/sections/fit and
// the engine. The fit runs off the extension host's thread, in worker threads
// (src/fitWorker/host.ts, bundled as dist/fitWorker.js): the search in one, the
// bootstrap split over two (both cores); cancelling terminates the workers.
import * as vscode from 'vscode';
import { NextMessage } from './nextMessage';
import type { DataError, FitForm } from '../engine/fit/data';
import type { ChinchillaGrid } from '../engine/fit/chinchilla';
import { parseFitPanelState, parseFitWebviewMessage, type FitHostToWebview, type FitInsertTarget, type FitWebviewToHost } from '../protocol/messages';
import type { DropRule } from '../engine/fit/diagnostics';
import { MAX_DATA_BYTES, tooLarge } from '../engine/fit/text';
import { runFitInWorkers } from '../fitWorker/host';
import {
  COARSE_GRID,
  DEFAULT_SEED,
  FIT_CHART_TABLE,
  MAX_DROP,
  MAX_RESAMPLES,
  parseFitInput,
  planFit,
  resultMarkdownLines,
  summaryText,
  type FitInput,
  type FitResult,
  type FitSourceInfo,
} from '../sections/fit/index';
import type { Bilingual, Lang } from '../sections/types';
import { renderWebviewHtml } from '../../webview/html';
import { compiledTableName, NARROW_PX } from '../../webview/lib/layout';
import { displayLang, onDidChangeLang, t } from './language';
import { translate } from '../engine/l10n';
import { findFirstTable, findTableAt, type MarkdownTable } from './markdownTable';
import { webviewOptions } from './webviewContent';
import { WebviewHost } from './webviewHost';

const FIT_COMMAND = 'emergenceLens.fitScalingLaw';
const FIT_PANEL_TYPE = 'emergenceLens.fit';
/** Test-only commands (registered when VS Code runs the integration tests). */
const FIT_TESTING_COMMANDS = {
  /** Resolves with the panel's next (or, with `true`, its last) 'fitRendered' report. */
  rendered: 'emergenceLens._testing.fitRendered',
  /** Feeds a raw message to the fit panel as if the webview had posted it (validated like one). */
  panelMessage: 'emergenceLens._testing.fitPanelMessage',
} as const;

// ---- options --------------------------------------------------------------------------

/** The command's optional second argument (or first, without a file). */
interface FitCommandOptions {
  form?: FitForm;
  /** Bootstrap resamples (0: none). Default: the pipeline's (1,000, fewer for very large tables). */
  resamples?: number;
  /** Compute budget (FLOPs) of the derived quantities. Default 5.76e23. */
  budget?: number;
  /** Fit without the k highest-loss (or largest-residual) runs, and show how far the estimate moves. */
  drop?: number;
  dropBy?: DropRule;
  seed?: number;
  /** Starts of the Chinchilla search: Hoffmann et al.'s 4,500 ("full"), 243 ("coarse"), or an explicit grid. */
  grid?: 'full' | 'coarse' | ChinchillaGrid;
  /** false: no follow-up prompt (messages are still shown). Default true. */
  interactive?: boolean;
  /** false: do not open the panel. Default true. */
  panel?: boolean;
  /** true: insert the results into the note right after the fit. */
  insert?: boolean;
}

interface ResolvedOptions {
  form: FitForm | undefined;
  resamples: number | undefined;
  budget: number | undefined;
  drop: { count: number; rule: DropRule } | undefined;
  seed: number;
  grid: ChinchillaGrid | undefined;
  interactive: boolean;
  panel: boolean;
  insert: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof vscode.Uri);
}

function gridOption(v: unknown): ChinchillaGrid | undefined {
  if (v === 'coarse') return COARSE_GRID;
  if (!isPlainObject(v)) return undefined;
  const axis = (a: unknown): number[] | undefined =>
    Array.isArray(a) && a.length > 0 && a.length <= 20 && a.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (a as number[]) : undefined;
  const grid = { alpha: axis(v.alpha), beta: axis(v.beta), e: axis(v.e), a: axis(v.a), b: axis(v.b) };
  return grid.alpha && grid.beta && grid.e && grid.a && grid.b ? (grid as ChinchillaGrid) : undefined;
}

/** Reads the options argument leniently: unknown keys and ill-typed values fall back to the defaults. */
function resolveOptions(v: unknown): ResolvedOptions {
  const o: { [K in keyof FitCommandOptions]?: unknown } = isPlainObject(v) ? v : {};
  const int = (x: unknown, lo: number, hi: number): number | undefined => (typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi ? x : undefined);
  return {
    form: o.form === 'chinchilla' || o.form === 'power' ? o.form : undefined,
    resamples: int(o.resamples, 0, MAX_RESAMPLES),
    budget: typeof o.budget === 'number' && o.budget > 0 && Number.isFinite(o.budget) ? o.budget : undefined,
    drop: int(o.drop, 1, MAX_DROP) !== undefined ? { count: o.drop as number, rule: o.dropBy === 'residual' ? 'residual' : 'loss' } : undefined,
    seed: int(o.seed, 0, 0xffffffff) ?? DEFAULT_SEED,
    grid: gridOption(o.grid),
    interactive: o.interactive !== false,
    panel: o.panel !== false,
    insert: o.insert === true,
  };
}

// ---- what the command returns -----------------------------------------------------------

export interface InsertOutcome {
  ok: boolean;
  /** Where the table went (the note, or a new untitled document). */
  uri?: string;
  /** 0-based lines of the inserted block. */
  startLine?: number;
  endLine?: number;
  reason?: 'changed' | 'already-inserted' | 'no-target' | 'failed';
  message?: string;
}

export type FitCommandResult =
  | { ok: true; result: FitResult; source: { uri: string; kind: 'csv' | 'markdown'; headerLine?: number; endLine?: number }; insert?: InsertOutcome }
  | { ok: false; reason: 'no-source' | 'bad-data' | 'cancelled' | 'failed' | 'busy'; message: string; error?: DataError };

// ---- where the rows come from -------------------------------------------------------------

/** What was read, kept to insert the results and to tell whether the note changed since. */
interface Origin {
  uri: vscode.Uri;
  kind: 'csv' | 'markdown';
  /** The document's text and version when it was read. */
  text: string;
  version: number;
  /** Markdown only: the table (0-based lines). */
  table?: MarkdownTable;
}

interface Session {
  result: FitResult;
  origin: Origin | undefined;
  inserted: boolean;
}

type Resolved = { ok: true; input: FitInput; origin: Origin; name: string; table?: MarkdownTable } | { ok: false; message: string };

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function isCsv(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'csv' || doc.languageId === 'tsv' || /\.(csv|tsv)$/i.test(doc.uri.path);
}

function isMarkdown(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri.path);
}

function noSource(): string {
  return t('Open a CSV file, or put the cursor in a Markdown table of runs (columns such as N, D or C, and loss), then run “Fit Scaling Law to Data” again.');
}

async function resolveSource(target: vscode.Uri | undefined): Promise<Resolved> {
  // With the fit panel (or another webview) focused there is no active editor: use the visible note or CSV.
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => isCsv(e.document) || isMarkdown(e.document));
  let doc: vscode.TextDocument;
  let selection: vscode.Selection | undefined;
  if (target) {
    try {
      doc = await vscode.workspace.openTextDocument(target);
    } catch (err) {
      return { ok: false, message: t('Cannot open {0}: {1}', target.toString(true), String(err)) };
    }
    if (editor && editor.document.uri.toString() === doc.uri.toString()) selection = editor.selection;
  } else if (editor) {
    doc = editor.document;
    selection = editor.selection;
  } else {
    return { ok: false, message: noSource() };
  }
  const name = baseName(doc.uri);
  const text = doc.getText();
  // The documented cap (README "Fitting"), checked before any parsing.
  if (text.length > MAX_DATA_BYTES) return { ok: false, message: t('{0}: {1}.', name, say(tooLarge(text.length))) };
  if (isCsv(doc)) return { ok: true, input: { kind: 'csv', text }, origin: { uri: doc.uri, kind: 'csv', text, version: doc.version }, name };
  if (!isMarkdown(doc)) return { ok: false, message: noSource() };
  const table = selection ? findTableAt(doc, selection) : findFirstTable(doc);
  if (!table) {
    return {
      ok: false,
      message: selection
        ? t('No Markdown table at the cursor in {0}. Put the cursor in a table (a header row, a |---| row, then one row per run) or select its rows.', name)
        : t('{0} has no Markdown table.', name),
    };
  }
  return {
    ok: true,
    input: { kind: 'table', rows: table.rows, firstRowNumber: table.firstRowNumber },
    origin: { uri: doc.uri, kind: 'markdown', text, version: doc.version, table },
    name,
    table,
  };
}

// ---- the panel --------------------------------------------------------------------------

type RenderedMessage = Extract<FitWebviewToHost, { type: 'fitRendered' }>;

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

function panelTitle(session: Session | undefined, lang: Lang): string {
  const name = session?.result.source.name;
  const head = translate(lang, 'Scaling-law fit');
  return name ? `${head}: ${name}` : head;
}

function insertTarget(session: Session | undefined): FitInsertTarget {
  if (!session?.origin) return 'none';
  return session.origin.kind === 'markdown' ? 'note' : 'new-document';
}

class FitPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private host: WebviewHost<FitHostToWebview, FitWebviewToHost> | undefined;
  session: Session | undefined;
  lastRendered: RenderedMessage | undefined;
  private readonly rendered = new NextMessage<RenderedMessage>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly onInsert: (session: Session) => Promise<InsertOutcome>,
  ) {}

  show(session: Session): void {
    this.session = session;
    this.lastRendered = undefined;
    const lang = displayLang();
    if (this.panel) {
      this.panel.title = panelTitle(session, lang);
      this.panel.reveal(undefined, true);
      this.postShow();
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      FIT_PANEL_TYPE,
      panelTitle(session, lang),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        ...webviewOptions(this.extensionUri),
        retainContextWhenHidden: false,
      },
    );
    this.attach(panel);
  }

  /** The serializer's entry: a panel VS Code kept across a reload, with the webview's saved state. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const valid = parseFitPanelState(state);
    if (!valid) {
      this.log.warn('discarded an unreadable saved fit panel state');
      panel.dispose();
      return;
    }
    if (this.panel) this.panel.dispose();
    panel.webview.options = webviewOptions(this.extensionUri);
    this.session = { result: valid.result, origin: undefined, inserted: false };
    panel.title = panelTitle(this.session, displayLang());
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
    const webview = panel.webview;
    const host = new WebviewHost<FitHostToWebview, FitWebviewToHost>(webview, {
      name: 'fit panel',
      log: this.log,
      parse: parseFitWebviewMessage,
      isReady: (m) => m.type === 'fitReady',
      onMessage: (m) => this.receive(m).then(() => undefined),
    });
    this.host = host;
    // The charts' build-time compiled specs (any panel from 520 px wide), loaded beside the page script.
    const table = compiledTableName(FIT_CHART_TABLE, displayLang(), NARROW_PX);
    host.setHtml(
      renderWebviewHtml({
        cspSource: webview.cspSource,
        nonce: nonce(),
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'fit.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'webview.css')).toString(),
        lang: displayLang(),
        sectionId: 'fit',
        mode: 'panel',
        compiledChartsUri: table && webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'charts', `${table}.js`)).toString(),
      }),
    );
    this.postShow();
    host.register(panel.onDidChangeViewState((e) => e.webviewPanel.visible || host.reset()));
    host.register(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.host = undefined;
        }
        host.dispose();
      }),
    );
  }

  private post(message: FitHostToWebview): void {
    this.host?.post(message);
  }

  /** The fit shown is the page's state: delivered once the page is ready, and again to a re-created page. */
  private postShow(): void {
    if (this.session) this.host?.setState({ type: 'fitShow', lang: displayLang(), result: this.session.result, insert: insertTarget(this.session) });
  }

  setLang(lang: Lang): void {
    if (!this.panel) return;
    this.panel.title = panelTitle(this.session, lang);
    this.post({ type: 'fitSetLang', lang });
  }

  /** Messages from the webview (or a test standing in for it), validated before use. */
  async receive(raw: unknown): Promise<InsertOutcome | undefined> {
    const message = parseFitWebviewMessage(raw);
    if (!message) {
      this.log.warn('ignored a malformed message from the fit panel');
      return undefined;
    }
    switch (message.type) {
      case 'fitReady':
        // The page's handshake is the host's (WebviewHost); a test standing in for the page changes nothing.
        return undefined;
      case 'fitRendered':
        this.lastRendered = message;
        this.rendered.deliver(message);
        return undefined;
      case 'fitInsert':
        if (!this.session) return undefined;
        return this.onInsert(this.session);
      case 'fitError':
        this.log.error(`fit panel: ${message.message}`);
        return undefined;
    }
  }

  /** Resolves with the next 'rendered' report (or undefined after the timeout). */
  nextRendered(timeoutMs: number): Promise<RenderedMessage | undefined> {
    return this.rendered.next(timeoutMs);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

// ---- inserting the results -----------------------------------------------------------------

/** The engine's own bilingual messages (data, like the sections' chart texts) in the display language. */
function say(text: Bilingual): string {
  return text[displayLang()];
}

/**
 * Writes the results table after the note's table in one WorkspaceEdit (one undo step),
 * refusing when the note's text is no longer what the fit read. For a CSV file the
 * table opens in a new untitled Markdown document instead.
 */
async function insertResults(session: Session): Promise<InsertOutcome> {
  const lang = displayLang();
  const origin = session.origin;
  if (!origin) {
    const message = t('This fit was restored from an earlier session: run the fit again to insert its results.');
    void vscode.window.showWarningMessage(message);
    return { ok: false, reason: 'no-target', message };
  }
  const lines = resultMarkdownLines(session.result, lang);
  if (origin.kind === 'csv') {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: lines.join('\n') + '\n' });
    await vscode.window.showTextDocument(doc, { preview: false });
    return { ok: true, uri: doc.uri.toString(), startLine: 0, endLine: lines.length - 1 };
  }
  const table = origin.table as MarkdownTable;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === origin.uri.toString()) ?? (await vscode.workspace.openTextDocument(origin.uri));
  // Changed means its text differs from what the fit read (an edit undone is no change).
  if (doc.getText() !== origin.text) {
    const message = session.inserted
      ? t('The results are already in the note.')
      : t('{0} has changed since the fit read it: nothing was inserted. Run the fit again to insert its results.', baseName(origin.uri));
    void vscode.window.showWarningMessage(message);
    return { ok: false, reason: session.inserted ? 'already-inserted' : 'changed', message };
  }
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const block = lines.join(eol);
  const after = table.endLine + 1;
  let position: vscode.Position;
  let insertText: string;
  let startLine: number;
  if (after < doc.lineCount) {
    // A blank line before the block, and one after it unless the note already has one.
    const nextBlank = doc.lineAt(after).isEmptyOrWhitespace;
    position = new vscode.Position(after, 0);
    insertText = eol + block + eol + (nextBlank ? '' : eol);
    startLine = after + 1;
  } else {
    position = doc.lineAt(table.endLine).range.end;
    insertText = eol + eol + block + eol;
    startLine = table.endLine + 2;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, position, insertText);
  const applied = await vscode.workspace.applyEdit(edit);
  if (!applied) {
    const message = t('The results could not be inserted into the note.');
    void vscode.window.showErrorMessage(message);
    return { ok: false, reason: 'failed', message };
  }
  session.inserted = true;
  const endLine = startLine + lines.length - 1;
  // Show the note (the fit may have come from the explorer) so the edit is seen and can be undone.
  const editor =
    vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString()) ??
    (await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: true }));
  editor.revealRange(new vscode.Range(startLine, 0, endLine, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { ok: true, uri: doc.uri.toString(), startLine, endLine };
}

// ---- the command ------------------------------------------------------------------------------

function errorLocation(name: string, error: DataError): string {
  return `${name}: ${say(error.message)}`;
}

async function revealRow(uri: vscode.Uri, row: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const line = Math.min(Math.max(0, row - 1), doc.lineCount - 1);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  editor.selection = new vscode.Selection(line, 0, line, doc.lineAt(line).text.length);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export interface FitCommands extends vscode.Disposable {
  /** The command's implementation (also what the registered command calls). */
  fit(target?: unknown, options?: unknown): Promise<FitCommandResult>;
}

/** Registers the fit command, the fit panel's serializer and (in tests) the testing commands. */
export function registerFitCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): FitCommands {
  const panel = new FitPanel(context.extensionUri, log, insertResults);
  let running = false;

  const fit = async (arg0?: unknown, arg1?: unknown): Promise<FitCommandResult> => {
    const target = arg0 instanceof vscode.Uri ? arg0 : undefined;
    const options = resolveOptions(target ? arg1 : arg0);
    if (running) {
      const message = t('A fit is already running.');
      void vscode.window.showInformationMessage(message);
      return { ok: false, reason: 'busy', message };
    }
    const resolved = await resolveSource(target);
    if (!resolved.ok) {
      const message = resolved.message;
      void vscode.window.showWarningMessage(message);
      return { ok: false, reason: 'no-source', message };
    }
    const parsed = parseFitInput(resolved.input, options.form);
    if (!parsed.ok) {
      const message = errorLocation(resolved.name, parsed.error);
      const goTo = t('Go to Row');
      void vscode.window.showErrorMessage(message, ...(options.interactive ? [goTo] : [])).then((choice) => {
        if (choice === goTo) void revealRow(resolved.origin.uri, parsed.error.row);
      });
      return { ok: false, reason: 'bad-data', message, error: parsed.error };
    }
    const { data, form } = parsed;
    const table = resolved.table;
    const source: FitSourceInfo = {
      kind: resolved.origin.kind,
      name: resolved.name,
      firstRow: table ? table.firstRowNumber : 1,
      lastRow: table ? table.lastDataLine + 1 : Math.max(1, ...Array.from(data.sourceRows)),
    };
    const runOptions = { source, resamples: options.resamples, seed: options.seed, grid: options.grid, budget: options.budget, drop: options.drop };
    const planned = planFit(data, form, runOptions);
    if (!planned.ok) {
      const message = `${resolved.name}: ${say(planned.message)}`;
      void vscode.window.showErrorMessage(message);
      return { ok: false, reason: 'bad-data', message };
    }
    const g = planned.plan.grid;
    const starts = g.alpha.length * g.beta.length * g.e.length * g.a.length * g.b.length;
    const resamples = planned.plan.resamples;
    const title =
      form === 'chinchilla'
        ? t(
            'Fitting L = E + A/N^α + B/D^β to {0} rows of {1} ({2} starts, {3} bootstrap resamples)',
            data.rows,
            resolved.name,
            starts.toLocaleString('en-US'),
            resamples,
          )
        : t('Fitting power laws to {0} rows of {1}', data.rows, resolved.name);
    running = true;
    let outcome;
    try {
      outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
        let reported = 0;
        // Search then bootstrap on one bar: the search takes about the first 30% when there is a bootstrap.
        const searchShare = resamples > 0 ? 0.3 : 1;
        const fit = runFitInWorkers(data, form, runOptions, {
          script: vscode.Uri.joinPath(context.extensionUri, 'dist', 'fitWorker.js').fsPath,
          onProgress: (fraction, stage) => {
            const overall = stage === 'search' ? fraction * searchShare : searchShare + fraction * (1 - searchShare);
            const pct = Math.floor(overall * 100);
            if (pct <= reported) return;
            progress.report({
              increment: pct - reported,
              message: stage === 'search' ? t('search {0}%', Math.floor(fraction * 100)) : t('bootstrap {0}%', Math.floor(fraction * 100)),
            });
            reported = pct;
          },
        });
        const subscription = token.onCancellationRequested(() => fit.cancel());
        try {
          return await fit.outcome;
        } finally {
          subscription.dispose();
        }
      });
    } catch (err) {
      log.error(`fit failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const message = t('The fit failed: {0}', String(err));
      void vscode.window.showErrorMessage(message);
      return { ok: false, reason: 'failed', message };
    } finally {
      running = false;
    }
    if (!outcome.ok) {
      const message = say(outcome.message);
      if (!outcome.cancelled) void vscode.window.showErrorMessage(message);
      return { ok: false, reason: outcome.cancelled ? 'cancelled' : 'failed', message };
    }
    const result = outcome.result;
    log.info(`fit ${result.form} on ${data.rows} rows of ${resolved.name}: ${summaryText(result, 'en')}`);
    const session: Session = { result, origin: resolved.origin, inserted: false };
    if (options.panel) panel.show(session);
    else panel.session = session;
    const sourceInfo = { uri: resolved.origin.uri.toString(), kind: resolved.origin.kind, headerLine: table?.headerLine, endLine: table?.endLine };
    if (options.insert) {
      const inserted = await insertResults(session);
      return { ok: true, result, source: sourceInfo, insert: inserted };
    }
    if (options.interactive) {
      const insertLabel = resolved.origin.kind === 'markdown' ? t('Insert Results') : t('Open Results as Markdown');
      void vscode.window.showInformationMessage(summaryText(result, displayLang()), insertLabel).then((choice) => {
        if (choice === insertLabel) void insertResults(session);
      });
    }
    return { ok: true, result, source: sourceInfo };
  };

  const disposables: vscode.Disposable[] = [
    panel,
    vscode.commands.registerCommand(FIT_COMMAND, fit),
    vscode.window.registerWebviewPanelSerializer(FIT_PANEL_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) => panel.restore(webviewPanel, state),
    }),
    onDidChangeLang((lang) => panel.setLang(lang)),
  ];
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      vscode.commands.registerCommand(FIT_TESTING_COMMANDS.rendered, (last?: unknown, timeoutMs?: unknown) =>
        last === true && panel.lastRendered ? panel.lastRendered : panel.nextRendered(typeof timeoutMs === 'number' ? timeoutMs : 30_000),
      ),
      vscode.commands.registerCommand(FIT_TESTING_COMMANDS.panelMessage, (raw: unknown) => panel.receive(raw)),
    );
  }
  context.subscriptions.push(...disposables);
  return {
    fit,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
