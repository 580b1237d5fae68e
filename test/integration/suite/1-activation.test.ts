// The extension activates when a Markdown note opens, and activation is what makes the
// note's formulas answer hovers and the manifest's commands run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contributedCommands, extension, waitFor } from '../support/host';

/** The commands a user can run, as the README lists them. */
const USER_COMMANDS = [
  'emergenceLens.copyChartSpec',
  'emergenceLens.emergenceFromTable',
  'emergenceLens.fitScalingLaw',
  'emergenceLens.openSidePanel',
  'emergenceLens.saveChartPng',
  'emergenceLens.saveChartSvg',
  'emergenceLens.showChart',
];

describe('activation', () => {
  it('opening a Markdown note activates it: the formula answers a hover and every contributed command is registered', async () => {
    const ext = extension();
    // Suite 1 runs first: nothing has opened a note, a chart or the side view yet.
    assert.equal(ext.isActive, false, 'active before any activation event fired');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Scaling\n\nL(C) ≈ (C₀/C)^α with α = 0.050\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor('the extension to activate (onLanguage:markdown)', () => ext.isActive, 30_000);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 1));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    // 10^-0.05 = 0.891: the worked example with the note's α, only our provider writes it.
    assert.match(text, new RegExp(`10\\^-α = ${(10 ** -0.05).toFixed(3).replace('.', '\\.')}`));

    assert.deepEqual([...contributedCommands()].sort(), USER_COMMANDS, 'contributes.commands in package.json');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      USER_COMMANDS.filter((c) => !registered.has(c)),
      [],
      'contributed but not registered by activate()',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
