// mulberry32 (src/engine/fit/seededRandom.ts) against a second implementation in Python
// with explicit 32-bit masking (the C reference: z = (s += 0x6D2B79F5); z = (z ^ z >> 15) *
// (z | 1); z ^= z + (z ^ z >> 7) * (z | 61); return z ^ z >> 14), values pasted verbatim:
//   python3: M = 0xffffffff; s = (s + 0x6D2B79F5) & M; z = s; z = ((z ^ (z >> 15)) * (z | 1)) & M
//            z ^= (z + ((z ^ (z >> 7)) * (z | 61))) & M; (z ^ (z >> 14)) / 2**32
import * as assert from 'node:assert/strict';
import { mulberry32, randomIndex } from '../../../src/engine/fit/seededRandom';

const draws = (seed: number, n: number) => {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => next());
};

describe('engine/fit/seededRandom', () => {
  it('mulberry32 matches the reference for seeds 0, 1, 42 and 2^32 − 1', () => {
    assert.deepEqual(draws(0, 4), [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197, 0.1462021479383111]);
    assert.deepEqual(draws(1, 4), [0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741]);
    assert.deepEqual(draws(42, 4), [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693]);
    assert.deepEqual(draws(0xffffffff, 4), [0.8964226141106337, 0.189478256739676, 0.7156526781618595, 0.9440599093213677]);
  });
  it('takes the seed modulo 2^32 (−1 is 2^32 − 1)', () => {
    assert.deepEqual(draws(-1, 4), draws(0xffffffff, 4));
    assert.deepEqual(draws(2 ** 32 + 42, 2), draws(42, 2));
  });
  it('randomIndex is floor(u·n)', () => {
    const fixed = (u: number) => () => u;
    assert.equal(randomIndex(fixed(0), 10), 0);
    assert.equal(randomIndex(fixed(0.99999), 10), 9);
    assert.equal(randomIndex(fixed(0.5), 7), 3);
    assert.equal(randomIndex(fixed(0.2857142857), 7), 1);
  });
});
