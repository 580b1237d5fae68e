// Bundles the three entry points: the extension (node, vscode external), the webview
// page (browser) and the CLI (node). One esbuild call each, in parallel.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sectionScriptBuilds } from './lib/sectionScripts.mjs';
import { vegaPatches } from './lib/vegaPatches.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// vega-canvas's node build probes for node-canvas with a top-level await (not allowed
// in cjs); we never draw on a node canvas, so node bundles use its browser build.
const vegaCanvasBrowser = './node_modules/vega-canvas/build/vega-canvas.browser.js';
const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Every bundle that parses or evaluates Vega expressions gets the same patched Vega.
  plugins: [vegaPatches],
};

/** Entry points; optional ones are skipped until the file exists. */
// The webview pages are always minified: their parse time is part of the first paint (issue 11).
const pageScript = { platform: 'browser', format: 'iife', target: 'es2022', minify: true };
const page = { ...pageScript, outdir: 'dist' };
const builds = [
  // './render.js' and './typeset.js' stay runtime requires: vega and MathJax load with the first hover, not at activation.
  {
    entryPoints: { extension: 'src/extension/extension.ts' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', './render.js', './typeset.js'],
    outdir: 'dist',
    alias: { 'vega-canvas': vegaCanvasBrowser },
  },
  // The fit's worker thread (src/fitWorker/host.ts starts it from dist/fitWorker.js).
  { entryPoints: { fitWorker: 'src/fitWorker/worker.ts' }, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist' },
  {
    entryPoints: { render: 'src/cli/renderChart.ts' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: 'dist',
    alias: { 'vega-canvas': vegaCanvasBrowser },
  },
  { entryPoints: { typeset: 'src/extension/typeset.ts' }, platform: 'node', format: 'cjs', target: 'node20', outdir: 'dist' },
  {
    entryPoints: { cli: 'src/cli/main.ts' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir: 'dist',
    external: ['@resvg/resvg-js'],
    alias: { 'vega-canvas': vegaCanvasBrowser },
    banner: { js: '#!/usr/bin/env node' },
  },
  { entryPoints: { webview: 'webview/main.ts' }, ...page },
  { entryPoints: { preview: 'webview/preview.ts' }, ...page },
  { entryPoints: { previewCharts: 'webview/previewCharts.ts' }, ...page },
  { entryPoints: { fit: 'webview/fit.ts' }, ...page },
  { entryPoints: { elements: 'webview/elements.ts' }, ...page },
  // The Vega-Lite compiler, loaded by a page only for a shape not compiled at build time.
  { entryPoints: { compiler: 'webview/compiler.ts' }, ...page },
].filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));
// Each section's code, loaded by the pages that draw it (webview/lib/sections.ts).
builds.push(...sectionScriptBuilds().map((b) => ({ ...pageScript, ...b })));

// The engine's stored emergence fits (src/engine/emergence/shippedFits.generated.ts) follow their sources.
if (!watch) execFileSync(process.execPath, ['--import', 'tsx', 'test/generate/shippedFits.ts', '--if-stale'], { stdio: 'inherit' });

const started = Date.now();
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
  console.log(`built ${builds.length} bundles in ${Date.now() - started} ms`);
  precompileCharts();
}

/** Every file the compiled chart tables depend on (sections, engine, the webview's layout code, the libraries' versions). */
function precompileInputs() {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  ['src/sections', 'src/engine', 'webview/lib'].forEach(walk);
  // The fit panel's table is compiled from fits of the tour's sample runs.
  files.push('scripts/precompileCharts.ts', 'samples/notes/en/tour/4-fit-your-runs.md', 'package-lock.json');
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex');
}

/** dist/charts/*.js (scripts/precompileCharts.ts), rebuilt only when one of its inputs changed. */
function precompileCharts() {
  const stamp = 'dist/charts/.inputs';
  const inputs = precompileInputs();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs) {
    console.log('chart specs: up to date');
    return;
  }
  const script = '.cache/precompileCharts.cjs';
  esbuild.buildSync({
    ...common,
    // It compiles specs and evaluates no expression; esbuild's synchronous API takes no plugins.
    plugins: [],
    sourcemap: false,
    entryPoints: ['scripts/precompileCharts.ts'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    alias: { 'vega-canvas': vegaCanvasBrowser },
  });
  execFileSync(process.execPath, [script, 'dist'], { stdio: 'inherit' });
  writeFileSync(stamp, inputs);
}
