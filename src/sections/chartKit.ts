// Shared building blocks for the sections' Vega-Lite specs: every chart gets the
// same schema, theme config, sizing and accessible title/description.
import type { Config, TopLevelSpec } from 'vega-lite';
import { vegaLiteConfig } from './theme';
import type { Bilingual, ChartContext, ChartSpec, Lang, Section } from './types';

const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

export function tr(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export interface ChartFrame {
  id: string;
  title: Bilingual;
  /** Optional subtitle (one line under the title). */
  subtitle?: Bilingual;
  description: Bilingual;
  width?: number;
  height?: number;
  /**
   * Parameter signals: top-level Vega-Lite params (name → value) that the spec's text,
   * label expressions and scale domains refer to, so a change updates a view in place.
   */
  signals?: Record<string, unknown>;
  /**
   * Every continuous value in the chart's rows is a finite number (positive on a log
   * scale), so Vega-Lite's invalid-data handling is left out: it adds a filtered copy of
   * every layer's data, a dataset and a filter more for Vega to build and run (issue 11:
   * a tenth of math-reasoning's operators). test/unit/sections/finiteData.test.ts checks
   * the claim over the section's parameter range, and that the drawing is the same.
   */
  finiteData?: boolean;
}

/** Marks that show every row as it is (ChartFrame.finiteData): no invalid-data filters. */
function finiteDataConfig(config: Config): Config {
  return { ...config, mark: { ...config.mark, invalid: 'show' } };
}

/**
 * Wraps a chart body (layer, concat, mark+encoding… without top-level config) into a
 * ChartSpec with title, accessible description, theme and size.
 */
export function makeChart(frame: ChartFrame, ctx: ChartContext, body: Record<string, unknown>): ChartSpec {
  const { lang } = ctx;
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: frame.subtitle ? { text: tr(frame.title, lang), subtitle: tr(frame.subtitle, lang) } : tr(frame.title, lang),
    description: tr(frame.description, lang),
    width: frame.width ?? 520,
    height: frame.height ?? 300,
    config: frame.finiteData ? finiteDataConfig(vegaLiteConfig(ctx.theme)) : vegaLiteConfig(ctx.theme),
    ...body,
  } as TopLevelSpec;
  if (!frame.signals) return { id: frame.id, title: frame.title, description: frame.description, spec };
  const params = Object.entries(frame.signals).map(([name, value]) => ({ name, value }));
  const withParams = { ...spec, params: [...((spec as { params?: unknown[] }).params ?? []), ...params] } as TopLevelSpec;
  return { id: frame.id, title: frame.title, description: frame.description, spec: withParams, signals: Object.keys(frame.signals) };
}

/** A legend label expression that shows `labels[key]` for each series key (the keys stay stable, the labels are a signal). */
export function labelsExpr(signal: string): string {
  return `${signal}[datum.value] || datum.label`;
}

/**
 * A Vega expression labelling powers of ten as 10⁶, 10⁷ …; other ticks stay empty, so a
 * log axis never shows crowded 2e7, 3e7 … labels.
 */
export const POWER_OF_TEN_LABEL_EXPR =
  "abs(log(datum.value) / LN10 - round(log(datum.value) / LN10)) < 1e-6 ? '10' + replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(format(round(log(datum.value) / LN10), 'd'), regexp('-', 'g'), '⁻'), regexp('0', 'g'), '⁰'), regexp('1', 'g'), '¹'), regexp('2', 'g'), '²'), regexp('3', 'g'), '³'), regexp('4', 'g'), '⁴'), regexp('5', 'g'), '⁵'), regexp('6', 'g'), '⁶'), regexp('7', 'g'), '⁷'), regexp('8', 'g'), '⁸'), regexp('9', 'g'), '⁹') : ''";

/** Powers of ten within [from, to], exact (a decimal literal: Math.pow(10, 23) is an ulp off in V8). */
export function decadesWithin(from: number, to: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(from) - 1e-9); e <= Math.floor(Math.log10(to) + 1e-9); e++) out.push(Number(`1e${e}`));
  return out;
}

/** Every power of ten from 10⁻³⁰ to 10³⁰: tick values for a log axis whose domain the data decides (Vega keeps those in the scale's range). */
const DECADE_TICKS = decadesWithin(1e-30, 1e30);

/**
 * A log axis with its ticks, grid lines and labels at the powers of ten only. Left to
 * itself Vega puts nine ticks in each decade (2·10ⁿ … 9·10ⁿ, unlabelled), each one a
 * tick, a grid line and an empty label to encode and draw: three quarters of the items
 * of a six-panel chart, with nothing to read on them. A scale that clamps must give its
 * domain: Vega keeps the ticks whose clamped position is in range, which is all of them.
 */
export function decadeAxis(axis: Record<string, unknown>, clampedDomain?: readonly [number, number]): Record<string, unknown> {
  return { ...axis, values: clampedDomain ? decadesWithin(...clampedDomain) : DECADE_TICKS, labelExpr: POWER_OF_TEN_LABEL_EXPR };
}

/** The caption every chart and report of the seed's invented numbers carries. */
export const ILLUSTRATIVE_CAPTION: Bilingual = {
  en: 'Illustrative numbers from the article, not measurements.',
  zh: '文章中的示意性数字，并非测量结果。',
};

/** Said once, where the article discusses emergence. */
export const MEASURED_EMERGENCE_NOTE: Bilingual = {
  en: 'Measured emergence is reported against training FLOPs (Wei et al. 2022), and how sharp it looks depends on the metric (Schaeffer et al. 2023).',
  zh: '实测的涌现是以训练计算量 FLOPs 为横轴报告的（Wei 等，2022），其陡峭程度取决于所用的评价指标（Schaeffer 等，2023）。',
};

function captionLines(note: { emergenceNote: boolean }, lang: Lang): string[] {
  return note.emergenceNote ? [tr(ILLUSTRATIVE_CAPTION, lang), tr(MEASURED_EMERGENCE_NOTE, lang)] : [tr(ILLUSTRATIVE_CAPTION, lang)];
}

/** A chart with `lines` added under its title (as subtitle lines, after any it has). */
function withCaption(chart: ChartSpec, lines: readonly string[]): ChartSpec {
  const spec = chart.spec as unknown as { title?: string | { text: unknown; subtitle?: string | string[] } };
  const title = spec.title;
  const text = typeof title === 'object' && title !== null ? title : { text: title ?? '' };
  const before = text.subtitle === undefined ? [] : Array.isArray(text.subtitle) ? text.subtitle : [text.subtitle];
  return { ...chart, spec: { ...chart.spec, title: { ...text, subtitle: [...before, ...lines] } } as TopLevelSpec };
}

/**
 * Marks a section as drawing the seed article's invented numbers: every chart gets the
 * caption under its title and every report starts with it (both languages).
 */
export function illustrative(section: Section, options: { emergenceNote?: boolean } = {}): Section {
  const note = { emergenceNote: options.emergenceNote === true };
  const { report } = section;
  return {
    ...section,
    illustrative: note,
    charts: (params, ctx) => section.charts(params, ctx).map((chart) => (chart.measured ? chart : withCaption(chart, captionLines(note, ctx.lang)))),
    ...(report ? { report: (params, lang) => `${captionLines(note, lang).join('\n')}\n\n${report(params, lang)}` } : {}),
  };
}

/** Splits a label into lines of at most `width` characters at spaces (CJK text stays one line). */
export function wrapLabel(text: string, width: number): string[] {
  if (text.length <= width || !text.includes(' ')) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
