/**
 * Emergence-point fit: y = c + (u − c)·σ(k·(x − x₀)), x = log10 of the scale axis,
 * least squares on the accuracy scale, chance level c fixed, ceiling u ∈ [c, 1],
 * slope k > 0 per decade. x₀ is where the curve is halfway from chance to its ceiling:
 * the emergence point.
 *
 * Search: the model is linear in a = u − c once (x₀, k) are fixed, so a coarse grid over
 * (x₀, k) with a solved in closed form (clamped to [0, 1 − c]) finds the basins cheaply;
 * the best few grid cells then start L-BFGS on all three parameters in unconstrained
 * coordinates (k = K_MAX·σ(κ), u = c + (1 − c)·σ(ω)), with analytic gradients. k is
 * capped at K_MAX per decade. When the fitted rise from 10% to 90% of its height
 * (2·ln 9 / k decades) is narrower than the gap between the two models that straddle
 * x₀, the data cannot tell the curve from a step, and `stepLike` says so.
 *
 * Bootstrap: models are resampled with replacement (the project's seeded bootstrap) and
 * refitted the same way; the percentile interval of x₀ is reported.
 */
import { bootstrap, type Interval } from '../fit/bootstrap';
import { LbfgsSolver } from '../fit/lbfgs';

/** Steepest slope fitted, per decade of the axis. */
export const K_MAX = 50;
/** Shallowest slope the search considers, per decade. */
export const K_MIN = 0.05;
/** Fewest points a fit needs (three parameters, plus one). */
export const MIN_POINTS = 4;

export interface SigmoidParams {
  x0: number;
  k: number;
  ceiling: number;
  chance: number;
}

export interface EmergenceFit extends SigmoidParams {
  n: number;
  sse: number;
  /** The fitted 10–90% rise fits between two adjacent models: the data cannot tell it from a step. */
  stepLike: boolean;
  /** x₀ lies outside the range of the data's x (an extrapolated midpoint). */
  beyondData: boolean;
  xRange: [number, number];
}

export interface EmergenceFitWithInterval extends EmergenceFit {
  /** Percentile interval of x₀ (log10 units), or undefined when no bootstrap was run. */
  ci?: Interval & { confidence: number; resamples: number; failed: number; seed: number };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The fitted curve at x. */
export function emergenceCurve(p: SigmoidParams, x: number): number {
  return p.chance + (p.ceiling - p.chance) * sigmoid(p.k * (x - p.x0));
}

function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}

/**
 * SSE of (x₀, k) with a = u − c solved in closed form on [0, 1 − c]:
 * SSE(a) = Σ(y − c)² − 2aΣ(y − c)s + a²Σs², so one pass over the data gives all three sums.
 */
function profiled(x: ArrayLike<number>, y: ArrayLike<number>, c: number, x0: number, k: number): { sse: number; a: number } {
  let sy = 0;
  let ss = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    const s = sigmoid(k * (x[i] - x0));
    const r = y[i] - c;
    sy += r * s;
    ss += s * s;
    yy += r * r;
  }
  // ss > 0: the grid's x₀ lies at most a decade above the largest x and k ≤ 45, so s ≥ σ(−45) there.
  const a = Math.min(1 - c, Math.max(0, sy / ss));
  return { sse: Math.max(0, yy - 2 * a * sy + a * a * ss), a };
}

const solver = new LbfgsSolver(3, { maxIterations: 200 });
const GRID_X = 25;
const GRID_K = [0.1, 0.2, 0.5, 1, 2, 4, 8, 16, 45];
const STARTS = 4;

export interface FitOptions {
  /** Grid cells that start L-BFGS (default 4). */
  starts?: number;
  /** One more start, e.g. the full data's optimum when refitting a bootstrap resample. */
  from?: Pick<SigmoidParams, 'x0' | 'k' | 'ceiling'>;
}

