// The one fit pipeline (issue 10/13/14): the CLI, the extension's worker path and runFit
// give the same numbers and sentences; derived quantities' intervals are percentiles of
// each resample's own values; the pre-screened grid finds the full grid's optimum on
// Epoch's data; the drop-k diagnostic moves β from ≈ 0.45 (245 rows) to ≈ 0.37 (240);
// the worker reports progress and can be cancelled.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runFitCommand } from '../../../src/cli/fitCommand';
import { fitChinchilla } from '../../../src/engine/fit/chinchilla';
import { parseCsv } from '../../../src/engine/fit/data';
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import { runFitInWorkers } from '../../../src/fitWorker/host';
import {
  bootstrapShare,
  fitPoint,
  fitReport,
  parseFitInput,
  planFit,
  resultMarkdownLines,
  runFit,
  type ChinchillaFitResult,
  type FitSourceInfo,
} from '../../../src/sections/fit/index';

const EPOCH = join(__dirname, '..', 'engine', 'fixtures', 'chinchilla_epoch_svg_extracted_data.csv');
const TRUE: ChinchillaParams = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const WORKER = {
  script: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(resolve(__dirname, '../../../src/fitWorker/worker.ts'))});`,
  eval: true,
};

function syntheticCsv(): string {
  const lines = ['params,tokens,loss'];
  let k = 0;
  for (const n of [1e8, 3e8, 1e9, 3e9, 1e10])
    for (const d of [3e9, 1e10, 3e10, 1e11, 3e11, 1e12]) {
      const wiggle = 1 + 0.01 * Math.sin(7 * ++k);
      lines.push(`${n},${d},${(chinchillaLoss(n, d, TRUE) * wiggle).toPrecision(9)}`);
    }
  return lines.join('\n');
}

/** numpy's default (linear) quantile, recomputed here rather than taken from the engine. */
function npQuantile(values: number[], q: number): number {
  const v = [...values].sort((a, b) => a - b);
  const h = (v.length - 1) * q;
  const lo = Math.floor(h);
  return v[lo] + (h - lo) * (v[Math.min(lo + 1, v.length - 1)] - v[lo]);
}

describe('the one fit pipeline', () => {
  const csv = syntheticCsv();
  const source: FitSourceInfo = { kind: 'csv', name: 'runs.csv', firstRow: 1, lastRow: 31 };

  it('CLI, worker threads and runFit give the same numbers and the same sentences', async function () {
    this.timeout(120_000);
    const parsed = parseFitInput({ kind: 'csv', text: csv });
    assert.ok(parsed.ok);
    const options = { source, resamples: 24, seed: 5, drop: { count: 2, rule: 'residual' as const } };
    const direct = runFit(parsed.data, parsed.form, options);
    assert.ok(direct.ok && direct.result.form === 'chinchilla');
    const viaWorkers = await runFitInWorkers(parsed.data, parsed.form, options, { ...WORKER, workers: 2 }).outcome;
    assert.ok(viaWorkers.ok && viaWorkers.result.form === 'chinchilla');
    const strip = (r: ChinchillaFitResult): unknown => ({ ...r, seconds: 0 });
    assert.deepEqual(strip(viaWorkers.result), strip(direct.result), 'two bootstrap shares on two workers = one run');

    let out = '';
    const io = { out: (s: string) => (out += s), err: () => undefined, readBytes: () => new TextEncoder().encode(csv) };
    assert.equal(await runFitCommand(['runs.csv', '--json', '--bootstrap', '24', '--seed', '5', '--drop', '2', '--drop-by', 'residual'], io), 0);
    const json = JSON.parse(out) as {
      params: Record<string, { value: number; ci: [number, number] }>;
      derived: Record<string, { value: number; ci: [number, number] }>;
    };
    const r = direct.result;
    for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
      assert.equal(json.params[k].value, r.params[k]);
      assert.deepEqual(json.params[k].ci, [r.intervals?.[k].low, r.intervals?.[k].high]);
    }
    for (const k of ['a', 'b', 'G', 'nOpt', 'dOpt', 'tokensPerParam', 'lossOpt']) {
      const e = r.derivedQuantities?.[k as 'a'];
      assert.ok(e?.interval, k);
      assert.deepEqual(json.derived[k], { value: e.value, ci: [e.interval.low, e.interval.high] });
    }

    out = '';
    assert.equal(await runFitCommand(['runs.csv', '--bootstrap', '24', '--seed', '5', '--drop', '2', '--drop-by', 'residual'], io), 0);
    const report = fitReport(r, 'en');
    const markdown = resultMarkdownLines(r, 'en');
    for (const sentence of [report.method, ...report.diagnostics]) {
      assert.ok(out.includes(sentence), `the CLI prints: ${sentence.slice(0, 80)}`);
      assert.ok(markdown.includes(sentence), `Insert results writes: ${sentence.slice(0, 80)}`);
    }
    for (const row of report.rows) assert.ok(out.includes(row[1]) && markdown.some((l) => l.includes(row[1])), `value ${row[1]}`);
  });

  it("derived quantities' intervals are percentiles of each resample's own values (Hoffmann et al. eq. 4 recomputed)", function () {
    this.timeout(60_000);
    const parsed = parseFitInput({ kind: 'csv', text: csv });
    assert.ok(parsed.ok);
    const planned = planFit(parsed.data, parsed.form, { source, resamples: 40, seed: 11, budget: 1e22 });
    assert.ok(planned.ok);
    const point = fitPoint(parsed.data, planned.plan);
    assert.ok(point.ok);
    const draws = bootstrapShare(point.fit, planned.plan);
    const r = runFit(parsed.data, parsed.form, { source, resamples: 40, seed: 11, budget: 1e22 });
    assert.ok(r.ok && r.result.form === 'chinchilla' && r.result.derivedQuantities);
    const C = 1e22;
    const perDraw = draws.map((d) => {
      const p = d.groups[0] as unknown as ChinchillaParams;
      const s = p.alpha + p.beta;
      const G = Math.pow((p.alpha * p.A) / (p.beta * p.B), 1 / s);
      const N = G * Math.pow(C / 6, p.beta / s);
      const D = Math.pow(C / 6, p.alpha / s) / G;
      return { a: p.beta / s, G, nOpt: N, dOpt: D, tokensPerParam: D / N };
    });
    for (const k of ['a', 'G', 'nOpt', 'dOpt', 'tokensPerParam'] as const) {
      const iv = r.result.derivedQuantities[k].interval;
      assert.ok(iv);
      const values = perDraw.map((d) => d[k]);
      assert.ok(Math.abs(iv.low - npQuantile(values, 0.025)) <= 1e-9 * Math.abs(iv.low), `${k} low`);
      assert.ok(Math.abs(iv.high - npQuantile(values, 0.975)) <= 1e-9 * Math.abs(iv.high), `${k} high`);
    }
    // Not the interval one would get by plugging α's and β's endpoints into a = β/(α+β).
    const iv = r.result.intervals;
    assert.ok(iv);
    const naive = iv.beta.high / (iv.alpha.low + iv.beta.high);
    assert.notEqual(r.result.derivedQuantities.a.interval?.high, naive);
  });

  describe("on Epoch's data (Besiroglu et al. 2024)", () => {
    const text = readFileSync(EPOCH, 'utf8');
    const parsed = parseCsv(text);
    assert.ok(parsed.ok);
    const epochSource: FitSourceInfo = { kind: 'csv', name: 'epoch.csv', firstRow: 1, lastRow: 246 };

    it("the pre-screened grid (the best few hundred of 4,500 starts) reaches the full grid's optimum", function () {
      this.timeout(180_000);
      const cut = Float64Array.from(parsed.data.loss).sort()[parsed.data.rows - 5];
      const keep = [...parsed.data.loss.keys()].filter((i) => parsed.data.loss[i] < cut);
      const pick = (a: Float64Array | null): Float64Array => Float64Array.from(keep, (i) => (a as Float64Array)[i]);
      const [N, D, L] = [pick(parsed.data.N), pick(parsed.data.D), pick(parsed.data.loss)];
      const full = fitChinchilla(N, D, L);
      const screened = fitChinchilla(N, D, L, { prescreen: 200 });
      assert.equal(screened.searched, 200);
      // A and B sit in the flat A–α and B–β valleys: equal objectives allow them more play.
      const tolerance = { E: 1e-4, alpha: 1e-4, beta: 1e-4, A: 1e-3, B: 1e-3 };
      for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
        assert.ok(Math.abs(screened.params[k] - full.params[k]) <= tolerance[k] * Math.abs(full.params[k]), `${k}: ${screened.params[k]} vs ${full.params[k]}`);
      }
      assert.ok(screened.objective <= full.objective * (1 + 1e-8));
    });

    it('dropping the 5 highest-loss runs as Epoch did: β ≈ 0.45 on all 245 rows, ≈ 0.37 on the 240 left', function () {
      this.timeout(120_000);
      const r = runFit(parsed.data, 'chinchilla', { source: epochSource, resamples: 0, drop: { count: 5, rule: 'loss' } });
      assert.ok(r.ok && r.result.form === 'chinchilla');
      const d = r.result.diagnostics?.dropped;
      assert.ok(d);
      assert.equal(d.allRowsCount, 245);
      assert.equal(r.result.data.loss.length, 240);
      assert.deepEqual(d.rows, [2, 3, 4, 5, 6], 'the five highest-loss rows (file lines)');
      assert.ok(Math.abs(d.allRows.beta - 0.453) < 0.005, `all rows β = ${d.allRows.beta}`);
      assert.ok(Math.abs(r.result.params.beta - 0.3672) < 0.003, `240 rows β = ${r.result.params.beta}`);
      assert.match(
        fitReport(r.result, 'en').diagnostics[0],
        /without the 5 highest-loss runs \(rows 2, 3, 4, 5, 6\); all 245 runs → the 240 left: .*β 0\.453 → 0\.367/,
      );
      assert.match(fitReport(r.result, 'zh').diagnostics[0], /去掉损失最高的 5 次训练/);
    });
  });

  it('the residual check flags a far-out, badly fitted run by its leverage and residual', function () {
    this.timeout(60_000);
    const text = `${csv}\n1e12,3e9,9`;
    const parsed = parseFitInput({ kind: 'csv', text });
    assert.ok(parsed.ok);
    const r = runFit(parsed.data, parsed.form, { source, resamples: 0 });
    assert.ok(r.ok);
    const l = r.result.diagnostics?.leverage;
    assert.ok(l);
    assert.equal(l.threshold, (2 * 5) / 31);
    const flagged = l.points.find((p) => p.row === 32);
    assert.ok(flagged, JSON.stringify(l.points));
    assert.ok(flagged.leverage > l.threshold || Math.abs(flagged.standardised) > 3);
  });

  it('the worker reports progress and can be cancelled', async function () {
    this.timeout(120_000);
    const parsed = parseFitInput({ kind: 'csv', text: csv });
    assert.ok(parsed.ok);
    const stages: string[] = [];
    const fit = runFitInWorkers(
      parsed.data,
      parsed.form,
      { source, resamples: 3000, prescreen: false },
      { ...WORKER, onProgress: (_f, stage) => stages.push(stage) },
    );
    // Cancel once the search has reported progress.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (stages.length > 0) {
          clearInterval(poll);
          done();
        }
      }, 10);
    });
    const t0 = performance.now();
    fit.cancel();
    const outcome = await fit.outcome;
    assert.ok(!outcome.ok && outcome.cancelled, 'cancelled');
    assert.ok(performance.now() - t0 < 5000, 'the outcome resolves right after cancel');
    assert.ok(stages.includes('search'));
  });
});
