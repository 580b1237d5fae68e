/**
 * Single power laws in one variable x (compute C, model size N or tokens D):
 *
 *   y = (x₀/x)^α          fitted by least squares on log y = α·log x₀ − α·log x;
 *   y = E + (x₀/x)^α      (irreducible floor E) started from log-log least squares on
 *                          y − E₀ for a few trial floors E₀, then refined by L-BFGS.
 *
 * The floor form is fitted in log space like the Chinchilla fit,
 * log ŷ = LSE(c − α·log x, e) with c = α·log x₀ and E = eᵉ, so E stays positive and
 * every point counts by its relative error.
 */
import type { Bilingual } from './data';
import { LbfgsSolver, type LbfgsOptions, type Objective } from './lbfgs';

export interface PowerLawFit {
  ok: true;
  /** y = (x0/x)^alpha, i.e. y = exp(logCoefficient) · x^(−alpha). */
  x0: number;
  alpha: number;
  /** c = α·log x₀ (finite even when α → 0, where x₀ is not). */
  logCoefficient: number;
  /** Coefficient of determination of the log-log regression. */
  rSquared: number;
  rows: number;
}

export interface PowerLawFloorFit {
  ok: true;
  /** y = E + (x0/x)^alpha. */
  E: number;
  x0: number;
  alpha: number;
  logCoefficient: number;
  /** Σ ½(log ŷ − log y)² at the optimum. */
  objective: number;
  /** R² of log ŷ against log y. */
  rSquared: number;
  rows: number;
}

export interface PowerFitFailure {
  ok: false;
  message: Bilingual;
}

function checkRows(x: ArrayLike<number>, y: ArrayLike<number>, needed: number): PowerFitFailure | null {
  if (x.length !== y.length) throw new RangeError('x and y must have the same length');
  if (x.length < needed) {
    return {
      ok: false,
      message: { en: `A power-law fit needs at least ${needed} points, got ${x.length}.`, zh: `幂律拟合至少需要 ${needed} 个点，实际只有 ${x.length} 个。` },
    };
  }
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] > 0 && y[i] > 0 && Number.isFinite(x[i]) && Number.isFinite(y[i]))) {
      return { ok: false, message: { en: `Point ${i + 1} is not positive and finite.`, zh: `第 ${i + 1} 个点不是有限正数。` } };
    }
  }
  return null;
}

/**
 * Ordinary least squares of v on u: v ≈ intercept + slope·u; null when the spread of u,
 * Σ(u − ū)², is at most 1e-24·max(1, ū²)·n (exported for its tests).
 */
export function linearFit(u: Float64Array, v: Float64Array): { intercept: number; slope: number; rSquared: number } | null {
  const n = u.length;
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mu += u[i];
    mv += v[i];
  }
  mu /= n;
  mv /= n;
  let suu = 0;
  let suv = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i] - mu;
    const dv = v[i] - mv;
    suu += du * du;
    suv += du * dv;
    svv += dv * dv;
  }
  // All x equal (relative to their spread in log space): the exponent is undetermined.
  if (!(suu > 1e-24 * Math.max(1, mu * mu) * n)) return null;
  const slope = suv / suu;
  return { intercept: mv - slope * mu, slope, rSquared: svv > 0 ? (suv * suv) / (suu * svv) : 1 };
}

const SAME_X: Bilingual = {
  en: 'All x values are equal, so the exponent cannot be determined.',
  zh: '所有 x 值都相同，无法确定指数。',
};

/** y = (x₀/x)^α by least squares in log-log space. */
export function fitPowerLaw(x: ArrayLike<number>, y: ArrayLike<number>): PowerLawFit | PowerFitFailure {
  const bad = checkRows(x, y, 2);
  if (bad) return bad;
  const n = x.length;
  const lx = Float64Array.from(x, (v) => Math.log(v));
  const ly = Float64Array.from(y, (v) => Math.log(v));
  const lin = linearFit(lx, ly);
  if (!lin) return { ok: false, message: SAME_X };
  const alpha = -lin.slope;
  return { ok: true, x0: Math.exp(lin.intercept / alpha), alpha, logCoefficient: lin.intercept, rSquared: lin.rSquared, rows: n };
}

/**
 * ½Σ(LSE(c̃ − α·(log x − m), e) − log y)² and its gradient over p = [c̃, alpha, e],
 * where lx holds log x − m. Centring on m = mean log x decorrelates c̃ from α (raw
 * log C is ~50, which would make the problem badly conditioned); c = c̃ + α·m.
 */
