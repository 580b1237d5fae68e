// The shared chart runtime in headless Chromium (issue 11): a numeric parameter of every
// section updates its charts in place (the same Vega view objects, the marks moved); the
// side view at 300 px has no horizontal overflow and no text under 9 px; the controls
// grid never clips a label at 300, 600 and 1,200 px; an export after many updates shows
// the current values. Screenshots of the side view at 300 px and the panel at full
// width go to artifacts/runtime/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { SECTIONS } from '../../src/sections';
import type { NumberParam } from '../../src/sections/types';
import { COARSE_GRID, FIT_CHART_TABLE, parseFitInput, runFit, type FitResult } from '../../src/sections/fit/index';
import { REPO_ROOT, startServer, type PageOptions, type TestServer } from './support/server';
import { VSCODE_API_STUB, type StubWindow } from './support/vscodeApiStub';

const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'runtime');

async function open(context: BrowserContext, server: TestServer, opts: PageOptions): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.pageUrl(opts), { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
  return page;
}

/** Posts setParams and waits for the page's next 'rendered' report. */
async function change(page: Page, params: Record<string, unknown>): Promise<void> {
  const n = await page.evaluate(() => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'rendered').length);
  await page.evaluate((p) => window.postMessage({ type: 'setParams', params: p }, '*'), params);
  await page.waitForFunction((count) => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'rendered').length > count, n, { timeout: 30_000 });
}

/** Where the charts' marks are drawn, per chart (SVG paths and positions). */
function markGeometry(page: Page): Promise<string[]> {
  return page.$$eval('figure.chart', (figs) =>
    figs.map((f) =>
      Array.from(f.querySelectorAll('svg g[class*="mark-"] > *'))
        .map((m) => `${m.getAttribute('d') ?? ''}${m.getAttribute('transform') ?? ''}`)
        .join('|'),
    ),
  );
}

/** A value of the parameter clearly apart from its default, inside its range. */
function otherValue(p: NumberParam): number {
  if (p.scale === 'log') return p.default * 10 <= p.max ? p.default * 10 : p.default / 10;
  const span = (p.max - p.min) / 4;
  const v = p.default + span <= p.max ? p.default + span : p.default - span;
  return Math.round(v / p.step) * p.step;
}

/**
 * A fit of a user's CSV (not the sample runs the build compiled the fit table from):
 * 30 Chinchilla runs on a 6 × 5 grid, or 12 runs of compute and loss for a power law.
 */
function userFit(kind: 'chinchilla' | 'power'): FitResult {
  const lines = kind === 'chinchilla' ? ['params,tokens,loss'] : ['Training FLOP,Final Loss'];
  for (let i = 0; i < (kind === 'chinchilla' ? 30 : 12); i++) {
    const wiggle = 1 + 0.01 * Math.sin(12.9898 * i + 78.233);
    if (kind === 'chinchilla') {
      const N = 10 ** (7 + (i % 6) * 0.6);
      const D = 10 ** (9 + Math.floor(i / 6) * 0.5);
      lines.push(`${N.toPrecision(6)},${D.toPrecision(6)},${((1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28) * wiggle).toPrecision(9)}`);
    } else {
      const C = 10 ** (18 + i * 0.5);
      lines.push(`${C.toExponential(4)},${((1.8 + (3e17 / C) ** 0.12) * wiggle).toPrecision(7)}`);
    }
  }
  const parsed = parseFitInput({ kind: 'csv', text: lines.join('\n') });
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const out = runFit(parsed.data, parsed.form, {
    source: { kind: 'csv', name: 'runs.csv', firstRow: 2, lastRow: lines.length },
    grid: COARSE_GRID,
    resamples: 20,
  });
  if (!out.ok) throw new Error(out.message.en);
  assert.equal(out.result.form, kind);
  return out.result;
}

