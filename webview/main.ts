// The webview page of the chart panel and the side view: builds the section's
// Vega-Lite specs from the registry (no round trip to the extension), renders them
// with Vega under a strict CSP (expressions through vega-interpreter), draws the
// controls from the parameter specs, and applies parameter changes in place.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { findSection } from '../src/sections/index';
import { resolveParams, type ChartSpec, type Lang, type ParamValues, type Section } from '../src/sections/types';
import {
  isPanelState,
  parseHostMessage,
  type ExportFormat,
  type HostToWebview,
  type NoteContext,
  type PanelState,
  type WebviewToHost,
} from '../src/protocol/messages';
import { changedDatasets, datasetDigest, hoistDatasets, splitTitle, type HoistedSpec } from './specData';
import { readTheme } from './theme';
import { ui } from './strings';
import { formatNoteNumber } from '../src/engine/format';
import { renderControls } from './controls';
import { countMarks } from './marks';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

interface LiveChart {
  chart: ChartSpec;
  hoisted: HoistedSpec;
  view: vega.View;
  figure: HTMLElement;
  heading: HTMLElement;
}

/** Timings read by the browser tests and `npm run bench`. */
interface Timings {
  firstPaintMs?: number;
  lastUpdateMs?: number;
  updates: number;
  inPlaceUpdates: number;
  rebuilds: number;
}

declare global {
  interface Window {
    __emergenceTimings?: Timings;
  }
}

const vscodeApi = acquireVsCodeApi();
const body = document.body;
const chartsEl = document.getElementById('charts') as HTMLElement;
const controlsEl = document.getElementById('controls') as HTMLElement;
const errorEl = document.getElementById('error') as HTMLElement;
const reportEl = document.getElementById('report') as HTMLElement;
const noteEl = document.getElementById('note-values') as HTMLElement;
/** "view" is the side view that follows the note; it can write back and insert charts. */
const mode = body.dataset.mode === 'view' ? 'view' : 'panel';
const timings: Timings = { updates: 0, inPlaceUpdates: 0, rebuilds: 0 };
window.__emergenceTimings = timings;

let lang: Lang = body.dataset.lang === 'zh' ? 'zh' : 'en';
let section: Section | undefined;
let params: ParamValues = {};
let live: LiveChart[] = [];
/** Serialises renders so a burst of slider events never interleaves two updates. */
let renderQueue: Promise<void> = Promise.resolve();
let noteContext: NoteContext | undefined;

function post(message: WebviewToHost): void {
  vscodeApi.postMessage(message);
}

function showError(message: string): void {
  errorEl.textContent = message;
  errorEl.hidden = false;
  body.dataset.state = 'error';
  post({ type: 'error', message });
}

function createView(hoisted: HoistedSpec, container: HTMLElement): vega.View {
  const vgSpec = compile(hoisted.spec).spec;
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  return new vega.View(runtime, {
    renderer: 'svg',
    container,
    hover: true,
    expr: expressionInterpreter,
  });
}

/** The chart's title and subtitle as HTML (they are taken out of the Vega spec). */
function setHeading(heading: HTMLElement, chart: ChartSpec): void {
  const { title, subtitle } = splitTitle(chart.spec);
  const h = document.createElement('h3');
  h.className = 'chart-title';
  h.textContent = title ?? chart.title[lang];
  heading.replaceChildren(h);
  if (subtitle) {
    const p = document.createElement('p');
    p.className = 'chart-subtitle';
    p.textContent = subtitle;
    heading.append(p);
  }
}

function hoistBody(chart: ChartSpec): HoistedSpec {
  return hoistDatasets(splitTitle(chart.spec).body);
}

function figureFor(chart: ChartSpec): { figure: HTMLElement; target: HTMLElement; heading: HTMLElement } {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.dataset.chartId = chart.id;
  figure.setAttribute('role', 'group');
  figure.setAttribute('aria-label', chart.title[lang]);
  const target = document.createElement('div');
  target.className = 'chart-canvas';
  target.setAttribute('role', 'img');
  target.setAttribute('aria-label', `${chart.title[lang]}. ${chart.description[lang]}`);
  const caption = document.createElement('figcaption');
  const description = document.createElement('span');
  description.className = 'chart-description';
  description.textContent = chart.description[lang];
  const toolbar = document.createElement('div');
  toolbar.className = 'chart-toolbar';
  const buttons: [ExportFormat, string][] = [
    ['svg', ui('saveSvg', lang)],
    ['png', ui('savePng', lang)],
    ['vl', ui('copySpec', lang)],
  ];
  for (const [format, label] of buttons) {
    const button = document.createElement('vscode-button');
    button.setAttribute('secondary', '');
    button.textContent = label;
    button.addEventListener('click', () => void exportChart(format, chart.id));
    toolbar.append(button);
  }
  caption.append(description, toolbar);
  const heading = document.createElement('div');
  heading.className = 'chart-heading';
  setHeading(heading, chart);
  figure.append(heading, target, caption);
  return { figure, target, heading };
}

