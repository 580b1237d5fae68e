// The offline integration launcher: runs the mocha suites inside code-server's real
// VS Code extension host, with the workbench in headless Debian chromium driven by
// playwright-core. Recipe: shared/notes/real-vscode-host-offline.md.
//
//   runTestsInCodeServer({ extensionDevelopmentPath, extensionTestsPath, workspace })
//     -> exit code (mocha's result; 1 on timeout or on errors from the extension)
//
// Besides running mocha it answers the suites' webview snapshot requests
// (webviewSnapshots.mjs, shared with the VS Code desktop launcher).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser.mjs';
import { freePort, killGroup, newRunDir, startCodeServer } from './codeServer.mjs';
import { REPO_ROOT } from './offlineHost.mjs';
import { collectWebviewErrors, serveSnapshots } from './webviewSnapshots.mjs';

/** Log lines that mention the extension (its id, name, command prefix or folder). */
const MENTIONS_EXTENSION = /emergence/i;
/** Lines test/integration/index.ts logs around mocha's run. */
const TESTS_START = '[emergence-tests] start';
const TESTS_END = '[emergence-tests] end';
/** Lines a test marks as deliberately provoked errors. */
const EXPECTED_ERROR = /\[expected\]/;

export async function runTestsInCodeServer({
  extensionDevelopmentPath = REPO_ROOT,
  extensionTestsPath,
  workspace,
  artifactsDir = join(REPO_ROOT, 'artifacts', 'integration'),
  timeoutMs = Number(process.env.EMERGENCE_TEST_TIMEOUT_MS ?? 15 * 60_000),
  env = {},
  verbose = Boolean(process.env.EMERGENCE_TEST_VERBOSE),
}) {
  const started = Date.now();
  const runDir = newRunDir('integration');
  const snapshotDir = join(runDir, 'snapshots');
  mkdirSync(snapshotDir, { recursive: true });
  mkdirSync(artifactsDir, { recursive: true });
  const workspaceCopy = join(runDir, 'workspace');
  if (workspace && existsSync(workspace)) cpSync(workspace, workspaceCopy, { recursive: true });
  else mkdirSync(workspaceCopy, { recursive: true });

  let server;
  let context;
  let finished = false;
  const cleanup = async () => {
    if (context) await context.close().catch(() => {});
    context = undefined;
    if (server) killGroup(server.pid);
    server = undefined;
  };
  const onSignal = (sig) => {
    process.stderr.write(`\n[integration] ${sig}: stopping code-server and chromium\n`);
    if (server) killGroup(server.pid);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });

  const hostErrors = [];
  let exitCode;
  try {
    const port = await freePort();
    const startup = (async () => {
      server = await startCodeServer({
        runDir,
        port,
        env: { EMERGENCE_TEST_SNAPSHOT_DIR: snapshotDir, ...env },
        log: verbose ? (s) => process.stderr.write(`[code-server] ${s}`) : () => {},
      });
      context = await launchChromium(join(runDir, 'chromium'));
      // Copy Spec's test reads the clipboard back through the workbench.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return context;
    })();
    const ready = await Promise.race([startup, timeout]);
    if (ready === 'timeout') throw new Error(`code-server / chromium did not start within ${timeoutMs} ms`);
    console.error(
      `[integration] code-server ${server.url} ready after ${((Date.now() - started) / 1000).toFixed(1)} s (run folder ${relative(REPO_ROOT, runDir)})`,
    );

    // Tag console errors of webview frames. VS Code writes the webview's HTML into its
    // frame with document.open(), which keeps the window (and this console wrapper)
    // but drops event listeners, so CSP violations are caught from Chromium's own
    // console messages (their location is the webview frame) instead.
    await context.addInitScript(() => {
      if (window === window.top) return;
      const original = console.error.bind(console);
      const tag = () => `[frame ${location.pathname.split('/').pop() || location.href}]`;
      console.error = (...args) => original(tag(), ...args);
      window.addEventListener('error', (e) => original(tag(), 'uncaught', e.message));
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let testsRunning = false;
    let resolveExit;
    const exited = new Promise((resolve) => {
      resolveExit = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (
        type === 'error' &&
        MENTIONS_EXTENSION.test(text.split(REPO_ROOT).join('<repo>')) &&
        !EXPECTED_ERROR.test(text) &&
        !/integration test\(s\) failed/.test(text)
      ) {
        hostErrors.push(text);
      }
      // Mocha's reporter (and anything the extension logs while tests run) goes to
      // stdout; the workbench's own start-up chatter only with EMERGENCE_TEST_VERBOSE.
      if (text.includes(TESTS_START)) testsRunning = true;
      const isMarker = text.includes(TESTS_START) || text.includes(TESTS_END);
      if (!isMarker && testsRunning && (type === 'log' || type === 'info')) process.stdout.write(`${text}\n`);
      else if (!isMarker && (verbose || hostErrors.includes(text))) process.stderr.write(`[host:${type}] ${text}\n`);
      if (text.includes(TESTS_END)) testsRunning = false;
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(Number(code));
    });
    const frameErrors = collectWebviewErrors(page, { verbose });

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(workspaceCopy)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

    // Serve snapshot requests until the tests report their exit code.
    const exitOrTimeout = Promise.race([exited, timeout]);
    await serveSnapshots({ page, snapshotDir, artifactsDir, webviewErrors: frameErrors, done: exitOrTimeout });
    const result = await exitOrTimeout;
    if (result === 'timeout') {
      console.error(`[integration] timed out after ${timeoutMs} ms: the tests never reported an exit code`);
      await page.screenshot({ path: join(artifactsDir, 'timeout.png') }).catch(() => {});
      exitCode = 1;
    } else {
      exitCode = result;
      await page.screenshot({ path: join(artifactsDir, 'workbench-final.png') }).catch(() => {});
    }

    // The extension host's own log files (activation failures land there too).
    hostErrors.push(...scanExtHostLogs(join(runDir, 'user-data', 'logs')));
    if (hostErrors.length > 0) {
      console.log(`\n[integration] ${hostErrors.length} error(s) from the extension in the extension host log:`);
      for (const e of [...new Set(hostErrors)]) console.log(`  - ${e.split('\n').slice(0, 6).join('\n    ')}`);
      console.log('host log: 0 passed, 1 failed');
      exitCode = 1;
    } else {
      console.log('[integration] extension host log: no error from the extension');
    }
    finished = true;
  } catch (err) {
    console.error(`[integration] ${err?.stack ?? err}`);
    console.error(`[integration] run folder kept: ${runDir}`);
    exitCode = 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.error(`[integration] ${finished ? 'finished' : 'aborted'} in ${((Date.now() - started) / 1000).toFixed(1)} s with exit code ${exitCode}`);
  return exitCode;
}

/** `[error]` lines mentioning the extension in the remote extension host's log files. */
function scanExtHostLogs(logsDir) {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/exthost.*\.log$/i.test(name)) {
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          if (/\[error\]/.test(line) && MENTIONS_EXTENSION.test(line.split(REPO_ROOT).join('<repo>')) && !EXPECTED_ERROR.test(line))
            found.push(`${name}: ${line}`);
        }
      }
    }
  };
  walk(logsDir);
  return found;
}
