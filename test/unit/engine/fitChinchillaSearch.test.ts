// What fitChinchilla (src/engine/fit/chinchilla.ts) reports about its multi-start search,
// checked against the same procedure done by hand with the L-BFGS solver: the lowest
// objective wins, the evaluations and converged runs add up, the polish (on, off, or with
// its own options) runs from the best point and is kept only when it lowers the objective,
// starts where the objective is not finite, the Huber threshold option; and the published
// grid of starts. Thirty rows and a handful of starts, so each test runs in milliseconds.
import assert from 'node:assert/strict';
import {
  chinchillaLogData,
  chinchillaObjective,
  fitChinchilla,
  gridStarts,
  HOFFMANN_GRID,
  type ChinchillaFit,
  type ChinchillaFitOptions,
} from '../../../src/engine/fit/chinchilla';
import { LbfgsSolver, type LbfgsOptions, type LbfgsResult } from '../../../src/engine/fit/lbfgs';
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import { CHINCHILLA_TRUTH, chinchillaGridRuns } from '../helpers/chinchillaRuns';

/** Σ Huber_δ of the log-loss residuals of fitted parameters, written out directly. */
function huberSum(N: number[], D: number[], L: number[], p: ChinchillaParams, delta: number): number {
  let f = 0;
  for (let i = 0; i < L.length; i++) {
    const r = Math.log(chinchillaLoss(N[i], D[i], p)) - Math.log(L[i]);
    f += Math.abs(r) <= delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta);
  }
  return f;
}

const START_NEAR = [Math.log(CHINCHILLA_TRUTH.A), Math.log(CHINCHILLA_TRUTH.B), Math.log(CHINCHILLA_TRUTH.E), CHINCHILLA_TRUTH.alpha, CHINCHILLA_TRUTH.beta];
const STARTS = [
  [5, 5, 0, 0.5, 0.5],
  [NaN, 0, 0, 0, 0], // the objective is NaN there
  START_NEAR,
  [10, 10, 0.5, 0.5, 0.5],
];
// Few iterations, so that some runs stop on their budget and others on a convergence test.
const SHORT: LbfgsOptions = { maxIterations: 40 };

/** The search done by hand: every start with its own solver, the first lowest f kept. */
function searchByHand(N: number[], D: number[], L: number[], lbfgs: LbfgsOptions): { runs: LbfgsResult[]; best: number } {
  const fun = chinchillaObjective(chinchillaLogData(N, D, L));
  const results = STARTS.map((s) => new LbfgsSolver(5, lbfgs).minimize(fun, s));
  let best = -1;
  results.forEach((r, k) => {
    if (Number.isFinite(r.f) && (best < 0 || r.f < results[best].f)) best = k;
  });
  return { runs: results, best };
}

function assertParams(fit: ChinchillaFit, x: Float64Array): void {
  assert.deepEqual(fit.logParams, { a: x[0], b: x[1], e: x[2], alpha: x[3], beta: x[4] });
  assert.deepEqual(fit.params, { A: Math.exp(x[0]), B: Math.exp(x[1]), E: Math.exp(x[2]), alpha: x[3], beta: x[4] });
}

