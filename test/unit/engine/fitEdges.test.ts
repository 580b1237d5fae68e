// Edges of the power-law fits and the bootstrap that the mutation run showed untested:
// input checks and their messages, degenerate data, defaults, failed refits.
import assert from 'node:assert/strict';
import { BOOTSTRAP_DEFAULTS, bootstrap, bootstrapPowerLaw, bootstrapPowerLawWithFloor, quantile } from '../../../src/engine/fit/bootstrap';
import { fitPowerLaw, fitPowerLawWithFloor, powerLawValue } from '../../../src/engine/fit/power';
import { mulberry32 } from '../../../src/engine/fit/seededRandom';

describe('engine/fit/power: input checks and degenerate data', () => {
  it('x and y of different lengths is a programming error', () => {
    assert.throws(() => fitPowerLaw([1, 2, 3], [1, 2]), RangeError);
    assert.throws(() => fitPowerLawWithFloor([1, 2, 3], [1, 2, 3, 4]), RangeError);
  });

  it('too few points: one message naming how many are needed, in both languages', () => {
    const one = fitPowerLaw([10], [1]);
    assert.equal(one.ok, false);
    if (!one.ok) {
      assert.equal(one.message.en, 'A power-law fit needs at least 2 points, got 1.');
      assert.equal(one.message.zh, '幂律拟合至少需要 2 个点，实际只有 1 个。');
    }
    const two = fitPowerLawWithFloor([1, 2], [1, 2]);
    assert.ok(!two.ok && two.message.en === 'A power-law fit needs at least 3 points, got 2.');
    assert.equal(fitPowerLaw([1, 2], [3, 4]).ok, true, 'two points are enough for the pure law');
  });

  it('names the first point that is not positive and finite', () => {
    for (const [x, y, bad] of [
      [[1, -2, 3], [1, 2, 3], 2],
      [[1, 2, 3], [1, 0, 3], 2],
      [[1, 2, 3], [1, 2, NaN], 3],
      [[Infinity, 2, 3], [1, 2, 3], 1],
      [[1, 2, 3], [1, 2, Infinity], 3],
      [[0, 2, 3], [1, 2, 3], 1],
    ] as [number[], number[], number][]) {
      for (const fit of [fitPowerLaw(x, y), fitPowerLawWithFloor(x, y)]) {
        assert.equal(fit.ok, false, `${x} / ${y}`);
        if (!fit.ok) {
          assert.equal(fit.message.en, `Point ${bad} is not positive and finite.`);
          assert.equal(fit.message.zh, `第 ${bad} 个点不是有限正数。`);
        }
      }
    }
  });

  it('equal x values: the exponent is undetermined, for both forms', () => {
    for (const fit of [fitPowerLaw([5, 5, 5], [1, 2, 3]), fitPowerLawWithFloor([5, 5, 5], [1, 2, 3])]) {
      assert.ok(!fit.ok && fit.message.en === 'All x values are equal, so the exponent cannot be determined.');
    }
    // Nearly equal x (relative spread 1e-14 in log space) counts as equal too.
    assert.equal(fitPowerLaw([1e20, 1e20 * (1 + 1e-15), 1e20 * (1 - 1e-15)], [1, 2, 3]).ok, false);
    // Distinct but close x is a fit.
    assert.equal(fitPowerLaw([1e20, 1.01e20, 1.02e20], [3, 2.9, 2.8]).ok, true);
  });

  it('constant y: α = 0 and R² = 1 (nothing to explain)', () => {
    const fit = fitPowerLaw([1, 10, 100], [2, 2, 2]);
    assert.ok(fit.ok);
    assert.equal(fit.alpha === 0 || Object.is(fit.alpha, -0), true);
    assert.equal(fit.rSquared, 1);
    assert.equal(powerLawValue(fit, 1e6), 2);
    assert.equal(fit.rows, 3);
  });

  it('two points: the line through them, whatever the order', () => {
    // y = (100/x)^0.5: y(1) = 10, y(10000) = 0.1.
    const fit = fitPowerLaw([10000, 1], [0.1, 10]);
    assert.ok(fit.ok);
    assert.ok(Math.abs(fit.alpha - 0.5) < 1e-12);
    assert.ok(Math.abs(fit.x0 - 100) < 1e-9);
    assert.ok(Math.abs(fit.logCoefficient - 0.5 * Math.log(100)) < 1e-12);
    assert.ok(Math.abs(fit.rSquared - 1) < 1e-12);
  });

  it('floor fit: invalid trial floors are skipped, and with none left the pure law answers', () => {
    const xs = [1e18, 1e19, 1e20, 1e21, 1e22];
    const ys = xs.map((x) => 1.5 + (1e19 / x) ** 0.3);
    const none = fitPowerLawWithFloor(xs, ys, { floors: [0, -1, 100, Math.min(...ys)] });
    const pure = fitPowerLaw(xs, ys);
    assert.ok(none.ok && pure.ok);
    assert.equal(none.E, 0);
    assert.ok(Math.abs(none.alpha - pure.alpha) < 1e-12);
    assert.ok(Math.abs(none.logCoefficient - pure.logCoefficient) < 1e-9);
    const good = fitPowerLawWithFloor(xs, ys, { floors: [1.4] });
    assert.ok(good.ok && Math.abs(good.E - 1.5) < 1e-6 && Math.abs(good.alpha - 0.3) < 1e-6);
    assert.ok(good.objective < none.objective);
    assert.ok(good.rSquared > none.rSquared);
    assert.equal(good.rows, 5);
  });

  it('floor fit on a constant y: R² is 1 and the value is that constant', () => {
    const fit = fitPowerLawWithFloor([1, 10, 100, 1000], [3, 3, 3, 3]);
    assert.ok(fit.ok);
    assert.equal(fit.rSquared, 1);
    assert.ok(Math.abs(powerLawValue(fit, 50) - 3) < 1e-9);
  });
});

