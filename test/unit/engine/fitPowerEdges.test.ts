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
});
