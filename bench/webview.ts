// Webview figures for `npm run bench` (issue 11), measured in headless Chromium on the
// pages exactly as the extension serves them (strict CSP, a stand-in for the VS Code API):
//   webview.load <section> <ms>                   navigation start → all charts painted, median of 5 loads
//   webview.change <section> <param> <ms> <how>   one parameter change → 'rendered' posted, median of 5
//                                                 changes to different values; how = in-place | rebuilt
//   webview.fit300 <section> overflow_px=<n> min_font_px=<f>   the side view at 300 px wide
//   webview.load300 <section> <ms>                the side view at 300 px: load → painted, median of 3
//                                                 (its layouts are compiled in the page, not at build time)
// Figures only: nothing here asserts on time.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../scripts/lib/browser.mjs';
import { SECTIONS } from '../src/sections/index';
import type { NumberParam, Section } from '../src/sections/types';
import { COARSE_GRID, parseFitInput, runFit, type FitResult } from '../src/sections/fit/index';
import { REPO_ROOT, startServer, type PageOptions, type TestServer } from '../test/e2e/support/server';
import { VSCODE_API_STUB } from '../test/e2e/support/vscodeApiStub';

const LOADS = 5;
const CHANGES = 5;

export interface WebviewBenchOptions {
  /** Every numeric parameter of every section (default: the first of each). */
  allParams?: boolean;
  /** Printed as soon as measured, so a slow run shows its progress. */
  print?(line: string): void;
}

interface Timings {
  rebuilds: number;
}

/** Records when the page reports itself ready (performance.now, i.e. ms since navigation start). */
const READY_PROBE = `(() => {
  const mark = () => {
    if (document.body && document.body.dataset.state === 'ready' && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now();
  };
  new MutationObserver(mark).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
})();`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}

/** Five different values inside the parameter's range, none of them its default. */
function changeValues(p: NumberParam): number[] {
  const values: number[] = [];
  for (let i = 1; values.length < CHANGES && i < 20; i++) {
    const f = ((i * 0.618) % 1) * 0.8 + 0.1;
    let v = p.scale === 'log' ? 10 ** (Math.log10(p.min) + f * (Math.log10(p.max) - Math.log10(p.min))) : p.min + f * (p.max - p.min);
    if (p.scale !== 'log' && p.step > 0) v = Math.round(v / p.step) * p.step;
    v = Number(v.toPrecision(6));
    if (v !== p.default && v >= p.min && v <= p.max && !values.includes(v)) values.push(v);
  }
  return values;
}

/** A small power-law fit, as the fit panel receives it from the host. */
function sampleFit(): FitResult {
  const lines = ['Training FLOP,Final Loss'];
  for (let i = 0; i < 12; i++) {
    const C = 10 ** (18 + i * 0.5);
    lines.push(`${C.toExponential(4)},${((1.8 + Math.pow(3e17 / C, 0.12)) * (1 + 0.004 * Math.sin(3.7 * i + 1))).toPrecision(7)}`);
  }
  const parsed = parseFitInput({ kind: 'csv', text: lines.join('\n') });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const source = { kind: 'csv' as const, name: 'bench.csv', firstRow: 2, lastRow: 13 };
  const out = runFit(parsed.data, parsed.form, { source, grid: COARSE_GRID, resamples: 20 });
  if (!out.ok) throw new Error(out.message.en);
  return out.result;
}

/**
 * The fit panel's host, without its latency: the fit is posted the moment the page says
 * fitReady, as FitPanel's ready-gated outbox delivers it (not after the page's load
 * event and a round trip from the bench, which no user waits for). Posted from a
 * microtask, as a host's message can only arrive once the page's script has returned:
 * posted from inside the page's own call, it also made the DevTools session the bench
 * drives the browser through capture the page script's whole stack, and V8 re-parse the
 * 500 KiB script for its source positions (57–64 ms no user pays).
 */
function instantFitHost(fit: FitResult): string {
  return `(() => {
    const posted = window.__posted;
    const push = posted.push;
    const fitShow = { type: 'fitShow', lang: 'en', result: ${JSON.stringify(fit)}, insert: 'none' };
    posted.push = function (...items) {
      const n = push.apply(this, items);
      if (items.some((m) => m.type === 'fitReady')) queueMicrotask(() => window.postMessage(fitShow, '*'));
      return n;
    };
  })();`;
}

async function openPage(context: BrowserContext, server: TestServer, opts: PageOptions, fit?: FitResult): Promise<{ page: Page; readyMs: number }> {
  const page = await context.newPage();
  if (fit) await page.addInitScript({ content: instantFitHost(fit) });
  await page.goto(server.pageUrl(opts), { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __benchReadyAt?: number }).__benchReadyAt !== undefined, undefined, { timeout: 60_000 });
  const readyMs = await page.evaluate(() => (window as unknown as { __benchReadyAt: number }).__benchReadyAt);
  return { page, readyMs };
}

/** Posts setParams and resolves with the ms until the page posts its next 'rendered'. */
function timeChange(page: Page, params: Record<string, number>): Promise<number> {
  return page.evaluate(
    (p) =>
      new Promise<number>((resolve) => {
        const posted = (window as unknown as { __posted: { type?: string }[] }).__posted;
        const push = posted.push;
        const t0 = performance.now();
        posted.push = function (...items: { type?: string }[]): number {
          const n = push.apply(this, items);
          if (items.some((m) => m.type === 'rendered')) {
            posted.push = push;
            resolve(performance.now() - t0);
          }
          return n;
        };
        window.postMessage({ type: 'setParams', params: p }, '*');
      }),
    params,
  );
}

