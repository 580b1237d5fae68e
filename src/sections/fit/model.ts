// Fitting a table of runs: choose the form from the columns, run the engine's fit in
// short slices (the caller's `pause` lets its event loop breathe between them, so the
// VS Code extension host stays responsive during the 4,500-start search), and collect
// a plain, serialisable FitResult. Pure: no vscode, node or DOM; the caller supplies
// the pause (setImmediate in the extension host).
//
// The sliced search and bootstrap give the same answers as the engine's one-shot
// functions: the starts run in order and the lowest objective wins with ties kept by
// the earlier start, exactly like fitChinchilla; the bootstrap
// replays the engine's own resampling (same seed, same row sets) and lets the engine
// compute the percentile intervals from the refits.
import { bootstrap, type BootstrapResult } from '../../engine/fit/bootstrap';
import {
  chinchillaLogData,
  chinchillaLoss,
  chinchillaObjective,
  fitChinchilla,
  gridStarts,
  HOFFMANN_GRID,
  HUBER_DELTA,
  toParams,
  type ChinchillaGrid,
  type ChinchillaParams,
} from '../../engine/fit/chinchilla';
import { LbfgsSolver } from '../../engine/fit/lbfgs';
import { parseCsv, parseTableRows, type DataError, type FitData, type FitForm, type ParseResult } from '../../engine/fit/data';
import { fitPowerLaw, fitPowerLawWithFloor, powerLawValue } from '../../engine/fit/power';
import type { Bilingual } from '../types';
import {
  CHINCHILLA_KEYS,
  powerX,
  type ChinchillaFitResult,
  type FitBootstrapInfo,
  type FitDataColumns,
  type FitInterval,
  type FitResult,
  type FitSourceInfo,
  type FitX,
  type PowerFitResult,
  type PowerFloorSummary,
  type PowerLawSummary,
} from './result';

// ---- reading the table ------------------------------------------------------------

/** Rows to fit: a CSV text, or the cells of a Markdown table (header first). */
export type FitInput =
  | { kind: 'csv'; text: string }
  | { kind: 'table'; rows: readonly (readonly string[])[]; firstRowNumber: number };

export type FitParse = { ok: true; data: FitData; form: FitForm } | { ok: false; error: DataError };

function parseAs(input: FitInput, form: FitForm): ParseResult {
  return input.kind === 'csv' ? parseCsv(input.text, { form }) : parseTableRows(input.rows, { form, firstRowNumber: input.firstRowNumber });
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

// ---- running the fit --------------------------------------------------------------

export const DEFAULT_RESAMPLES = 100;
export const DEFAULT_SEED = 1;
export const MAX_RESAMPLES = 10_000;

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
  /** Bootstrap resamples (0: no intervals). Default 100. */
  resamples?: number;
  /** Seed of the bootstrap's resampling. Default 1. */
  seed?: number;
  /** Central coverage of the intervals. Default 0.95. */
  confidence?: number;
  /** Grid of starts of the Chinchilla search. Default Hoffmann et al.'s 4,500. */
  grid?: ChinchillaGrid;
}

export interface FitHooks {
  /** Yields to the caller's event loop; awaited between slices of work. */
  pause(): Promise<void>;
  /** Work done so far, in [0, 1]. */
  progress?(fraction: number, stage: 'search' | 'bootstrap'): void;
  /** Checked between slices; true stops the fit. */
  cancelled?(): boolean;
  /** Clock in ms (default performance.now). */
  now?(): number;
  /** Target length of a slice in ms (default 20). */
  sliceMs?: number;
}

export type FitOutcome = { ok: true; result: FitResult } | { ok: false; cancelled: boolean; message: Bilingual };

const CANCELLED: FitOutcome = { ok: false, cancelled: true, message: { en: 'The fit was cancelled.', zh: '拟合已取消。' } };

/** Cost of one bootstrap refit relative to one start of the search (warm starts + polish). */
const REFIT_COST = 3;

class Slicer {
  private readonly now: () => number;
  private readonly sliceMs: number;
  private sliceStart: number;
  readonly started: number;

