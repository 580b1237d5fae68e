// The side view: follows the active Markdown note and shows the chart of the
// formula under the cursor (with the values written in the note) or of the section
// named by the nearest heading. Debounced, never takes focus, idle while hidden.
// Writing back goes through one WorkspaceEdit and is refused when the note changed
// since the view read it.
import * as vscode from 'vscode';
import { NextMessage } from './nextMessage';
import { explain } from '../engine/formulas/explain';
import type { FormulaKind, SymbolRole } from '../engine/formulas/recognize';
import { findSection } from '../sections/index';
import { formulaSectionView, valuesForNote, type RoleValues } from '../sections/formulaContext';
import { sectionAt, headingText } from '../sections/topics';
import { formatChartBlock } from '../sections/chartBlock';
import { formatNoteNumber } from '../engine/format';
import type { ParamValue } from '../sections/types';
import { parseWebviewMessage, type HostToWebview, type NoteContext, type WebviewToHost } from '../protocol/messages';
import { formulaAt } from './hover';
import { claimReading } from './claimHover';
import { displayLang, t } from './language';
import { webviewHtml, webviewOptions } from './webviewContent';
import { WebviewHost } from './webviewHost';

export const SIDE_VIEW_ID = 'emergenceLens.sideView';
const DEBOUNCE_MS = 300;

/** A place in the note holding a number the view took: rewritten by "Write values to note". */
interface ValueSite {
  role: SymbolRole;
  range: vscode.Range;
  value: number;
}

/** What the view read from the note, and the document version it read it at. */
interface NoteReading {
  uri: vscode.Uri;
  version: number;
  cursor: vscode.Position;
  sectionId: string;
  params: Record<string, ParamValue>;
  note: NoteContext;
  kind?: FormulaKind;
  sites: ValueSite[];
  /** Identity of what is shown, to skip re-posting an unchanged context. */
  key: string;
}

type RenderedMessage = Extract<WebviewToHost, { type: 'rendered' }>;

/** How a role is written for people: α_N, N₀, L∞ … (the symbol itself may be a number in the formula). */
const ROLE_LABELS: Record<SymbolRole, string> = {
  L: 'L',
  C: 'C',
  N: 'N',
  D: 'D',
  C_0: 'C₀',
  N_0: 'N₀',
  D_0: 'D₀',
  alpha: 'α',
  alpha_N: 'α_N',
  alpha_D: 'α_D',
  beta: 'β',
  L_inf: 'L∞',
  E: 'E',
  A: 'A',
  B: 'B',
  k: 'k',
};

