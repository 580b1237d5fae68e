// The fused multiply-add inside glibcLog (src/engine/random.ts), against a + b·c rounded
// once computed exactly with rational arithmetic, and numpy's stream at the end of each of
// the first eight MT19937 blocks (issue 15, from the mutation run). Reference values in
// fixtures/fma_reference.json, written by fixtures/fma_reference.py (Python 3.11.7
// fractions, numpy 2.4.6).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NumpyLegacyRandom, fma } from '../../../src/engine/random';

interface Reference {
  fma: [number, number, number, number][];
  random_sample_42: Record<string, number>;
}

const REF: Reference = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'fma_reference.json'), 'utf8'));

describe('engine/random: fma', () => {
  it('rounds a·b + c once, to nearest-even, for random and hand-picked tie cases', () => {
    assert.ok(REF.fma.length > 300);
    for (const [a, b, c, expected] of REF.fma) assert.ok(Object.is(fma(a, b, c), expected), `fma(${a}, ${b}, ${c}): got ${fma(a, b, c)}, exact ${expected}`);
  });

  it('decides a tie at the 53rd bit by the bits below the 64 it keeps', () => {
    // 1 + 2⁻⁵³ is halfway between 1 and 1 + 2⁻⁵²: even (1) wins; anything above it rounds up.
    assert.equal(fma(1, 1, 2 ** -53), 1);
    assert.equal(fma(1, 1, 2 ** -53 + 2 ** -105), 1 + 2 ** -52);
    assert.equal(fma(1, 1, 2 ** -53 + 2 ** -104), 1 + 2 ** -52);
    assert.equal(fma(-1, 1, -(2 ** -53 + 2 ** -105)), -(1 + 2 ** -52));
    // (1 + 2⁻⁵²)² − 1 = 2⁻⁵¹ + 2⁻¹⁰⁴ exactly; a separate multiply would lose the 2⁻¹⁰⁴.
    assert.equal(fma(1 + 2 ** -52, 1 + 2 ** -52, -1), 2 ** -51 + 2 ** -104);
    assert.equal(fma(1, 1, 1e-300), 1, 'an addend 1000 binades down');
    assert.equal(fma(2 ** -300, 2 ** -300, 2 ** -600), 2 ** -599, 'a scale past 2^-1022 split in two');
  });

  it('IEEE special values and zeros behave as a·b + c', () => {
    for (const [a, b, c] of [
      [NaN, 2, 1],
      [2, NaN, 1],
      [2, 3, NaN],
      [Infinity, 1, -Infinity],
      [Infinity, 0, 1],
    ])
      assert.ok(Number.isNaN(fma(a, b, c)), `fma(${a}, ${b}, ${c})`);
    assert.equal(fma(Infinity, 2, 1), Infinity);
    assert.equal(fma(2, -Infinity, 1), -Infinity);
    assert.equal(fma(2, 3, Infinity), Infinity);
    assert.ok(Object.is(fma(2, 3, -6), 0), 'an exact zero sum is +0');
    assert.ok(Object.is(fma(-2, 3, 6), 0), 'an exact zero sum is +0');
    assert.ok(Object.is(fma(-1e-200, 1e-200, 0), 0), '−0 (the underflowed product) + 0 is +0');
    assert.ok(Object.is(fma(-0, 5, -0), -0), '−0 + −0 is −0');
    assert.equal(fma(0, 5, 3), 3);
  });
});

describe('engine/random: the end of every MT19937 block', () => {
  it('random_sample from seed 42 matches numpy at the last and first draws of blocks 1–8', () => {
    const u = new NumpyLegacyRandom(42).randomArray(312 * 8 + 1);
    const expected = Object.entries(REF.random_sample_42);
    assert.equal(expected.length, 16);
    for (const [i, v] of expected) assert.ok(u[Number(i)] === v, `[${i}]: got ${u[Number(i)]}, numpy ${v}`);
  });
});
