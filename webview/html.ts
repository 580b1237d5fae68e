// The webview page's HTML, shared by the chart panel, the side view and the
// standalone browser test page. Pure string building: no vscode import.
export interface WebviewHtmlOptions {
  /** webview.cspSource (or the test server's origin). */
  cspSource: string;
  /** A fresh random nonce per page load. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  lang: 'en' | 'zh';
  /** The section shown first (the webview's saved state may override it). */
  sectionId: string;
  /** "panel" shows all charts with controls; "view" is the compact side view. */
  mode?: 'panel' | 'view';
  /**
   * The section's build-time compiled chart specs (dist/charts/<section>.<lang>.js),
   * loaded by the HTML so they download alongside the page script, not after it.
   */
  compiledChartsUri?: string;
  /** The section's own script (dist/sections/<id>.js, webview/lib/sections.ts), loaded the same way. */
  sectionScriptUri?: string;
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

function escapeAttr(value: string): string {
  return value.replace(/[&"<>']/g, (c) => ATTR_ESCAPES[c]);
}

/** The page's Content-Security-Policy: nothing but our own script (by nonce), styles, fonts and images. */
function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderWebviewHtml(opts: WebviewHtmlOptions): string {
  const csp = contentSecurityPolicy(opts.cspSource, opts.nonce);
  const mode = opts.mode ?? 'panel';
  // Deferred: they download at once and run in this order once the page is parsed.
  const scripts = [opts.compiledChartsUri, opts.sectionScriptUri, opts.scriptUri]
    .filter((uri): uri is string => uri !== undefined)
    .map((uri) => `<script defer nonce="${escapeAttr(opts.nonce)}" src="${escapeAttr(uri)}"></script>\n`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(opts.styleUri)}" nonce="${escapeAttr(opts.nonce)}">
<title>Emergence Lens</title>
</head>
<body data-section="${escapeAttr(opts.sectionId)}" data-lang="${opts.lang}" data-mode="${mode}" data-state="loading">
<header id="header"><h1 id="section-title"></h1><p id="section-description"></p></header>
<div id="note-values" hidden></div>
<section id="controls" aria-labelledby="controls-heading"></section>
<div id="error" role="alert" hidden></div>
<main id="charts" aria-live="polite"></main>
<pre id="report" hidden></pre>
${scripts}</body>
</html>`;
}