/** The side view, following a formula, shows the charts of that formula only. */
function shownCharts(charts: ChartSpec[]): ChartSpec[] {
  const focus = mode === 'view' ? noteContext?.focusCharts : undefined;
  if (!focus || focus.length === 0) return charts;
  const focused = charts.filter((c) => focus.includes(c.id));
  return focused.length > 0 ? focused : charts;
}

async function buildAll(): Promise<void> {
  if (!section) return;
  for (const c of live) c.view.finalize();
  live = [];
  chartsEl.replaceChildren();
  const ctx = { lang, theme: readTheme(document) };
  const charts = shownCharts(section.charts(params, ctx));
  for (const chart of charts) {
    const { figure, target, heading } = figureFor(chart);
    chartsEl.append(figure);
    const hoisted = hoistBody(chart);
    const view = createView(hoisted, target);
    live.push({ chart, hoisted, view, figure, heading });
  }
  await Promise.all(live.map((c) => c.view.runAsync()));
  timings.rebuilds++;
}

/** Applies new parameters: datasets in place where the chart's shape is unchanged, else a rebuild. */
async function update(): Promise<void> {
  if (!section) return;
  const ctx = { lang, theme: readTheme(document) };
  const charts = shownCharts(section.charts(params, ctx));
  const sameCharts = charts.length === live.length && charts.every((c, i) => c.id === live[i].chart.id);
  if (!sameCharts) return buildAll();
  const work: Promise<unknown>[] = [];
  for (let i = 0; i < charts.length; i++) {
    const hoisted = hoistBody(charts[i]);
    const current = live[i];
    if (hoisted.shape === current.hoisted.shape) {
      setHeading(current.heading, charts[i]);
      const changed = changedDatasets(current.hoisted, hoisted);
      for (const name of changed) current.view.data(name, hoisted.datasets[name] as object[]);
      if (changed.length > 0) work.push(current.view.runAsync());
      timings.inPlaceUpdates++;
    } else {
      current.view.finalize();
      const { figure, target, heading } = figureFor(charts[i]);
      current.figure.replaceWith(figure);
      const view = createView(hoisted, target);
      live[i] = { chart: charts[i], hoisted, view, figure, heading };
      work.push(view.runAsync());
      timings.rebuilds++;
    }
    live[i].chart = charts[i];
    live[i].hoisted = hoisted;
  }
  await Promise.all(work);
}

function reportRendered(): void {
  if (!section) return;
  body.dataset.state = 'ready';
  post({
    type: 'rendered',
    sectionId: section.id,
    params: { ...params },
    charts: live.map((c) => ({ id: c.chart.id, marks: countMarks(c.view), digest: datasetDigest(c.hoisted) })),
  });
}

/** The side view's line about the note: what it follows, the values it took, and the write-back actions. */
function renderNote(): void {
  if (mode !== 'view' || !section) {
    noteEl.hidden = true;
    return;
  }
  noteEl.hidden = false;
  noteEl.replaceChildren();
  const summary = document.createElement('p');
  if (noteContext) {
    const follows = noteContext.source === 'formula' ? ui('followsFormula', lang) : ui('followsHeading', lang);
    const code = document.createElement('code');
    code.textContent = noteContext.label;
    summary.append(follows, code);
    if (noteContext.values.length > 0) {
      const values = document.createElement('p');
      values.className = 'note-values-list';
      values.textContent = `${ui('noteValues', lang)}${noteContext.values.map((v) => `${v.label} = ${formatNoteNumber(v.value)} (${ui('line', lang, v.line)})`).join(', ')}`;
      noteEl.append(summary, values);
    } else {
      noteEl.append(summary);
    }
  } else {
    summary.textContent = ui('noNote', lang);
    noteEl.append(summary);
  }
  const actions = document.createElement('div');
  actions.className = 'note-actions';
  const writeBack = document.createElement('vscode-button');
  writeBack.id = 'write-back';
  writeBack.textContent = ui('writeBack', lang);
  if (!noteContext?.canWriteBack) writeBack.setAttribute('disabled', '');
  writeBack.addEventListener('click', () => post({ type: 'writeBack', params: { ...params } }));
  const insert = document.createElement('vscode-button');
  insert.id = 'insert-chart';
  insert.setAttribute('secondary', '');
  insert.textContent = ui('insertChart', lang);
  if (!noteContext) insert.setAttribute('disabled', '');
  insert.addEventListener('click', () => section && post({ type: 'insertChart', sectionId: section.id, params: { ...params } }));
  actions.append(writeBack, insert);
  noteEl.append(actions);
}

