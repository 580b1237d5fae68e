// Finding the formula under a position: the guards on the position, a formula broken
// over lines (joined only when a line ends or starts with an operator, within a
// paragraph bounded in lines and characters), and the document positions reported.
import assert from 'node:assert/strict';
import { findFormulaAt, MATH_WINDOW_LINES, type FormulaAtPosition } from '../../../src/engine/formulas/document';

/** The seed's formula 1.3.2 broken after its parameter term; its first line alone reads as Kaplan's L(N). */
const HEAD = 'L(N,D) = (N₀/N)^α_N';
const TAIL = '+ (D₀/D)^α_D + L∞';

function at(lines: readonly string[], line: number, column: number, options?: { inclusiveEnd?: boolean }): FormulaAtPosition | undefined {
  return findFormulaAt((n) => lines[n], lines.length, line, column, options);
}

function lineCount(found: FormulaAtPosition): number {
  return found.text.split('\n').length;
}

describe('document lookup: the position', () => {
  it('finds nothing at a line that is not in the document or a column that is not a number', () => {
    // A getLine that answers for any n, so only the guard can say no.
    const any = (): string => 'C ≈ 6ND';
    assert.equal(findFormulaAt(any, 3, 2, 4)?.recognition.kind, 'compute-flops');
    for (const [line, column] of [
      [3, 4],
      [4, 4],
      [-1, 4],
      [1.5, 4],
      [1, Number.NaN],
      [1, Number.POSITIVE_INFINITY],
    ]) {
      assert.equal(findFormulaAt(any, 3, line, column), undefined, `line ${line}, column ${column}`);
    }
  });

  it('a column past the end of the line is its end, and counts as on the formula only when asked', () => {
    const lines = ['C ≈ 6ND'];
    assert.equal(at(lines, 0, 50), undefined);
    assert.deepEqual(at(lines, 0, 50, { inclusiveEnd: true })?.end, { line: 0, character: 7 });
    assert.equal(at(lines, 0, 2.7)?.recognition.kind, 'compute-flops', 'a fractional column is floored');
  });

  it('nothing on a fence line is a formula, even in its info string', () => {
    assert.equal(at(['``` C ≈ 6ND', 'x'], 0, 6), undefined);
    assert.equal(at(['~~~ L(C) ≈ (C₀/C)^α'], 0, 6), undefined);
  });
});

