// The side view in the real host: it follows the cursor into a formula and takes the
// note's values; write-back and insert are single undo steps; a note edited after the
// view read it is never overwritten. Also the Markdown preview plugin's HTML.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extension, waitFor } from '../support/host';

interface SideViewState {
  shown?: { sectionId: string; params?: Record<string, unknown>; note?: { source: string; values: { label: string; value: number }[] } };
  rendered?: { sectionId: string; params: Record<string, unknown>; charts: { id: string; marks: number }[] };
}

const FORMULA = 'L(N,D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28';
const NOTE = ['# Chinchilla notes', '', 'The fitted law:', '', FORMULA, '', 'We also tried α = 0.36 on our data.', ''].join('\n');

async function sideView(): Promise<SideViewState> {
  return (await vscode.commands.executeCommand<SideViewState>('emergenceLens._testing.sideView')) ?? {};
}

describe('side view', function () {
  this.timeout(90_000);
  let editor: vscode.TextEditor;

  before(async () => {
    await extension().activate();
    await closeAllEditors();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
    editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('emergenceLens.openSidePanel');
    // The view takes focus when opened by command; give it back to the note.
    editor = await vscode.window.showTextDocument(doc);
  });

  after(async () => closeAllEditors());

  /** Undo acts on the focused editor: focus the note first, as a user would. */
  async function undoInNote(): Promise<void> {
    editor = await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
    await vscode.commands.executeCommand('undo');
  }

  function placeCursor(line: number, character: number): void {
    editor.selection = new vscode.Selection(line, character, line, character);
  }

  /**
   * Makes the view read the note afresh at (line, character) in the formula: the cursor
   * goes to prose under the heading first, so each step is a new 'show' the view posts
   * (an explicit event to wait for, instead of sleeping past the debounce).
   */
  async function readFormulaAt(line: number, character: number): Promise<void> {
    for (const [l, c, source] of [
      [2, 3, 'heading'],
      [line, character, 'formula'],
    ] as const) {
      placeCursor(l, c);
      await waitFor(
        `the side view to read the ${source} at ${l}:${c}`,
        async () => ((await sideView()).shown?.note?.source === source ? true : undefined),
        10_000,
      );
    }
  }

  it('follows the cursor into a formula and shows its chart with the note’s values', async () => {
    placeCursor(4, 20);
    const state = await waitFor(
      'the side view to show the formula',
      async () => {
        const s = await sideView();
        return s.shown?.note?.source === 'formula' && s.rendered?.params.lawPreset === 'custom' && s.rendered.params.alphaN === 0.34 ? s : undefined;
      },
      60_000,
      250,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; last state: ${JSON.stringify(await sideView())}`);
    });
    assert.equal(state.shown?.sectionId, 'scaling-formulas');
    assert.equal(state.rendered?.params.lInf, 1.69);
    assert.equal(state.rendered?.params.alphaD, 0.28);
    const labels = state.shown?.note?.values.map((v) => `${v.label}=${v.value}`) ?? [];
    assert.ok(labels.includes('E=1.69') || labels.some((l) => l.endsWith('=1.69')), labels.join(', '));
    assert.ok(state.rendered?.charts.every((c) => c.marks > 0));
    // Following a formula, the view shows that formula's charts only.
    assert.deepEqual(
      state.rendered?.charts.map((c) => c.id),
      ['loss-vs-params', 'loss-vs-data', 'compute-optimal'],
    );
  });

  it('writes values back into the formula in one undo step', async () => {
    const before = editor.document.getText();
    const ok = await vscode.commands.executeCommand<boolean>('emergenceLens._testing.sideViewWriteBack', { lInf: 1.82, alphaN: 0.35 });
    assert.equal(ok, true);
    const line = editor.document.lineAt(4).text;
    assert.match(line, /^L\(N,D\) = 1\.82 \+ [\d.]+\/N\^0\.35 \+ 410\.7\/D\^0\.28$/);
    await undoInNote();
    assert.equal(editor.document.getText(), before);
  });

  it('refuses to write when the note changed since the view read it', async () => {
    // Re-read the note at the formula, then edit after the cursor without moving it.
    await readFormulaAt(4, 10);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, new vscode.Position(7, 0), 'A line typed meanwhile.\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const typed = editor.document.getText();
    const ok = await vscode.commands.executeCommand<boolean>('emergenceLens._testing.sideViewWriteBack', { lInf: 2.5 });
    assert.equal(ok, false);
    assert.equal(editor.document.getText(), typed, 'the user’s text was changed');
    await undoInNote();
  });

  it("inserts a chart block right below the cursor's line, in one undo step", async () => {
    // On the formula's line, then on the prose line below it (read by its heading).
    for (const cursorLine of [4, 6]) {
      await readFormulaAt(4, 12);
      if (cursorLine === 6) {
        placeCursor(6, 3);
        await waitFor('the side view to read the prose line', async () => ((await sideView()).shown?.note?.source === 'heading' ? true : undefined), 10_000);
      }
      const before = editor.document.getText();
      const ok = await vscode.commands.executeCommand<boolean>('emergenceLens._testing.sideViewInsertChart', 'scaling-formulas', { alpha: 0.06 });
      assert.equal(ok, true);
      const lines = before.split('\n');
      const block = ['```emergence', 'section: scaling-formulas', 'params:', '  alpha: 0.06', '```'];
      const expected = [...lines.slice(0, cursorLine + 1), '', ...block, '', ...lines.slice(cursorLine + 1)];
      assert.deepEqual(editor.document.getText().split('\n'), expected, `the block is not right below line ${cursorLine + 1}`);
      await undoInNote();
      assert.equal(editor.document.getText(), before);
    }
  });

  it('the Markdown preview plugin turns an emergence block into a chart container', async () => {
    const html = await vscode.commands.executeCommand<string>(
      'markdown.api.render',
      '```emergence\nsection: phase-transition\nchart: phase-boundaries\n```\n\n```emergence\nsection: nowhere\n```\n',
    );
    assert.match(html, /class="[^"]*\bemergence-chart\b[^"]*"[^>]*data-section="phase-transition"/);
    assert.match(html, /data-chart="phase-boundaries"/);
    assert.match(html, /class="[^"]*\bemergence-chart-error\b[^"]*"[^>]*role="alert"/);
  });
});
