// What the chart commands do when there is no chart, and Copy Spec's clipboard. The
// other commands are run for their effects in the suites that follow: Show Chart (3),
// Save SVG / PNG (4), Open Side Panel (6), Fit Scaling Law (7).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LAST_RENDERED, SHOW_CHART, closeAllEditors, extension, waitFor } from '../support/host';

describe('commands', function () {
  this.timeout(90_000);

  before(async () => {
    await extension().activate();
    await closeAllEditors();
  });

  after(async () => closeAllEditors());

  it('Save SVG / PNG without an open chart write nothing and resolve to undefined', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emergence-nochart-'));
    for (const [command, name] of [
      ['emergenceLens.saveChartSvg', 'a.svg'],
      ['emergenceLens.saveChartPng', 'a.png'],
    ] as const) {
      const target = vscode.Uri.file(join(dir, name));
      assert.equal(await vscode.commands.executeCommand(command, target), undefined, command);
      assert.equal(existsSync(target.fsPath), false, `${command} wrote ${name} with no chart open`);
    }
  });

  it("Copy Spec puts the current chart's Vega-Lite spec, data inline, on the clipboard", async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand(SHOW_CHART, 'scaling-laws');
    await waitFor('the chart to render', () => vscode.commands.executeCommand(LAST_RENDERED, 'scaling-laws'), 60_000, 200);
    // The command resolves after the webview's export reached the clipboard.
    await vscode.commands.executeCommand('emergenceLens.copyChartSpec');
    const text = await vscode.env.clipboard.readText();
    assert.notEqual(text, 'before', 'the clipboard was not written');
    const spec = JSON.parse(text) as { $schema?: string; datasets?: Record<string, unknown[]> };
    assert.match(spec.$schema ?? '', /vega-lite/);
    assert.doesNotMatch(text, /"url"\s*:/, 'the copied spec loads data from a URL');
    // The performance curve's 7 model sizes, 1e6 … 1e12, travel with it.
    for (const n of [1e6, 1e9, 1e12]) assert.ok(text.includes(String(n)), `no ${n} in the copied data`);
  });
});
