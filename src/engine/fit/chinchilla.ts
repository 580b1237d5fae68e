/**
 * The Chinchilla parametric fit L(N, D) = E + A/N^α + B/D^β, done the way
 * Hoffmann et al. 2022 (§D.2) did it and Besiroglu et al. 2024 replicated it:
 *
 *   minimise  Σᵢ Huber_δ( LSE(a − α·log Nᵢ, b − β·log Dᵢ, e) − log Lᵢ ),   δ = 1e-3,
 *
 * with L-BFGS and analytic gradients from every point of a grid of starts, keeping the
 * best; then A = eᵃ, B = eᵇ, E = eᵉ. Fitting in log space with LSE keeps A, B, E
 * positive without constraints and weights every run by its relative error.
 *
 * Speed matters (4,500 starts × ~100 evaluations × 240 rows): logs are taken once,
 * rows live in typed arrays, and the objective's closure allocates nothing. The grid
 * is pre-screened (`prescreen`): the objective is evaluated once at every start (about
 * 1% of a start's L-BFGS run) and L-BFGS runs only from the best few hundred, so the
 * cost no longer grows as rows × 4,500 runs. On Epoch's 240 rows the pre-screened
 * search and the polish reach the same optimum as all 4,500 starts (a unit test).
 *
 * The law itself (chinchillaLoss) and the allocation (computeOptimal) live in
 * src/engine/laws/; this file only fits their parameters.
 */
import type { ChinchillaParams } from '../laws/powerLaws';
import { LbfgsSolver, type LbfgsOptions, type LbfgsStatus, type Objective } from './lbfgs';

/** The fitted vector in the optimiser's coordinates: A = eᵃ, B = eᵇ, E = eᵉ. */
interface ChinchillaLogParams {
  a: number;
  b: number;
  e: number;
  alpha: number;
  beta: number;
}

/** Start values per coordinate; the starts are their Cartesian product. */
export interface ChinchillaGrid {
  alpha: readonly number[];
  beta: readonly number[];
  e: readonly number[];
  a: readonly number[];
  b: readonly number[];
}

/** Hoffmann et al.'s grid (§D.2): 5·5·5·6·6 = 4,500 starts. */
export const HOFFMANN_GRID: Readonly<ChinchillaGrid> = Object.freeze({
  alpha: [0, 0.5, 1, 1.5, 2],
  beta: [0, 0.5, 1, 1.5, 2],
  e: [-1, -0.5, 0, 0.5, 1],
  a: [0, 5, 10, 15, 20, 25],
  b: [0, 5, 10, 15, 20, 25],
});

export const HUBER_DELTA = 1e-3;

// |exponent| bound for the linear-space fast path: e^600 ≈ 1e260, so a sum of three
// terms and its products with the data stay far from overflow and underflow.
const SAFE_EXPONENT = 600;

export interface ChinchillaFitOptions {
  /** Grid of starts (default HOFFMANN_GRID). Ignored when `starts` is given. */
  grid?: ChinchillaGrid;
  /** Explicit starts, each [a, b, e, alpha, beta] (e.g. a warm start for bootstrap). */
  starts?: readonly (readonly number[])[];
  /** Huber threshold on the log-loss residual. */
  huberDelta?: number;
  /** Optimiser settings of the multi-start search (default: SciPy L-BFGS-B's, LBFGS_DEFAULTS). */
  lbfgs?: LbfgsOptions;
  /**
   * Re-run L-BFGS from the best point with tight tolerances (default true). SciPy's
   * stopping rule compares the decrease of f with max(|f|, 1), and Σ Huber with δ = 1e-3
   * is ≪ 1, so on small or clean data the search stops while the parameters can still
   * move along the flat A–α / B–β valleys. The polish costs about one start. Pass
   * false to do exactly the published procedure (the benchmark does, to match SciPy).
   */
  polish?: boolean | LbfgsOptions;
  /**
   * Run L-BFGS only from the `prescreen` starts with the lowest objective at the start
   * (in their grid order, so ties still go to the earlier start). Default: all starts.
   */
  prescreen?: number;
  /** Called after each L-BFGS start with (done, total); throw FitCancelled to stop. */
  onStart?: (done: number, total: number) => void;
  /**
   * For tables with more rows than this, run the grid search on an evenly spaced
   * subsample of this many rows, then refine from its optimum (and the start that led to
   * it) on all rows. Default: no subsample.
   */
  subsample?: number;
}

/** Thrown by a progress hook to stop a fit; the pipeline reports it as a cancelled fit. */
export class FitCancelled extends Error {
  constructor() {
    super('The fit was cancelled.');
    this.name = 'FitCancelled';
  }
}

/**
 * Starts kept by the pre-screen for a table of `rows` rows: a few hundred for Epoch-sized
 * data, fewer for very large tables (each start costs ~100 passes over the rows), never
 * fewer than 48. Epoch's 240 rows reach the full grid's optimum from the best 50.
 */
