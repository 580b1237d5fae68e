// The L-BFGS solver's stops and safeguards, each on an objective built so that the expected
// outcome follows from the objective itself (a start that is already stationary or not finite,
// a gradient that lies, a function flat in floating point, a slope that never flattens, a
// domain outside which f is not finite) rather than from a recorded run.
import assert from 'node:assert/strict';
import { LbfgsSolver, minimizeLbfgs, type Objective } from '../../../src/engine/fit/lbfgs';
import { rosenbrock } from '../helpers/rosenbrock';

/** Wraps an objective to keep a copy of every point it is evaluated at. */
function recording(fun: Objective): { fun: Objective; points: number[][] } {
  const points: number[][] = [];
  return {
    points,
    fun: (x, g) => {
      points.push(Array.from(x));
      return fun(x, g);
    },
  };
}

/** ½‖x‖²: gradient x, minimum 0 at the origin. */
const halfSquare: Objective = (x, g) => {
  let f = 0;
  for (let i = 0; i < x.length; i++) {
    g[i] = x[i];
    f += 0.5 * x[i] * x[i];
  }
  return f;
};

describe('engine/fit/lbfgs: the solver', () => {
  it('takes any positive integer dimension, 1 included, and refuses others and an x0 of the wrong length', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.throws(() => new LbfgsSolver(bad), RangeError, `dimension ${bad}`);
    const r = new LbfgsSolver(1).minimize(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        return (x[0] - 3) ** 2;
      },
      [10],
    );
    assert.equal(r.status, 'gradient');
    assert.ok(Math.abs(r.x[0] - 3) < 1e-6, `x = ${r.x[0]}`);
    assert.throws(() => new LbfgsSolver(2).minimize(halfSquare, [1, 2, 3]), RangeError);
  });

  it('reports a start where f or any gradient component is not finite, without a step', () => {
    const cases: [string, Objective][] = [
      ['f is NaN', (_x, g) => (g.fill(1), Number.NaN)],
      ['f is +∞', (_x, g) => (g.fill(1), Number.POSITIVE_INFINITY)],
      ['the second gradient component is NaN', (_x, g) => ((g[0] = 1), (g[1] = Number.NaN), 1)],
      ['the first gradient component is −∞', (_x, g) => ((g[0] = Number.NEGATIVE_INFINITY), (g[1] = 1), 1)],
    ];
    for (const [label, fun] of cases) {
      const r = minimizeLbfgs(fun, [1, 2]);
      assert.equal(r.status, 'non-finite', label);
      assert.equal(r.converged, false, label);
      assert.deepEqual([r.iterations, r.evaluations], [0, 1], label);
      assert.deepEqual(Array.from(r.x), [1, 2], label);
    }
  });

  it('stops at once, converged, where the gradient is already within the tolerance (inclusive)', () => {
    // ½‖x‖² at (0.5, −0.25): gradient (0.5, −0.25), max |∂f/∂xᵢ| = 0.5 exactly.
    const r = minimizeLbfgs(halfSquare, [0.5, -0.25], { gradientTolerance: 0.5 });
    assert.equal(r.status, 'gradient');
    assert.equal(r.converged, true);
    assert.deepEqual([r.iterations, r.evaluations, r.f, r.gradientNorm], [0, 1, 0.15625, 0.5]);
    const further = minimizeLbfgs(halfSquare, [0.5, -0.25], { gradientTolerance: 0.25 });
    assert.ok(further.iterations > 0 && further.gradientNorm <= 0.25, 'a tighter tolerance takes steps');
  });

  it('backs off from trials where f or its slope is not finite', () => {
    // x − ln x (minimum 1 at x = 1) is NaN for x < 0, and the first steps from 20 overshoot there.
    const xLogX: Objective = (x, g) => {
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    };
    // The same with a finite f for x < 0 (x − ln|x|) but a NaN gradient there.
    const nanSlope: Objective = (x, g) => {
      g[0] = x[0] < 0 ? Number.NaN : 1 - 1 / x[0];
      return x[0] - Math.log(Math.abs(x[0]));
    };
    for (const [label, fun] of [
      ['NaN f', xLogX],
      ['NaN slope', nanSlope],
    ] as const) {
      const rec = recording(fun);
      const r = minimizeLbfgs(rec.fun, [20]);
      assert.ok(r.converged, `${label}: ${r.status}`);
      assert.ok(Math.abs(r.x[0] - 1) < 1e-4, `${label}: x = ${r.x[0]}`);
      // In the first line search (from x0 = 20) each trial outside the domain is followed by
      // one half as far from 20, until one is inside.
      const first = rec.points.findIndex((p) => p[0] < 0);
      assert.ok(first > 0, `${label}: some trial left the domain`);
      for (let i = first; rec.points[i][0] < 0; i++) {
        const halfway = (20 + rec.points[i][0]) / 2;
        assert.ok(Math.abs(rec.points[i + 1][0] - halfway) <= 1e-12 * Math.abs(halfway), `${label}: trial ${i + 1} at ${rec.points[i + 1][0]}, not ${halfway}`);
      }
    }
  });

  it('does not count a trial with the same f as progress (a function flat in floating point)', () => {
    // 1e20 + x: the gradient is 1 but f does not change for steps below half an ulp (8192).
    const flat: Objective = (x, g) => {
      g[0] = 1;
      return 1e20 + x[0];
    };
    const r = minimizeLbfgs(flat, [0], { maxLineSearchEvaluations: 1 });
    assert.equal(r.status, 'line-search-failed');
    assert.deepEqual([r.iterations, r.evaluations, r.x[0]], [0, 2, 0]);
  });

  it('takes the lowest point seen when the step runs to its maximum on a slope that never flattens', () => {
    // f = −x: the first trial is 1/‖g‖ = 1, the slope there is unchanged, so the search
    // extrapolates to its largest step, 1e10, stops there (still descending) and takes it.
    const rec = recording((x, g) => {
      g[0] = -1;
      return -x[0];
    });
    const r = minimizeLbfgs(rec.fun, [0], { maxIterations: 1 });
    assert.equal(r.status, 'max-iterations');
    assert.deepEqual(rec.points, [[0], [1], [1e10]]);
    assert.deepEqual([r.iterations, r.evaluations, r.x[0], r.f], [1, 3, 1e10, -1e10]);
  });

  it('accepts the first step that meets the Wolfe conditions, not a lower one that is too steep', () => {
    // −x + x² (minimum at ½) with a narrow dip at 1: the first trial (x = 1) is lower than
    // f(½) but rises steeply; the search goes back and stops where the Wolfe conditions hold.
    const dip = (x: number) => -0.5 * Math.exp(-(((x - 1) / 0.05) ** 2));
    const dipSlope = (x: number) => ((-2 * (x - 1)) / 0.05 ** 2) * dip(x);
    const fun: Objective = (x, g) => {
      g[0] = -1 + 2 * x[0] + dipSlope(x[0]);
      return -x[0] + x[0] * x[0] + dip(x[0]);
    };
    const rec = recording(fun);
    const r = minimizeLbfgs(rec.fun, [0], { maxIterations: 1 });
    assert.deepEqual(rec.points[1], [1], 'the first trial is 1/|f′(0)| = 1');
    const g0 = new Float64Array(1);
    const f0 = fun(new Float64Array([0]), g0);
    const g = new Float64Array(1);
    const f = fun(Float64Array.from(r.x), g);
    assert.ok(f > fun(new Float64Array([1]), new Float64Array(1)), `x = ${r.x[0]}: not the lowest point seen`);
    assert.ok(f <= f0 + 1e-4 * r.x[0] * g0[0], 'sufficient decrease');
    assert.ok(Math.abs(g[0]) <= 0.9 * Math.abs(g0[0]), 'curvature');
    assert.equal(r.f, f);
  });

  it('gives up when no step along −∇f decreases f (a gradient of the wrong sign)', () => {
    // f = x², but the objective reports −2x: every step along "−g" goes uphill.
    const liar: Objective = (x, g) => {
      g[0] = -2 * x[0];
      return x[0] * x[0];
    };
    const r = minimizeLbfgs(liar, [3]);
    assert.equal(r.status, 'line-search-failed');
    assert.equal(r.converged, false);
    assert.deepEqual([r.iterations, r.evaluations, r.x[0], r.f], [0, 21, 3, 9], 'one line search of 20 evaluations');
    const short = minimizeLbfgs(liar, [3], { maxLineSearchEvaluations: 5 });
    assert.deepEqual([short.status, short.evaluations], ['line-search-failed', 6]);
    const budget = minimizeLbfgs(liar, [3], { maxEvaluations: 5 });
    assert.deepEqual([budget.status, budget.evaluations], ['max-evaluations', 5]);
  });

  it('when the quasi-Newton direction fails, retries along −∇f before giving up', () => {
    // x² + 10y², whose gradient turns to the wrong sign within 0.5 of the minimum.
    const rec = recording((x, g) => {
      const sign = Math.hypot(x[0], x[1]) < 0.5 ? -1 : 1;
      g[0] = sign * 2 * x[0];
      g[1] = sign * 20 * x[1];
      return x[0] ** 2 + 10 * x[1] ** 2;
    });
    const r = minimizeLbfgs(rec.fun, [3, 1]);
    assert.equal(r.status, 'line-search-failed');
    assert.ok(r.iterations > 0 && Math.hypot(r.x[0], r.x[1]) < 0.5, `stopped inside the disc after ${r.iterations} iterations`);
    // The last 40 evaluations are two failed line searches from the final x: first along the
    // quasi-Newton direction, then along the (reported) steepest descent, −g = (2x, 20y).
    assert.equal(r.evaluations, rec.points.length);
    const along = (p: number[]) => [p[0] - r.x[0], p[1] - r.x[1]];
    const cross = (u: number[], v: number[]) => Math.abs(u[0] * v[1] - u[1] * v[0]) / (Math.hypot(...u) * Math.hypot(...v));
    const steepest = [2 * r.x[0], 20 * r.x[1]];
    // (Trials closer than 1e-6 to x are left out: their offsets from x are mostly rounding.)
    const far = (points: number[][]) => points.filter((p) => Math.hypot(...along(p)) > 1e-6);
    const last = far(rec.points.slice(-20));
    const before = far(rec.points.slice(-40, -20));
    assert.ok(last.length >= 5 && before.length >= 5);
    for (const p of last) assert.ok(cross(along(p), steepest) < 1e-9, `${p} lies along −g`);
    for (const p of before) assert.ok(cross(along(p), along(before[0])) < 1e-9, `${p} lies on the line of the first of the 20 before`);
    assert.ok(cross(along(before[0]), steepest) > 1e-3, 'which is not −g');
  });

  it('stops on the iteration and the evaluation budgets', () => {
    const f0 = rosenbrock(new Float64Array([-1.2, 1]), new Float64Array(2));
    const it3 = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    assert.deepEqual([it3.status, it3.iterations, it3.converged], ['max-iterations', 3, false]);
    assert.ok(it3.f < f0);
    const ev10 = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxEvaluations: 10 });
    assert.deepEqual([ev10.status, ev10.evaluations, ev10.converged], ['max-evaluations', 10, false]);
    assert.ok(ev10.f < it3.f, 'more evaluations, lower f');
  });

  it('treats options given as undefined as not given', () => {
    const plain = minimizeLbfgs(rosenbrock, [-1.2, 1]);
    const withUndefined = minimizeLbfgs(rosenbrock, [-1.2, 1], { memory: undefined, c1: undefined, maxIterations: undefined });
    assert.deepEqual(withUndefined, plain);
    assert.equal(plain.status, 'function');
  });
});
