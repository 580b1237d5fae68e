/**
 * Limited-memory BFGS for smooth unconstrained minimisation with analytic gradients.
 *
 * - Direction: the two-loop recursion (Nocedal & Wright, Algorithm 7.4) over the last
 *   `memory` pairs, initial Hessian scaled by sᵀy / yᵀy of the newest pair.
 * - Step: the Moré–Thuente line search (MINPACK-2 `dcsrch` / `dcstep`, the one inside
 *   SciPy's L-BFGS-B), which returns a step satisfying the strong Wolfe conditions
 *   f(x+td) ≤ f(x) + c1·t·g·d and |g(x+td)·d| ≤ c2·|g·d|.
 * - Stops on ‖g‖∞ ≤ gradientTolerance, on a relative decrease
 *   (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ relativeFunctionTolerance, or on the
 *   iteration / evaluation budget. The defaults are SciPy's L-BFGS-B defaults so that
 *   results and timings are comparable with it.
 *
 * `LbfgsSolver` owns every work buffer for one dimension: a multi-start fit makes one
 * solver and calls `minimize` thousands of times without allocating in the loop.
 */

/** Objective: writes ∇f(x) into `grad` and returns f(x). Must not keep `x` or `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Number of correction pairs kept (m). */
  memory?: number;
  maxIterations?: number;
  maxEvaluations?: number;
  /** Stop when max |∂f/∂xᵢ| falls to this. */
  gradientTolerance?: number;
  /** Stop when the relative decrease of f in one iteration falls to this. */
  relativeFunctionTolerance?: number;
  /** Sufficient-decrease constant of the Wolfe conditions. */
  c1?: number;
  /** Curvature constant of the strong Wolfe conditions. */
  c2?: number;
  /** Relative width of the bracketing interval below which the line search gives up. */
  stepTolerance?: number;
  /** Function evaluations allowed in one line search. */
  maxLineSearchEvaluations?: number;
}

export type LbfgsStatus =
  | 'gradient' // ‖g‖∞ ≤ gradientTolerance
  | 'function' // relative decrease ≤ relativeFunctionTolerance
  | 'max-iterations'
  | 'max-evaluations'
  | 'line-search-failed' // no decrease along steepest descent either
  | 'non-finite'; // f or ∇f at the start point is NaN/±∞

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  /** max |∂f/∂xᵢ| at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  status: LbfgsStatus;
  /** True for 'gradient' and 'function'. */
  converged: boolean;
}

type ResolvedOptions = Required<LbfgsOptions>;

/** SciPy L-BFGS-B defaults (maxcor, maxiter, maxfun, pgtol, factr·eps, maxls). */
const LBFGS_DEFAULTS: Readonly<ResolvedOptions> = Object.freeze({
  memory: 10,
  maxIterations: 15000,
  maxEvaluations: 15000,
  gradientTolerance: 1e-5,
  relativeFunctionTolerance: 1e7 * Number.EPSILON,
  c1: 1e-4,
  c2: 0.9,
  stepTolerance: 0.1,
  maxLineSearchEvaluations: 20,
});

// Largest step tried; the line search expands up to it when f keeps going down.
const STEP_MAX = 1e10;

/**
 * What a line-search iteration asks for: evaluate f and f' at the new `stp`, stop because the
 * strong Wolfe conditions hold at `stp`, or stop on one of MINPACK-2's warnings (the step
 * cannot progress): `rounding` (the trial fell on the interval's edge), `xtol` (the interval
 * is narrower than xtol·stmax), `stpmax` / `stpmin` (the step is at a bound and f still falls
 * there / does not decrease enough there).
 */
export type LineSearchOutcome = 'evaluate' | 'converged' | 'rounding' | 'xtol' | 'stpmax' | 'stpmin';

/**
 * Moré–Thuente line search as a resumable state machine (MINPACK-2 dcsrch/dcstep), kept in
 * fields so that nothing is allocated per step. Call `start`, then evaluate at `stp` and feed
 * the values to `next` for as long as it answers 'evaluate'.
 *
 * Two departures from dcsrch, both kept because the solver's path depends on them:
 * - a warning takes precedence over convergence when both hold at a trial (dcsrch reports
 *   convergence); the warnings among themselves rank as in dcsrch (stpmin, stpmax, xtol,
 *   rounding);
 * - before a minimiser is bracketed, dcstep's extrapolation is bounded by [stpmin, stpmax],
 *   where dcsrch bounds it by [stp + 1.1·(stp − stx), stp + 4·(stp − stx)]; so a slope that
 *   does not flatten sends the next trial straight to stpmax.
 */