  constructor(
    private readonly hooks: FitHooks,
    private readonly totalUnits: number,
  ) {
    this.now = hooks.now ?? (() => performance.now());
    this.sliceMs = hooks.sliceMs ?? 20;
    this.started = this.now();
    this.sliceStart = this.started;
  }

  elapsed(): number {
    return this.now() - this.sliceStart;
  }

  overdue(): boolean {
    return this.elapsed() >= this.sliceMs;
  }

  /** Reports progress, yields, and returns false when the caller cancelled. */
  async breathe(doneUnits: number, stage: 'search' | 'bootstrap'): Promise<boolean> {
    this.hooks.progress?.(Math.min(1, doneUnits / this.totalUnits), stage);
    if (this.hooks.cancelled?.()) return false;
    await this.hooks.pause();
    this.sliceStart = this.now();
    return !this.hooks.cancelled?.();
  }

  seconds(): number {
    return (this.now() - this.started) / 1000;
  }
}

function gather(src: ArrayLike<number>, rows: Int32Array, out: Float64Array): Float64Array {
  for (let i = 0; i < rows.length; i++) out[i] = src[rows[i]];
  return out;
}

interface BootstrapSettings {
  resamples: number;
  seed: number;
  confidence: number;
}

/**
 * The engine's bootstrap, in slices: one quick pass records the engine's resamples
 * (same generator, same seed), the refits run between pauses, and a second pass hands
 * them back to the engine in order so it computes the intervals itself.
 */
async function slicedBootstrap<K extends string>(
  n: number,
  estimate: Readonly<Record<K, number>>,
  refit: (rows: Int32Array) => Readonly<Record<K, number>> | null,
  settings: BootstrapSettings,
  slicer: Slicer,
  unitsBefore: number,
): Promise<BootstrapResult<K> | undefined> {
  const sets: Int32Array[] = [];
  bootstrap(
    n,
    estimate,
    (rows) => {
      sets.push(rows.slice());
      return estimate;
    },
    settings,
  );
  const refits: (Readonly<Record<K, number>> | null)[] = [];
  for (const rows of sets) {
    refits.push(refit(rows));
    if (slicer.overdue() && !(await slicer.breathe(unitsBefore + refits.length * REFIT_COST, 'bootstrap'))) return undefined;
  }
  let k = 0;
  return bootstrap(n, estimate, () => refits[k++], settings);
}

function intervalsOf<K extends string>(b: BootstrapResult<K> | undefined): Record<K, FitInterval> | null {
  if (!b || b.resamples === 0) return null;
  const out = {} as Record<K, FitInterval>;
  for (const key of Object.keys(b.intervals) as K[]) {
    const { low, high } = b.intervals[key];
    if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
    out[key] = { low, high };
  }
  return out;
}

function bootstrapInfo(b: BootstrapResult<string> | undefined): FitBootstrapInfo | null {
  return b ? { resamples: b.resamples, failed: b.failed, seed: b.seed, confidence: b.confidence } : null;
}

function columnsOf(data: FitData): FitDataColumns {
  const arr = (a: Float64Array | null): number[] | null => (a ? Array.from(a) : null);
  return { N: arr(data.N), D: arr(data.D), C: arr(data.C), loss: Array.from(data.loss), rows: Array.from(data.sourceRows) };
}

function settingsOf(options: RunFitOptions): BootstrapSettings {
  const resamples = Math.min(MAX_RESAMPLES, Math.max(0, Math.floor(options.resamples ?? DEFAULT_RESAMPLES)));
  return { resamples, seed: (options.seed ?? DEFAULT_SEED) >>> 0, confidence: options.confidence ?? 0.95 };
}

const NOT_FINITE: Bilingual = {
  en: 'The fit produced parameters that are not finite numbers; the data may not follow this scaling law.',
  zh: '拟合得到的参数不是有限数值；数据可能不符合该尺度定律。',
};

function allFinite(values: readonly number[]): boolean {
  return values.every((v) => Number.isFinite(v));
}

