// Emergence points of a table's tasks on one scale axis, overall and per model family:
// which models can sit on the axis, the fit, its interval, and what was left out.
import { chinchillaLoss } from '../laws/powerLaws';
import { CHINCHILLA_PRESETS, type ChinchillaPresetId } from '../laws/presets';
import type { ModelRow, EmergenceTable } from './data';
import { fitEmergenceWithInterval, MIN_POINTS, type BootstrapSettings, type EmergenceFitWithInterval, EMERGENCE_BOOTSTRAP } from './fit';
import { shippedStoredFits, storedFitsKey } from './storedFits';
import type { TaskInfo } from './tasks';

/**
 * flops: training compute C; params: N; loss: the Chinchilla-form loss E + A/N^α + B/D^β
 * of each model's N and D under a published fit (Du et al. 2024's loss view).
 */
export type ScaleAxis = 'flops' | 'params' | 'loss';

export const SCALE_AXES: readonly ScaleAxis[] = ['flops', 'params', 'loss'];

export interface AxisOptions {
  axis: ScaleAxis;
  /** The Chinchilla fit used for the loss axis. */
  lossFit?: ChinchillaPresetId;
}

/** The model's value on the axis in its own units (FLOPs, parameters, nats), or undefined. */
export function axisValue(m: ModelRow, o: AxisOptions): number | undefined {
  if (o.axis === 'flops') return m.flops;
  if (o.axis === 'params') return m.params;
  if (m.tokens === undefined) return undefined;
  return chinchillaLoss(m.params, m.tokens, CHINCHILLA_PRESETS[o.lossFit ?? 'chinchilla'].params);
}

/**
 * The fit's x for an axis value: log10 for FLOPs and parameters; −L for the loss axis
 * (loss is already logarithmic in scale, and Du et al. read accuracy against loss on a
 * linear axis; the sign keeps "rises with scale" as k > 0).
 */
export function fitCoordinate(value: number, axis: ScaleAxis): number {
  return axis === 'loss' ? -value : Math.log10(value);
}

export function fromFitCoordinate(x: number, axis: ScaleAxis): number {
  return axis === 'loss' ? -x : Math.pow(10, x);
}

export interface TaskPoints {
  models: ModelRow[];
  x: Float64Array;
  y: Float64Array;
  /** Models with a score on the task but no value on the axis (e.g. no FLOPs, no tokens). */
  leftOut: ModelRow[];
}

export function taskPoints(models: readonly ModelRow[], task: TaskInfo, o: AxisOptions): TaskPoints {
  const kept: ModelRow[] = [];
  const leftOut: ModelRow[] = [];
  for (const m of models) {
    if (m.scores[task.id] === undefined) continue;
    // No value, or one a log axis cannot take (NaN > 0 is false).
    if ((axisValue(m, o) ?? NaN) > 0) kept.push(m);
    else leftOut.push(m);
  }
  const x = Float64Array.from(kept, (m) => fitCoordinate(axisValue(m, o) as number, o.axis));
  const y = Float64Array.from(kept, (m) => m.scores[task.id] as number);
  return { models: kept, x, y, leftOut };
}

export interface GroupFit {
  /** '' for all models, else the family name. */
  family: string;
  fit: EmergenceFitWithInterval;
  /** x₀ in axis units (FLOPs, parameters or loss in nats). */
  emergenceAt: number;
  /** The interval in axis units, low ≤ high. */
  interval?: [number, number];
}

export interface TaskAnalysis {
  task: TaskInfo;
  axis: ScaleAxis;
  points: TaskPoints;
  overall?: GroupFit;
  families: GroupFit[];
}

function groupFit(family: string, x: Float64Array, y: Float64Array, task: TaskInfo, axis: ScaleAxis, b: BootstrapSettings): GroupFit {
  return groupOf(family, fitEmergenceWithInterval(x, y, task.chance, b), axis);
}

/** A fit with its emergence point and interval in axis units. */
function groupOf(family: string, fit: EmergenceFitWithInterval, axis: ScaleAxis): GroupFit {
  const interval = fit.ci ? ([fromFitCoordinate(fit.ci.low, axis), fromFitCoordinate(fit.ci.high, axis)].sort((p, q) => p - q) as [number, number]) : undefined;
  return { family, fit, emergenceAt: fromFitCoordinate(fit.x0, axis), interval };
}

