// Radar (spider) charts for Vega-Lite, which has no polar line mark: the geometry is
// computed here (x = r·cos θ, y = r·sin θ on hidden linear axes) and drawn as layers of
// grid rings, spokes, filled closed polygons, vertex points and labels at the spoke tips.
// Angles follow matplotlib's polar axes, as in the seed: the first spoke points east and
// the others follow counter-clockwise, θ_i = 2π·i/n (np.linspace(0, 2π, n, endpoint=False)).
import type { ChartContext } from './types';

/** The seed's spoke angles: np.linspace(0, 2*np.pi, n, endpoint=False). */
export function radarAngles(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / n);
}

/** Cartesian position of radius r on the spoke at angle θ (matplotlib: θ = 0 east, counter-clockwise). */
function polarToXY(angle: number, r: number): { x: number; y: number } {
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) };
}

export interface RadarSeries {
  /** Legend entry; unique among the series. */
  name: string;
  /** One value per axis, in axis order. */
  values: readonly number[];
}

/** Extra tooltip fields for one vertex. */
export type VertexFields = Record<string, string | number>;

/** One vertex of one series' polygon; the last vertex repeats the first (closed polygon). */
export interface RadarVertex extends VertexFields {
  series: string;
  seriesIndex: number;
  axis: string;
  axisIndex: number;
  /** 0…n; vertex n closes the polygon on axis 0. */
  vertex: number;
  value: number;
  angle: number;
  x: number;
  y: number;
}

/**
 * The closed polygons of all series, like the seed's `caps + caps[:1]` and
 * `angles + angles[:1]`: n + 1 vertices per series, the last equal to the first.
 */
export function radarVertices(
  axes: readonly string[],
  series: readonly RadarSeries[],
  extra?: (seriesIndex: number, axisIndex: number) => VertexFields,
): RadarVertex[] {
  const angles = radarAngles(axes.length);
  const rows: RadarVertex[] = [];
  series.forEach((s, si) => {
    if (s.values.length !== axes.length) {
      throw new Error(`radar series ${s.name} has ${s.values.length} values for ${axes.length} axes`);
    }
    for (let v = 0; v <= axes.length; v++) {
      const ai = v % axes.length;
      const value = s.values[ai];
      rows.push({
        ...(extra ? extra(si, ai) : {}),
        series: s.name,
        seriesIndex: si,
        axis: axes[ai],
        axisIndex: ai,
        vertex: v,
        value,
        angle: angles[ai],
        ...polarToXY(angles[ai], value),
      });
    }
  });
  return rows;
}

interface TooltipField {
  field: string;
  title: string;
  type?: 'nominal' | 'quantitative';
  format?: string;
}

export interface RadarOptions {
  ctx: ChartContext;
  /** Spoke labels, in order (the first points east). */
  axes: readonly string[];
  series: readonly RadarSeries[];
  /** Radial range is 0…max (the seed's set_ylim). */
  max: number;
  /** Grid rings at ringStep, 2·ringStep, … ≤ max. */
  ringStep: number;
  /** Series colours, in series order. */
  colors: readonly string[];
  /** Legend title; without one the chart has no legend (single series). */
  legendTitle?: string;
  /** Fill opacity of the polygons (the seed's ax.fill alpha). */
  fillOpacity: number;
  /** Tooltip of each vertex point; rows carry series, axis, value and `vertexFields`. */
  tooltip: TooltipField[];
  vertexFields?: (seriesIndex: number, axisIndex: number) => VertexFields;
  /** Label each vertex with its value (single-series radars), inside the polygon. */
  valueLabels?: boolean;
  /** Ring label text; default the number itself. */
  ringLabel?: (r: number) => string;
  /** Plot size in pixels (square). */
  size?: number;
  /** Legend label expression (the series names are stable keys, their labels a signal). */
  legendLabelExpr?: string;
}

