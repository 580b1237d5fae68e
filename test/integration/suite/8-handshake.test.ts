// The webview host's start-up handshake in the real host (issue 11): what a panel is
// sent before its page says ready arrives; a side view hidden and shown again gets its
// state again; closing a panel disposes its host and every subscription it made.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LAST_RENDERED, SHOW_CHART, closeAllEditors, extension, waitFor } from '../support/host';

interface Rendered {
  sectionId: string;
  params: Record<string, unknown>;
}

interface SideView {
  rendered?: Rendered;
}

interface Api {
  panels: { liveHosts(): { hosts: number; subscriptions: number } };
}

describe('webview host handshake', function () {
  this.timeout(120_000);
  let api: Api;

  before(async () => {
    api = (await extension().activate()) as Api;
    await closeAllEditors();
  });

  after(async () => closeAllEditors());

  it('parameters posted before the page is ready reach the page', async () => {
    // Opening with parameters posts 'show' at once, before the new page has loaded its script.
    await vscode.commands.executeCommand(SHOW_CHART, 'representations', { seed: 7 });
    const r = await waitFor(
      'the first render with seed 7',
      async () => {
        const last = await vscode.commands.executeCommand<Rendered | undefined>(LAST_RENDERED, 'representations');
        return last && last.params.seed === 7 ? last : undefined;
      },
      60_000,
      200,
    );
    assert.equal(r.params.seed, 7);
  });

  it('a closed panel leaves no host and no subscription behind', async () => {
    await closeAllEditors();
    const before = api.panels.liveHosts();
    await vscode.commands.executeCommand(SHOW_CHART, 'implications');
    await waitFor('a render', async () => vscode.commands.executeCommand<Rendered | undefined>(LAST_RENDERED, 'implications'), 60_000, 200);
    const open = api.panels.liveHosts();
    assert.equal(open.hosts, before.hosts + 1);
    assert.ok(open.subscriptions > before.subscriptions);
    await closeAllEditors();
    const after = await waitFor('the host disposed', () => {
      const now = api.panels.liveHosts();
      return now.hosts === before.hosts ? now : undefined;
    });
    assert.deepEqual(after, before);
  });

  it('a side view hidden and shown again gets its state again', async () => {
    await vscode.commands.executeCommand('emergenceLens.openSidePanel');
    const first = await waitFor(
      'the side view rendered',
      async () => (await vscode.commands.executeCommand<SideView>('emergenceLens._testing.sideView'))?.rendered,
      60_000,
      200,
    );
    // Hide it (another view container) and show it again: the page is re-created and says ready again.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await new Promise((r) => setTimeout(r, 500));
    const next = vscode.commands.executeCommand<Rendered | undefined>('emergenceLens._testing.sideViewWaitRendered', 60_000);
    await vscode.commands.executeCommand('emergenceLens.openSidePanel');
    const again = await next;
    assert.ok(again, 'the re-created side view never rendered');
    assert.equal(again.sectionId, first.sectionId, 'the re-created side view did not get its state');
  });
});
