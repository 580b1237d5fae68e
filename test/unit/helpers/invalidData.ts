// What Vega-Lite would filter out of a chart as invalid data (null, NaN or ±∞ in a
// continuous channel, and values ≤ 0 on a log scale), found by walking the spec's own
// inline rows: the check behind charts that declare `finiteData` (chartKit.makeChart),
// which draw without Vega-Lite's filters.
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const CONTINUOUS_TYPES = new Set(['quantitative', 'temporal']);
/** Channels that take the type and scale of another. */
const SECONDARY: Record<string, string> = { x2: 'x', y2: 'y', theta2: 'theta', radius2: 'radius', xError: 'x', yError: 'y' };

/** Scale types declared for each channel anywhere in a view's subtree (layers share their scales). */
function scaleTypes(node: unknown, into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(node)) node.forEach((n) => scaleTypes(n, into));
  if (!isObject(node)) return into;
  if (isObject(node.encoding)) {
    for (const [channel, def] of Object.entries(node.encoding)) {
      const type = isObject(def) && isObject(def.scale) ? def.scale.type : undefined;
      if (typeof type === 'string') (into.get(channel) ?? into.set(channel, new Set()).get(channel))?.add(type);
    }
  }
  for (const key of ['layer', 'spec']) if (key in node) scaleTypes(node[key], into);
  return into;
}

/**
 * Every value in the spec's inline rows that Vega-Lite would treat as invalid, as
 * "path: channel field = value" lines; and a line for what cannot be checked from the
 * rows (a transform, named or URL data). Empty: nothing to filter.
 */
export function invalidData(spec: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: string, rows: unknown[] | undefined, encoding: Json, scales: Map<string, Set<string>>): void => {
    if (!isObject(node)) return;
    if (Array.isArray(node.transform) && node.transform.length > 0) found.push(`${path}: a transform (its fields are not in the rows)`);
    let own = rows;
    if (isObject(node.data)) {
      if (Array.isArray(node.data.values)) own = node.data.values;
      else found.push(`${path}: data that is not inline`);
    }
    const merged = isObject(node.encoding) ? { ...encoding, ...node.encoding } : encoding;
    // A composition's children are separate views (own scales); a layer's share its parent's.
    for (const key of ['concat', 'hconcat', 'vconcat']) {
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => visit(child, `${path}.${key}[${i}]`, own, {}, scaleTypes(child)));
    }
    if (Array.isArray(node.layer)) node.layer.forEach((child, i) => visit(child, `${path}.layer[${i}]`, own, merged, scales));
    if ('spec' in node || 'facet' in node || 'repeat' in node) found.push(`${path}: a facet or repeat`);
    if (node.mark === undefined) return;
    for (const [channel, def] of Object.entries(merged)) {
      if (!isObject(def) || typeof def.field !== 'string') continue;
      const primary = SECONDARY[channel];
      const type = def.type ?? (primary && isObject(merged[primary]) ? merged[primary].type : undefined);
      if (!CONTINUOUS_TYPES.has(String(type))) continue;
      const log = scales.get(primary ?? channel)?.has('log') === true;
      for (const [i, row] of (own ?? []).entries()) {
        const value = isObject(row) ? row[def.field] : undefined;
        const valid = typeof value === 'number' && Number.isFinite(value) && (!log || value > 0);
        if (!valid) found.push(`${path}: row ${i} ${channel} ${def.field} = ${String(value)}${log ? ' (log scale)' : ''}`);
      }
    }
  };
  visit(spec, 'spec', undefined, {}, scaleTypes(spec));
  return found;
}
