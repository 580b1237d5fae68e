// The power-law fits (src/engine/fit/power.ts) on data whose terms span more than a
// double's exponent range, and the least-squares line's "all x equal" boundary. Expected
// values are the constants the data were generated from, or worked out by hand.
import * as assert from 'node:assert/strict';
import { fitPowerLawWithFloor, linearFit } from '../../../src/engine/fit/power';

const close = (actual: number, expected: number, rel: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

/** y = E + (x0/x)^α at each x, computed here. */
const floorLaw = (xs: readonly number[], E: number, x0: number, alpha: number): number[] => xs.map((x) => E + Math.pow(x0 / x, alpha));

describe('engine/fit/power: data beyond exp(709)', () => {
  it('recovers E + (x0/x)^α when the power term exceeds the floor by more than e^709 (1e200 against 1e-150)', () => {
    // x from 1e-200 to 1e160: the term 1/x runs from 1e200 down to 1e-160, below the floor.
    const xs = Array.from({ length: 19 }, (_, k) => 10 ** (-200 + 20 * k));
    const fit = fitPowerLawWithFloor(xs, floorLaw(xs, 1e-150, 1, 1));
    assert.ok(fit.ok);
    close(fit.alpha, 1, 1e-9, 'alpha');
    close(fit.E, 1e-150, 1e-9, 'E');
    close(fit.x0, 1, 1e-9, 'x0');
  });

  it('recovers it when the floor exceeds the power term by more than e^709 at the far points (x = 1e160)', () => {
    // (1/x)² at x = 1e160 is 1e-320 (y is exactly 1 there), e^-737 of the floor.
    const xs = [...Array.from({ length: 11 }, (_, k) => 10 ** (-3 + 0.5 * k)), 1e160, 1e170];
    const fit = fitPowerLawWithFloor(xs, floorLaw(xs, 1, 1, 2));
    assert.ok(fit.ok);
    close(fit.alpha, 2, 1e-9, 'alpha');
    close(fit.E, 1, 1e-9, 'E');
    close(fit.x0, 1, 1e-9, 'x0');
  });
});

describe('engine/fit/power: a floor that changes nothing', () => {
  it('ties the pure law and loses the tie: a floor of 1e-300 under y ≈ 1 gives E = 0', () => {
    // y − 1e-300 is y in doubles, so the floor's start is the pure law's line, and on
    // noise-free data L-BFGS takes no step: both objectives are the same sum.
    const xs = [1e9, 3e9, 1e10, 3e10, 1e11];
    const ys = xs.map((x) => Math.pow(1e13 / x, 0.076));
    assert.ok(ys.every((y) => y - 1e-300 === y));
    const fit = fitPowerLawWithFloor(xs, ys, { floors: [1e-300] });
    assert.ok(fit.ok);
    assert.equal(fit.E, 0);
    close(fit.alpha, 0.076, 1e-12, 'alpha');
    close(fit.x0, 1e13, 1e-12, 'x0');
  });
});

describe('engine/fit/power: the least-squares line', () => {
  it('fits v on u by hand-computed sums, and refuses a spread Σ(u − ū)² at or below 1e-24·max(1, ū²)·n', () => {
    // u = ±d, v = 0, 1: ū = 0, Σ(u − ū)² = 2d², Σ(u − ū)(v − v̄) = d: slope 1/(2d), intercept ½.
    const d = 1e-9;
    const line = linearFit(Float64Array.of(-d, d), Float64Array.of(0, 1));
    assert.ok(line);
    close(line.slope, 1 / (2 * d), 1e-12, 'slope');
    close(line.intercept, 0.5, 1e-12, 'intercept');
    assert.equal(line.rSquared, 1);
    // d = 1e-12: 2d² is 2e-24 exactly in doubles (1e-12 · 1e-12 rounds to 1e-24), the bound itself.
    assert.equal(1e-12 * 1e-12, 1e-24);
    assert.equal(linearFit(Float64Array.of(-1e-12, 1e-12), Float64Array.of(0, 1)), null);
    assert.ok(linearFit(Float64Array.of(-1.000001e-12, 1.000001e-12), Float64Array.of(0, 1)));
  });
});
