#!/usr/bin/env node
// `npm run test:integration`: bundles the integration suites and runs them inside a
// real VS Code extension host. Two launchers, one suite folder:
//   - code-server (offline; the default on machines that cannot download VS Code),
//   - @vscode/test-electron's runTests (downloads VS Code desktop).
// EMERGENCE_TEST_HOST=code-server|electron forces one; otherwise the launcher is
// chosen by whether VS Code can be downloaded. Expects `npm run build` to have run
// (dist/extension.js); pass --build to build first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIntegrationTests } from './lib/buildIntegrationTests.mjs';
import { REPO_ROOT } from './lib/offlineHost.mjs';

const started = Date.now();
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

async function canDownloadVSCode() {
  // A VS Code build that test-electron downloaded before is enough.
  const cache = join(REPO_ROOT, '.vscode-test');
  if (existsSync(cache) && readdirSync(cache).some((n) => n.startsWith('vscode-'))) return true;
  try {
    const res = await fetch('https://update.code.visualstudio.com/api/releases/stable', { signal: AbortSignal.timeout(5000) });
    return res.ok;
  } catch {
    return false;
  }
}

const requested = process.env.EMERGENCE_TEST_HOST;
if (requested && requested !== 'code-server' && requested !== 'electron') {
  console.error(`[integration] EMERGENCE_TEST_HOST must be code-server or electron, not ${requested}`);
  process.exit(2);
}
const hostKind = requested ?? ((await canDownloadVSCode()) ? 'electron' : 'code-server');
console.error(`[integration] launcher: ${hostKind}${requested ? ' (EMERGENCE_TEST_HOST)' : ''}`);

let code;
if (hostKind === 'electron') {
  const { runTests } = await import('@vscode/test-electron');
  try {
    code = await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(testsDir, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        // Electron refuses to run as root without it (CI containers).
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
  } catch (err) {
    console.error(`[integration] ${err?.message ?? err}`);
    code = 1;
  }
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
