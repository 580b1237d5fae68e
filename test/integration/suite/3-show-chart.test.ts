// `Emergence: Show Emergence Chart` opens a panel for every section of the registry,
// and the panel's webview paints all of that section's charts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SECTIONS } from '../../../src/sections';
import { LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams } from '../../../src/sections/types';
import { expectedSectionMarks, marksById } from '../support/expectedMarks';
import {
  LAST_RENDERED,
  type RenderedReport,
  SHOW_CHART,
  activeWebviewTab,
  closeAllEditors,
  extension,
  requestWebviewSnapshot,
  waitFor,
  webviewTabs,
} from '../support/host';

/** The chart ids a section draws with its defaults (they do not depend on language or theme). */
function expectedChartIds(sectionId: string): string[] {
  const section = SECTIONS.find((s) => s.id === sectionId);
  if (!section) throw new Error(`unknown section ${sectionId}`);
  return section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME }).map((c) => c.id);
}

describe('Show Emergence Chart', function () {
  this.timeout(90_000);

  before(async () => {
    await extension().activate();
    await closeAllEditors();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  for (const section of SECTIONS) {
    it(`${section.id}: opens a panel and its webview renders every chart`, async () => {
      const expected = expectedChartIds(section.id);
      assert.ok(expected.length > 0, `${section.id} has no charts`);

      await vscode.commands.executeCommand(SHOW_CHART, section.id);
      const tab = await waitFor('an active webview panel', () => activeWebviewTab(), 20_000);
      assert.ok(tab.label.length > 0);

      // The webview posts {type:'rendered'} after painting; the extension keeps it.
      const report = await waitFor(
        `the webview of ${section.id} to report its charts`,
        async () => {
          const r = await vscode.commands.executeCommand<RenderedReport | undefined>(LAST_RENDERED, section.id);
          return r && r.sectionId === section.id ? r : undefined;
        },
        60_000,
        250,
      );
      assert.deepEqual(report.charts.map((c) => c.id).sort(), [...expected].sort(), 'charts reported by the webview');
      // Exactly the items the unit-tested spec draws headless, chart by chart.
      assert.deepEqual(marksById(report.charts), await expectedSectionMarks(section.id), 'marks per chart: webview vs headless render');

      // The launcher looks at the real DOM in the browser; without one the check fails.
      const snap = await requestWebviewSnapshot(section.id, expected);
      assert.ok(snap.ok, `webview snapshot failed: ${snap.error}`);
      assert.equal(snap.state, 'ready');
      assert.deepEqual(snap.charts?.map((c) => c.id).sort(), [...expected].sort(), 'chart figures in the webview DOM');
      for (const c of snap.charts ?? []) assert.ok(c.marks > 0, `figure ${c.id} has no SVG marks in the DOM`);
      assert.deepEqual(snap.webviewErrors ?? [], [], 'console errors / CSP violations in the webview');
    });
  }

  it('an unknown section id is refused: no panel, no render', async () => {
    assert.equal(await vscode.commands.executeCommand(SHOW_CHART, 'no-such-section'), false);
    assert.deepEqual(webviewTabs(), [], 'a panel was opened');
    const r = await vscode.commands.executeCommand<RenderedReport | undefined>(LAST_RENDERED, 'no-such-section');
    assert.equal(r, undefined);
  });
});
