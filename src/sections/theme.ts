// Built-in themes (for the CLI and tests) and the Vega-Lite config every chart uses,
// so one palette change re-themes all charts.
import type { Config } from 'vega-lite';
import type { ChartTheme } from './types';

const CJK_FALLBACK = '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif';
export const DEFAULT_FONT = `"Segoe UI", "Helvetica Neue", Arial, ${CJK_FALLBACK}`;

/** Tableau-10-like palette, readable on light backgrounds. */
const LIGHT_PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
/** Brighter variants for dark backgrounds. */
const DARK_PALETTE = ['#4ea3f1', '#ffa657', '#56d364', '#ff7b72', '#d2a8ff', '#e3b341', '#f778ba', '#a5a5a5', '#c9d05c', '#39c5cf'];

export const LIGHT_THEME: ChartTheme = {
  kind: 'light',
  foreground: '#1f1f1f',
  background: '#ffffff',
  muted: '#616161',
  grid: '#e5e5e5',
  accent: '#d62728',
  palette: LIGHT_PALETTE,
  fontFamily: DEFAULT_FONT,
};

export const DARK_THEME: ChartTheme = {
  kind: 'dark',
  foreground: '#cccccc',
  background: '#1f1f1f',
  muted: '#9d9d9d',
  grid: '#3c3c3c',
  accent: '#ff7b72',
  palette: DARK_PALETTE,
  fontFamily: DEFAULT_FONT,
};

export const HIGH_CONTRAST_THEME: ChartTheme = {
  kind: 'high-contrast',
  foreground: '#ffffff',
  background: '#000000',
  muted: '#ffffff',
  grid: '#6fc3df',
  accent: '#f38518',
  // Ten colours like the other palettes: the palette's length is part of a compiled chart, so equal lengths let the webviews' build-time specs serve every kind.
  palette: ['#ffff00', '#00ffff', '#ff00ff', '#00ff00', '#ff8000', '#ffffff', '#80c0ff', '#ff8080', '#c8ff80', '#ffb3ff'],
  fontFamily: DEFAULT_FONT,
};

export function builtinTheme(name: string): ChartTheme {
  if (name === 'dark') return DARK_THEME;
  if (name === 'high-contrast' || name === 'hc') return HIGH_CONTRAST_THEME;
  return LIGHT_THEME;
}

/** The Vega-Lite config shared by all charts, derived from the theme. */
export function vegaLiteConfig(theme: ChartTheme): Config {
  const text = { labelColor: theme.muted, titleColor: theme.foreground, labelFont: theme.fontFamily, titleFont: theme.fontFamily };
  return {
    background: theme.background,
    font: theme.fontFamily,
    padding: 8,
    view: { stroke: theme.grid },
    title: { color: theme.foreground, subtitleColor: theme.muted, font: theme.fontFamily, fontSize: 14, anchor: 'start' },
    axis: { ...text, domainColor: theme.muted, tickColor: theme.muted, gridColor: theme.grid, gridOpacity: 0.8 },
    legend: { ...text, orient: 'right' },
    header: { ...text },
    range: { category: theme.palette },
    text: { color: theme.foreground, font: theme.fontFamily },
    mark: { color: theme.palette[0] },
    // A line or an area is one SVG path whose ARIA label would be its first point's values;
    // without ARIA its points get no description to evaluate on every change (issue 11),
    // and the chart's own description (makeChart) stays the figure's label.
    line: { strokeWidth: 2.5, aria: false },
    area: { aria: false },
    rule: { color: theme.accent },
  } as Config;
}
