// Hover for scaling-law formulas in Markdown notes: the engine finds the formula
// under the cursor (reading a bounded window of lines, never the whole note) and
// explains it; the formula is typeset by MathJax and the sections draw its curve,
// both rendered headless to cached SVG images; hoverLayout.ts puts them on one screen.
import * as vscode from 'vscode';
import { findFormulaAt, type FormulaAtPosition } from '../engine/formulas/document';
import { explain } from '../engine/formulas/explain';
import { formulaTex } from '../engine/formulas/tex';
import { formulaCurveChart, formulaSectionView, type RoleValues } from '../sections/formulaContext';
import { builtinTheme } from '../sections/theme';
import type { Lang } from '../sections/types';
import { formulaHoverMarkdown, symbolHoverMarkdown } from './hoverLayout';
import { translate } from '../engine/l10n';
import { claimHover } from './claimHover';
import { displayLang } from './language';

/** Commands the hover's links may run; nothing else is trusted. */
const HOVER_COMMANDS = ['emergenceLens.showChart', 'emergenceLens.openSidePanel'];

type HeadlessRenderer = typeof import('../cli/renderChart');
let renderer: HeadlessRenderer | undefined;

/** Vega and Vega-Lite (about 1 MB) load with the first curve image, not at activation. */
function headlessRenderer(): HeadlessRenderer {
  // A runtime require of the separate dist/render.js bundle (see scripts/build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  renderer ??= require('./render.js') as HeadlessRenderer;
  return renderer;
}

type Typesetter = typeof import('./typeset');
let typesetter: Typesetter | undefined;

/** MathJax (about 1.5 MB) loads with the first formula hover, not at activation. */
function typeset(): Typesetter {
  // A runtime require of the separate dist/typeset.js bundle (see scripts/build.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  typesetter ??= require('./typeset.js') as Typesetter;
  return typesetter;
}

/** Rendered curve images by formula kind, values, language and theme kind. */
const svgCache = new Map<string, string>();
const SVG_CACHE_LIMIT = 64;

export function formulaAt(document: vscode.TextDocument, position: vscode.Position, inclusiveEnd = false): FormulaAtPosition | undefined {
  return findFormulaAt((n) => document.lineAt(n).text, document.lineCount, position.line, position.character, { inclusiveEnd });
}

function themeName(): 'light' | 'dark' | 'high-contrast' {
  switch (vscode.window.activeColorTheme.kind) {
    case vscode.ColorThemeKind.Dark:
      return 'dark';
    case vscode.ColorThemeKind.HighContrast:
    case vscode.ColorThemeKind.HighContrastLight:
      return 'high-contrast';
    default:
      return 'light';
  }
}

function svgUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** The formula typeset as a data-URI SVG in the theme's text colour (MathJax caches by TeX), or undefined. */
function formulaImage(found: FormulaAtPosition): string | undefined {
  try {
    return svgUri(typeset().texToSvg(formulaTex(found.recognition), builtinTheme(themeName()).foreground));
  } catch {
    return undefined; // the hover falls back to the formula as code
  }
}

/** The hover's curve: wide and low, without a title, so the first screen holds it. */
const CURVE_SIZE = { width: 460, height: 48 };

/** The formula's curve as a data-URI SVG (cached), or undefined when it has none. */
async function curveImage(found: FormulaAtPosition, values: RoleValues, lang: Lang): Promise<string | undefined> {
  const theme = themeName();
  const key = JSON.stringify([found.recognition.kind, values, lang, theme]);
  const cached = svgCache.get(key);
  if (cached) return cached;
  const chart = formulaCurveChart(found.recognition.kind, values, { lang, theme: builtinTheme(theme) });
  if (!chart) return undefined;
  const { svg } = await headlessRenderer().renderChartSvg({ ...chart.spec, ...CURVE_SIZE, title: undefined });
  const uri = svgUri(svg);
  if (svgCache.size >= SVG_CACHE_LIMIT) svgCache.delete(svgCache.keys().next().value as string);
  svgCache.set(key, uri);
  return uri;
}

function commandLink(command: string, args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

async function buildHover(found: FormulaAtPosition, lang: Lang): Promise<vscode.MarkdownString> {
  const explanation = explain(found.recognition, lang, found.noteValues, found.symbol);
  const values: RoleValues = {};
  for (const [role, resolved] of Object.entries(explanation.exampleValues)) {
    if (resolved) values[role as keyof RoleValues] = resolved.value;
  }
  const view = formulaSectionView(found.recognition.kind, values);
  const links = `[$(graph) ${translate(lang, 'Show chart')}](${commandLink('emergenceLens.showChart', [view.sectionId, view.params])}) · [$(layout-sidebar-right) ${translate(lang, 'Open in side panel')}](${commandLink('emergenceLens.openSidePanel', [])})`;
  const text = explanation.symbol
    ? symbolHoverMarkdown(explanation, lang, links)
    : formulaHoverMarkdown(explanation, lang, {
        formulaImage: formulaImage(found),
        curveImage: await curveImage(found, values, lang).catch(() => undefined),
        links,
      });
  const markdown = new vscode.MarkdownString(text, true);
  markdown.isTrusted = { enabledCommands: HOVER_COMMANDS };
  return markdown;
}

export class FormulaHoverProvider implements vscode.HoverProvider {
  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const found = formulaAt(document, position);
    if (!found && !token.isCancellationRequested) return claimHover(document, position, displayLang(), HOVER_COMMANDS);
    if (!found || token.isCancellationRequested) return undefined;
    const range =
      found.symbol && found.symbolStart && found.symbolEnd
        ? new vscode.Range(found.symbolStart.line, found.symbolStart.character, found.symbolEnd.line, found.symbolEnd.character)
        : new vscode.Range(found.start.line, found.start.character, found.end.line, found.end.character);
    return new vscode.Hover(await buildHover(found, displayLang()), range);
  }
}
