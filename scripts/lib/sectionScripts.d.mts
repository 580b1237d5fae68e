import type { BuildOptions } from 'esbuild';

/** [exported name, folder] of every section src/sections/index.ts imports. */
export function registrySections(registrySource?: string): { name: string; folder: string }[];
/** esbuild options for each section's script, dist/sections/<folder>.js (to be merged with a page's options). */
export function sectionScriptBuilds(): BuildOptions[];
