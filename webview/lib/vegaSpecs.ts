// Where a page gets the compiled Vega spec of a chart shape: from the tables compiled
// at build time (dist/charts/<section>.<lang>.js, loaded per section), else from the
// Vega-Lite compiler (dist/compiler.js, loaded on first need). Specs are JSON text with
// theme tokens (webview/lib/themeTokens.ts): the same text serves every colour theme.
import type { TopLevelSpec } from 'vega-lite';
import type { Spec } from 'vega';
import type { Lang } from '../../src/sections/types';
import { loadSiblingScript } from './lateScript';
import { compiledTableName } from './layout';
import { shapeKey, type HoistedSpec } from './specData';
import type { Compiler } from '../compiler';

declare global {
  /** Filled by dist/charts/*.js: shape key → compiled Vega spec (JSON with theme tokens). */
  var __emergenceVegaSpecs: Record<string, string> | undefined;
  /** The tables loaded so far ("<section>.<lang>"), including one the page's HTML loaded before its script. */
  var __emergenceVegaSpecTables: string[] | undefined;
}

/** Counts read by the browser tests and `npm run bench`: a default page should compile nothing. */
export const compileStats = { precompiled: 0, compiled: 0 };

const compiledHere = new Map<string, string>();
const MAX_COMPILED = 64;

/** The build-time table of a section's charts in one language at a container width (a no-op once loaded, or where it does not exist). */
export function loadCompiledCharts(sectionId: string, lang: Lang, containerWidth: number): Promise<void> {
  const name = compiledTableName(sectionId, lang, containerWidth);
  if (name === undefined || globalThis.__emergenceVegaSpecTables?.includes(name)) return Promise.resolve();
  return loadSiblingScript(`charts/${name}.js`);
}

async function compiler(): Promise<Compiler> {
  if (!globalThis.__emergenceCompiler) await loadSiblingScript('compiler.js');
  const loaded = globalThis.__emergenceCompiler;
  if (!loaded) throw new Error('dist/compiler.js could not be loaded');
  return loaded;
}

/** The compiled Vega spec of a hoisted chart, as JSON text with theme tokens. */
export async function vegaSpecText(hoisted: HoistedSpec): Promise<string> {
  const key = shapeKey(hoisted.shape);
  const built = globalThis.__emergenceVegaSpecs?.[key];
  if (built !== undefined) {
    compileStats.precompiled++;
    return built;
  }
  const memo = compiledHere.get(key);
  if (memo !== undefined) return memo;
  const text = JSON.stringify((await compiler()).compileShape(hoisted.shape, Object.keys(hoisted.datasets)));
  compileStats.compiled++;
  if (compiledHere.size >= MAX_COMPILED) compiledHere.delete(compiledHere.keys().next().value as string);
  compiledHere.set(key, text);
  return text;
}

/** A whole spec compiled as the section wrote it (export files): always through the compiler. */
export async function compileFullSpec(spec: TopLevelSpec): Promise<Spec> {
  return (await compiler()).compileFull(spec);
}
