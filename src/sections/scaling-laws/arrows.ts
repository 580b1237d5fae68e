// matplotlib-style `annotate(text, xy, xytext, arrowprops)` for Vega-Lite: a text mark
// at xytext, a straight rule from the text's box to xy and a triangle head at xy.
// Vega-Lite has no arrows, so the geometry is worked out here in pixels from the
// chart's fixed size and explicit scale domains, then mapped back to data units, so
// the rule and head are ordinary data-positioned marks that scale with the chart.
// (Used by scaling-laws and math-reasoning; a candidate for chartKit.)

interface AxisFrame {
  type: 'log' | 'linear';
  domain: readonly [number, number];
}

export interface PlotFrame {
  width: number;
  height: number;
  x: AxisFrame;
  y: AxisFrame;
}

function toUnit(axis: AxisFrame, v: number): number {
  const [lo, hi] = axis.domain;
  if (axis.type === 'log') return (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
  return (v - lo) / (hi - lo);
}

function fromUnit(axis: AxisFrame, u: number): number {
  const [lo, hi] = axis.domain;
  if (axis.type === 'log') return Math.pow(10, Math.log10(lo) + u * (Math.log10(hi) - Math.log10(lo)));
  return lo + u * (hi - lo);
}

/** Data → pixels (origin top-left, y down). */
export function toPixel(frame: PlotFrame, x: number, y: number): [number, number] {
  return [toUnit(frame.x, x) * frame.width, (1 - toUnit(frame.y, y)) * frame.height];
}

/** Pixels → data. */
export function fromPixel(frame: PlotFrame, px: number, py: number): [number, number] {
  return [fromUnit(frame.x, px / frame.width), fromUnit(frame.y, 1 - py / frame.height)];
}

/** A rough text width: CJK glyphs are square, Latin glyphs about 0.58 em. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.58;
  return em * fontSize;
}

export interface TextBox {
  /** Pixel box: left, top, right, bottom. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Line height the annotation text marks use (and that textBox assumes). */
export function annotationLineHeight(fontSize: number): number {
  return Math.round(fontSize * 1.2);
}

/**
 * The pixel box of a text mark anchored at (px, py) with the given align and baseline.
 * Like vega, the baseline positions the first line; further lines run downward.
 */
export function textBox(
  px: number,
  py: number,
  width: number,
  fontSize: number,
  align: 'left' | 'center' | 'right',
  baseline: 'top' | 'middle' | 'bottom',
  dx = 0,
  dy = 0,
  lines = 1,
): TextBox {
  const x0 = px + dx - (align === 'left' ? 0 : align === 'center' ? width / 2 : width);
  const line = annotationLineHeight(fontSize);
  const y0 = py + dy - (baseline === 'top' ? 0 : baseline === 'middle' ? line / 2 : line);
  return { x0, y0, x1: x0 + width, y1: y0 + line * lines };
}

/** Where the segment from the box's centre to (tx, ty) leaves the box. */
function exitPoint(box: TextBox, tx: number, ty: number): [number, number] {
  const cx = (box.x0 + box.x1) / 2;
  const cy = (box.y0 + box.y1) / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  const sx = dx === 0 ? Infinity : (box.x1 - box.x0) / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (box.y1 - box.y0) / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return [cx + dx * s, cy + dy * s];
}

export interface ArrowGeometry {
  /** Shaft start and end, in data units (a rule with x, y, x2, y2). */
  x: number;
  y: number;
  x2: number;
  y2: number;
  /** Centre of the triangle head (a point mark), in data units. */
  headX: number;
  headY: number;
  /** Clockwise rotation of a "triangle-up" symbol so it points at the target, degrees. */
  angle: number;
}

/** Size (area) of the arrowhead symbol. */
export const ARROW_HEAD_SIZE = 60;

/**
 * An arrow from a text box to a target point (data units), leaving `gap` pixels
 * between the text and the shaft. The head's tip touches the target.
 */
export function arrowFromBox(frame: PlotFrame, box: TextBox, target: readonly [number, number], gap = 3): ArrowGeometry {
  const [tx, ty] = toPixel(frame, target[0], target[1]);
  const [ex, ey] = exitPoint(box, tx, ty);
  const len = Math.hypot(tx - ex, ty - ey) || 1;
  const ux = (tx - ex) / len;
  const uy = (ty - ey) / len;
  const half = (Math.sqrt(ARROW_HEAD_SIZE) / 2) * (Math.sqrt(3) / 2);
  const [x, y] = fromPixel(frame, ex + ux * gap, ey + uy * gap);
  const [headX, headY] = fromPixel(frame, tx - ux * half, ty - uy * half);
  const angle = (Math.atan2(ux, -uy) * 180) / Math.PI;
  return { x, y, x2: headX, y2: headY, headX, headY, angle };
}
