// What extractNoteValues (src/engine/formulas/values.ts) does not take for a value, and
// how it reads a range of a long line: expressions, relations that are not equalities,
// overflow, compute units and scale suffixes by symbol, and the context read around a
// range. Each expected value is the number as written in the input.
import * as assert from 'node:assert/strict';
import { extractNoteValues, VALUE_SCAN_CONTEXT } from '../../../src/engine/formulas/values';

const read = (s: string, scan?: { from?: number; to?: number }) => extractNoteValues(s, scan).map((v) => [v.symbol, v.value, v.unit ?? null]);

describe('engine/formulas: what a note value is not, and reading a range', () => {
  it('an expression is not a value: a product or sum after the number, a non-integer power, a bracket, a letter', () => {
    for (const bad of ['N = 5/10^3', 'N = 5 + 10^3', 'N = 10*3', 'N = 10-3', 'α = 0.5(1+x)', 'α = 5B', 'N = 5*', 'N = 10^{13', 'N = ', 'α = 10^{1.5}']) {
      assert.deepEqual(read(bad), [], bad);
    }
  });

  it('punctuation after a number ends it; a value ends where its number (or brace, suffix, unit) ends', () => {
    assert.deepEqual(read('N = 5, D = 7'), [
      ['N', 5, null],
      ['D', 7, null],
    ]);
    assert.deepEqual(read('N = 5, 10^3 steps'), [['N', 5, null]]);
    // A space before the star (where Markdown could open emphasis) still makes a product.
    assert.deepEqual(read('N_c = 8.8 *10^13'), [['N_c', 8.8e13, null]]);
    for (const s of ['N = 10^{13}', 'N_c = 8.8 × 10^{-3}', 'N = 70B', 'C = 2.5M PF-days']) {
      const [v] = extractNoteValues(`${s}; more`);
      assert.equal(v?.end, s.length, s);
    }
  });

  it('a number too large for a double is no value', () => {
    for (const s of ['N = 1e400', 'N = 10^400', 'N = 9e200 × 10^200']) assert.deepEqual(read(s), [], s);
  });

  it('scale suffixes belong to C, N and D; compute units to C only, written in one piece', () => {
    assert.deepEqual(read('C = 2.5M PF-days'), [['C', 2.5e6, 'PF-days']]);
    assert.deepEqual(read('C = 5K FLOPs'), [['C', 5e3, 'FLOPs']]);
    assert.deepEqual(read('N = 5 FLOPs'), [['N', 5, null]]);
    assert.deepEqual(read('C = 3 PF days'), [], 'PF then days is a letter after the number, not a unit');
  });

  it('words named like Object properties are neither units nor suffixes', () => {
    assert.deepEqual(read('C = 5 constructor'), [['C', 5, null]]);
    assert.deepEqual(read('C = 5 __proto__'), [['C', 5, null]]);
    assert.deepEqual(read('N = 5constructor'), [['N', 5, null]]);
  });

  it('relations: proportional to, a comma or an arrow is no equality', () => {
    for (const bad of ['α ∝ 0.05', 'α, 0.05', 'α → 0.05', 'α — 0.05']) assert.deepEqual(read(bad), [], bad);
  });

  it('a Greek letter written before N, D or C takes it as its subscript; a symbol at the very end is no value', () => {
    assert.deepEqual(read('αN = 0.076, αD = 0.095, αC = 0.05'), [
      ['alpha_N', 0.076, null],
      ['alpha_D', 0.095, null],
      ['alpha_C', 0.05, null],
    ]);
    assert.deepEqual(read('the exponent α'), []);
  });

  it('input that is not a string gives no values', () => {
    for (const bad of [undefined, null, 42]) assert.deepEqual(extractNoteValues(bad as unknown as string), [], String(bad));
  });

  it('a range reads VALUE_SCAN_CONTEXT characters before it and no more: a value at its start is found after a long blank', () => {
    const blank = ' '.repeat(VALUE_SCAN_CONTEXT + 36);
    const line = `x${blank}N = 5`;
    const at = line.indexOf('N');
    assert.deepEqual(read(line, { from: at }), [['N', 5, null]]);
    assert.deepEqual(read(line, { from: at - 10 }), [['N', 5, null]]);
    // A style command further back than the context does not reach the symbol.
    const styled = `\\bar${' '.repeat(VALUE_SCAN_CONTEXT + 10)}N = 5`;
    const [v] = extractNoteValues(styled, { from: styled.indexOf('N') });
    assert.equal(v?.symbolStart, styled.indexOf('N'));
  });

  it('a range reads VALUE_SCAN_CONTEXT characters after it: a number with nothing read after it may go on, so it is skipped', () => {
    const line = `N = 5${' '.repeat(VALUE_SCAN_CONTEXT + 10)}× 10^3`;
    assert.deepEqual(read(line), [['N', 5000, null]], 'the whole line');
    assert.deepEqual(read(line, { to: 5 }), [], 'cut before the × 10^3 it could not see');
    assert.deepEqual(read(`N = 5, ${line.slice(5)}`, { to: 5 }), [['N', 5, null]], 'a comma read after it ends the number');
    const harmless = `N = 5${' '.repeat(VALUE_SCAN_CONTEXT + 10)}.`;
    assert.deepEqual(read(harmless), [['N', 5, null]], 'the whole line');
    assert.deepEqual(read(harmless, { to: 5 }), [], 'only blanks read after it: skipped, though the line goes on harmlessly');
  });
});
