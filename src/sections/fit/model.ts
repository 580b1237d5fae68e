// The one fit pipeline (issue 10): reading the table, choosing the form, the defaults
// and limits, the pre-screened multi-start search, the bootstrap with derived quantities
// and the diagnostics. The CLI (src/cli/fitCommand.ts), the extension command (through
// its worker, src/fitWorker/) and the tests all call these functions, so the same input
// gives the same numbers everywhere; report.ts writes the same sentences for all.
//
// Synchronous and pure (no vscode, node or DOM): the extension runs it in worker
// threads (cancelled by terminating them), the CLI on its own thread. Hooks report
// progress and may cancel between starts and between resamples. The bootstrap splits
// into shares (resample r goes to share r % count) that regenerate the same seeded row
// sets, so two workers give exactly the numbers of one run.
import { gather, percentileSummary, resampleRows } from '../../engine/fit/bootstrap';
import {
  FitCancelled,
  fitChinchilla,
  HOFFMANN_GRID,
  HUBER_DELTA,
  gridStarts,
  prescreenCount,
  SEARCH_SUBSAMPLE,
  type ChinchillaGrid,
} from '../../engine/fit/chinchilla';
import { parseCsv, parseTableRows, type DataError, type FitData, type FitForm, type ParseResult } from '../../engine/fit/data';
import { DEFAULT_BUDGET, DERIVED_KEYS, derivedQuantities, type DerivedKey } from '../../engine/fit/derived';
import { powerVariable } from '../../engine/fit/design';
import { chinchillaJacobian, flagPoints, powerJacobian, rowsToDrop, type DropRule } from '../../engine/fit/diagnostics';
import { findFirstTable, linesOf } from '../../engine/fit/markdownTable';
import { fitPowerLaw, fitPowerLawWithFloor, powerLawValue } from '../../engine/fit/power';
import { chinchillaLoss, type ChinchillaParams } from '../../engine/laws/powerLaws';
import type { Bilingual } from '../types';
import {
  CHINCHILLA_KEYS,
  powerX,
  type ChinchillaFitResult,
  type FitDataColumns,
  type FitDiagnostics,
  type FitEstimate,
  type FitInterval,
  type FitResult,
  type FitSourceInfo,
  type PowerFitResult,
  type PowerFloorSummary,
  type PowerLawSummary,
} from './result';

// ---- reading the table ------------------------------------------------------------

/** Rows to fit: a CSV text, or the cells of a Markdown table (header first). */
export type FitInput = { kind: 'csv'; text: string } | { kind: 'table'; rows: readonly (readonly string[])[]; firstRowNumber: number };

export type FitParse = { ok: true; data: FitData; form: FitForm } | { ok: false; error: DataError };

function parseAs(input: FitInput, form: FitForm): ParseResult {
  return input.kind === 'csv' ? parseCsv(input.text, { form }) : parseTableRows(input.rows, { form, firstRowNumber: input.firstRowNumber });
}

/** A file's text as fit input: the first table of a Markdown file, else CSV; null for a note without a table. */
export function fitInputOfFile(text: string, fileName: string): FitInput | null {
  if (!/\.(md|markdown)$/i.test(fileName)) return { kind: 'csv', text };
  const table = findFirstTable(linesOf(text));
  return table ? { kind: 'table', rows: table.rows, firstRowNumber: table.firstRowNumber } : null;
}

/**
 * Reads the rows with data.ts. Without a forced form: the Chinchilla form when the
 * table has N and D (or C), else a single power law against the column it has. Any
 * other problem (a bad cell, too few rows, no loss column) is reported as it is.
 */
export function parseFitInput(input: FitInput, form?: FitForm): FitParse {
  if (form) {
    const r = parseAs(input, form);
    return r.ok ? { ok: true, data: r.data, form } : r;
  }
  const chinchilla = parseAs(input, 'chinchilla');
  if (chinchilla.ok) return { ok: true, data: chinchilla.data, form: 'chinchilla' };
  if (chinchilla.error.code === 'missing-column' && chinchilla.error.column !== 'loss') {
    const power = parseAs(input, 'power');
    return power.ok ? { ok: true, data: power.data, form: 'power' } : power;
  }
  return chinchilla;
}