function renderHeader(): void {
  if (!section) return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  (document.getElementById('section-title') as HTMLElement).textContent = `${section.seedRef} ${section.title[lang]}`;
  (document.getElementById('section-description') as HTMLElement).textContent = section.description[lang];
  const report = section.report?.(params, lang);
  reportEl.hidden = !report;
  reportEl.textContent = report ?? '';
  reportEl.setAttribute('aria-label', ui('report', lang));
}

function schedule(task: () => Promise<void>): Promise<void> {
  renderQueue = renderQueue.then(task).catch((err: unknown) => showError(`${ui('renderFailed', lang)}${String(err)}`));
  return renderQueue;
}

function persist(): void {
  if (section) vscodeApi.setState({ sectionId: section.id, params: { ...params } });
}

function drawControls(): void {
  if (!section) return;
  renderControls(controlsEl, section, params, lang, {
    onChange: (name, value) => void setParams({ [name]: value }),
    onReset: () => void setParams(resolveParams(section as Section, undefined)),
  });
}

async function show(sectionId: string, input: Record<string, unknown> | undefined): Promise<void> {
  const found = findSection(sectionId);
  if (!found) {
    showError(`${ui('unknownSection', lang)}${sectionId}`);
    return;
  }
  section = found;
  params = resolveParams(found, input);
  errorEl.hidden = true;
  persist();
  renderHeader();
  renderNote();
  drawControls();
  await schedule(async () => {
    const started = performance.now();
    await buildAll();
    timings.firstPaintMs = performance.now() - started;
    reportRendered();
  });
}

async function setParams(input: Record<string, unknown>): Promise<void> {
  if (!section) return;
  params = resolveParams(section, { ...params, ...input });
  persist();
  drawControls();
  renderHeader();
  await schedule(async () => {
    const started = performance.now();
    await update();
    timings.lastUpdateMs = performance.now() - started;
    timings.updates++;
    reportRendered();
  });
}

async function exportChart(format: ExportFormat, chartId: string | undefined): Promise<void> {
  const target = live.find((c) => c.chart.id === chartId) ?? live[0];
  if (!target) return;
  let data: string;
  if (format === 'vl') {
    data = JSON.stringify(target.chart.spec, null, 2);
  } else {
    // The exported file carries its title, which the page shows as HTML: draw the full spec off-screen.
    const full = new vega.View(vega.parse(compile(target.chart.spec).spec, undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
    try {
      data = format === 'svg' ? await full.toSVG() : await full.toImageURL('png', 2);
    } finally {
      full.finalize();
    }
  }
  post({ type: 'exported', format, chartId: target.chart.id, data });
}

function onMessage(message: HostToWebview): void {
  switch (message.type) {
    case 'show':
      lang = message.lang;
      noteContext = message.note;
      void show(message.sectionId, message.params ?? (section?.id === message.sectionId ? params : undefined));
      break;
    case 'setLang':
      if (message.lang !== lang) {
        lang = message.lang;
        renderHeader();
        renderNote();
        drawControls();
        void schedule(async () => {
          await buildAll();
          reportRendered();
        });
      }
      break;
    case 'setParams':
      void setParams(message.params);
      break;
    case 'export':
      void exportChart(message.format, message.chartId);
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    console.warn('Emergence Lens: ignored a malformed message', event.data);
    return;
  }
  onMessage(message);
});

// VS Code toggles the body's theme class when the colour theme changes: re-theme live.
new MutationObserver(() => {
  void schedule(async () => {
    await buildAll();
    reportRendered();
  });
}).observe(body, { attributes: true, attributeFilter: ['class'] });

const saved = vscodeApi.getState();
if (isPanelState(saved)) void show(saved.sectionId, saved.params);
else void show(body.dataset.section ?? '', undefined);
post({ type: 'ready' });
