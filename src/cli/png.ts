// SVG → PNG with resvg (a Rust rasteriser shipped as prebuilt N-API binaries: no
// node-canvas, nothing compiled from source). resvg draws text only from font files
// it is given, so Chinese needs a CJK font on the machine; we find one up front and
// fail with the package to install rather than emit PNGs full of empty boxes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { cliLang, tl, type Lang } from './messages';

/** The Debian/Ubuntu package that provides the CJK font we look for first. */
const CJK_FONT_PACKAGE = 'fonts-noto-cjk';

export interface CjkFont {
  /** Family name as resvg (fontdb) matches it. */
  family: string;
  file: string;
}

/** Known CJK font files (by file name) and the Simplified Chinese family each holds, best first. */
const KNOWN_CJK_FONTS: ReadonlyArray<{ file: RegExp; family: string }> = [
  { file: /^NotoSansCJK(sc)?-Regular\.(ttc|otf)$/i, family: 'Noto Sans CJK SC' },
  { file: /^NotoSansSC-Regular\.(otf|ttf)$/i, family: 'Noto Sans SC' },
  { file: /^NotoSansCJK.*\.(ttc|otf)$/i, family: 'Noto Sans CJK SC' },
  { file: /^SourceHanSans(SC|CN)?-Regular\.(ttc|otf)$/i, family: 'Source Han Sans SC' },
  { file: /^wqy-microhei\.ttc$/i, family: 'WenQuanYi Micro Hei' },
  { file: /^wqy-zenhei\.ttc$/i, family: 'WenQuanYi Zen Hei' },
  { file: /^NotoSerifCJK.*\.(ttc|otf)$/i, family: 'Noto Serif CJK SC' },
  { file: /^DroidSansFallbackFull\.ttf$/i, family: 'Droid Sans Fallback' },
];

/** Where fontdb's loadSystemFonts looks on Linux and macOS, so a font we find is a font resvg loads. */
function fontDirs(): string[] {
  const home = homedir();
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    join(home, '.local/share/fonts'),
    join(home, '.fonts'),
    '/Library/Fonts',
    '/System/Library/Fonts',
    join(home, 'Library/Fonts'),
  ];
}

/** Font file names under `dir`, depth-limited so a symlink loop cannot hang us. */
function listFontFiles(dir: string, depth = 4): string[] {
  if (depth < 0 || !existsSync(dir)) return [];
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) out.push(...listFontFiles(full, depth - 1));
    else if (/\.(ttc|otf|ttf)$/i.test(name)) out.push(full);
  }
  return out;
}

let cachedFont: CjkFont | null | undefined;
let fontFiles: string[] | undefined;

function systemFontFiles(): string[] {
  fontFiles ??= fontDirs().flatMap((d) => listFontFiles(d));
  return fontFiles;
}

function firstKnown(known: ReadonlyArray<{ file: RegExp; family: string }>): CjkFont | undefined {
  const files = systemFontFiles();
  for (const k of known) {
    const file = files.find((f) => k.file.test(f.slice(f.lastIndexOf('/') + 1)));
    if (file) return { file, family: k.family };
  }
  return undefined;
}

/** The best CJK font on this machine, or undefined. `EMERGENCE_LENS_CJK_FONT=file:Family` overrides. */
export function findCjkFont(): CjkFont | undefined {
  if (cachedFont !== undefined) return cachedFont ?? undefined;
  const override = process.env.EMERGENCE_LENS_CJK_FONT;
  if (override) {
    const sep = override.lastIndexOf(':');
    if (sep > 0 && existsSync(override.slice(0, sep))) {
      cachedFont = { file: override.slice(0, sep), family: override.slice(sep + 1) };
      return cachedFont;
    }
  }
  cachedFont = firstKnown(KNOWN_CJK_FONTS) ?? null;
  return cachedFont ?? undefined;
}

interface LatinFont extends CjkFont {
  /** fontdb knows DejaVu's condensed face as family "DejaVu Sans" + stretch, not by its own name. */
  stretch?: 'condensed';
}

