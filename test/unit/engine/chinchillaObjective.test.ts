// The Chinchilla fit's objective (chinchillaObjective in src/engine/fit/chinchilla.ts): its
// value against a naive Σ Huber(LSE − ln L) written out here, and its analytic gradient
// against central finite differences, on both code paths (the linear-space fast path and
// the shifted log-sum-exp past the ±600 bound) and in both Huber regimes (|r| ≤ δ and
// |r| > δ). Twelve rows built directly in log space, so each check takes microseconds.
import assert from 'node:assert/strict';
import { chinchillaObjective, HUBER_DELTA, type ChinchillaLogData } from '../../../src/engine/fit/chinchilla';
import type { Objective } from '../../../src/engine/fit/lbfgs';

/** Residuals built into the data at x*: mixed signs, half inside δ = 1e-3, half outside, not summing to zero. */
const NOISE = [4e-4, 3e-3, -2e-4, 5e-3, 1e-4, -3e-3, 6e-4, 2e-3, -7e-4, -4e-3, 3e-4, 8e-3];

/** ln of exp(u₁) + exp(u₂) + exp(u₃), shifted by the largest. */
function lse(u: readonly number[]): number {
  const m = Math.max(...u);
  return m + Math.log(u.reduce((s, v) => s + Math.exp(v - m), 0));
}

function residuals(data: ChinchillaLogData, x: readonly number[]): number[] {
  return Array.from(data.logL, (logL, i) => lse([x[0] - x[3] * data.logN[i], x[1] - x[4] * data.logD[i], x[2]]) - logL);
}

function huber(r: number, delta: number): number {
  return Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta);
}

/** Rows whose log-loss is LSE(u) at x* plus NOISE[i]. */
function dataAround(xStar: readonly number[], logN: readonly number[], logD: readonly number[]): ChinchillaLogData {
  const base = { logN: Float64Array.from(logN), logD: Float64Array.from(logD), logL: new Float64Array(logN.length) };
  const r = residuals(base, xStar); // = LSE(u) since logL is 0
  return { ...base, logL: Float64Array.from(r, (v, i) => v - NOISE[i]) };
}

// Chinchilla-sized runs (N from 1e8 to 3e10, D from 1e9 to 1e12) around Hoffmann et al.'s
// fit: every point below stays far inside the fast path's bound.
const MODERATE_X = [Math.log(406.4), Math.log(410.7), Math.log(1.69), 0.34, 0.28];
const MODERATE = dataAround(
  MODERATE_X,
  NOISE.map((_, i) => Math.log(1e8) + (i * (Math.log(3e10) - Math.log(1e8))) / 11),
  NOISE.map((_, i) => Math.log(1e9) + (((i * 5) % 12) * (Math.log(1e12) - Math.log(1e9))) / 11),
);
// ln N near 405 with α = 1.2: |a| + |α|·max ln N ≈ 970 > 600, so every point takes the
// shifted path, while u₁ = a − α ln N stays within ±7 and all three terms count.
const STEEP_X = [1.2 * 404 + 1, 6, 0.5, 1.2, 0.25];
const STEEP = dataAround(
  STEEP_X,
  NOISE.map((_, i) => 399 + i),
  NOISE.map((_, i) => 21 + ((i * 7) % 12) * 0.5),
);

/** Central differences with steps that are exact in floating point (x ± h, divided by their difference). */
function numericGradient(fun: Objective, x: readonly number[]): number[] {
  const g = new Float64Array(x.length);
  return x.map((xi, i) => {
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[i] = xi + 1e-8;
    xm[i] = xi - 1e-8;
    return (fun(xp, g) - fun(xm, g)) / (xp[i] - xm[i]);
  });
}

const points = (x: readonly number[]): number[][] => [
  [...x],
  [x[0] + 2e-3, x[1] - 1e-3, x[2] + 1e-3, x[3], x[4]],
  [x[0] - 0.3, x[1] + 0.2, x[2] - 0.1, x[3] + 0.01, x[4] - 0.02],
];

describe('engine/fit/chinchilla: the objective and its analytic gradient', () => {
  for (const [label, data, xStar] of [
    ['fast path', MODERATE, MODERATE_X],
    ['shifted log-sum-exp path', STEEP, STEEP_X],
  ] as const) {
    it(`${label}: f equals a naive Σ Huber_δ(LSE − ln L), in both Huber regimes`, () => {
      const fun = chinchillaObjective(data);
      const g = new Float64Array(5);
      const atStar = residuals(data, xStar);
      assert.ok(atStar.some((v) => Math.abs(v) < HUBER_DELTA) && atStar.some((v) => Math.abs(v) > HUBER_DELTA), `both regimes at x*: ${atStar}`);
      for (const x of points(xStar)) {
        const r = residuals(data, x);
        const expected = r.reduce((s, v) => s + huber(v, HUBER_DELTA), 0);
        const f = fun(Float64Array.from(x), g);
        assert.ok(Math.abs(f - expected) <= 1e-12 * expected, `f at ${x}: ${f} vs ${expected}`);
      }
    });

    it(`${label}: every component of the gradient agrees with central finite differences`, () => {
      const fun = chinchillaObjective(data);
      for (const x of points(xStar)) {
        const g = new Float64Array(5);
        fun(Float64Array.from(x), g);
        const num = numericGradient(fun, x);
        for (let i = 0; i < 5; i++) {
          // A component near zero would not show a wrong sign or factor: each one here is far from it.
          assert.ok(Math.abs(num[i]) > 1e-6, `∂/∂x${i} at ${x} is too small to check: ${num[i]}`);
          assert.ok(Math.abs(g[i] - num[i]) <= 1e-5 * Math.abs(num[i]), `∂/∂x${i} at ${x}: analytic ${g[i]}, numeric ${num[i]}`);
        }
      }
    });
  }

  it('the Huber threshold is a parameter: with δ = 1 and δ = 1e-4 f is the naive Σ Huber_δ', () => {
    for (const [data, xStar] of [
      [MODERATE, MODERATE_X],
      [STEEP, STEEP_X],
    ] as const) {
      for (const x of points(xStar)) {
        const r = residuals(data, x);
        const g = new Float64Array(5);
        for (const delta of [1, 1e-4]) {
          const expected = r.reduce((s, v) => s + huber(v, delta), 0);
          const f = chinchillaObjective(data, delta)(Float64Array.from(x), g);
          assert.ok(Math.abs(f - expected) <= 1e-12 * expected, `δ = ${delta} at ${x}: ${f} vs ${expected}`);
        }
      }
    }
  });
});
