// Which lines of a Markdown note are inside a fenced code block (CommonMark fences:
// up to three spaces, then three or more ``` or ~~~, closed by a fence of the same
// character at least as long and with no info string), read by a bounded look upward.
import assert from 'node:assert/strict';
import { FENCE_SCAN_LINES, FENCE_SCAN_MAX_LINES, fenceStateAt, findFormulaAt } from '../../../src/engine/formulas/document';

function stateAfter(lines: readonly string[]): ReturnType<typeof fenceStateAt> {
  const doc = [...lines, 'C ≈ 6ND'];
  return fenceStateAt((n) => doc[n], doc.length, doc.length - 1);
}

describe('document fences: what opens and closes a block', () => {
  it('a fence may be indented by up to three spaces, not four', () => {
    for (const indent of ['', ' ', '  ', '   ']) {
      assert.deepEqual(stateAfter([`${indent}\`\`\`js`, 'x']), { inside: true, info: 'js', isMath: false, openLine: 0, basis: 'opener' }, `"${indent}"`);
    }
    assert.deepEqual(stateAfter(['    ```js', 'x']), { inside: false, isMath: false, basis: 'top' });
  });

  it('needs three or more backticks or tildes, and nothing else opens a block', () => {
    assert.equal(stateAfter(['~~~', 'x']).inside, true);
    assert.equal(stateAfter(['``', 'x']).inside, false);
    assert.equal(stateAfter(['  ``', 'x']).inside, false, 'two backticks after spaces');
    for (const other of ['***', '---', 'xxx', '"""']) assert.equal(stateAfter([other, 'x']).inside, false, other);
  });

  it('trims the info string, and a backtick fence cannot have a backtick in it (a tilde fence can)', () => {
    assert.deepEqual(stateAfter(['```   python  ', 'x']), { inside: true, info: 'python', isMath: false, openLine: 0, basis: 'opener' });
    assert.equal(stateAfter(['``` a`b', 'x']).inside, false);
    assert.deepEqual(stateAfter(['~~~ a`b', 'x']), { inside: true, info: 'a`b', isMath: false, openLine: 0, basis: 'opener' });
  });

  it('closes only with the same character, at least as long, indented or not', () => {
    assert.equal(stateAfter(['```', 'x', '~~~']).inside, true, 'tildes do not close backticks');
    assert.equal(stateAfter(['````', 'x', '```']).inside, true, 'a shorter fence does not close');
    assert.equal(stateAfter(['```', 'x', '`````']).inside, false, 'a longer fence closes');
    assert.equal(stateAfter(['  ````', 'x', '````']).inside, false, 'the length does not count the indent');
    assert.equal(stateAfter(['  ````', 'x', '   ```']).inside, true);
    // Two blocks one after the other: the second one is open.
    assert.deepEqual(stateAfter(['```', 'a', '```', '~~~~', 'b']), { inside: true, info: '', isMath: false, openLine: 3, basis: 'top' });
  });

  it('knows math blocks by their language, also in braces ({.math}) and whatever the case', () => {
    for (const info of ['math', 'LaTeX', 'tex', 'katex', '{.math}', '{{.math}}', '.tex', 'math title="x"']) {
      assert.equal(stateAfter([`\`\`\`${info}`, 'x']).isMath, true, info);
    }
    for (const info of ['python', 'mathematica', 'm.ath', '{.ma}th', '{.ma}th}', 'js math']) {
      assert.equal(stateAfter([`\`\`\`${info}`, 'x']).isMath, false, info);
    }
  });
});

describe('document fences: how far up the look goes', () => {
  it(`reads a block's opener exactly FENCE_SCAN_LINES (${FENCE_SCAN_LINES}) lines up, not one more`, () => {
    const at = (gap: number): ReturnType<typeof fenceStateAt> => {
      const doc = ['```js', ...Array<string>(gap - 1).fill('code'), 'C ≈ 6ND'];
      return fenceStateAt((n) => doc[n], doc.length, gap);
    };
    assert.deepEqual([at(FENCE_SCAN_LINES).inside, at(FENCE_SCAN_LINES).basis], [true, 'opener']);
    assert.deepEqual([at(FENCE_SCAN_LINES + 1).inside, at(FENCE_SCAN_LINES + 1).basis], [false, 'window']);
  });

  it(`replays bare fences over at most FENCE_SCAN_MAX_LINES (${FENCE_SCAN_MAX_LINES}) lines, and says when it reached the top`, () => {
    // A bare fence every 10 lines: each can open or close, so the look goes on.
    const doc = Array.from({ length: 1200 }, (_, i) => (i % 10 === 0 ? '```' : 'code'));
    const get = (n: number): string => doc[n];
    assert.equal(fenceStateAt(get, doc.length, 1050).basis, 'window');
    assert.equal(fenceStateAt(get, doc.length, FENCE_SCAN_MAX_LINES + 1).basis, 'window', 'line 0 is one line too far');
    assert.equal(fenceStateAt(get, doc.length, FENCE_SCAN_MAX_LINES).basis, 'top');
    // Lines 0, 10, …, 990 are 100 fences: an even count, so line 995 is outside.
    assert.deepEqual(fenceStateAt(get, doc.length, 995), { inside: false, isMath: false, basis: 'top' });
    assert.deepEqual(fenceStateAt(get, doc.length, 5), { inside: true, info: '', isMath: false, openLine: 0, basis: 'top' });
    // From line 1005 the look stops at line 5: the fences 10 … 1000 are replayed from outside.
    assert.deepEqual(fenceStateAt(get, doc.length, 1005), { inside: false, isMath: false, basis: 'window' });
  });

  it('takes a line that getLine cannot give as empty', () => {
    // A document whose lines are not all strings (a sparse or stale source).
    const doc: unknown[] = ['```js', undefined, 42, 'C ≈ 6ND', '```', 'C ≈ 6ND'];
    const get = (n: number): string => doc[n] as string;
    assert.equal(fenceStateAt(get, doc.length, 3).inside, true);
    assert.equal(findFormulaAt(get, doc.length, 3, 0), undefined);
    assert.equal(findFormulaAt(get, doc.length, 5, 0)?.recognition.kind, 'compute-flops');
    assert.equal(findFormulaAt(get, doc.length, 1, 0), undefined);
  });
});