/** Sans faces with TrueType outlines, close to Helvetica's widths (vega's layout assumes those). */
const KNOWN_LATIN_FONTS: ReadonlyArray<{ file: RegExp; family: string; stretch?: 'condensed' }> = [
  { file: /^LiberationSans-Regular\.ttf$/i, family: 'Liberation Sans' },
  { file: /^Arimo-Regular\.ttf$/i, family: 'Arimo' },
  { file: /^arial\.ttf$/i, family: 'Arial' },
  { file: /^DejaVuSansCondensed\.ttf$/i, family: 'DejaVu Sans', stretch: 'condensed' },
];

let cachedLatin: LatinFont | null | undefined;

/**
 * A Latin face for text runs without CJK. For speed: resvg re-parses a face for every
 * text run, and the 15 MB CFF of Noto Sans CJK costs ~50 ms per run on a small machine,
 * so an English chart with 60 labels takes seconds in the CJK face and ~0.1 s in a
 * TrueType Latin one.
 */
function findLatinFont(): LatinFont | undefined {
  if (cachedLatin === undefined) {
    const found = firstKnown(KNOWN_LATIN_FONTS);
    const stretch = KNOWN_LATIN_FONTS.find((k) => found && k.file.test(found.file.slice(found.file.lastIndexOf('/') + 1)))?.stretch;
    cachedLatin = found ? { ...found, ...(stretch ? { stretch } : {}) } : null;
  }
  return cachedLatin ?? undefined;
}

/** Hangul, CJK ideographs and punctuation, kana, full-width forms. */
const CJK_TEXT = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Puts the Latin font first for every <text> whose content has no CJK: those runs then
 * skip the slow CJK face, and superscripts like ⁶ (missing from Noto CJK) come from the
 * same sans instead of whatever face resvg's fallback finds. Runs with CJK keep the
 * CJK face, Latin parts included, so a mixed label is set in one face.
 */
function preferLatinForLatinRuns(svg: string, font: LatinFont): string {
  const stretch = font.stretch ? ` font-stretch="${font.stretch}"` : '';
  return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (whole, attrs: string, content: string) => {
    if (CJK_TEXT.test(content.replace(/<[^>]*>/g, ''))) return whole;
    const patched = attrs.replace(/font-family="([^"]*)"/, (_m, stack: string) => `font-family="&quot;${font.family}&quot;, ${stack}"${stretch}`);
    return `<text${patched}>${content}</text>`;
  });
}

/** The font or a one-line error (in `lang`) that names the package to install. */
export function requireCjkFont(lang: Lang = cliLang()): CjkFont {
  const font = findCjkFont();
  if (!font) {
    throw new Error(
      tl(
        lang,
        'PNG output needs a CJK font so Chinese renders as glyphs, and none was found; install the Debian package {0} (sudo apt-get install {0}, or run scripts/ensure-system-deps.sh)',
        CJK_FONT_PACKAGE,
      ),
    );
  }
  return font;
}

export interface PngOptions {
  /** Pixel density: 2 gives crisp text on high-DPI screens. */
  scale?: number;
}

function resvgOptions(font: CjkFont, scale: number): ResvgRenderOptions {
  return {
    // System fonts stay loaded too: the CJK font lacks some symbols (e.g. superscripts ⁵⁶)
    // that DejaVu and others supply through resvg's per-glyph fallback.
    font: { loadSystemFonts: true, fontFiles: [font.file], defaultFontFamily: font.family, sansSerifFamily: font.family },
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  };
}

/** Rasterises one SVG; resolves to the PNG bytes. Runs on resvg's worker threads. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const font = requireCjkFont();
  // Loaded at use time: it is a native module kept external to the bundle, and the
  // SVG-only paths should not pay for (or depend on) it.
  const { renderAsync } = await import('@resvg/resvg-js');
  const latin = findLatinFont();
  const image = await renderAsync(latin ? preferLatinForLatinRuns(svg, latin) : svg, resvgOptions(font, options.scale ?? 2));
  return image.asPng();
}