describe('chart runtime: signals, responsive layout, export (Chromium)', function () {
  this.timeout(180_000);
  let server: TestServer;
  let wide: BrowserContext;
  let narrow: BrowserContext;

  before(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'webview.js'))) {
      assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' }).status, 0);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    wide = await launchChromium(join(REPO_ROOT, '.cache', 'e2e-runtime-wide'), { viewport: { width: 1280, height: 900 } });
    narrow = await launchChromium(join(REPO_ROOT, '.cache', 'e2e-runtime-300'), { viewport: { width: 300, height: 900 } });
    for (const c of [wide, narrow]) await c.addInitScript({ content: VSCODE_API_STUB });
  });

  after(async () => {
    await wide?.close();
    await narrow?.close();
    await server?.close();
  });

  // Sharpness only shapes the logistic model, and the default is the step model: use a threshold.
  const PARAM_OF: Record<string, string> = { 'phase-transition': 'thresholdSimpleReasoning' };

  for (const section of SECTIONS) {
    const param = section.params.find((p): p is NumberParam => p.kind === 'number' && (PARAM_OF[section.id] ?? p.name) === p.name);
    if (param) {
      it(`${section.id}: changing ${param.name} keeps the same Vega views and moves the marks`, async () => {
        const page = await open(wide, server, { sectionId: section.id, lang: 'en', theme: 'light' });
        try {
          await page.screenshot({ path: join(ARTIFACTS, `${section.id}-panel-1280.png`), fullPage: true });
          await page.evaluate(() => {
            (window as unknown as { __before: unknown }).__before = window.__emergenceViews?.();
          });
          const before = await markGeometry(page);
          const rebuilds = await page.evaluate(() => window.__emergenceTimings?.rebuilds);
          await change(page, { [param.name]: otherValue(param) });
          const same = await page.evaluate(() => {
            const was = (window as unknown as { __before: Record<string, unknown> }).__before;
            const now = window.__emergenceViews?.() ?? {};
            return Object.keys(was).length > 0 && Object.keys(was).every((id) => was[id] === now[id]);
          });
          assert.ok(same, 'a Vega view object was replaced');
          assert.equal(await page.evaluate(() => window.__emergenceTimings?.rebuilds), rebuilds, 'a view was rebuilt');
          const after = await markGeometry(page);
          assert.ok(
            after.some((g, i) => g !== before[i]),
            'no mark moved',
          );
        } finally {
          await page.close();
        }
      });
    }

    it(`${section.id}: a panel opens on specs compiled at build time, in the page's theme colours, without loading the compiler`, async () => {
      for (const [lang, theme] of [
        ['en', 'light'],
        ['zh', 'dark'],
      ] as const) {
        const page = await open(wide, server, { sectionId: section.id, lang, theme });
        try {
          await page.screenshot({ path: join(ARTIFACTS, `${section.id}-panel-1280-${lang}-${theme}.png`), fullPage: true });
          const counts = await page.evaluate(() => ({ ...window.__emergenceTimings, charts: document.querySelectorAll('figure.chart').length }));
          assert.ok(counts.charts > 0, 'no chart');
          assert.equal(counts.compiled, 0, `${lang}/${theme}: a chart was compiled in the page`);
          assert.equal(counts.precompiled, counts.charts, `${lang}/${theme}: not every chart came from the build's tables`);
          const compiler = await page.evaluate(() => Array.from(document.scripts).some((s) => s.src.endsWith('/compiler.js')));
          assert.equal(compiler, false, 'dist/compiler.js was loaded');
          // The page's own colours are drawn: no placeholder is left in any chart.
          const svg = await page.$$eval('figure.chart svg', (svgs) => svgs.map((e) => e.outerHTML).join(''));
          assert.doesNotMatch(svg, /#ee11[0-9a-f]{2}|EmergenceFontToken/i);
        } finally {
          await page.close();
        }
      }
    });

    it(`${section.id}: the side view at 300 px has no horizontal overflow and no text under 9 px`, async () => {
      const page = await open(narrow, server, { sectionId: section.id, lang: 'en', theme: 'light', mode: 'view' });
      try {
        await page.screenshot({ path: join(ARTIFACTS, `${section.id}-side-300.png`), fullPage: true });
        const m = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          let overflow = document.documentElement.scrollWidth - width;
          let minFont = Infinity;
          let smallest = '';
          for (const el of Array.from(document.querySelectorAll('#charts *'))) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            overflow = Math.max(overflow, r.right - width);
            if (el.tagName.toLowerCase() !== 'text' && !el.closest('text')) continue;
            const ctm = (el as SVGGraphicsElement).getScreenCTM();
            const size = parseFloat(getComputedStyle(el).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
            if (size < minFont) {
              minFont = size;
              smallest = el.textContent ?? '';
            }
          }
          return { overflow, minFont, smallest };
        });
        assert.ok(m.overflow <= 0, `overflow ${m.overflow} px`);
        assert.ok(m.minFont >= 9, `text "${m.smallest}" drawn at ${m.minFont.toFixed(1)} px`);
        // Its narrow layouts come from the build's table for its width step, not from the compiler.
        const counts = await page.evaluate(() => window.__emergenceTimings);
        assert.equal(counts?.compiled, 0, 'a chart of the side view was compiled in the page');
        assert.ok((counts?.precompiled ?? 0) > 0);
      } finally {
        await page.close();
      }
    });
  }

  for (const kind of ['chinchilla', 'power'] as const) {
    it(`fit panel: a ${kind} fit of a user's table draws from specs compiled at build time, without loading the compiler`, async () => {
      const result = userFit(kind);
      for (const [context, mode, lang, theme] of [
        [wide, 'panel', 'en', 'light'],
        [wide, 'panel', 'zh', 'dark'],
        [narrow, 'view', 'en', 'high-contrast'],
      ] as const) {
        const page = await context.newPage();
        try {
          await page.goto(server.pageUrl({ sectionId: FIT_CHART_TABLE, lang, theme, mode, entry: 'fit' }), { waitUntil: 'load' });
          await page.evaluate(
            (r) => window.postMessage({ type: 'fitShow', lang: document.body.dataset.lang, result: r, insert: 'none' }, '*'),
            result as unknown,
          );
          await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
          const counts = await page.evaluate(() => ({ ...window.__emergenceTimings, charts: document.querySelectorAll('figure.chart').length }));
          assert.equal(counts.charts, kind === 'chinchilla' ? 5 : 2);
          assert.equal(counts.compiled, 0, `${mode}/${lang}/${theme}: a fit chart was compiled in the page`);
          assert.equal(counts.precompiled, counts.charts, `${mode}/${lang}/${theme}: not every fit chart came from the build's tables`);
          const compiler = await page.evaluate(() => Array.from(document.scripts).some((s) => s.src.endsWith('/compiler.js')));
          assert.equal(compiler, false, 'dist/compiler.js was loaded');
          const svg = await page.$$eval('figure.chart svg', (svgs) => svgs.map((e) => e.outerHTML).join(''));
          assert.doesNotMatch(svg, /#ee11[0-9a-f]{2}|EmergenceFontToken/i);
          // The marks are the user's rows (a chart drew the data it was given, not an empty compiled shape).
          const rendered = (await page.evaluate(() => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'fitRendered'))) as {
            charts: { marks: number }[];
          }[];
          assert.ok(
            rendered.length > 0 && rendered[rendered.length - 1].charts.every((c) => c.marks >= result.data.loss.length),
            'a chart drew fewer marks than rows',
          );
          if (mode === 'panel' && lang === 'en') await page.screenshot({ path: join(ARTIFACTS, `fit-${kind}-panel-1280.png`), fullPage: true });
        } finally {
          await page.close();
        }
      }
    });
  }

  for (const width of [300, 600, 1200]) {
    it(`the controls grid at ${width} px clips no label`, async () => {
      const page = await open(wide, server, { sectionId: 'code-generation', lang: 'en', theme: 'light' });
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(100);
        const clipped = await page.$$eval('#controls label, #controls .param-unit', (els) =>
          els
            .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map((e) => e.textContent),
        );
        assert.deepEqual(clipped, [], 'clipped labels');
        if (width === 300) {
          const columns = await page.$eval('.controls-grid', (g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
          assert.equal(columns, 1, 'one column at 300 px');
        }
      } finally {
        await page.close();
      }
    });
  }

  it("a pointer moving across the charts shows an item's tooltip and runs no dataflow", async () => {
    const page = await open(wide, server, { sectionId: 'scaling-formulas', lang: 'en', theme: 'light' });
    // Each view's dataflow clock counts its runs: hover processing ran one per item the pointer crossed.
    const runs = (): Promise<number> =>
      page.evaluate(() => Object.values(window.__emergenceViews?.() ?? {}).reduce((n, v) => n + (v as unknown as { _clock: number })._clock, 0));
    try {
      const before = await runs();
      const points = await page.$$eval('.chart-canvas svg .mark-symbol.role-mark path', (els) =>
        els.slice(0, 6).map((e) => {
          const r = e.getBoundingClientRect();
          return [r.x + r.width / 2, r.y + r.height / 2];
        }),
      );
      assert.ok(points.length >= 6, `only ${points.length} points to cross`);
      for (const [x, y] of points) {
        await page.mouse.move(x - 15, y - 15);
        await page.mouse.move(x, y);
      }
      await page.waitForFunction(() => Array.from(document.querySelectorAll('.chart-canvas')).some((e) => (e.getAttribute('title') ?? '').includes('L(C)')));
      assert.equal(await runs(), before, 'the dataflow ran while the pointer moved');
    } finally {
      await page.close();
    }
  });

  it('an export after many updates shows the current values, at the fixed width whatever the view', async () => {
    const page = await open(wide, server, { sectionId: 'scaling-laws', lang: 'en', theme: 'light' });
    const exportSvg = async (): Promise<string> => {
      const n = await page.evaluate(() => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'exported').length);
      await page.evaluate(() => window.postMessage({ type: 'export', format: 'svg' }, '*'));
      await page.waitForFunction((count) => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'exported').length > count, n);
      const all = (await page.evaluate(() => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'exported'))) as { data: string }[];
      return all[all.length - 1].data;
    };
    try {
      for (const v of [2e8, 5e9, 3e7, 8e10, 4e11]) await change(page, { emergenceThreshold: v });
      const svg = await exportSvg();
      assert.match(svg, /4e\+11/, 'the export does not quote the last threshold');
      assert.doesNotMatch(svg, /#ee11[0-9a-f]{2}|EmergenceFontToken/i, 'the export shows a placeholder colour');
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim());
      assert.ok(background && svg.toLowerCase().includes(background.toLowerCase()), `the export is not drawn on the theme's background ${background}`);
      assert.doesNotMatch(svg, /8e\+10 parameters/, 'the export quotes an earlier threshold');
      const width = /<svg[^>]* width="(\d+)"/.exec(svg)?.[1];
      assert.ok(width && Number(width) >= 560, `export width ${width}`);
      await page.setViewportSize({ width: 360, height: 900 });
      await page.waitForTimeout(200);
      const narrowSvg = await exportSvg();
      assert.equal(/<svg[^>]* width="(\d+)"/.exec(narrowSvg)?.[1], width, 'the export width follows the view');
    } finally {
      await page.close();
    }
  });
});
