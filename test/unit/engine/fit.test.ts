// Scaling-law fitting (issue 7): L-BFGS, the Chinchilla Huber fit reproduced on Epoch's
// data, power laws, seeded bootstrap, tabular data parsing and the `fit` CLI command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { runFitCommand } from '../../../src/cli/fitCommand';
import { bootstrap, bootstrapChinchilla, bootstrapPowerLaw, bootstrapPowerLawWithFloor, quantile } from '../../../src/engine/fit/bootstrap';
import { chinchillaLogData, chinchillaObjective, fitChinchilla, gridStarts, HOFFMANN_GRID, type ChinchillaFit } from '../../../src/engine/fit/chinchilla';
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import { parseCsv, parseNumber, parseTableRows, recogniseColumn, type DataError, type ParseResult } from '../../../src/engine/fit/data';
import { LbfgsSolver, minimizeLbfgs, type Objective } from '../../../src/engine/fit/lbfgs';
import { fitPowerLaw, fitPowerLawWithFloor, powerLawValue } from '../../../src/engine/fit/power';
import { mulberry32 } from '../../../src/engine/fit/seededRandom';
import { rosenbrock } from '../helpers/rosenbrock';

const FIXTURE = join(__dirname, 'fixtures', 'chinchilla_epoch_svg_extracted_data.csv');

/** Epoch's 240 rows: D = C/(6N), rows with loss ≥ the 5th-largest loss dropped. */
function epochRows(): { N: Float64Array; D: Float64Array; loss: Float64Array } {
  const parsed = parseCsv(readFileSync(FIXTURE, 'utf8'));
  assert.ok(parsed.ok);
  const { N, D, loss } = parsed.data;
  assert.ok(N && D);
  const cut = Float64Array.from(loss).sort()[loss.length - 5];
  const keep = [...loss.keys()].filter((i) => loss[i] < cut);
  return { N: Float64Array.from(keep, (i) => N[i]), D: Float64Array.from(keep, (i) => D[i]), loss: Float64Array.from(keep, (i) => loss[i]) };
}

let fullFitMemo: ChinchillaFit | undefined;
/** The full 4,500-start fit of Epoch's rows, computed once for the tests that need it. */
function fullFit(): ChinchillaFit {
  if (!fullFitMemo) {
    const rows = epochRows();
    fullFitMemo = fitChinchilla(rows.N, rows.D, rows.loss);
  }
  return fullFitMemo;
}

/** Central finite differences of f at x. */
function numericGradient(fun: Objective, x: readonly number[], relStep = 1e-6): number[] {
  const g = new Float64Array(x.length);
  return x.map((xi, i) => {
    const h = relStep * Math.max(1, Math.abs(xi));
    const xp = Float64Array.from(x);
    const xm = Float64Array.from(x);
    xp[i] = xi + h;
    xm[i] = xi - h;
    return (fun(xp, g) - fun(xm, g)) / (2 * h);
  });
}

function assertGradient(fun: Objective, x: readonly number[], tol: number, label: string): void {
  const g = new Float64Array(x.length);
  fun(Float64Array.from(x), g);
  const num = numericGradient(fun, x);
  const scale = Math.max(1e-12, ...num.map(Math.abs));
  num.forEach((v, i) => assert.ok(Math.abs(g[i] - v) <= tol * scale, `${label} ∂/∂x${i}: analytic ${g[i]}, numeric ${v}`));
}

