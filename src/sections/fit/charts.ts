// Vega-Lite specs of a fitted scaling law, built from a FitResult alone (pure): the data
// with the fitted curves, loss against compute with the compute-optimal envelope,
// iso-loss contours in the (N, D) plane, the residuals, and the compute-optimal
// frontier N_opt(C), D_opt(C). A power-law result gets the data with both power laws
// and the residuals. Every dataset is named (FIT_DATASETS) so tests can read it back.
// What follows the user's numbers (scale domains, tick values, legend entries) is a
// Vega-Lite param (FIT_SIGNALS) and the texts that quote them live in the title (shown
// by the page as HTML) or in data rows: the compiled shape of a chart depends only on
// the fit's form, its x variable and columns, the language, the theme kind and the
// width, so the build compiles it once (scripts/precompileCharts.ts) for every data set.
import { computeOptimal } from '../../engine/laws/allocation';
import { chinchillaLoss, type ChinchillaParams } from '../../engine/laws/powerLaws';
import { powerLawValue } from '../../engine/fit/power';
import { formatCount, formatNumber } from '../../engine/format';
import { decadesWithin, makeChart, POWER_OF_TEN_LABEL_EXPR, tr, type ChartFrame } from '../chartKit';
import type { Bilingual, ChartContext, ChartSpec, Lang } from '../types';
import { fitRows, type FitRow } from './model';
import { formatValue, powerFormulas, sourceText } from './report';
import { powerX, type ChinchillaFitResult, type FitResult, type FitX, type PowerFitResult } from './result';

type Json = Record<string, unknown>;

const WIDTH = 480;
const HEIGHT = 290;

export const FIT_CHART_IDS = {
  curves: 'fit-curves',
  compute: 'loss-vs-compute',
  contours: 'iso-loss',
  residuals: 'residuals',
  frontier: 'frontier',
  power: 'power-fit',
} as const;

/** The name of the fit panel's table of charts compiled at build time (dist/charts/fit.<lang>[.n<step>].js). */
export const FIT_CHART_TABLE = 'fit';

/** Names of the inline datasets, as they appear in the rendered Vega view. */
export const FIT_DATASETS = {
  points: 'fit_points',
  curves: 'fit_curves',
  envelope: 'fit_envelope',
  contours: 'fit_contours',
  contourLabels: 'fit_contour_labels',
  frontier: 'fit_frontier',
  runs: 'fit_runs',
} as const;

/** Names of the params (Vega signals) that carry what follows the data; each chart declares those it uses. */
export const FIT_SIGNALS = {
  xDomain: 'fit_x_domain',
  xTicks: 'fit_x_ticks',
  yDomain: 'fit_y_domain',
  yTicks: 'fit_y_ticks',
  colorDomain: 'fit_color_domain',
} as const;

/** The most curves the loss-against-N chart draws (dataLevels) and contour levels the iso-loss chart draws (contourLevels). */
const MAX_CURVES = 5;
const MAX_CONTOURS = 6;

// ---- numeric helpers (exported for the tests) -----------------------------------------

/** [min/pad, max·pad] of positive values. */
function logExtent(values: readonly number[], pad: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!(lo <= hi)) return [1, 10];
  if (lo === hi) return [lo / (pad * 2), hi * pad * 2];
  return [lo / pad, hi * pad];
}

/** `count` values evenly spaced in log between lo and hi (both included). */
function logGrid(lo: number, hi: number, count: number): number[] {
  const a = Math.log(lo);
  const b = Math.log(hi);
  if (count <= 1) return [lo];
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? hi : Math.exp(a + ((b - a) * i) / (count - 1))));
}

function roundSignificant(v: number, digits: number): number {
  return Number(v.toPrecision(digits));
}

/**
 * The D values to draw loss-vs-N curves at: the distinct values when the runs use a
 * handful of data sizes, else four quantiles of log D, rounded to two digits.
 */
export function dataLevels(values: readonly number[], maxDistinct = 5): number[] {
  const distinct = [...new Set(values.map((v) => roundSignificant(v, 3)))].sort((a, b) => a - b);
  if (distinct.length <= maxDistinct) return distinct;
  const logs = values.map((v) => Math.log(v)).sort((a, b) => a - b);
  const at = (q: number): number => {
    const h = (logs.length - 1) * q;
    const i = Math.floor(h);
    const j = Math.min(i + 1, logs.length - 1);
    return logs[i] + (h - i) * (logs[j] - logs[i]);
  };
  return [...new Set([0.05, 0.35, 0.65, 0.95].map((q) => roundSignificant(Math.exp(at(q)), 2)))].sort((a, b) => a - b);
}

