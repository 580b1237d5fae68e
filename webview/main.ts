// The page of the chart panel and the side view, on the shared runtime of webview/lib:
// builds the section's Vega-Lite specs from the registry (no round trip to the
// extension), draws the controls from the parameter specs, and applies a parameter
// change in place (signals and data of the live views). The controls' custom elements
// (webview/elements.ts) load once the charts are painted.
import { resolveParams, type ChartContext, type ChartSpec, type ChartTheme, type Lang, type ParamValues, type Section } from '../src/sections/types';
import { parseEmergenceTableRows } from '../src/engine/emergence/data';
import {
  isPanelState,
  parseHostMessage,
  type ExportFormat,
  type HostToWebview,
  type NoteContext,
  type PanelState,
  type WebviewToHost,
} from '../src/protocol/messages';
import { ChartSet } from './lib/chartSet';
import { loadSiblingScript } from './lib/lateScript';
import { RenderQueue } from './lib/queue';
import { readTheme, watchTheme } from './lib/theme';
import { themeValues, tokenTheme, type ThemeValues } from './lib/themeTokens';
import { loadCompiledCharts } from './lib/vegaSpecs';
import { loadSection } from './lib/sections';
import { exposeTimings } from './lib/timings';
import { vscodeApi } from './lib/vscodeApi';
import { renderControls, type Controls } from './controls';
import { renderNote } from './note';
import { ui } from './strings';

const api = vscodeApi<WebviewToHost, PanelState>();
const body = document.body;
const chartsEl = document.getElementById('charts') as HTMLElement;
const controlsEl = document.getElementById('controls') as HTMLElement;
const errorEl = document.getElementById('error') as HTMLElement;
const reportEl = document.getElementById('report') as HTMLElement;
const noteEl = document.getElementById('note-values') as HTMLElement;
/** "view" is the side view that follows the note; it can write back and insert charts. */
const mode = body.dataset.mode === 'view' ? 'view' : 'panel';

let lang: Lang = body.dataset.lang === 'zh' ? 'zh' : 'en';
/** The colours views draw in; charts themselves are built with theme tokens (lib/themeTokens.ts). */
let theme: ThemeValues = themeValues(readTheme(document));
let themeKind: ChartTheme['kind'] = readTheme(document).kind;
let section: Section | undefined;
let params: ParamValues = {};
let noteContext: NoteContext | undefined;
/** The user's table a 'show' carried (drawn instead of the section's shipped data), parsed here again. */
let userTable: ChartContext['userTable'];
let controls: Controls | undefined;
let controlsKey = '';

const queue = new RenderQueue((err) => showError(`${ui('renderFailed', lang)}${String(err)}`));
const charts = new ChartSet(chartsEl, { figureClass: 'chart', heading: true, toolbar: toolbarFor, onRelayout: () => void relayout() });
const timings = exposeTimings(charts);

function showError(message: string): void {
  void loadSiblingScript('elements.js');
  errorEl.textContent = message;
  errorEl.hidden = false;
  body.dataset.state = 'error';
  api.post({ type: 'error', message });
}

function toolbarFor(chart: ChartSpec): HTMLElement {
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
  return toolbar;
}

/** The side view, following a formula, shows the charts of that formula only. */
function currentCharts(): ChartSpec[] {
  if (!section) return [];
  const ctx: ChartContext = { lang, theme: tokenTheme(themeKind), width: charts.width(), userTable };
  const all = section.charts(params, ctx);
  const focus = mode === 'view' ? noteContext?.focusCharts : undefined;
  if (!focus || focus.length === 0) return all;
  const focused = all.filter((c) => focus.includes(c.id));
  return focused.length > 0 ? focused : all;
}

function reportRendered(): void {
  if (!section) return;
  body.dataset.state = 'ready';
  const user = userTable && { name: userTable.name, models: userTable.table.models.length };
  api.post({ type: 'rendered', sectionId: section.id, params: { ...params }, charts: charts.report(), ...(user ? { userTable: user } : {}) });
}

function renderHeader(): void {
  if (!section) return;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  (document.getElementById('section-title') as HTMLElement).textContent = `${section.seedRef} ${section.title[lang]}`;
  (document.getElementById('section-description') as HTMLElement).textContent = section.description[lang];
  if (mode === 'view') {
    renderNote(noteEl, noteContext, lang, {
      writeBack: () => api.post({ type: 'writeBack', params: { ...params } }),
      insertChart: () => section && api.post({ type: 'insertChart', sectionId: section.id, params: { ...params } }),
    });
  } else {
    noteEl.hidden = true;
  }
}

