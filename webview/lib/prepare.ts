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
}

export function prepareChart(chart: ChartSpec, layout: Layout): PreparedChart {
  const body = layoutSpec(splitTitle(chart.spec).body, layout);
  const hoisted = hoistDatasets(body, chart.signals ?? []);
  const datasetJson: Record<string, string> = {};
  for (const [name, rows] of Object.entries(hoisted.datasets)) datasetJson[name] = JSON.stringify(rows);
  return { chart, hoisted, datasetJson };
}

/** FNV-1a over the datasets' and signals' JSON: a cheap fingerprint of what a chart draws. */
export function digestOf(prepared: PreparedChart): string {
  let hash = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
  };
  for (const name of Object.keys(prepared.datasetJson)) add(prepared.datasetJson[name]);
  add(JSON.stringify(prepared.hoisted.signals));
  return (hash >>> 0).toString(16).padStart(8, '0');
}
