// Bundles the integration suites for the extension host: out/integration/index.js
// (the mocha runner, mocha bundled in) and out/integration/suite/*.test.js, with
// `vscode` left external (the host provides it).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './offlineHost.mjs';

const INTEGRATION_OUT = join(REPO_ROOT, 'out', 'integration');

export async function buildIntegrationTests() {
  const suiteDir = join(REPO_ROOT, 'test', 'integration', 'suite');
  const suites = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts'));
  rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    absWorkingDir: REPO_ROOT,
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
    // The suites render charts headless for their expected mark counts; vega-canvas's
    // node build has a top-level await (as in scripts/build.mjs).
    alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
  };
  await esbuild.build({ ...common, entryPoints: { index: 'test/integration/index.ts' }, outdir: INTEGRATION_OUT });
  await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(suites.map((f) => [f.replace(/\.ts$/, ''), join('test/integration/suite', f)])),
    outdir: join(INTEGRATION_OUT, 'suite'),
  });
  return INTEGRATION_OUT;
}
