// A control change in the webview page: the charts update without recreating their
// Vega views where only data changed, the state is persisted with setState, and the
// page keyboard-operates its controls. Headless Chromium, strict CSP.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/browser.mjs';
import { REPO_ROOT, startServer, type TestServer } from './support/server';
import { VSCODE_API_STUB, type StubWindow } from './support/vscodeApiStub';

interface Timings {
  updates: number;
  inPlaceUpdates: number;
  rebuilds: number;
}

describe('webview page: parameter changes', function () {
  this.timeout(120_000);
  let server: TestServer;
  let context: BrowserContext;
  const profile = join(REPO_ROOT, '.cache', 'e2e-params-chromium');

  before(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'webview.js'))) {
      assert.equal(spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' }).status, 0);
    }
    rmSync(profile, { recursive: true, force: true });
    server = await startServer();
    context = await launchChromium(profile, { viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: VSCODE_API_STUB });
  });

  after(async () => {
    await context?.close();
    await server?.close();
  });

  async function open(sectionId: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(server.pageUrl({ sectionId, lang: 'en', theme: 'light' }), { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.state === 'ready', undefined, { timeout: 60_000 });
    return page;
  }

  const timings = (page: Page): Promise<Timings> => page.evaluate(() => window.__emergenceTimings as Timings);
  const boundaries = (page: Page): Promise<string> => page.$eval('figure[data-chart-id="phase-boundaries"] svg', (svg) => svg.outerHTML);

  it('a data-only change updates the live views in place and redraws the marks', async () => {
    const page = await open('phase-transition');
    const before = await timings(page);
    const svgBefore = await boundaries(page);
    await page.evaluate(() => window.postMessage({ type: 'setParams', params: { thresholdSimpleReasoning: 3e9 } }, '*'));
    await page.waitForFunction(() => (window.__emergenceTimings?.updates ?? 0) >= 1);
    const after = await timings(page);
    assert.equal(after.rebuilds, before.rebuilds, 'a Vega view was recreated');
    assert.ok(after.inPlaceUpdates > before.inPlaceUpdates);
    assert.notEqual(await boundaries(page), svgBefore, 'the marks did not change');
    const state = (await page.evaluate(() => (window as unknown as StubWindow).__state)) as { params: Record<string, unknown> };
    assert.equal(state.params.thresholdSimpleReasoning, 3e9, 'the parameter was not persisted with setState');
    await page.close();
  });

  it('the controls are labelled and operable from the keyboard', async () => {
    const page = await open('phase-transition');
    const slider = page.locator('#param-sharpness');
    assert.equal(await page.locator('label[for="param-sharpness"]').count(), 1);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window.__emergenceTimings?.updates ?? 0) >= 1);
    const state = (await page.evaluate(() => (window as unknown as StubWindow).__state)) as { params: Record<string, number> };
    assert.ok(state.params.sharpness > 2, `sharpness is ${state.params.sharpness}`);
    await page.close();
  });

  it('out-of-range values are clamped, not drawn', async () => {
    const page = await open('scaling-formulas');
    await page.evaluate(() => window.postMessage({ type: 'setParams', params: { alpha: 50 } }, '*'));
    await page.waitForFunction(() => (window.__emergenceTimings?.updates ?? 0) >= 1);
    const state = (await page.evaluate(() => (window as unknown as StubWindow).__state)) as { params: Record<string, number> };
    assert.equal(state.params.alpha, 0.2);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'ready');
    await page.close();
  });

  it('a subtitle that quotes a parameter follows a change, and the headings that do not are left as they were', async () => {
    const page = await open('representations');
    const subtitle = page.locator('figure[data-chart-id="representation-panels"] .chart-subtitle');
    assert.match((await subtitle.textContent()) ?? '', /seed\(42\)/);
    // Marks every heading element, to tell a rewritten heading from one left alone.
    await page.evaluate(() => document.querySelectorAll('.chart-heading > *').forEach((el) => ((el as HTMLElement).dataset.kept = 'yes')));
    await page.evaluate(() => window.postMessage({ type: 'setParams', params: { seed: 7 } }, '*'));
    await page.waitForFunction(() => (window.__emergenceTimings?.updates ?? 0) >= 1);
    assert.match((await subtitle.textContent()) ?? '', /seed\(7\)/);
    // The same elements, updated in place: a change writes text, it does not rebuild the headings.
    assert.equal(await page.locator('.chart-heading > *:not([data-kept="yes"])').count(), 0);
    await page.close();
  });

  it('a number field shows the value the charts use after an entry that was clamped (twice) or refused', async () => {
    const page = await open('scaling-formulas');
    await page.waitForFunction(() => customElements.get('vscode-textfield') !== undefined);
    const field = page.locator('#param-alpha + vscode-textfield');
    const input = field.locator('input');
    const shown = (): Promise<string> => field.evaluate((f) => (f as unknown as { value: string }).value);
    const updates = (): Promise<number> => page.evaluate(() => window.__emergenceTimings?.updates ?? 0);
    const enter = async (text: string, update: boolean): Promise<void> => {
      const before = await updates();
      await input.fill(text);
      await input.press('Enter');
      if (update) await page.waitForFunction((n) => (window.__emergenceTimings?.updates ?? 0) > n, before);
    };
    // Clamped to the range's end, then a second entry clamped to the same value: the field shows it both times.
    for (const entry of ['50', '60']) {
      await enter(entry, true);
      assert.equal(await shown(), '0.2', `after ${entry}`);
    }
    // Not a number: refused, the field shows the value again.
    await enter('abc', false);
    assert.equal(await shown(), '0.2', 'after abc');
    const state = (await page.evaluate(() => (window as unknown as StubWindow).__state)) as { params: Record<string, number> };
    assert.equal(state.params.alpha, 0.2);
    await page.close();
  });
});
