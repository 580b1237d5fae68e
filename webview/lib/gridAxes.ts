// Vega-Lite draws an axis's grid as a second axis of its own (grid lines only, below
// the first), so a chart with grids on x and y builds four axis groups. Each is a
// guide subflow of its own for Vega to instantiate, tick, encode and bound at every
// first paint (issue 11: on mirage's six panels, 12 of its 24 axes). This folds each
// grid axis back into the axis it duplicates, when the drawing stays the same: the
// axes already sit below the marks, so what moves is only the order of one axis's grid
// against the axes before it, and the one place they meet is a grid line lying under
// an earlier axis's domain line. That line is hidden (the domain drew over it anyway).
// Pure: no DOM; used where the webview compiles a shape (compileShape.ts).
import type { Spec } from 'vega';

type Json = Record<string, unknown>;
type Orient = 'top' | 'bottom' | 'left' | 'right';

/** What a Vega-Lite grid axis holds besides grid properties; anything else and it is left alone. */
const GRID_AXIS_KEYS = new Set(['scale', 'orient', 'grid', 'gridScale', 'domain', 'labels', 'ticks', 'aria', 'maxExtent', 'minExtent', 'zindex', 'encode']);
/** Properties that place ticks, hence grid lines: the two axes must agree on all of them. */
const PLACEMENT_KEYS = ['values', 'tickCount', 'tickMinStep', 'tickBand', 'tickOffset', 'bandPosition', 'translate', 'offset', 'position', 'zindex'];
/** Scale types whose grid line lies at scale(value), so an edge test can find it. */
const CONTINUOUS = new Set(['linear', 'log', 'pow', 'sqrt', 'symlog', 'time', 'utc']);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const isX = (orient: Orient): boolean => orient === 'top' || orient === 'bottom';

/** An axis property as Vega resolves it: the axis, then axis<Orient>, axisX|Y, axis config, then Vega's default. */
function resolved(config: Json, axis: Json, key: string, fallback: unknown): unknown {
  const orient = axis.orient as Orient;
  const layers = [axis, config[`axis${orient[0].toUpperCase()}${orient.slice(1)}`], config[isX(orient) ? 'axisX' : 'axisY'], config.axis];
  for (const layer of layers) {
    const value = (layer as Json | undefined)?.[key];
    if (value !== undefined) return value;
  }
  return fallback;
}

/**
 * The edge of `axis`'s scale range (as a Vega expression) where `earlier`'s domain line
 * lies, when that line is drawn and fully covers a grid line there; undefined when it
 * is not drawn; null when it is drawn but might not cover one (then nothing is folded).
 */
function coveredEdge(config: Json, axis: Json, earlier: Json): string | null | undefined {
  const orient = earlier.orient as Orient;
  if (isX(orient) === isX(axis.orient as Orient)) return undefined;
  if (resolved(config, earlier, 'domain', true) !== true) return undefined;
  const covers =
    earlier.scale === axis.gridScale &&
    resolved(config, earlier, 'offset', 0) === 0 &&
    earlier.position === undefined &&
    resolved(config, earlier, 'domainOpacity', 1) === 1 &&
    resolved(config, earlier, 'domainDash', undefined) === undefined &&
    Number(resolved(config, earlier, 'domainWidth', 1)) >= Number(resolved(config, axis, 'gridWidth', 1)) &&
    sameJson(resolved(config, earlier, 'translate', 0.5), resolved(config, axis, 'translate', 0.5));
  if (!covers) return null;
  const range = `range(${JSON.stringify(axis.scale)})`;
  return `${orient === 'bottom' || orient === 'right' ? 'max' : 'min'}(${range}[0], ${range}[1])`;
}

/** The axes of one group with each foldable grid axis folded into its axis. */
function foldAxes(config: Json, axes: Json[], scaleTypes: Map<string, string>): Json[] {
  const isGridOnly = (a: Json) => a.grid === true && a.domain === false && a.labels === false && a.ticks === false;
  const folded = new Set<Json>();
  for (const grid of axes.filter(isGridOnly)) {
    // vega-lite's output holds keys set to undefined (tickExtra, tickRound…): absent, as in its JSON.
    if (Object.keys(grid).some((k) => grid[k] !== undefined && !GRID_AXIS_KEYS.has(k) && !k.startsWith('grid') && !PLACEMENT_KEYS.includes(k))) continue;
    const encodeKeys = Object.keys((grid.encode as Json | undefined) ?? {});
    if (encodeKeys.some((k) => k !== 'grid') || typeof grid.orient !== 'string' || typeof grid.scale !== 'string') continue;
    if (!CONTINUOUS.has(scaleTypes.get(grid.scale) ?? '')) continue;
    const main = axes.find((a) => !isGridOnly(a) && a.scale === grid.scale && a.orient === grid.orient && a.grid !== true && a.style === undefined);
    if (!main || grid.style !== undefined || (main.encode as Json | undefined)?.grid !== undefined) continue;
    if (!PLACEMENT_KEYS.every((k) => sameJson(main[k], grid[k]))) continue;
    // Grid properties the grid axis takes from config for being a grid are the main axis's too (same scale and orient).
    const candidate: Json = { ...main, grid: true };
    for (const [k, v] of Object.entries(grid)) if (k.startsWith('grid') && k !== 'grid' && v !== undefined) candidate[k] = v;
    const edges: string[] = [];
    let blocked = false;
    for (const earlier of axes.slice(0, axes.indexOf(main))) {
      // Grid-only axes (this one, and any folded before it) draw no domain.
      if (isGridOnly(earlier)) continue;
      const edge = coveredEdge(config, candidate, earlier);
      if (edge === null) blocked = true;
      else if (edge !== undefined) edges.push(edge);
    }
    if (blocked) continue;
    const gridEncode = structuredClone(((grid.encode as Json | undefined)?.grid as Json | undefined) ?? {});
    if (edges.length > 0) {
      const at = `scale(${JSON.stringify(grid.scale)}, datum.value)`;
      const hidden = edges.map((edge) => `abs(${at} - ${edge}) < 0.5`).join(' || ');
      // Only a line under an earlier domain is hidden; Vega's own grid encoder sets opacity 1 on update.
      const update = ((gridEncode.update as Json | undefined) ??= {});
      if (update.opacity !== undefined) continue;
      update.opacity = { signal: `${hidden} ? 0 : 1` };
    }
    Object.assign(main, candidate);
    if (Object.keys(gridEncode).length > 0) main.encode = { ...((main.encode as Json | undefined) ?? {}), grid: gridEncode };
    folded.add(grid);
  }
  return axes.filter((a) => !folded.has(a));
}

/** Folds Vega-Lite's separate grid axes into their axes, in every group of a compiled spec (in place; returns it). */
export function foldGridAxes(spec: Spec): Spec {
  const config = ((spec as Json).config as Json | undefined) ?? {};
  const visit = (group: Json, inherited: Map<string, string>) => {
    const scaleTypes = new Map(inherited);
    for (const s of (group.scales as Json[] | undefined) ?? []) scaleTypes.set(String(s.name), typeof s.type === 'string' ? s.type : 'linear');
    if (Array.isArray(group.axes)) group.axes = foldAxes(config, group.axes as Json[], scaleTypes);
    for (const mark of (group.marks as Json[] | undefined) ?? []) if (mark.type === 'group') visit(mark, scaleTypes);
  };
  visit(spec as Json, new Map());
  return spec;
}