/** Index of the level nearest to v in log space. */
function nearestLevel(levels: readonly number[], v: number): number {
  let best = 0;
  for (let k = 1; k < levels.length; k++) {
    if (Math.abs(Math.log(v / levels[k])) < Math.abs(Math.log(v / levels[best]))) best = k;
  }
  return best;
}

function positiveLaw(p: ChinchillaParams): boolean {
  return p.alpha > 0 && p.beta > 0 && p.A > 0 && p.B > 0 && Number.isFinite(p.E);
}

/**
 * Loss levels for contours: `count` values strictly inside the loss range of the box,
 * evenly spaced in log(L − E) (so the low-loss corner, where the runs that matter sit,
 * gets as many contours as the high-loss one), rounded to a common number of decimals.
 */
export function contourLevels(p: ChinchillaParams, n: [number, number], d: [number, number], count = 6): { level: number; label: string }[] {
  const hi = chinchillaLoss(n[0], d[0], p);
  const lo = chinchillaLoss(n[1], d[1], p);
  if (!(hi > lo && lo > p.E)) return [];
  const a = Math.log(lo - p.E);
  const b = Math.log(hi - p.E);
  const raw = Array.from({ length: count }, (_, k) => p.E + Math.exp(a + ((b - a) * (k + 1)) / (count + 1)));
  const gap = Math.min(...raw.slice(1).map((v, k) => v - raw[k]), hi - lo);
  const decimals = Math.min(8, Math.max(2, Math.ceil(-Math.log10(gap)) + 1));
  const seen = new Set<string>();
  const out: { level: number; label: string }[] = [];
  for (const v of raw) {
    const label = v.toFixed(decimals);
    const level = Number(label);
    if (seen.has(label) || !(level > lo && level < hi)) continue;
    seen.add(label);
    out.push({ level, label });
  }
  return out;
}

export interface IsoLossPoint {
  level: number;
  N: number;
  D: number;
  /** Position along the curve (for the line's order). */
  i: number;
}

/**
 * The curve A/N^α + B/D^β = level − E inside the box, solved for D at log-spaced N:
 * it starts where it enters through the top (D = D_hi) or the left edge and ends where
 * it leaves through the bottom (D = D_lo) or the right edge.
 */
export function isoLossCurve(p: ChinchillaParams, level: number, n: [number, number], d: [number, number], count = 60): IsoLossPoint[] {
  const r = level - p.E;
  const top = r - p.B / Math.pow(d[1], p.beta);
  if (!(top > 0)) return [];
  const bottom = r - p.B / Math.pow(d[0], p.beta);
  const nLeft = Math.max(n[0], Math.pow(p.A / top, 1 / p.alpha));
  const nRight = bottom > 0 ? Math.min(n[1], Math.pow(p.A / bottom, 1 / p.alpha)) : n[1];
  if (!(nLeft < nRight)) return [];
  const out: IsoLossPoint[] = [];
  logGrid(nLeft, nRight, count).forEach((N) => {
    const rest = r - p.A / Math.pow(N, p.alpha);
    if (!(rest > 0)) return;
    const D = Math.pow(p.B / rest, 1 / p.beta);
    // Rounding can step a hair outside the box at the ends.
    out.push({ level, N, D: Math.min(d[1], Math.max(d[0], D)), i: out.length });
  });
  return out;
}

// ---- shared pieces -----------------------------------------------------------------

/**
 * The ticks of a log axis over [lo, hi] (the value of its ticks signal): the powers of
 * ten when it spans two decades or more (labelled 10⁶, 10⁷ …), else null (Vega's own
 * four ticks, in e-notation).
 */
function logTicks(lo: number, hi: number): number[] | null {
  const ticks = decadesWithin(lo, hi);
  return ticks.length >= 2 ? ticks : null;
}

/** The domain and tick signals of a chart whose x and y are both log axes (logTicks). */
function logLogSignals(x: readonly [number, number], y: readonly [number, number]): Record<string, unknown> {
  return {
    [FIT_SIGNALS.xDomain]: x,
    [FIT_SIGNALS.xTicks]: logTicks(x[0], x[1]),
    [FIT_SIGNALS.yDomain]: y,
    [FIT_SIGNALS.yTicks]: logTicks(y[0], y[1]),
  };
}

/**
 * A log axis whose ticks are the signal `ticks` (logTicks): one axis for both styles,
 * so the data decides the style without changing the chart's shape. Explicit values
 * are all drawn (the tick count is their number), null ones leave Vega four ticks.
 */
function logAxis(title: string, ticks: string): Json {
  return {
    title,
    values: { expr: ticks },
    tickCount: { expr: `${ticks} ? length(${ticks}) : 4` },
    // Vega's own labels of a log scale's ticks (some left blank) in e-notation; the axis format also formats the marks' aria labels.
    format: '.2~e',
    labelExpr: `${ticks} ? ${POWER_OF_TEN_LABEL_EXPR} : datum.label`,
    grid: true,
  };
}

