// Bundles the three entry points: the extension (node, vscode external), the webview
// page (browser) and the CLI (node). One esbuild call each, in parallel.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

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
};

/** Entry points; optional ones are skipped until the file exists. */
// The webview pages are always minified: their parse time is part of the first paint (issue 11).
const page = { platform: 'browser', format: 'iife', target: 'es2022', outdir: 'dist', minify: true };
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
].filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

const started = Date.now();
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
  console.log(`built ${builds.length} bundles in ${Date.now() - started} ms`);
}
