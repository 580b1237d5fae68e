// numpy's legacy RandomState past the first MT19937 block, a zero scale, the seed errors,
// and glibc log at the edges of its near-1 path (issue 15, from the mutation run).
// Reference values printed by test/unit/engine/fixtures/numpy_random_stream.py (numpy 2.4.6,
// glibc 2.36, x86-64 with FMA) and pasted verbatim.
import assert from 'node:assert/strict';
import { NumpyLegacyRandom, glibcLog } from '../../../src/engine/random';

describe('engine/random: the stream past one MT19937 block', () => {
  it('random_sample(700) from seed 42 matches numpy across the 624-word regeneration', () => {
    const u = new NumpyLegacyRandom(42).randomArray(700);
    const numpy: Record<number, number> = {
      0: 0.3745401188473625,
      310: 0.4389714207056361,
      311: 0.07845638134226596,
      312: 0.02535074341545751,
      313: 0.9626484146779251,
      699: 0.4811401018548175,
    };
    for (const [i, v] of Object.entries(numpy)) assert.ok(u[Number(i)] === v, `[${i}]: got ${u[Number(i)]}, numpy ${v}`);
  });

  it('an array seed, like np.random.seed([1, 2, 3])', () => {
    assert.deepEqual(new NumpyLegacyRandom([1, 2, 3]).randomArray(2), [0.6098612722867289, 0.8866970434146851]);
  });

  it('normal with scale 0 is the location, and still consumes the Gaussian draws as numpy does', () => {
    const r = new NumpyLegacyRandom(7);
    assert.deepEqual(r.normalArray(5, 0, 3), [5, 5, 5]);
    assert.equal(r.random(), 0.5011204636599379);
  });

  it('rejects seeds numpy rejects, naming the value', () => {
    assert.throws(() => new NumpyLegacyRandom(-1), /^RangeError: Seed must be an integer between 0 and 2\*\*32 - 1, got -1$/);
    assert.throws(() => new NumpyLegacyRandom(2 ** 32), /got 4294967296$/);
    assert.throws(() => new NumpyLegacyRandom(1.5), /got 1\.5$/);
    assert.throws(() => new NumpyLegacyRandom([]), /^RangeError: Seed must be non-empty$/);
    assert.throws(() => new NumpyLegacyRandom([1, -2]), /got -2$/);
    assert.throws(() => new NumpyLegacyRandom(0).normal(0, -1), /^RangeError: scale must be non-negative, got -1$/);
    assert.throws(() => new NumpyLegacyRandom(0).normal(0, NaN), /got NaN$/);
  });
});

describe('engine/random: glibcLog at the edges of the near-1 path', () => {
  it('agrees with libm on both sides of 1 − 2⁻⁴ and 1 + 0x1.09p-4', () => {
    const libm: [number, number][] = [
      [0.9374999999999999, -0.06453852113757129],
      [0.9375, -0.06453852113757118],
      [1.0646972656249998, 0.06269050112342253],
      [1.064697265625, 0.06269050112342274],
      [1.0646972656250002, 0.06269050112342295],
    ];
    for (const [x, expected] of libm) assert.ok(glibcLog(x) === expected, `log(${x}): got ${glibcLog(x)}, libm ${expected}`);
    assert.ok(Object.is(glibcLog(1), 0));
  });
});
