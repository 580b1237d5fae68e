// The extension loads and activates in a real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, extension, waitFor } from '../support/host';

describe('activation', () => {
  it(`the host has loaded ${EXTENSION_ID} from the development path`, () => {
    const ext = extension();
    assert.equal(ext.packageJSON.name, 'emergence-lens');
    assert.equal(ext.packageJSON.main, './dist/extension.js');
  });

  it('opening a Markdown note activates it (activation event onLanguage:markdown)', async () => {
    const ext = extension();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Scaling\n\nL(C) ≈ (C₀/C)^α with α = 0.050\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor('the extension to activate', () => ext.isActive, 30_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('activate() resolves and the extension stays active', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
