// The webview page standalone in headless Chromium, under its own strict CSP, with a
// stand-in for acquireVsCodeApi: every section of the registry renders all of its
// charts in the light and the dark theme (and in Chinese), with no console error and
// no CSP violation. Screenshots go to artifacts/e2e/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { findSection, SECTIONS } from '../../src/sections';
import { LIGHT_THEME } from '../../src/sections/theme';
import { defaultParams } from '../../src/sections/types';
import { REPO_ROOT, startServer, type PageOptions, type TestServer } from './support/server';
import { VSCODE_API_STUB, type StubWindow } from './support/vscodeApiStub';

const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'e2e');
const CASES: Omit<PageOptions, 'sectionId'>[] = [
  { lang: 'en', theme: 'light' },
  { lang: 'en', theme: 'dark' },
  { lang: 'zh', theme: 'light' },
  { lang: 'en', theme: 'high-contrast' },
];

interface LoadedPage {
  page: Page;
  state: string;
  errorText: string;
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

interface FigureInfo {
  id: string;
  svgs: number;
  marks: number;
}

describe('webview page in Chromium (standalone, strict CSP)', function () {
  this.timeout(120_000);
  let server: TestServer;
  let context: BrowserContext;
  const profile = join(REPO_ROOT, '.cache', 'e2e-chromium');

  before(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'webview.js'))) {
      const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
      assert.equal(b.status, 0, 'npm run build failed');
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    rmSync(profile, { recursive: true, force: true });
    server = await startServer();
    context = await launchChromium(profile, { viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: VSCODE_API_STUB });
  });

  after(async () => {
    await context?.close();
    await server?.close();
  });

  async function load(opts: PageOptions): Promise<LoadedPage> {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.url()} HTTP ${r.status()}`);
    });
    await page.goto(server.pageUrl(opts), { waitUntil: 'load' });
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state ?? ''), undefined, { timeout: 60_000 });
    const state = await page.evaluate(() => document.body.dataset.state ?? '');
    const errorText = await page.evaluate(() => document.getElementById('error')?.textContent ?? '');
    return { page, state, errorText, consoleErrors, pageErrors, failedRequests };
  }

  function posted(page: Page) {
    return page.evaluate(() => (window as unknown as StubWindow).__posted);
  }

  it("loads only its own section's code, another section's on first show, and a later show wins over a script still loading", async () => {
    const sectionScripts = (p: Page): Promise<string[]> =>
      p.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.includes('/dist/sections/'))
          .map((n) => n.slice(n.lastIndexOf('/') + 1)),
      );
    const loaded = await load({ sectionId: 'scaling-laws', lang: 'en', theme: 'light' });
    const { page } = loaded;
    try {
      assert.equal(loaded.state, 'ready');
      assert.deepEqual(await sectionScripts(page), ['scaling-laws.js']);
      // mirage's code arrives late; scaling-formulas, shown after it, must be what stays drawn.
      let releaseMirage = (): void => undefined;
      const mirageHeld = new Promise<void>((resolve) => (releaseMirage = resolve));
      await page.route('**/dist/sections/mirage.js', async (route) => {
        await mirageHeld;
        await route.continue();
      });
      await page.evaluate(() => {
        window.postMessage({ type: 'show', sectionId: 'mirage', lang: 'en' }, '*');
        window.postMessage({ type: 'show', sectionId: 'scaling-formulas', lang: 'en' }, '*');
      });
      const lastRendered = (): Promise<string | undefined> =>
        posted(page).then((m) => (m.filter((x) => x.type === 'rendered').pop() as { sectionId?: string } | undefined)?.sectionId);
      await page.waitForFunction(
        () => (window as unknown as StubWindow).__posted.filter((m) => m.type === 'rendered').pop()?.sectionId === 'scaling-formulas',
        undefined,
        { timeout: 30_000 },
      );
      releaseMirage();
      await page.waitForFunction(() => globalThis.__emergenceSections?.mirage !== undefined, undefined, { timeout: 30_000 });
      // A frame after mirage's script ran: its show() has resumed and must have drawn nothing.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
      assert.equal(await lastRendered(), 'scaling-formulas');
      const formulas = findSection('scaling-formulas');
      assert.ok(formulas);
      const expected = formulas.charts(defaultParams(formulas), { lang: 'en', theme: LIGHT_THEME });
      assert.deepEqual(
        await page.$$eval('main#charts figure.chart', (figs) => figs.map((f) => f.getAttribute('data-chart-id'))),
        expected.map((c) => c.id),
      );
      assert.deepEqual((await sectionScripts(page)).sort(), ['mirage.js', 'scaling-formulas.js', 'scaling-laws.js']);
      assert.deepEqual(loaded.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  for (const section of SECTIONS) {
    for (const c of CASES) {
      it(`${section.id} renders every chart (${c.lang}, ${c.theme})`, async () => {
        const expected = section.charts(defaultParams(section), { lang: c.lang, theme: LIGHT_THEME }).map((ch) => ch.id);
        const loaded = await load({ sectionId: section.id, ...c });
        const { page } = loaded;
        try {
          await page.screenshot({ path: join(ARTIFACTS, `${section.id}-${c.lang}-${c.theme}.png`), fullPage: true });
          assert.equal(loaded.state, 'ready', `page state (error: ${loaded.errorText})`);

          const figures: FigureInfo[] = await page.$$eval('main#charts figure.chart', (figs) =>
            figs.map((f) => ({
              id: f.getAttribute('data-chart-id') ?? '',
              svgs: f.querySelectorAll('svg').length,
              marks: f.querySelectorAll('svg g[class^="mark-"] > *, svg g[class*=" mark-"] > *').length,
            })),
          );
          assert.deepEqual(
            figures.map((f) => f.id),
            expected,
            'chart figures in the DOM, in the registry order',
          );
          for (const f of figures) {
            assert.ok(f.svgs > 0, `${f.id}: no <svg> (vega's SVG renderer)`);
            assert.ok(f.marks > 0, `${f.id}: no SVG marks`);
          }

          const rendered = (await posted(page)).filter((m) => m.type === 'rendered').pop() as
            { sectionId: string; charts: { id: string; marks: number }[] } | undefined;
          assert.ok(rendered, 'the page posted no {type:"rendered"} message');
          assert.equal(rendered.sectionId, section.id);
          assert.deepEqual(
            rendered.charts.map((ch) => ch.id),
            expected,
          );
          for (const ch of rendered.charts) assert.ok(ch.marks > 0, `${ch.id}: rendered message reports no marks`);

          const csp = await page.evaluate(() => (window as unknown as StubWindow).__cspViolations);
          assert.deepEqual(csp, [], 'CSP violations');
          assert.deepEqual(loaded.failedRequests, [], 'failed requests');
          assert.deepEqual(loaded.consoleErrors, [], 'console errors');
          assert.deepEqual(loaded.pageErrors, [], 'uncaught errors');
        } finally {
          await page.close();
        }
      });
    }
  }

  it('the dark theme reaches the charts (background from --vscode-editor-background)', async function () {
    const first = SECTIONS[0];
    assert.ok(first, 'no section in the registry');
    const backgrounds: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      const { page } = await load({ sectionId: first.id, lang: 'en', theme });
      try {
        backgrounds.push(
          await page.$eval('main#charts figure.chart svg', (svg) => {
            const rect = svg.querySelector('rect.background');
            return (rect && (rect.getAttribute('fill') || getComputedStyle(rect).fill)) || getComputedStyle(svg).backgroundColor;
          }),
        );
      } finally {
        await page.close();
      }
    }
    assert.notEqual(backgrounds[0], backgrounds[1], `light and dark charts share the background ${backgrounds[0]}`);
  });

  it('an unknown section id shows an error message instead of a blank page', async () => {
    const loaded = await load({ sectionId: 'no-such-section', lang: 'en', theme: 'light' });
    try {
      assert.equal(loaded.state, 'error');
      assert.ok(loaded.errorText.trim().length > 0, '#error is empty');
      assert.ok(await loaded.page.isVisible('#error'), '#error is hidden');
      assert.deepEqual(loaded.pageErrors, []);
    } finally {
      await loaded.page.close();
    }
  });

  it('malformed host messages are dropped without breaking the page', async function () {
    const first = SECTIONS[0];
    assert.ok(first, 'no section in the registry');
    const loaded = await load({ sectionId: first.id, lang: 'en', theme: 'light' });
    const { page } = loaded;
    try {
      assert.equal(loaded.state, 'ready');
      const before = await page.$$eval('main#charts figure.chart', (f) => f.length);
      await page.evaluate(() => {
        for (const m of [null, 42, 'show', { type: 'show' }, { type: 'setParams', params: 'x' }, { type: 'nope' }, { type: 'setLang', lang: 'fr' }]) {
          window.postMessage(m, '*');
        }
      });
      // Then one valid message: messages are handled in order, so once the page shows
      // Chinese it has dealt with every malformed one before it (no sleep).
      await page.evaluate(() => window.postMessage({ type: 'setLang', lang: 'zh' }, '*'));
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.body.dataset.state === 'ready', undefined, { timeout: 10_000 });
      assert.equal(await page.$$eval('main#charts figure.chart', (f) => f.length), before);
      assert.deepEqual(loaded.pageErrors, []);
      assert.deepEqual(loaded.consoleErrors, []);
    } finally {
      await page.close();
    }
  });
});