/**
 * Horizontal overflow (px) and the smallest rendered font size (px) of what is visible.
 * Content inside a scrolling or clipping box (the fit panel's data table) is not page
 * overflow; a chart that needs such a box is, so chart canvases never count as one.
 */
function measureFit(page: Page): Promise<{ overflow: number; minFont: number }> {
  // A string: tsx would wrap the named helper below in a __name() the page does not have.
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    let overflow = Math.max(0, document.documentElement.scrollWidth - width);
    let minFont = Infinity;
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (a.closest('figure')) break;
        const o = getComputedStyle(a).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(el);
      if (!clipped(el)) overflow = Math.max(overflow, rect.right - width, -rect.left);
      if (el.closest('figure') && el instanceof HTMLElement && (style.overflowX === 'auto' || style.overflowX === 'scroll')) {
        overflow = Math.max(overflow, el.scrollWidth - el.clientWidth);
      }
      const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!hasText || style.visibility === 'hidden') continue;
      let size = parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) size *= Math.hypot(m.a, m.b);
      }
      minFont = Math.min(minFont, size);
    }
    return { overflow: Math.round(overflow), minFont: Number(minFont.toFixed(1)) };
  })()`);
}

async function benchSection(
  context: BrowserContext,
  narrow: BrowserContext,
  server: TestServer,
  section: Pick<Section, 'id' | 'params'>,
  options: WebviewBenchOptions,
  fit?: FitResult,
): Promise<{ changes: number[] }> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base: PageOptions = { sectionId: section.id, lang: 'en', theme: 'light', entry: fit ? 'fit' : 'webview' };
  const loads: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const { page, readyMs } = await openPage(context, server, base, fit);
    loads.push(readyMs);
    await page.close();
  }
  print(`webview.load ${section.id} ${median(loads).toFixed(0)}`);
  const changes: number[] = [];
  const numeric = section.params.filter((p): p is NumberParam => p.kind === 'number');
  const measured = options.allParams ? numeric : numeric.slice(0, 1);
  if (measured.length > 0) {
    const { page } = await openPage(context, server, base);
    for (const p of measured) {
      const before = (await page.evaluate(() => (window as unknown as { __emergenceTimings: Timings }).__emergenceTimings)).rebuilds;
      const times: number[] = [];
      for (const v of changeValues(p)) times.push(await timeChange(page, { [p.name]: v }));
      // Back to the default, so the next parameter starts from the article's values (not timed).
      await timeChange(page, { [p.name]: p.default });
      const after = (await page.evaluate(() => (window as unknown as { __emergenceTimings: Timings }).__emergenceTimings)).rebuilds;
      changes.push(...times);
      print(`webview.change ${section.id} ${p.name} ${median(times).toFixed(1)} ${after === before ? 'in-place' : 'rebuilt'}`);
    }
    await page.close();
  } else if (fit) {
    print(`webview.change ${section.id} - - none (the fit panel has no numeric parameters)`);
  }
  const narrowLoads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { page, readyMs } = await openPage(narrow, server, { ...base, mode: 'view' }, fit);
    narrowLoads.push(readyMs);
    if (i === 2) {
      const { overflow, minFont } = await measureFit(page);
      print(`webview.fit300 ${section.id} overflow_px=${overflow} min_font_px=${minFont}`);
    }
    await page.close();
  }
  print(`webview.load300 ${section.id} ${median(narrowLoads).toFixed(0)}`);
  return { changes };
}

export async function benchWebview(options: WebviewBenchOptions = {}): Promise<Record<string, string>> {
  const figures: Record<string, string> = {};
  // A chart page loads webview.js and its section's script (dist/sections/<id>.js).
  for (const name of ['webview', 'preview', 'fit', ...SECTIONS.map((s) => `sections/${s.id}`)]) {
    try {
      figures[`bundle dist/${name}.js`] = `${(statSync(join(REPO_ROOT, 'dist', `${name}.js`)).size / 1024).toFixed(0)} KiB`;
    } catch {
      figures[`bundle dist/${name}.js`] = 'missing';
    }
  }
  const server = await startServer();
  const context = await launchChromium(join(REPO_ROOT, '.cache', 'bench-chromium'), { viewport: { width: 1280, height: 900 } });
  const narrow = await launchChromium(join(REPO_ROOT, '.cache', 'bench-chromium-300'), { viewport: { width: 300, height: 900 } });
  for (const c of [context, narrow]) {
    await c.addInitScript({ content: VSCODE_API_STUB });
    await c.addInitScript({ content: READY_PROBE });
  }
  const all: number[] = [];
  try {
    for (const section of SECTIONS) all.push(...(await benchSection(context, narrow, server, section, options)).changes);
    await benchSection(context, narrow, server, { id: 'fit', params: [] }, options, sampleFit());
  } finally {
    await context.close();
    await narrow.close();
    await server.close();
  }
  figures['webview.change p50 / p95 (all changes)'] = `${quantile(all, 0.5).toFixed(1)} / ${quantile(all, 0.95).toFixed(1)} ms`;
  return figures;
}
