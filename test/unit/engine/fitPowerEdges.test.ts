// Power-law fit edges (src/engine/fit/power.ts) with values worked out by hand: the
// "all x equal" guard relative to log-space resolution, the shape check's message, and
// the pure law's objective ½Σr² against a naive least-squares line computed here.
import * as assert from 'node:assert/strict';
import { fitPowerLaw, fitPowerLawWithFloor } from '../../../src/engine/fit/power';

describe('engine/fit/power: edges', () => {
  it('throws on x and y of different lengths, saying so', () => {
    assert.throws(() => fitPowerLaw([1, 2], [1]), /^RangeError: x and y must have the same length$/);
  });

  it('x values 3 parts in 10^11 apart are "all equal"; 1 part in 10^9 is a spread', () => {
    // u = ln x ≈ 23.03 (ū² ≈ 530); Σ(u − ū)² = 2·(1.5e-11)² = 4.5e-22 is below the guard
    // 1e-24·max(1, ū²)·n = 1.06e-21; with 1e-9 it is 2·(5e-10)² = 5e-19, above it.
    const same = fitPowerLaw([1e10, 1e10 * (1 + 3e-11)], [2, 1]);
    assert.equal(same.ok, false);
    assert.ok(!same.ok && same.message.en === 'All x values are equal, so the exponent cannot be determined.');
    assert.ok(!same.ok && same.message.zh === '所有 x 值都相同，无法确定指数。');
    const apart = fitPowerLaw([1e10, 1e10 * (1 + 1e-9)], [2, 1]);
    assert.equal(apart.ok, true);
  });

  it('with no trial floor the pure law answers: E = 0 and its own ½Σr² in log space', () => {
    const x = [1e18, 3e18, 1e19, 3e19, 1e20, 3e20];
    const y = [3.9, 3.5, 3.3, 2.95, 2.8, 2.55];
    const fit = fitPowerLawWithFloor(x, y, { floors: [] });
    assert.ok(fit.ok);
    assert.equal(fit.E, 0);
    // Naive least squares of ln y on ln x.
    const u = x.map(Math.log);
    const v = y.map(Math.log);
    const mu = u.reduce((s, a) => s + a, 0) / u.length;
    const mv = v.reduce((s, a) => s + a, 0) / v.length;
    const slope = u.reduce((s, a, i) => s + (a - mu) * (v[i] - mv), 0) / u.reduce((s, a) => s + (a - mu) ** 2, 0);
    const intercept = mv - slope * mu;
    const objective = 0.5 * u.reduce((s, a, i) => s + (intercept + slope * a - v[i]) ** 2, 0);
    assert.ok(Math.abs(fit.objective - objective) < 1e-12, `${fit.objective} vs ${objective}`);
    assert.ok(Math.abs(fit.alpha + slope) < 1e-9, 'α = −slope');
    assert.ok(Math.abs(fit.logCoefficient - intercept) < 1e-9, 'c = intercept');
    const ssTot = v.reduce((s, a) => s + (a - mv) ** 2, 0);
    assert.ok(Math.abs(fit.rSquared - (1 - (2 * objective) / ssTot)) < 1e-12, 'R²');
  });

  // y = 1.5 + (1e19/x)^0.3 with a few per cent of wiggle, so no start is already the optimum.
  const xs = [1e18, 1e19, 1e20, 1e21, 1e22, 1e23];
  const ys = xs.map((x, i) => 1.5 + (1e19 / x) ** 0.3 * (1 + 0.02 * Math.sin(i)));

  /** The start the floor fit takes for a trial floor E0, and its ½Σr², computed naively. */
  function start(E0: number): { E: number; alpha: number; objective: number } {
    const u = xs.map(Math.log);
    const v = ys.map((y) => Math.log(y - E0));
    const mu = u.reduce((s, a) => s + a, 0) / u.length;
    const mv = v.reduce((s, a) => s + a, 0) / v.length;
    const slope = u.reduce((s, a, i) => s + (a - mu) * (v[i] - mv), 0) / u.reduce((s, a) => s + (a - mu) ** 2, 0);
    const c = mv - slope * mu;
    const objective = 0.5 * u.reduce((s, a, i) => s + (Math.log(E0 + Math.exp(c + slope * a)) - Math.log(ys[i])) ** 2, 0);
    return { E: E0, alpha: -slope, objective };
  }
  const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.abs(b), `${what}: ${a} vs ${b}`);

  it('each trial floor starts from the log-log line through y − E0; the best start wins (one L-BFGS evaluation each)', () => {
    const minY = Math.min(...ys);
    const defaults = [0.25, 0.5, 0.75, 0.9, 0.97].map((f) => start(f * minY));
    const best = defaults.reduce((a, b) => (b.objective < a.objective ? b : a));
    const fit = fitPowerLawWithFloor(xs, ys, { lbfgs: { maxEvaluations: 1 } });
    assert.ok(fit.ok);
    close(fit.E, best.E, 1e-12, 'E is the best default trial floor (a fraction of min y)');
    close(fit.alpha, best.alpha, 1e-9, 'α of its line');
    close(fit.objective, best.objective, 1e-9, 'its ½Σr²');
    // Given in another order, the best start still wins, not the last one tried.
    const order = [0.97, 0.25, 0.9].map((f) => f * minY);
    const bestOfThree = order.map(start).reduce((a, b) => (b.objective < a.objective ? b : a));
    assert.notEqual(bestOfThree.E, order[order.length - 1]);
    const mixed = fitPowerLawWithFloor(xs, ys, { floors: order, lbfgs: { maxEvaluations: 1 } });
    assert.ok(mixed.ok);
    close(mixed.E, bestOfThree.E, 1e-12, 'the best of three');
    const reversed = fitPowerLawWithFloor(xs, ys, { floors: [...order].reverse(), lbfgs: { maxEvaluations: 1 } });
    assert.ok(reversed.ok);
    close(reversed.E, bestOfThree.E, 1e-12, 'the best of three, reversed');
  });

  it('trial floors at or below 0 or at or above min y are skipped: the result is exactly the one without them', () => {
    const minY = Math.min(...ys);
    const without = fitPowerLawWithFloor(xs, ys, { floors: [] });
    for (const floors of [[0], [-1], [minY], [2 * minY], [0, -1, minY, 100]])
      assert.deepEqual(fitPowerLawWithFloor(xs, ys, { floors }), without, `floors ${floors.join(', ')}`);
    const withOne = fitPowerLawWithFloor(xs, ys, { floors: [0.9 * minY] });
    assert.deepEqual(fitPowerLawWithFloor(xs, ys, { floors: [0, 0.9 * minY, minY] }), withOne);
  });

  it('a zero trial floor is skipped, even where refining the pure law from e = −∞ would move its last bits', () => {
    // 20,000 noisy rows: the pure law's residual sums are large enough in floating point for
    // L-BFGS to take a step from E0 = 0 (on Node 20 and on Node 24, whose Math differ in the
    // last bits: 50,000 of these rows moved nothing on Node 24); skipping it leaves exactly
    // the fit without floors.
    const n = 20_000;
    const x = Array.from({ length: n }, (_, i) => 10 ** (10 + (i * 12) / n));
    const y = x.map((v, i) => 1e6 * (1e19 / v) ** 0.3 * (1 + 0.3 * Math.sin(i * 1.7)));
    assert.deepEqual(fitPowerLawWithFloor(x, y, { floors: [0] }), fitPowerLawWithFloor(x, y, { floors: [] }));
  });
});
