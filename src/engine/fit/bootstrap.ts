/**
 * Seeded nonparametric bootstrap: resample the rows with replacement, refit, and take
 * percentile intervals of each parameter. The seed fixes the resamples, so the same
 * data, seed and resample count always give the same intervals.
 */
import type { ChinchillaParams } from '../laws/powerLaws';
import { fitChinchilla, type ChinchillaFit, type ChinchillaFitOptions } from './chinchilla';
import { fitPowerLaw, fitPowerLawWithFloor, type PowerLawFit, type PowerLawFloorFit } from './power';
import { mulberry32, randomIndex } from './seededRandom';

export interface BootstrapOptions {
  /** Number of resamples (default 200). */
  resamples?: number;
  /** 32-bit seed of the resampling generator (default 1). */
  seed?: number;
  /** Central coverage of the percentile intervals (default 0.95). */
  confidence?: number;
}

export interface Interval {
  low: number;
  high: number;
}

export interface BootstrapResult<K extends string> {
  estimate: Record<K, number>;
  /** Percentile intervals over the successful resamples. */
  intervals: Record<K, Interval>;
  /** Standard deviation over the successful resamples. */
  standardError: Record<K, number>;
  /** Successful and failed refits (a failed refit is left out, not retried). */
  resamples: number;
  failed: number;
  seed: number;
  confidence: number;
}

export const BOOTSTRAP_DEFAULTS = Object.freeze({ resamples: 200, seed: 1, confidence: 0.95 });

/** Quantile with linear interpolation between order statistics (numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  // Stryker disable next-line ConditionalExpression: with no values every index reads undefined, and the interpolation is NaN anyway.
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The resamples of a seeded bootstrap, in order: `visit(r, rows)` gets resample r's row
 * indices (length rowCount, drawn with replacement; the array is reused). A share
 * {index, count} visits only the resamples with r % count === index, but draws every
 * one, so shares run in parallel see exactly the row sets of a single run.
 */
export function resampleRows(
  rowCount: number,
  resamples: number,
  seed: number,
  visit: (r: number, rows: Int32Array) => void,
  share: { index: number; count: number } = { index: 0, count: 1 },
): void {
  const random = mulberry32(seed);
  const rows = new Int32Array(rowCount);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < rowCount; i++) rows[i] = randomIndex(random, rowCount);
    if (r % share.count === share.index) visit(r, rows);
  }
}

/** Percentile intervals and standard errors of each key over the successful draws (null: a failed refit). */
export function percentileSummary<K extends string>(
  keys: readonly K[],
  draws: readonly (Readonly<Record<K, number>> | null)[],
  confidence: number,
): { intervals: Record<K, Interval>; standardError: Record<K, number>; resamples: number; failed: number } {
  const ok = draws.filter((p): p is Readonly<Record<K, number>> => p !== null && keys.every((k) => Number.isFinite(p[k])));
  const tail = (1 - confidence) / 2;
  const intervals = {} as Record<K, Interval>;
  const standardError = {} as Record<K, number>;
  for (const k of keys) {
    const v = Float64Array.from(ok, (p) => p[k]).sort();
    intervals[k] = { low: quantile(v, tail), high: quantile(v, 1 - tail) };
    let mean = 0;
    for (let i = 0; i < v.length; i++) mean += v[i];
    mean /= v.length;
    let ss = 0;
    for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with one draw ss = 0 and v.length − 1 = 0, so the root is NaN anyway; with none the mean is NaN.
    standardError[k] = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : NaN;
  }
  return { intervals, standardError, resamples: ok.length, failed: draws.length - ok.length };
}

/**
 * Generic bootstrap. `refit` gets the row indices of one resample (length rowCount,
 * drawn with replacement) and returns the parameters, or null if the fit failed.
 */
