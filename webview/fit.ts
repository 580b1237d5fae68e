// The page of the "Scaling-law fit" panel, on the shared runtime of webview/lib:
// receives a FitResult from the extension (validated on receipt), builds the charts
// with src/sections/fit, and shows the parameter table, the data and an "Insert
// results" button that asks the extension to write the results into the note. The
// charts' shapes do not depend on the data (src/sections/fit/charts.ts), so they come
// from the build's compiled table (dist/charts/fit.<lang>[.n<step>].js) and the
// Vega-Lite compiler loads only for a kind of fit the table does not hold.
import {
  bootstrapSentence,
  diagnosticsSentences,
  fitCharts,
  fitRows,
  formatInterval,
  formatValue,
  intervalHeader,
  parameterRows,
  powerFormulas,
  sourceText,
  symbolText,
  CHINCHILLA_FORMULA,
  FIT_CHART_TABLE,
  type FitResult,
} from '../src/sections/fit/index';
import { translate } from '../src/engine/l10n';
import type { Lang } from '../src/sections/types';
import { parseFitHostMessage, type FitHostToWebview, type FitInsertTarget, type FitPanelState, type FitWebviewToHost } from '../src/protocol/messages';
import { ChartSet } from './lib/chartSet';
import { loadSiblingScript } from './lib/lateScript';
import { RenderQueue } from './lib/queue';
import { readTheme, watchTheme } from './lib/theme';
import { themeValues, tokenTheme } from './lib/themeTokens';
import { exposeTimings } from './lib/timings';
import { loadCompiledCharts } from './lib/vegaSpecs';
import { vscodeApi } from './lib/vscodeApi';

/** The fit page's messages: English keys of l10n/bundle.l10n.json (see ./strings.ts). */
const UI = {
  title: 'Scaling-law fit',
  insertNote: 'Insert results into the note',
  insertNew: 'Open results as Markdown',
  insertNone: 'Run the fit again to insert its results',
  parameters: 'Parameters',
  law: 'Law',
  parameter: 'Parameter',
  estimate: 'Estimate',
  data: 'Data',
  row: 'Row',
  fitted: 'Fitted L̂',
  residual: 'ln L − ln L̂ (%)',
  renderFailed: 'The charts could not be drawn: ',
  waiting: 'Waiting for the fit…',
} as const;

const api = vscodeApi<FitWebviewToHost, FitPanelState>();
const body = document.body;
const titleEl = document.getElementById('section-title') as HTMLElement;
const descriptionEl = document.getElementById('section-description') as HTMLElement;
const controlsEl = document.getElementById('controls') as HTMLElement;
const errorEl = document.getElementById('error') as HTMLElement;
const chartsEl = document.getElementById('charts') as HTMLElement;
const dataEl = document.createElement('details');
dataEl.id = 'fit-data';
chartsEl.after(dataEl);

let lang: Lang = body.dataset.lang === 'zh' ? 'zh' : 'en';
let result: FitResult | undefined;
let insert: FitInsertTarget = 'none';
const queue = new RenderQueue((err) => showError(`${t('renderFailed')}${String(err)}`));
const charts = new ChartSet(chartsEl, { figureClass: 'chart', heading: false, onRelayout: () => void render().then(() => charts.fitWidths()) });

const t = (key: keyof typeof UI): string => translate(lang, UI[key]);

const timings = exposeTimings(charts);

function post(message: FitWebviewToHost): void {
  api.post(message);
}

function showError(message: string): void {
  errorEl.textContent = message;
  errorEl.hidden = false;
  body.dataset.state = 'error';
  post({ type: 'fitError', message });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function table(header: string[], rows: string[][], numeric: boolean[]): HTMLTableElement {
  const tableEl = el('table', undefined, 'fit-table');
  const head = el('thead');
  const tr = el('tr');
  for (const h of header) {
    const th = el('th', h);
    th.scope = 'col';
    tr.append(th);
  }
  head.append(tr);
  const tbody = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((cell, i) => row.append(el('td', cell, numeric[i] ? 'num' : undefined)));
    tbody.append(row);
  }
  tableEl.append(head, tbody);
  return tableEl;
}

function formulaOf(r: FitResult): string {
  return r.form === 'chinchilla' ? CHINCHILLA_FORMULA : `${powerFormulas(r.x).pure}; ${powerFormulas(r.x).floor}`;
}

function renderHeader(r: FitResult): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  titleEl.textContent = t('title');
  const rows = r.data.loss.length;
  descriptionEl.textContent =
    lang === 'zh'
      ? `${formulaOf(r)} · ${rows} 行（${sourceText(r.source, lang)}）· ${r.seconds.toFixed(1)} 秒`
      : `${formulaOf(r)} · ${rows} rows (${sourceText(r.source, lang)}) · ${r.seconds.toFixed(1)} s`;
}