describe('document lookup: a formula broken over lines', () => {
  it('joins the next line when it starts with an operator, and the line when it ends with one', () => {
    for (const lines of [
      [HEAD, TAIL],
      [`${HEAD} +`, TAIL.slice(2)],
      ['Some prose', HEAD, TAIL],
    ]) {
      const line = lines.indexOf(lines.find((l) => l.startsWith('L(N,D)')) ?? '');
      const found = at(lines, line, 3);
      assert.equal(found?.recognition.kind, 'loss-additive', JSON.stringify(lines));
      assert.deepEqual(
        [found.start, found.end],
        [
          { line, character: 0 },
          { line: line + 1, character: lines[line + 1].length },
        ],
      );
    }
    // Only the line ends with an operator (the next starts with a letter), or only the line above does.
    const ends = at([`${HEAD} +`, 'L∞ + (D₀/D)^α_D'], 0, 3);
    assert.deepEqual([ends?.recognition.kind, ends?.end.line], ['loss-additive', 1]);
    for (const above of [`${HEAD} +  `, 'L(N,D) =']) {
      const below = at([above, above === 'L(N,D) =' ? 'E + A/N^α + B/D^β' : 'L∞ + (D₀/D)^α_D'], 1, 1);
      assert.deepEqual([below?.start.line, below?.end.line], [0, 1], above);
    }
    // Hovering the second line finds the same formula.
    const second = at(['x', HEAD, TAIL], 2, 5);
    assert.equal(second?.recognition.kind, 'loss-additive');
    assert.deepEqual([second.firstLine, second.start.line, second.end.line], [0, 1, 2]);
  });

  it('keeps a formula on its own line when the neighbours are prose, and reports it in line offsets', () => {
    const found = at(['Now the law:', 'C ≈ 6ND', '+ the rest is prose'], 1, 5);
    assert.equal(found?.recognition.kind, 'compute-flops');
    // The one-line answer: its text is the line itself, its offsets that line's characters.
    assert.deepEqual([found.text, found.firstLine, found.start, found.end], ['C ≈ 6ND', 1, { line: 1, character: 0 }, { line: 1, character: 7 }]);
    assert.deepEqual([found.symbol?.role, found.symbolStart, found.symbolEnd], ['N', { line: 1, character: 5 }, { line: 1, character: 6 }]);
    // Without an operator at either edge nothing is joined.
    const alone = at([HEAD, 'L∞ + (D₀/D)^α_D'], 0, 3);
    assert.deepEqual([alone?.recognition.kind, alone?.text], ['loss-params', HEAD]);
  });

  it('stops at a blank line (spaces, tabs or a carriage return), a fence or a line over 4,000 characters', () => {
    for (const gap of ['', '   ', '\t', '\r', ' \t\r ', '```', 'x'.repeat(4001)]) {
      const found = at([`${HEAD} +`, gap, TAIL.slice(2)], 0, 3);
      assert.deepEqual([found?.recognition.kind, found?.text], ['loss-params', `${HEAD} +`], JSON.stringify(gap.slice(0, 10)));
    }
    // A line of exactly 4,000 characters is still read.
    const long = 'y'.repeat(4000);
    const found = at([long, HEAD, TAIL], 1, 3);
    assert.deepEqual([found?.recognition.kind, found?.firstLine, found && lineCount(found)], ['loss-additive', 0, 3]);
    // The paragraph starts after the blank line above it.
    const para = at(['intro', ' \t', 'a', HEAD, TAIL, '', 'after'], 3, 3);
    assert.deepEqual([para?.firstLine, para && lineCount(para)], [2, 3]);
  });

  it(`joins at most MATH_WINDOW_LINES (${MATH_WINDOW_LINES}) lines on each side`, () => {
    const prose = Array.from({ length: 30 }, (_, i) => `prose ${i}`);
    const lines = [...prose, HEAD, TAIL, ...prose];
    const found = at(lines, 30, 3);
    assert.equal(found?.recognition.kind, 'loss-additive');
    assert.equal(found.firstLine, 30 - MATH_WINDOW_LINES);
    assert.equal(lineCount(found), 2 * MATH_WINDOW_LINES + 1);
    // Reading from the second line, the window is centred there.
    const fromTail = at(lines, 31, 5);
    assert.deepEqual([fromTail?.firstLine, fromTail && lineCount(fromTail)], [31 - MATH_WINDOW_LINES, 2 * MATH_WINDOW_LINES + 1]);
  });

  it('joins at most 8,000 characters, nearest lines first', () => {
    const wide = 'w'.repeat(3000);
    const found = at([wide, wide, wide, HEAD, TAIL, wide, wide], 3, 3);
    assert.equal(found?.recognition.kind, 'loss-additive');
    // HEAD + two wide lines above fit; a third would pass 8,000; TAIL fits below, the next wide line does not.
    assert.deepEqual([found.firstLine, lineCount(found)], [1, 4]);
    assert.ok(found.text.length <= 8000, `${found.text.length} characters`);
  });

  it('joins a line that brings the text to exactly 8,000 characters, not one more', () => {
    // Each joined line adds its length and a newline. From TAIL (17): HEAD (20) + 3,001 + 3,001 = 6,039 before the third line above.
    const wide = 'w'.repeat(3000);
    const upTo = (third: number): FormulaAtPosition | undefined => at(['w'.repeat(third), wide, wide, HEAD, TAIL], 4, 5);
    assert.equal(TAIL.length + HEAD.length + 1 + 2 * (wide.length + 1), 6039);
    assert.equal(upTo(8000 - 6039)?.firstLine, 0);
    assert.equal(upTo(8000 - 6039 + 1)?.firstLine, 1);
    // Below: HEAD + TAIL (18) + 3,001 + 3,001 = 6,039 before the third line below.
    const downTo = (third: number): number | undefined => {
      const found = at([HEAD, TAIL, wide, wide, 'w'.repeat(third)], 0, 3);
      return found && lineCount(found);
    };
    assert.equal(HEAD.length + TAIL.length + 1 + 2 * (wide.length + 1), 6039);
    assert.equal(downTo(8000 - 6039), 5);
    assert.equal(downTo(8000 - 6039 + 1), 4);
  });

  it('does not join a neighbour over 4,000 characters, even when it ends with the first half of the formula', () => {
    const pad = (n: number): string => `${'z'.repeat(n - HEAD.length - 3)} ${HEAD} +`;
    assert.equal(pad(4001).length, 4001);
    assert.equal(at([pad(4001), TAIL], 1, 5)?.recognition.kind, 'loss-data');
    assert.equal(at([pad(4000), TAIL], 1, 5)?.recognition.kind, 'loss-additive');
  });

  it('does not join around a line over 4,000 characters (a formula there is read on its line only)', () => {
    const pad = (n: number): string => `${'z'.repeat(n - HEAD.length - 1)} ${HEAD}`;
    const over = at([pad(4001), TAIL], 0, 4001 - 5);
    assert.deepEqual([over?.recognition.kind, over?.firstLine, over && lineCount(over)], ['loss-params', 0, 1]);
    const exactly = at([pad(4000), TAIL], 0, 4000 - 5);
    assert.deepEqual([exactly?.recognition.kind, exactly && lineCount(exactly)], ['loss-additive', 2]);
  });
});
