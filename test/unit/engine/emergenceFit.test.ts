import * as assert from 'node:assert/strict';
import { analyzeTask, fitCoordinate, taskPoints } from '../../../src/engine/emergence/analysis';
import { obsscalingTable, type EmergenceTable } from '../../../src/engine/emergence/data';
import { emergenceCurve, fitEmergence, fitEmergenceWithInterval, K_MAX, K_MIN } from '../../../src/engine/emergence/fit';
import { findTask, type TaskInfo } from '../../../src/engine/emergence/tasks';

/**
 * The independent method: a dense grid over x₀ and log k with u solved in closed form
 * (the model is linear in u − c; the least-squares a = Σ(y − c)s / Σs², clamped to
 * [0, 1 − c] because the SSE is a convex parabola in a), then a finer grid around the
 * best cell. No optimiser, no shared code with the engine's search.
 */
function gridOptimum(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  c: number,
  x0Lo: number,
  x0Hi: number,
  x0Step: number,
  kCount: number,
): { sse: number; x0: number; k: number; u: number } {
  const n = x.length;
  const sseAt = (x0: number, k: number): { sse: number; a: number } => {
    let sy = 0;
    let ss = 0;
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = 1 / (1 + Math.exp(-k * (x[i] - x0)));
      sy += (y[i] - c) * s[i];
      ss += s[i] * s[i];
    }
    const a = Math.min(1 - c, Math.max(0, sy / ss));
    let sse = 0;
    for (let i = 0; i < n; i++) sse += (c + a * s[i] - y[i]) ** 2;
    return { sse, a };
  };
  let best = { sse: Infinity, x0: 0, k: 0, u: 0 };
  const ks = Array.from({ length: kCount }, (_, j) => K_MIN * Math.pow(K_MAX / K_MIN, j / (kCount - 1)));
  for (let x0 = x0Lo; x0 <= x0Hi; x0 += x0Step) {
    for (const k of ks) {
      const r = sseAt(x0, k);
      if (r.sse < best.sse) best = { sse: r.sse, x0, k, u: c + r.a };
    }
  }
  // Refine: rounds of a 61 × 61 grid over ±3 cells around the best, each cell 4× smaller
  // (the valley runs diagonally in x₀, k, u, so a window of one cell would creep along it).
  let dx = x0Step;
  let dlogk = Math.log(K_MAX / K_MIN) / (kCount - 1);
  for (let round = 0; round < 8; round++) {
    const centre = { ...best };
    for (let i = -30; i <= 30; i++) {
      const x0 = centre.x0 + (i / 10) * dx;
      for (let j = -30; j <= 30; j++) {
        const k = Math.min(K_MAX, centre.k * Math.exp((j / 10) * dlogk));
        const r = sseAt(x0, k);
        if (r.sse < best.sse) best = { sse: r.sse, x0, k, u: c + r.a };
      }
    }
    dx /= 4;
    dlogk /= 4;
  }
  return best;
}

// Read inside each test, not while the file loads (Stryker treats load-time coverage as static).
const table = (): EmergenceTable => obsscalingTable();
const task = (id: string): TaskInfo => findTask(table().tasks, id) as TaskInfo;