// ---- defaults and limits (README "Fitting") ------------------------------------------

/**
 * Default bootstrap resamples: 1,000 keeps the Monte-Carlo error of a 95% percentile
 * endpoint well below its sampling error (Efron & Tibshirani 1993, §19.3, suggest
 * 1,000–2,000 for percentile intervals); Besiroglu et al. 2024 used 4,000.
 */
const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 1;
export const MAX_RESAMPLES = 10_000;
/** Most rows × resamples refitted (Epoch's 240 rows × 4,000 = 960,000 fit within it). */
export const MAX_BOOTSTRAP_WORK = 1_000_000;
/** Rows above which a bootstrap refit starts from the optimum only (see bootstrapShare). */
const LARGE_TABLE = 1000;
/** Most rows dropped by the drop-k diagnostic. */
export const MAX_DROP = 50;

/** A reduced grid (3⁵ = 243 starts) for quick looks and tests. */
export const COARSE_GRID: Readonly<ChinchillaGrid> = Object.freeze({
  alpha: [0, 0.5, 1],
  beta: [0, 0.5, 1],
  e: [-1, 0, 1],
  a: [0, 10, 20],
  b: [0, 10, 20],
});

export interface RunFitOptions {
  source: FitSourceInfo;
  /** Bootstrap resamples (0: no intervals). Default DEFAULT_RESAMPLES, lowered to fit MAX_BOOTSTRAP_WORK. */
  resamples?: number;
  /** Seed of the bootstrap's resampling. Default 1. */
  seed?: number;
  /** Central coverage of the intervals. Default 0.95. */
  confidence?: number;
  /** Grid of starts of the Chinchilla search. Default Hoffmann et al.'s 4,500. */
  grid?: ChinchillaGrid;
  /** Starts L-BFGS runs from after the pre-screen (false: all). Default prescreenCount(rows). */
  prescreen?: number | false;
  /** Compute budget (FLOPs) of N_opt, D_opt and tokens per parameter. Default 5.76e23. */
  budget?: number;
  /** Fit without the k highest-loss (or largest-residual) runs and show how far the estimate moves. */
  drop?: { count: number; rule: DropRule };
}

/** The settings a fit runs with, after defaults and limits. */
export interface FitPlan {
  form: FitForm;
  resamples: number;
  /** Whether the resample count was lowered from the default to stay within MAX_BOOTSTRAP_WORK. */
  resamplesLimited: boolean;
  seed: number;
  confidence: number;
  grid: ChinchillaGrid;
  prescreen: number | false;
  budget: number;
  drop: { count: number; rule: DropRule } | null;
  source: FitSourceInfo;
}

function refuse(en: string, zh: string): { ok: false; message: Bilingual } {
  return { ok: false, message: { en, zh } };
}

