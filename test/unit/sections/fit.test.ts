import * as assert from 'node:assert/strict';
import { bootstrapChinchilla, bootstrapPowerLaw, bootstrapPowerLawWithFloor } from '../../../src/engine/fit/bootstrap';
import { fitChinchilla } from '../../../src/engine/fit/chinchilla';
import { computeOptimal } from '../../../src/engine/laws/allocation';
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';
import { powerLawValue } from '../../../src/engine/fit/power';
import { parseFitHostMessage, parseFitPanelState, parseFitResult, parseFitWebviewMessage } from '../../../src/protocol/messages';
import {
  COARSE_GRID,
  contourLevels,
  dataLevels,
  FIT_CHART_IDS,
  FIT_DATASETS,
  fitCharts,
  fitRows,
  formatValue,
  isoLossCurve,
  parseFitInput,
  resultMarkdownLines,
  runFit,
  type ChinchillaFitResult,
  type FitInput,
  type FitResult,
  type FitSourceInfo,
  type PowerFitResult,
} from '../../../src/sections/fit/index';
import { DARK_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import type { ChartSpec, Lang } from '../../../src/sections/types';
import { renderClean, viewData } from '../helpers/render';

const TRUE: ChinchillaParams = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const SOURCE: FitSourceInfo = { kind: 'markdown', name: 'runs.md', firstRow: 3, lastRow: 34 };

/** 30 runs on a 6 × 5 grid of N and D, loss from the Chinchilla law (×(1 + noise) when asked). */
function chinchillaTable(noise = 0): string[][] {
  const rows = [
    ['Model Size', 'tokens', 'loss'],
    ['---', '---', '---'],
  ];
  for (let i = 0; i < 30; i++) {
    const N = 10 ** (7 + (i % 6) * 0.6);
    const D = 10 ** (9 + Math.floor(i / 6) * 0.5);
    const wiggle = 1 + noise * Math.sin(12.9898 * i + 78.233);
    rows.push([N.toPrecision(6), D.toPrecision(6), (chinchillaLoss(N, D, TRUE) * wiggle).toPrecision(9)]);
  }
  return rows;
}

/** 12 runs of compute C and loss E + (x0/C)^α with a little deterministic noise. */
function computeCsv(): string {
  const lines = ['Training FLOP,Final Loss'];
  for (let i = 0; i < 12; i++) {
    const C = 10 ** (18 + i * 0.5);
    const L = (1.8 + Math.pow(3e17 / C, 0.12)) * (1 + 0.004 * Math.sin(3.7 * i + 1));
    lines.push(`${C.toExponential(4)},${L.toPrecision(7)}`);
  }
  return lines.join('\n');
}

async function fitOk(input: FitInput, options: { resamples?: number; seed?: number } = {}): Promise<FitResult> {
  const parsed = parseFitInput(input);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message.en);
  const out = runFit(parsed.data, parsed.form, { source: SOURCE, grid: COARSE_GRID, prescreen: false, ...options });
  assert.ok(out.ok, out.ok ? '' : out.message.en);
  return out.result;
}

