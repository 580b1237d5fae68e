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
  /** JSON of each dataset, to tell which changed. */
  datasetJson: Record<string, string>;
  /** FNV-1a of each dataset's JSON, filled by digestOf and carried over for unchanged datasets (carryDigests). */
  datasetHash: Map<string, number>;
}

export function prepareChart(chart: ChartSpec, layout: Layout): PreparedChart {
  const body = layoutSpec(splitTitle(chart.spec).body, layout);
  const hoisted = hoistDatasets(body, chart.signals ?? []);
  const datasetJson: Record<string, string> = {};
  for (const [name, rows] of Object.entries(hoisted.datasets)) datasetJson[name] = JSON.stringify(rows);
  return { chart, hoisted, datasetJson, datasetHash: new Map() };
}

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A cheap fingerprint of what a chart draws: FNV-1a over each dataset's JSON (hashed
 * once per dataset value: a parameter change re-hashes only the datasets it changed)
 * and over the signals' JSON.
 */
export function digestOf(prepared: PreparedChart): string {
  let hash = 0x811c9dc5;
  for (const name of Object.keys(prepared.datasetJson)) {
    let h = prepared.datasetHash.get(name);
    if (h === undefined) {
      h = fnv1a(prepared.datasetJson[name]);
      prepared.datasetHash.set(name, h);
    }
    hash = Math.imul(hash ^ h, 0x01000193);
  }
  return fnv1a(JSON.stringify(prepared.hoisted.signals), hash >>> 0)
    .toString(16)
    .padStart(8, '0');
}

/** The next preparation of a chart keeps the hashes of the datasets that did not change. */
export function carryDigests(before: PreparedChart, next: PreparedChart): void {
  for (const [name, h] of before.datasetHash) if (next.datasetJson[name] === before.datasetJson[name]) next.datasetHash.set(name, h);
}