/** Applies the defaults and checks the limits; a refusal names the limit. Fast: no fitting. */
export function planFit(data: FitData, form: FitForm, options: RunFitOptions): { ok: true; plan: FitPlan } | { ok: false; message: Bilingual } {
  const rows = data.rows;
  const fitsWork = Math.max(0, Math.floor(MAX_BOOTSTRAP_WORK / Math.max(1, rows)));
  let resamples: number;
  let resamplesLimited = false;
  if (options.resamples === undefined) {
    resamples = Math.min(DEFAULT_RESAMPLES, fitsWork);
    resamplesLimited = resamples < DEFAULT_RESAMPLES;
  } else {
    resamples = options.resamples;
    if (!(Number.isInteger(resamples) && resamples >= 0 && resamples <= MAX_RESAMPLES)) {
      return refuse(
        `bootstrap resamples must be a whole number from 0 to ${MAX_RESAMPLES}, got ${resamples}.`,
        `自助重抽样次数须为 0 到 ${MAX_RESAMPLES} 的整数，收到 ${resamples}。`,
      );
    }
    if (resamples > fitsWork) {
      return refuse(
        `${resamples} bootstrap resamples of ${rows} rows is more than the limit of ${MAX_BOOTSTRAP_WORK.toLocaleString('en-US')} rows × resamples; use at most ${fitsWork}.`,
        `${rows} 行数据做 ${resamples} 次自助重抽样超过了“行数 × 次数”的上限 ${MAX_BOOTSTRAP_WORK.toLocaleString('en-US')}；最多可用 ${fitsWork} 次。`,
      );
    }
  }
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1))
    return refuse(`the confidence must lie between 0 and 1, got ${confidence}.`, `置信水平须在 0 和 1 之间，收到 ${confidence}。`);
  const budget = options.budget ?? DEFAULT_BUDGET;
  if (!(budget > 0 && Number.isFinite(budget)))
    return refuse(`the compute budget must be a positive number of FLOPs, got ${budget}.`, `计算预算须为正的 FLOP 数，收到 ${budget}。`);
  let drop: FitPlan['drop'] = null;
  if (options.drop && options.drop.count > 0) {
    const { count, rule } = options.drop;
    if (!(Number.isInteger(count) && count <= MAX_DROP))
      return refuse(
        `the number of runs to drop must be a whole number up to ${MAX_DROP}, got ${count}.`,
        `剔除的训练数须为不超过 ${MAX_DROP} 的整数，收到 ${count}。`,
      );
    if (rows - count < 5)
      return refuse(`dropping ${count} of ${rows} runs leaves too few to fit.`, `从 ${rows} 次训练中剔除 ${count} 次后，剩下的太少，无法拟合。`);
    drop = { count, rule };
  }
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const prescreen = options.prescreen === false ? false : (options.prescreen ?? prescreenCount(Math.min(rows, SEARCH_SUBSAMPLE)));
  return {
    ok: true,
    plan: { form, resamples, resamplesLimited, seed, confidence, grid: options.grid ?? HOFFMANN_GRID, prescreen, budget, drop, source: options.source },
  };
}

// ---- hooks -----------------------------------------------------------------------------

export type FitStage = 'search' | 'bootstrap';

export interface FitHooks {
  /** Work done so far in the stage, in [0, 1]. */
  progress?(fraction: number, stage: FitStage): void;
  /** Checked between starts and between resamples; true stops the fit. */
  cancelled?(): boolean;
}

export type FitOutcome = { ok: true; result: FitResult } | { ok: false; cancelled: boolean; message: Bilingual };

const CANCELLED: FitOutcome = { ok: false, cancelled: true, message: { en: 'The fit was cancelled.', zh: '拟合已取消。' } };

const NOT_FINITE: Bilingual = {
  en: 'The fit produced parameters that are not finite numbers; the data may not follow this scaling law.',
  zh: '拟合得到的参数不是有限数值；数据可能不符合该尺度定律。',
};

function checkpoint(hooks: FitHooks, fraction: number, stage: FitStage): void {
  if (hooks.cancelled?.()) throw new FitCancelled();
  hooks.progress?.(fraction, stage);
}

// ---- the point fit ---------------------------------------------------------------------

interface ChinchillaPoint {
  form: 'chinchilla';
  params: ChinchillaParams;
  /** [a, b, e, alpha, beta] at the optimum and the grid start that led to it (the resamples' starts). */
  optimum: number[];
  bestStart: number[];
  objective: number;
  starts: number;
  searched: number;
  converged: number;
}

interface PowerPoint {
  form: 'power';
  x: 'N' | 'D' | 'C';
  pure: { x0: number; alpha: number; logCoefficient: number; rSquared: number };
  floor: { E: number; x0: number; alpha: number; logCoefficient: number; rSquared: number; objective: number } | null;
  floorError: Bilingual | null;
}

type Point = ChinchillaPoint | PowerPoint;

/** What the search leaves for the bootstrap and the report: serialisable (a worker posts it). */
export interface PointFit {
  /** The rows fitted (all rows, or those left after the drop-k diagnostic). */
  data: FitData;
  point: Point;
  /** The drop-k diagnostic: the all-rows estimate and which rows went. */
  dropped: FitDiagnostics['dropped'];
  seconds: number;
}

