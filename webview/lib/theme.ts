// Reads VS Code's colour theme from the --vscode-* CSS variables the webview host
// sets on <html>, and the theme kind from the body class it maintains.
import { DEFAULT_FONT, builtinTheme } from '../../src/sections/theme';
import type { ChartTheme } from '../../src/sections/types';

function cssVar(style: CSSStyleDeclaration, name: string): string {
  return style.getPropertyValue(name).trim();
}

function themeKind(body: HTMLElement): ChartTheme['kind'] {
  if (body.classList.contains('vscode-high-contrast') || body.classList.contains('vscode-high-contrast-light')) return 'high-contrast';
  if (body.classList.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function readTheme(doc: Document): ChartTheme {
  const kind = themeKind(doc.body);
  const base = builtinTheme(kind === 'high-contrast' ? 'high-contrast' : kind);
  const style = getComputedStyle(doc.documentElement);
  const bodyStyle = getComputedStyle(doc.body);
  const pick = (...names: string[]): string | undefined => {
    for (const n of names) {
      const v = cssVar(style, n) || cssVar(bodyStyle, n);
      if (v) return v;
    }
    return undefined;
  };
  const editorFont = pick('--vscode-editor-font-family', '--vscode-font-family');
  return {
    ...base,
    foreground: pick('--vscode-editor-foreground', '--vscode-foreground') ?? base.foreground,
    background: pick('--vscode-editor-background') ?? base.background,
    muted: pick('--vscode-descriptionForeground') ?? base.muted,
    grid: pick('--vscode-editorWidget-border', '--vscode-panel-border') ?? base.grid,
    accent: kind === 'high-contrast' ? (pick('--vscode-contrastActiveBorder') ?? base.accent) : (pick('--vscode-errorForeground') ?? base.accent),
    fontFamily: editorFont ? `${editorFont}, ${DEFAULT_FONT}` : DEFAULT_FONT,
  };
}

/**
 * Calls `onChange` once per colour-theme change: VS Code toggles the body's class and
 * rewrites the --vscode-* variables on <html>. Returns the function that stops watching.
 */
export function watchTheme(doc: Document, onChange: () => void): () => void {
  let last = JSON.stringify(readTheme(doc));
  const observer = new MutationObserver(() => {
    const now = JSON.stringify(readTheme(doc));
    if (now === last) return;
    last = now;
    onChange();
  });
  observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
