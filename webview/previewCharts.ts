// The chart code of VS Code's built-in Markdown preview, loaded by webview/preview.ts
// only into a preview that has an ```emergence block: draws the chart of every
// .emergence-chart container that the markdown-it plugin emitted. Charts are built here
// from the registry, like the chart panel, on the same runtime (webview/lib).
import { normalizeLang, validateChartBlock, type ChartBlock } from '../src/sections/chartBlock';
import { findSection } from '../src/sections/index';
import type { Bilingual, ChartSpec, ChartTheme, Lang } from '../src/sections/types';
import { widthStep } from './lib/layout';
import { ChartView } from './lib/chartView';
import { prepareChart } from './lib/prepare';
import { createFigure } from './lib/figure';
import { readTheme } from './lib/theme';
import { themeValues, tokenTheme } from './lib/themeTokens';
import { loadCompiledCharts } from './lib/vegaSpecs';
import { previewStats } from './previewStats';
import { translate } from '../src/engine/l10n';

/** The block's parameters are not JSON, in both languages (the block's own may differ from the page's). */
const jsonError = (lang: Lang): string => translate(lang, 'The chart parameters are not valid JSON.');

const CONTAINER = '.emergence-chart';
const BODY_CLASS = 'emergence-chart-body';
/** Detached renders kept for reuse: the preview replaces unchanged blocks on every edit. */
const POOL_SIZE = 24;

interface Render {
  /** What was drawn: block, language and theme. Equal keys draw equal charts. */
  key: string;
  /** Section and chart only: a render of the same chart reserves its height while a new one draws. */
  slot: string;
  body: HTMLElement;
  views: ChartView[];
  state: 'loading' | 'ready' | 'error';
  /** When it was last detached from the page, for evicting the oldest first. */
  detachedAt: number;
}

const stats = previewStats();

const renders = new Set<Render>();
const shown = new WeakMap<HTMLElement, Render>();
let detachCounter = 0;

/** The block's language, else the page's, else the browser's (VS Code's display language), else English. */
function langFor(container: HTMLElement): Lang {
  const candidates = [container.dataset.lang, document.documentElement.lang, navigator.language];
  for (const c of candidates) {
    const lang = c ? normalizeLang(c) : undefined;
    if (lang) return lang;
  }
  return 'en';
}

/** Re-validates the container: its data attributes could come from raw HTML in the note. */
function readBlock(container: HTMLElement): { ok: true; block: ChartBlock } | { ok: false; error: Bilingual } {
  let params: unknown;
  try {
    params = container.dataset.params ? JSON.parse(container.dataset.params) : undefined;
  } catch {
    return { ok: false, error: { en: jsonError('en'), zh: jsonError('zh') } };
  }
  const input: Record<string, unknown> = { section: container.dataset.section, params };
  if (container.dataset.chart !== undefined) input.chart = container.dataset.chart;
  const result = validateChartBlock(input);
  return result.ok ? { ok: true, block: result } : { ok: false, error: result.error };
}

function errorBox(message: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'emergence-chart-error';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  return box;
}

/** Puts a render's body into the container, replacing whatever body it showed before. */
function mount(container: HTMLElement, render: Render): void {
  const old = container.querySelector(`:scope > .${BODY_CLASS}`);
  if (old && old !== render.body) old.remove();
  if (render.body.parentElement !== container) container.append(render.body);
  container.style.minHeight = '';
  container.dataset.state = render.state;
  shown.set(container, render);
}

function setState(render: Render, state: Render['state']): void {
  render.state = state;
  const container = render.body.parentElement;
  if (container && shown.get(container) === render) {
    container.dataset.state = state;
    container.style.minHeight = '';
  }
  // Measured now, while attached: a detached body measures 0 when the next edit needs it.
  if (render.body.isConnected) render.body.dataset.height = String(render.body.getBoundingClientRect().height);
}

