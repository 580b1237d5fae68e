// vega-lite → Vega for one chart shape (webview/lib/specData.ts): the only place the
// webview side compiles Vega-Lite. It runs at build time for the shapes a default page
// draws (scripts/precompileCharts.ts → dist/charts/*.js) and, in the page, from the
// lazily loaded dist/compiler.js for any other shape. Pure: no DOM.
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Spec } from 'vega';
import { foldGridAxes } from './gridAxes';
import { declaresFiniteData, dropInvalidTests } from './invalidTests';

/**
 * Compiles a shape (the hoisted spec with its signal values nulled and its rows taken
 * out): datasets are set on the view before its first run, signal values with
 * view.signal(), so one compiled spec serves every parameter value of the shape.
 */
export function compileShape(shape: string, datasetNames: readonly string[]): Spec {
  const body = JSON.parse(shape) as { datasets?: Record<string, unknown[]> };
  const empty = Object.fromEntries(datasetNames.map((k) => [k, []]));
  return lean(body, compile({ ...body, datasets: { ...(body.datasets ?? {}), ...empty } } as TopLevelSpec).spec);
}

/** Less for Vega to build and run, the same drawing: grid axes folded into their axes, finite data's invalid-value tests dropped. */
function lean(source: unknown, spec: Spec): Spec {
  foldGridAxes(spec);
  return declaresFiniteData(source) ? dropInvalidTests(spec) : spec;
}

/** The chart as the section wrote it (title, data, its own width): export files. */
export function compileFull(spec: TopLevelSpec): Spec {
  return lean(spec, compile(spec).spec);
}
