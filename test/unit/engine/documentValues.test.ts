// Which values near a formula a hover reads: each relation spelling, the window of
// each line (around the formula on its line, around the cursor's column elsewhere),
// and the character budget, which lines without a value do not spend. The expected
// lines and columns are worked out here from the documented bounds.
import assert from 'node:assert/strict';
import { findFormulaAt, VALUE_LINE_CHARS, VALUE_MARGIN_CHARS, VALUE_SCAN_CHARS, type FormulaAtPosition } from '../../../src/engine/formulas/document';
import { VALUE_SCAN_CONTEXT } from '../../../src/engine/formulas/values';

const FORMULA = 'L(C) ≈ (C₀/C)^α';

/**
 * A line of `length` spaces with each text written at its column. Values are set off
 * by "; " before and ";" after: a scan that starts inside a line drops its first token
 * (it may be the tail of a longer symbol) and a value needs an end.
 */
function lineWith(length: number, parts: readonly [number, string][]): string {
  const chars = Array<string>(length).fill(' ');
  const put = (col: number, text: string): void => {
    for (let i = 0; i < text.length; i++) chars[col + i] = text[i];
  };
  for (const [col, text] of parts) {
    if (text === FORMULA || text === '+' || text.startsWith('L(') || text.startsWith('(')) put(col, text);
    else {
      if (col >= 2) put(col - 2, '; ');
      put(col, `${text};`);
    }
  }
  return chars.join('');
}

function hover(lines: readonly string[], line: number, column: number): FormulaAtPosition {
  const found = findFormulaAt((n) => lines[n], lines.length, line, column);
  assert.ok(found, 'the formula is found');
  return found;
}

function read(found: FormulaAtPosition): [string, number, number][] {
  return found.noteValues.map((v) => [v.symbol, v.value, v.line]);
}

describe('hover values: the spellings of a value', () => {
  it('reads "=", ":=", "≈", ":", a tab, a leading dot, a minus and the TeX relations', () => {
    const notes = [
      'α =\t0.07',
      'β := 0.28',
      'E ≈ -3',
      'L∞ =\t-2',
      'C = -\t4',
      'A: .5',
      'B = 9e2',
      'x \\alpha \\approx 0.076',
      '\\beta=0.34',
      'N₀ \\thickapprox 9e8',
    ];
    const found = hover([FORMULA, ...notes], 0, 3);
    assert.deepEqual(read(found), [
      ['alpha', 0.07, 1],
      ['beta', 0.28, 2],
      ['E', -3, 3],
      ['L_inf', -2, 4],
      ['C', -4, 5],
      ['A', 0.5, 6],
      ['B', 900, 7],
      ['alpha', 0.076, 8],
      ['beta', 0.34, 9],
      ['N_0', 9e8, 10],
    ]);
  });

  it('lines with relations but no number cost the budget nothing', () => {
    // Each prose line is long enough that reading it would spend a quarter of the budget.
    const prose = 'see page 12, x = y, note: z, a \\approx b, c ≈ d, e = (f, g = .h, k = y5, \\beta 12; '.repeat(10);
    assert.ok(prose.length >= VALUE_LINE_CHARS && (VALUE_LINE_CHARS + 2 * VALUE_SCAN_CONTEXT) * 4 > VALUE_SCAN_CHARS);
    const found = hover([FORMULA, prose, prose, prose, prose, prose, 'α = 0.07'], 0, 3);
    assert.deepEqual(read(found), [['alpha', 0.07, 6]]);
  });
});

