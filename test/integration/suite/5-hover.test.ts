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
    // The worked example with the note's α = 0.05: 10^-0.05 = 0.891, 2^(1/0.05) = 1.05e6.
    assert.match(text, new RegExp(`10\\^-α = ${(10 ** -0.05).toPrecision(3).replace('.', '\\.')} for α = 0\\.05 \\(from the note\\)`));
    assert.match(text, /2\^\(1\/α\) ≈ 1\.05e6× more compute/);
    assert.match(text, /data:image\/svg\+xml;base64,/);
    assert.match(text, /command:emergenceLens\.showChart/);
    assert.match(text, /command:emergenceLens\.openSidePanel/);
  });

  it("explains one symbol of a LaTeX formula: β's own heading and meaning, not the whole formula's", async () => {
    const text = await hoverText(doc, 4, '\\beta');
    // Only a symbol's hover starts with the symbol and its meaning, then names its formula.
    assert.match(text, /^### `β` — Data exponent: 10× more tokens shrinks the data term B\/D\^β by a factor 10\^-β\./m);
    assert.match(text, /^Part of the \*\*[^*]+\*\* `/m);
    // Its typical values are β's: Hoffmann's 0.28 and Besiroglu's 0.3658.
    assert.match(text, /^Typical published values: 0\.28 \(Hoffmann et al\. 2022, approach 3, eq\. 10\)[^\n]*0\.3658 ± 0\.02 \(Besiroglu et al\. 2024/m);
    const whole = await hoverText(doc, 4, 'L(N,D)', 1);
    assert.doesNotMatch(whole, /^### `/m, 'the whole-formula hover has a symbol heading');
    assert.doesNotMatch(whole, /^Part of the/m);
  });

  it('gives nothing on plain text or inside a code block', async () => {
    assert.equal(await hoverText(doc, 6, 'A/B'), '');
    assert.equal(await hoverText(doc, 6, '(C)', 1), '');
    assert.equal(await hoverText(doc, 9, 'L(C)', 1), '');
  });
});
