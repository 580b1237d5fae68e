#!/usr/bin/env node
// `npm run test:integration`: bundles the integration suites and runs them inside a
// real VS Code extension host. Two launchers, one suite folder, chosen explicitly by
// EMERGENCE_TEST_HOST (never by probing a website, so being online cannot change which
// assertions run):
//   - code-server (the default; offline, Chromium drives the workbench and answers the
//     suites' screen checks),
//   - electron: @vscode/test-electron's runTests (downloads VS Code desktop), the
//     workbench reached over the DevTools protocol for the same screen checks
//     (scripts/lib/electronLauncher.mjs).
// Expects `npm run build` to have run (dist/extension.js); pass --build to build first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIntegrationTests } from './lib/buildIntegrationTests.mjs';
import { REPO_ROOT } from './lib/offlineHost.mjs';

const started = Date.now();
const requested = process.env.EMERGENCE_TEST_HOST || 'code-server';
if (requested !== 'code-server' && requested !== 'electron') {
  console.error(`[integration] EMERGENCE_TEST_HOST must be code-server or electron, not ${requested}`);
  process.exit(2);
}
const hostKind = requested;
console.error(
  `[integration] launcher: ${hostKind}${process.env.EMERGENCE_TEST_HOST ? ' (EMERGENCE_TEST_HOST)' : ' (default; EMERGENCE_TEST_HOST=electron for VS Code desktop)'}`,
);

const args = process.argv.slice(2);
if (args.includes('--build') || !existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
  console.error('[integration] building the extension (npm run build)');
  const b = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!existsSync(join(REPO_ROOT, 'dist', 'extension.js'))) {
  console.error('[integration] dist/extension.js is missing after the build');
  process.exit(1);
}

const testsDir = await buildIntegrationTests();
const workspace = join(REPO_ROOT, 'samples', 'notes');

let code;
if (hostKind === 'electron') {
  const { runTestsInElectron } = await import('./lib/electronLauncher.mjs');
  code = await runTestsInElectron({ extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: join(testsDir, 'index.js'), workspace });
} else {
  const { runTestsInCodeServer } = await import('./lib/codeServerLauncher.mjs');
  code = await runTestsInCodeServer({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: testsDir,
    workspace,
  });
}
console.error(`[integration] ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code);