export class MoreThuente {
  /**
   * The trial step: the next to evaluate after 'evaluate', the final one otherwise. The
   * caller may only lower it (to back off from a trial where f is not finite).
   */
  stp = 0;
  // Stryker disable next-line BooleanLiteral: start() sets brackt before next() may read it
  private brackt = false;
  private finit = 0;
  private ginit = 0;
  private gtest = 0;
  private width = 0;
  private width1 = 0;
  private stx = 0;
  private fx = 0;
  private gx = 0;
  private sty = 0;
  private fy = 0;
  private gy = 0;
  // The interval [min(stx, sty), max(stx, sty)] once bracketed (only read then).
  private stmin = 0;
  private stmax = 0;

  /**
   * @param c1 sufficient-decrease constant (dcsrch's ftol)
   * @param c2 curvature constant (gtol)
   * @param xtol relative interval width below which the search gives up
   * @param stpmin, stpmax bounds of the step, 0 ≤ stpmin ≤ stpmax
   */
  constructor(
    private readonly c1: number,
    private readonly c2: number,
    private readonly xtol: number,
    private readonly stpmin: number,
    private readonly stpmax: number,
  ) {}

  /** Starts a search from f(0) = f, f'(0) = g < 0 with first trial `stp` (clamped to the bounds). */
  start(stp: number, f: number, g: number): void {
    this.stp = Math.min(Math.max(stp, this.stpmin), this.stpmax);
    this.brackt = false;
    this.finit = f;
    this.ginit = g;
    this.gtest = this.c1 * g;
    this.width = this.stpmax - this.stpmin;
    this.width1 = this.width / 0.5;
    this.stx = 0;
    this.fx = f;
    this.gx = g;
    this.sty = 0;
    this.fy = f;
    this.gy = g;
  }

  /** Feeds f(stp), f'(stp); after 'evaluate', `this.stp` is the next trial. */
  next(f: number, g: number): LineSearchOutcome {
    const ftest = this.finit + this.stp * this.gtest;
    if (this.stp === this.stpmin && (f > ftest || g >= this.gtest)) return 'stpmin';
    if (this.stp === this.stpmax && f <= ftest && g <= this.gtest) return 'stpmax';
    if (this.brackt && this.stmax - this.stmin <= this.xtol * this.stmax) return 'xtol';
    if (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax)) return 'rounding';
    if (f <= ftest && Math.abs(g) <= this.c2 * -this.ginit) return 'converged';

    if (f <= this.fx && f > ftest) {
      // A lower value without sufficient decrease: step on the modified function
      // ψ(t) = f(t) − f(0) − c1·t·f'(0) (Moré & Thuente §3). dcsrch also requires its
      // "stage 1" (no trial yet with ψ ≤ 0 and f' ≥ 0); that holds whenever these two do:
      // once such a trial exists, every later trial lies left of a bracket end b with
      // f(0) + c1·b·f'(0) ≥ fx, so f ≤ fx implies sufficient decrease.
      const gtest = this.gtest;
      this.fx -= this.stx * gtest;
      this.fy -= this.sty * gtest;
      this.gx -= gtest;
      this.gy -= gtest;
      this.step(f - this.stp * gtest, g - gtest);
      this.fx += this.stx * gtest;
      this.fy += this.sty * gtest;
      this.gx += gtest;
      this.gy += gtest;
    } else {
      this.step(f, g);
    }

