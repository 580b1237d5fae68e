// A section's chart prepared for a page's container: laid out for its width, the
// datasets and the parameter signals hoisted out (specData.ts). Pure: no DOM, no Vega,
// so the build's precompile step prepares charts exactly as the pages do.
import type { ChartSpec } from '../../src/sections/types';
import { layoutSpec, type Layout } from './layout';
import { hoistDatasets, splitTitle, type HoistedSpec } from './specData';

/** A chart ready for a view: its hoisted spec for one layout (built with theme tokens). */
export interface PreparedChart {
  chart: ChartSpec;
  hoisted: HoistedSpec;
  /** A hash of each dataset's rows, filled by digestOf and carried over for unchanged datasets (carryDigests). */
  datasetHash: Map<string, number>;
}

export function prepareChart(chart: ChartSpec, layout: Layout): PreparedChart {
  const body = layoutSpec(splitTitle(chart.spec).body, layout);
  return { chart, hoisted: hoistDatasets(body, chart.signals ?? []), datasetHash: new Map() };
}

const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5;
const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

function hashText(text: string, hash: number): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * FNV-1a over a JSON-like value, walked rather than serialised first: every value's type,
 * an object's keys in order and a number's bits (a parameter change hashes its changed
 * datasets, some of 190 KiB of rows, issue 11).
 */
function hashValue(value: unknown, hash: number): number {
  switch (typeof value) {
    case 'number':
      float[0] = value;
      return Math.imul(Math.imul(Math.imul(hash ^ 1, FNV_PRIME) ^ floatWords[0], FNV_PRIME) ^ floatWords[1], FNV_PRIME);
    case 'string':
      return hashText(value, Math.imul(hash ^ 2, FNV_PRIME));
    case 'boolean':
      return Math.imul(hash ^ (value ? 3 : 4), FNV_PRIME);
    case 'object':
      if (value === null) return Math.imul(hash ^ 5, FNV_PRIME);
      if (Array.isArray(value)) {
        hash = Math.imul(hash ^ 6, FNV_PRIME);
        for (const item of value) hash = hashValue(item, hash);
        return Math.imul(hash ^ 7, FNV_PRIME);
      }
      hash = Math.imul(hash ^ 8, FNV_PRIME);
      // Own fields in order (JSON-like values inherit none), without allocating a list of them.
      for (const key in value) hash = hashValue((value as Record<string, unknown>)[key], hashText(key, hash));
      return Math.imul(hash ^ 9, FNV_PRIME);
    default:
      return Math.imul(hash ^ 10, FNV_PRIME);
  }
}

/**
 * A cheap fingerprint of what a chart draws: a hash of each dataset's rows (hashed once
 * per dataset value: a parameter change re-hashes only the datasets it changed) and of
 * the signals.
 */
export function digestOf(prepared: PreparedChart): string {
  let hash = FNV_OFFSET;
  for (const [name, rows] of Object.entries(prepared.hoisted.datasets)) {
    let h = prepared.datasetHash.get(name);
    if (h === undefined) {
      h = hashValue(rows, FNV_OFFSET) >>> 0;
      prepared.datasetHash.set(name, h);
    }
    hash = Math.imul(hash ^ h, FNV_PRIME);
  }
  return (hashValue(prepared.hoisted.signals, hash) >>> 0).toString(16).padStart(8, '0');
}

/** The next preparation of a chart keeps the hashes of the datasets a change left as they were (changeChart's `unchanged`). */
export function carryDigests(before: PreparedChart, next: PreparedChart, unchanged: Iterable<string>): void {
  for (const name of unchanged) {
    const h = before.datasetHash.get(name);
    if (h !== undefined) next.datasetHash.set(name, h);
  }
}
