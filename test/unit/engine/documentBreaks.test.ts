// Formulas broken over lines (src/engine/formulas/document.ts): which breaks send the
// hover to the multi-line pass (an operator or a comma at the break, with only
// delimiters or operators between the formula and the line's edge), the joined text's
// window of ±600 characters around the cursor, and the value scan's prefilter, which
// lets only a relation followed by a number in range spend the scan's budget.
import assert from 'node:assert/strict';
import { findFormulaAt, VALUE_LINE_CHARS, VALUE_SCAN_CHARS, type FormulaAtPosition } from '../../../src/engine/formulas/document';
import { VALUE_SCAN_CONTEXT } from '../../../src/engine/formulas/values';

function hover(lines: readonly string[], line: number, column: number): FormulaAtPosition {
  const found = findFormulaAt((n) => lines[n], lines.length, line, column);
  assert.ok(found, 'a formula is found');
  return found;
}

const span = (f: FormulaAtPosition): string => `${f.recognition.kind} ${f.start.line}:${f.start.character}-${f.end.line}:${f.end.character}`;

describe('hover: a formula broken over lines is read whole', () => {
  it('broken after the comma of L(N, D): the left-hand side on the line above', () => {
    const f = hover(['L(N,', 'D) = (N_c/N)^0.076 + (D_c/D)^0.095'], 1, 8);
    assert.equal(span(f), 'loss-additive 0:0-1:34');
    assert.equal(f.recognition.relation, '=');
  });

  it('a continuation line that starts with "+" and goes on in prose', () => {
    const f = hover(['L(N, D) = (N_c/N)^α_N', '+ (D_c/D)^α_D, where D is the data'], 1, 4);
    assert.equal(span(f), 'loss-additive 0:0-1:13');
  });

  it('a first line that starts in prose and ends with "+"', () => {
    const f = hover(['where L(N, D) = (N_c/N)^α_N +', '(D_c/D)^α_D'], 0, 12);
    assert.equal(span(f), 'loss-additive 0:6-1:11');
  });

  it('a line between formulas that is prose breaks nothing: each line keeps its own formula', () => {
    const lines = ['L(N) = (N_c/N)^α_N', 'and', 'L(D) = (D_c/D)^α_D'];
    assert.equal(span(hover(lines, 0, 8)), 'loss-params 0:0-0:18');
    assert.equal(span(hover(lines, 2, 8)), 'loss-data 2:0-2:18');
  });

  it('reads the joined text only within 600 characters of the cursor: a formula reaching further back is read on its line', () => {
    // The first term ends 700 spaces before the break, so L is 724 characters before the cursor.
    const lines = [`L(N, D) = (N_c/N)^α_N +${' '.repeat(700)}`, '(D_c/D)^α_D'];
    assert.equal(span(hover(lines, 1, 2)), 'loss-data 1:0-1:11');
    const near = [`L(N, D) = (N_c/N)^α_N +${' '.repeat(500)}`, '(D_c/D)^α_D'];
    assert.equal(span(hover(near, 1, 2)), 'loss-additive 0:0-1:11');
  });
});

describe('hover values: what spends the scan budget', () => {
  // Three long lines read first (the lines next to the formula, then the one above those)
  // would spend 3 × (600 + 2 · 64) = 2184 of the 2400 characters if each were read, leaving
  // 216: too few for a value at column 300 of the line read next.
  const FORMULA = 'L = (C_0/C)^α';
  const far = `${' '.repeat(300)}α = 0.07;${' '.repeat(400)}`;
  const layout = (decoy: string): string[] => [decoy, decoy, FORMULA, decoy, far];
  const values = (lines: string[]): [string, number, number][] => hover(lines, 2, 3).noteValues.map((v) => [v.symbol, v.value, v.line]);

  it('a relation that ends the line window, with its number just past it, costs nothing', () => {
    assert.equal(3 * (VALUE_LINE_CHARS + 2 * VALUE_SCAN_CONTEXT), 2184);
    assert.ok(VALUE_SCAN_CHARS - 2184 < 300);
    // "=" at column 599, the last of the window [0, 600); "5" at 600.
    const decoy = `${' '.repeat(597)}x =5${' '.repeat(100)}`;
    assert.equal(decoy.indexOf('='), VALUE_LINE_CHARS - 1);
    assert.deepEqual(values(layout(decoy)), [['alpha', 0.07, 4]]);
  });

  it('a relation command written without its backslash ("approx 5") costs nothing', () => {
    const decoy = ` approx 5${' '.repeat(700)}`;
    assert.deepEqual(values(layout(decoy)), [['alpha', 0.07, 4]]);
  });

  it('(the same layout with a relation and a number in range does spend it: the far value is lost)', () => {
    const decoy = ` y = 5${' '.repeat(700)}`;
    assert.deepEqual(values(layout(decoy)), []);
  });
});
