// ```emergence blocks in a Markdown note, rendered the way VS Code's built-in preview
// renders them: markdown-it (html on, like the preview) with our plugin, in a page
// that loads dist/preview.js by nonce under a CSP like the preview's, in headless
// Debian Chromium. Checks the drawn SVG marks, the inline errors, re-renders (the
// preview swaps its content on every edit), theme changes, and that nothing hits the
// console or the CSP. Screenshots go to artifacts/e2e/preview*.png.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { MarkdownIt as Markdown } from 'markdown-it';
import { chromium, type Browser, type Page } from 'playwright-core';
import { emergenceMarkdownItPlugin } from '../../src/extension/markdownPreview';
import { findSection } from '../../src/sections/index';
import { LIGHT_THEME } from '../../src/sections/theme';
import { defaultParams } from '../../src/sections/types';
import { THEME_BODY_CLASS, THEME_VARIABLES, type ThemeName } from './support/themes';
import { CHROMIUM_FLAGS } from '../../scripts/lib/browser.mjs';

const REPO_ROOT = resolve(__dirname, '..', '..');
const ARTIFACTS = join(REPO_ROOT, 'artifacts', 'e2e');
const FIXTURE = join(__dirname, 'preview-fixtures', 'note.md');
const CHROMIUM = process.env.EMERGENCE_CHROMIUM || '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

/** What the browser reports about one chart container. */
interface ContainerInfo {
  id: string;
  section: string;
  chart: string | null;
  lang: string | null;
  state: string | null;
  figures: string[];
  svgs: number;
  marks: number;
  error: string;
  caption: string;
  svgHtml: string;
}

interface PreviewStats {
  built: number;
  reused: number;
  scans: number;
}

function markdown(): Markdown {
  // VS Code's preview runs markdown-it with html on; our plugin is one of its plugins.
  return emergenceMarkdownItPlugin(new MarkdownIt({ html: true }));
}

function themeStyle(theme: ThemeName): string {
  return Object.entries(THEME_VARIABLES[theme])
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
}

/** The page VS Code's preview would build: CSP, the preview script by nonce (async), our stylesheet. */
function previewPage(origin: string, bodyHtml: string): string {
  const nonce = randomBytes(16).toString('base64').replace(/[+/=]/g, '');
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline' ${origin}; img-src ${origin} data:`;
  return `<!DOCTYPE html>
<html style="${themeStyle('light').replace(/"/g, '&quot;')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${origin}/media/preview.css">
<style>
  body { font-family: var(--vscode-font-family); font-size: 14px; color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 26px; max-width: 880px; }
  pre { background: rgba(127, 127, 127, 0.1); padding: 8px; }
</style>
</head>
<body class="vscode-body ${THEME_BODY_CLASS.light}">
<div class="markdown-body" id="content">${bodyHtml}</div>
<script async nonce="${nonce}" src="${origin}/dist/preview.js" charset="UTF-8"></script>
</body>
</html>`;
}

async function startServer(page: () => string): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path === '/') return send(200, page(), 'text/html; charset=utf-8');
      // Chromium asks for a favicon on its own; a webview never does.
      if (path === '/favicon.ico') return send(204, '');
      const rel = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
      const file = join(REPO_ROOT, rel);
      const root = rel.split(/[/\\]/)[0];
      // Only dist/ and media/, like the preview's localResourceRoots.
      if (!['dist', 'media'].includes(root) || !file.startsWith(join(REPO_ROOT, root) + sep)) return send(404, 'not found');
      try {
        return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(404, 'not found');
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Listens for CSP violations before any page script runs (a string: tsx would rewrite a function). */
const CSP_LISTENER = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

function containers(page: Page): Promise<ContainerInfo[]> {
  return page.$$eval('.emergence-chart', (els) =>
    (els as HTMLElement[]).map((c) => ({
      id: c.id,
      section: c.dataset.section ?? '',
      chart: c.getAttribute('data-chart'),
      lang: c.getAttribute('data-lang'),
      state: c.getAttribute('data-state'),
      figures: Array.from(c.querySelectorAll<HTMLElement>('figure')).map((f) => f.dataset.chartId ?? ''),
      svgs: c.querySelectorAll('svg').length,
      // Drawn items inside Vega's mark groups (axes, legends and titles have other roles).
      marks: c.querySelectorAll('svg g.role-mark > :is(path, line, rect, text, circle, image)').length,
      error: c.querySelector('.emergence-chart-error')?.textContent ?? '',
      caption: Array.from(c.querySelectorAll('figcaption'))
        .map((f) => f.textContent)
        .join(' '),
      svgHtml: c.querySelector('svg')?.outerHTML.slice(0, 2000) ?? '',
    })),
  );
}

function settled(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('.emergence-chart'));
      return all.length > 0 && all.every((c) => c.dataset.state === 'ready' || c.dataset.state === 'error');
    },
    undefined,
    { timeout: 60_000 },
  );
}

