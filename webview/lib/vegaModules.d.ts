// Types for the Vega modules webview/lib/vega.ts imports one by one: they ship no
// declarations of their own (the `vega` package's typings describe what they export).
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-dataflow' {
  /** The registry of transform types the parser resolves a spec's transforms against. */
  export const transforms: Record<string, unknown>;
}
// Each exports its transforms (constructors) by name.
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