async function runChinchilla(data: FitData, options: RunFitOptions, hooks: FitHooks): Promise<FitOutcome> {
  // parseFitInput checked the columns for this form.
  const N = data.N as Float64Array;
  const D = data.D as Float64Array;
  const L = data.loss;
  const starts = gridStarts(options.grid ?? HOFFMANN_GRID);
  if (starts.length === 0) return { ok: false, cancelled: false, message: { en: 'The grid of starts is empty.', zh: '初值网格为空。' } };
  const settings = settingsOf(options);
  const slicer = new Slicer(hooks, starts.length + settings.resamples * REFIT_COST + 1);

  // fitChinchilla's search, one start at a time with a clock check after each (a start
  // takes ~0.1–5 ms, so no slice overruns by much): the same objective, solver settings
  // and keep-the-strictly-lowest rule, hence the same optimum.
  const fun = chinchillaObjective(chinchillaLogData(N, D, L), HUBER_DELTA);
  const solver = new LbfgsSolver(5);
  const x = new Float64Array(5);
  let bestF = Infinity;
  let bestX: number[] = [];
  let bestStart: number[] = [];
  let converged = 0;
  for (let k = 0; k < starts.length; k++) {
    const r = solver.minimize(fun, starts[k], x);
    if (r.converged) converged++;
    if (r.f < bestF) {
      bestF = r.f;
      bestX = Array.from(x);
      bestStart = starts[k];
    }
    if (slicer.overdue() && !(await slicer.breathe(k + 1, 'search'))) return CANCELLED;
  }
  if (!Number.isFinite(bestF)) {
    return { ok: false, cancelled: false, message: { en: 'The fit did not reach a finite objective from any start.', zh: '从所有初值出发，拟合都没有得到有限的目标值。' } };
  }
  // The engine's polish: tight tolerances from the best point (never worse than it).
  const polished = fitChinchilla(N, D, L, { starts: [bestX] });
  const better = polished.objective <= bestF;
  const point = better ? polished : toParams(bestX);
  const objective = better ? polished.objective : bestF;
  const lp = point.logParams;
  let boot: BootstrapResult<keyof ChinchillaParams> | undefined;
  if (settings.resamples > 0) {
    if (!(await slicer.breathe(starts.length + 1, 'bootstrap'))) return CANCELLED;
    // bootstrapChinchilla's resample starts: the optimum and the grid start that led to it.
    const resampleStarts = [[lp.a, lp.b, lp.e, lp.alpha, lp.beta], bestStart];
    const n = L.length;
    const bn = new Float64Array(n);
    const bd = new Float64Array(n);
    const bl = new Float64Array(n);
    boot = await slicedBootstrap(
      n,
      point.params,
      (rows) => {
        const r = fitChinchilla(gather(N, rows, bn), gather(D, rows, bd), gather(L, rows, bl), { starts: resampleStarts });
        return Number.isFinite(r.objective) ? r.params : null;
      },
      settings,
      slicer,
      starts.length + 1,
    );
    if (!boot) return CANCELLED;
  }
  const p = point.params;
  if (!allFinite([p.E, p.A, p.B, p.alpha, p.beta, objective])) return { ok: false, cancelled: false, message: NOT_FINITE };
  hooks.progress?.(1, settings.resamples > 0 ? 'bootstrap' : 'search');
  const result: ChinchillaFitResult = {
    form: 'chinchilla',
    params: { E: p.E, A: p.A, B: p.B, alpha: p.alpha, beta: p.beta },
    intervals: intervalsOf(boot),
    objective,
    huberDelta: HUBER_DELTA,
    starts: starts.length,
    converged,
    data: columnsOf(data),
    columns: { ...data.columns },
    derived: { ...data.derived },
    bootstrap: bootstrapInfo(boot),
    seconds: slicer.seconds(),
    source: options.source,
  };
  return { ok: true, result };
}

/** Compute, then model size, then tokens: the classic L(C) first (as the CLI does). */
function powerVariable(data: FitData): FitX {
  return data.C ? 'C' : data.N ? 'N' : 'D';
}