export function prescreenCount(rows: number): number {
  return Math.max(48, Math.min(256, Math.floor(60_000 / Math.max(1, rows))));
}

/** Rows of the subsample the grid search runs on for larger tables (fitChinchilla's `subsample`). */
export const SEARCH_SUBSAMPLE = 2000;

/** The `keep` starts with the lowest objective at the start, in their original order. */
function screenStarts(fun: Objective, starts: readonly (readonly number[])[], keep: number): (readonly number[])[] {
  const grad = new Float64Array(5);
  const x = new Float64Array(5);
  const f = new Float64Array(starts.length);
  for (let k = 0; k < starts.length; k++) {
    x.set(starts[k]);
    const v = fun(x, grad);
    f[k] = Number.isFinite(v) ? v : Infinity;
  }
  // Array sort is stable (ES2019): equal objectives (Infinity − Infinity is NaN, a tie too) stay in grid order.
  const order = Array.from(starts.keys()).sort((i, j) => f[i] - f[j]);
  return order
    .slice(0, keep)
    .sort((i, j) => i - j)
    .map((i) => starts[i]);
}

const POLISH_LBFGS: LbfgsOptions = { gradientTolerance: 1e-14, relativeFunctionTolerance: 1e-15, maxEvaluations: 5000 };

export interface ChinchillaFit {
  params: ChinchillaParams;
  logParams: ChinchillaLogParams;
  /** Σ Huber at the optimum. */
  objective: number;
  /** The start that led to the optimum, [a, b, e, alpha, beta]. */
  bestStart: number[];
  status: LbfgsStatus;
  /** Starts in the grid, starts L-BFGS ran from (after the pre-screen), and how many of them stopped on a convergence test. */
  starts: number;
  searched: number;
  converged: number;
  /** Function evaluations summed over all starts (and the polish). */
  evaluations: number;
  /** Whether the polish run lowered the objective further. */
  polished: boolean;
  rows: number;
}

/** Logs of the data, taken once per fit. */
export interface ChinchillaLogData {
  logN: Float64Array;
  logD: Float64Array;
  logL: Float64Array;
}

export function chinchillaLogData(N: ArrayLike<number>, D: ArrayLike<number>, loss: ArrayLike<number>): ChinchillaLogData {
  const n = loss.length;
  if (N.length !== n || D.length !== n) throw new RangeError('N, D and loss must have the same length');
  return { logN: Float64Array.from(N, Math.log), logD: Float64Array.from(D, Math.log), logL: Float64Array.from(loss, Math.log) };
}

/**
 * The Huber objective and its analytic gradient over x = [a, b, e, alpha, beta].
 * With u = (a − α·lnN, b − β·lnD, e), r = LSE(u) − lnL and w = softmax(u):
 * ∂r/∂a = w₁, ∂r/∂b = w₂, ∂r/∂e = w₃, ∂r/∂α = −w₁·lnN, ∂r/∂β = −w₂·lnD,
 * and ∂Huber/∂r = r if |r| ≤ δ else δ·sign(r).
 */
export function chinchillaObjective(data: ChinchillaLogData, delta = HUBER_DELTA): Objective {
  const { logN, logD, logL } = data;
  const n = logL.length;
  let maxLogN = 0;
  let maxLogD = 0;
  for (const v of logN) maxLogN = Math.max(maxLogN, Math.abs(v));
  for (const v of logD) maxLogD = Math.max(maxLogD, Math.abs(v));
  const invL = Float64Array.from(logL, (v) => Math.exp(-v));
  return (x, grad) => {
    const a = x[0];
    const b = x[1];
    const e = x[2];
    const al = x[3];
    const be = x[4];
    let f = 0;
    let ga = 0;
    let gb = 0;
    let ge = 0;
    let gal = 0;
    let gbe = 0;
    // Fast path: when no exponent can leave [−SAFE, SAFE], sum the three terms in
    // linear space (2 exp + 1 log per row, no max/shift branches); it equals the
    // shifted LSE up to rounding. Otherwise use the shifted, overflow-proof form.
    const safe = Math.abs(a) + Math.abs(al) * maxLogN < SAFE_EXPONENT && Math.abs(b) + Math.abs(be) * maxLogD < SAFE_EXPONENT && Math.abs(e) < SAFE_EXPONENT;
    if (safe) {
      const A = Math.exp(a);
      const B = Math.exp(b);
      const E = Math.exp(e);
      for (let i = 0; i < n; i++) {
        const ln = logN[i];
        const ld = logD[i];
        const tN = A * Math.exp(-al * ln);
        const tD = B * Math.exp(-be * ld);
        const pred = tN + tD + E;
        const r = Math.log(pred * invL[i]);
        // Branch-free Huber: c = clamp(r, ±δ) is ∂Huber/∂r and c·(r − c/2) is Huber(r).
        const c = Math.max(-delta, Math.min(delta, r));
        f += c * (r - 0.5 * c);
        const hs = c / pred;
        const w1 = hs * tN;
        const w2 = hs * tD;
        ga += w1;
        gb += w2;
        ge += hs * E;
        gal -= w1 * ln;
        gbe -= w2 * ld;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const ln = logN[i];
        const ld = logD[i];
        const u1 = a - al * ln;
        const u2 = b - be * ld;
        const m = Math.max(u1, u2, e);
        const e1 = Math.exp(u1 - m);
        const e2 = Math.exp(u2 - m);
        const e3 = Math.exp(e - m);
        const s = e1 + e2 + e3;
        const r = m + Math.log(s) - logL[i];
        const c = Math.max(-delta, Math.min(delta, r));
        f += c * (r - 0.5 * c);
        const hs = c / s;
        const w1 = hs * e1;
        const w2 = hs * e2;
        ga += w1;
        gb += w2;
        ge += hs * e3;
        gal -= w1 * ln;
        gbe -= w2 * ld;
      }
    }
    grad[0] = ga;
    grad[1] = gb;
    grad[2] = ge;
    grad[3] = gal;
    grad[4] = gbe;
    return f;
  };
}

