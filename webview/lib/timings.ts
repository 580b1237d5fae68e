// The counters a page exposes as window.__emergenceTimings, read by the browser tests
// and `npm run bench` (the chart pages and the fit panel's page expose the same ones).
import type * as vega from 'vega';

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