function floorObjective(lx: Float64Array, ly: Float64Array): Objective {
  const n = lx.length;
  return (p, grad) => {
    const c = p[0];
    const al = p[1];
    const e = p[2];
    let f = 0;
    let gc = 0;
    let gal = 0;
    let ge = 0;
    for (let i = 0; i < n; i++) {
      const u = c - al * lx[i];
      // Stable two-term LSE: the larger exponent is factored out (the other then never overflows).
      const m = Math.max(u, e);
      const w1 = Math.exp(u - m);
      const w2 = Math.exp(e - m);
      const s = w1 + w2;
      const r = m + Math.log(s) - ly[i];
      f += 0.5 * r * r;
      const rs = r / s;
      gc += rs * w1;
      gal -= rs * w1 * lx[i];
      ge += rs * w2;
    }
    grad[0] = gc;
    grad[1] = gal;
    grad[2] = ge;
    return f;
  };
}

// Trial floors as fractions of min y; each seeds one refinement. No fraction near 0:
// there the objective is exponentially flat in e = log E and L-BFGS crawls; the E = 0
// limit is covered exactly by the pure power law, which is also a candidate.
const FLOOR_FRACTIONS = [0.25, 0.5, 0.75, 0.9, 0.97];

// Tight tolerances: three parameters and a smooth objective make them cheap.
const FLOOR_LBFGS: LbfgsOptions = { gradientTolerance: 1e-10, relativeFunctionTolerance: 1e-15, maxEvaluations: 3000 };

export interface PowerLawFloorOptions {
  /** Trial floors E₀ to start from (default: fractions of min y). */
  floors?: readonly number[];
  lbfgs?: LbfgsOptions;
}

/** y = E + (x₀/x)^α: log-log least squares on y − E₀ for several E₀, refined by L-BFGS. */
export function fitPowerLawWithFloor(x: ArrayLike<number>, y: ArrayLike<number>, options: PowerLawFloorOptions = {}): PowerLawFloorFit | PowerFitFailure {
  const bad = checkRows(x, y, 3);
  if (bad) return bad;
  const n = x.length;
  const ly = Float64Array.from(y, (v) => Math.log(v));
  const minY = Float64Array.from(y).reduce((m, v) => Math.min(m, v));
  const raw = Float64Array.from(x, (v) => Math.log(v));
  const meanLx = raw.reduce((s, v) => s + v, 0) / n;
  const lx = raw.map((v) => v - meanLx);
  const floors = options.floors ?? FLOOR_FRACTIONS.map((f) => f * minY);
  // The E = 0 candidate: plain log-log least squares, whose objective is the same ½Σr².
  const pure = linearFit(lx, ly);
  if (!pure) return { ok: false, message: SAME_X };
  let pureF = 0;
  for (let i = 0; i < n; i++) pureF += 0.5 * (pure.intercept + pure.slope * lx[i] - ly[i]) ** 2;
  const fun = floorObjective(lx, ly);
  const solver = new LbfgsSolver(3, { ...FLOOR_LBFGS, ...options.lbfgs });
  const out = new Float64Array(3);
  const best = new Float64Array(3);
  let bestF = Infinity;
  for (const E0 of floors) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a floor at or above min y (or NaN) makes a log NaN, so its start's objective is NaN, which never wins.
    if (!(E0 < minY)) continue;
    // A floor of 0 would refine the pure law itself (with e = −∞), and could move its last bits.
    if (!(E0 > 0)) continue;
    const reduced = Float64Array.from(y, (v) => Math.log(v - E0));
    const lin = linearFit(lx, reduced);
    // Stryker disable next-line all: unreachable, linearFit's guard looks only at lx, which passed it above.
    if (!lin) return { ok: false, message: SAME_X };
    const r = solver.minimize(fun, [lin.intercept, -lin.slope, Math.log(E0)], out);
    if (r.f < bestF) {
      bestF = r.f;
      best.set(out);
    }
  }
  const floorWins = bestF < pureF;
  const alpha = floorWins ? best[1] : -pure.slope;
  const c = (floorWins ? best[0] : pure.intercept) + alpha * meanLx;
  const E = floorWins ? Math.exp(best[2]) : 0;
  const objective = Math.min(bestF, pureF);
  // R² of the fitted log values against the data in log space.
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ly[i];
  mean /= n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (ly[i] - mean) ** 2;
  return {
    ok: true,
    E,
    x0: Math.exp(c / alpha),
    alpha,
    logCoefficient: c,
    objective,
    rSquared: total > 0 ? 1 - (2 * objective) / total : 1,
    rows: n,
  };
}

/** Evaluates E + (x0/x)^alpha (E = 0 for the pure law), via c so that α → 0 is safe. */
export function powerLawValue(fit: { logCoefficient: number; alpha: number; E?: number }, x: number): number {
  return (fit.E ?? 0) + Math.exp(fit.logCoefficient - fit.alpha * Math.log(x));
}
