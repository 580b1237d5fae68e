// Emergence points of a table's tasks on one scale axis, overall and per model family:
// which models can sit on the axis, the fit, its interval, and what was left out.
import { chinchillaLoss } from '../laws/powerLaws';
import { CHINCHILLA_PRESETS, type ChinchillaPresetId } from '../laws/presets';
import type { ModelRow, EmergenceTable } from './data';
import { fitEmergenceWithInterval, MIN_POINTS, type BootstrapSettings, type EmergenceFitWithInterval, EMERGENCE_BOOTSTRAP } from './fit';
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
    const v = axisValue(m, o);
    if (v === undefined || !(v > 0)) leftOut.push(m);
    else kept.push(m);
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
  const fit = fitEmergenceWithInterval(x, y, task.chance, b);
  const interval = fit.ci ? ([fromFitCoordinate(fit.ci.low, axis), fromFitCoordinate(fit.ci.high, axis)].sort((p, q) => p - q) as [number, number]) : undefined;
  return { family, fit, emergenceAt: fromFitCoordinate(fit.x0, axis), interval };
}

/** Fits of one task: over all models on the axis, and per family with ≥ MIN_POINTS models. */
export function analyzeTask(table: EmergenceTable, task: TaskInfo, o: AxisOptions, b: BootstrapSettings = EMERGENCE_BOOTSTRAP): TaskAnalysis {
  const points = taskPoints(table.models, task, o);
  const overall = points.models.length >= MIN_POINTS ? groupFit('', points.x, points.y, task, o.axis, b) : undefined;
  const byFamily = new Map<string, number[]>();
  points.models.forEach((m, i) => byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), i]));
  const families: GroupFit[] = [];
  for (const [family, idx] of [...byFamily].sort((p, q) => p[0].localeCompare(q[0]))) {
    if (idx.length < MIN_POINTS) continue;
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

const cache = new Map<string, TaskAnalysis>();

/**
 * analyzeTask for the shipped table, memoised by task, axis, loss fit and bootstrap
 * settings: the section, hover and report ask for the same fits repeatedly.
 */
export function analyzeShippedTask(table: EmergenceTable, task: TaskInfo, o: AxisOptions, b: BootstrapSettings = EMERGENCE_BOOTSTRAP): TaskAnalysis {
  if (table.source !== 'obsscaling') return analyzeTask(table, task, o, b);
  const key = JSON.stringify([task.id, o.axis, o.axis === 'loss' ? (o.lossFit ?? 'chinchilla') : '', b.resamples, b.seed, b.confidence ?? 0.95]);
  let hit = cache.get(key);
  if (!hit) {
    hit = analyzeTask(table, task, o, b);
    if (cache.size > 64) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}