function logScale(domain: string): Json {
  return { type: 'log', domain: { expr: domain }, nice: false };
}

/** The domain of a linear loss axis: the values and `extra`, padded by 6 % of their span. */
function linearLossDomain(values: readonly number[], extra: readonly number[] = []): [number, number] {
  const all = [...values, ...extra].filter((v) => Number.isFinite(v));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.05 || 0.1;
  return [lo - pad, hi + pad];
}

function linearScale(domain: string): Json {
  return { domain: { expr: domain }, nice: false, zero: false };
}

const T = {
  N: { en: 'Model parameters N', zh: '模型参数量 N' },
  D: { en: 'Training tokens D', zh: '训练词元数 D' },
  C: { en: 'Training compute C = 6ND (FLOP)', zh: '训练计算量 C = 6ND（FLOP）' },
  Cgiven: { en: 'Training compute C (FLOP)', zh: '训练计算量 C（FLOP）' },
  loss: { en: 'Loss L', zh: '损失 L' },
  row: { en: 'Row', zh: '行' },
  fitted: { en: 'Fitted L̂', zh: '拟合值 L̂' },
  residual: { en: 'ln L − ln L̂ (%)', zh: 'ln L − ln L̂（%）' },
  data: { en: 'Data', zh: '数据' },
} satisfies Record<string, Bilingual>;

function axisTitle(x: FitX, result: FitResult, lang: Lang): string {
  if (x === 'C') return tr(result.derived.C ? T.C : T.Cgiven, lang);
  return tr(T[x], lang);
}

interface PointRow {
  row: number;
  N: number | null;
  D: number | null;
  C: number | null;
  loss: number;
  fitted: number;
  residualPct: number;
  NText: string;
  DText: string;
  CText: string;
}

function pointRows(rows: FitRow[], lang: Lang): PointRow[] {
  return rows.map((r) => ({
    row: r.row,
    N: r.N,
    D: r.D,
    C: r.C,
    loss: r.loss,
    fitted: r.fitted,
    residualPct: 100 * r.residual,
    NText: r.N === null ? '' : formatCount(r.N, lang),
    DText: r.D === null ? '' : formatCount(r.D, lang),
    CText: r.C === null ? '' : formatNumber(r.C),
  }));
}

function tooltip(result: FitResult, lang: Lang): Json[] {
  const t: Json[] = [{ field: 'row', type: 'quantitative', title: tr(T.row, lang) }];
  if (result.data.N) t.push({ field: 'NText', type: 'nominal', title: 'N' });
  if (result.data.D) t.push({ field: 'DText', type: 'nominal', title: 'D' });
  if (result.data.C) t.push({ field: 'CText', type: 'nominal', title: 'C' });
  t.push(
    { field: 'loss', type: 'quantitative', title: 'L', format: '.4~f' },
    { field: 'fitted', type: 'quantitative', title: tr(T.fitted, lang), format: '.4~f' },
    { field: 'residualPct', type: 'quantitative', title: tr(T.residual, lang), format: '.3~f' },
  );
  return t;
}

function frame(id: string, title: Bilingual, description: Bilingual, signals: Record<string, unknown>): ChartFrame {
  return { id, title, description, width: WIDTH, height: HEIGHT, signals };
}

function fitSubtitle(result: FitResult, lang: Lang): string {
  const n = result.data.loss.length;
  return lang === 'zh' ? `${n} 行，${sourceText(result.source, lang)}` : `${n} rows, ${sourceText(result.source, lang)}`;
}

function chinchillaLine(p: ChinchillaParams): string {
  return `L = ${formatValue(p.E)} + ${formatValue(p.A)}/N^${formatValue(p.alpha)} + ${formatValue(p.B)}/D^${formatValue(p.beta)}`;
}

// ---- Chinchilla charts -----------------------------------------------------------------