describe('engine/fit/bootstrap: defaults and failures', () => {
  const xs = Array.from({ length: 12 }, (_, i) => 10 ** (18 + i / 2));
  const ys = xs.map((x, i) => (1e9 / x) ** 0.05 * (1 + 0.01 * Math.sin(i * 2.3)));

  it('defaults: 200 resamples, seed 1, 95%', () => {
    assert.deepEqual({ ...BOOTSTRAP_DEFAULTS }, { resamples: 200, seed: 1, confidence: 0.95 });
    assert.ok(Object.isFrozen(BOOTSTRAP_DEFAULTS));
    let calls = 0;
    const r = bootstrap(4, { v: 0 }, () => ({ v: ++calls }));
    assert.equal(calls, 200);
    assert.equal(r.seed, 1);
    assert.equal(r.confidence, 0.95);
    assert.equal(r.resamples, 200);
    const explicit = bootstrapPowerLaw(xs, ys, { seed: 1, resamples: 200, confidence: 0.95 });
    assert.deepEqual(bootstrapPowerLaw(xs, ys), explicit);
  });

  it('resamples draw every row index in [0, n) with replacement', () => {
    const seen = new Set<number>();
    let repeats = 0;
    bootstrap(
      7,
      { v: 0 },
      (rows) => {
        assert.equal(rows.length, 7);
        for (const i of rows) {
          assert.ok(Number.isInteger(i) && i >= 0 && i < 7, `row ${i}`);
          seen.add(i);
        }
        if (new Set(rows).size < rows.length) repeats++;
        return { v: 0 };
      },
      { resamples: 50, seed: 3 },
    );
    assert.equal(seen.size, 7);
    assert.ok(repeats > 25, 'with replacement, most resamples of 7 repeat a row');
  });

  it('a refit with a non-finite parameter counts as failed; one success has no standard error', () => {
    let calls = 0;
    const r = bootstrap(3, { a: 1, b: 2 }, () => (++calls === 2 ? { a: 5, b: 6 } : { a: 1, b: Infinity }), { resamples: 4 });
    assert.equal(r.failed, 3);
    assert.equal(r.resamples, 1);
    assert.deepEqual(r.intervals.a, { low: 5, high: 5 });
    assert.ok(Number.isNaN(r.standardError.a));
    assert.deepEqual(r.estimate, { a: 1, b: 2 });
    const none = bootstrap(3, { a: 1 }, () => null, { resamples: 3 });
    assert.equal(none.resamples, 0);
    assert.ok(Number.isNaN(none.intervals.a.low) && Number.isNaN(none.intervals.a.high));
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  it('the estimate is copied, not shared', () => {
    const estimate = { v: 1 };
    const r = bootstrap(2, estimate, () => ({ v: 2 }), { resamples: 2 });
    estimate.v = 9;
    assert.equal(r.estimate.v, 1);
  });

  it('bootstrapPowerLaw / WithFloor return null when the full-data fit fails', () => {
    assert.equal(bootstrapPowerLaw([5, 5, 5], [1, 2, 3]), null);
    assert.equal(bootstrapPowerLawWithFloor([1, 2], [1, 2]), null);
  });

  it('bootstrapPowerLawWithFloor: intervals bracket the estimates of E, x0 and α', () => {
    const floorY = xs.map((x, i) => 1.7 + (3e19 / x) ** 0.3 * (1 + 0.002 * Math.sin(i * 1.9)));
    const b = bootstrapPowerLawWithFloor(xs, floorY, { resamples: 40, seed: 2 });
    assert.ok(b);
    assert.equal(b.bootstrap.resamples + b.bootstrap.failed, 40);
    for (const k of ['E', 'x0', 'alpha'] as const) {
      assert.equal(b.bootstrap.estimate[k], b.fit[k]);
      const iv = b.bootstrap.intervals[k];
      assert.ok(iv.low <= b.fit[k] && b.fit[k] <= iv.high, `${k}`);
      assert.ok(b.bootstrap.standardError[k] > 0);
    }
  });
});

describe('engine/fit/bootstrap: the resample stream and its messages', () => {
  it('each resample takes exactly n draws of the seeded stream, floor(u·n)', () => {
    const n = 5;
    const seen: number[][] = [];
    bootstrap(n, { v: 0 }, (rows) => (seen.push([...rows]), { v: 0 }), { resamples: 3, seed: 11 });
    const u = mulberry32(11);
    const expected = Array.from({ length: 3 }, () => Array.from({ length: n }, () => Math.floor(u() * n)));
    assert.deepEqual(seen, expected);
  });

  it('bad settings are refused with a message naming the value', () => {
    assert.throws(() => bootstrap(3, { v: 1 }, () => ({ v: 1 }), { resamples: 2.5 }), /resamples must be a positive integer, got 2\.5/);
    assert.throws(() => bootstrap(3, { v: 1 }, () => ({ v: 1 }), { confidence: 1.5 }), /confidence must be in \(0, 1\), got 1\.5/);
  });
});

describe('format and bootstrap edges (mutation survivors)', () => {
  it('one resample is allowed', () => {
    assert.equal(bootstrap(2, { v: 1 }, () => ({ v: 3 }), { resamples: 1 }).resamples, 1);
  });
});
