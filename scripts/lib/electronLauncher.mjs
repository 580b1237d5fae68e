// The VS Code desktop launcher: @vscode/test-electron's runTests (it downloads VS Code,
// so it needs a machine that can reach Microsoft's update site), with the workbench
// opened to the Chrome DevTools protocol on loopback. playwright-core connects to it
// and answers the suites' screen checks through the same code as the code-server
// launcher (webviewSnapshots.mjs): the same frames found, buttons pressed, marks
// counted and screenshots taken, so the suites make the same assertions under both.
// The save dialog is VS Code's own simple dialog (files.simpleDialog.enable), as in
// code-server: a native OS dialog cannot be answered from a test.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, newRunDir } from './codeServer.mjs';
import { REPO_ROOT } from './offlineHost.mjs';
import { collectWebviewErrors, serveSnapshots } from './webviewSnapshots.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The workbench window once VS Code listens on `port` (polls for up to `timeoutMs`). */
async function connectWorkbench(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 10_000 });
      for (const context of browser.contexts()) {
        const page = context.pages().find((p) => /workbench\.(esm\.)?html/.test(p.url()));
        if (page) return { browser, page };
      }
      await browser.close();
    } catch (err) {
      lastError = err;
    }
    await sleep(1_000);
  }
  throw new Error(`VS Code's workbench did not open on port ${port}: ${lastError?.message ?? 'no workbench window'}`);
}

export async function runTestsInElectron({
  extensionDevelopmentPath = REPO_ROOT,
  extensionTestsPath,
  workspace,
  artifactsDir = join(REPO_ROOT, 'artifacts', 'integration'),
}) {
  const { runTests } = await import('@vscode/test-electron');
  const runDir = newRunDir('integration-electron');
  const snapshotDir = join(runDir, 'snapshots');
  const userData = join(runDir, 'user-data');
  mkdirSync(snapshotDir, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ 'files.simpleDialog.enable': true, 'window.dialogStyle': 'custom' }, null, 2));
  // The suites edit notes: they work on a copy, as under code-server.
  const workspaceCopy = join(runDir, 'workspace');
  if (workspace && existsSync(workspace)) cpSync(workspace, workspaceCopy, { recursive: true });
  else mkdirSync(workspaceCopy, { recursive: true });
  const port = await freePort();
  const tests = runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { EMERGENCE_TEST_SNAPSHOT_DIR: snapshotDir },
    launchArgs: [
      workspaceCopy,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${userData}`,
      `--remote-debugging-port=${port}`,
      // Electron refuses to run as root without it (CI containers).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  // runTests first downloads VS Code: the workbench may take minutes to appear.
  const done = tests.then(
    (code) => code,
    (err) => {
      console.error(`[integration] ${err?.message ?? err}`);
      return 1;
    },
  );
  let browser;
  try {
    const connected = await Promise.race([connectWorkbench(port, 15 * 60_000), done.then(() => undefined)]);
    if (!connected) return await done;
    browser = connected.browser;
    const webviewErrors = collectWebviewErrors(connected.page);
    await serveSnapshots({ page: connected.page, snapshotDir, artifactsDir, webviewErrors, done });
    await connected.page.screenshot({ path: join(artifactsDir, 'workbench-final.png') }).catch(() => {});
    return await done;
  } catch (err) {
    console.error(`[integration] ${err?.message ?? err}`);
    await done;
    return 1;
  } finally {
    await browser?.close().catch(() => {});
  }
}