/** All starts of a grid in the order alpha, beta, e, a, b (outermost first). */
export function gridStarts(grid: ChinchillaGrid): number[][] {
  const out: number[][] = [];
  for (const alpha of grid.alpha)
    for (const beta of grid.beta) for (const e of grid.e) for (const a of grid.a) for (const b of grid.b) out.push([a, b, e, alpha, beta]);
  return out;
}

function toParams(x: ArrayLike<number>): { params: ChinchillaParams; logParams: ChinchillaLogParams } {
  const logParams = { a: x[0], b: x[1], e: x[2], alpha: x[3], beta: x[4] };
  return {
    logParams,
    params: { A: Math.exp(x[0]), B: Math.exp(x[1]), E: Math.exp(x[2]), alpha: x[3], beta: x[4] },
  };
}

/**
 * Fits the Chinchilla form from every start and keeps the lowest objective.
 * Rows must be positive and finite (data.ts checks this for user data).
 */
export function fitChinchilla(N: ArrayLike<number>, D: ArrayLike<number>, loss: ArrayLike<number>, options: ChinchillaFitOptions = {}): ChinchillaFit {
  const n = loss.length;
  const subsample = options.subsample ?? Infinity;
  if (n > subsample && options.starts === undefined) {
    const m = Math.max(5, Math.floor(subsample));
    const pick = (a: ArrayLike<number>): Float64Array => Float64Array.from({ length: m }, (_, k) => a[Math.floor((k * n) / m)]);
    const rough = fitChinchilla(pick(N), pick(D), pick(loss), { ...options, subsample: undefined, polish: false });
    const lp = rough.logParams;
    const fine = fitChinchilla(N, D, loss, {
      huberDelta: options.huberDelta,
      lbfgs: options.lbfgs,
      polish: options.polish,
      starts: [[lp.a, lp.b, lp.e, lp.alpha, lp.beta], rough.bestStart],
    });
    return {
      ...fine,
      starts: rough.starts,
      searched: rough.searched,
      converged: rough.converged,
      bestStart: rough.bestStart,
      evaluations: rough.evaluations + fine.evaluations,
    };
  }
  const data = chinchillaLogData(N, D, loss);
  const fun = chinchillaObjective(data, options.huberDelta);
  const all = options.starts ?? gridStarts(options.grid ?? HOFFMANN_GRID);
  if (all.length === 0) throw new RangeError('fitChinchilla needs at least one start');
  const starts = options.prescreen !== undefined ? screenStarts(fun, all, Math.max(1, options.prescreen)) : all;
  const solver = new LbfgsSolver(5, options.lbfgs);
  const x = new Float64Array(5);
  const best = new Float64Array(5);
  let bestF = Infinity;
  let bestIndex = 0;
  let bestStatus: LbfgsStatus = 'non-finite';
  let converged = 0;
  let evaluations = 0;
  for (let k = 0; k < starts.length; k++) {
    const r = solver.minimize(fun, starts[k], x);
    evaluations += r.evaluations;
    if (r.converged) converged++;
    // Strictly lower only: ties keep the earlier start, so the result is deterministic.
    if (r.f < bestF) {
      bestF = r.f;
      bestIndex = k;
      bestStatus = r.status;
      best.set(x);
    }
    options.onStart?.(k + 1, starts.length);
  }
  let polished = false;
  if (options.polish !== false && Number.isFinite(bestF)) {
    const tight = new LbfgsSolver(5, { ...POLISH_LBFGS, ...(typeof options.polish === 'object' ? options.polish : {}) });
    const r = tight.minimize(fun, best, x);
    evaluations += r.evaluations;
    if (r.f < bestF) {
      bestF = r.f;
      bestStatus = r.status;
      best.set(x);
      polished = true;
    }
  }
  return {
    ...toParams(best),
    objective: bestF,
    bestStart: Array.from(starts[bestIndex]),
    status: bestStatus,
    starts: all.length,
    searched: starts.length,
    converged,
    evaluations,
    polished,
    rows: loss.length,
  };
}
