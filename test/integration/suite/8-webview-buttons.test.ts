// The buttons and controls a user presses inside the three webviews, pressed for real
// through the launcher's browser (no `_testing.*` shortcut to the host method), with
// the effect checked where the user would see it: the note, the files, the charts.
//
// What these tests assume about the pages (webview/*.ts, being refactored): the
// controls are reachable by ARIA role and accessible name, in English —
//   chart panel: a slider named "Geometry threshold" (math-reasoning, log10 position),
//     per-chart buttons "Save SVG", "Save PNG", "Copy Vega-Lite spec";
//   side view: a slider "α_N (Kaplan preset)", buttons "Write values to note", "Insert chart";
//   fit panel: a button "Insert results into the note".
// Save SVG / PNG open the workbench's save dialog, which the launcher answers with a path.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import type { FitCommandResult } from '../../../src/extension/fitCommand';
import { expectedSectionMarks, marksById } from '../support/expectedMarks';
import { SHOW_CHART, actInWebview, closeAllEditors, extension, waitFor, waitForRender, type RenderedReport } from '../support/host';

interface Rendered extends RenderedReport {
  params: Record<string, unknown>;
}

function rendered(sectionId: string, accept?: (r: Rendered) => boolean): Promise<Rendered> {
  return waitForRender<Rendered>(sectionId, accept);
}