export function bootstrap<K extends string>(
  rowCount: number,
  estimate: Readonly<Record<K, number>>,
  refit: (rows: Int32Array) => Readonly<Record<K, number>> | null,
  options: BootstrapOptions = {},
): BootstrapResult<K> {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  if (!(Number.isInteger(resamples) && resamples >= 1)) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const keys = Object.keys(estimate) as K[];
  const draws: (Readonly<Record<K, number>> | null)[] = [];
  resampleRows(rowCount, resamples, seed, (_r, rows) => {
    const p = refit(rows);
    draws.push(p ? { ...p } : null);
  });
  const summary = percentileSummary(keys, draws, confidence);
  return { estimate: { ...estimate }, ...summary, seed, confidence };
}

export function gather(src: ArrayLike<number>, rows: Int32Array, out: Float64Array): Float64Array {
  for (let i = 0; i < rows.length; i++) out[i] = src[rows[i]];
  return out;
}

export interface ChinchillaBootstrapOptions extends BootstrapOptions {
  /** Options of the full-data fit (grid, Huber δ, optimiser). */
  fit?: ChinchillaFitOptions;
  /** A full-data fit already made, to skip redoing it. */
  pointFit?: ChinchillaFit;
  /**
   * Starts of each resample's fit (default: the full-data optimum and the grid start
   * that led to it). Rerunning the 4,500-point grid per resample would cost
   * resamples × the full fit for the same answer on all but pathological data.
   */
  resampleStarts?: readonly (readonly number[])[];
}

/** Chinchilla fit with bootstrap intervals for A, B, E, α, β. */
export function bootstrapChinchilla(
  N: ArrayLike<number>,
  D: ArrayLike<number>,
  loss: ArrayLike<number>,
  options: ChinchillaBootstrapOptions = {},
): { fit: ChinchillaFit; bootstrap: BootstrapResult<keyof ChinchillaParams> } {
  const fit = options.pointFit ?? fitChinchilla(N, D, loss, options.fit);
  const lp = fit.logParams;
  const starts = options.resampleStarts ?? [[lp.a, lp.b, lp.e, lp.alpha, lp.beta], fit.bestStart];
  const n = loss.length;
  const bn = new Float64Array(n);
  const bd = new Float64Array(n);
  const bl = new Float64Array(n);
  const result = bootstrap(
    n,
    fit.params,
    (rows) => {
      const r = fitChinchilla(gather(N, rows, bn), gather(D, rows, bd), gather(loss, rows, bl), { ...options.fit, starts });
      return Number.isFinite(r.objective) ? r.params : null;
    },
    options,
  );
  return { fit, bootstrap: result };
}

/** Power law y = (x₀/x)^α with bootstrap intervals for x0 and alpha. */
export function bootstrapPowerLaw(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BootstrapOptions = {},
): { fit: PowerLawFit; bootstrap: BootstrapResult<'x0' | 'alpha'> } | null {
  const fit = fitPowerLaw(x, y);
  if (!fit.ok) return null;
  const n = x.length;
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const result = bootstrap(
    n,
    { x0: fit.x0, alpha: fit.alpha },
    (rows) => {
      const r = fitPowerLaw(gather(x, rows, bx), gather(y, rows, by));
      return r.ok ? { x0: r.x0, alpha: r.alpha } : null;
    },
    options,
  );
  return { fit, bootstrap: result };
}

/** Power law with floor y = E + (x₀/x)^α with bootstrap intervals for E, x0 and alpha. */
export function bootstrapPowerLawWithFloor(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: BootstrapOptions = {},
): { fit: PowerLawFloorFit; bootstrap: BootstrapResult<'E' | 'x0' | 'alpha'> } | null {
  const fit = fitPowerLawWithFloor(x, y);
  if (!fit.ok) return null;
  const n = x.length;
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const result = bootstrap(
    n,
    { E: fit.E, x0: fit.x0, alpha: fit.alpha },
    (rows) => {
      const r = fitPowerLawWithFloor(gather(x, rows, bx), gather(y, rows, by));
      return r.ok ? { E: r.E, x0: r.x0, alpha: r.alpha } : null;
    },
    options,
  );
  return { fit, bootstrap: result };
}