function within(actual: number, expected: number, rel: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${label}: ${actual} not within ${rel * 100}% of ${expected}`);
}

describe('engine/fit/lbfgs', () => {
  it('the Rosenbrock test gradient agrees with finite differences', () => {
    for (const x of [
      [-1.2, 1],
      [0.3, -0.7],
      [2, 3, -1, 0.5],
    ])
      assertGradient(rosenbrock, x, 1e-6, `rosenbrock at ${x}`);
  });

  it('minimises Rosenbrock in 2 and 10 dimensions from the classic start', () => {
    for (const n of [2, 10]) {
      const x0 = Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1.2));
      const r = minimizeLbfgs(rosenbrock, x0, { gradientTolerance: 1e-9, relativeFunctionTolerance: 0 });
      assert.ok(r.converged, `n=${n}: ${r.status}`);
      assert.ok(r.f < 1e-14, `n=${n}: f=${r.f}`);
      for (const xi of r.x) assert.ok(Math.abs(xi - 1) < 1e-6, `n=${n}: x=${Array.from(r.x)}`);
      // Quasi-Newton with a Wolfe line search: ~1.2 evaluations per iteration, not dozens.
      assert.ok(r.evaluations < 2 * r.iterations + 10, `n=${n}: ${r.evaluations} evaluations for ${r.iterations} iterations`);
    }
  });

  it('follows SciPy L-BFGS-B step for step on 2-D Rosenbrock (36 iterations, 44 evaluations)', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1]);
    assert.equal(r.status, 'function');
    assert.equal(r.iterations, 36);
    assert.equal(r.evaluations, 44);
  });

  it('handles an ill-conditioned quadratic and a reused solver gives identical results', () => {
    const scales = [1, 10, 100, 1e3, 1e4];
    const quad: Objective = (x, g) => {
      let f = 0;
      for (let i = 0; i < x.length; i++) {
        f += 0.5 * scales[i] * (x[i] - i) ** 2;
        g[i] = scales[i] * (x[i] - i);
      }
      return f;
    };
    const solver = new LbfgsSolver(5, { gradientTolerance: 1e-8, relativeFunctionTolerance: 0 });
    const a = solver.minimize(quad, [5, 5, 5, 5, 5]);
    solver.minimize(rosenbrock, [0, 0, 0, 0, 0]); // a different problem in between
    const b = solver.minimize(quad, [5, 5, 5, 5, 5]);
    assert.equal(a.status, 'gradient');
    a.x.forEach((xi, i) => assert.ok(Math.abs(xi - i) < 1e-8));
    assert.deepEqual(Array.from(a.x), Array.from(b.x));
    assert.equal(a.evaluations, b.evaluations);
  });

  it('backs off from steps where f is not finite, and reports a non-finite start', () => {
    // f = x − log x is NaN for x < 0; the first steps from x = 20 overshoot into it.
    const f: Objective = (x, g) => {
      g[0] = 1 - 1 / x[0];
      return x[0] - Math.log(x[0]);
    };
    const r = minimizeLbfgs(f, [20]);
    assert.ok(r.converged, r.status);
    assert.ok(Math.abs(r.x[0] - 1) < 1e-3, `x=${r.x[0]}`);
    const bad = minimizeLbfgs(f, [-1]);
    assert.equal(bad.status, 'non-finite');
    assert.equal(bad.converged, false);
  });
});

describe('engine/fit/chinchilla', () => {
  // Parsed inside each test, not while the file loads (Stryker treats load-time coverage as static).
  const rows = () => epochRows();

  it("the fixture is Epoch's file: 245 rows, 240 after dropping the 5 highest losses", () => {
    const parsed = parseCsv(readFileSync(FIXTURE, 'utf8'));
    assert.ok(parsed.ok);
    assert.equal(parsed.data.rows, 245);
    assert.deepEqual(parsed.data.columns, { N: 'Model Size', C: 'Training FLOP', loss: 'loss' });
    assert.equal(parsed.data.derived.D, true);
    assert.equal(rows().loss.length, 240);
  });

  it('the analytic gradient agrees with finite differences (fast and overflow-safe paths)', () => {
    const fun = chinchillaObjective(chinchillaLogData(rows().N, rows().D, rows().loss));
    for (const x of [
      [6.17, 7.67, 0.6, 0.347, 0.367],
      [5, 10, -0.5, 0.5, 1],
      [20, 0, 1, 1.5, 0.2],
      [800, 900, 0.5, 40, 40], // exponents beyond ±600 take the shifted-LSE path
    ]) {
      assertGradient(fun, x, 1e-5, `x=${x}`);
    }
  });

  it('the objective equals a direct Σ Huber(LSE − log L) on both code paths', () => {
    const data = chinchillaLogData(rows().N, rows().D, rows().loss);
    const fun = chinchillaObjective(data);
    const direct = (x: number[]): number => {
      let f = 0;
      for (let i = 0; i < data.logL.length; i++) {
        const u = [x[0] - x[3] * data.logN[i], x[1] - x[4] * data.logD[i], x[2]];
        const m = Math.max(...u);
        const r = m + Math.log(u.reduce((s, v) => s + Math.exp(v - m), 0)) - data.logL[i];
        f += Math.abs(r) <= 1e-3 ? 0.5 * r * r : 1e-3 * (Math.abs(r) - 0.5e-3);
      }
      return f;
    };
    const g = new Float64Array(5);
    for (const x of [
      [6.17, 7.67, 0.6, 0.347, 0.367],
      [800, 900, 0.5, 40, 40],
      [0, 0, -1, 0, 0],
    ]) {
      const expected = direct(x);
      within(fun(Float64Array.from(x), g), expected, 1e-12, `f at ${x}`);
    }
  });

  it('the full 4,500-start Huber fit reproduces A≈477.8, B≈2143, E≈1.8172, α≈0.3473, β≈0.3672 within 1%', function () {
    this.timeout(180_000);
    assert.equal(gridStarts(HOFFMANN_GRID).length, 4500);
    const fit = fullFit();
    assert.equal(fit.starts, 4500);
    assert.equal(fit.rows, 240);
    const expected: ChinchillaParams = { A: 477.8, B: 2143, E: 1.8172, alpha: 0.3473, beta: 0.3672 };
    for (const k of Object.keys(expected) as (keyof ChinchillaParams)[]) within(fit.params[k], expected[k], 0.01, k);
    assert.ok(fit.objective < 1.0183e-3, `objective ${fit.objective}`);
  });

  it('recovers the parameters of noise-free synthetic data from a small grid', () => {
    const truth: ChinchillaParams = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
    const N: number[] = [];
    const D: number[] = [];
    const L: number[] = [];
    for (const n of [1e8, 3e8, 1e9, 3e9, 1e10, 3e10]) {
      for (const d of [2e9, 1e10, 5e10, 2e11, 1e12]) {
        N.push(n);
        D.push(d);
        L.push(chinchillaLoss(n, d, truth));
      }
    }
    const fit = fitChinchilla(N, D, L, { grid: { alpha: [0.5], beta: [0.5], e: [0, 0.5], a: [5, 10], b: [5, 10] } });
    for (const k of Object.keys(truth) as (keyof ChinchillaParams)[]) within(fit.params[k], truth[k], 1e-3, k);
  });
});

describe('engine/fit/power', () => {
  const random = mulberry32(7);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const xs = Array.from({ length: 40 }, (_, i) => 1e18 * Math.pow(10, (6 * i) / 39));

  it('recovers x0 and alpha of y = (x0/x)^alpha exactly without noise and closely with 1% noise', () => {
    const clean = xs.map((x) => Math.pow(2.3e8 / x, 0.05));
    const exact = fitPowerLaw(xs, clean);
    assert.ok(exact.ok);
    within(exact.alpha, 0.05, 1e-9, 'alpha');
    within(exact.x0, 2.3e8, 1e-6, 'x0');
    assert.ok(exact.rSquared > 0.999999);
    const noisy = clean.map((y) => y * Math.exp(0.01 * gauss()));
    const fit = fitPowerLaw(xs, noisy);
    assert.ok(fit.ok);
    within(fit.alpha, 0.05, 0.05, 'noisy alpha');
  });

  it('recovers E, x0 and alpha of y = E + (x0/x)^alpha', () => {
    const truth = { E: 1.7, x0: 3e19, alpha: 0.3 };
    const clean = xs.map((x) => truth.E + Math.pow(truth.x0 / x, truth.alpha));
    const exact = fitPowerLawWithFloor(xs, clean);
    assert.ok(exact.ok);
    within(exact.E, truth.E, 1e-6, 'E');
    within(exact.alpha, truth.alpha, 1e-6, 'alpha');
    within(exact.x0, truth.x0, 1e-5, 'x0');
    within(powerLawValue(exact, 1e21), truth.E + Math.pow(truth.x0 / 1e21, truth.alpha), 1e-9, 'value');
    const noisy = clean.map((y) => y * Math.exp(0.002 * gauss()));
    const fit = fitPowerLawWithFloor(xs, noisy);
    assert.ok(fit.ok);
    within(fit.E, truth.E, 0.02, 'noisy E');
    within(fit.alpha, truth.alpha, 0.05, 'noisy alpha');
  });

  it('a pure power law fitted with a floor gets E = 0 (or nearly)', () => {
    const ys = xs.map((x) => Math.pow(1e30 / x, 0.07));
    const fit = fitPowerLawWithFloor(xs, ys);
    assert.ok(fit.ok);
    assert.ok(fit.E < 1e-3 * Math.min(...ys), `E=${fit.E}`);
    within(fit.alpha, 0.07, 1e-3, 'alpha');
  });

  it('reports degenerate input instead of throwing', () => {
    const same = fitPowerLaw([5, 5, 5], [1, 2, 3]);
    assert.equal(same.ok, false);
    const few = fitPowerLawWithFloor([1, 2], [1, 2]);
    assert.equal(few.ok, false);
    if (!few.ok) assert.match(few.message.zh, /至少需要 3/);
  });
});

describe('engine/fit/bootstrap', () => {
  const random = mulberry32(11);
  const xs = Array.from({ length: 30 }, (_, i) => Math.pow(10, 18 + i / 5));
  const ys = xs.map((x) => Math.pow(1e9 / x, 0.05) * Math.exp(0.01 * (random() - 0.5)));

  it('mulberry32 is deterministic per seed and uniform in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const sa = Array.from({ length: 1000 }, a);
    assert.deepEqual(sa, Array.from({ length: 1000 }, b));
    assert.notDeepEqual(sa.slice(0, 10), Array.from({ length: 10 }, c));
    assert.ok(sa.every((v) => v >= 0 && v < 1));
    const mean = sa.reduce((s, v) => s + v, 0) / sa.length;
    assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
  });

  it('quantile interpolates like numpy (linear)', () => {
    const v = [1, 2, 3, 4];
    assert.equal(quantile(v, 0), 1);
    assert.equal(quantile(v, 1), 4);
    assert.equal(quantile(v, 0.5), 2.5);
    assert.ok(Math.abs(quantile(v, 0.025) - 1.075) < 1e-12);
  });

  it('is reproducible for a seed, differs for another, and its interval contains the estimate', () => {
    const a = bootstrapPowerLaw(xs, ys, { resamples: 300, seed: 5 });
    const b = bootstrapPowerLaw(xs, ys, { resamples: 300, seed: 5 });
    const c = bootstrapPowerLaw(xs, ys, { resamples: 300, seed: 6 });
    assert.ok(a && b && c);
    assert.deepEqual(a.bootstrap, b.bootstrap);
    assert.notDeepEqual(a.bootstrap.intervals, c.bootstrap.intervals);
    assert.equal(a.bootstrap.resamples + a.bootstrap.failed, 300);
    for (const k of ['x0', 'alpha'] as const) {
      const iv = a.bootstrap.intervals[k];
      assert.ok(iv.low <= a.fit[k] && a.fit[k] <= iv.high, `${k}: ${a.fit[k]} outside [${iv.low}, ${iv.high}]`);
      assert.ok(iv.low < iv.high);
    }
    const floor = bootstrapPowerLawWithFloor(
      xs,
      ys.map((y) => y + 1),
      { resamples: 50, seed: 5 },
    );
    assert.ok(floor);
    const iv = floor.bootstrap.intervals.alpha;
    assert.ok(iv.low <= floor.fit.alpha && floor.fit.alpha <= iv.high);
  });

  it("Chinchilla bootstrap on Epoch's rows: reproducible, intervals contain the point estimate", function () {
    this.timeout(120_000);
    const rows = epochRows();
    // Resamples start from the full fit's optimum (the default), so they are quick.
    const a = bootstrapChinchilla(rows.N, rows.D, rows.loss, { resamples: 40, seed: 2024, pointFit: fullFit() });
    const b = bootstrapChinchilla(rows.N, rows.D, rows.loss, { resamples: 40, seed: 2024, pointFit: fullFit() });
    assert.deepEqual(a.bootstrap, b.bootstrap);
    within(a.fit.params.alpha, 0.3473, 0.01, 'point alpha');
    for (const k of ['A', 'B', 'E', 'alpha', 'beta'] as const) {
      const iv = a.bootstrap.intervals[k];
      assert.ok(iv.low <= a.fit.params[k] && a.fit.params[k] <= iv.high, `${k}: ${a.fit.params[k]} outside [${iv.low}, ${iv.high}]`);
    }
  });

  it('counts failed refits and never lets them into the intervals', () => {
    let calls = 0;
    const r = bootstrap(10, { v: 1 }, () => (++calls % 2 ? null : { v: 2 }), { resamples: 10 });
    assert.equal(r.failed, 5);
    assert.equal(r.resamples, 5);
    assert.deepEqual(r.intervals.v, { low: 2, high: 2 });
  });
});

describe('engine/fit/data', () => {
  function error(result: ParseResult): DataError {
    assert.equal(result.ok, false, 'expected a data error');
    if (result.ok) throw new Error('unreachable');
    return result.error;
  }

  /** The error names its row and column, in both languages. */
  function assertNames(e: DataError, row: number, column: string): void {
    assert.equal(e.row, row, `row of ${e.message.en}`);
    assert.ok(e.column.includes(column), `column "${e.column}" should name ${column}`);
    assert.ok(e.message.en.includes(`Row ${row}`), e.message.en);
    assert.ok(e.message.zh.includes(`第 ${row} 行`), e.message.zh);
    assert.ok(e.message.en.includes(column) && e.message.zh.includes(column), `${e.message.en} / ${e.message.zh} should name ${column}`);
  }

  it('recognises column headers in English and Chinese', () => {
    const cases: [string, string | null][] = [
      ['Model Size', 'N'],
      ['params', 'N'],
      ['Parameters', 'N'],
      ['N', 'N'],
      ['参数量', 'N'],
      ['模型规模', 'N'],
      ['Params (B)', 'N'],
      ['Training FLOP', 'C'],
      ['FLOPs', 'C'],
      ['compute', 'C'],
      ['C', 'C'],
      ['计算量', 'C'],
      ['tokens', 'D'],
      ['D', 'D'],
      ['data', 'D'],
      ['训练数据量', 'D'],
      ['Training tokens (T)', 'D'],
      ['loss', 'loss'],
      ['损失', 'loss'],
      ['L', 'loss'],
      ['Validation Loss', 'loss'],
      ['x', null],
      ['hex_color', null],
      ['color', null],
      ['notes', null],
    ];
    for (const [header, role] of cases) assert.equal(recogniseColumn(header), role, header);
  });

  it('reads numbers as written in tables', () => {
    const cases: [string, number | null][] = [
      ['1.4e22', 1.4e22],
      ['70', 70],
      ['1,000,000', 1e6],
      ['1.4×10^22', 1.4e22],
      ['1.4 \\times 10^{22}', 1.4e22],
      ['10^9', 1e9],
      ['2×10^-3', 2e-3],
      ['70B', 70e9],
      ['1.4T', 1.4e12],
      ['3亿', 3e8],
      ['-2', -2],
      ['', null],
      ['abc', null],
      ['1.2.3', null],
      ['NaN', null],
      ['Infinity', null],
      ['7Q', null],
      ['10^x', null],
      ['1×10^a', null],
    ];
    for (const [cell, value] of cases) {
      const v = parseNumber(cell);
      if (value === null) assert.equal(v, null, cell);
      else {
        assert.ok(v !== null, cell);
        within(v, value, 1e-12, cell);
      }
    }
  });

  it('derives D = C/(6N) from compute, and C = 6ND from tokens', () => {
    const fromC = parseCsv('params,FLOPs,loss\n1e9,6e19,3\n2e9,2.4e20,2.8\n4e9,9.6e20,2.6\n8e9,4e21,2.5\n1e10,1e22,2.4\n');
    assert.ok(fromC.ok && fromC.data.D && fromC.data.derived.D);
    within(fromC.data.D[0], 1e10, 1e-12, 'D');
    const fromD = parseCsv('N;D;L\n1e9;1e10;3\n2e9;2e10;2.8\n4e9;4e10;2.6\n8e9;8e10;2.5\n1e10;1e11;2.4\n');
    assert.ok(fromD.ok && fromD.data.C && fromD.data.derived.C);
    within(fromD.data.C[0], 6e19, 1e-12, 'C');
  });

  it('parses a Markdown table with Chinese headers, units and a separator row', () => {
    const table = [
      ['模型规模 (B)', '训练数据量', '损失'],
      ['---', ':---:', '---:'],
      ['0.4', '8B', '2.9'],
      ['1', '20B', '2.6'],
      ['7', '140B', '2.2'],
      ['13', '260B', '2.1'],
      ['70', '1.4T', '1.9'],
    ];
    const r = parseTableRows(table, { firstRowNumber: 10 });
    assert.ok(r.ok && r.data.N && r.data.D);
    assert.equal(r.data.rows, 5);
    within(r.data.N[0], 0.4e9, 1e-12, 'N with the header unit');
    within(r.data.D[4], 1.4e12, 1e-12, 'D with its own suffix');
    assert.deepEqual(Array.from(r.data.sourceRows), [12, 13, 14, 15, 16]);
    // A bad cell is reported at the note's line.
    const bad = parseTableRows([...table.slice(0, 4), ['7', '140B', '低']], { firstRowNumber: 10 });
    assertNames(error(bad), 14, '损失');
  });

  describe('bad data: an error naming row and column, never a throw', () => {
    const good = ['Model Size,Training FLOP,loss', '1e9,6e19,3', '2e9,2.4e20,2.8', '4e9,9.6e20,2.6', '8e9,4e21,2.5', '1e10,1e22,2.4'];
    const withLine = (k: number, line: string): string => good.map((l, i) => (i === k ? line : l)).join('\n');

    it('non-numeric cell', () => {
      const e = error(parseCsv(withLine(3, '4e9,lots,2.6')));
      assert.equal(e.code, 'non-numeric');
      assertNames(e, 4, 'Training FLOP');
      assert.ok(e.message.en.includes('"lots"'));
    });

    it('empty cell; a short row is a ragged row naming its cell count', () => {
      assertNames(error(parseCsv(withLine(2, '2e9,,2.8'))), 3, 'Training FLOP');
      const e = error(parseCsv(withLine(5, '1e10,1e22')));
      assert.equal(e.code, 'ragged-row');
      assert.equal(e.row, 6);
      assert.match(e.message.en, /^Row 6: 2 cells, but the header \(row 1\) has 3\.$/);
    });

    it('zero value', () => {
      const e = error(parseCsv(withLine(1, '0,6e19,3')));
      assert.equal(e.code, 'non-positive');
      assertNames(e, 2, 'Model Size');
    });

    it('negative value', () => {
      const e = error(parseCsv(withLine(4, '8e9,4e21,-2.5')));
      assert.equal(e.code, 'non-positive');
      assertNames(e, 5, 'loss');
    });

    it('fewer rows than parameters', () => {
      const e = error(parseCsv(good.slice(0, 4).join('\n')));
      assert.equal(e.code, 'too-few-rows');
      assertNames(e, 4, 'loss');
      assert.ok(e.message.en.includes('5 parameters'));
      // Three rows are enough for the power form (E, x0, alpha).
      assert.equal(parseCsv(good.slice(0, 4).join('\n'), { form: 'power' }).ok, true);
      assertNames(error(parseCsv(good.slice(0, 3).join('\n'), { form: 'power' })), 3, 'loss');
    });

    it('ambiguous columns', () => {
      const e = error(parseCsv(['params,N,FLOPs,loss', '1e9,1e9,6e19,3'].join('\n')));
      assert.equal(e.code, 'ambiguous-column');
      assertNames(e, 1, 'params');
      assert.ok(e.column.includes('N') && e.message.en.includes('"N"'));
      assertNames(error(parseCsv(['N,D,train loss,val loss', '1,1,1,1'].join('\n'))), 1, 'val loss');
    });

    it('missing columns', () => {
      const noLoss = error(parseCsv(['N,D,accuracy', '1,1,1'].join('\n')));
      assert.equal(noLoss.code, 'missing-column');
      assertNames(noLoss, 1, 'loss');
      assertNames(error(parseCsv(['D,loss', '1,1'].join('\n'))), 1, 'N');
      const noData = error(parseCsv(['N,loss', '1,1'].join('\n')));
      assert.ok(noData.column.includes('D') && noData.column.includes('C'));
      assert.ok(noData.message.en.includes('Row 1') && noData.message.zh.includes('第 1 行'));
      assertNames(error(parseCsv('')), 1, '');
    });

    it('never throws on arbitrary text or tables', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300 }), (text) => {
          const r = parseCsv(text);
          if (!r.ok) assert.ok(r.error.row >= 1 && r.error.message.en.length > 0 && r.error.message.zh.length > 0);
        }),
        { numRuns: 500, seed: 7 },
      );
      fc.assert(
        fc.property(
          fc.array(fc.array(fc.oneof(fc.string(), fc.constantFrom('N', 'loss', 'D', '1e9', '-1', '0', '---')), { maxLength: 5 }), { maxLength: 8 }),
          (rows) => {
            parseTableRows(rows);
          },
        ),
        { numRuns: 500, seed: 7 },
      );
    });
  });
});

describe('cli/fitCommand', () => {
  function run(args: string[], files: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io = {
      out: (s: string) => (out += s + '\n'),
      err: (s: string) => (err += s + '\n'),
      readBytes: (p: string) => {
        if (!(p in files)) throw new Error(`ENOENT: ${p}`);
        return new TextEncoder().encode(files[p]);
      },
    };
    return runFitCommand(args, io).then((code) => ({ code, out, err }));
  }
  const truth: ChinchillaParams = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };
  const csv = ['params,tokens,loss'];
  for (const n of [1e8, 1e9, 1e10]) for (const d of [1e9, 1e10, 1e11, 1e12]) csv.push(`${n},${d},${chinchillaLoss(n, d, truth)}`);
  const files = {
    'runs.csv': csv.join('\n'),
    'bad.csv': 'params,tokens,loss\n1e9,1e10,3\n2e9,x,2\n4e9,4e10,2\n8e9,8e10,2\n9e9,9e10,2\n',
    'note.md': '# Runs\n\n| N | D | 损失 |\n|---|---|---|\n| 1e9 | 2e10 | 2.5 |\n| 2e9 | 4e10 | 2.3 |\n| 4e9 | 8e10 | 2.2 |\n| 8e9 | 1.6e11 | 2.1 |\n',
  };

  it('fits the Chinchilla form and prints JSON', async function () {
    this.timeout(60_000);
    const r = await run(['fit', 'runs.csv', '--json', '--bootstrap', '0'], files);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { params: Record<keyof ChinchillaParams, { value: number; ci: null }>; starts: number };
    assert.equal(json.starts, 4500);
    within(json.params.alpha.value, truth.alpha, 1e-3, 'alpha');
    within(json.params.E.value, truth.E, 1e-3, 'E');
    assert.equal(json.params.E.ci, null);
  });

  it('fits power laws from a Markdown table with a bootstrap table', async () => {
    const r = await run(['note.md', '--form', 'power', '--bootstrap', '30', '--seed', '3'], files);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /L = \(x₀\/C\)\^α/);
    assert.match(r.out, /95% CI/);
  });

  it('exits 2 with one line naming the problem for bad arguments and bad data', async () => {
    for (const [args, pattern] of [
      [['runs.csv', '--form', 'cubic'], /--form/],
      [['runs.csv', '--bootstrap', '-1'], /--bootstrap/],
      [['runs.csv', '--frobnicate'], /unknown option/],
      [[], /missing the data file/],
      [['nope.csv'], /cannot read nope\.csv/],
      [['bad.csv'], /Row 3, column "tokens"/],
      [['note.md', '--form', 'chinchilla'], /Row 8, column "损失".*5 parameters/],
    ] as [string[], RegExp][]) {
      const r = await run(args, files);
      assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}`);
      assert.equal(r.out, '');
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, pattern);
    }
  });
});
