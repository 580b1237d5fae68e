// The formula hover in the real host, through vscode.executeHoverProvider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension } from '../support/host';

const NOTE = [
  '# Scaling laws',
  '',
  'The compute law: L(C) ≈ (C₀/C)^α with α = 0.05 in our runs.',
  '',
  'Chinchilla: $L(N,D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}$',
  '',
  'Plain text about A/B testing, N/A and (C) is not a formula.',
  '',
  '```python',
  'loss = (C0/C)**alpha  # L(C) = (C_0/C)^alpha inside code',
  '```',
].join('\n');

async function hoverText(doc: vscode.TextDocument, line: number, needle: string, offset = 0): Promise<string> {
  const character = doc.lineAt(line).text.indexOf(needle) + offset;
  assert.ok(character >= offset, `"${needle}" not on line ${line}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('formula hover', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    await extension().activate();
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
    await vscode.window.showTextDocument(doc);
  });

  after(async () => closeAllEditors());

  it('explains L(C) with the note’s α in the worked example, a curve image and command links', async () => {
    const text = await hoverText(doc, 2, 'L(C)', 1);
    assert.match(text, /compute/i);
    assert.match(text, /Kaplan/);
    assert.match(text, /0\.891|0\.89/);
    assert.match(text, /data:image\/svg\+xml;base64,/);
    assert.match(text, /command:emergenceLens\.showChart/);
    assert.match(text, /command:emergenceLens\.openSidePanel/);
  });

  it('explains one symbol of a LaTeX formula', async () => {
    const text = await hoverText(doc, 4, '\\beta');
    assert.match(text, /Hoffmann/);
    assert.match(text, /β|beta/);
  });

  it('gives nothing on plain text or inside a code block', async () => {
    assert.equal(await hoverText(doc, 6, 'A/B'), '');
    assert.equal(await hoverText(doc, 6, '(C)', 1), '');
    assert.equal(await hoverText(doc, 9, 'L(C)', 1), '');
  });
});