describe('webview buttons and controls, pressed in the page', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'emergence-buttons-'));

  before(async () => {
    await extension().activate();
    await closeAllEditors();
  });

  after(async () => closeAllEditors());

  it('chart panel: dragging the geometry threshold slider to 1e11 redraws the charts', async () => {
    await vscode.commands.executeCommand(SHOW_CHART, 'math-reasoning');
    const before = await rendered('math-reasoning');
    assert.equal(before.params.thresholdGeometry, 5e10);
    await actInWebview('math-slider', ['emergence-curves', 'summary-table'], [{ kind: 'fill', role: 'slider', name: 'Geometry threshold', value: 11 }]);
    const after = await rendered('math-reasoning', (r) => r.params.thresholdGeometry === 1e11);
    assert.deepEqual(marksById(after.charts), await expectedSectionMarks('math-reasoning', { thresholdGeometry: 1e11 }));
    await closeAllEditors();
  });

  it('chart panel: "Save SVG" and "Save PNG" write the chart where the save dialog says', async () => {
    await vscode.commands.executeCommand(SHOW_CHART, 'scaling-laws');
    await rendered('scaling-laws');
    const svgPath = join(dir, 'pressed.svg');
    const pngPath = join(dir, 'pressed.png');
    await actInWebview(
      'save-svg',
      ['performance-curve'],
      [
        { kind: 'press', role: 'button', name: 'Save SVG' },
        { kind: 'saveAs', path: svgPath },
      ],
    );
    await waitFor('the SVG file', () => existsSync(svgPath), 20_000);
    assert.match(readFileSync(svgPath, 'utf8'), /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"[\s\S]*class="mark-line[\s\S]*<\/svg>\s*$/);
    await actInWebview(
      'save-png',
      ['performance-curve'],
      [
        { kind: 'press', role: 'button', name: 'Save PNG' },
        { kind: 'saveAs', path: pngPath },
      ],
    );
    await waitFor('the PNG file', () => existsSync(pngPath) && readFileSync(pngPath).length > 5_000, 20_000);
    assert.deepEqual([...readFileSync(pngPath).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });

  it('chart panel: "Copy Vega-Lite spec" puts the chart\'s spec on the clipboard', async () => {
    await vscode.env.clipboard.writeText('before');
    await actInWebview('copy-spec', ['performance-curve'], [{ kind: 'press', role: 'button', name: 'Copy Vega-Lite spec' }]);
    const text = await waitFor(
      'the clipboard to change',
      async () => {
        const t = await vscode.env.clipboard.readText();
        return t !== 'before' ? t : undefined;
      },
      20_000,
    );
    assert.match(String((JSON.parse(text) as { $schema?: string }).$schema), /vega-lite/);
    await closeAllEditors();
  });

  describe('side view', () => {
    const FORMULA = 'L(N,D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28';
    const NOTE = ['# Chinchilla notes', '', 'The fitted law:', '', FORMULA, '', 'More runs next week.', ''].join('\n');
    const FOCUS = ['loss-vs-params', 'loss-vs-data', 'compute-optimal'];
    let editor: vscode.TextEditor;

    async function shown(): Promise<{ source?: string; alphaN?: unknown }> {
      const s = await vscode.commands.executeCommand<{ shown?: { note?: { source: string } }; rendered?: { params: Record<string, unknown> } }>(
        'emergenceLens._testing.sideView',
      );
      return { source: s?.shown?.note?.source, alphaN: s?.rendered?.params.alphaN };
    }

    /** Heading, then formula: two readings the view posts, so the last one is fresh. */
    async function readFormula(): Promise<void> {
      for (const [line, source] of [
        [2, 'heading'],
        [4, 'formula'],
      ] as const) {
        editor.selection = new vscode.Selection(line, 3, line, 3);
        await waitFor(`the side view to read the ${source}`, async () => ((await shown()).source === source ? true : undefined), 15_000);
      }
    }

    before(async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
      editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('emergenceLens.openSidePanel');
      editor = await vscode.window.showTextDocument(doc);
      await readFormula();
      await waitFor("the view to draw the note's α_N", async () => ((await shown()).alphaN === 0.34 ? true : undefined), 60_000);
    });

    it('"Write values to note" writes the slider\'s α_N into the formula', async () => {
      const version = editor.document.version;
      await actInWebview('side-write-back', FOCUS, [
        { kind: 'fill', role: 'slider', name: 'α_N (your constants)', value: 0.36 },
        { kind: 'press', role: 'button', name: 'Write values to note' },
      ]);
      await waitFor('the note to change', () => editor.document.version > version, 20_000);
      assert.match(editor.document.lineAt(4).text, /^L\(N,D\) = 1\.69 \+ [\d.]+\/N\^0\.36 \+ 410\.7\/D\^0\.28$/);
    });

    it('"Insert chart" inserts an emergence block right below the cursor\'s line', async () => {
      await readFormula();
      const before = editor.document.getText().split('\n');
      await actInWebview('side-insert', FOCUS, [{ kind: 'press', role: 'button', name: 'Insert chart' }]);
      await waitFor('the block to appear', () => editor.document.lineCount > before.length, 20_000);
      const lines = editor.document.getText().split('\n');
      assert.deepEqual(lines.slice(0, 5), before.slice(0, 5), 'the note above the cursor changed');
      assert.equal(lines[5], '');
      assert.equal(lines[6], '```emergence');
      assert.equal(lines[7], 'section: scaling-formulas');
      const end = lines.indexOf('```', 7);
      assert.ok(end > 7, 'unclosed block');
      assert.ok(lines.slice(8, end).includes('  alphaN: 0.36'), lines.slice(8, end).join('\n'));
      assert.deepEqual(lines.slice(end + 2), before.slice(5), 'the note below the block changed');
    });
  });

  it('fit panel: "Insert results into the note" writes the results table below the data', async () => {
    await closeAllEditors();
    const truth: ChinchillaParams = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const rows: string[] = ['| N | D | loss |', '|---:|---:|---:|'];
    for (let i = 0; i < 30; i++) {
      const N = 10 ** (7 + (i % 6) * 0.6);
      const D = 10 ** (9 + Math.floor(i / 6) * 0.5);
      rows.push(`| ${N.toPrecision(6)} | ${D.toPrecision(6)} | ${chinchillaLoss(N, D, truth).toPrecision(9)} |`);
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: ['# Runs', '', ...rows, '', 'The end.', ''].join('\n') });
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    editor.selection = new vscode.Selection(5, 2, 5, 2);
    const result = await vscode.commands.executeCommand<FitCommandResult>('emergenceLens.fitScalingLaw', {
      grid: 'coarse',
      resamples: 20,
      seed: 1,
      interactive: false,
    });
    assert.ok(result.ok, result.ok ? '' : result.message);
    const shownCharts = await vscode.commands.executeCommand<{ charts: { id: string }[] } | undefined>('emergenceLens._testing.fitRendered', true, 60_000);
    assert.ok(shownCharts);
    const original = doc.getText();
    await actInWebview(
      'fit-insert',
      shownCharts.charts.map((c) => c.id),
      [{ kind: 'press', role: 'button', name: 'Insert results into the note' }],
    );
    await waitFor('the results in the note', () => doc.getText() !== original, 20_000);
    const lines = doc.getText().split('\n');
    const lastRow = 2 + rows.length - 1;
    assert.deepEqual(lines.slice(0, lastRow + 1), original.split('\n').slice(0, lastRow + 1));
    assert.equal(lines[lastRow + 1], '');
    assert.match(lines[lastRow + 2], /^\*\*Scaling-law fit\*\*/);
    assert.match(doc.getText(), /\| E \(irreducible loss\) \| 1\.69 \|/);
    assert.ok(doc.getText().endsWith('The end.\n'), 'the prose after the table was lost');
  });
});
