// A tiny static server on 127.0.0.1 for the browser tests: serves dist/ and media/
// (the only roots a webview may load from) and the test page, which is the webview's
// own HTML from renderWebviewHtml() with its strict CSP, plus the theme the webview
// host would give it (variables on <html> via a stylesheet, class on <body>).
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { renderWebviewHtml } from '../../../webview/html';
import { compiledTableName, NARROW_PX } from '../../../webview/lib/layout';
import { sectionScriptFile } from '../../../webview/lib/sections';
import { FIT_CHART_TABLE } from '../../../src/sections/fit/charts';
import { THEME_BODY_CLASS, themeStylesheet, type ThemeName } from './themes';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const ROOTS = ['dist', 'media'];

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.html': 'text/html; charset=utf-8',
};

export interface PageOptions {
  sectionId: string;
  lang: 'en' | 'zh';
  theme: ThemeName;
  /** "view" is the side view's compact page (default "panel"). */
  mode?: 'panel' | 'view';
  /** Which page: the chart page (default) or the fit panel's page. */
  entry?: 'webview' | 'fit';
}

export interface TestServer {
  origin: string;
  pageUrl(opts: PageOptions): string;
  close(): Promise<void>;
}

/** The test page: exactly the webview's HTML, themed like VS Code themes a webview. */
function testPageHtml(origin: string, opts: PageOptions): string {
  const nonce = randomBytes(16).toString('base64').replace(/[+/=]/g, '');
  const sectionScript = opts.entry === 'fit' ? undefined : sectionScriptFile(opts.sectionId);
  const html = renderWebviewHtml({
    cspSource: origin,
    nonce,
    scriptUri: `${origin}/dist/${opts.entry === 'fit' ? 'fit' : 'webview'}.js`,
    styleUri: `${origin}/media/webview.css`,
    lang: opts.lang,
    sectionId: opts.sectionId,
    mode: opts.mode,
    // As the extension's panels do (webviewContent.ts, fitCommand.ts): the wide table beside the page script.
    compiledChartsUri:
      opts.mode !== 'view'
        ? `${origin}/dist/charts/${compiledTableName(opts.entry === 'fit' ? FIT_CHART_TABLE : opts.sectionId, opts.lang, NARROW_PX) ?? 'none'}.js`
        : undefined,
    sectionScriptUri: sectionScript && `${origin}/dist/${sectionScript}`,
  });
  const themeLink = `<link rel="stylesheet" href="${origin}/__theme/${opts.theme}.css" nonce="${nonce}">`;
  const withTheme = html.replace(/<\/head>/, `${themeLink}\n</head>`);
  const bodyClass = `class="${THEME_BODY_CLASS[opts.theme]}" data-vscode-theme-kind="${THEME_BODY_CLASS[opts.theme]}"`;
  return withTheme.replace(/<body(\s|>)/, `<body ${bodyClass}$1`);
}

export async function startServer(): Promise<TestServer> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1');
      const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(body);
      };
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (url.pathname === '/page') {
        const theme = (url.searchParams.get('theme') ?? 'light') as ThemeName;
        const lang = url.searchParams.get('lang') === 'zh' ? 'zh' : 'en';
        const mode = url.searchParams.get('mode') === 'view' ? 'view' : 'panel';
        const entry = url.searchParams.get('entry') === 'fit' ? 'fit' : 'webview';
        return send(200, testPageHtml(origin, { sectionId: url.searchParams.get('section') ?? '', lang, theme, mode, entry }), TYPES['.html']);
      }
      const themeMatch = /^\/__theme\/(light|dark|high-contrast)\.css$/.exec(url.pathname);
      if (themeMatch) return send(200, themeStylesheet(themeMatch[1] as ThemeName), TYPES['.css']);
      const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
      const root = rel.split(/[/\\]/)[0];
      const file = join(REPO_ROOT, rel);
      if (!ROOTS.includes(root) || !file.startsWith(join(REPO_ROOT, root) + sep)) return send(404, 'not found');
      try {
        return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(404, 'not found');
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (o) =>
      `${origin}/page?section=${encodeURIComponent(o.sectionId)}&lang=${o.lang}&theme=${o.theme}&mode=${o.mode ?? 'panel'}&entry=${o.entry ?? 'webview'}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