function renderControls(r: FitResult): void {
  controlsEl.replaceChildren();
  const heading = el('h2', t('parameters'));
  heading.id = 'controls-heading';
  const toolbar = el('div', undefined, 'fit-toolbar');
  const button = document.createElement('vscode-button');
  button.id = 'fit-insert';
  button.textContent = insert === 'note' ? t('insertNote') : insert === 'new-document' ? t('insertNew') : t('insertNone');
  if (insert === 'none') button.setAttribute('disabled', '');
  button.addEventListener('click', () => {
    if (insert !== 'none') post({ type: 'fitInsert' });
  });
  toolbar.append(button);
  const params = parameterRows(r);
  const header =
    r.form === 'power' ? [t('law'), t('parameter'), t('estimate'), intervalHeader(r, lang)] : [t('parameter'), t('estimate'), intervalHeader(r, lang)];
  const rows = params.map((p) => {
    const cells = [symbolText(p, lang), formatValue(p.value), formatInterval(p.interval)];
    return r.form === 'power' ? [p.law, ...cells] : cells;
  });
  const numeric = r.form === 'power' ? [false, false, true, true] : [false, true, true];
  const notes: string[] = [];
  if (r.form === 'chinchilla') {
    notes.push(
      lang === 'zh'
        ? `Huber 损失（δ = ${r.huberDelta}）之和 ${formatValue(r.objective)}；L-BFGS 从 ${r.starts.toLocaleString('en-US')} 个初值出发（${r.converged.toLocaleString('en-US')} 个收敛）。方法：Hoffmann 等 2022，按 Besiroglu 等 2024 的复现。`
        : `Sum of Huber losses (δ = ${r.huberDelta}) ${formatValue(r.objective)}; L-BFGS from ${r.starts.toLocaleString('en-US')} starts (${r.converged.toLocaleString('en-US')} converged). Method: Hoffmann et al. 2022, as replicated by Besiroglu et al. 2024.`,
    );
  } else {
    notes.push(
      `R² ${powerFormulas(r.x).pure}: ${formatValue(r.pure.rSquared)}` + (r.floor ? `; ${powerFormulas(r.x).floor}: ${formatValue(r.floor.rSquared)}` : ''),
    );
    if (!r.floor && r.floorError) notes.push(`${powerFormulas(r.x).floor}: ${r.floorError[lang]}`);
  }
  // The report's own sentences (report.ts), as in "Insert results" and the CLI.
  notes.push(bootstrapSentence(r, lang), ...diagnosticsSentences(r, lang));
  const scroll = el('div', undefined, 'fit-table-scroll');
  scroll.append(table(header, rows, numeric));
  controlsEl.append(heading, toolbar, scroll, ...notes.map((n) => el('p', n, 'fit-note')));
}

function renderData(r: FitResult): void {
  dataEl.replaceChildren();
  dataEl.append(el('summary', `${t('data')} (${r.data.loss.length})`));
  const cols: string[] = [t('row')];
  if (r.data.N) cols.push(`N${r.columns.N ? ` “${r.columns.N}”` : ''}`);
  if (r.data.D) cols.push(r.derived.D ? 'D = C/(6N)' : `D${r.columns.D ? ` “${r.columns.D}”` : ''}`);
  if (r.data.C) cols.push(r.derived.C ? 'C = 6ND' : `C${r.columns.C ? ` “${r.columns.C}”` : ''}`);
  cols.push(`L “${r.columns.loss ?? ''}”`, t('fitted'), t('residual'));
  const rows = fitRows(r).map((row) => {
    const cells = [String(row.row)];
    if (r.data.N) cells.push(formatValue(row.N ?? NaN));
    if (r.data.D) cells.push(formatValue(row.D ?? NaN));
    if (r.data.C) cells.push(formatValue(row.C ?? NaN));
    cells.push(formatValue(row.loss, 5), formatValue(row.fitted, 5), formatValue(100 * row.residual, 3));
    return cells;
  });
  const wrap = el('div', undefined, 'fit-table-wrap');
  wrap.append(
    table(
      cols,
      rows,
      cols.map((_, i) => i > 0),
    ),
  );
  dataEl.append(wrap);
}

function render(): Promise<void> {
  const r = result;
  if (!r) return Promise.resolve();
  return queue.run(async () => {
    const started = performance.now();
    // The compiled table loads while the page is filled in (a no-op once loaded; the HTML loads the wide one).
    const compiled = loadCompiledCharts(FIT_CHART_TABLE, lang, chartsEl.clientWidth);
    errorEl.hidden = true;
    renderHeader(r);
    renderControls(r);
    renderData(r);
    const theme = readTheme(document);
    const next = fitCharts(r, { lang, theme: tokenTheme(theme.kind), width: charts.width() });
    await compiled;
    await charts.update(next, lang, themeValues(theme));
    if (timings.firstPaintMs === undefined) timings.firstPaintMs = performance.now() - started;
    else {
      timings.lastUpdateMs = performance.now() - started;
      timings.updates++;
    }
    body.dataset.state = 'ready';
    post({ type: 'fitRendered', charts: charts.report() });
    // The controls' custom elements once the charts are painted: not competing with the first paint.
    void loadSiblingScript('elements.js');
  });
}

function onMessage(message: FitHostToWebview): void {
  switch (message.type) {
    case 'fitShow':
      lang = message.lang;
      result = message.result;
      insert = message.insert;
      api.setState({ result: message.result });
      void render();
      break;
    case 'fitSetLang':
      if (message.lang !== lang) {
        lang = message.lang;
        void render();
      }
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseFitHostMessage(event.data);
  if (!message) {
    console.warn('Emergence Lens: the fit panel ignored a malformed message');
    return;
  }
  onMessage(message);
});

// A colour-theme change redraws the charts in the new colours.
watchTheme(document, () => void render());

titleEl.textContent = t('title');
descriptionEl.textContent = t('waiting');
post({ type: 'fitReady' });
