// Starts code-server (the offline VS Code host) on loopback with a fresh run folder,
// every writable location (HOME, TMPDIR, XDG_*) inside it, and stops it again by
// killing its process group. Used by the integration launcher and by `npm start`.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { RUNS_DIR, ensureOfflineHost } from './offlineHost.mjs';

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A new run folder under .cache/runs/, keeping only the `keep` most recent ones. */
export function newRunDir(label, keep = 4) {
  mkdirSync(RUNS_DIR, { recursive: true });
  const old = readdirSync(RUNS_DIR)
    .map((name) => ({ name, mtime: statSync(join(RUNS_DIR, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of old.slice(Math.max(0, keep - 1))) rmSync(join(RUNS_DIR, name), { recursive: true, force: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return prepareRunDir(join(RUNS_DIR, `${stamp}-${label}-${process.pid}`));
}

/** Creates the folders code-server and its children write to (HOME, TMPDIR, XDG_*, user data). */
export function prepareRunDir(dir) {
  for (const sub of ['home', 'tmp', 'xdg/config', 'xdg/data', 'xdg/cache', 'xdg/state', 'user-data/User', 'extensions']) {
    mkdirSync(join(dir, sub), { recursive: true });
  }
  return dir;
}

/** HOME, TMPDIR and XDG_* inside the run folder (otherwise code-server writes into the real home and /tmp). */
function isolatedEnv(runDir) {
  return {
    HOME: join(runDir, 'home'),
    TMPDIR: join(runDir, 'tmp'),
    XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
    XDG_STATE_HOME: join(runDir, 'xdg', 'state'),
    XDG_RUNTIME_DIR: join(runDir, 'tmp'),
  };
}

/** Settings that keep a fresh workbench quiet and deterministic. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'github.copilot.enable': { '*': false },
};

/** Workspace trust as VS Code ships it (on), with no start-up prompt: a folder opens untrusted (Restricted Mode). */
const RESTRICTED_MODE_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
};

/**
 * Starts code-server. Returns { url, port, pid, runDir, stop() }. `env` is added to
 * code-server's environment (the extension host inherits it). With `workspaceTrust`,
 * trust stays on (VS Code's default) and folders open untrusted, in Restricted Mode.
 */
export async function startCodeServer({
  runDir,
  port,
  settings = {},
  keepUserSettings = false,
  env = {},
  extensionsDir,
  smokeTestDriver = true,
  workspaceTrust = false,
  log = () => {},
}) {
  const host = await ensureOfflineHost();
  const userData = join(runDir, 'user-data');
  const settingsFile = join(userData, 'User', 'settings.json');
  const trust = workspaceTrust ? RESTRICTED_MODE_SETTINGS : {};
  if (!keepUserSettings || !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...settings }, null, 2));
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    host.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config',
    config,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir ?? join(runDir, 'extensions'),
  ];
  // Essential for tests: without it the workbench ignores the development payload.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const childEnv = { ...process.env, ...isolatedEnv(runDir), ...env };
  // Variables of the launching npm / IDE would leak into the extension host.
  for (const k of Object.keys(childEnv)) if (k.startsWith('npm_') || k.startsWith('VSCODE_')) delete childEnv[k];
  const out = createWriteStream(join(runDir, 'code-server.log'));
  const child = spawn(host.node, args, { cwd: runDir, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out, { end: false });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child.pid);
  try {
    await waitHealthy(url, 90_000, () => exited);
  } catch (err) {
    stop();
    throw err;
  }
  return { url, port, pid: child.pid, runDir, child, stop };
}

async function waitHealthy(url, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('code-server exited during start-up (see code-server.log in the run folder)');
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/**
 * Installs a .vsix into `extensionsDir` with code-server's own CLI, as a user would
 * (`code-server --install-extension x.vsix`): VS Code unpacks and registers it there.
 */
export async function installVsix({ runDir, vsix, extensionsDir }) {
  const host = await ensureOfflineHost();
  const { spawnSync } = await import('node:child_process');
  const env = { ...process.env, ...isolatedEnv(runDir) };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k.startsWith('VSCODE_')) delete env[k];
  const r = spawnSync(
    host.node,
    [host.codeServerEntry, '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { cwd: runDir, env, encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr || r.stdout}`);
  return `${r.stdout}${r.stderr}`.trim();
}

/** SIGTERM to the whole process group, SIGKILL if it is still there shortly after. */
export function killGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}