function curvesChart(result: ChinchillaFitResult, rows: FitRow[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const p = result.params;
  const N = result.data.N as number[];
  const D = result.data.D as number[];
  const levels = dataLevels(D);
  const labels = levels.map((l) => `D = ${formatCount(l, lang)}`);
  const nDomain = logExtent(N, 1.5);
  const grid = logGrid(nDomain[0], nDomain[1], 80);
  const curves = levels.flatMap((Dk, k) => grid.map((n) => ({ N: n, D: Dk, loss: chinchillaLoss(n, Dk, p), series: labels[k] })));
  const points = pointRows(rows, lang).map((r, i) => ({ ...r, series: labels[nearestLevel(levels, D[i])] }));
  const y = { field: 'loss', type: 'quantitative', scale: linearScale(FIT_SIGNALS.yDomain), axis: { title: tr(T.loss, lang) } };
  const x = { field: 'N', type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(tr(T.N, lang), FIT_SIGNALS.xTicks) };
  // The curves' labels are the colour domain (a signal); the range has a colour for the most curves there can be.
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: { expr: FIT_SIGNALS.colorDomain }, range: theme.palette.slice(0, MAX_CURVES) },
    legend: { title: tr({ en: 'Curve at / nearest D', zh: '曲线的 D（或最近的 D）' }, lang), labelLimit: 200 },
  };
  const floorLabel = lang === 'zh' ? `E = ${formatValue(p.E)}（不可约损失）` : `E = ${formatValue(p.E)} (irreducible loss)`;
  const title = { en: 'Data and fitted curves: loss against model size', zh: '数据与拟合曲线：损失随模型规模的变化' };
  return makeChart(
    frame(
      FIT_CHART_IDS.curves,
      title,
      {
        en: `Each run's loss against its model size N (points, coloured by the nearest data size D), and the fitted ${chinchillaLine(p)} at ${levels.length} data sizes (lines); the dashed rule is the fitted floor E.`,
        zh: `每次训练的损失随模型规模 N 的变化（点，按最接近的数据量 D 着色），以及拟合的 ${chinchillaLine(p)} 在 ${levels.length} 个数据量下的曲线（线）；虚线为拟合的下限 E。`,
      },
      {
        [FIT_SIGNALS.xDomain]: nDomain,
        [FIT_SIGNALS.xTicks]: logTicks(nDomain[0], nDomain[1]),
        [FIT_SIGNALS.yDomain]: linearLossDomain(result.data.loss, [p.E]),
        [FIT_SIGNALS.colorDomain]: labels,
      },
    ),
    ctx,
    {
      title: { text: tr(title, lang), subtitle: [chinchillaLine(p), fitSubtitle(result, lang)] },
      layer: [
        {
          data: { values: [{ loss: p.E, label: floorLabel }] },
          mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: theme.muted },
          encoding: { y, tooltip: { field: 'label', type: 'nominal' } },
        },
        {
          data: { values: [{ loss: p.E, label: floorLabel }] },
          mark: { type: 'text', align: 'left', baseline: 'bottom', x: 6, dy: -3, fontSize: 11, color: theme.muted },
          encoding: { y, text: { field: 'label' } },
        },
        {
          data: { name: FIT_DATASETS.curves, values: curves },
          mark: { type: 'line', strokeWidth: 2, clip: true },
          encoding: { x, y, color, detail: { field: 'series' } },
        },
        {
          data: { name: FIT_DATASETS.points, values: points },
          mark: { type: 'point', filled: true, size: 40, opacity: 0.85, stroke: theme.background, strokeWidth: 0.5 },
          encoding: { x, y, color, tooltip: tooltip(result, lang) },
        },
      ],
    },
  );
}