function subset(data: FitData, keep: readonly number[]): FitData {
  const pick = (a: Float64Array | null): Float64Array | null => (a ? Float64Array.from(keep, (i) => a[i]) : null);
  return {
    rows: keep.length,
    N: pick(data.N),
    D: pick(data.D),
    C: pick(data.C),
    loss: Float64Array.from(keep, (i) => data.loss[i]),
    columns: { ...data.columns },
    derived: { ...data.derived },
    sourceRows: Int32Array.from(keep, (i) => data.sourceRows[i]),
  };
}

function searchChinchilla(data: FitData, plan: FitPlan, hooks: FitHooks, stageFrom: number, stageSpan: number): ChinchillaPoint | Bilingual {
  const N = data.N as Float64Array;
  const D = data.D as Float64Array;
  const fit = fitChinchilla(N, D, data.loss, {
    grid: plan.grid,
    prescreen: plan.prescreen === false ? undefined : plan.prescreen,
    subsample: SEARCH_SUBSAMPLE,
    onStart: (done, total) => checkpoint(hooks, stageFrom + (stageSpan * done) / total, 'search'),
  });
  if (gridStarts(plan.grid).length === 0) return { en: 'The grid of starts is empty.', zh: '初值网格为空。' };
  if (!Number.isFinite(fit.objective))
    return { en: 'The fit did not reach a finite objective from any start.', zh: '从所有初值出发，拟合都没有得到有限的目标值。' };
  const p = fit.params;
  if (![p.E, p.A, p.B, p.alpha, p.beta].every(Number.isFinite)) return NOT_FINITE;
  const lp = fit.logParams;
  return {
    form: 'chinchilla',
    params: { E: p.E, A: p.A, B: p.B, alpha: p.alpha, beta: p.beta },
    optimum: [lp.a, lp.b, lp.e, lp.alpha, lp.beta],
    bestStart: fit.bestStart,
    objective: fit.objective,
    starts: fit.starts,
    searched: fit.searched,
    converged: fit.converged,
  };
}

function searchPower(data: FitData): PowerPoint | Bilingual {
  const x = powerVariable(data);
  const xs = data[x] as Float64Array;
  const pure = fitPowerLaw(xs, data.loss);
  if (!pure.ok) return pure.message;
  if (![pure.x0, pure.alpha, pure.logCoefficient, pure.rSquared].every(Number.isFinite)) return NOT_FINITE;
  const floor = fitPowerLawWithFloor(xs, data.loss);
  const floorOk = floor.ok && [floor.E, floor.x0, floor.alpha, floor.logCoefficient, floor.rSquared, floor.objective].every(Number.isFinite);
  return {
    form: 'power',
    x,
    pure: { x0: pure.x0, alpha: pure.alpha, logCoefficient: pure.logCoefficient, rSquared: pure.rSquared },
    floor:
      floor.ok && floorOk
        ? { E: floor.E, x0: floor.x0, alpha: floor.alpha, logCoefficient: floor.logCoefficient, rSquared: floor.rSquared, objective: floor.objective }
        : null,
    floorError: floor.ok ? (floorOk ? null : NOT_FINITE) : floor.message,
  };
}

function search(data: FitData, plan: FitPlan, hooks: FitHooks, from: number, span: number): Point | Bilingual {
  return plan.form === 'chinchilla' ? searchChinchilla(data, plan, hooks, from, span) : searchPower(data);
}

/** The estimate the drop-k diagnostic compares: the law's parameters by name. */
function estimateOf(point: Point): Record<string, number> {
  if (point.form === 'chinchilla') return { ...point.params };
  const f = point.floor;
  return f ? { E: f.E, x0: f.x0, alpha: f.alpha } : { x0: point.pure.x0, alpha: point.pure.alpha };
}

/** ln L − ln L̂ of every row under a point fit. */
function residualsOf(data: FitData, point: Point): number[] {
  return Array.from(data.loss, (l, i) => Math.log(l) - Math.log(pointLoss(data, point, i)));
}