describe('engine/fit/chinchilla: what the multi-start search reports', () => {
  it('keeps the lowest objective, sums every run’s evaluations and counts the runs that converged', () => {
    const { N, D, L } = chinchillaGridRuns(0.02);
    const byHand = searchByHand(N, D, L, SHORT);
    const converged = byHand.runs.filter((r) => r.converged).length;
    // The case is only telling if the runs differ: one converged, one not, one non-finite.
    assert.ok(converged > 0 && converged < STARTS.length - 1, `converged ${converged}`);
    assert.equal(byHand.runs[1].status, 'non-finite');
    const fit = fitChinchilla(N, D, L, { starts: STARTS, lbfgs: SHORT, polish: false });
    const best = byHand.runs[byHand.best];
    assert.equal(fit.converged, converged);
    assert.equal(
      fit.evaluations,
      byHand.runs.reduce((s, r) => s + r.evaluations, 0),
    );
    assert.equal(fit.objective, best.f);
    assert.equal(fit.status, best.status);
    assert.deepEqual(fit.bestStart, STARTS[byHand.best]);
    assertParams(fit, best.x);
    assert.equal(fit.polished, false);
    assert.deepEqual([fit.starts, fit.searched, fit.rows], [4, 4, 30]);
  });

  it('a polish with its own options runs from the best point with them, adds its evaluations and its lower optimum', () => {
    const { N, D, L } = chinchillaGridRuns(0.02);
    const byHand = searchByHand(N, D, L, SHORT);
    const best = byHand.runs[byHand.best];
    // Every setting of the default polish overridden, so the run by hand needs no defaults.
    const polish: LbfgsOptions = { gradientTolerance: 1e-12, relativeFunctionTolerance: 0, maxEvaluations: 40 };
    const fun = chinchillaObjective(chinchillaLogData(N, D, L));
    const polishRun = new LbfgsSolver(5, polish).minimize(fun, best.x);
    assert.ok(polishRun.f < best.f, 'the polish lowers the objective here');
    const fit = fitChinchilla(N, D, L, { starts: STARTS, lbfgs: SHORT, polish });
    assert.equal(fit.evaluations, byHand.runs.reduce((s, r) => s + r.evaluations, 0) + polishRun.evaluations);
    assert.equal(fit.objective, polishRun.f);
    assert.equal(fit.status, polishRun.status);
    assert.equal(fit.polished, true);
    assertParams(fit, polishRun.x);
    assert.deepEqual(fit.bestStart, STARTS[byHand.best], 'the start that led there is still the search’s');
  });

  it('a polish that cannot lower the objective (one evaluation allowed) leaves the search’s optimum and status', () => {
    const { N, D, L } = chinchillaGridRuns(0.02);
    const search = fitChinchilla(N, D, L, { starts: STARTS, lbfgs: SHORT, polish: false });
    const fit = fitChinchilla(N, D, L, { starts: STARTS, lbfgs: SHORT, polish: { maxEvaluations: 1 } });
    assert.notEqual(search.status, 'max-evaluations');
    assert.deepEqual(fit, { ...search, evaluations: search.evaluations + 1 });
  });

  it('polish: true is the default and lowers the objective of noise-free data; polish: false skips it', () => {
    const { N, D, L } = chinchillaGridRuns(0);
    const starts = [STARTS[0], STARTS[3]];
    const search = fitChinchilla(N, D, L, { starts, polish: false });
    const fit = fitChinchilla(N, D, L, { starts, polish: true });
    assert.deepEqual(fitChinchilla(N, D, L, { starts }), fit);
    assert.equal(fit.polished, true);
    assert.ok(fit.objective < search.objective && fit.evaluations > search.evaluations, `${fit.objective} vs ${search.objective}`);
    // The polished parameters are the closer ones to those the data were made from.
    const error = (p: ChinchillaParams): number =>
      Math.max(...(Object.keys(CHINCHILLA_TRUTH) as (keyof ChinchillaParams)[]).map((k) => Math.abs(p[k] / CHINCHILLA_TRUTH[k] - 1)));
    assert.ok(error(fit.params) < error(search.params) && error(fit.params) < 1e-4, `${error(fit.params)} vs ${error(search.params)}`);
  });

  it('starts where the objective is not finite give status non-finite, an infinite objective and no polish', () => {
    const { N, D, L } = chinchillaGridRuns(0.02);
    const starts = [
      [NaN, 0, 0, 0, 0],
      [0, Infinity, 0, 0, 0],
    ];
    const fit = fitChinchilla(N, D, L, { starts });
    assert.equal(fit.status, 'non-finite');
    assert.equal(fit.objective, Infinity);
    assert.deepEqual([fit.converged, fit.evaluations, fit.polished], [0, 2, false]);
    assert.deepEqual(fit.bestStart, starts[0]);
  });

  it('the Huber threshold option sets δ of the objective, also through the subsample’s refit on all rows', () => {
    const { N, D, L } = chinchillaGridRuns(0.05);
    const oneStart: ChinchillaFitOptions[] = [{ starts: [STARTS[0]] }, { grid: { alpha: [0.5], beta: [0.5], e: [0], a: [5], b: [5] }, subsample: 10 }];
    for (const options of oneStart) {
      const fit = fitChinchilla(N, D, L, { ...options, huberDelta: 0.02 });
      const wide = huberSum(N, D, L, fit.params, 0.02);
      assert.ok(Math.abs(fit.objective - wide) <= 1e-9 * wide, `δ = 0.02: ${fit.objective} vs ${wide}`);
      // The residuals of 5% noise are not all below 0.02 nor all above 1e-3: the two thresholds differ here.
      assert.ok(Math.abs(huberSum(N, D, L, fit.params, 1e-3) - wide) > 0.1 * wide);
    }
  });

  it("the default grid is Hoffmann et al.'s (§D.2): 4,500 starts, b varying fastest and α slowest", () => {
    const steps = (from: number, step: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k * step);
    assert.deepEqual(HOFFMANN_GRID, { alpha: steps(0, 0.5, 5), beta: steps(0, 0.5, 5), e: steps(-1, 0.5, 5), a: steps(0, 5, 6), b: steps(0, 5, 6) });
    assert.ok(Object.isFrozen(HOFFMANN_GRID));
    const starts = gridStarts(HOFFMANN_GRID);
    assert.equal(starts.length, 4500);
    // [a, b, e, α, β]: b steps every start, a every 6, e every 36, β every 180, α every 900.
    for (const [k, x] of [
      [0, [0, 0, -1, 0, 0]],
      [1, [0, 5, -1, 0, 0]],
      [6, [5, 0, -1, 0, 0]],
      [36, [0, 0, -0.5, 0, 0]],
      [180, [0, 0, -1, 0, 0.5]],
      [900, [0, 0, -1, 0.5, 0]],
      [4499, [25, 25, 1, 2, 2]],
    ] as const)
      assert.deepEqual(starts[k], x, `start ${k}`);
  });
});