    if (this.brackt) {
      // Force sufficient shrinkage of the interval, by bisection if need be.
      if (Math.abs(this.sty - this.stx) >= 0.66 * this.width1) this.stp = this.stx + 0.5 * (this.sty - this.stx);
      this.width1 = this.width;
      this.width = Math.abs(this.sty - this.stx);
      this.stmin = Math.min(this.stx, this.sty);
      this.stmax = Math.max(this.stx, this.sty);
    }
    this.stp = Math.min(Math.max(this.stp, this.stpmin), this.stpmax);
    if (this.brackt && (this.stp <= this.stmin || this.stp >= this.stmax || this.stmax - this.stmin <= this.xtol * this.stmax)) {
      this.stp = this.stx; // no better trial exists: fall back to the best point
    }
    return 'evaluate';
  }

  /** dcstep: safeguarded cubic/quadratic step, updates the interval [stx, sty]. */
  private step(fp: number, dp: number): void {
    const { stx, fx, gx: dx, sty, fy, gy: dy, stp } = this;
    // Stryker disable next-line ArithmeticOperator: dx ≠ 0 here (stx only moves to trials with sufficient decrease, where f' = 0 converges), and ±1 multiplies and divides alike
    const sgnd = dp * Math.sign(dx);
    // Derivatives of opposite signs at stx and stp (a minimiser lies between).
    // Stryker disable next-line EqualityOperator: sgnd = 0 needs f' = 0 at a lower trial, which either converged or (above the line) is case 1
    const opposite = sgnd < 0;
    let stpf: number;

    if (fp > fx) {
      // Case 1: higher value; the minimum is bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
      if (stp < stx) gamma = -gamma;
      const p = gamma - dx + theta;
      const q = gamma - dx + gamma + dp;
      const stpc = stx + (p / q) * (stp - stx);
      const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
      // Stryker disable next-line EqualityOperator: on a tie the two steps are equal (both lie on the same side of stx), so either choice gives stpc
      stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
      this.brackt = true;
    } else if (opposite) {
      // Case 2: lower value, derivatives of opposite sign; bracketed.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma - dp + gamma + dx;
      const stpc = stp + (p / q) * (stx - stp);
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      // Stryker disable next-line EqualityOperator: on a tie the two steps are equal (both lie on the same side of stp)
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      this.brackt = true;
    } else if (Math.abs(dp) < Math.abs(dx)) {
      // Case 3: lower value, same sign, derivative magnitude decreases.
      const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
      const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
      let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
      if (stp > stx) gamma = -gamma;
      const p = gamma - dp + theta;
      const q = gamma + (dx - dp) + gamma;
      const r = p / q;
      let stpc: number;
      if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
      else if (stp > stx) stpc = this.stpmax;
      else stpc = this.stpmin;
      const stpq = stp + (dp / (dp - dx)) * (stx - stp);
      if (this.brackt) {
        // Stryker disable next-line EqualityOperator: on a tie the two steps are equal (both lie on the same side of stp)
        stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
        // Stryker disable next-line EqualityOperator: bracketed, a trial at stx or sty ends in a 'rounding' warning before dcstep
        stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
      } else {
        // Stryker disable next-line EqualityOperator: on a tie the two steps are equal (both lie on the same side of stp)
        stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
        stpf = Math.max(this.stpmin, Math.min(this.stpmax, stpf));
      }
    } else {
      // Case 4: lower value, same sign, derivative does not decrease.
      if (this.brackt) {
        const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
        const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
        let gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (dy / s) * (dp / s)));
        // Stryker disable next-line EqualityOperator: bracketed, a trial at stx or sty ends in a 'rounding' warning before dcstep
        if (stp > sty) gamma = -gamma;
        const p = gamma - dp + theta;
        const q = gamma - dp + gamma + dy;
        stpf = stp + (p / q) * (sty - stp);
      } else {
        stpf = stp > stx ? this.stpmax : this.stpmin;
      }
    }

    if (fp > fx) {
      this.sty = stp;
      this.fy = fp;
      this.gy = dp;
    } else {
      if (opposite) {
        this.sty = stx;
        this.fy = fx;
        this.gy = dx;
      }
      this.stx = stp;
      this.fx = fp;
      this.gx = dp;
    }
    this.stp = stpf;
  }
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function maxAbs(a: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(a[i]);
    // Stryker disable next-line EqualityOperator: on a tie m is set to the value it has
    if (v > m || v !== v) m = v; // NaN propagates so that it is never "converged"
  }
  return m;
}