describe('emergence-point fit', () => {
  it('recovers the parameters of noise-free data (chance 0 and 0.25)', () => {
    for (const truth of [
      { x0: 22.3, k: 3, ceiling: 0.9, chance: 0 },
      { x0: 10.1, k: 1.2, ceiling: 0.7, chance: 0.25 },
    ]) {
      const x = Array.from({ length: 30 }, (_, i) => truth.x0 - 3 + (6 * i) / 29);
      const y = x.map((v) => emergenceCurve(truth, v));
      const fit = fitEmergence(x, y, truth.chance);
      assert.ok(Math.abs(fit.x0 - truth.x0) < 1e-4, `x0 ${fit.x0}`);
      assert.ok(Math.abs(fit.k - truth.k) < 1e-3, `k ${fit.k}`);
      assert.ok(Math.abs(fit.ceiling - truth.ceiling) < 1e-4, `u ${fit.ceiling}`);
      assert.ok(fit.sse < 1e-10);
      assert.equal(fit.beyondData, false);
    }
  });

  const cases: [string, 'flops' | 'params'][] = [
    ['arithmetic-3ds', 'flops'],
    ['word-unscrambling', 'params'],
    ['persian-qa', 'flops'],
    ['ipa-bleu', 'flops'],
  ];
  for (const [id, axis] of cases) {
    it(`${id} on the ${axis} axis: the global optimum agrees with a dense grid (u in closed form)`, () => {
      const t = task(id);
      const { x, y } = taskPoints(table().models, t, { axis });
      const fit = fitEmergence(x, y, t.chance);
      const lo = Math.min(...x) - 1;
      const hi = Math.max(...x) + 1;
      const grid = gridOptimum(x, y, t.chance, lo, hi, 0.02, 160);
      // The engine may beat the grid by a little (it is continuous); it must never lose.
      assert.ok(fit.sse <= grid.sse + 1e-9, `engine SSE ${fit.sse} > grid ${grid.sse}`);
      assert.ok(grid.sse - fit.sse < 1e-6 * Math.max(1, grid.sse), `grid ${grid.sse} vs engine ${fit.sse}`);
      assert.ok(Math.abs(fit.x0 - grid.x0) < 0.002, `x0 engine ${fit.x0} grid ${grid.x0}`);
      assert.ok(Math.abs(fit.k - grid.k) / grid.k < 0.005, `k engine ${fit.k} grid ${grid.k}`);
      assert.ok(Math.abs(fit.ceiling - grid.u) < 0.002, `u engine ${fit.ceiling} grid ${grid.u}`);
      assert.ok(fit.ceiling >= t.chance && fit.ceiling <= 1 && fit.k > 0);
    });
  }

  it('the bootstrap is seeded: same seed, same interval; another seed, another; the estimate lies inside', () => {
    const t = task('arithmetic-3ds');
    const { x, y } = taskPoints(table().models, t, { axis: 'flops' });
    const a = fitEmergenceWithInterval(x, y, 0, { resamples: 60, seed: 7 });
    const b = fitEmergenceWithInterval(x, y, 0, { resamples: 60, seed: 7 });
    const c = fitEmergenceWithInterval(x, y, 0, { resamples: 60, seed: 8 });
    assert.deepEqual(a.ci, b.ci);
    assert.notDeepEqual(a.ci, c.ci);
    assert.ok(a.ci && a.ci.low < a.x0 && a.x0 < a.ci.high);
    assert.equal(a.ci?.resamples, 60);
  });

  it('needs four points and as many y as x; chance must lie in [0, 1)', () => {
    assert.throws(() => fitEmergence([1, 2, 3], [0, 0.5, 1], 0), /at least 4/);
    assert.throws(() => fitEmergence([1, 2, 3, 4], [0, 0.5, 1, 1], 1), /chance/);
    assert.throws(() => fitEmergence([1, 2, 3, 4], [0, 0.5, 1, 1], -0.1), /chance/);
    assert.throws(() => fitEmergence([1, 2, 3, 4], [0, 0.5, 1], 0), /differ in length/);
  });

  it('a jump between two adjacent models is reported as step-like; a gradual rise is not', () => {
    const fit = fitEmergence([1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1], 0);
    assert.equal(fit.stepLike, true);
    assert.ok(fit.x0 > 3 && fit.x0 < 4);
    const xs = Array.from({ length: 20 }, (_, i) => i * 0.3);
    const smooth = fitEmergence(
      xs,
      xs.map((v) => emergenceCurve({ x0: 3, k: 1.5, ceiling: 1, chance: 0 }, v)),
      0,
    );
    assert.equal(smooth.stepLike, false);
    // k = 1.5 per decade with models a decade apart: the 10–90% rise (2·ln 9 / 1.5 = 2.9 decades) spans several models.
    const decades = Array.from({ length: 8 }, (_, i) => i);
    const spread = fitEmergence(
      decades,
      decades.map((v) => emergenceCurve({ x0: 3.5, k: 1.5, ceiling: 1, chance: 0 }, v)),
      0,
    );
    assert.ok(Math.abs(spread.k - 1.5) < 1e-3);
    assert.equal(spread.stepLike, false);
  });

  describe('per task analysis', () => {
    it('fits families with at least 4 models, and counts what the axis leaves out', () => {
      const t = task('arithmetic-3ds');
      const flops = analyzeTask(table(), t, { axis: 'flops' }, { resamples: 0, seed: 1 });
      const params = analyzeTask(table(), t, { axis: 'params' }, { resamples: 0, seed: 1 });
      assert.equal(flops.points.leftOut.length, table().models.filter((m) => m.flops === undefined).length);
      assert.equal(params.points.leftOut.length, 0);
      assert.equal(flops.points.models.length + flops.points.leftOut.length, params.points.models.length);
      const counts = new Map<string, number>();
      for (const m of flops.points.models) counts.set(m.family, (counts.get(m.family) ?? 0) + 1);
      assert.deepEqual(
        flops.families.map((f) => f.family).sort(),
        [...counts]
          .filter(([, n]) => n >= 4)
          .map(([f]) => f)
          .sort(),
      );
    });

    it('the loss axis is the Chinchilla loss of each model’s N and D (Hoffmann et al. 2022 constants)', () => {
      const t = task('arithmetic-3ds');
      const a = analyzeTask(table(), t, { axis: 'loss', lossFit: 'chinchilla' }, { resamples: 0, seed: 1 });
      const llama = a.points.models.findIndex((m) => m.model === 'meta-llama/Llama-2-7b-hf');
      // E + A/N^α + B/D^β with E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28 (eq. 10).
      const expected = 1.69 + 406.4 / Math.pow(7e9, 0.34) + 410.7 / Math.pow(2e12, 0.28);
      assert.ok(Math.abs(a.points.x[llama] - fitCoordinate(expected, 'loss')) < 1e-12);
      assert.ok(a.overall && a.overall.emergenceAt > 1.7 && a.overall.emergenceAt < 3);
    });
  });

  describe('the search, step by step', () => {
    const GRID_K = [0.1, 0.2, 0.5, 1, 2, 4, 8, 16, 45];
    /** The coarse grid as documented: 25 x₀ from a decade below to a decade above the data, the GRID_K slopes, a in closed form. */
    function coarseGrid(x: number[], y: number[], c: number): { x0: number; k: number; ceiling: number; sse: number } {
      const lo = Math.min(...x);
      const hi = Math.max(...x);
      let best = { x0: NaN, k: NaN, ceiling: NaN, sse: Infinity };
      for (let i = 0; i < 25; i++) {
        const x0 = lo - 1 + ((hi - lo + 2) * i) / 24;
        for (const k of GRID_K) {
          const s = x.map((v) => 1 / (1 + Math.exp(-k * (v - x0))));
          const sy = s.reduce((acc, si, j) => acc + si * (y[j] - c), 0);
          const ss = s.reduce((acc, si) => acc + si * si, 0);
          const a = Math.min(1 - c, Math.max(0, sy / ss));
          const sse = s.reduce((acc, si, j) => acc + (c + a * si - y[j]) ** 2, 0);
          if (sse < best.sse - 1e-12) best = { x0, k, ceiling: c + a, sse };
        }
      }
      return best;
    }

    const datasets: [string, number[], number[], number][] = [
      ['a rise inside the data', [20, 21, 22, 23, 24, 25], [0, 0.02, 0.1, 0.5, 0.8, 0.85], 0],
      ['a rise only at the top (x₀ beyond the data)', [20, 21, 22, 23, 24, 25], [0, 0, 0.005, 0.01, 0.03, 0.08], 0],
      ['a four-way choice that saturates at 1', [10, 11, 12, 13, 14, 15], [0.25, 0.25, 0.3, 0.95, 1, 1], 0.25],
      ['a clean step of a four-way choice (a clamped at 1 − c)', [10, 11, 12, 13, 14, 15], [0.25, 0.25, 0.25, 1, 1, 1], 0.25],
    ];
    for (const [what, x, y, c] of datasets) {
      it(`with no solver starts the fit is the best cell of the coarse grid: ${what}`, () => {
        const fit = fitEmergence(x, y, c, { starts: 0 });
        const grid = coarseGrid(x, y, c);
        assert.equal(fit.x0, grid.x0);
        assert.equal(fit.k, grid.k);
        assert.ok(Math.abs(fit.ceiling - grid.ceiling) < 1e-12, `${fit.ceiling} vs ${grid.ceiling}`);
        assert.ok(Math.abs(fit.sse - grid.sse) < 1e-12);
        assert.ok(fit.ceiling <= 1);
        assert.deepEqual(fit.xRange, [Math.min(...x), Math.max(...x)]);
      });
    }

    it('the solver improves on the grid when the ceiling is at 1, and never puts it above 1', () => {
      for (const y of [
        [0.25, 0.25, 0.3, 0.95, 1, 1],
        [0.25, 0.3, 0.5, 0.9, 1, 1],
      ]) {
        const x = [10, 11, 12, 13, 14, 15];
        const full = fitEmergence(x, y, 0.25);
        const grid = fitEmergence(x, y, 0.25, { starts: 0 });
        assert.ok(full.sse < grid.sse, `${full.sse} vs grid ${grid.sse}`);
        assert.ok(full.ceiling <= 1 && full.ceiling > 0.99, `${full.ceiling}`);
      }
    });

    it('x₀ exactly on the lowest or highest model is inside the data; beyond them it is not', () => {
      // x spans 22 decades, so the grid's x₀ = lo − 1 + i (i = 0…24) hits 0 and 22 exactly.
      const atLo = fitEmergence([0, 1, 2, 22], [0.5, 1, 1, 1], 0, { starts: 0 });
      assert.deepEqual([atLo.x0, atLo.beyondData], [0, false]);
      const atHi = fitEmergence([0, 20, 21, 22], [0, 0, 0, 0.5], 0, { starts: 0 });
      assert.deepEqual([atHi.x0, atHi.beyondData], [22, false]);
      const above = fitEmergence([20, 21, 22, 23, 24, 25], [0, 0, 0.005, 0.01, 0.03, 0.08], 0);
      assert.ok(above.x0 > 25 && above.beyondData);
      const below = fitEmergence([20, 21, 22, 23, 24, 25], [0.5, 0.7, 0.8, 0.88, 0.92, 0.95], 0);
      assert.ok(below.x0 < 20 && below.beyondData);
    });

    it("a start of the caller's is refined, and a worse result than the grid's is not taken", () => {
      const x = [20, 21, 22, 23, 24, 25];
      const y = [0, 0.02, 0.1, 0.5, 0.8, 0.85];
      const full = fitEmergence(x, y, 0);
      const grid = fitEmergence(x, y, 0, { starts: 0 });
      assert.ok(full.sse < grid.sse);
      const refined = fitEmergence(x, y, 0, { starts: 0, from: { x0: full.x0 + 0.2, k: full.k * 0.8, ceiling: full.ceiling - 0.05 } });
      assert.ok(Math.abs(refined.x0 - full.x0) < 1e-4 && Math.abs(refined.sse - full.sse) < 1e-9, `${refined.x0} vs ${full.x0}`);
      // The same for a four-way choice (chance 0.25).
      const y4 = [0.25, 0.26, 0.35, 0.7, 0.85, 0.88];
      const full4 = fitEmergence(x, y4, 0.25);
      const refined4 = fitEmergence(x, y4, 0.25, { starts: 0, from: { x0: full4.x0 + 0.2, k: full4.k * 0.8, ceiling: full4.ceiling - 0.05 } });
      assert.ok(Math.abs(refined4.x0 - full4.x0) < 1e-4 && Math.abs(refined4.sse - full4.sse) < 1e-9, `${refined4.x0} vs ${full4.x0}`);
      // From far above the data the curve is flat at 0 there: the solver stays put, worse than the grid.
      assert.deepEqual(fitEmergence(x, y, 0, { starts: 0, from: { x0: 60, k: 1, ceiling: 0.5 } }), grid);
    });

    it('the curve is exact far out on both sides: the ceiling above the rise, e^z (not 0) far below it', () => {
      const p = { x0: 0, k: 1, ceiling: 1, chance: 0 };
      assert.equal(emergenceCurve(p, 800), 1);
      assert.equal(emergenceCurve(p, 0), 0.5);
      const z = -720;
      const tail = emergenceCurve(p, z);
      assert.ok(tail > 0 && Math.abs(tail - Math.exp(z)) <= 1e-12 * Math.exp(z), `${tail}`);
    });

    it('a resample of one repeated model fails; the interval has the confidence asked for', () => {
      // Three of the four models share x: about (3/4)^4 ≈ 32% of the resamples hold no other.
      const r = fitEmergenceWithInterval([20, 20, 20, 22], [0, 0.05, 0.1, 0.9], 0, { resamples: 100, seed: 1, confidence: 0.9 });
      assert.ok(r.ci && r.ci.failed > 0 && r.ci.failed < 100, `${r.ci?.failed} failed`);
      assert.equal(r.ci.confidence, 0.9);
      const all = fitEmergenceWithInterval([20, 21, 22, 23], [0, 0.05, 0.1, 0.9], 0, { resamples: 100, seed: 1 });
      assert.equal(all.ci?.confidence, 0.95);
    });
  });
});
