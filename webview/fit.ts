// The page of the "Scaling-law fit" panel: receives a FitResult from the extension
// (validated on receipt), builds the charts with src/sections/fit, renders them with
// Vega under the strict CSP (expressions through vega-interpreter), and shows the
// parameter table, the data and an "Insert results" button that asks the extension to
// write the results into the note.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import {
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
  type FitResult,
} from '../src/sections/fit/index';
import { translate } from '../src/engine/l10n';
import type { ChartSpec, Lang } from '../src/sections/types';
import {
  parseFitHostMessage,
  type FitHostToWebview,
  type FitInsertTarget,
  type FitPanelState,
  type FitWebviewToHost,
} from '../src/protocol/messages';
import { datasetDigest, hoistDatasets, type HoistedSpec } from './specData';
import { readTheme } from './theme';
import { countMarks } from './marks';

interface VsCodeApi {
  postMessage(message: FitWebviewToHost): void;
  getState(): unknown;
  setState(state: FitPanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface LiveChart {
  chart: ChartSpec;
  hoisted: HoistedSpec;
  view: vega.View;
}

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

const vscodeApi = acquireVsCodeApi();
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
let live: LiveChart[] = [];
let queue: Promise<void> = Promise.resolve();

const t = (key: keyof typeof UI): string => translate(lang, UI[key]);

function post(message: FitWebviewToHost): void {
  vscodeApi.postMessage(message);
}

/** Styles of the parameter and data tables, in a <style> carrying the page's nonce (the CSP allows no other). */
function addStyles(): void {
  const nonce = (document.querySelector('script[nonce]') as HTMLScriptElement | null)?.nonce;
  if (!nonce) return;
  const style = document.createElement('style');
  style.nonce = nonce;
  style.textContent = `
.fit-toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 10px; }
.fit-table { border-collapse: collapse; margin: 4px 0 8px; font-variant-numeric: tabular-nums; }
.fit-table th, .fit-table td { border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border, rgba(128,128,128,.35))); padding: 3px 10px; text-align: left; }
.fit-table td.num { text-align: right; font-family: var(--vscode-editor-font-family, monospace); }
.fit-note { color: var(--vscode-descriptionForeground); margin: 4px 0; }
#fit-data { margin-top: 20px; }
#fit-data summary { cursor: pointer; font-weight: 600; }
#fit-data .fit-table-wrap { max-height: 420px; overflow: auto; }
`;
  document.head.append(style);
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
  const header = r.form === 'power' ? [t('law'), t('parameter'), t('estimate'), intervalHeader(r, lang)] : [t('parameter'), t('estimate'), intervalHeader(r, lang)];
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
    notes.push(`R² ${powerFormulas(r.x).pure}: ${formatValue(r.pure.rSquared)}` + (r.floor ? `; ${powerFormulas(r.x).floor}: ${formatValue(r.floor.rSquared)}` : ''));
    if (!r.floor && r.floorError) notes.push(`${powerFormulas(r.x).floor}: ${r.floorError[lang]}`);
  }
  const b = r.bootstrap;
  notes.push(
    b
      ? lang === 'zh'
        ? `区间：百分位自助法，${b.resamples} 次重抽样（${b.failed} 次失败），种子 ${b.seed}。`
        : `Intervals: percentile bootstrap, ${b.resamples} resamples (${b.failed} failed), seed ${b.seed}.`
      : lang === 'zh'
        ? '未计算置信区间。'
        : 'No confidence intervals were computed.',
  );
  controlsEl.append(heading, toolbar, table(header, rows, numeric), ...notes.map((n) => el('p', n, 'fit-note')));
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
  wrap.append(table(cols, rows, cols.map((_, i) => i > 0)));
  dataEl.append(wrap);
}

function figureFor(chart: ChartSpec): { figure: HTMLElement; target: HTMLElement } {
  const figure = el('figure', undefined, 'chart');
  figure.dataset.chartId = chart.id;
  figure.setAttribute('role', 'group');
  figure.setAttribute('aria-label', chart.title[lang]);
  const target = el('div', undefined, 'chart-canvas');
  target.setAttribute('role', 'img');
  target.setAttribute('aria-label', `${chart.title[lang]}. ${chart.description[lang]}`);
  const caption = el('figcaption');
  caption.append(el('span', chart.description[lang], 'chart-description'));
  figure.append(target, caption);
  return { figure, target };
}

async function renderCharts(r: FitResult): Promise<void> {
  for (const c of live) c.view.finalize();
  live = [];
  chartsEl.replaceChildren();
  const charts = fitCharts(r, { lang, theme: readTheme(document) });
  for (const chart of charts) {
    const { figure, target } = figureFor(chart);
    chartsEl.append(figure);
    const hoisted = hoistDatasets(chart.spec);
    const runtime = vega.parse(compile(hoisted.spec).spec, undefined, { ast: true });
    const view = new vega.View(runtime, { renderer: 'svg', container: target, hover: true, expr: expressionInterpreter });
    live.push({ chart, hoisted, view });
  }
  await Promise.all(live.map((c) => c.view.runAsync()));
}

function render(): Promise<void> {
  const r = result;
  if (!r) return queue;
  queue = queue
    .then(async () => {
      errorEl.hidden = true;
      renderHeader(r);
      renderControls(r);
      renderData(r);
      await renderCharts(r);
      body.dataset.state = 'ready';
      post({ type: 'fitRendered', charts: live.map((c) => ({ id: c.chart.id, marks: countMarks(c.view), digest: datasetDigest(c.hoisted) })) });
    })
    .catch((err: unknown) => showError(`${t('renderFailed')}${String(err)}`));
  return queue;
}

function onMessage(message: FitHostToWebview): void {
  switch (message.type) {
    case 'fitShow':
      lang = message.lang;
      result = message.result;
      insert = message.insert;
      vscodeApi.setState({ result: message.result });
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

// VS Code toggles the body's theme class when the colour theme changes: redraw in the new colours.
new MutationObserver(() => void render()).observe(body, { attributes: true, attributeFilter: ['class'] });

addStyles();
titleEl.textContent = t('title');
descriptionEl.textContent = t('waiting');
post({ type: 'fitReady' });
