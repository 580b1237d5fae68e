#!/usr/bin/env node
// `npm start`: builds the extension, makes sure the offline VS Code (code-server) is
// installed, and starts it on 127.0.0.1:8080 with Emergence Lens loaded and the
// sample notes (samples/notes/) open. Ctrl-C stops everything it started.
//
//   npm start                      port 8080 (or $PORT)
//   npm start -- --port 9000
//   npm start -- --check           start, open the workbench in headless chromium, run
//                                  "Emergence: Show Emergence Chart", save a screenshot
//                                  to artifacts/start/, stop (exit 0 when it worked)
//
// The extension is loaded like an installed one: the extensions folder of the start
// profile (.cache/start/extensions) holds a symlink to this repository, so the
// workbench URL stays plain. After `npm run build` (or `npm run build -- --watch`),
// reload the browser window to pick up the new dist/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { killGroup, isPortFree, prepareRunDir, startCodeServer } from './lib/codeServer.mjs';
import { CACHE_DIR, REPO_ROOT, ensureOfflineHost } from './lib/offlineHost.mjs';
import { acceptFirstPick, runCommand } from './lib/workbench.mjs';

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : undefined;
}

const started = Date.now();
const port = Number(option('port') ?? process.env.PORT ?? 8080);
const check = process.argv.includes('--check');
const extensionPath = option('extension') ?? REPO_ROOT;
const workspace = option('folder') ?? join(REPO_ROOT, 'samples', 'notes');
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`start: bad port ${option('port') ?? process.env.PORT}`);
  process.exit(2);
}

console.log('start: building the extension');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

await ensureOfflineHost();
if (!(await isPortFree(port))) {
  console.error(`start: 127.0.0.1:${port} is in use; choose another port with --port N (or PORT=N)`);
  process.exit(1);
}

// A persistent profile (settings and UI state survive restarts), isolated from $HOME.
const profile = prepareRunDir(join(CACHE_DIR, 'start'));
const extensionsDir = join(profile, 'extensions');
rmSync(extensionsDir, { recursive: true, force: true });
mkdirSync(extensionsDir, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extensionPath, 'package.json'), 'utf8'));
symlinkSync(extensionPath, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');

let server;
const stop = (code) => {
  if (server) killGroup(server.pid);
  server = undefined;
  process.exit(code);
};
process.on('SIGINT', () => {
  console.log('\nstart: stopping code-server');
  stop(0);
});
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));

server = await startCodeServer({
  runDir: profile,
  port,
  extensionsDir,
  keepUserSettings: true,
  // The notes' README opens first: it lists the sections, and a Markdown file
  // activates the extension (hover, side view).
  settings: { 'workbench.startupEditor': 'readme' },
  smokeTestDriver: false,
});
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
server.child.on('exit', (code, signal) => {
  if (!server) return;
  console.error(`start: code-server stopped (${signal ?? `exit ${code}`}); its log: ${join(profile, 'code-server.log')}`);
  process.exit(code || 1);
});

console.log(`\nEmergence Lens is running in VS Code (code-server ${manifestVersion()}) after ${((Date.now() - started) / 1000).toFixed(1)} s:\n`);
console.log(`    ${url}\n`);
console.log(`Workspace: ${workspace}`);
console.log('Command palette (F1): "Emergence: Show Emergence Chart". Ctrl-C stops the server.');

if (check) {
  const ok = await smokeCheck(url);
  stop(ok ? 0 : 1);
}

function manifestVersion() {
  try {
    return JSON.parse(readFileSync(join(CACHE_DIR, 'host', 'installed.json'), 'utf8')).codeServer;
  } catch {
    return '?';
  }
}

/** F1 → "Emergence: Show Emergence Chart" → the first section of the quick pick. */
async function runShowChartFromPalette(page) {
  await page.keyboard.press('Escape');
  await page.click('.part.sidebar .title', { timeout: 20_000 }).catch(() => page.mouse.click(200, 300));
  await runCommand(page, 'Emergence: Show Emergence Chart');
  await acceptFirstPick(page);
}

/** Opens the URL like a user would and shows a chart through the command palette. */
async function smokeCheck(target) {
  const { launchChromium } = await import('./lib/browser.mjs');
  const artifacts = join(REPO_ROOT, 'artifacts', 'start');
  mkdirSync(artifacts, { recursive: true });
  const profileDir = join(profile, 'tmp', 'chromium-check');
  rmSync(profileDir, { recursive: true, force: true });
  const context = await launchChromium(profileDir);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(target, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // Let the start-up editor (the notes' README preview, a webview that takes focus
    // when it loads) settle before typing.
    const previewDeadline = Date.now() + 30_000;
    while (Date.now() < previewDeadline) {
      let found = false;
      for (const frame of page.frames()) {
        if (await frame.evaluate(() => document.body?.innerText.includes('Emergence notes')).catch(() => false)) found = true;
      }
      if (found) break;
      await page.waitForTimeout(500);
    }
    await page.waitForTimeout(2000);
    await page.screenshot({ path: join(artifacts, 'workbench.png') });
    let info;
    for (let attempt = 1; attempt <= 3 && !info; attempt++) {
      await runShowChartFromPalette(page).catch((e) => console.error(`start --check: attempt ${attempt}: ${e.message.split('\n')[0]}`));
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && !info) {
        for (const frame of page.frames()) {
          const r = await frame
            .evaluate(() => {
              const main = document.querySelector('main#charts');
              if (!main || document.body.dataset.state !== 'ready') return null;
              return { section: document.body.dataset.section, charts: main.querySelectorAll('figure.chart').length };
            })
            .catch(() => null);
          if (r) info = r;
        }
        if (!info) await page.waitForTimeout(500);
      }
      if (!info) console.error(`start --check: attempt ${attempt}: no chart panel yet`);
    }
    await page.waitForTimeout(1500); // let the panel paint before the screenshot
    await page.screenshot({ path: join(artifacts, 'chart.png') });
    if (!info) {
      console.error('start --check: no chart panel rendered (see artifacts/start/chart.png)');
      return false;
    }
    console.log(`start --check: panel "${info.section}" rendered ${info.charts} chart(s); screenshots in artifacts/start/`);
    return true;
  } catch (err) {
    console.error(`start --check: ${err?.message ?? err}`);
    return false;
  } finally {
    await context.close().catch(() => {});
  }
}
