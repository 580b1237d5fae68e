// The suites' screen checks, answered from outside the extension host by whichever
// launcher runs them (test/integration/support/host.ts writes a request file, this
// answers it): find the webview frame that shows the requested charts, perform the
// user's actions in it (press a button, set a control, answer the save dialog), count
// the SVG marks in its DOM, and screenshot the workbench into artifacts/integration/.
// code-server drives its workbench in Chromium (codeServerLauncher.mjs); VS Code
// desktop is reached over the Chrome DevTools protocol (electronLauncher.mjs). Both
// pass their Playwright page here, so the suites make the same assertions under both.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './offlineHost.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Webview frames: code-server's .../webview/browser/pre/index.html or VS Code desktop's vscode-webview:// frames. */
const WEBVIEW_FRAME = /\/webview\/browser\/pre\/|^vscode-webview:/;

/** Collects the console errors and uncaught errors of the page's webview frames. */
export function collectWebviewErrors(page, { verbose = false } = {}) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    const text = msg.text();
    if (/^\[frame (index|fake)\.html\]/.test(text) || WEBVIEW_FRAME.test(where)) errors.push(text);
    if (verbose) process.stderr.write(`[browser:error] ${text} (${where})\n`);
  });
  page.on('pageerror', (err) => {
    // Uncaught errors of the webview's scripts (served through vscode-resource URLs).
    const stack = err.stack ?? '';
    if (/vscode-resource|vscode-cdn|vscode-webview|\/webview\/browser\/pre\//.test(stack) || !/https?:\/\//.test(stack))
      errors.push(`uncaught: ${err.message}`);
    if (verbose) process.stderr.write(`[browser:pageerror] ${err.stack}\n`);
  });
  return errors;
}

/** Answers every request file in `snapshotDir` until `done` settles. */
export async function serveSnapshots({ page, snapshotDir, artifactsDir, webviewErrors, done }) {
  const served = new Set();
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  while (!finished) {
    for (const f of readdirSync(snapshotDir)
      .filter((n) => n.endsWith('.request.json'))
      .sort()) {
      if (served.has(f)) continue;
      served.add(f);
      const request = JSON.parse(readFileSync(join(snapshotDir, f), 'utf8'));
      const response = await snapshotWebview(page, request, artifactsDir, webviewErrors.splice(0));
      const out = join(snapshotDir, f.replace('.request.json', '.response.json'));
      writeFileSync(`${out}.tmp`, JSON.stringify(response, null, 2));
      renameSync(`${out}.tmp`, out);
    }
    await Promise.race([done, sleep(200)]).catch(() => {});
  }
}

/** Finds the frame that shows `request.chartIds`, reads its state and marks, screenshots. */
async function snapshotWebview(page, request, artifactsDir, errorsSoFar) {
  const want = [...request.chartIds].sort().join('\n');
  const deadline = Date.now() + 30_000;
  let match;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      let info;
      try {
        info = await frame.evaluate(() => {
          const main = document.querySelector('main#charts');
          if (!main) return null;
          return {
            url: location.href,
            state: document.body.dataset.state ?? '',
            error: document.querySelector('#error')?.textContent ?? '',
            charts: [...main.querySelectorAll('figure.chart')].map((f) => ({
              id: f.getAttribute('data-chart-id') ?? '',
              marks: f.querySelectorAll('svg g[class^="mark-"] > *, svg g[class*=" mark-"] > *').length,
            })),
          };
        });
      } catch {
        continue; // navigating or detached
      }
      if (!info) continue;
      if (
        info.charts
          .map((c) => c.id)
          .sort()
          .join('\n') !== want
      )
        continue;
      match = { frame, info };
      if (info.state === 'ready' || info.state === 'error') break;
    }
    if (match && (match.info.state === 'ready' || match.info.state === 'error')) break;
    await sleep(250);
  }
  // What a user does in the page: controls and buttons found by role and accessible
  // name (test/integration/support/host.ts: pressInWebview), one after the other.
  const actions = [];
  if (match && Array.isArray(request.actions)) {
    for (const a of request.actions) actions.push(await performAction(page, match.frame, a));
  }
  await sleep(300); // let the last paint reach the screen
  const shot = join(artifactsDir, `${request.name}.png`);
  await page.screenshot({ path: shot }).catch(() => {});
  if (!match) {
    return {
      name: request.name,
      ok: false,
      error: `no webview frame shows the charts ${request.chartIds.join(', ')}`,
      webviewErrors: errorsSoFar,
      screenshot: relative(REPO_ROOT, shot),
    };
  }
  const charts = match.info.charts;
  const marks = charts.reduce((n, c) => n + c.marks, 0);
  console.error(
    `[integration] webview ${request.name}: ${charts.length} charts, ${marks} marks, state ${match.info.state}; screenshot ${relative(REPO_ROOT, shot)}`,
  );
  return {
    name: request.name,
    ok: true,
    frameUrl: match.info.url,
    state: match.info.state,
    error: match.info.error || undefined,
    charts,
    webviewErrors: errorsSoFar,
    screenshot: relative(REPO_ROOT, shot),
    actions,
  };
}

/**
 * One user action in a webview frame: `press` clicks the element with that ARIA role
 * and accessible name, `fill` sets a control's value as typing or dragging would
 * (input events included), `saveAs` answers the workbench's save dialog with a path.
 */
async function performAction(page, frame, action) {
  try {
    if (action.kind === 'saveAs') {
      // code-server's simple file dialog: a quick input holding the path to save to.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      // The simple dialog writes its default path into the input once it has resolved the
      // folder, which can land after a fast fill: fill until the input holds our path.
      for (let attempt = 0; attempt < 50; attempt++) {
        await input.fill(action.path);
        await page.waitForTimeout(100);
        if ((await input.inputValue()) === action.path) break;
      }
      if ((await input.inputValue()) !== action.path) return { ok: false, error: 'the save dialog did not keep the path' };
      await input.press('Enter');
      return { ok: true };
    }
    const target = frame.getByRole(action.role, { name: action.name, exact: true });
    await target.waitFor({ state: 'visible', timeout: 15_000 });
    if (action.kind === 'fill') await target.fill(String(action.value));
    else if (action.kind === 'press') await target.click();
    else return { ok: false, error: `unknown action ${action.kind}` };
    return { ok: true };
  } catch (err) {
    return { ok: false, error: String(err?.message ?? err).split('\n')[0] };
  }
}
