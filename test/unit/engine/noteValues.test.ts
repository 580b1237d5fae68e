// The values a hover reads around a formula (src/engine/formulas/document.ts,
// findFormulaAt → noteValues): every relation form, signs, how far it looks (lines and
// columns, VALUE_WINDOW_LINES, VALUE_MARGIN_CHARS, VALUE_LINE_CHARS), nearest line first,
// fences skipped, and the caps. Each expected value is the number written in the note.
import * as assert from 'node:assert/strict';
import { findFormulaAt, MAX_NOTE_VALUES, VALUE_LINE_CHARS, VALUE_MARGIN_CHARS, VALUE_WINDOW_LINES } from '../../../src/engine/formulas/document';

const FORMULA = 'L(C) ≈ (C₀/C)^α';

/** [symbol, value, line] of the values found for the formula on `line`. */
function values(lines: string[], line: number, column = 3): [string, number, number][] {
  const found = findFormulaAt((n) => lines[n], lines.length, line, column);
  assert.ok(found, `a formula on line ${line}`);
  return found.noteValues.map((v) => [v.symbol, v.value, v.line]);
}

describe('engine/formulas: values around a formula', () => {
  it('reads every relation a note uses: = ≈ : ： ＝ := \\approx \\simeq \\sim', () => {
    const cases: [string, number][] = [
      ['α = 0.05', 0.05],
      ['α ≈ 0.05', 0.05],
      ['α: 0.05', 0.05],
      ['α：0.05', 0.05],
      ['α ＝ 0.05', 0.05],
      ['α := 0.05', 0.05],
      ['α \\approx 0.05', 0.05],
      ['α \\simeq 0.05', 0.05],
      ['α \\sim 0.05', 0.05],
      ['α = -0.05', -0.05],
      ['α = − 0.05', -0.05],
      ['α = .5', 0.5],
      ['α =\t0.05', 0.05],
    ];
    for (const [note, value] of cases) assert.deepEqual(values([note, FORMULA], 1), [['alpha', value, 0]], note);
  });

  it('ignores a relation without a number, and commands that are not relations', () => {
    for (const note of ['α = x', 'α \\approxx 3', 'α \\frac 3', 'α = .', 'α = -', 'α 0.05', 'α =', '\\'])
      assert.deepEqual(values([note, FORMULA], 1), [], note);
  });

  it('takes the formula line first, then the nearest lines, above before below', () => {
    const lines = ['C₀ = 3e8', 'α = 0.07', FORMULA + ', α = 0.05', 'α = 0.09', 'C₀ = 4e8'];
    assert.deepEqual(values(lines, 2), [
      ['alpha', 0.05, 2],
      ['alpha', 0.07, 1],
      ['alpha', 0.09, 3],
      ['C_0', 3e8, 0],
      ['C_0', 4e8, 4],
    ]);
  });

  it(`looks ${VALUE_WINDOW_LINES} lines each way, no further`, () => {
    const blank = (n: number) => Array.from({ length: n }, () => 'text');
    const above = ['α = 0.01', ...blank(VALUE_WINDOW_LINES - 1), FORMULA];
    assert.deepEqual(values(above, VALUE_WINDOW_LINES), [['alpha', 0.01, 0]]);
    const tooFar = ['α = 0.01', ...blank(VALUE_WINDOW_LINES), FORMULA];
    assert.deepEqual(values(tooFar, VALUE_WINDOW_LINES + 1), []);
    const below = [FORMULA, ...blank(VALUE_WINDOW_LINES - 1), 'α = 0.02'];
    assert.deepEqual(values(below, 0), [['alpha', 0.02, VALUE_WINDOW_LINES]]);
    const belowFar = [FORMULA, ...blank(VALUE_WINDOW_LINES), 'α = 0.02'];
    assert.deepEqual(values(belowFar, 0), []);
  });

  it('skips fence lines and reads a long line only in a window around the cursor column', () => {
    assert.deepEqual(values(['α = 0.05 ```', FORMULA], 1), [['alpha', 0.05, 0]], 'a fence must start the line');
    assert.deepEqual(values([FORMULA, '```α = 0.05'], 0), [], 'a fence line is not read');
    // Line 0 is long: its value sits far right of the cursor column (3) on the formula line.
    const pad = 'x '.repeat((VALUE_LINE_CHARS + 50) / 2);
    assert.deepEqual(values([`${pad}α = 0.05`, FORMULA], 1), [], 'past the 600-character window from the line start');
    const near = 'x '.repeat((VALUE_LINE_CHARS - 50) / 2);
    assert.deepEqual(values([`${near}α = 0.05`, FORMULA], 1), [['alpha', 0.05, 0]], 'within the window');
    // A cursor far right on a long formula line moves the window of the other lines with it.
    const longFormula = `${'y '.repeat(500)}${FORMULA}`;
    const col = longFormula.length - 5;
    const left = `α = 0.05${' z'.repeat(600)}`;
    assert.deepEqual(values([left, longFormula], 1, col), [], `more than ${VALUE_MARGIN_CHARS} characters left of the cursor column`);
    const right = `${' z'.repeat(480)}α = 0.06`;
    assert.deepEqual(values([right, longFormula], 1, col), [['alpha', 0.06, 0]], 'near the cursor column');
  });

  it(`keeps at most ${MAX_NOTE_VALUES} values`, () => {
    const many = Array.from({ length: 10 }, (_, i) => Array.from({ length: 10 }, (_, j) => `α = ${i * 10 + j + 1}`).join(', '));
    const found = values([...many, FORMULA], 10);
    assert.equal(found.length, MAX_NOTE_VALUES);
    assert.deepEqual(found[0], ['alpha', 91, 9], 'the nearest line first');
  });
});
