// The fit panel's charts keep what follows the user's data in params (FIT_SIGNALS) and
// rows: two fits of the same kind on different runs have charts of one shape (one key
// of the build's compiled table, webview/lib/specData.ts) with different signal values.
import * as assert from 'node:assert/strict';
import { COARSE_GRID, FIT_SIGNALS, fitCharts, parseFitInput, runFit, type FitResult } from '../../../src/sections/fit/index';
import { chinchillaLoss } from '../../../src/engine/laws/powerLaws';
import type { Lang } from '../../../src/sections/types';
import { prepareChart } from '../../../webview/lib/prepare';
import { shapeKey } from '../../../webview/lib/specData';
import { tokenTheme } from '../../../webview/lib/themeTokens';

function fit(header: string, rows: number[][]): FitResult {
  const parsed = parseFitInput({ kind: 'csv', text: [header, ...rows.map((r) => r.join(','))].join('\n') });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message.en);
  const out = runFit(parsed.data, parsed.form, {
    source: { kind: 'csv', name: 'runs.csv', firstRow: 2, lastRow: rows.length + 1 },
    grid: COARSE_GRID,
    resamples: 0,
    prescreen: false,
  });
  assert.ok(out.ok, out.ok ? '' : out.message.en);
  return out.result;
}

/** Runs on a grid of N and D (losses of a Chinchilla law with a little deterministic noise). */
function chinchillaRuns(ns: number[], ds: number[], law: { E: number; A: number; B: number; alpha: number; beta: number }): number[][] {
  return ns.flatMap((N, i) => ds.map((D, j) => [N, D, chinchillaLoss(N, D, law) * (1 + 0.01 * Math.sin(7 * i + 3 * j + 1))]));
}

/** Runs of compute and loss of E + (c0/C)^α with a little deterministic noise. */
function powerRuns(from: number, step: number, count: number, E: number, c0: number): number[][] {
  return Array.from({ length: count }, (_, i) => {
    const C = 10 ** (from + i * step);
    return [C, (E + (c0 / C) ** 0.12) * (1 + 0.004 * Math.sin(3.7 * i + 1))];
  });
}

function sameShapes(a: FitResult, b: FitResult, lang: Lang, width: number): void {
  const theme = tokenTheme('light');
  const chartsA = fitCharts(a, { lang, theme, width });
  const chartsB = fitCharts(b, { lang, theme, width });
  assert.deepEqual(
    chartsA.map((c) => c.id),
    chartsB.map((c) => c.id),
  );
  chartsA.forEach((chart, i) => {
    const pa = prepareChart(chart, { width });
    const pb = prepareChart(chartsB[i], { width });
    assert.equal(shapeKey(pa.hoisted.shape), shapeKey(pb.hoisted.shape), `${chart.id} (${lang}, ${width} px): the shape depends on the data`);
    assert.equal(pa.hoisted.shape, pb.hoisted.shape);
    // The data-derived numbers are there, as signal values: the x domain follows each data set.
    assert.notDeepEqual(pa.hoisted.signals[FIT_SIGNALS.xDomain], pb.hoisted.signals[FIT_SIGNALS.xDomain], `${chart.id}: equal x domains`);
    assert.notEqual(JSON.stringify(pa.hoisted.datasets), JSON.stringify(pb.hoisted.datasets), `${chart.id}: equal rows`);
  });
}

describe('fit charts: one shape per kind of fit, whatever the data', () => {
  it('two Chinchilla fits of different runs (12 runs on 4 × 3 sizes; 30 runs on 6 × 5, another law) share every chart shape', () => {
    const a = fit('N,D,loss', chinchillaRuns([7e7, 2.5e8, 1e9, 4e9], [2e9, 2e10, 2e11], { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }));
    const b = fit(
      'N,D,loss',
      chinchillaRuns([1e7, 4e7, 1.6e8, 6.3e8, 2.5e9, 1e10], [1e9, 3.2e9, 1e10, 3.2e10, 1e11], { E: 1.9, A: 300, B: 900, alpha: 0.3, beta: 0.33 }),
    );
    assert.equal(a.form, 'chinchilla');
    assert.equal(b.form, 'chinchilla');
    // The curves' labels (one per data size) differ in number and text: a colour-domain signal.
    const curves = (r: FitResult): unknown =>
      prepareChart(fitCharts(r, { lang: 'en', theme: tokenTheme('light') })[0], { width: 800 }).hoisted.signals[FIT_SIGNALS.colorDomain];
    assert.deepEqual(curves(a), ['D = 2B', 'D = 20B', 'D = 200B']);
    assert.equal((curves(b) as string[]).length, 5);
    for (const lang of ['en', 'zh'] as const) for (const width of [1000, 300]) sameShapes(a, b, lang, width);
  });

  it('two power-law fits of compute (six decades; under two decades, whose axis has no powers of ten to label) share every chart shape', () => {
    const a = fit('Training FLOP,Final Loss', powerRuns(18, 0.5, 12, 1.8, 3e17));
    const b = fit('Training FLOP,Final Loss', powerRuns(20, 0.1, 9, 2.1, 1e19));
    assert.equal(a.form, 'power');
    assert.equal(b.form, 'power');
    const ticks = (r: FitResult): unknown =>
      prepareChart(fitCharts(r, { lang: 'en', theme: tokenTheme('light') })[0], { width: 800 }).hoisted.signals[FIT_SIGNALS.xTicks];
    assert.ok(Array.isArray(ticks(a)) && (ticks(a) as number[]).length >= 5);
    assert.equal(ticks(b), null, 'under two decades: Vega ticks the axis (e-notation)');
    for (const lang of ['en', 'zh'] as const) for (const width of [1000, 300]) sameShapes(a, b, lang, width);
  });
});