function shorten(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The formula's label with the explanation's warnings after it, so the view shows them (the label is capped at 500 characters). */
function withWarnings(label: string, warnings: readonly { message: string }[]): string {
  if (warnings.length === 0) return label;
  return shorten(`${label} — ⚠ ${warnings.map((w) => w.message).join(' ⚠ ')}`, 480);
}

/** Reads the note at the cursor: a formula first, else the section of the nearest topic heading. */
function readNote(document: vscode.TextDocument, position: vscode.Position): NoteReading | undefined {
  // The cursor of someone typing sits just after the formula: that counts as in it.
  const found = formulaAt(document, position, true);
  if (found) {
    const rec = found.recognition;
    const explanation = explain(rec, displayLang(), found.noteValues);
    const values: RoleValues = {};
    const sites: ValueSite[] = [];
    const shown: NoteContext['values'] = [];
    for (const symbol of rec.symbols) {
      if (symbol.value === undefined || values[symbol.role] !== undefined) continue;
      values[symbol.role] = symbol.value;
      // Symbols' offsets are in found.text, which starts at found.firstLine.
      const start = document.positionAt(document.offsetAt(new vscode.Position(found.firstLine, 0)) + symbol.start);
      const end = document.positionAt(document.offsetAt(new vscode.Position(found.firstLine, 0)) + symbol.end);
      sites.push({ role: symbol.role, range: new vscode.Range(start, end), value: symbol.value });
      shown.push({ label: ROLE_LABELS[symbol.role], value: symbol.value, line: start.line + 1 });
    }
    for (const [role, resolved] of Object.entries(explanation.exampleValues) as [SymbolRole, { value: number; source: string }][]) {
      if (resolved.source !== 'note' || values[role] !== undefined) continue;
      const noteValue = found.noteValues.find((v) => v.symbol === role && v.value === resolved.value);
      if (!noteValue) continue;
      values[role] = noteValue.value;
      sites.push({ role, range: new vscode.Range(noteValue.line, noteValue.start, noteValue.line, noteValue.end), value: noteValue.value });
      shown.push({ label: ROLE_LABELS[role], value: noteValue.value, line: noteValue.line + 1 });
    }
    // The constants the note leaves out come from the one fit the explanation chose.
    const drawn: RoleValues = { ...values };
    for (const [role, resolved] of Object.entries(explanation.exampleValues) as [SymbolRole, { value: number }][]) drawn[role] ??= resolved.value;
    const view = formulaSectionView(rec.kind, drawn);
    const writable = sites.filter((s) => view.usedRoles.includes(s.role));
    return {
      uri: document.uri,
      version: document.version,
      cursor: position,
      sectionId: view.sectionId,
      params: view.params,
      kind: rec.kind,
      sites: writable,
      note: {
        source: 'formula',
        label: withWarnings(shorten(rec.text), explanation.warnings),
        values: shown,
        canWriteBack: writable.length > 0,
        focusCharts: [...view.chartIds],
      },
      key: JSON.stringify(['formula', rec.kind, view.params]),
    };
  }
  const claim = claimReading(document, position, displayLang());
  if (claim) {
    const note: NoteContext = {
      source: 'heading',
      label: shorten(claim.label, 200),
      values: [{ label: t('claim'), value: claim.value, line: position.line + 1 }],
      canWriteBack: false,
      focusCharts: ['real-emergence', 'family-points'],
    };
    return {
      uri: document.uri,
      version: document.version,
      cursor: position,
      sectionId: claim.sectionId,
      params: claim.params,
      sites: [],
      note,
      key: claim.key,
    };
  }
  const heading = sectionAt((n) => document.lineAt(n).text, position.line);
  if (!heading) return undefined;
  const label = headingText(document.lineAt(heading.headingLine).text) ?? '';
  return {
    uri: document.uri,
    version: document.version,
    cursor: position,
    sectionId: heading.sectionId,
    params: {},
    sites: [],
    note: { source: 'heading', label: shorten(label), values: [], canWriteBack: false },
    key: JSON.stringify(['heading', heading.sectionId]),
  };
}

export class SideViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private host: WebviewHost<HostToWebview, WebviewToHost> | undefined;
  private reading: NoteReading | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  lastRendered: RenderedMessage | undefined;
  lastShown: Extract<HostToWebview, { type: 'show' }> | undefined;
  private readonly rendered = new NextMessage<RenderedMessage>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.schedule(editor)),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.host?.dispose();
    this.view = view;
    const host = new WebviewHost<HostToWebview, WebviewToHost>(view.webview, {
      name: 'side view',
      log: this.log,
      parse: parseWebviewMessage,
      isReady: (m) => m.type === 'ready',
      onMessage: (m) => this.receive(m),
    });
    this.host = host;
    view.webview.options = webviewOptions(this.extensionUri);
    const editor = vscode.window.activeTextEditor;
    const first = editor && editor.document.languageId === 'markdown' ? readNote(editor.document, editor.selection.active) : undefined;
    this.reading = first;
    host.setHtml(webviewHtml(view.webview, this.extensionUri, first?.sectionId ?? 'scaling-laws', displayLang(), 'view'));
    if (first) this.postReading(first);
    host.register(
      view.onDidChangeVisibility(() => {
        // Hidden, the page is discarded: its state is posted again when the re-created page is ready.
        if (!view.visible) host.reset();
        else if (vscode.window.activeTextEditor) this.schedule(vscode.window.activeTextEditor);
      }),
    );
    host.register(
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
        if (this.host === host) this.host = undefined;
        host.dispose();
      }),
    );
  }

  /** Debounced: the chart changes once the cursor settles; nothing is computed while hidden. */
  private schedule(editor: vscode.TextEditor): void {
    if (!this.view?.visible || editor.document.languageId !== 'markdown') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh(editor);
    }, DEBOUNCE_MS);
  }

  private refresh(editor: vscode.TextEditor): void {
    if (!this.view?.visible) return;
    const reading = readNote(editor.document, editor.selection.active);
    if (!reading) return;
    const unchanged = this.reading && this.reading.key === reading.key && this.reading.uri.toString() === reading.uri.toString();
    this.reading = reading;
    if (!unchanged) this.postReading(reading);
  }

  private postReading(reading: NoteReading): void {
    const message: HostToWebview = { type: 'show', sectionId: reading.sectionId, lang: displayLang(), params: reading.params, note: reading.note };
    this.lastShown = message;
    // What the view shows is its state: a re-created page (hidden and shown again) gets it again.
    this.host?.setState(message);
  }

  setLang(): void {
    if (this.reading) this.postReading(this.reading);
  }

  /** Resolves with the next 'rendered' report (or undefined after the timeout). */
  nextRendered(timeoutMs: number): Promise<RenderedMessage | undefined> {
    return this.rendered.next(timeoutMs);
  }

  private async receive(message: WebviewToHost): Promise<void> {
    if (message.type === 'rendered') {
      this.lastRendered = message;
      this.rendered.deliver(message);
    } else if (message.type === 'writeBack') {
      await this.writeBack(message.params);
    } else if (message.type === 'insertChart') {
      await this.insertChart(message.sectionId, message.params);
    } else if (message.type === 'error') {
      this.log.error(`side view: ${message.message}`);
    }
  }

  /** The note the view read, if it is still exactly as read; otherwise explains and refuses. */
  private async unchangedDocument(): Promise<{ document: vscode.TextDocument; reading: NoteReading } | undefined> {
    const reading = this.reading;
    if (!reading) return undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reading.uri.toString());
    if (!document || document.version !== reading.version) {
      void vscode.window.showWarningMessage(
        t('The note changed since the side view read it, so nothing was written. Move the cursor to refresh the view, then try again.'),
      );
      return undefined;
    }
    return { document, reading };
  }

  /** Writes the current parameters into the note's own numbers; one edit, one undo step. */
  async writeBack(params: Record<string, ParamValue>): Promise<boolean> {
    const checked = await this.unchangedDocument();
    if (!checked) return false;
    const { reading } = checked;
    if (!reading.kind || reading.sites.length === 0) return false;
    const originals: RoleValues = {};
    for (const site of reading.sites) originals[site.role] = site.value;
    const next = valuesForNote(reading.kind, { ...reading.params, ...params }, originals);
    const edit = new vscode.WorkspaceEdit();
    for (const site of reading.sites) {
      const value = next[site.role];
      if (value !== undefined) edit.replace(reading.uri, site.range, formatNoteNumber(value));
    }
    return vscode.workspace.applyEdit(edit);
  }

  /** Inserts a ```emergence block below the cursor's line; one edit, one undo step. */
  async insertChart(sectionId: string, params: Record<string, ParamValue>): Promise<boolean> {
    const checked = await this.unchangedDocument();
    if (!checked || !findSection(sectionId)) return false;
    const { document, reading } = checked;
    const line = document.lineAt(Math.min(reading.cursor.line, document.lineCount - 1));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(reading.uri, line.range.end, `\n\n${formatChartBlock(sectionId, params)}\n`);
    return vscode.workspace.applyEdit(edit);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.host?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
