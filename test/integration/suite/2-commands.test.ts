// Every command the manifest contributes is registered once the extension is active.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LAST_RENDERED, contributedCommands, extension } from '../support/host';

describe('commands', () => {
  before(async () => {
    await extension().activate();
  });

  it('the manifest contributes at least one command', () => {
    assert.ok(contributedCommands().length > 0, 'package.json contributes.commands is empty');
  });

  for (const command of contributedCommands()) {
    it(`${command} is registered`, async () => {
      const registered = await vscode.commands.getCommands(true);
      assert.ok(registered.includes(command), `${command} is contributed in package.json but not registered by activate()`);
    });
  }

  it(`the test-only command ${LAST_RENDERED} is registered`, async () => {
    const registered = await vscode.commands.getCommands(true);
    assert.ok(registered.includes(LAST_RENDERED));
  });
});
