// `Emergence: Fit Emergence Points to This Table` in a real extension host: the Markdown
// table at the cursor is drawn in the emergence-real panel instead of the shipped data;
// a table with a bad cell gets one error naming row and column and opens no panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, waitForRender, webviewTabs, type RenderedReport } from '../support/host';

const COMMAND = 'emergenceLens.emergenceFromTable';

function note(badScore?: string): string {
  return [
    '# My models',
    '',
    '| Model | Family | params | FLOPs | arithmetic_3ds_2_acc |',
    '|---|---|---:|---:|---:|',
    '| m1 | mine | 1e8 | 1e19 | 0.01 |',
    '| m2 | mine | 3e8 | 1e20 | 0.02 |',
    `| m3 | mine | 1e9 | 1e21 | ${badScore ?? '0.10'} |`,
    '| m4 | mine | 3e9 | 1e22 | 0.45 |',
    '| m5 | mine | 1e10 | 1e23 | 0.80 |',
    '| m6 | mine | 3e10 | 1e24 | 0.90 |',
    '| m7 | mine | 1e11 | 1e25 | 0.93 |',
    '',
  ].join('\n');
}

async function openNote(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(5, 2, 5, 2);
  return editor;
}

interface UserRendered extends RenderedReport {
  userTable?: { name: string; models: number };
}

describe('Emergence from the user’s table', function () {
  this.timeout(120_000);

  before(async () => {
    await extension().activate();
    await closeAllEditors();
  });
  after(closeAllEditors);

  it('a table with a bad cell gets one error and no panel', async () => {
    const editor = await openNote(note('lots'));
    const before = editor.document.getText();
    const errors: string[] = [];
    const original = vscode.window.showErrorMessage;
    // Capture the message instead of showing it (restored below).
    (vscode.window as { showErrorMessage: (m: string) => Thenable<undefined> }).showErrorMessage = (m: string) => {
      errors.push(m);
      return Promise.resolve(undefined);
    };
    try {
      const ok = await vscode.commands.executeCommand<boolean>(COMMAND);
      assert.equal(ok, false);
    } finally {
      (vscode.window as { showErrorMessage: typeof original }).showErrorMessage = original;
    }
    assert.equal(errors.length, 1, errors.join(' | '));
    assert.match(errors[0], /Row 7\b|第 7 行/, errors[0]);
    assert.match(errors[0], /arithmetic_3ds_2_acc/, errors[0]);
    assert.equal(webviewTabs().length, 0);
    assert.equal(editor.document.getText(), before);
  });

  it('draws the note’s table in the emergence-real panel', async () => {
    const editor = await openNote(note());
    const ok = await vscode.commands.executeCommand<boolean>(COMMAND);
    assert.equal(ok, true);
    const name = editor.document.uri.path.split('/').pop() as string;
    const rendered = await waitForRender<UserRendered>('emergence-real', (r) => r.userTable !== undefined);
    assert.deepEqual(rendered.userTable, { name, models: 7 });
    assert.ok(
      rendered.charts.some((c) => c.id === 'real-emergence' && c.marks > 0),
      JSON.stringify(rendered.charts),
    );
  });
});
