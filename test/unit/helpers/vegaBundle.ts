// Vega as the webview pages get it: a module bundled by esbuild (with or without the
// build's patches, scripts/lib/vegaPatches.mjs) and loaded as CommonJS, so each bundle
// has its own copy of Vega's registries and of the patched modules.
import * as esbuild from 'esbuild';
import { vegaPatches } from '../../../scripts/lib/vegaPatches.mjs';

export async function bundled<T>(contents: string, patched: boolean): Promise<T> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'cjs',
    // vega-canvas's node build has a top-level await, which cjs cannot hold; no test draws on a canvas.
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    plugins: patched ? [vegaPatches] : [],
  });
  const module = { exports: {} as T };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}

/** Vega numbers clip paths and gradients with page-wide counters: renumbered in order of appearance. */
export function canonicalIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\b(clip|gradient_|pattern_)(\d+)\b/g, (id, prefix: string) => {
    if (!seen.has(id)) seen.set(id, `${prefix}#${seen.size}`);
    return seen.get(id) as string;
  });
}