function stats(page: Page): Promise<PreviewStats> {
  return page.evaluate(() => (window as unknown as { __emergencePreview: PreviewStats }).__emergencePreview);
}

/** Does what VS Code's preview does on an edit: swap the content, then fire its event. */
async function replaceContent(page: Page, html: string): Promise<{ state: string; minHeight: string }[]> {
  return page.evaluate(async (next) => {
    const template = document.createElement('template');
    template.innerHTML = next;
    (document.getElementById('content') as HTMLElement).replaceChildren(template.content);
    window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
    // A few microtasks: the observer and the scan run before the browser paints.
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return Array.from(document.querySelectorAll<HTMLElement>('.emergence-chart')).map((c) => ({
      state: c.dataset.state ?? 'none',
      minHeight: c.style.minHeight,
    }));
  }, html);
}

describe('charts inside Markdown notes: the preview script in Chromium (preview CSP)', function () {
  this.timeout(180_000);
  const source = readFileSync(FIXTURE, 'utf8');
  const html = markdown().render(source);
  let browser: Browser;
  let server: Server;
  let origin: string;
  let page: Page;
  const consoleErrors: string[] = [];
  const consoleWarnings: string[] = [];
  const pageErrors: string[] = [];
  const failedRequests: string[] = [];

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    assert.equal(build.status, 0, 'node scripts/build.mjs failed');
    assert.ok(existsSync(join(REPO_ROOT, 'dist', 'preview.js')), 'the build made no dist/preview.js');
    mkdirSync(ARTIFACTS, { recursive: true });
    ({ origin, server } = await startServer(() => previewPage(origin, html)));
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
    await context.addInitScript({ content: CSP_LISTENER });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
      if (m.type() === 'warning') consoleWarnings.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('requestfailed', (r) => failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failedRequests.push(`${r.url()} ${r.status()}`);
    });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'preview.png'), fullPage: true });
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });

  it('the plugin turned the fixture into three chart containers, two error boxes and one code block', () => {
    // Counted in the server-side HTML; the forged container comes from raw HTML.
    const containerCount = (html.match(/<div class="emergence-chart"/g) ?? []).length;
    const errorBoxes = html.match(/<div class="emergence-chart-error" role="alert">.*?<\/div>/gs) ?? [];
    assert.equal(containerCount, 4, html);
    assert.equal(errorBoxes.length, 2, html);
    assert.match(errorBoxes[0], /Unknown section &quot;scaling-lawz&quot;/);
    assert.match(errorBoxes[1], /not valid YAML or JSON/);
    assert.match(html, /<pre><code class="language-js">/);
  });

  it('draws every valid block as SVG with marks: the named chart, or all charts of the section', async () => {
    const infos = (await containers(page)).filter((c) => c.id !== 'forged');
    assert.equal(infos.length, 3);
    for (const info of infos) {
      const section = findSection(info.section);
      assert.ok(section, `section ${info.section} is not registered`);
      assert.equal(info.state, 'ready', `${info.section}: ${info.error}`);
      const expected = info.chart !== null ? [info.chart] : section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME }).map((c) => c.id);
      assert.deepEqual(info.figures, expected, `${info.section}: one figure per chart`);
      assert.ok(info.svgs >= info.figures.length, `${info.section}: an <svg> per chart`);
      assert.ok(info.marks > 0, `${info.section}: no drawn marks`);
    }
  });

  it('draws a block in its own language (lang: zh), others in the page’s', async () => {
    const infos = await containers(page);
    const zh = infos.find((c) => c.lang === 'zh');
    const en = infos.find((c) => c.chart === 'performance-curve');
    assert.ok(zh && en);
    assert.match(zh.caption + zh.svgHtml, /[\u4e00-\u9fff]/, 'the zh block has Chinese text');
    assert.doesNotMatch(en.caption, /[\u4e00-\u9fff]/, 'the other blocks follow the page (en-US)');
  });

  it('shows malformed blocks as visible errors, and re-checks a container forged in raw HTML', async () => {
    const boxes = await page.$$eval('.emergence-chart-error', (els) =>
      els.map((e) => ({ text: e.textContent ?? '', visible: (e as HTMLElement).offsetHeight > 0 })),
    );
    assert.equal(boxes.length, 3);
    for (const box of boxes) assert.ok(box.visible && box.text.trim().length > 0, `an error box is blank or hidden: ${box.text}`);
    assert.match(boxes[0].text, /scaling-lawz/);
    const forged = (await containers(page)).find((c) => c.id === 'forged');
    assert.ok(forged);
    assert.equal(forged.state, 'error');
    assert.equal(forged.svgs, 0);
    assert.match(forged.error, /not valid JSON/);
  });

  it('keeps drawn charts across a re-render of unchanged blocks (no flash), and redraws a changed one', async () => {
    const before = await stats(page);
    const states = await replaceContent(page, html);
    assert.deepEqual(
      states.map((s) => s.state),
      ['ready', 'ready', 'ready', 'error'],
      'unchanged blocks show their chart before the next paint',
    );
    await settled(page);
    const afterSame = await stats(page);
    assert.equal(afterSame.built, before.built, 'nothing was rebuilt');
    assert.equal(afterSame.reused - before.reused, 3);

    const edited = markdown().render(source.replace('emergenceThreshold: 1e11', 'emergenceThreshold: 3e9'));
    const whileDrawing = await replaceContent(page, edited);
    assert.equal(whileDrawing[0].state, 'loading');
    assert.match(whileDrawing[0].minHeight, /^[1-9]\d*(\.\d+)?px$/, 'the edited chart keeps its old height while it redraws');
    await settled(page);
    const afterEdit = await stats(page);
    assert.equal(afterEdit.built - afterSame.built, 1, 'only the edited block is rebuilt');
    const curve = (await containers(page)).find((c) => c.chart === 'performance-curve');
    assert.ok(curve && curve.state === 'ready' && curve.marks > 0);
  });

  it('follows a switch to the dark theme (body class and --vscode-* variables)', async () => {
    const lightSvg = (await containers(page)).find((c) => c.chart === 'performance-curve')?.svgHtml ?? '';
    const dark = THEME_VARIABLES.dark['--vscode-editor-background'];
    await page.evaluate(
      ([style, from, to]) => {
        document.documentElement.setAttribute('style', style);
        document.body.classList.replace(from, to);
      },
      [themeStyle('dark'), THEME_BODY_CLASS.light, THEME_BODY_CLASS.dark] as const,
    );
    await page.waitForFunction((bg) => {
      const svg = document.querySelector('.emergence-chart[data-chart="performance-curve"] svg');
      return svg !== null && svg.outerHTML.toLowerCase().includes(bg);
    }, dark.toLowerCase());
    await settled(page);
    for (const info of (await containers(page)).filter((c) => c.id !== 'forged')) {
      assert.equal(info.state, 'ready', `${info.section} in the dark theme: ${info.error}`);
      assert.ok(info.marks > 0, `${info.section} lost its marks in the dark theme`);
    }
    assert.ok(!lightSvg.toLowerCase().includes(dark.toLowerCase()), 'the light chart did not already use the dark background');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-dark.png'), fullPage: true });
  });

  it('logged no console error, no uncaught error, no CSP violation, no failed request', async () => {
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(pageErrors, [], 'uncaught errors');
    assert.deepEqual(failedRequests, [], 'failed requests');
    assert.deepEqual(
      consoleWarnings.filter((w) => w.startsWith('Emergence Lens')),
      [],
      'preview script warnings',
    );
  });
});
