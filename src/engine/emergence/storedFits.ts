// The emergence fits of the shipped table stored at build time (shippedFits.generated.ts,
// written by test/generate/shippedFits.ts from the engine's own analyzeTask): their keys
// and their packed form. A fit is packed as an array of its numbers in a fixed order, so
// the file carries no repeated field names (it ships inside every page's bundle); JSON
// keeps each double exactly.
import type { AxisOptions } from './analysis';
import type { EmergenceFitWithInterval } from './fit';
import { SHIPPED_FITS_JSON } from './shippedFits.generated';

/** What analyzeTask fitted for one task and axis of the shipped table. */
export interface StoredFits {
  overall?: EmergenceFitWithInterval;
  families: { family: string; fit: EmergenceFitWithInterval }[];
}

/** The key of a task and axis (and of the tasks its models must also be scored on) in the stored fits. */
export function storedFitsKey(taskId: string, o: AxisOptions, alongside: readonly string[] = []): string {
  const key = o.axis === 'loss' ? `${taskId}|loss|${o.lossFit ?? 'chinchilla'}` : `${taskId}|${o.axis}`;
  return alongside.length > 0 ? `${key}|alongside:${alongside.join(',')}` : key;
}

/** x₀, k, ceiling, chance, n, sse, stepLike, beyondData, xRange[0], xRange[1], then, with an interval, ci's low, high, confidence, resamples, failed, seed. */
type PackedFit = number[];
/** The overall fit (0 when none), then [family, fit] per family. */
export type PackedFits = [PackedFit | 0, [string, PackedFit][]];

function packFit(f: EmergenceFitWithInterval): PackedFit {
  const head = [f.x0, f.k, f.ceiling, f.chance, f.n, f.sse, f.stepLike ? 1 : 0, f.beyondData ? 1 : 0, f.xRange[0], f.xRange[1]];
  return f.ci ? [...head, f.ci.low, f.ci.high, f.ci.confidence, f.ci.resamples, f.ci.failed, f.ci.seed] : head;
}

function unpackFit(p: PackedFit): EmergenceFitWithInterval {
  const fit: EmergenceFitWithInterval = {
    x0: p[0],
    k: p[1],
    ceiling: p[2],
    chance: p[3],
    n: p[4],
    sse: p[5],
    stepLike: p[6] === 1,
    beyondData: p[7] === 1,
    xRange: [p[8], p[9]],
  };
  if (p.length > 10) fit.ci = { low: p[10], high: p[11], confidence: p[12], resamples: p[13], failed: p[14], seed: p[15] };
  return fit;
}

export function packStoredFits(s: StoredFits): PackedFits {
  return [s.overall ? packFit(s.overall) : 0, s.families.map((f) => [f.family, packFit(f.fit)])];
}

export function unpackStoredFits([overall, families]: PackedFits): StoredFits {
  return { ...(overall === 0 ? {} : { overall: unpackFit(overall) }), families: families.map(([family, fit]) => ({ family, fit: unpackFit(fit) })) };
}

let shipped: Record<string, PackedFits> | undefined;

/** The shipped fits by key, parsed on first use. */
function shippedTable(): Record<string, PackedFits> {
  shipped ??= JSON.parse(SHIPPED_FITS_JSON) as Record<string, PackedFits>;
  return shipped;
}

/** The stored fits under `key`, or undefined when none were stored. */
export function shippedStoredFits(key: string): StoredFits | undefined {
  const table = shippedTable();
  const packed = Object.hasOwn(table, key) ? table[key] : undefined;
  return packed && unpackStoredFits(packed);
}

/** Every stored key. */
export function shippedStoredKeys(): string[] {
  return Object.keys(shippedTable());
}
