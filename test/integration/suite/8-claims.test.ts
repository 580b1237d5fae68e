// Emergence claims in a note, in the real host: the hover says what the measured data
// says (ObsScaling, Ruan et al. 2024) and links to the real-model chart.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extension } from '../support/host';

const NOTE = ['# Notes', '', 'Arithmetic emerges at 1e10 parameters.', '', '算术运算在1000亿参数时涌现。', '', 'Nothing to check here.'].join('\n');

async function hoverText(doc: vscode.TextDocument, line: number, needle: string): Promise<string> {
  const character = doc.lineAt(line).text.indexOf(needle);
  assert.ok(character >= 0, `"${needle}" not on line ${line}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('emergence claim hover', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    await extension().activate();
    // A file of its own: an untitled document may be reused by an earlier suite's.
    const file = join(mkdtempSync(join(tmpdir(), 'claims-')), 'claims.md');
    writeFileSync(file, NOTE);
    doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.getText(), NOTE);
  });

  after(async () => closeAllEditors());

  it('checks the claim against the fitted emergence point and links to the chart', async () => {
    const text = await hoverText(doc, 2, 'emerges');
    assert.match(text, /3-digit subtraction|三位数减法/);
    assert.match(text, /95% (CI|置信区间)/);
    assert.match(text, /Disagrees with the data|与数据不符/);
    assert.match(text, /command:emergenceLens\.showChart\?/);
    assert.match(text, /%22emergence-real%22/);
  });

  it('reads the Chinese claim too', async () => {
    const text = await hoverText(doc, 4, '涌现');
    assert.match(text, /1000亿|100B/);
  });

  it('gives nothing on plain text', async () => {
    assert.equal(await hoverText(doc, 6, 'Nothing'), '');
  });
});