/** A reusable L-BFGS minimiser for objectives of a fixed dimension. */
export class LbfgsSolver {
  readonly dimension: number;
  private readonly opts: ResolvedOptions;
  private readonly search: MoreThuente;
  // Current point, gradient, direction, trial point and gradient, best trial seen.
  private readonly x: Float64Array;
  private readonly g: Float64Array;
  private readonly d: Float64Array;
  private readonly xt: Float64Array;
  private readonly gt: Float64Array;
  private readonly xb: Float64Array;
  private readonly gb: Float64Array;
  // Correction pairs in a ring buffer, row k at offset k·n.
  private readonly s: Float64Array;
  private readonly y: Float64Array;
  private readonly rho: Float64Array;
  private readonly alpha: Float64Array;

  constructor(dimension: number, options: LbfgsOptions = {}) {
    if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
    this.dimension = dimension;
    this.opts = { ...LBFGS_DEFAULTS, ...stripUndefined(options) };
    this.search = new MoreThuente(this.opts.c1, this.opts.c2, this.opts.stepTolerance, 0, STEP_MAX);
    const n = dimension;
    const m = this.opts.memory;
    this.x = new Float64Array(n);
    this.g = new Float64Array(n);
    this.d = new Float64Array(n);
    this.xt = new Float64Array(n);
    this.gt = new Float64Array(n);
    this.xb = new Float64Array(n);
    this.gb = new Float64Array(n);
    this.s = new Float64Array(m * n);
    this.y = new Float64Array(m * n);
    this.rho = new Float64Array(m);
    this.alpha = new Float64Array(m);
  }

