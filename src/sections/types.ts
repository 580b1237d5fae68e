// The contract between a section folder, the registry and every consumer (webview,
// CLI, tests). Pure data: no vscode, no DOM.
import type { EmergenceTable } from '../engine/emergence/data';
import type { TopLevelSpec } from 'vega-lite';

export type Lang = 'en' | 'zh';

/** A user-visible string in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

interface ParamBase {
  /** Key in ParamValues. */
  name: string;
  label: Bilingual;
  /** One line shown as the control's tooltip / hint. */
  help?: Bilingual;
}

/** A numeric parameter; `scale: 'log'` means the UI should move it in log10 steps. */
export interface NumberParam extends ParamBase {
  kind: 'number';
  min: number;
  max: number;
  step: number;
  default: number;
  scale?: 'linear' | 'log';
  unit?: Bilingual;
}

export interface ChoiceParam extends ParamBase {
  kind: 'choice';
  options: { value: string; label: Bilingual }[];
  default: string;
}

interface ToggleParam extends ParamBase {
  kind: 'toggle';
  default: boolean;
}

export type ParamSpec = NumberParam | ChoiceParam | ToggleParam;
export type ParamValue = number | string | boolean;
export type ParamValues = Record<string, ParamValue>;

/** Colours a chart is drawn with; the webview fills it from --vscode-* variables. */
export interface ChartTheme {
  kind: 'light' | 'dark' | 'high-contrast';
  foreground: string;
  background: string;
  /** Secondary text: axis labels, captions. */
  muted: string;
  grid: string;
  /** The emphasis colour for thresholds and emergence rules (the seed's red). */
  accent: string;
  /** Categorical palette, at least 8 colours. */
  palette: string[];
  fontFamily: string;
}

export interface ChartContext {
  lang: Lang;
  theme: ChartTheme;
  /**
   * Width in px the chart will be drawn at, when a webview knows it (rounded to a few
   * steps). Most charts ignore it (the webview stretches them); charts that keep their
   * aspect (radars) size themselves to it. Absent: the chart's own width (export, CLI).
   */
  width?: number;
  /**
   * A table the user loaded (file name and parsed rows): sections drawn from measured
   * data (emergence-real) draw it instead of their shipped data and say whose it is.
   */
  userTable?: { name: string; table: EmergenceTable };
}

export interface ChartSpec {
  /** Stable id, unique within its section (e.g. "performance-curve"). */
  id: string;
  title: Bilingual;
  /** Accessible description: what the chart shows, in a sentence or two. */
  description: Bilingual;
  spec: TopLevelSpec;
  /** Measured data (with its citation in the chart), not the article's illustrative numbers. */
  measured?: true;
  /**
   * Names of the spec's top-level Vega-Lite params that carry parameter values or text
   * and domains derived from them. A change of only these and of inline data updates a
   * live view in place (view.signal / view.data); anything else in the spec rebuilds it.
   */
  signals?: string[];
}

export interface Section {
  /** Stable id used in commands, links and the CLI (e.g. "scaling-laws"). */
  id: string;
  /** The seed's numbering, e.g. "3.1". */
  seedRef: string;
  title: Bilingual;
  /** One line for the quick pick. */
  description: Bilingual;
  params: ParamSpec[];
  charts(params: ParamValues, ctx: ChartContext): ChartSpec[];
  /** The seed's printed text report, where the seed prints one. */
  report?(params: ParamValues, lang: Lang): string;
  /**
   * Set by chartKit's illustrative() on sections that draw the seed article's invented
   * numbers: every chart and report then says so. `emergenceNote` adds, once, what
   * measured emergence is reported against.
   */
  illustrative?: { emergenceNote: boolean };
}

/** The section's defaults, as ParamValues. */
export function defaultParams(section: Pick<Section, 'params'>): ParamValues {
  const values: ParamValues = {};
  for (const p of section.params) values[p.name] = p.default;
  return values;
}

/**
 * Merges untrusted values over the defaults: unknown names are dropped, numbers are
 * clamped to their range, choices must be one of the options, toggles must be boolean.
 */
export function resolveParams(section: Pick<Section, 'params'>, input: Record<string, unknown> | undefined): ParamValues {
  const values = defaultParams(section);
  if (!input) return values;
  for (const p of section.params) {
    const raw = input[p.name];
    if (raw === undefined) continue;
    if (p.kind === 'number' && typeof raw === 'number' && Number.isFinite(raw)) {
      values[p.name] = Math.min(p.max, Math.max(p.min, raw));
    } else if (p.kind === 'choice' && typeof raw === 'string' && p.options.some((o) => o.value === raw)) {
      values[p.name] = raw;
    } else if (p.kind === 'toggle' && typeof raw === 'boolean') {
      values[p.name] = raw;
    }
  }
  return values;
}

export function num(params: ParamValues, name: string): number {
  const v = params[name];
  if (typeof v !== 'number') throw new Error(`parameter ${name} is not a number`);
  return v;
}

export function str(params: ParamValues, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new Error(`parameter ${name} is not a string`);
  return v;
}

export function bool(params: ParamValues, name: string): boolean {
  const v = params[name];
  if (typeof v !== 'boolean') throw new Error(`parameter ${name} is not a boolean`);
  return v;
}