describe('hover values: the window read on each line', () => {
  it('on the formula line: from 200 before the formula to 200 after its end, within 600', () => {
    // Formula at 300–315 (cursor at 303): the window is [100, 515).
    const line = lineWith(650, [
      [55, 'E = 1.7'],
      [300, FORMULA],
      [505, 'α = 0.07'],
      [560, 'β = 0.28'],
    ]);
    const found = hover([line], 0, 303);
    assert.deepEqual([found.start.character, found.end.character], [300, 315]);
    assert.equal(300 - VALUE_MARGIN_CHARS, 100);
    assert.deepEqual(read(found), [['alpha', 0.07, 0]]);
  });

  it('near the end of a line, the unused margin goes to the left', () => {
    // Formula at 1285–1300, the line's end: 600 characters back from the end is 700.
    const line = lineWith(1300, [
      [0, 'β = 0.28'],
      [690, 'E = 1.7'],
      [1000, 'α = 0.07'],
      [1285, FORMULA],
    ]);
    assert.equal(line.length - VALUE_LINE_CHARS, 700);
    assert.deepEqual(read(hover([line], 0, 1290)), [['alpha', 0.07, 0]]);
  });

  it('on the lines of a formula broken over lines, its own columns; on the others, the cursor column', () => {
    // The formula starts at 250 on line 1 and ends on line 2: line 1 is read in [50, 650),
    // line 3 around the cursor's column (5 on line 2), in [0, 600).
    const head = lineWith(700, [
      [10, 'β = 0.28'],
      [250, 'L(N,D) = (N₀/N)^α_N'],
    ]);
    const other = lineWith(1000, [[10, 'E = 1.7']]);
    const found = hover(['', head, '+ (D₀/D)^α_D + L∞', other], 2, 5);
    assert.equal(found.recognition.kind, 'loss-additive');
    assert.deepEqual([found.start, found.end.line], [{ line: 1, character: 250 }, 2]);
    assert.deepEqual(read(found), [['E', 1.7, 3]]);
  });

  it('a cursor far along the last line of a broken formula: each line still gets its own window', () => {
    // Cursor at 255 on line 2, inside a tail spread out by spaces. The formula's last line is
    // read from its start ([0, 600)); the lines around it around the cursor, in [55, 455).
    // C ends at 463: past 455, inside 466 (where a window around the formula's end would stop).
    const prose = lineWith(1000, [
      [20, 'E = 1.7'],
      [458, 'C = 3'],
      [550, 'B = 9'],
    ]);
    const head = lineWith(269, [[250, 'L(N,D) = (N₀/N)^α_N']]);
    const tail = lineWith(700, [
      [0, '+'],
      [251, '(D₀/D)^α_D + L∞'],
      [520, 'D = 5e9'],
    ]);
    const found = hover([prose, head, tail, prose], 2, 255);
    assert.equal(found.recognition.kind, 'loss-additive');
    assert.deepEqual(
      [found.start, found.end],
      [
        { line: 1, character: 250 },
        { line: 2, character: 266 },
      ],
    );
    assert.deepEqual(read(found), [['D', 5e9, 2]]);
  });

  it(`spends at most VALUE_SCAN_CHARS (${VALUE_SCAN_CHARS}) characters, each read line costing its window and ${VALUE_SCAN_CONTEXT} on each side`, () => {
    // The formula at 300 (cursor 303) on line 15; every other line holds one value at 395.
    // A neighbour is read in [103, 503): 400 + 2·64 = 528 per line. 2400 covers lines
    // 14, 16, 13, 17 (2112) and then only 288 characters of line 12: [103, 391), short of 395.
    const formulaLine = `${'p '.repeat(150)}${FORMULA}`;
    const other = lineWith(800, [[395, 'α = 0.5']]);
    const lines = [...Array<string>(15).fill(other), formulaLine, ...Array<string>(15).fill(other)];
    const found = hover(lines, 15, 303);
    const cost = 503 - 103 + 2 * VALUE_SCAN_CONTEXT;
    assert.equal(cost, 528);
    assert.ok(4 * cost < VALUE_SCAN_CHARS && 103 + (VALUE_SCAN_CHARS - 4 * cost) < 395);
    assert.deepEqual(
      found.noteValues.map((v) => v.line),
      [14, 16, 13, 17],
    );
  });
});