function build(block: ChartBlock, lang: Lang, theme: ChartTheme, key: string, slot: string): Render {
  const body = document.createElement('div');
  body.className = BODY_CLASS;
  const render: Render = { key, slot, body, views: [], state: 'loading', detachedAt: 0 };
  renders.add(render);
  stats.built++;
  let figures: { fig: ReturnType<typeof createFigure>; chart: ChartSpec }[];
  try {
    const section = findSection(block.sectionId);
    if (!section) throw new Error(block.sectionId);
    const charts = section
      .charts(block.params, { lang, theme: tokenTheme(theme.kind), width: widthStep(document.body.clientWidth) })
      .filter((c) => block.chartId === undefined || c.id === block.chartId);
    figures = charts.map((chart) => ({ chart, fig: createFigure(chart, lang, { className: 'emergence-figure', heading: false }) }));
    body.append(...figures.map((f) => f.fig.figure));
  } catch (err) {
    fail(render, lang, err);
    return render;
  }
  // The views start once the body is in the page (the caller mounts it next): they take its width.
  const values = themeValues(theme);
  queueMicrotask(() => {
    const opened = loadCompiledCharts(block.sectionId, lang, body.clientWidth || document.body.clientWidth).then(() =>
      Promise.all(
        figures.map(({ fig, chart }) => ChartView.open(fig.canvas, prepareChart(chart, { width: fig.canvas.clientWidth || body.clientWidth || 520 }), values)),
      ),
    );
    opened
      .then((views) => {
        // Evicted or replaced while the specs loaded: these views are not wanted.
        if (!renders.has(render)) {
          for (const v of views) v.finalize();
          return;
        }
        render.views = views;
        return Promise.all(views.map((v) => v.run())).then(() => setState(render, 'ready'));
      })
      .catch((err: unknown) => fail(render, lang, err));
  });
  return render;
}

function fail(render: Render, lang: Lang, err: unknown): void {
  for (const v of render.views) v.finalize();
  render.views = [];
  const message = err instanceof Error ? err.message : String(err);
  render.body.replaceChildren(errorBox(`${translate(lang, 'The chart could not be drawn: ')}${message}`));
  setState(render, 'error');
}

/** Frees the Vega views of renders no page element shows, beyond a small reuse pool. */
function evict(): void {
  const detached: Render[] = [];
  for (const r of renders) {
    if (r.body.isConnected) continue;
    if (r.detachedAt === 0) r.detachedAt = ++detachCounter;
    detached.push(r);
  }
  detached.sort((a, b) => a.detachedAt - b.detachedAt);
  for (const r of detached.slice(0, Math.max(0, detached.length - POOL_SIZE))) {
    for (const v of r.views) v.finalize();
    renders.delete(r);
  }
}

function reusable(key: string): Render | undefined {
  for (const r of renders) if (r.key === key && !r.body.isConnected) return r;
  return undefined;
}

/** Height of a detached render of the same chart: keeps the page from jumping while a new one draws. */
function reservedHeight(slot: string): number {
  let height = 0;
  for (const r of renders) if (r.slot === slot && !r.body.isConnected) height = Math.max(height, Number(r.body.dataset.height ?? 0));
  return height;
}

function scan(): void {
  stats.scans++;
  const containers = Array.from(document.querySelectorAll<HTMLElement>(CONTAINER));
  if (containers.length === 0 && renders.size === 0) return;
  const theme = readTheme(document);
  const themeKey = JSON.stringify(theme);
  for (const container of containers) {
    const lang = langFor(container);
    const read = readBlock(container);
    if (!read.ok) {
      const message = read.error[lang];
      if (container.dataset.state !== 'error' || container.dataset.error !== message) {
        container.querySelector(`:scope > .${BODY_CLASS}`)?.remove();
        const body = document.createElement('div');
        body.className = BODY_CLASS;
        body.append(errorBox(message));
        container.append(body);
        container.dataset.state = 'error';
        container.dataset.error = message;
        shown.delete(container);
      }
      continue;
    }
    const { block } = read;
    const slot = `${block.sectionId}/${block.chartId ?? '*'}`;
    const key = JSON.stringify([slot, block.params, lang, themeKey]);
    if (shown.get(container)?.key === key) continue;
    const reuse = reusable(key);
    if (reuse) {
      stats.reused++;
      mount(container, reuse);
      continue;
    }
    const height = reservedHeight(slot);
    const render = build(block, lang, theme, key, slot);
    mount(container, render);
    if (height > 0 && render.state === 'loading') container.style.minHeight = `${height}px`;
  }
  evict();
}

/** One scan per burst of DOM changes, before the next paint, so reused charts never flash. */
let queued = false;
function queueScan(): void {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    try {
      scan();
    } catch (err) {
      console.warn('Emergence Lens preview:', err);
    }
  });
}

function start(): void {
  queueScan();
  // The preview swaps the body's content on every edit and fires this event after.
  window.addEventListener('vscode.markdown.updateContent', queueScan);
  new MutationObserver((records) => {
    // Only new containers matter; Vega's own SVG edits inside a chart body do not.
    const relevant = records.some((r) =>
      Array.from(r.addedNodes).some((n) => n instanceof Element && (n.matches(CONTAINER) || n.querySelector(CONTAINER) !== null)),
    );
    if (relevant) queueScan();
  }).observe(document.body, { childList: true, subtree: true });
  // Theme changes: VS Code toggles the body class and rewrites the --vscode-* variables on <html>.
  const themeObserver = new MutationObserver(queueScan);
  themeObserver.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class', 'lang'] });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