function computeChart(result: ChinchillaFitResult, rows: FitRow[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const p = result.params;
  const C = result.data.C as number[];
  const cDomain = logExtent(C, 2);
  const positive = positiveLaw(p);
  const envelope = positive
    ? logGrid(cDomain[0], cDomain[1], 80).map((c) => {
        const o = computeOptimal(c, p);
        return { C: c, loss: o.loss, N: o.params, D: o.tokens };
      })
    : [];
  const points = pointRows(rows, lang);
  const inRange = envelope.filter((e) => e.C >= Math.min(...C) && e.C <= Math.max(...C)).map((e) => e.loss);
  const y = { field: 'loss', type: 'quantitative', scale: linearScale(FIT_SIGNALS.yDomain), axis: { title: tr(T.loss, lang) } };
  const x = { field: 'C', type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(tr(T.C, lang), FIT_SIGNALS.xTicks) };
  const nDomain = logExtent(result.data.N as number[], 1);
  const title = { en: 'Loss against compute, with the compute-optimal envelope', zh: '损失随计算量的变化与计算最优包络' };
  const envelopeLabel = lang === 'zh' ? '计算最优损失 L(N_opt, D_opt)' : 'Compute-optimal loss L(N_opt, D_opt)';
  const layers: Json[] = [
    {
      data: { name: FIT_DATASETS.points, values: points },
      mark: { type: 'point', filled: true, size: 40, opacity: 0.85 },
      encoding: {
        x,
        y,
        color: {
          field: 'N',
          type: 'quantitative',
          scale: { type: 'log', scheme: 'viridis', domain: { expr: FIT_SIGNALS.colorDomain } },
          legend: { title: tr({ en: 'Model size N', zh: '模型规模 N' }, lang), format: '.1~e' },
        },
        tooltip: tooltip(result, lang),
      },
    },
  ];
  if (envelope.length > 0) {
    layers.unshift(
      {
        data: { name: FIT_DATASETS.envelope, values: envelope },
        mark: { type: 'line', strokeWidth: 2.5, color: theme.accent, clip: true },
        encoding: { x, y },
      },
      {
        data: { values: [envelope[Math.floor(envelope.length * 0.9)]] },
        mark: { type: 'text', align: 'right', baseline: 'top', dy: 10, fontSize: 11, color: theme.accent },
        encoding: { x, y, text: { value: envelopeLabel } },
      },
    );
  }
  return makeChart(
    frame(
      FIT_CHART_IDS.compute,
      title,
      {
        en: "Each run's loss against its training compute C = 6ND (points, coloured by model size), and the lowest loss the fitted law allows at each compute budget (line): runs on the line used their compute optimally.",
        zh: '每次训练的损失随训练计算量 C = 6ND 的变化（点，按模型规模着色），以及拟合定律在每个计算预算下可达的最低损失（线）：落在线上的训练最优地使用了计算量。',
      },
      {
        [FIT_SIGNALS.xDomain]: cDomain,
        [FIT_SIGNALS.xTicks]: logTicks(cDomain[0], cDomain[1]),
        [FIT_SIGNALS.yDomain]: linearLossDomain(result.data.loss, inRange),
        [FIT_SIGNALS.colorDomain]: nDomain,
      },
    ),
    ctx,
    { title: { text: tr(title, lang), subtitle: fitSubtitle(result, lang) }, layer: layers },
  );
}

function contourChart(result: ChinchillaFitResult, rows: FitRow[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const p = result.params;
  const nDomain = logExtent(result.data.N as number[], 3);
  const dDomain = logExtent(result.data.D as number[], 3);
  const positive = positiveLaw(p);
  const levels = positive ? contourLevels(p, nDomain, dDomain) : [];
  const labels = levels.map((l) => `L = ${l.label}`);
  const contours = levels.flatMap((l, k) => isoLossCurve(p, l.level, nDomain, dDomain).map((pt) => ({ ...pt, label: labels[k] })));
  const contourLabels = levels.flatMap((l, k) => {
    const curve = contours.filter((c) => c.level === l.level);
    if (curve.length === 0) return [];
    const mid = curve[Math.floor(curve.length / 2)];
    return [{ N: mid.N, D: mid.D, label: labels[k] }];
  });
  // The frontier is parameterised by C; keep the part inside the box.
  const cLo = 6 * nDomain[0] * dDomain[0];
  const cHi = 6 * nDomain[1] * dDomain[1];
  const frontier = positive
    ? logGrid(cLo, cHi, 120)
        .map((c, i) => {
          const o = computeOptimal(c, p);
          return { C: c, N: o.params, D: o.tokens, i };
        })
        .filter((f) => f.N >= nDomain[0] && f.N <= nDomain[1] && f.D >= dDomain[0] && f.D <= dDomain[1])
        .map(({ C, N, D, i }) => ({ C, N, D, i }))
    : [];
  const x = { field: 'N', type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(tr(T.N, lang), FIT_SIGNALS.xTicks) };
  const y = { field: 'D', type: 'quantitative', scale: logScale(FIT_SIGNALS.yDomain), axis: logAxis(tr(T.D, lang), FIT_SIGNALS.yTicks) };
  const color = {
    field: 'label',
    type: 'nominal',
    scale: { domain: { expr: FIT_SIGNALS.colorDomain }, range: theme.palette.slice(0, MAX_CONTOURS) },
    legend: { title: tr({ en: 'Iso-loss', zh: '等损失线' }, lang) },
  };
  const title = { en: 'Iso-loss contours in the (N, D) plane', zh: '(N, D) 平面上的等损失线' };
  const layers: Json[] = [
    {
      data: { name: FIT_DATASETS.contours, values: contours },
      mark: { type: 'line', strokeWidth: 1.8, clip: true },
      encoding: { x, y, color, detail: { field: 'label' }, order: { field: 'i', type: 'quantitative' } },
    },
    {
      data: { name: FIT_DATASETS.contourLabels, values: contourLabels },
      mark: { type: 'text', fontSize: 10, dy: -7, fontWeight: 'bold' },
      encoding: { x, y, text: { field: 'label' }, color },
    },
    {
      data: { name: FIT_DATASETS.points, values: pointRows(rows, lang) },
      mark: { type: 'point', filled: true, size: 30, opacity: 0.8, color: theme.foreground },
      encoding: { x, y, tooltip: tooltip(result, lang) },
    },
  ];
  if (positive) {
    // Drawn when the box holds two frontier points or more; the layers stay (empty) so the shape does not depend on it.
    const drawn = frontier.length > 1 ? frontier : [];
    const last = drawn.length > 0 ? [drawn[Math.floor(drawn.length * 0.85)]] : [];
    layers.push(
      {
        data: { name: FIT_DATASETS.frontier, values: drawn },
        mark: { type: 'line', strokeWidth: 2.5, strokeDash: [7, 4], color: theme.accent, clip: true },
        encoding: { x, y, order: { field: 'i', type: 'quantitative' } },
      },
      {
        data: { values: last },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -4, fontSize: 11, color: theme.accent },
        encoding: { x, y, text: { value: lang === 'zh' ? '计算最优前沿' : 'compute-optimal frontier' } },
      },
    );
  }
  if (!positive) {
    layers.push({
      data: { values: [{}] },
      mark: { type: 'text', x: WIDTH / 2, y: 16, fontSize: 12, color: theme.accent },
      encoding: {
        text: { value: lang === 'zh' ? '拟合的指数或系数不为正，无法画出等损失线。' : 'The fitted exponents or coefficients are not positive: no contours.' },
      },
    });
  }
  return makeChart(
    frame(
      FIT_CHART_IDS.contours,
      title,
      {
        en: 'Curves of equal fitted loss over model size N and training tokens D, the runs (points), and the compute-optimal frontier (dashed): the (N, D) that reaches each loss with the least compute C = 6ND.',
        zh: '拟合损失在模型规模 N 与训练词元数 D 上的等值线、各次训练（点），以及计算最优前沿（虚线）：以最少计算量 C = 6ND 达到各损失的 (N, D)。',
      },
      {
        ...logLogSignals(nDomain, dDomain),
        [FIT_SIGNALS.colorDomain]: labels.length > 0 ? labels : ['-'],
      },
    ),
    ctx,
    { title: { text: tr(title, lang), subtitle: chinchillaLine(p) }, layer: layers },
  );
}

function residualChart(result: FitResult, rows: FitRow[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const xVar: FitX = result.form === 'power' ? result.x : 'C';
  const xs = result.data[xVar] as number[];
  const domain = logExtent(xs, 1.5);
  const points = pointRows(rows, lang);
  const values = points.map((r) => r.residualPct);
  const span = Math.max(1e-6, ...values.map((v) => Math.abs(v))) * 1.15;
  const x = { field: xVar, type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(axisTitle(xVar, result, lang), FIT_SIGNALS.xTicks) };
  const y = {
    field: 'residualPct',
    type: 'quantitative',
    scale: { domain: { expr: FIT_SIGNALS.yDomain }, nice: false },
    axis: { title: tr(T.residual, lang) },
  };
  const rms = Math.sqrt(values.reduce((s, v) => s + v * v, 0) / Math.max(1, values.length));
  const title = { en: 'Residuals of the fit', zh: '拟合残差' };
  return makeChart(
    frame(
      FIT_CHART_IDS.residuals,
      title,
      {
        en:
          'ln L − ln L̂ for each run, in percent (about the relative error of the fit), against ' +
          (xVar === 'C' ? 'training compute' : xVar === 'N' ? 'model size' : 'training tokens') +
          '; the fit minimises these (a Huber loss for the Chinchilla form).',
        zh:
          '每次训练的 ln L − ln L̂（百分数，约等于拟合的相对误差），横轴为' +
          (xVar === 'C' ? '训练计算量' : xVar === 'N' ? '模型规模' : '训练词元数') +
          '；拟合即最小化这些残差（Chinchilla 形式用 Huber 损失）。',
      },
      {
        [FIT_SIGNALS.xDomain]: domain,
        [FIT_SIGNALS.xTicks]: logTicks(domain[0], domain[1]),
        [FIT_SIGNALS.yDomain]: [-span, span],
      },
    ),
    ctx,
    {
      title: {
        text: tr(title, lang),
        subtitle: lang === 'zh' ? `均方根 ${formatValue(rms, 3)}%，${fitSubtitle(result, lang)}` : `RMS ${formatValue(rms, 3)}%, ${fitSubtitle(result, lang)}`,
      },
      layer: [
        { data: { values: [{ residualPct: 0 }] }, mark: { type: 'rule', color: theme.muted, strokeWidth: 1.2 }, encoding: { y } },
        {
          data: { name: FIT_DATASETS.points, values: points },
          mark: { type: 'point', filled: true, size: 40, opacity: 0.85, color: theme.palette[0] },
          encoding: { x, y, tooltip: tooltip(result, lang) },
        },
      ],
    },
  );
}

function frontierChart(result: ChinchillaFitResult, ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const p = result.params;
  const C = result.data.C as number[];
  const [cMin, cMax] = logExtent(C, 1);
  const domain: [number, number] = [cMin / 10, cMax * 1000];
  const positive = positiveLaw(p);
  const nLabel = lang === 'zh' ? 'N_opt（参数量）' : 'N_opt (parameters)';
  const dLabel = lang === 'zh' ? 'D_opt（词元数）' : 'D_opt (tokens)';
  const series = [nLabel, dLabel];
  const frontier = positive
    ? logGrid(domain[0], domain[1], 90).flatMap((c) => {
        const o = computeOptimal(c, p);
        return [
          { C: c, value: o.params, series: nLabel, ratio: o.tokensPerParam, loss: o.loss },
          { C: c, value: o.tokens, series: dLabel, ratio: o.tokensPerParam, loss: o.loss },
        ];
      })
    : [];
  const N = result.data.N as number[];
  const D = result.data.D as number[];
  const runs = C.flatMap((c, i) => [
    { C: c, value: N[i], series: nLabel, row: result.data.rows[i] },
    { C: c, value: D[i], series: dLabel, row: result.data.rows[i] },
  ]);
  const yValues = [...frontier.map((f) => f.value), ...runs.map((r) => r.value)];
  const yDomain = logExtent(yValues, 1.5);
  const x = { field: 'C', type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(tr(T.C, lang), FIT_SIGNALS.xTicks) };
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: logScale(FIT_SIGNALS.yDomain),
    axis: logAxis(tr({ en: 'Parameters / tokens', zh: '参数量 / 词元数' }, lang), FIT_SIGNALS.yTicks),
  };
  const color = {
    field: 'series',
    type: 'nominal',
    sort: series,
    scale: { domain: series, range: [theme.palette[0], theme.palette[1]] },
    legend: { title: null, labelLimit: 220 },
  };
  const s = p.alpha + p.beta;
  const at = Math.pow(10, Math.round(Math.log10(Math.sqrt(domain[0] * domain[1]))));
  const o = positive ? computeOptimal(at, p) : null;
  const subtitle = positive
    ? [
        `N_opt ∝ C^${formatValue(p.beta / s, 3)}, D_opt ∝ C^${formatValue(p.alpha / s, 3)}` + (lang === 'zh' ? '（C = 6ND）' : ' (C = 6ND)'),
        o
          ? lang === 'zh'
            ? `C = ${formatNumber(at)}：N = ${formatCount(o.params, lang)}，D = ${formatCount(o.tokens, lang)}，D/N = ${formatValue(o.tokensPerParam, 3)}，L = ${formatValue(o.loss)}`
            : `At C = ${formatNumber(at)}: N = ${formatCount(o.params, lang)}, D = ${formatCount(o.tokens, lang)}, D/N = ${formatValue(o.tokensPerParam, 3)}, L = ${formatValue(o.loss)}`
          : '',
      ]
    : [lang === 'zh' ? '拟合的指数或系数不为正，没有计算最优前沿。' : 'The fitted exponents or coefficients are not positive: no compute-optimal frontier.'];
  const title = { en: 'Compute-optimal frontier N_opt(C), D_opt(C)', zh: '计算最优前沿 N_opt(C)、D_opt(C)' };
  return makeChart(
    frame(
      FIT_CHART_IDS.frontier,
      title,
      {
        en: "The model size and token count that minimise the fitted loss for each compute budget C = 6ND (lines, extrapolated beyond the data), with the runs' own N and D (points).",
        zh: '在每个计算预算 C = 6ND 下使拟合损失最小的模型规模与词元数（线，超出数据范围为外推），以及各次训练自身的 N 与 D（点）。',
      },
      {
        ...logLogSignals(domain, yDomain),
      },
    ),
    ctx,
    {
      title: { text: tr(title, lang), subtitle },
      layer: [
        {
          data: { values: [{ C: cMin, C2: cMax }] },
          mark: { type: 'rect', opacity: 0.08, color: theme.foreground },
          encoding: { x: { ...x, field: 'C' }, x2: { field: 'C2' } },
        },
        {
          data: { name: FIT_DATASETS.frontier, values: frontier },
          mark: { type: 'line', strokeWidth: 2.5, clip: true },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'C', type: 'quantitative', title: 'C', format: '.2e' },
              { field: 'value', type: 'quantitative', title: lang === 'zh' ? '数值' : 'Value', format: '.3~s' },
              { field: 'ratio', type: 'quantitative', title: 'D/N', format: '.3~f' },
              { field: 'loss', type: 'quantitative', title: 'L', format: '.4~f' },
            ],
          },
        },
        {
          data: { name: FIT_DATASETS.runs, values: runs },
          mark: { type: 'point', size: 22, opacity: 0.45, filled: false },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'row', type: 'quantitative', title: tr(T.row, lang) },
              { field: 'value', type: 'quantitative', format: '.3~s', title: lang === 'zh' ? '数值' : 'Value' },
            ],
          },
        },
      ],
    },
  );
}