  /**
   * Minimises `fun` from `x0`. The returned `x` is a fresh copy unless `out` is given
   * (then it is written there and returned, for allocation-free multi-start loops).
   */
  minimize(fun: Objective, x0: ArrayLike<number>, out?: Float64Array): LbfgsResult {
    const n = this.dimension;
    if (x0.length !== n) throw new RangeError(`x0 has length ${x0.length}, expected ${n}`);
    const { x, g, d, xt, gt, xb, gb, s, y, rho } = this;
    const o = this.opts;
    const m = o.memory;
    x.set(x0);

    let f = fun(x, g);
    let evaluations = 1;
    let iterations = 0;
    let gnorm = maxAbs(g, n);
    let status: LbfgsStatus;
    if (!Number.isFinite(f) || !Number.isFinite(gnorm)) {
      return this.finish(f, gnorm, 0, evaluations, 'non-finite', out);
    }
    if (gnorm <= o.gradientTolerance) return this.finish(f, gnorm, 0, evaluations, 'gradient', out);

    let count = 0; // stored pairs
    let head = 0; // index of the next slot to overwrite

    for (;;) {
      let gd = this.direction(count, head);
      if (!(gd < 0)) {
        // Not a descent direction (can only come from round-off in H): restart from −g.
        count = 0;
        gd = this.direction(0, head);
      }

      // First trial: unit step for quasi-Newton directions, 1/‖d‖ for steepest descent
      // (SciPy's choice, which keeps the first step from overshooting wildly).
      const firstStep = count === 0 ? Math.min(1 / Math.sqrt(-gd), STEP_MAX) : 1;
      this.search.start(firstStep, f, gd);
      let bestF = f;
      let lastF = f;
      let haveBest = false;
      let accepted = false;
      let lsEvals = 0;
      for (;;) {
        if (evaluations >= o.maxEvaluations || lsEvals >= o.maxLineSearchEvaluations) break;
        const t = this.search.stp;
        // Stryker disable next-line EqualityOperator: i <= n only adds a write past the typed array's end, which is ignored
        for (let i = 0; i < n; i++) xt[i] = x[i] + t * d[i];
        const ft = fun(xt, gt);
        evaluations++;
        lsEvals++;
        const gdt = dot(gt, d, n);
        lastF = ft;
        if (!Number.isFinite(ft) || !Number.isFinite(gdt)) {
          // Left the domain where f is finite: shrink the step and try again.
          this.search.stp = t * 0.5;
          continue;
        }
        if (ft < bestF) {
          bestF = ft;
          haveBest = true;
          xb.set(xt);
          gb.set(gt);
        }
        const r = this.search.next(ft, gdt);
        if (r === 'converged') {
          accepted = true;
          break;
        }
        if (r !== 'evaluate') break; // a warning: no better step along d
      }
      if (!accepted) {
        if (!haveBest) {
          if (evaluations >= o.maxEvaluations) {
            status = 'max-evaluations';
            break;
          }
          if (count > 0) {
            count = 0; // the curvature memory misled us: retry along −g
            continue;
          }
          status = 'line-search-failed';
          break;
        }
        xt.set(xb); // accept the lowest point seen: it still decreases f
        gt.set(gb);
      }
      const fNew = accepted ? lastF : bestF;

      // Store the pair s = x_{k+1} − x_k, y = g_{k+1} − g_k if it keeps H positive definite.
      const off = head * n;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        const si = xt[i] - x[i];
        const yi = gt[i] - g[i];
        s[off + i] = si;
        y[off + i] = yi;
        sy += si * yi;
        yy += yi * yi;
      }
      if (sy > Number.EPSILON * yy) {
        rho[head] = 1 / sy;
        head = head === m - 1 ? 0 : head + 1;
        if (count < m) count++;
      }

      const fOld = f;
      x.set(xt);
      g.set(gt);
      f = fNew;
      iterations++;
      gnorm = maxAbs(g, n);
      if (gnorm <= o.gradientTolerance) {
        status = 'gradient';
        break;
      }
      if (fOld - f <= o.relativeFunctionTolerance * Math.max(Math.abs(fOld), Math.abs(f), 1)) {
        status = 'function';
        break;
      }
      if (iterations >= o.maxIterations) {
        status = 'max-iterations';
        break;
      }
      // An exhausted evaluation budget stops the next line search before it evaluates.
    }
    return this.finish(f, gnorm, iterations, evaluations, status, out);
  }

  /** d = −H·g by the two-loop recursion over the `count` newest pairs (−g for none); returns g·d. */
  private direction(count: number, head: number): number {
    const { dimension: n, g, d, s, y, rho, alpha } = this;
    const m = this.opts.memory;
    // Stryker disable next-line EqualityOperator: i <= n only adds a write past the typed array's end, which is ignored
    for (let i = 0; i < n; i++) d[i] = -g[i];
    if (count > 0) {
      let k = head;
      for (let c = 0; c < count; c++) {
        k = k === 0 ? m - 1 : k - 1;
        const off = k * n;
        let a = 0;
        for (let i = 0; i < n; i++) a += s[off + i] * d[i];
        a *= rho[k];
        alpha[k] = a;
        // Stryker disable next-line EqualityOperator: i <= n only adds a write past the typed array's end, which is ignored
        for (let i = 0; i < n; i++) d[i] -= a * y[off + i];
      }
      const newest = (head === 0 ? m : head) - 1;
      const offN = newest * n;
      let yy = 0;
      for (let i = 0; i < n; i++) yy += y[offN + i] * y[offN + i];
      const gamma = 1 / (rho[newest] * yy); // sᵀy / yᵀy
      // Stryker disable next-line EqualityOperator: i <= n only adds a write past the typed array's end, which is ignored
      for (let i = 0; i < n; i++) d[i] *= gamma;
      for (let c = 0; c < count; c++) {
        const off = k * n;
        let b = 0;
        for (let i = 0; i < n; i++) b += y[off + i] * d[i];
        b *= rho[k];
        const a = alpha[k];
        // Stryker disable next-line EqualityOperator: i <= n only adds a write past the typed array's end, which is ignored
        for (let i = 0; i < n; i++) d[i] += (a - b) * s[off + i];
        k = k === m - 1 ? 0 : k + 1;
      }
    }
    return dot(g, d, n);
  }

  private finish(f: number, gnorm: number, iterations: number, evaluations: number, status: LbfgsStatus, out?: Float64Array): LbfgsResult {
    const x = out ?? new Float64Array(this.dimension);
    x.set(this.x);
    return { x, f, gradientNorm: gnorm, iterations, evaluations, status, converged: status === 'gradient' || status === 'function' };
  }
}

/** One-shot convenience wrapper around `LbfgsSolver`. */
export function minimizeLbfgs(fun: Objective, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  return new LbfgsSolver(x0.length, options).minimize(fun, x0);
}

function stripUndefined(o: LbfgsOptions): LbfgsOptions {
  const r: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'number') r[k] = v;
  return r as LbfgsOptions;
}
