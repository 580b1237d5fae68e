// The counters a page exposes as window.__emergenceTimings, read by the browser tests
// and `npm run bench` (the chart pages and the fit panel's page expose the same ones).
import type * as vega from 'vega';
import type { ChartSet } from './chartSet';
import { compileStats } from './vegaSpecs';

export interface Timings {
  firstPaintMs?: number;
  lastUpdateMs?: number;
  updates: number;
  inPlaceUpdates: number;
  rebuilds: number;
  /** Chart shapes found compiled at build time / compiled in the page. */
  precompiled: number;
  compiled: number;
}

declare global {
  interface Window {
    __emergenceTimings?: Timings;
    /** The live Vega views by chart id: the browser tests check a change keeps them. */
    __emergenceViews?: () => Record<string, vega.View>;
  }
}

/** The page's counters, read live from its chart set, put on window for the tests and the bench. */
export function exposeTimings(charts: ChartSet): Timings {
  const timings: Timings = {
    updates: 0,
    get inPlaceUpdates() {
      return charts.stats.inPlaceUpdates;
    },
    get rebuilds() {
      return charts.stats.rebuilds;
    },
    get precompiled() {
      return compileStats.precompiled;
    },
    get compiled() {
      return compileStats.compiled;
    },
  };
  window.__emergenceTimings = timings;
  window.__emergenceViews = () => Object.fromEntries(charts.live.map((c) => [c.view.chart.id, c.view.vegaView]));
  return timings;
}
