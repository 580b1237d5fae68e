// Charts are built and compiled against a theme of placeholder colours ("tokens"), and
// the real colours are put in only when a view is created: the compiled Vega spec of a
// shape is then the same for every colour theme, so it can be compiled once at build
// time (scripts/precompileCharts.ts) and reused whatever theme the user has. A theme
// switch swaps the colours of the same compiled spec. Pure: no DOM.
import { builtinTheme } from '../../src/sections/theme';
import type { ChartTheme } from '../../src/sections/types';

/** Valid CSS hex colours no chart writes itself (the unit tests check that). */
const COLOUR_TOKEN = /#ee11[0-9a-f]{2}/g;
const COLOUR_TOKEN_PREFIX = '#ee11';
const FONT_TOKEN = 'EmergenceFontToken';
const ROLES = ['foreground', 'background', 'muted', 'grid', 'accent'] as const;
/** Token slots for palette colours (a theme's palette has at most this many). */
const PALETTE_SLOTS = 16;

function token(i: number): string {
  return `#ee11${i.toString(16).padStart(2, '0')}`;
}

/**
 * The placeholder theme of a kind: every colour and the font are tokens. The kind stays
 * (high contrast draws differently), and so does the palette's length, which is in the
 * compiled spec: a page's palette is its kind's (readTheme() takes no palette from CSS).
 */
export function tokenTheme(kind: ChartTheme['kind']): ChartTheme {
  const size = Math.min(PALETTE_SLOTS, builtinTheme(kind).palette.length);
  return {
    kind,
    foreground: token(0),
    background: token(1),
    muted: token(2),
    grid: token(3),
    accent: token(4),
    palette: Array.from({ length: size }, (_, i) => token(0x10 + i)),
    fontFamily: FONT_TOKEN,
  };
}

export interface ThemeValues {
  /** Token → real colour. */
  colours: Map<string, string>;
  font: string;
  /** A key of the real values: compiled runtimes are cached per shape and this key. */
  key: string;
}

export function themeValues(theme: ChartTheme): ThemeValues {
  const colours = new Map<string, string>();
  ROLES.forEach((role, i) => colours.set(token(i), theme[role]));
  theme.palette.slice(0, PALETTE_SLOTS).forEach((colour, i) => colours.set(token(0x10 + i), colour));
  return { colours, font: theme.fontFamily, key: JSON.stringify([theme.kind, [...colours.values()], theme.fontFamily]) };
}

function replaceTokens(text: string, values: ThemeValues, font: string): string {
  return text.replace(COLOUR_TOKEN, (t) => values.colours.get(t) ?? t).replaceAll(FONT_TOKEN, font);
}

/** JSON text with the tokens replaced by the real colours and font (JSON-escaped: fonts quote their family names). */
export function fillTokens(json: string, values: ThemeValues): string {
  return replaceTokens(json, values, JSON.stringify(values.font).slice(1, -1));
}

/** Text (not JSON: a dataset's string value) with the tokens replaced. */
export function fillTokenText(text: string, values: ThemeValues): string {
  return replaceTokens(text, values, values.font);
}

/** A JSON value with the tokens replaced (for datasets and signal values that quote a theme colour). */
export function fillTokensIn<T>(value: T, values: ThemeValues): T {
  const json = JSON.stringify(value);
  return hasTokens(json) ? (JSON.parse(fillTokens(json, values)) as T) : value;
}

/** Whether text (JSON or a string value) holds a token: a plain substring search. */
export function hasTokens(text: string): boolean {
  return text.includes(COLOUR_TOKEN_PREFIX) || text.includes(FONT_TOKEN);
}