function renderReport(): void {
  if (!section || mode === 'view') return;
  // The printed report is of the shipped data: not shown beside the user's table.
  const report = userTable ? undefined : section.report?.(params, lang);
  reportEl.hidden = !report;
  reportEl.textContent = report ?? '';
  reportEl.setAttribute('aria-label', ui('report', lang));
}

/** Controls are drawn once per section and language; afterwards they only move. */
function syncControls(): void {
  if (!section) return;
  const key = `${section.id}/${lang}`;
  if (controls && key === controlsKey) {
    controls.set(params);
    return;
  }
  controlsKey = key;
  const s = section;
  controls = renderControls(controlsEl, s, params, lang, {
    onChange: (name, value) => void setParams({ [name]: value }),
    onReset: () => void setParams(resolveParams(s, undefined)),
  });
}

function persist(): void {
  if (section) api.setState({ sectionId: section.id, params: { ...params } });
}

/** Re-renders the current charts: in place where possible. */
function refresh(): Promise<void> {
  return queue.run(async () => {
    await charts.update(currentCharts(), lang, theme);
    reportRendered();
  });
}

/** The container's width changed: views re-laid out (rebuilt only where columns or legends change), others stretched. */
function relayout(): Promise<void> {
  return queue.run(async () => {
    await charts.update(currentCharts(), lang, theme);
    await charts.fitWidths();
  });
}

function rebuild(): Promise<void> {
  return queue.run(async () => {
    if (section) await loadCompiledCharts(section.id, lang, chartsEl.clientWidth);
    await charts.build(currentCharts(), lang, theme);
    reportRendered();
  });
}

/** Bumped by every show(): a section script that arrives after a later show() is not drawn. */
let showing = 0;

async function show(sectionId: string, input: Record<string, unknown> | undefined): Promise<void> {
  const shown = ++showing;
  // The section's build-time compiled specs load while its code loads and its charts are computed.
  const compiled = loadCompiledCharts(sectionId, lang, chartsEl.clientWidth);
  const found = await loadSection(sectionId);
  if (shown !== showing) return;
  if (!found) {
    showError(`${ui('unknownSection', lang)}${sectionId}`);
    return;
  }
  section = found;
  params = resolveParams(found, input);
  errorEl.hidden = true;
  persist();
  renderHeader();
  syncControls();
  await queue.run(async () => {
    const started = performance.now();
    const next = currentCharts();
    await compiled;
    await charts.update(next, lang, theme);
    timings.firstPaintMs ??= performance.now() - started;
    reportRendered();
  });
  scheduleReport();
  void loadSiblingScript('elements.js');
}

let reportTimer: ReturnType<typeof setTimeout> | undefined;

/** The seed's printed report is text below the charts: written after they are painted (a frame later). */
function scheduleReport(): void {
  clearTimeout(reportTimer);
  requestAnimationFrame(() => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(renderReport, 0);
  });
}

async function setParams(input: Record<string, unknown>): Promise<void> {
  if (!section) return;
  params = resolveParams(section, { ...params, ...input });
  persist();
  syncControls();
  await queue.run(async () => {
    const started = performance.now();
    await charts.update(currentCharts(), lang, theme);
    timings.lastUpdateMs = performance.now() - started;
    timings.updates++;
    reportRendered();
  });
  scheduleReport();
}

async function exportChart(format: ExportFormat, chartId: string | undefined): Promise<void> {
  const target = charts.find(chartId);
  if (!target) return;
  const chart = target.view.chart;
  const data = format === 'vl' ? JSON.stringify(target.view.themedSpec(), null, 2) : await target.view.export(format);
  api.post({ type: 'exported', format, chartId: chart.id, data });
}

function onMessage(message: HostToWebview): void {
  switch (message.type) {
    case 'show':
      lang = message.lang;
      noteContext = message.note;
      userTable = undefined;
      if (message.userTable) {
        const parsed = parseEmergenceTableRows(message.userTable.rows, message.userTable.firstRowNumber);
        if (!parsed.ok) {
          showError(parsed.error.message[message.lang]);
          break;
        }
        userTable = { name: message.userTable.name, table: parsed.table };
      }
      void show(message.sectionId, message.params ?? (section?.id === message.sectionId ? params : undefined));
      break;
    case 'setLang':
      if (message.lang !== lang) {
        lang = message.lang;
        renderHeader();
        syncControls();
        scheduleReport();
        void rebuild();
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

// A colour-theme change re-themes every chart (a new shape: the views rebuild).
watchTheme(document, () => {
  const next = readTheme(document);
  theme = themeValues(next);
  themeKind = next.kind;
  void refresh();
});

const saved = api.getState();
if (isPanelState(saved)) void show(saved.sectionId, saved.params);
else void show(body.dataset.section ?? '', undefined);
api.post({ type: 'ready' });