// ---- power-law charts ------------------------------------------------------------------

function powerChart(result: PowerFitResult, rows: FitRow[], ctx: ChartContext): ChartSpec {
  const { lang, theme } = ctx;
  const xs = powerX(result);
  const domain = logExtent(xs, 1.5);
  const f = powerFormulas(result.x);
  const pureLabel = `${f.pure}, α = ${formatValue(result.pure.alpha, 3)}`;
  const floorLabel = result.floor ? `${f.floor}, E = ${formatValue(result.floor.E, 3)}, α = ${formatValue(result.floor.alpha, 3)}` : '';
  const series = result.floor ? [floorLabel, pureLabel] : [pureLabel];
  const grid = logGrid(domain[0], domain[1], 80);
  const floor = result.floor;
  const curves = [
    ...(floor ? grid.map((x) => ({ x, loss: powerLawValue(floor, x), series: floorLabel })) : []),
    ...grid.map((x) => ({ x, loss: powerLawValue(result.pure, x), series: pureLabel })),
  ];
  const points = pointRows(rows, lang).map((r, i) => ({ ...r, x: xs[i] }));
  const yDomain = logExtent(
    [...result.data.loss, ...(result.floor ? [result.floor.E] : [])].filter((v) => v > 0),
    1.08,
  );
  const x = { field: 'x', type: 'quantitative', scale: logScale(FIT_SIGNALS.xDomain), axis: logAxis(axisTitle(result.x, result, lang), FIT_SIGNALS.xTicks) };
  const y = { field: 'loss', type: 'quantitative', scale: logScale(FIT_SIGNALS.yDomain), axis: { title: tr(T.loss, lang), format: '.3~g' } };
  // The laws' labels quote the fitted values: the colour domain is a signal (one or two laws, the same two colours).
  const color = {
    field: 'series',
    type: 'nominal',
    scale: { domain: { expr: FIT_SIGNALS.colorDomain }, range: [theme.palette[0], theme.palette[1]] },
    legend: { title: null, orient: 'bottom', labelLimit: 420 },
  };
  const title = { en: 'Data and fitted power laws', zh: '数据与拟合的幂律' };
  // The rule at a positive fitted floor E: an empty layer without one, so the shape does not depend on the fit.
  const layers: Json[] = [
    {
      data: { values: result.floor && result.floor.E > 0 ? [{ loss: result.floor.E }] : [] },
      mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5, color: theme.muted },
      encoding: { y },
    },
    {
      data: { name: FIT_DATASETS.curves, values: curves },
      mark: { type: 'line', strokeWidth: 2.2, clip: true },
      encoding: { x, y, color, detail: { field: 'series' } },
    },
    {
      data: { name: FIT_DATASETS.points, values: points },
      mark: { type: 'point', filled: true, size: 45, opacity: 0.9, color: theme.foreground },
      encoding: { x, y, tooltip: tooltip(result, lang) },
    },
  ];
  return makeChart(
    frame(
      FIT_CHART_IDS.power,
      title,
      {
        en: `The loss of each run against ${result.x === 'C' ? 'training compute' : result.x === 'N' ? 'model size' : 'training tokens'} on log-log axes (points), the pure power law ${f.pure} (a straight line) and, when it fits, the law with an irreducible floor ${f.floor} (dashed rule at E).`,
        zh: `每次训练的损失随${result.x === 'C' ? '训练计算量' : result.x === 'N' ? '模型规模' : '训练词元数'}的变化（双对数坐标，点），纯幂律 ${f.pure}（直线），以及带不可约下限的 ${f.floor}（虚线为 E）。`,
      },
      {
        [FIT_SIGNALS.xDomain]: domain,
        [FIT_SIGNALS.xTicks]: logTicks(domain[0], domain[1]),
        [FIT_SIGNALS.yDomain]: yDomain,
        [FIT_SIGNALS.colorDomain]: series,
      },
    ),
    ctx,
    { title: { text: tr(title, lang), subtitle: fitSubtitle(result, lang) }, layer: layers },
  );
}

/** All charts of a fit, in the order the panel shows them. */
export function fitCharts(result: FitResult, ctx: ChartContext): ChartSpec[] {
  const rows = fitRows(result);
  if (result.form === 'power') return [powerChart(result, rows, ctx), residualChart(result, rows, ctx)];
  return [
    curvesChart(result, rows, ctx),
    contourChart(result, rows, ctx),
    computeChart(result, rows, ctx),
    residualChart(result, rows, ctx),
    frontierChart(result, ctx),
  ];
}
