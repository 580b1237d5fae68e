// Webview figures for `npm run bench`: per section, the time from page load to all
// charts painted and the time to apply one parameter change, measured by the page's
// own performance marks (window.__emergenceTimings) in headless Chromium; and the
// size of the webview bundle.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../scripts/lib/browser.mjs';
import { SECTIONS } from '../src/sections/index';
import type { NumberParam } from '../src/sections/types';
import { REPO_ROOT, startServer } from '../test/e2e/support/server';
import { VSCODE_API_STUB } from '../test/e2e/support/vscodeApiStub';

interface PageTimings {
  firstPaintMs?: number;
  lastUpdateMs?: number;
  updates: number;
  inPlaceUpdates: number;
  rebuilds: number;
}

export interface WebviewBenchRow {
  section: string;
  charts: number;
  loadToPaintedMs: number;
  firstPaintMs: number;
  paramChange: string;
  updateMs: number;
  inPlace: boolean;
}

export async function benchWebview(): Promise<{ rows: WebviewBenchRow[]; bundleKiB: number }> {
  const bundleKiB = statSync(join(REPO_ROOT, 'dist', 'webview.js')).size / 1024;
  const server = await startServer();
  const context = await launchChromium(join(REPO_ROOT, '.cache', 'bench-chromium'), { viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: VSCODE_API_STUB });
  const rows: WebviewBenchRow[] = [];
  try {
    for (const section of SECTIONS) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(server.pageUrl({ sectionId: section.id, lang: 'en', theme: 'light' }), { waitUntil: 'load' });
      await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
      const loadToPaintedMs = Date.now() - started;
      const first = (await page.evaluate(() => window.__emergenceTimings)) as PageTimings;
      // One change of the first numeric parameter, as a slider would send it.
      const param = section.params.find((p): p is NumberParam => p.kind === 'number');
      let updateMs = Number.NaN;
      let inPlace = false;
      let change = '—';
      if (param) {
        const value = param.scale === 'log' ? Math.min(param.max, param.default * 2) : Math.min(param.max, param.default + param.step);
        change = `${param.name} → ${value}`;
        await page.evaluate((p) => window.postMessage({ type: 'setParams', params: p }, '*'), { [param.name]: value });
        await page.waitForFunction(() => (window.__emergenceTimings?.updates ?? 0) >= 1, undefined, { timeout: 30_000 });
        const after = (await page.evaluate(() => window.__emergenceTimings)) as PageTimings;
        updateMs = after.lastUpdateMs ?? Number.NaN;
        inPlace = after.rebuilds === first.rebuilds;
      }
      rows.push({
        section: section.id,
        charts: await page.$$eval('figure.chart', (f) => f.length),
        loadToPaintedMs,
        firstPaintMs: first.firstPaintMs ?? Number.NaN,
        paramChange: change,
        updateMs,
        inPlace,
      });
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
  }
  return { rows, bundleKiB };
}
