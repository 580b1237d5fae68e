// Edges of the formula recogniser (src/engine/formulas/recognize.ts): symbol keys and
// labels, the cheap pre-scan's character classes, the cursor window of recognizeAt, and
// symbolAt. Expected values written by hand from the Unicode code points named.
import * as assert from 'node:assert/strict';
import { mayHoldFormula, recognizeAll, recognizeAt, symbolAt, symbolKey, symbolLabel } from '../../../src/engine/formulas/recognize';

const F = 'L(C) ≈ (C₀/C)^α';

describe('engine/formulas/recognize: edges', () => {
  it('symbolKey: one Latin subscript upper-case after a Greek base, lower-case after a Latin one; Greek and long subscripts', () => {
    assert.equal(symbolKey('alpha', 'n'), 'alpha_N');
    assert.equal(symbolKey('alpha', 'N'), 'alpha_N');
    assert.equal(symbolKey('N', 'C'), 'N_c');
    assert.equal(symbolKey('N', 'c'), 'N_c');
    assert.equal(symbolKey('C', 'MIN'), 'C_min');
    assert.equal(symbolKey('C', 'c,min'), 'C_c,min');
    assert.equal(symbolKey('L', 'alpha'), 'L_alpha', 'a Greek subscript keeps its name');
    assert.equal(symbolKey('N', '0'), 'N_0');
    assert.equal(symbolKey('N', ''), 'N');
    assert.equal(symbolKey('N'), 'N');
    assert.equal(symbolKey('N', 'é'), 'N_é', 'not Latin: unchanged');
    assert.equal(symbolKey('N', 'É'), 'N_É', 'not Latin: unchanged');
    assert.equal(symbolKey('L', 'Delta'), 'L_Delta', 'a capital Greek subscript keeps its name');
    // The edges of A–Z and a–z.
    assert.equal(symbolKey('N', 'A'), 'N_a');
    assert.equal(symbolKey('N', 'Z'), 'N_z');
    assert.equal(symbolKey('alpha', 'a'), 'alpha_A');
    assert.equal(symbolKey('alpha', 'z'), 'alpha_Z');
  });

  it('symbolLabel: Greek letters, subscript digits, ∞, and ^min / ^opt after a comma', () => {
    assert.equal(symbolLabel('alpha', 'N'), 'α_N');
    assert.equal(symbolLabel('C', '0'), 'C₀');
    assert.equal(symbolLabel('C', '0123456789'), 'C₀₁₂₃₄₅₆₇₈₉');
    assert.equal(symbolLabel('L', 'inf'), 'L∞');
    assert.equal(symbolLabel('C', 'c,min'), 'C_c^min');
    assert.equal(symbolLabel('N', 'e,opt'), 'N_e^opt');
    assert.equal(symbolLabel('C', 'c,max'), 'C_c,max', 'only min and opt are superscripts');
    assert.equal(symbolLabel('N', 'beta'), 'N_β');
    assert.equal(symbolLabel('beta'), 'β');
    assert.equal(symbolLabel('beta', ''), 'β');
    assert.equal(symbolLabel('X', '1a'), 'X_1a', 'digits and letters: not subscript digits');
    assert.equal(symbolLabel('X', 'a1'), 'X_a1');
    assert.equal(symbolLabel('X', '1/'), 'X_1/');
    assert.equal(symbolLabel('C', 'min'), 'C_min', 'no comma: a plain subscript');
    assert.equal(symbolLabel('N', ',min'), 'N_,min', 'nothing before the comma: a plain subscript');
  });

  it('mayHoldFormula: a power, a relation or a backslash; each superscript and relation range at its edges', () => {
    for (const s of [
      '^',
      '*',
      '=',
      '\\',
      '~',
      '²',
      '³',
      '¹',
      '⁰',
      '⁹',
      '\u207f',
      '\u1d2c',
      '\u1d6a',
      '\u1d9b',
      '\u1dbf',
      'ʰ',
      '\u02b8',
      'ˡ',
      'ˣ',
      '≈',
      '≃',
      '≅',
      '∼',
      '∝',
      '＝',
    ])
      assert.equal(mayHoldFormula(`x ${s} y`), true, `U+${s.codePointAt(0)?.toString(16)}`);
    for (const s of [
      'a',
      '+',
      '-',
      '/',
      '(',
      '\u00b1',
      '\u00b4',
      '\u206f',
      '\u2080',
      '\u1d2b',
      '\u1d6b',
      '\u1d9a',
      '\u1dc0',
      '\u02af',
      '\u02b9',
      '\u02e0',
      '\u02e4',
      '\u2249',
      '中',
    ])
      assert.equal(mayHoldFormula(`x ${s} y`), false, `U+${s.codePointAt(0)?.toString(16)}`);
    assert.equal(mayHoldFormula('a = b', 2, 5), true);
    assert.equal(mayHoldFormula('a = b', 3, 5), false, 'the range excludes the "="');
    assert.equal(mayHoldFormula('a = b', 0, 2), false);
  });

  it('recognizeAll: nothing for empty or non-string input', () => {
    assert.deepEqual(recognizeAll(''), []);
    assert.deepEqual(recognizeAll(7 as unknown as string), []);
    assert.deepEqual(recognizeAll('no formula here'), []);
    assert.equal(recognizeAll(`${F} and C ≈ 6ND`).length, 2);
  });

  it('recognizeAt: the formula under the column, inclusive end on request, and none outside', () => {
    const line = `see ${F} here`;
    const start = line.indexOf('L(C)');
    const end = start + F.length;
    assert.equal(recognizeAt(line, start)?.kind, 'loss-compute');
    assert.equal(recognizeAt(line, end - 1)?.kind, 'loss-compute');
    assert.equal(recognizeAt(line, start - 1), undefined);
    assert.equal(recognizeAt(line, end), undefined, 'just after the formula');
    assert.equal(recognizeAt(line, end, { inclusiveEnd: true })?.kind, 'loss-compute');
    assert.equal(recognizeAt(line, end + 1, { inclusiveEnd: true }), undefined);
    assert.equal(recognizeAt(line, start + 2.7)?.kind, 'loss-compute', 'a fractional column is floored');
    for (const col of [-1, line.length + 1, NaN, Infinity]) assert.equal(recognizeAt(line, col), undefined, String(col));
    assert.equal(recognizeAt(7 as unknown as string, 0), undefined);
    assert.equal(recognizeAt(F, F.length, { inclusiveEnd: true })?.kind, 'loss-compute', 'the column may equal the length');
  });

  it('recognizeAt reads a window around the column: a formula cut by the window edge is not reported', () => {
    const far = `${'x '.repeat(100)}${F}`;
    const col = far.indexOf('L(C)') + 2;
    assert.equal(recognizeAt(far, col, { window: 30 })?.kind, 'loss-compute');
    assert.equal(recognizeAt(far, 10, { window: 30 }), undefined, 'the formula lies outside the window');
    // A window of 16 (the minimum) around the middle of the 15-character formula cuts neither end.
    const padded = `${'x '.repeat(20)}${F}${' y'.repeat(20)}`;
    const mid = padded.indexOf('L(C)') + 7;
    assert.equal(recognizeAt(padded, mid, { window: 1 })?.kind, 'loss-compute', 'windows under 16 are widened to 16');
    const long = `${F}${' y'.repeat(20)}`;
    assert.equal(recognizeAt(long, 14, { window: 16 })?.kind, 'loss-compute', 'the formula starts the line: no cut at 0');
    assert.equal(recognizeAt(long, 40, { window: 16 }), undefined, 'the window starts inside the formula: cut');
  });

  it('recognizeAt: a formula that reaches the window edge may go on past it, so it is not reported', () => {
    // 20 characters; each window below is 16 each side of the column.
    const G = 'L(C) ≈ (C₀/C)^α + L∞';
    const line = `${'ab '.repeat(14)}${G}${' ab'.repeat(14)}`;
    const start = line.indexOf('L(C)');
    const end = start + G.length;
    const at = (col: number) => recognizeAt(line, col, { window: 16 })?.text;
    assert.equal(at(start + 15), G, 'the window starts one before the formula');
    assert.equal(at(start + 16), undefined, 'the window starts at the formula');
    assert.equal(at(end - 15), G, 'the window ends one after the formula');
    assert.equal(at(end - 16), undefined, 'the window ends at the formula');
    // A formula longer than the window, with the column at either end.
    const spread = `see L(C) ≈ (C₀/C)^${' '.repeat(40)}α here`;
    for (const col of [spread.indexOf('L(C)'), spread.indexOf('α')]) {
      assert.equal(recognizeAt(spread, col, { window: 16 }), undefined, `cut at ${col}`);
      assert.equal(recognizeAt(spread, col, { window: 100 })?.kind, 'loss-compute', `whole at ${col}`);
    }
  });

  it('recognizeAt: the window is at most 100,000 characters each side', () => {
    const huge = `x L(C) ≈ (C₀/C)^${' '.repeat(100_010)}α y`;
    assert.equal(recognizeAll(huge)[0]?.kind, 'loss-compute');
    assert.equal(recognizeAt(huge, huge.indexOf('α'), { window: 1_000_000 }), undefined);
  });

  it('recognizeAt takes only a string line', () => {
    assert.equal(recognizeAt(['L = (C₀/C)^α'] as unknown as string, 0), undefined);
    assert.equal(recognizeAt(F, -1, { inclusiveEnd: true }), undefined);
    assert.equal(recognizeAt(F, F.length + 1, { inclusiveEnd: true }), undefined);
  });

  it('symbolAt finds the symbol or number covering an offset', () => {
    const [rec] = recognizeAll(F);
    assert.ok(rec);
    const c0 = F.indexOf('C₀');
    assert.equal(symbolAt(rec, c0)?.role, 'C_0');
    assert.equal(symbolAt(rec, c0 + 1)?.role, 'C_0');
    assert.equal(symbolAt(rec, F.indexOf('α'))?.role, 'alpha');
    assert.equal(symbolAt(rec, F.indexOf('≈')), undefined);
    assert.equal(symbolAt(rec, F.length), undefined);
  });
});
