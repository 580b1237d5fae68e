// vega-canvas's node build probes for node-canvas with a top-level await, which a
// CommonJS require cannot load. We never use node-canvas (SVG via renderer "none",
// PNG via resvg), so tests resolve vega-canvas to its browser build, exactly as the
// esbuild bundles of the CLI and extension do (scripts/build.mjs, alias).
const Module = require('node:module');
const path = require('node:path');
// Resolved like any package (not from this file's folder), so it also works from
// Stryker's sandbox copy of the project, which reaches node_modules by walking up.
const browserBuild = path.join(path.dirname(require.resolve('vega-canvas')), 'vega-canvas.browser.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vega-canvas') return browserBuild;
  return resolve.call(this, request, ...rest);
};