/** Fits of one task: over all models on the axis, and per family with ≥ MIN_POINTS models. */
export function analyzeTask(table: EmergenceTable, task: TaskInfo, o: AxisOptions, b: BootstrapSettings = EMERGENCE_BOOTSTRAP): TaskAnalysis {
  const points = taskPoints(table.models, task, o);
  const overall = points.models.length >= MIN_POINTS ? groupFit('', points.x, points.y, task, o.axis, b) : undefined;
  const families: GroupFit[] = [];
  for (const [family, idx] of fittedFamilies(points)) {
    families.push(
      groupFit(
        family,
        Float64Array.from(idx, (i) => points.x[i]),
        Float64Array.from(idx, (i) => points.y[i]),
        task,
        o.axis,
        b,
      ),
    );
  }
  return { task, axis: o.axis, points, overall, families };
}

/** The families with ≥ MIN_POINTS models on the axis, by name, with their rows in `points`. */
function fittedFamilies(points: TaskPoints): [string, number[]][] {
  const byFamily = new Map<string, number[]>();
  points.models.forEach((m, i) => byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), i]));
  return [...byFamily].sort((p, q) => p[0].localeCompare(q[0])).filter(([, idx]) => idx.length >= MIN_POINTS);
}

/** The table's models that are scored on every task of `alongside` as well (one set of outputs read by several metrics). */
export function scoredAlongside(table: EmergenceTable, alongside: readonly TaskInfo[]): EmergenceTable {
  return { ...table, models: table.models.filter((m) => alongside.every((t) => m.scores[t.id] !== undefined)) };
}

/**
 * The shipped table's analysis from the fits stored at build time (shippedFits.generated.ts,
 * written by the engine itself and checked against it by the unit tests), or undefined when
 * nothing was stored for these settings or the stored entry does not match the points.
 */
export function storedAnalysis(
  table: EmergenceTable,
  task: TaskInfo,
  o: AxisOptions,
  b: BootstrapSettings,
  alongside: readonly TaskInfo[] = [],
): TaskAnalysis | undefined {
  const standard =
    b.resamples === EMERGENCE_BOOTSTRAP.resamples && b.seed === EMERGENCE_BOOTSTRAP.seed && (b.confidence ?? 0.95) === EMERGENCE_BOOTSTRAP.confidence;
  if (!standard) return undefined;
  const entry = shippedStoredFits(
    storedFitsKey(
      task.id,
      o,
      alongside.map((t) => t.id),
    ),
  );
  if (!entry) return undefined;
  const points = taskPoints(scoredAlongside(table, alongside).models, task, o);
  // Counted, not sorted: the stored entry keeps analyzeTask's order (a first localeCompare
  // costs a page tens of ms).
  const counts = new Map<string, number>();
  for (const m of points.models) counts.set(m.family, (counts.get(m.family) ?? 0) + 1);
  const fitted = [...counts.values()].filter((n) => n >= MIN_POINTS).length;
  // The entries were written by analyzeTask: every family fit has ≥ MIN_POINTS models and the
  // overall fit's chance level. An entry without an overall fit is not used (too few points
  // to fit: analyzeTask answers at once).
  const matches =
    entry.overall?.n === points.models.length &&
    entry.overall.chance === task.chance &&
    entry.families.length === fitted &&
    entry.families.every((f) => counts.get(f.family) === f.fit.n);
  if (!matches) return undefined;
  return {
    task,
    axis: o.axis,
    points,
    overall: entry.overall && groupOf('', entry.overall, o.axis),
    families: entry.families.map((f) => groupOf(f.family, f.fit, o.axis)),
  };
}

const cache = new Map<string, TaskAnalysis>();

/**
 * analyzeTask for the shipped table, memoised by task, axis, loss fit and bootstrap
 * settings: the section, hover and report ask for the same fits repeatedly. With the
 * standard bootstrap the fits come from the ones stored at build time (the same numbers:
 * a page shows the first chart without 200 refits per group). `alongside`: only the models
 * also scored on these tasks (e.g. exact match and BLEU of the same outputs).
 */
export function analyzeShippedTask(
  table: EmergenceTable,
  task: TaskInfo,
  o: AxisOptions,
  b: BootstrapSettings = EMERGENCE_BOOTSTRAP,
  alongside: readonly TaskInfo[] = [],
): TaskAnalysis {
  if (table.source !== 'obsscaling') return analyzeTask(scoredAlongside(table, alongside), task, o, b);
  const key = JSON.stringify([
    storedFitsKey(
      task.id,
      o,
      alongside.map((t) => t.id),
    ),
    b.resamples,
    b.seed,
    b.confidence ?? 0.95,
  ]);
  let hit = cache.get(key);
  if (!hit) {
    hit = storedAnalysis(table, task, o, b, alongside) ?? analyzeTask(scoredAlongside(table, alongside), task, o, b);
    if (cache.size > 64) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}