async function runPower(data: FitData, options: RunFitOptions, hooks: FitHooks): Promise<FitOutcome> {
  const which = powerVariable(data);
  const x = (data[which] ?? data.loss) as Float64Array;
  const y = data.loss;
  const settings = settingsOf(options);
  const slicer = new Slicer(hooks, 2 + 2 * settings.resamples * REFIT_COST);
  const pure = fitPowerLaw(x, y);
  if (!pure.ok) return { ok: false, cancelled: false, message: pure.message };
  const floor = fitPowerLawWithFloor(x, y);
  const n = y.length;
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  let pureBoot: BootstrapResult<'x0' | 'alpha'> | undefined;
  let floorBoot: BootstrapResult<'E' | 'x0' | 'alpha'> | undefined;
  if (settings.resamples > 0) {
    if (!(await slicer.breathe(2, 'bootstrap'))) return CANCELLED;
    pureBoot = await slicedBootstrap(
      n,
      { x0: pure.x0, alpha: pure.alpha },
      (rows) => {
        const r = fitPowerLaw(gather(x, rows, bx), gather(y, rows, by));
        return r.ok ? { x0: r.x0, alpha: r.alpha } : null;
      },
      settings,
      slicer,
      2,
    );
    if (!pureBoot) return CANCELLED;
    if (floor.ok) {
      floorBoot = await slicedBootstrap(
        n,
        { E: floor.E, x0: floor.x0, alpha: floor.alpha },
        (rows) => {
          const r = fitPowerLawWithFloor(gather(x, rows, bx), gather(y, rows, by));
          return r.ok ? { E: r.E, x0: r.x0, alpha: r.alpha } : null;
        },
        settings,
        slicer,
        2 + settings.resamples * REFIT_COST,
      );
      if (!floorBoot) return CANCELLED;
    }
  }
  if (!allFinite([pure.x0, pure.alpha, pure.logCoefficient, pure.rSquared])) return { ok: false, cancelled: false, message: NOT_FINITE };
  const pureSummary: PowerLawSummary = {
    x0: pure.x0,
    alpha: pure.alpha,
    logCoefficient: pure.logCoefficient,
    rSquared: pure.rSquared,
    intervals: intervalsOf(pureBoot),
  };
  const floorOk = floor.ok && allFinite([floor.E, floor.x0, floor.alpha, floor.logCoefficient, floor.rSquared, floor.objective]);
  const floorSummary: PowerFloorSummary | null =
    floor.ok && floorOk
      ? {
          E: floor.E,
          x0: floor.x0,
          alpha: floor.alpha,
          logCoefficient: floor.logCoefficient,
          rSquared: floor.rSquared,
          objective: floor.objective,
          intervals: intervalsOf(floorBoot),
        }
      : null;
  hooks.progress?.(1, settings.resamples > 0 ? 'bootstrap' : 'search');
  const result: PowerFitResult = {
    form: 'power',
    x: which,
    pure: pureSummary,
    floor: floorSummary,
    floorError: floor.ok ? (floorOk ? null : NOT_FINITE) : floor.message,
    data: columnsOf(data),
    columns: { ...data.columns },
    derived: { ...data.derived },
    bootstrap: bootstrapInfo(pureBoot),
    seconds: slicer.seconds(),
    source: options.source,
  };
  return { ok: true, result };
}

/** Fits the parsed rows in the given form, pausing between slices of work. */
export function runFit(data: FitData, form: FitForm, options: RunFitOptions, hooks: FitHooks): Promise<FitOutcome> {
  return form === 'chinchilla' ? runChinchilla(data, options, hooks) : runPower(data, options, hooks);
}

// ---- reading a result ---------------------------------------------------------------

/** The power law the charts and the report lead with: the floor fit when there is one. */
export function primaryPowerFit(result: PowerFitResult): { logCoefficient: number; alpha: number; E: number } {
  return result.floor ?? { logCoefficient: result.pure.logCoefficient, alpha: result.pure.alpha, E: 0 };
}

/** The fitted loss at data row i. */
export function fittedLoss(result: FitResult, i: number): number {
  if (result.form === 'chinchilla') {
    const { N, D } = result.data;
    return chinchillaLoss(result.params, (N as number[])[i], (D as number[])[i]);
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

/** The estimates of a result by parameter name, with their intervals (null without a bootstrap). */
export function estimates(result: ChinchillaFitResult): { key: (typeof CHINCHILLA_KEYS)[number]; value: number; interval: FitInterval | null }[] {
  return CHINCHILLA_KEYS.map((key) => ({ key, value: result.params[key], interval: result.intervals?.[key] ?? null }));
}
