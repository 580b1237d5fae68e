// What a user does in the workbench, driven through playwright-core: the command
// palette, quick open, go to line, the keyboard hover, and finding the webview frames
// (two iframes deep: .../webview/browser/pre/index.html → fake.html or the content).
// Used by scripts/test-installed.mjs and `npm start -- --check`; every wait is bounded.

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe()` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function until(probe, timeoutMs, everyMs = 300) {
  const deadline = Date.now() + timeoutMs;
  let value;
  while (Date.now() < deadline) {
    value = await probe().catch(() => undefined);
    if (value) return value;
    await sleep(everyMs);
  }
  return value;
}

async function quickInput(page, text) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20_000 });
  await page.fill('.quick-input-widget input', text);
}

/** F1, the command's title, then the palette row of exactly that command (as a user clicks it). */
export async function runCommand(page, title) {
  await quickInput(page, `>${title}`);
  // A row's aria-label is the title, possibly followed by its keybinding or "recently used":
  // "Markdown: Open Preview" must not match "Markdown: Open Preview to the Side".
  const index = await until(
    () =>
      page.evaluate((t) => {
        const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')];
        const i = rows.findIndex((r) => {
          const label = r.getAttribute('aria-label') ?? '';
          return label.startsWith(t) && !/^\s?[A-Za-z]/.test(label.slice(t.length));
        });
        return i >= 0 ? i + 1 : null;
      }, title),
    20_000,
  );
  if (!index) throw new Error(`the palette lists no command "${title}"`);
  await page
    .locator('.quick-input-list .monaco-list-row')
    .nth(index - 1)
    .click();
}

/** Picks the first item of the quick pick a command opened (e.g. the section picker). */
export async function acceptFirstPick(page) {
  await page.waitForFunction(
    () => {
      const widget = document.querySelector('.quick-input-widget');
      const input = document.querySelector('.quick-input-widget input');
      return (
        widget &&
        widget.style.display !== 'none' &&
        input &&
        !input.value.startsWith('>') &&
        document.querySelectorAll('.quick-input-list .monaco-list-row').length > 0
      );
    },
    undefined,
    { timeout: 20_000 },
  );
  await page.keyboard.press('Enter');
}

/** Quick open (F1 without ">"): opens the workspace file whose path ends with `relPath`. */
export async function openFile(page, relPath) {
  await quickInput(page, relPath);
  const name = relPath.split('/').pop();
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => (r.getAttribute('aria-label') ?? '').includes(n)),
    name,
    { timeout: 20_000 },
  );
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('.tabs-container .tab.active')?.getAttribute('aria-label')?.includes(n), name, { timeout: 20_000 });
  await sleep(500);
}

/** Moves the cursor with "Go to Line/Column" (Ctrl+G): line and column are 1-based. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Escape');
  await page.click('.editor-instance .monaco-editor .view-lines', { position: { x: 5, y: 5 } }).catch(() => {});
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10_000 });
  await page.fill('.quick-input-widget input', `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

/** The 1-based line of the first line of the active editor's model that contains `needle`. */
export async function lineOf(page, fileText, needle) {
  const i = fileText.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the note`);
  return { line: i + 1, column: fileText.split('\n')[i].indexOf(needle) + 1 };
}

/** "Show or Focus Hover" (Ctrl+K Ctrl+I) at the cursor; resolves with the visible hover's geometry. */
export async function showHover(page) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  return until(
    () =>
      page.evaluate(() => {
        const hover = [...document.querySelectorAll('.monaco-hover')].find(
          (h) => !h.classList.contains('hidden') && h.getBoundingClientRect().height > 40 && h.querySelector('img'),
        );
        if (!hover) return null;
        const box = hover.getBoundingClientRect();
        const images = [...hover.querySelectorAll('img')].map((img) => {
          const r = img.getBoundingClientRect();
          return {
            src: (img.getAttribute('src') ?? '').slice(0, 40),
            alt: img.getAttribute('alt') ?? '',
            top: r.top - box.top,
            bottom: r.bottom - box.top,
            width: r.width,
            height: r.height,
            loaded: img.complete && img.naturalWidth > 0,
          };
        });
        const linkBottom = Math.max(
          ...[...hover.querySelectorAll('a')]
            .filter((a) => /Show chart|显示图表/.test(a.textContent ?? ''))
            .map((a) => a.getBoundingClientRect().bottom - box.top),
        );
        const table = hover.querySelector('table');
        return {
          text: hover.innerText,
          height: box.height,
          width: box.width,
          images,
          linkBottom,
          tableTop: table ? table.getBoundingClientRect().top - box.top : null,
        };
      }),
    30_000,
  );
}

/** The first frame for which `probe` (run inside the frame) returns a truthy value. */
export async function findFrame(page, probe, arg, timeoutMs = 60_000) {
  return until(
    async () => {
      for (const frame of page.frames()) {
        if (frame.isDetached()) continue;
        const value = await frame.evaluate(probe, arg).catch(() => null);
        if (value) return { frame, value };
      }
      return null;
    },
    timeoutMs,
    500,
  );
}

/** A chart page (panel or side view) of the extension that has drawn: its state, charts and SVG marks. */
export function chartPageProbe(mode) {
  const main = document.querySelector('main#charts');
  if (!main || document.body.dataset.mode !== mode || document.body.dataset.state !== 'ready') return null;
  const figures = [...main.querySelectorAll('figure.chart')];
  const marks = main.querySelectorAll('svg g[class^="mark-"] > *, svg g[class*=" mark-"] > *').length;
  if (marks === 0) return null;
  return { section: document.body.dataset.section, charts: figures.length, marks, text: document.body.innerText.slice(0, 2000) };
}

/** The Markdown preview with a drawn ```emergence block. */
export function previewProbe() {
  const blocks = [...document.querySelectorAll('.emergence-chart')];
  if (blocks.length === 0) return null;
  const marks = document.querySelectorAll('.emergence-chart svg g[class^="mark-"] > *, .emergence-chart svg g[class*=" mark-"] > *').length;
  if (marks === 0) return null;
  return { blocks: blocks.length, drawn: blocks.filter((b) => b.querySelector('svg')).length, marks };
}