function relClose(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.abs(expected), `${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

describe('fit (issue 7 §4): sections/fit', () => {
  let chinchilla: ChinchillaFitResult;
  let noisy: ChinchillaFitResult;
  let power: PowerFitResult;

  before(async function () {
    this.timeout(60_000);
    const exact = await fitOk({ kind: 'table', rows: chinchillaTable(), firstRowNumber: 3 }, { resamples: 20 });
    const withNoise = await fitOk({ kind: 'table', rows: chinchillaTable(0.01), firstRowNumber: 3 }, { resamples: 30, seed: 7 });
    const pw = await fitOk({ kind: 'csv', text: computeCsv() }, { resamples: 40, seed: 3 });
    assert.equal(exact.form, 'chinchilla');
    assert.equal(withNoise.form, 'chinchilla');
    assert.equal(pw.form, 'power');
    chinchilla = exact as ChinchillaFitResult;
    noisy = withNoise as ChinchillaFitResult;
    power = pw as PowerFitResult;
  });

  describe('reading the table', () => {
    it('fits the Chinchilla form when N and D (or C) are present', () => {
      const parsed = parseFitInput({ kind: 'table', rows: chinchillaTable(), firstRowNumber: 3 });
      assert.ok(parsed.ok);
      assert.equal(parsed.form, 'chinchilla');
      assert.equal(parsed.data.rows, 30);
      assert.deepEqual(Array.from(parsed.data.sourceRows.slice(0, 2)), [5, 6], 'row numbers are the note lines (header on line 3)');
    });

    it('falls back to a power law when only one of N, D, C is there', () => {
      const parsed = parseFitInput({ kind: 'csv', text: computeCsv() });
      assert.ok(parsed.ok);
      assert.equal(parsed.form, 'power');
      assert.equal(parsed.data.columns.C, 'Training FLOP');
    });

    it('reports a bad cell with its row and column, and does not fall back', () => {
      const rows = chinchillaTable();
      rows[9][2] = '2.9x';
      const parsed = parseFitInput({ kind: 'table', rows, firstRowNumber: 3 });
      assert.ok(!parsed.ok);
      assert.equal(parsed.error.code, 'non-numeric');
      assert.equal(parsed.error.row, 12);
      assert.equal(parsed.error.column, 'loss');
      assert.match(parsed.error.message.en, /Row 12, column "loss"/);
      assert.match(parsed.error.message.zh, /第 12 行，“loss”列/);
    });

    it('reports a missing loss column as it is (no power-law fallback)', () => {
      const parsed = parseFitInput({ kind: 'csv', text: 'params,tokens\n1e9,2e10\n' });
      assert.ok(!parsed.ok);
      assert.equal(parsed.error.code, 'missing-column');
      assert.equal(parsed.error.column, 'loss');
    });

    it('honours a forced form', () => {
      const parsed = parseFitInput({ kind: 'table', rows: chinchillaTable(), firstRowNumber: 3 }, 'power');
      assert.ok(parsed.ok);
      assert.equal(parsed.form, 'power');
    });
  });

  describe('the sliced fit', () => {
    it('recovers the parameters the data were made with', () => {
      for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) relClose(chinchilla.params[k], TRUE[k], 1e-3, k);
      assert.equal(chinchilla.starts, 243);
      assert.equal(chinchilla.data.loss.length, 30);
      assert.ok(chinchilla.intervals, 'bootstrap intervals');
      assert.deepEqual(chinchilla.bootstrap, { resamples: 20, failed: 0, seed: 1, confidence: 0.95 });
    });

    it("gives the engine's one-shot fit and bootstrap", function () {
      this.timeout(60_000);
      const parsed = parseFitInput({ kind: 'table', rows: chinchillaTable(0.01), firstRowNumber: 3 });
      assert.ok(parsed.ok);
      const { N, D, loss } = parsed.data;
      const engine = fitChinchilla(N as Float64Array, D as Float64Array, loss, { grid: COARSE_GRID, polish: true });
      for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) relClose(noisy.params[k], engine.params[k], 1e-6, k);
      relClose(noisy.objective, engine.objective, 1e-9, 'objective');
      // With the same point fit, the bootstrap replays the engine's resamples exactly.
      const pointFit = {
        ...engine,
        params: noisy.params,
        logParams: {
          a: Math.log(noisy.params.A),
          b: Math.log(noisy.params.B),
          e: Math.log(noisy.params.E),
          alpha: noisy.params.alpha,
          beta: noisy.params.beta,
        },
      };
      const boot = bootstrapChinchilla(N as Float64Array, D as Float64Array, loss, { pointFit, resamples: 30, seed: 7 });
      const iv = noisy.intervals;
      assert.ok(iv);
      for (const k of ['E', 'A', 'B', 'alpha', 'beta'] as const) {
        relClose(iv[k].low, boot.bootstrap.intervals[k].low, 1e-6, `${k} low`);
        relClose(iv[k].high, boot.bootstrap.intervals[k].high, 1e-6, `${k} high`);
      }
      assert.ok(iv.alpha.low < noisy.params.alpha && noisy.params.alpha < iv.alpha.high, 'the estimate lies inside its interval');
    });

    it('gives exactly the power-law fits and intervals of the engine', () => {
      const parsed = parseFitInput({ kind: 'csv', text: computeCsv() });
      assert.ok(parsed.ok);
      const x = parsed.data.C as Float64Array;
      const pure = bootstrapPowerLaw(x, parsed.data.loss, { resamples: 40, seed: 3 });
      const floor = bootstrapPowerLawWithFloor(x, parsed.data.loss, { resamples: 40, seed: 3 });
      assert.ok(pure && floor && power.floor);
      assert.equal(power.x, 'C');
      assert.equal(power.pure.alpha, pure.fit.alpha);
      assert.deepEqual(power.pure.intervals, pure.bootstrap.intervals);
      assert.equal(power.floor.E, floor.fit.E);
      assert.deepEqual(power.floor.intervals, floor.bootstrap.intervals);
      relClose(power.floor.E, 1.8, 0.05, 'E');
    });

    it('reports progress in order and can be cancelled between starts', () => {
      const parsed = parseFitInput({ kind: 'table', rows: chinchillaTable(), firstRowNumber: 3 });
      assert.ok(parsed.ok);
      const seen: [number, string][] = [];
      const done = runFit(parsed.data, parsed.form, { source: SOURCE, grid: COARSE_GRID, resamples: 5 }, { progress: (f, stage) => seen.push([f, stage]) });
      assert.ok(done.ok);
      const search = seen.filter(([, s]) => s === 'search').map(([f]) => f);
      const boot = seen.filter(([, s]) => s === 'bootstrap').map(([f]) => f);
      assert.ok(search.length >= 10 && boot.length === 5, `${search.length} search and ${boot.length} bootstrap reports`);
      assert.deepEqual(
        [...search].sort((a, b) => a - b),
        search,
        'progress never goes back',
      );
      assert.equal(search[search.length - 1], 1);
      assert.equal(boot[boot.length - 1], 1);

      let calls = 0;
      const cancelled = runFit(parsed.data, parsed.form, { source: SOURCE, grid: COARSE_GRID }, { cancelled: () => ++calls > 2 });
      assert.ok(!cancelled.ok && cancelled.cancelled);
      assert.equal(calls, 3, 'stopped at the first check that asked');
    });
  });

  describe('charts', () => {
    const contexts: [Lang, typeof LIGHT_THEME][] = [
      ['en', LIGHT_THEME],
      ['zh', DARK_THEME],
    ];

    for (const [lang, theme] of contexts) {
      it(`Chinchilla charts render without warnings (${lang}, ${theme.kind})`, async () => {
        const charts = fitCharts(noisy, { lang, theme });
        assert.deepEqual(
          charts.map((c) => c.id),
          [FIT_CHART_IDS.curves, FIT_CHART_IDS.contours, FIT_CHART_IDS.compute, FIT_CHART_IDS.residuals, FIT_CHART_IDS.frontier],
        );
        for (const chart of charts) await renderClean(chart);
      });

      it(`power-law charts render without warnings (${lang}, ${theme.kind})`, async () => {
        const charts = fitCharts(power, { lang, theme });
        assert.deepEqual(
          charts.map((c) => c.id),
          [FIT_CHART_IDS.power, FIT_CHART_IDS.residuals],
        );
        for (const chart of charts) await renderClean(chart);
      });
    }

    const byId = (charts: ChartSpec[], id: string): ChartSpec => {
      const c = charts.find((x) => x.id === id);
      assert.ok(c, `chart ${id}`);
      return c;
    };

    it('the points are the data, with the fitted loss and residual of the fit', async () => {
      const p = noisy.params;
      const rendered = await renderClean(byId(fitCharts(noisy, { lang: 'en', theme: LIGHT_THEME }), FIT_CHART_IDS.curves));
      const points = viewData(rendered, FIT_DATASETS.points);
      assert.equal(points.length, 30);
      points.forEach((pt, i) => {
        assert.equal(pt.loss, noisy.data.loss[i]);
        assert.equal(pt.N, noisy.data.N?.[i]);
        assert.equal(pt.D, noisy.data.D?.[i]);
        assert.equal(pt.row, noisy.data.rows[i]);
        relClose(pt.fitted as number, chinchillaLoss(noisy.data.N?.[i] ?? NaN, noisy.data.D?.[i] ?? NaN, p), 1e-12, `fitted ${i}`);
        relClose(pt.residualPct as number, 100 * (Math.log(noisy.data.loss[i]) - Math.log(pt.fitted as number)), 1e-9, `residual ${i}`);
      });
      const curves = viewData(rendered, FIT_DATASETS.curves);
      assert.ok(curves.length >= 80 * 5);
      for (const c of curves) relClose(c.loss as number, chinchillaLoss(c.N as number, c.D as number, p), 1e-12, 'curve');
      assert.deepEqual([...new Set(curves.map((c) => c.D))], [1e9, 3.16e9, 1e10, 3.16e10, 1e11], 'one curve per data size in the runs');
    });

    it('iso-loss contours lie on their loss level; the frontier is computeOptimal', async () => {
      const p = noisy.params;
      const rendered = await renderClean(byId(fitCharts(noisy, { lang: 'en', theme: LIGHT_THEME }), FIT_CHART_IDS.contours));
      const contours = viewData(rendered, FIT_DATASETS.contours);
      assert.ok(new Set(contours.map((c) => c.level)).size >= 5, 'several contour levels');
      for (const c of contours) relClose(chinchillaLoss(c.N as number, c.D as number, p), c.level as number, 1e-9, 'contour point');
      const frontier = viewData(rendered, FIT_DATASETS.frontier);
      assert.ok(frontier.length > 10);
      for (const f of frontier) {
        const o = computeOptimal(f.C as number, p);
        relClose(f.N as number, o.params, 1e-12, 'N_opt');
        relClose(f.D as number, o.tokens, 1e-12, 'D_opt');
      }
    });

    it('the frontier chart and the compute envelope follow computeOptimal', async () => {
      const p = noisy.params;
      const charts = fitCharts(noisy, { lang: 'zh', theme: LIGHT_THEME });
      const frontier = viewData(await renderClean(byId(charts, FIT_CHART_IDS.frontier)), FIT_DATASETS.frontier);
      for (const f of frontier) {
        const o = computeOptimal(f.C as number, p);
        relClose(f.value as number, String(f.series).startsWith('N_opt') ? o.params : o.tokens, 1e-12, 'frontier');
      }
      const envelope = viewData(await renderClean(byId(charts, FIT_CHART_IDS.compute)), FIT_DATASETS.envelope);
      for (const e of envelope) relClose(e.loss as number, computeOptimal(e.C as number, p).loss, 1e-12, 'envelope');
      // The envelope is the least loss at each compute: no run lies below it.
      for (const row of fitRows(noisy)) assert.ok(row.fitted >= computeOptimal(row.C ?? NaN, p).loss - 1e-9);
    });

    it('power-law curves are the fitted laws', async () => {
      const rendered = await renderClean(byId(fitCharts(power, { lang: 'en', theme: LIGHT_THEME }), FIT_CHART_IDS.power));
      const curves = viewData(rendered, FIT_DATASETS.curves);
      const floor = power.floor;
      assert.ok(floor);
      for (const c of curves) {
        const law = String(c.series).includes('E +') ? floor : power.pure;
        relClose(c.loss as number, powerLawValue(law, c.x as number), 1e-12, 'power curve');
      }
      const points = viewData(rendered, FIT_DATASETS.points);
      assert.deepEqual(
        points.map((p) => p.loss),
        power.data.loss,
      );
    });

    it('contour helpers: levels inside the box, curves inside the box', () => {
      const n: [number, number] = [1e7, 1e10];
      const d: [number, number] = [1e9, 1e11];
      const levels = contourLevels(TRUE, n, d);
      assert.equal(levels.length, 6);
      for (const l of levels) {
        const curve = isoLossCurve(TRUE, l.level, n, d);
        assert.ok(curve.length > 10);
        for (const pt of curve) {
          assert.ok(pt.N >= n[0] && pt.N <= n[1] && pt.D >= d[0] && pt.D <= d[1]);
        }
      }
      assert.deepEqual(isoLossCurve(TRUE, TRUE.E - 0.1, n, d), [], 'a level under the floor has no curve');
      assert.deepEqual(dataLevels([1e9, 1e9, 2e9, 2e9]), [1e9, 2e9]);
      assert.equal(dataLevels(Array.from({ length: 50 }, (_, i) => 1e9 * 1.1 ** i)).length, 4);
    });
  });

  describe('the Markdown report', () => {
    it('has the parameters, intervals, rows, objective and the citations', () => {
      const text = resultMarkdownLines(noisy, 'en').join('\n');
      assert.match(text, /\| Parameter \| Estimate \| 95% CI \|/);
      assert.ok(
        text.includes(
          `| E (irreducible loss) | ${formatValue(noisy.params.E)} | [${formatValue(noisy.intervals?.E.low ?? NaN)}, ${formatValue(noisy.intervals?.E.high ?? NaN)}] |`,
        ),
      );
      assert.ok(text.includes(`| β (data exponent) | ${formatValue(noisy.params.beta)} |`));
      assert.match(text, /\| Rows fitted \| 30 \|/);
      assert.match(text, /Objective/);
      assert.match(text, /Hoffmann et al\. 2022/);
      assert.match(text, /Besiroglu et al\. 2024/);
      assert.match(text, /arxiv\.org\/abs\/2203\.15556/);
      assert.match(text, /30 resamples .*seed 7/);
      const zh = resultMarkdownLines(noisy, 'zh').join('\n');
      assert.match(zh, /\| 参数 \| 估计值 \| 95% 置信区间 \|/);
      assert.match(zh, /Hoffmann 等 2022/);
      assert.match(zh, /runs\.md，第 3–34 行/);
    });

    it('writes a power-law table with both laws', () => {
      const text = resultMarkdownLines(power, 'en').join('\n');
      assert.match(text, /\| Law \| Parameter \| Estimate \| 95% CI \|/);
      assert.match(text, /L = \(x₀\/C\)\^α/);
      assert.match(text, /L = E \+ \(x₀\/C\)\^α/);
      assert.match(text, /Kaplan et al\. 2020/);
    });
  });

  describe('fit panel messages (src/protocol/messages.ts)', () => {
    it('accepts a real result, after a JSON round trip, unchanged', () => {
      for (const r of [chinchilla, noisy, power]) {
        const copy = JSON.parse(JSON.stringify(r)) as unknown;
        assert.deepEqual(parseFitResult(copy), r);
        assert.deepEqual(parseFitHostMessage({ type: 'fitShow', lang: 'zh', result: copy, insert: 'note' }), {
          type: 'fitShow',
          lang: 'zh',
          result: r,
          insert: 'note',
        });
        assert.deepEqual(parseFitPanelState({ result: copy }), { result: r });
      }
    });

    it('drops malformed or hostile results and messages', () => {
      const base = JSON.parse(JSON.stringify(noisy)) as Record<string, unknown>;
      const data = base.data as Record<string, unknown>;
      const bad: unknown[] = [
        { ...base, form: 'kaplan' },
        { ...base, params: { ...(base.params as object), alpha: 'x' } },
        { ...base, params: { ...(base.params as object), E: null } },
        { ...base, data: { ...data, loss: [...(data.loss as number[]).slice(1)] } },
        { ...base, data: { ...data, N: (data.N as number[]).map((v, i) => (i === 3 ? -v : v)) } },
        { ...base, data: { ...data, D: null } },
        { ...base, intervals: { E: { low: 2, high: 1 } } },
        { ...base, source: { ...(base.source as object), name: 'x'.repeat(1000) } },
        { ...base, bootstrap: { resamples: 1.5, failed: 0, seed: 1, confidence: 0.95 } },
        { ...base, seconds: -1 },
        null,
        [],
      ];
      for (const r of bad) {
        assert.equal(parseFitResult(r), undefined, JSON.stringify(r)?.slice(0, 120));
        assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result: r, insert: 'note' }), undefined);
      }
      assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result: base, insert: 'anywhere' }), undefined);
      assert.equal(parseFitHostMessage({ type: 'fitSetLang', lang: 'fr' }), undefined);
      assert.deepEqual(parseFitWebviewMessage({ type: 'fitInsert', extra: '<script>' }), { type: 'fitInsert' });
      assert.equal(parseFitWebviewMessage({ type: 'fitRendered', charts: [{ id: '<b>', marks: 1, digest: '' }] }), undefined);
      assert.equal(parseFitWebviewMessage({ type: 'fitRendered', charts: [{ id: 'iso-loss', marks: -1, digest: '' }] }), undefined);
      assert.deepEqual(parseFitWebviewMessage({ type: 'fitRendered', charts: [{ id: 'iso-loss', marks: 12, digest: 'ab' }] }), {
        type: 'fitRendered',
        charts: [{ id: 'iso-loss', marks: 12, digest: 'ab' }],
      });
      assert.equal(parseFitWebviewMessage({ type: 'insert' }), undefined);
      assert.equal(parseFitWebviewMessage('fitInsert'), undefined);
    });
  });
});
