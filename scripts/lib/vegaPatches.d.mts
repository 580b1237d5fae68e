import type { Plugin } from 'esbuild';

/** vega-interpreter's source with the patch applied; throws when the source is not the one the patch was written for. */
export function patchVegaInterpreter(source: string): string;
/** vega-functions' source with the expression memo; throws when the source is not the one the patch was written for. */
export function patchVegaFunctions(source: string): string;
/** vega-scenegraph's source with the symbol path memo; throws when the source is not the one the patch was written for. */
export function patchVegaScenegraph(source: string): string;
/** The esbuild plugin: vega-interpreter's and vega-functions' modules, patched. */
export const vegaPatches: Plugin;