/** Least-squares fit of the emergence curve to points (x = log10 scale, y on 0–1). */
export function fitEmergence(x: ArrayLike<number>, y: ArrayLike<number>, chance: number, options: FitOptions = {}): EmergenceFit {
  const n = x.length;
  if (n !== y.length) throw new RangeError('x and y differ in length');
  if (n < MIN_POINTS) throw new RangeError(`need at least ${MIN_POINTS} points, got ${n}`);
  if (!(chance >= 0 && chance < 1)) throw new RangeError(`chance must be in [0, 1), got ${chance}`);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  const span = Math.max(hi - lo, 1e-6);
  // Coarse profiled grid: x₀ a decade beyond the data on either side.
  const cells: { sse: number; x0: number; k: number; a: number }[] = [];
  for (let i = 0; i < GRID_X; i++) {
    const x0 = lo - 1 + ((span + 2) * i) / (GRID_X - 1);
    for (const k of GRID_K) cells.push({ x0, k, ...profiled(x, y, chance, x0, k) });
  }
  cells.sort((p, q) => p.sse - q.sse);
  const width = 1 - chance;
  const objective = (t: Float64Array, g: Float64Array): number => {
    const x0 = t[0];
    const sk = sigmoid(t[1]);
    const k = K_MAX * sk;
    const sw = sigmoid(t[2]);
    const a = width * sw;
    let f = 0;
    let g0 = 0;
    let gk = 0;
    let ga = 0;
    for (let i = 0; i < n; i++) {
      const d = x[i] - x0;
      const s = sigmoid(k * d);
      const r = chance + a * s - y[i];
      f += r * r;
      const ds = a * s * (1 - s);
      g0 += 2 * r * ds * -k;
      gk += 2 * r * ds * d;
      ga += 2 * r * s;
    }
    g[0] = g0;
    g[1] = gk * K_MAX * sk * (1 - sk);
    g[2] = ga * width * sw * (1 - sw);
    return f;
  };
  let best = { sse: cells[0].sse, x0: cells[0].x0, k: cells[0].k, a: cells[0].a };
  const starts = cells.slice(0, options.starts ?? STARTS).map((c) => ({ x0: c.x0, k: c.k, a: c.a }));
  if (options.from) starts.push({ x0: options.from.x0, k: Math.min(options.from.k, 0.99 * K_MAX), a: options.from.ceiling - chance });
  for (const cell of starts) {
    const start = [cell.x0, logit(cell.k / K_MAX), logit(Math.max(cell.a, 1e-3 * width) / width)];
    const r = solver.minimize(objective, start);
    // A NaN objective (a start the solver cannot evaluate) is never < best.sse.
    if (r.f < best.sse) best = { sse: r.f, x0: r.x[0], k: K_MAX * sigmoid(r.x[1]), a: width * sigmoid(r.x[2]) };
  }
  return {
    x0: best.x0,
    k: best.k,
    ceiling: chance + best.a,
    chance,
    n,
    sse: best.sse,
    stepLike: 2 * Math.log(9) < best.k * straddlingGap(x, best.x0),
    beyondData: best.x0 < lo || best.x0 > hi,
    xRange: [lo, hi],
  };
}

/** The distance between the nearest data x below x₀ and the nearest above it (∞ if x₀ is outside). */
function straddlingGap(x: ArrayLike<number>, x0: number): number {
  let below = -Infinity;
  let above = Infinity;
  for (let i = 0; i < x.length; i++) {
    if (x[i] <= x0) below = Math.max(below, x[i]);
    else above = Math.min(above, x[i]);
  }
  return above - below;
}

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  confidence?: number;
}

export const EMERGENCE_BOOTSTRAP = Object.freeze({ resamples: 200, seed: 1, confidence: 0.95 });

/** The fit plus a seeded bootstrap interval for x₀ (resampling points, i.e. models). */
export function fitEmergenceWithInterval(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  chance: number,
  settings: BootstrapSettings = EMERGENCE_BOOTSTRAP,
): EmergenceFitWithInterval {
  const fit = fitEmergence(x, y, chance);
  if (settings.resamples <= 0) return fit;
  const bx = new Float64Array(x.length);
  const by = new Float64Array(x.length);
  const result = bootstrap(
    x.length,
    { x0: fit.x0 },
    (rows) => {
      // Stryker disable next-line EqualityOperator: i <= rows.length writes past the end of a Float64Array, which is ignored
      for (let i = 0; i < rows.length; i++) {
        bx[i] = x[rows[i]];
        by[i] = y[rows[i]];
      }
      // A resample of one repeated model cannot place a rise.
      let distinct = 1;
      for (let i = 1; i < bx.length && distinct < 2; i++) if (bx[i] !== bx[0]) distinct++;
      if (distinct < 2) return null;
      return { x0: fitEmergence(bx, by, chance, { starts: 1, from: fit }).x0 };
    },
    { resamples: settings.resamples, seed: settings.seed, confidence: settings.confidence ?? EMERGENCE_BOOTSTRAP.confidence },
  );
  return { ...fit, ci: { ...result.intervals.x0, confidence: result.confidence, resamples: result.resamples, failed: result.failed, seed: result.seed } };
}
