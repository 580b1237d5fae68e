// Issue 14, item 5: the value scan of a hover is bounded per line and per hover,
// whatever the neighbouring lines hold. Counts, not times (timings are in
// `npm run bench`, bench/hover.ts's hostile cases).
import * as assert from 'node:assert/strict';
import {
  MAX_NOTE_VALUES,
  VALUE_LINE_CHARS,
  VALUE_MARGIN_CHARS,
  VALUE_SCAN_CHARS,
  findFormulaAt,
  type FormulaAtPosition,
} from '../../../src/engine/formulas/document';
import { extractNoteValues } from '../../../src/engine/formulas/values';

const FORMULA = 'L(C) ≈ (C₀/C)^α';

function fill(unit: string, max: number): string {
  return unit.repeat(Math.floor(max / unit.length));
}

function hoverAt(lines: readonly string[], line: number, column: number): FormulaAtPosition {
  const found = findFormulaAt((n) => lines[n], lines.length, line, column);
  assert.ok(found, 'the formula is found');
  return found;
}

/** Characters a hover's values were read from, per line: the span from the first value's start to the last one's end. */
function spans(found: FormulaAtPosition): number {
  const byLine = new Map<number, { from: number; to: number }>();
  for (const v of found.noteValues) {
    const s = byLine.get(v.line) ?? { from: v.start, to: v.end };
    byLine.set(v.line, { from: Math.min(s.from, v.start), to: Math.max(s.to, v.end) });
  }
  return [...byLine.values()].reduce((n, s) => n + s.to - s.from, 0);
}

describe('hover value scan: bounded per line and per hover (issue 14, item 5)', () => {
  it('collects at most MAX_NOTE_VALUES values from ±15 lines of 4,000 characters of "alpha=1, " (was 13,320)', () => {
    const filler = fill('alpha=1, ', 4000);
    assert.equal(extractNoteValues(filler).length, 444, 'each such line alone holds 444 values');
    const lines = [...Array<string>(15).fill(filler), FORMULA, ...Array<string>(15).fill(filler)];
    const found = hoverAt(lines, 15, 3);
    assert.ok(found.noteValues.length > 0 && found.noteValues.length <= MAX_NOTE_VALUES, `${found.noteValues.length} values`);
  });

  it('reads at most VALUE_SCAN_CHARS characters in all, nearest lines first', () => {
    // One value every 10 characters on every neighbouring line, none over the cap.
    const filler = fill('α = 0.5;  ', 4000);
    const lines = [...Array<string>(15).fill(filler), FORMULA, ...Array<string>(15).fill(filler)];
    const found = hoverAt(lines, 15, 3);
    assert.ok(spans(found) <= VALUE_SCAN_CHARS, `values spread over ${spans(found)} characters`);
    const used = new Set(found.noteValues.map((v) => v.line));
    // Nearest first: the lines just above and below are read, the farthest are not.
    assert.ok(used.has(14) && used.has(16), [...used].join(','));
    assert.ok(!used.has(0) && !used.has(30), [...used].join(','));
    const distances = found.noteValues.map((v) => Math.abs(v.line - 15));
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
      'nearest line first',
    );
  });

  it('reads a long neighbouring line near the cursor column only (it used to skip lines over 4,000 characters)', () => {
    const long = `α = 0.05 ${'x'.repeat(20_000)} N₀ = 9e13 ${'y'.repeat(20_000)}`;
    const found = hoverAt([FORMULA, long], 0, 3);
    assert.deepEqual(
      found.noteValues.map((v) => [v.symbol, v.value, v.line]),
      [['alpha', 0.05, 1]],
    );
    // Every value lies within one line window of the cursor's column.
    for (const v of found.noteValues) assert.ok(v.end <= 3 + VALUE_MARGIN_CHARS + VALUE_LINE_CHARS);
  });

  it('reads the formula line around the formula, wherever it is on the line', () => {
    const line = `${'prose '.repeat(500)}${FORMULA} with α = 0.076 and C₀ = 3.1e8 ${'more '.repeat(600)}`;
    const found = hoverAt([line], 0, line.indexOf(FORMULA) + 3);
    assert.deepEqual(
      found.noteValues.map((v) => [v.symbol, v.value]),
      [
        ['alpha', 0.076],
        ['C_0', 3.1e8],
      ],
    );
  });

  it('a window that ends inside a number never yields a wrong value', () => {
    const text = 'α = 8.8 × 10^13 and N₀ = 8.8e13 and D = 70B';
    const whole = extractNoteValues(text);
    assert.deepEqual(
      whole.map((v) => v.value),
      [8.8e13, 8.8e13, 70e9],
    );
    for (let to = 0; to <= text.length; to++) {
      for (const v of extractNoteValues(text, { to })) {
        assert.ok(
          whole.some((w) => w.symbol === v.symbol && w.value === v.value && w.start === v.start && w.end === v.end),
          `cut at ${to}: ${v.label} = ${v.value}`,
        );
      }
    }
  });

  it('a window that starts inside a symbol never yields a shortened one ("αN" read as "N")', () => {
    const text = 'x αN = 0.34';
    assert.deepEqual(
      extractNoteValues(text).map((v) => v.symbol),
      ['alpha_N'],
    );
    assert.deepEqual(extractNoteValues(text, { from: text.indexOf('N') }), []);
  });

  it('stops at the limit it is given', () => {
    assert.equal(extractNoteValues('α = 1, β = 2, E = 3', { limit: 2 }).length, 2);
  });
});