function pointLoss(data: FitData, point: Point, i: number): number {
  if (point.form === 'chinchilla') return chinchillaLoss((data.N as Float64Array)[i], (data.D as Float64Array)[i], point.params);
  const x = (data[point.x] as Float64Array)[i];
  return powerLawValue(point.floor ?? { logCoefficient: point.pure.logCoefficient, alpha: point.pure.alpha }, x);
}

/** The search (and, with `drop`, the all-rows fit it is compared with). Throws FitCancelled via hooks. */
export function fitPoint(
  data: FitData,
  plan: FitPlan,
  hooks: FitHooks = {},
  now: () => number = () => performance.now(),
): { ok: true; fit: PointFit } | { ok: false; message: Bilingual } {
  const t0 = now();
  if (!plan.drop) {
    const point = search(data, plan, hooks, 0, 1);
    if (!('form' in point)) return { ok: false, message: point };
    return { ok: true, fit: { data, point, dropped: null, seconds: (now() - t0) / 1000 } };
  }
  const all = search(data, plan, hooks, 0, 0.5);
  if (!('form' in all)) return { ok: false, message: all };
  const drop = rowsToDrop(plan.drop.count, plan.drop.rule, data.loss, residualsOf(data, all));
  const gone = new Set(drop);
  const keep = Array.from({ length: data.rows }, (_, i) => i).filter((i) => !gone.has(i));
  if (keep.length < 5) return refuse(`dropping these runs leaves ${keep.length}, too few to fit.`, `剔除这些训练后只剩 ${keep.length} 次，无法拟合。`);
  const kept = subset(data, keep);
  const point = search(kept, plan, hooks, 0.5, 0.5);
  if (!('form' in point)) return { ok: false, message: point };
  const dropped = {
    rule: plan.drop.rule,
    count: plan.drop.count,
    rows: drop.map((i) => data.sourceRows[i]),
    losses: drop.map((i) => data.loss[i]),
    allRows: estimateOf(all),
    allRowsCount: data.rows,
  };
  return { ok: true, fit: { data: kept, point, dropped, seconds: (now() - t0) / 1000 } };
}

// ---- the bootstrap -------------------------------------------------------------------------

/** One resample's refit: the values of each group (Chinchilla: params and derived quantities; power: pure, floor), null where it failed. */
export interface BootstrapDraw {
  r: number;
  groups: (Record<string, number> | null)[];
}

/** The resamples of one share (r % share.count === share.index), refitted from the point fit. */
export function bootstrapShare(
  fit: PointFit,
  plan: FitPlan,
  share: { index: number; count: number } = { index: 0, count: 1 },
  hooks: FitHooks = {},
): BootstrapDraw[] {
  const { data, point } = fit;
  const n = data.rows;
  const draws: BootstrapDraw[] = [];
  const mine = Math.ceil(Math.max(0, plan.resamples - share.index) / share.count);
  const report = (): void => checkpoint(hooks, draws.length / Math.max(1, mine), 'bootstrap');
  if (point.form === 'chinchilla') {
    const N = data.N as Float64Array;
    const D = data.D as Float64Array;
    const L = data.loss;
    const bn = new Float64Array(n);
    const bd = new Float64Array(n);
    const bl = new Float64Array(n);
    // bootstrapChinchilla's resample starts: the optimum and the grid start that led to it.
    // Past LARGE_TABLE rows only the optimum: the grid start costs 2× a refit and, on
    // Epoch's data, moves no interval endpoint by more than 1e-3 relative.
    const starts = n > LARGE_TABLE ? [point.optimum] : [point.optimum, point.bestStart];
    resampleRows(
      n,
      plan.resamples,
      plan.seed,
      (r, rows) => {
        const refit = fitChinchilla(gather(N, rows, bn), gather(D, rows, bd), gather(L, rows, bl), { starts });
        const ok = Number.isFinite(refit.objective);
        draws.push({ r, groups: [ok ? { ...refit.params, ...derivedQuantities(refit.params, plan.budget) } : null] });
        report();
      },
      share,
    );
    return draws;
  }
  const xs = data[point.x] as Float64Array;
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  resampleRows(
    n,
    plan.resamples,
    plan.seed,
    (r, rows) => {
      gather(xs, rows, bx);
      gather(data.loss, rows, by);
      const pure = fitPowerLaw(bx, by);
      const floor = point.floor ? fitPowerLawWithFloor(bx, by) : null;
      draws.push({ r, groups: [pure.ok ? { x0: pure.x0, alpha: pure.alpha } : null, floor?.ok ? { E: floor.E, x0: floor.x0, alpha: floor.alpha } : null] });
      report();
    },
    share,
  );
  return draws;
}

