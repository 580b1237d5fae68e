// Fits a chart to the width of its container. A single or layered view takes the
// container's width (Vega-Lite `width: "container"`, autosize fit-x: axes and legends
// included, so nothing is shrunk and no text gets smaller); its width then follows
// window resizes inside Vega, without a rebuild. Concatenated panels keep their own
// width and wrap into as many columns as fit. Below NARROW_PX legends move under the
// plot and wrap into columns. The layout is part of a chart's shape: only a change of
// `columns` or of `narrow` rebuilds a view, never a parameter change.
//
// A chart that must keep its aspect (a radar) says so with `usermeta.fixedSize` and sizes
// itself from ChartContext.width instead.
//
// Export and the CLI do not use this: they draw the spec as the section wrote it, at
// its own fixed width (chartKit's 520 px unless the chart says otherwise).
import type { TopLevelSpec } from 'vega-lite';
import { isFileSafeSectionId } from './sections';

type Json = Record<string, unknown>;

/** Below this container width legends go under the plot. */
export const NARROW_PX = 520;
/** Room a panel needs beyond its plot width: y axis labels and title. */
const PANEL_OVERHEAD_PX = 64;
/** Width of one legend column when legends wrap. */
const LEGEND_COLUMN_PX = 150;

/** Width steps for ChartContext.width: charts that size themselves to it rebuild only when it moves a step. */
const WIDTH_STEP = 40;
/** Layouts are computed for widths in these steps: few enough shapes to compile them all at build time. */
const LAYOUT_STEP = 20;

export function widthStep(width: number): number {
  return Math.max(WIDTH_STEP * 7, Math.floor(width / WIDTH_STEP) * WIDTH_STEP);
}

/**
 * The build-time table of compiled chart specs (dist/charts/<name>.js) for a section,
 * language and container width: one for every width from NARROW_PX up, and one per
 * width step below it (narrow layouts change every step; the side view loads only its own).
 * Undefined for an id that cannot name a table.
 */
export function compiledTableName(sectionId: string, lang: string, containerWidth: number): string | undefined {
  if (!isFileSafeSectionId(sectionId) || !/^[a-z]{2}$/.test(lang)) return undefined;
  const step = widthStep(containerWidth);
  return step < NARROW_PX ? `${sectionId}.${lang}.n${step}` : `${sectionId}.${lang}`;
}

export interface Layout {
  /** Container width in px. */
  width: number;
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isComposite(spec: Json): boolean {
  return ['concat', 'hconcat', 'vconcat', 'facet', 'repeat'].some((k) => k in spec);
}

/** How many panels of `panelWidth` fit side by side into `width`. */
function columnsFor(width: number, panelWidth: number, spacing: number, count: number): number {
  const fit = Math.floor((width + spacing) / (panelWidth + PANEL_OVERHEAD_PX + spacing));
  return Math.max(1, Math.min(count, fit));
}

/** Legends under the plot, wrapped into columns that fit the width. */
function narrowLegend(legend: Json, width: number): Json {
  const columns = Math.max(1, Math.floor((width - 24) / LEGEND_COLUMN_PX));
  const labelLimit = Math.max(60, Math.floor((width - 24) / columns) - 64);
  const out: Json = { ...legend, orient: 'bottom', direction: 'horizontal', columns, gradientLength: Math.min(200, width - 110) };
  out.labelLimit = typeof legend.labelLimit === 'number' ? Math.min(legend.labelLimit, labelLimit) : labelLimit;
  if (typeof legend.titleLimit !== 'number') out.titleLimit = width - 40;
  return out;
}

/** Axis labels take at most 40 % of a narrow chart (long category names are truncated with "…", their tooltip keeps them). */
function narrowAxis(axis: Json, width: number): Json {
  const limit = Math.floor(width * 0.4);
  return typeof axis.labelLimit === 'number' && axis.labelLimit > limit ? { ...axis, labelLimit: limit } : axis;
}

function withNarrowLegends(node: unknown, width: number): unknown {
  if (Array.isArray(node)) return node.map((n) => withNarrowLegends(n, width));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'legend' && isObject(value) && value.orient !== 'none') out[key] = narrowLegend(value, width);
    else if (key === 'axis' && isObject(value)) out[key] = narrowAxis(withNarrowLegends(value, width) as Json, width);
    else if (key === 'datasets' || key === 'data' || key === 'params') out[key] = value;
    else out[key] = withNarrowLegends(value, width);
  }
  return out;
}

function childWidth(spec: Json, children: Json[]): number {
  const own = children.map((c) => c.width).find((w): w is number => typeof w === 'number');
  return own ?? (typeof spec.width === 'number' ? spec.width : 200);
}

function spacingOf(spec: Json): number {
  const s = spec.spacing;
  if (typeof s === 'number') return s;
  if (isObject(s) && typeof s.column === 'number') return s.column;
  return 20;
}

/** The spec laid out for a container `layout.width` px wide (the input is not changed). */
export function layoutSpec(spec: TopLevelSpec, layout: Layout): TopLevelSpec {
  const width = Math.max(200, Math.floor(layout.width / LAYOUT_STEP) * LAYOUT_STEP);
  let out = { ...(spec as unknown as Json) };
  const fixed = isObject(out.usermeta) && out.usermeta.fixedSize === true;
  if (fixed) {
    // Sized by its section from ChartContext.width (radars keep one scale on x and y).
  } else if (!isComposite(out)) {
    out.width = 'container';
    out.autosize = { type: 'fit-x', contains: 'padding' };
  } else if (Array.isArray(out.hconcat) || Array.isArray(out.concat)) {
    const children = (out.hconcat ?? out.concat) as Json[];
    const columns = columnsFor(width, childWidth(out, children), spacingOf(out), children.length);
    // One column narrower than a panel: the panels take the width there is.
    const room = width - PANEL_OVERHEAD_PX - 8;
    const fitted = columns === 1 ? children.map((c) => (typeof c.width === 'number' && c.width > room ? { ...c, width: room } : c)) : children;
    const { hconcat, ...rest } = out;
    void hconcat;
    out = { ...rest, concat: fitted, columns };
  }
  if (width < NARROW_PX) {
    out = withNarrowLegends(out, width) as Json;
    const config = isObject(out.config) ? out.config : {};
    const legend = isObject(config.legend) ? config.legend : {};
    const axis = isObject(config.axis) ? config.axis : {};
    const axisX = isObject(config.axisX) ? config.axisX : {};
    // x-axis titles end at the plot's right edge: centred on a narrow plot they would run past it.
    out.config = {
      ...config,
      legend: narrowLegend(legend, width),
      axis: { ...axis, labelLimit: Math.floor(width * 0.4) },
      axisX: { titleAnchor: 'end', ...axisX },
    };
  }
  return out as unknown as TopLevelSpec;
}
