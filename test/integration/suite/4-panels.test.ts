// Chart panels in the real host: a parameter change reaches the charts' data, export
// writes valid files, malformed messages change nothing, and a saved panel state is
// restored by the serializer's path with the same parameters.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, mkdtempSync } from 'node:fs';
import { expectedSectionMarks, marksById } from '../support/expectedMarks';
import { SHOW_CHART, closeAllEditors, extension, waitForRender, type RenderedReport } from '../support/host';

interface Rendered extends RenderedReport {
  params: Record<string, unknown>;
  charts: { id: string; marks: number; digest: string }[];
}

interface Api {
  panels: { restore(panel: vscode.WebviewPanel, state: unknown): void };
}

function rendered(sectionId: string, accept?: (r: Rendered) => boolean): Promise<Rendered> {
  return waitForRender<Rendered>(sectionId, accept);
}

function digest(r: Rendered, chartId: string): string {
  const chart = r.charts.find((c) => c.id === chartId);
  assert.ok(chart, `chart ${chartId} missing`);
  return chart.digest;
}

describe('chart panels', function () {
  this.timeout(120_000);
  let api: Api;

  before(async () => {
    api = (await extension().activate()) as Api;
    await closeAllEditors();
  });

  after(async () => closeAllEditors());

  it('a parameter change, sent as the webview would receive it, changes the chart data', async () => {
    await vscode.commands.executeCommand(SHOW_CHART, 'phase-transition');
    const before = await rendered('phase-transition');
    assert.equal(before.params.transitionModel, 'step');
    await vscode.commands.executeCommand(SHOW_CHART, 'phase-transition', { transitionModel: 'logistic', sharpness: 1 });
    const after = await rendered('phase-transition', (r) => r.params.transitionModel === 'logistic');
    assert.notEqual(digest(after, 'phase-boundaries'), digest(before, 'phase-boundaries'));
    assert.notEqual(digest(after, 'capability-heatmap'), digest(before, 'capability-heatmap'));
    // The count chart follows the step rule's grid and does not depend on the model's sharpness.
    assert.equal(after.charts.length, before.charts.length);
    assert.deepEqual(
      marksById(after.charts),
      await expectedSectionMarks('phase-transition', { transitionModel: 'logistic', sharpness: 1 }),
      'marks per chart after the change',
    );
  });

  it('exports the current chart as a valid SVG file and a PNG file', async () => {
    await vscode.commands.executeCommand(SHOW_CHART, 'scaling-laws');
    await rendered('scaling-laws');
    const dir = mkdtempSync(join(tmpdir(), 'emergence-export-'));
    const svgUri = vscode.Uri.file(join(dir, 'chart.svg'));
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('emergenceLens.saveChartSvg', svgUri);
    assert.equal(written?.fsPath, svgUri.fsPath);
    const svg = readFileSync(svgUri.fsPath, 'utf8');
    assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /class="mark-line/);
    assert.match(svg, /<\/svg>\s*$/);
    const pngUri = vscode.Uri.file(join(dir, 'chart.png'));
    await vscode.commands.executeCommand('emergenceLens.saveChartPng', pngUri);
    const png = readFileSync(pngUri.fsPath);
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 5_000, `PNG is only ${png.length} bytes`);
  });

  it('malformed messages to the webview change nothing, and it keeps working', async () => {
    await vscode.commands.executeCommand(SHOW_CHART, 'math-reasoning');
    const before = await rendered('math-reasoning');
    const dir = mkdtempSync(join(tmpdir(), 'emergence-hostile-'));
    const exportSvg = async (name: string): Promise<string> => {
      const uri = vscode.Uri.file(join(dir, name));
      assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('emergenceLens.saveChartSvg', uri))?.fsPath, uri.fsPath);
      return readFileSync(uri.fsPath, 'utf8');
    };
    const svgBefore = await exportSvg('before.svg');
    const hostile: unknown[] = [
      { type: 'setParams', params: 'thresholdGeometry=1' },
      { type: 'setParams', params: { thresholdGeometry: { valueOf: 1 } } },
      { type: 'show', sectionId: '../../etc', lang: 'en' },
      { type: 'show', sectionId: 'math-reasoning', lang: 'fr' },
      { type: 'export', format: 'exe' },
      { type: 'eval', code: 'document.body.remove()' },
      'setParams',
      null,
    ];
    for (const message of hostile) await vscode.commands.executeCommand('emergenceLens._testing.postRaw', 'math-reasoning', message);
    // The webview handles messages in order: the answer to an export posted after them
    // means it has dealt with every one (no sleep standing in for "nothing happened").
    const svgAfter = await exportSvg('after.svg');
    assert.equal(svgAfter, svgBefore, 'a malformed message changed the drawn chart');
    const still = await rendered('math-reasoning');
    assert.deepEqual(still, before, 'a malformed message changed the panel');
    await vscode.commands.executeCommand(SHOW_CHART, 'math-reasoning', { thresholdGeometry: 1e11 });
    const after = await rendered('math-reasoning', (r) => r.params.thresholdGeometry === 1e11);
    assert.notEqual(digest(after, 'emergence-curves'), digest(before, 'emergence-curves'));
    assert.deepEqual(marksById(after.charts), await expectedSectionMarks('math-reasoning', { thresholdGeometry: 1e11 }), 'marks per chart after the change');
  });

  it('restores a saved panel with its section and parameters (the serializer path)', async () => {
    await closeAllEditors();
    const panel = vscode.window.createWebviewPanel('emergenceLens.chart', 'restored', vscode.ViewColumn.Active, {});
    api.panels.restore(panel, { sectionId: 'code-generation', params: { radarSize4: 1e11 } });
    const r = await rendered('code-generation', (x) => x.params.radarSize4 === 1e11);
    assert.equal(r.params.radarSize1, 1e8, 'other parameters keep their defaults');
    assert.ok(r.charts.every((c) => c.marks > 0));
  });

  it('refuses an unreadable saved state without throwing', async () => {
    const panel = vscode.window.createWebviewPanel('emergenceLens.chart', 'bad state', vscode.ViewColumn.Active, {});
    let disposed = false;
    panel.onDidDispose(() => (disposed = true));
    api.panels.restore(panel, { sectionId: 'no-such-section', params: {} });
    assert.equal(disposed, true);
  });
});