// ---- the result ------------------------------------------------------------------------------

function columnsOf(data: FitData): FitDataColumns {
  const arr = (a: Float64Array | null): number[] | null => (a ? Array.from(a) : null);
  return { N: arr(data.N), D: arr(data.D), C: arr(data.C), loss: Array.from(data.loss), rows: Array.from(data.sourceRows) };
}

function intervalsFrom<K extends string>(
  keys: readonly K[],
  draws: readonly (Record<string, number> | null)[],
  confidence: number,
): { intervals: Record<K, FitInterval> | null; resamples: number; failed: number } {
  if (draws.length === 0) return { intervals: null, resamples: 0, failed: 0 };
  const s = percentileSummary(keys, draws as (Record<K, number> | null)[], confidence);
  if (s.resamples === 0) return { intervals: null, resamples: 0, failed: s.failed };
  const out = {} as Record<K, FitInterval>;
  for (const k of keys) {
    const { low, high } = s.intervals[k];
    if (!Number.isFinite(low) || !Number.isFinite(high)) return { intervals: null, resamples: s.resamples, failed: s.failed };
    out[k] = { low, high };
  }
  return { intervals: out, resamples: s.resamples, failed: s.failed };
}

function leverageOf(data: FitData, point: Point): FitDiagnostics['leverage'] {
  const residuals = residualsOf(data, point);
  const jac =
    point.form === 'chinchilla'
      ? chinchillaJacobian(data.N as Float64Array, data.D as Float64Array, point.params)
      : powerJacobian(data[point.x] as Float64Array, point.floor ?? { logCoefficient: point.pure.logCoefficient, alpha: point.pure.alpha });
  const flags = flagPoints(jac, residuals);
  if (!flags) return null;
  return {
    threshold: flags.threshold,
    parameters: jac[0]?.length ?? 0,
    points: flags.flagged.map((f) => ({ row: data.sourceRows[f.index], leverage: f.leverage, residual: f.residual, standardised: f.standardised })),
  };
}

