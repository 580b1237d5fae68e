import type { Plugin } from 'esbuild';

/** vega-interpreter's source with the patch applied; throws when the source is not the one the patch was written for. */
export function patchVegaInterpreter(source: string): string;
/** The esbuild plugin: vega-interpreter's module, patched. */
export const vegaInterpreterPatch: Plugin;
