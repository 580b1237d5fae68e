// dist/compiler.js: the Vega-Lite compiler, loaded by a page only when it needs a shape
// that was not compiled at build time (a preset that adds series, a narrow side view at
// an unusual width) or exports a file. Kept out of the pages' own bundles: vega-lite is
// the largest library they would otherwise parse before the first paint.
import { compileFull, compileShape } from './lib/compileShape';

export interface Compiler {
  compileShape: typeof compileShape;
  compileFull: typeof compileFull;
}

declare global {
  var __emergenceCompiler: Compiler | undefined;
}

globalThis.__emergenceCompiler = { compileShape, compileFull };
