// The Chinchilla fit's machinery (src/engine/fit/chinchilla.ts) and the optimiser's budgets
// and input checks (src/engine/fit/lbfgs.ts), on small synthetic data so that each test runs
// in milliseconds: the pre-screen's size and choice, the grid-search subsample, the progress
// hook and cancellation, the objective's overflow-safe path, and L-BFGS's stopping statuses.
import assert from 'node:assert/strict';
import {
  chinchillaLogData,
  chinchillaObjective,
  FitCancelled,
  fitChinchilla,
  gridStarts,
  prescreenCount,
  type ChinchillaGrid,
} from '../../../src/engine/fit/chinchilla';
import { LbfgsSolver, minimizeLbfgs, type Objective } from '../../../src/engine/fit/lbfgs';
import type { ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import { CHINCHILLA_TRUTH, chinchillaGridRuns } from '../helpers/chinchillaRuns';

const SMALL_GRID: ChinchillaGrid = { alpha: [0.5], beta: [0.5], e: [0, 0.5], a: [5, 10], b: [5, 10] };

/** Σ Huber_δ(LSE(a − α lnN, b − β lnD, e) − ln L) written out with the max shift, δ = 1e-3. */
function directObjective(N: number[], D: number[], L: number[], x: number[]): number {
  let f = 0;
  for (let i = 0; i < L.length; i++) {
    const u = [x[0] - x[3] * Math.log(N[i]), x[1] - x[4] * Math.log(D[i]), x[2]];
    const m = Math.max(...u);
    const r = m + Math.log(u.reduce((s, v) => s + Math.exp(v - m), 0)) - Math.log(L[i]);
    f += Math.abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.abs(r) - 0.5e-3);
  }
  return f;
}