/** A spoke label in at most two lines, split at the space nearest its middle (CJK labels stay whole). */
function twoLines(label: string): string[] {
  const spaces = [...label].map((c, i) => (c === ' ' ? i : -1)).filter((i) => i > 0);
  if (spaces.length === 0) return [label];
  const cut = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best));
  return [label.slice(0, cut), label.slice(cut + 1)];
}

/** Ring radii ringStep, 2·ringStep, … up to max (tolerant to float steps: 0.2·6 = 1.2). */
export function ringRadii(max: number, ringStep: number): number[] {
  const radii: number[] = [];
  for (let i = 1; i * ringStep <= max + 1e-9; i++) radii.push(Number((i * ringStep).toPrecision(12)));
  return radii;
}

const RING_SEGMENTS = 96;
const TIP_FONT_SIZE = 12;
/** Pixels between the outer ring and a spoke-tip label. */
const TIP_GAP = 8;
/** Pixels between a vertex and its value label (towards the centre). */
const VALUE_INSET = 16;

/** Rough rendered width of a label in pixels: CJK glyphs ≈ 1 em, others ≈ 0.62 em (bold). */
function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62;
  return em * fontSize;
}

/**
 * The body for makeChart: a layered spec on hidden x/y axes with the same pixels per
 * unit (circles stay round). It sets its own width and height (the rings' diameter
 * `size` plus room for the spoke-tip labels), overriding makeChart's.
 */
