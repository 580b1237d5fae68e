// Headless rendering: Vega-Lite → Vega → SVG with vega's View (renderer "none"),
// expressions through vega-interpreter like the webview, so the CLI and the tests
// exercise the same CSP-safe path the extension ships.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';

// --- Text measurement without a canvas.
// vega sizes text (label truncation, legend widths, autosize padding) with a canvas when
// one exists; headless it falls back to 0.8 em per character, which makes Latin text
// ~50% too wide (needlessly truncated legend labels, blank right margins) and CJK text
// 20% too narrow (clipped labels). We give it per-character advances instead:
// Helvetica/Arial metrics for ASCII (what the SVG's font stack picks in a browser, and
// no narrower than the CJK font's Latin that resvg uses), one em for CJK.

/** Helvetica advance widths, 1/1000 em, for U+0020…U+007E. */
const ASCII_ADVANCE = [
  278,
  278,
  355,
  556,
  556,
  889,
  667,
  191,
  333,
  333,
  389,
  584,
  278,
  333,
  278,
  278, // space … /
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  556,
  278,
  278,
  584,
  584,
  584,
  556, // 0 … ?
  1015,
  667,
  667,
  722,
  722,
  667,
  611,
  778,
  722,
  278,
  500,
  667,
  556,
  833,
  722,
  778, // @ … O
  667,
  778,
  722,
  667,
  611,
  722,
  667,
  944,
  667,
  667,
  611,
  278,
  278,
  278,
  469,
  556, // P … _
  333,
  556,
  556,
  500,
  556,
  556,
  278,
  556,
  556,
  222,
  222,
  500,
  222,
  833,
  556,
  556, // ` … o
  556,
  556,
  333,
  500,
  278,
  556,
  500,
  722,
  500,
  500,
  500,
  334,
  260,
  334,
  584, // p … ~
];

/** Full-width scripts and punctuation: CJK, kana, hangul, full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Advance of one code point in em. */
function advanceEm(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ASCII_ADVANCE[code - 0x20] / 1000;
  if (isWide(code) || code === 0x2026 || code === 0x2014) return 1;
  // Superscript digits (axis labels 10⁶ …) are narrow; everything else (Greek, ≈, ∞ …) ~0.6 em.
  if (code === 0xb9 || code === 0xb2 || code === 0xb3 || (code >= 0x2070 && code <= 0x207f)) return 0.4;
  return 0.6;
}

/** Estimated advance width, in px, of `text` set in `fontSize` px. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advanceEm(ch.codePointAt(0) ?? 0x20);
  return em * fontSize * (bold ? 1.08 : 1);
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
  dir?: string;
}

/**
 * vega's `textMetrics.width(item, text)` contract: the width as drawn, i.e. after
 * truncation to `item.limit`. Returning min(raw, limit) serves both that and vega's own
 * truncation search, which only asks whether a candidate is `< limit`.
 */
function vegaTextWidth(item: TextItem, text: unknown): number {
  const value = text == null ? '' : String(text).trim();
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const raw = estimateTextWidth(value, size, bold);
  const limit = Number(item.limit);
  return limit > 0 && item.dir !== 'rtl' ? Math.min(raw, limit) : raw;
}

// vega re-exports vega-scenegraph's mutable textMetrics, which its typings omit.
(vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width = vegaTextWidth;

export interface RenderedChart {
  svg: string;
  /** Warnings from vega-lite's compiler and vega's runtime; a correct chart has none. */
  warnings: string[];
  view: vega.View;
}

/** Collects vega/vega-lite log output instead of printing it. */
function collectingLogger(warnings: string[]): vega.LoggerInterface {
  const logger = vega.logger(vega.Warn);
  const push = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  logger.warn = (...args: unknown[]) => (push(...args), logger);
  logger.error = (...args: unknown[]) => (push(...args), logger);
  return logger;
}

export function compileToVega(spec: TopLevelSpec, warnings: string[] = []): vega.Spec {
  const logger = collectingLogger(warnings);
  return compile(spec, { logger }).spec;
}

export async function renderChartSvg(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const vgSpec = compileToVega(spec, warnings);
  const runtime = vega.parse(vgSpec, undefined, { ast: true });
  const view = new vega.View(runtime, {
    renderer: 'none',
    logger: collectingLogger(warnings),
    expr: expressionInterpreter,
  });
  const svg = await view.toSVG();
  return { svg, warnings, view };
}