/** Puts the point fit and the bootstrap draws (of every share, in any order) together. */
export function assembleResult(fit: PointFit, plan: FitPlan, draws: readonly BootstrapDraw[], seconds: number): FitResult {
  const sorted = [...draws].sort((a, b) => a.r - b.r);
  const { data, point } = fit;
  const diagnostics: FitDiagnostics = { leverage: leverageOf(data, point), dropped: fit.dropped };
  const base = {
    data: columnsOf(data),
    columns: { ...data.columns },
    derived: { ...data.derived },
    seconds,
    source: plan.source,
    diagnostics,
    resamplesLimited: plan.resamplesLimited,
  };
  const info = (resamples: number, failed: number): ChinchillaFitResult['bootstrap'] =>
    sorted.length > 0 ? { resamples, failed, seed: plan.seed, confidence: plan.confidence } : null;
  if (point.form === 'chinchilla') {
    const g = intervalsFrom(
      [...CHINCHILLA_KEYS, ...DERIVED_KEYS],
      sorted.map((d) => d.groups[0]),
      plan.confidence,
    );
    const values = derivedQuantities(point.params, plan.budget);
    const derivedQuantitiesOut = {} as Record<DerivedKey, FitEstimate>;
    for (const k of DERIVED_KEYS) derivedQuantitiesOut[k] = { value: values[k], interval: g.intervals?.[k] ?? null };
    let intervals: ChinchillaFitResult['intervals'] = null;
    if (g.intervals) {
      const iv = g.intervals;
      intervals = { E: iv.E, A: iv.A, B: iv.B, alpha: iv.alpha, beta: iv.beta };
    }
    const result: ChinchillaFitResult = {
      form: 'chinchilla',
      params: point.params,
      intervals,
      objective: point.objective,
      huberDelta: HUBER_DELTA,
      starts: point.starts,
      searched: point.searched,
      converged: point.converged,
      budget: plan.budget,
      derivedQuantities: derivedQuantitiesOut,
      bootstrap: info(g.resamples, g.failed),
      ...base,
    };
    return result;
  }
  const pure = intervalsFrom(
    ['x0', 'alpha'] as const,
    sorted.map((d) => d.groups[0]),
    plan.confidence,
  );
  const floor = intervalsFrom(
    ['E', 'x0', 'alpha'] as const,
    sorted.map((d) => d.groups[1]),
    plan.confidence,
  );
  const pureSummary: PowerLawSummary = { ...point.pure, intervals: pure.intervals };
  const floorSummary: PowerFloorSummary | null = point.floor ? { ...point.floor, intervals: floor.intervals } : null;
  const result: PowerFitResult = {
    form: 'power',
    x: point.x,
    pure: pureSummary,
    floor: floorSummary,
    floorError: point.floorError,
    bootstrap: info(pure.resamples, pure.failed),
    ...base,
  };
  return result;
}

/**
 * The whole pipeline on one thread: plan, search (with the optional drop-k refit),
 * bootstrap, result. The worker host runs the same steps, the bootstrap in two shares.
 */
export function runFit(data: FitData, form: FitForm, options: RunFitOptions, hooks: FitHooks = {}, now: () => number = () => performance.now()): FitOutcome {
  const t0 = now();
  const planned = planFit(data, form, options);
  if (!planned.ok) return { ok: false, cancelled: false, message: planned.message };
  const plan = planned.plan;
  try {
    const point = fitPoint(data, plan, hooks, now);
    if (!point.ok) return { ok: false, cancelled: false, message: point.message };
    const draws = plan.resamples > 0 ? bootstrapShare(point.fit, plan, { index: 0, count: 1 }, hooks) : [];
    return { ok: true, result: assembleResult(point.fit, plan, draws, (now() - t0) / 1000) };
  } catch (e) {
    if (e instanceof FitCancelled) return CANCELLED;
    throw e;
  }
}

/** The outcome for a cancelled fit (the worker host reports it too). */
export function cancelledOutcome(): FitOutcome {
  return CANCELLED;
}

// ---- reading a result ---------------------------------------------------------------

/** The power law the charts and the report lead with: the floor fit when there is one. */
function primaryPowerFit(result: PowerFitResult): { logCoefficient: number; alpha: number; E: number } {
  return result.floor ?? { logCoefficient: result.pure.logCoefficient, alpha: result.pure.alpha, E: 0 };
}

/** The fitted loss at data row i. */
function fittedLoss(result: FitResult, i: number): number {
  if (result.form === 'chinchilla') {
    const { N, D } = result.data;
    return chinchillaLoss((N as number[])[i], (D as number[])[i], result.params);
  }
  return powerLawValue(primaryPowerFit(result), powerX(result)[i]);
}

export interface FitRow {
  /** Row number in the source (a line of the file). */
  row: number;
  N: number | null;
  D: number | null;
  C: number | null;
  loss: number;
  fitted: number;
  /** ln L − ln L̂: the residual the fit minimises (≈ relative error). */
  residual: number;
}

/** Every data row with its fitted loss and residual. */
export function fitRows(result: FitResult): FitRow[] {
  const { N, D, C, loss, rows } = result.data;
  return loss.map((l, i) => {
    const fitted = fittedLoss(result, i);
    return { row: rows[i], N: N?.[i] ?? null, D: D?.[i] ?? null, C: C?.[i] ?? null, loss: l, fitted, residual: Math.log(l) - Math.log(fitted) };
  });
}