export function radarBody(opts: RadarOptions): Record<string, unknown> {
  const { ctx, axes, max } = opts;
  const { theme } = ctx;
  const angles = radarAngles(axes.length);
  const radii = ringRadii(max, opts.ringStep);

  const rings = radii.flatMap((r) =>
    Array.from({ length: RING_SEGMENTS + 1 }, (_, seg) => ({ ring: r, seg, ...polarToXY((2 * Math.PI * seg) / RING_SEGMENTS, r) })),
  );
  const spokes = angles.map((angle) => {
    const tip = polarToXY(angle, max);
    return { x: 0, y: 0, x2: tip.x, y2: tip.y };
  });
  // Ring labels sit half-way between the first two spokes, like matplotlib's radial labels.
  const labelAngle = axes.length > 1 ? angles[1] / 2 : Math.PI / 4;
  const ringLabels = radii.map((r) => ({ text: opts.ringLabel ? opts.ringLabel(r) : String(r), ...polarToXY(labelAngle, r) }));
  // Room for the spoke-tip labels inside the plot (not in the autosize padding), so no
  // renderer clips them: estimate their width (CJK glyphs ≈ 1 em, latin ≈ 0.62 em).
  // In a webview of known width (ChartContext.width) the radar fits it: labels wrap to two
  // lines and the rings shrink, so the chart is never scaled down (its text keeps its size).
  const available = ctx.width;
  const oneLine = Math.max(...axes.map((label) => estimateTextWidth(label, TIP_FONT_SIZE)));
  const wrap = available !== undefined && 2 * oneLine + 200 > available;
  // Narrow: two-line labels one point smaller (still above the 9 px floor of the side view).
  const tipFont = wrap ? TIP_FONT_SIZE - 2 : TIP_FONT_SIZE;
  const tipText = axes.map((label) => (wrap ? twoLines(label) : [label]));
  const lineCount = Math.max(...tipText.map((t) => t.length));
  const labelWidth = Math.ceil(Math.max(...tipText.flat().map((line) => estimateTextWidth(line, tipFont))) + TIP_GAP);
  const labelHeight = lineCount * (tipFont + 2) + TIP_GAP;
  const own = opts.size ?? 320;
  const size = available === undefined ? own : Math.max(56, Math.min(own, available - 2 * labelWidth - 24));
  const unitsPerPx = (2 * max) / size;
  const xExtent = max + labelWidth * unitsPerPx;
  const yExtent = max + labelHeight * unitsPerPx;
  const tipLabels = axes.map((label, i) => {
    const { x, y } = polarToXY(angles[i], max + TIP_GAP * unitsPerPx);
    const cos = Math.cos(angles[i]);
    const sin = Math.sin(angles[i]);
    return {
      label: tipText[i].length > 1 ? tipText[i] : label,
      x,
      y,
      align: cos > 0.2 ? 'left' : cos < -0.2 ? 'right' : 'center',
      baseline: sin > 0.2 ? 'bottom' : sin < -0.2 ? 'top' : 'middle',
    };
  });
  const vertices = radarVertices(axes, opts.series, opts.vertexFields);

  const x = { field: 'x', type: 'quantitative', scale: { domain: [-xExtent, xExtent], nice: false, zero: false }, axis: null };
  const y = { field: 'y', type: 'quantitative', scale: { domain: [-yExtent, yExtent], nice: false, zero: false }, axis: null };
  const seriesNames = opts.series.map((s) => s.name);
  const colorScale = { domain: seriesNames, range: seriesNames.map((_, i) => opts.colors[i % opts.colors.length]) };
  const legend =
    opts.legendTitle === undefined
      ? null
      : {
          title: opts.legendTitle,
          orient: 'bottom',
          direction: 'horizontal',
          symbolType: 'stroke',
          symbolStrokeWidth: 3,
          ...(opts.legendLabelExpr ? { labelExpr: opts.legendLabelExpr } : {}),
        };

  return {
    width: size + 2 * labelWidth,
    height: size + 2 * labelHeight,
    // Sized here, not stretched by the webview (webview/lib/layout.ts): circles stay round.
    usermeta: { fixedSize: true },
    view: { stroke: null },
    layer: [
      {
        data: { values: rings },
        mark: { type: 'line', stroke: theme.grid, strokeWidth: 1, interpolate: 'linear' },
        encoding: { x, y, detail: { field: 'ring', type: 'nominal' }, order: { field: 'seg', type: 'quantitative' } },
      },
      {
        data: { values: spokes },
        mark: { type: 'rule', color: theme.grid, strokeWidth: 1 },
        encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' } },
      },
      {
        data: { values: ringLabels },
        mark: { type: 'text', color: theme.muted, fontSize: 9, align: 'left', baseline: 'bottom', dx: 2, dy: -1 },
        encoding: { x, y, text: { field: 'text', type: 'nominal' } },
      },
      {
        data: { values: vertices },
        mark: { type: 'line', fillOpacity: opts.fillOpacity, strokeWidth: 2 },
        encoding: {
          x,
          y,
          color: { field: 'series', type: 'nominal', scale: colorScale, legend },
          fill: { field: 'series', type: 'nominal', scale: colorScale, legend },
          order: { field: 'vertex', type: 'quantitative' },
        },
      },
      {
        data: { values: vertices },
        transform: [{ filter: `datum.vertex < ${axes.length}` }],
        mark: { type: 'point', filled: true, size: 45, opacity: 1 },
        encoding: {
          x,
          y,
          color: { field: 'series', type: 'nominal', scale: colorScale, legend },
          tooltip: opts.tooltip.map((t) => ({ field: t.field, title: t.title, type: t.type ?? 'nominal', ...(t.format ? { format: t.format } : {}) })),
        },
      },
      ...(opts.valueLabels
        ? [
            {
              data: {
                values: vertices
                  .filter((v) => v.vertex < axes.length)
                  .map((v) => ({ text: String(v.value), ...polarToXY(v.angle, Math.max(0, v.value - VALUE_INSET * unitsPerPx)) })),
              },
              mark: { type: 'text', color: theme.foreground, fontSize: 11, fontWeight: 'bold', align: 'center', baseline: 'middle' },
              encoding: { x, y, text: { field: 'text', type: 'nominal' } },
            },
          ]
        : []),
      {
        data: { values: tipLabels },
        mark: {
          type: 'text',
          color: theme.foreground,
          fontSize: tipFont,
          fontWeight: 'bold',
          align: { expr: 'datum.align' },
          baseline: { expr: 'datum.baseline' },
        },
        encoding: { x, y, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