describe('engine/fit/chinchilla: pre-screen, subsample, progress', () => {
  it('pre-screen size: 60,000 / rows, between 48 and 256', () => {
    const cases: [number, number][] = [
      [0, 256],
      [1, 256],
      [100, 256],
      [240, 250],
      [1000, 60],
      [1250, 48],
      [2000, 48],
    ];
    for (const [rows, keep] of cases) assert.equal(prescreenCount(rows), keep, `${rows} rows`);
  });

  it('the pre-screen runs L-BFGS from the starts with the lowest objective at the start', () => {
    const { N, D, L } = chinchillaGridRuns();
    // One evaluation per start: each "fit" stays at its start, so the kept starts show.
    const stay = { maxEvaluations: 1 };
    const starts = [
      [0, 0, 0, 0, 0],
      [3, 3, 1, 0.5, 0.5],
      [6, 6, 0.5, 0.34, 0.28],
      [20, 20, 2, 1, 1],
      [Math.log(CHINCHILLA_TRUTH.A), Math.log(CHINCHILLA_TRUTH.B), Math.log(CHINCHILLA_TRUTH.E), CHINCHILLA_TRUTH.alpha, CHINCHILLA_TRUTH.beta],
    ];
    const f = starts.map((x) => directObjective(N, D, L, x));
    const byValue = [...f.keys()].sort((i, j) => f[i] - f[j]);
    assert.equal(byValue[0], 4, 'the true parameters are the best start');
    for (const keep of [1, 2, 3]) {
      const fit = fitChinchilla(N, D, L, { starts, prescreen: keep, lbfgs: stay, polish: false });
      assert.equal(fit.searched, keep);
      assert.equal(fit.starts, starts.length);
      assert.deepEqual(fit.bestStart, starts[4]);
      // Noise-free data: the objective there is rounding only (≈ 1e-31), that of every other start ≥ 1e-6.
      assert.ok(Math.abs(fit.objective - f[4]) < 1e-25 && f[byValue[1]] > 1e-6, `objective ${fit.objective} vs ${f[4]}`);
    }
    // Kept in grid order, ties to the earlier start: with the best start removed the
    // second best wins, and which one that is depends only on the objective.
    const rest = starts.slice(0, 4);
    const fitRest = fitChinchilla(N, D, L, { starts: rest, prescreen: 2, lbfgs: stay, polish: false });
    assert.deepEqual(fitRest.bestStart, rest[byValue[1]]);
    // A pre-screen as large as the grid (or larger) runs every start.
    assert.equal(fitChinchilla(N, D, L, { starts, prescreen: 5, lbfgs: stay, polish: false }).searched, 5);
    assert.equal(fitChinchilla(N, D, L, { starts, prescreen: 9, lbfgs: stay, polish: false }).searched, 5);
  });

  it('the kept starts run in grid order, so an exact tie of two optima goes to the earlier start', () => {
    const { N, D } = chinchillaGridRuns();
    // 1% of wiggle so that the optimum's objective is not rounding noise.
    const L = chinchillaGridRuns().L.map((l, i) => l * (1 + 0.01 * Math.sin(N[i] + D[i])));
    // The gradient test ends a run: restarted from its optimum, L-BFGS stops at once with the same f.
    const lbfgs = { gradientTolerance: 1e-4, relativeFunctionTolerance: 0 };
    const P = [5, 5, 0, 0.5, 0.5];
    const fromP = fitChinchilla(N, D, L, { starts: [P], polish: false, lbfgs });
    assert.equal(fromP.status, 'gradient');
    const lp = fromP.logParams;
    const R = [lp.a, lp.b, lp.e, lp.alpha, lp.beta];
    const fromR = fitChinchilla(N, D, L, { starts: [R], polish: false, lbfgs });
    assert.deepEqual([fromR.objective, fromR.evaluations], [fromP.objective, 1]);
    // R is better than P at the start, so the pre-screen ranks it first; P still runs first and wins the tie.
    const fit = fitChinchilla(N, D, L, { starts: [[20, 20, 2, 1, 1], P, R], prescreen: 2, polish: false, lbfgs });
    assert.equal(fit.searched, 2);
    assert.equal(fit.objective, fromP.objective);
    assert.deepEqual(fit.bestStart, P);
  });

  it('with a pre-screen, the kept starts are run in their grid order (the progress hook counts them)', () => {
    const { N, D, L } = chinchillaGridRuns();
    const calls: [number, number][] = [];
    fitChinchilla(N, D, L, { grid: SMALL_GRID, prescreen: 3, polish: false, onStart: (done, total) => calls.push([done, total]) });
    assert.deepEqual(calls, [
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('a progress hook that throws FitCancelled stops the fit with that error', () => {
    const { N, D, L } = chinchillaGridRuns();
    let seen = 0;
    assert.throws(
      () =>
        fitChinchilla(N, D, L, {
          grid: SMALL_GRID,
          onStart: (done) => {
            seen = done;
            if (done === 2) throw new FitCancelled();
          },
        }),
      (e: unknown) => e instanceof FitCancelled && e.name === 'FitCancelled' && e.message === 'The fit was cancelled.',
    );
    assert.equal(seen, 2);
  });

  it('the subsample: a grid search on every ⌊k·n/m⌋-th row, then a refit on all rows from its optimum and its start', () => {
    const { N, D, L } = chinchillaGridRuns();
    const m = 10;
    const pick = (a: number[]): number[] => Array.from({ length: m }, (_, k) => a[Math.floor((k * a.length) / m)]);
    const rough = fitChinchilla(pick(N), pick(D), pick(L), { grid: SMALL_GRID, polish: false });
    const lp = rough.logParams;
    const fine = fitChinchilla(N, D, L, { starts: [[lp.a, lp.b, lp.e, lp.alpha, lp.beta], rough.bestStart] });
    const fit = fitChinchilla(N, D, L, { grid: SMALL_GRID, subsample: m });
    assert.deepEqual(fit, {
      ...fine,
      starts: rough.starts,
      searched: rough.searched,
      converged: rough.converged,
      bestStart: rough.bestStart,
      evaluations: rough.evaluations + fine.evaluations,
    });
    assert.equal(fit.rows, 30);
    assert.equal(fit.starts, gridStarts(SMALL_GRID).length);
    for (const k of Object.keys(CHINCHILLA_TRUTH) as (keyof ChinchillaParams)[]) assert.ok(Math.abs(fit.params[k] / CHINCHILLA_TRUTH[k] - 1) < 1e-3, k);
  });

  it('the subsample is never fewer than 5 rows, and is skipped when the table is small enough or starts are given', () => {
    const { N, D, L } = chinchillaGridRuns();
    const pick5 = (a: number[]): number[] => Array.from({ length: 5 }, (_, k) => a[Math.floor((k * a.length) / 5)]);
    const rough = fitChinchilla(pick5(N), pick5(D), pick5(L), { grid: SMALL_GRID, polish: false });
    assert.equal(fitChinchilla(N, D, L, { grid: SMALL_GRID, subsample: 2 }).evaluations > rough.evaluations, true);
    assert.deepEqual(fitChinchilla(N, D, L, { grid: SMALL_GRID, subsample: 2 }).bestStart, rough.bestStart);
    const whole = fitChinchilla(N, D, L, { grid: SMALL_GRID });
    assert.deepEqual(fitChinchilla(N, D, L, { grid: SMALL_GRID, subsample: 30 }), whole);
    const starts = gridStarts(SMALL_GRID);
    assert.deepEqual(fitChinchilla(N, D, L, { starts, subsample: 10 }), fitChinchilla(N, D, L, { starts }));
  });

  it('refuses an empty list of starts and rows of different lengths', () => {
    assert.throws(() => fitChinchilla([1, 2], [1, 2], [1, 2], { starts: [] }), { name: 'RangeError', message: 'fitChinchilla needs at least one start' });
    assert.throws(() => chinchillaLogData([1, 2], [1, 2, 3], [1, 2, 3]), { name: 'RangeError', message: 'N, D and loss must have the same length' });
    assert.throws(() => chinchillaLogData([1, 2, 3], [1, 2], [1, 2, 3]), { name: 'RangeError', message: 'N, D and loss must have the same length' });
  });
});

describe('engine/fit/chinchilla: the objective where exponentials overflow', () => {
  it('stays finite and equal to the shifted sum when one exponent passes ±600 (negative exponents, large a, b or e)', () => {
    const { N, D, L } = chinchillaGridRuns();
    const fun = chinchillaObjective(chinchillaLogData(N, D, L));
    const g = new Float64Array(5);
    for (const x of [
      [0, 0, 0, -40, 0],
      [0, 0, 0, 0, -40],
      [0, 0, 0, -40, -40],
      [0, 0, 800, 0, 0],
      [750, 0, 0, 0.1, 0],
      [0, 750, 0, 0, 0.1],
    ]) {
      const f = fun(Float64Array.from(x), g);
      const expected = directObjective(N, D, L, x);
      assert.ok(Number.isFinite(f) && g.every(Number.isFinite), `finite at ${x}: ${f}, ${Array.from(g)}`);
      assert.ok(Math.abs(f - expected) <= 1e-12 * expected, `f at ${x}: ${f} vs ${expected}`);
    }
  });
});

describe('engine/fit/lbfgs: budgets and input checks', () => {
  // f = x² + 100 y², minimum 0 at the origin.
  const bowl: Objective = (x, g) => {
    g[0] = 2 * x[0];
    g[1] = 200 * x[1];
    return x[0] * x[0] + 100 * x[1] * x[1];
  };

  it('one evaluation allowed: stops at the start with max-evaluations', () => {
    const r = minimizeLbfgs(bowl, [1, 1], { maxEvaluations: 1 });
    assert.deepEqual(
      { ...r, x: Array.from(r.x) },
      { x: [1, 1], f: 101, gradientNorm: 200, iterations: 0, evaluations: 1, status: 'max-evaluations', converged: false },
    );
  });

  it('one iteration allowed: stops after it with max-iterations, lower than the start', () => {
    const r = minimizeLbfgs(bowl, [1, 1], { maxIterations: 1 });
    assert.equal(r.status, 'max-iterations');
    assert.equal(r.iterations, 1);
    assert.equal(r.converged, false);
    assert.ok(r.f < 101, `f ${r.f}`);
  });

  it('refuses a dimension that is not a positive integer and a start of the wrong length', () => {
    for (const dim of [0, -1, 1.5])
      assert.throws(() => new LbfgsSolver(dim), { name: 'RangeError', message: `dimension must be a positive integer, got ${dim}` });
    assert.throws(() => new LbfgsSolver(2).minimize(bowl, [1, 2, 3]), { name: 'RangeError', message: 'x0 has length 3, expected 2' });
  });
});
