// Splits a Vega-Lite spec into its "shape" (everything but inline data and the values
// of its parameter signals) and its datasets and signal values, so a parameter change
// that only changes data or signals is applied to the live Vega view (view.data,
// view.signal) instead of rebuilding it.
import type { TopLevelSpec } from 'vega-lite';

export interface HoistedSpec {
  /** The spec with every inline `data: {values}` replaced by `data: {name}` and the values in `datasets`. */
  spec: TopLevelSpec;
  /** Dataset name → rows, in hoisting order. */
  datasets: Record<string, unknown[]>;
  /** Signal name → value, for the top-level params named in `signals`. */
  signals: Record<string, unknown>;
  /** JSON of the spec without its datasets and signal values: equal shapes can be updated in place. */
  shape: string;
}

const DATASET_PREFIX = 'emergence_data_';

/** `signals`: names of top-level params whose values may change without a rebuild (ChartSpec.signals). */
export function hoistDatasets(spec: TopLevelSpec, signalNames: readonly string[] = []): HoistedSpec {
  const datasets: Record<string, unknown[]> = {};
  // One dataset per rows array: layers that draw the same rows (a line and its points)
  // share it, as Vega-Lite shares identical inline data (named datasets it cannot merge).
  const names = new Map<unknown[], string>();
  let counter = 0;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    // Specs are plain JSON-like objects: their own fields, without a list of pairs per node (every change prepares every chart).
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      if (key === 'data' && typeof value === 'object' && value !== null && Array.isArray((value as { values?: unknown }).values)) {
        const { values, ...rest } = value as { values: unknown[] };
        let name = names.get(values);
        if (name === undefined) {
          name = `${DATASET_PREFIX}${counter++}`;
          names.set(values, name);
          datasets[name] = values;
        }
        out[key] = { ...rest, name };
      } else {
        out[key] = visit(value);
      }
    }
    return out;
  };
  const body = visit(spec) as Record<string, unknown>;
  const existing = (body.datasets ?? {}) as Record<string, unknown[]>;
  const signals: Record<string, unknown> = {};
  let shapeBody = body;
  if (signalNames.length > 0 && Array.isArray(body.params)) {
    const params = body.params as { name?: string; value?: unknown }[];
    for (const p of params) if (p.name !== undefined && signalNames.includes(p.name)) signals[p.name] = p.value;
    shapeBody = { ...body, params: params.map((p) => (p.name !== undefined && signalNames.includes(p.name) ? { ...p, value: null } : p)) };
  }
  const shape = JSON.stringify(shapeBody);
  return { spec: { ...body, datasets: { ...existing, ...datasets } } as TopLevelSpec, datasets, signals, shape };
}

export interface SplitTitle {
  title?: string;
  subtitle?: string;
  /** The spec without its top-level title and description. */
  body: TopLevelSpec;
}

function titleText(text: unknown): string | undefined {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(String).join('\n');
  return undefined;
}

/**
 * Takes the top-level title out of a spec so the page can show it as HTML: the
 * titles of the sections often quote a parameter ("threshold 1e+10"), and text that
 * lives outside Vega lets such a change update the view in place.
 */
export function splitTitle(spec: TopLevelSpec): SplitTitle {
  const { title, description, ...rest } = spec as TopLevelSpec & { title?: unknown; description?: unknown };
  void description; // shown by the page's figure caption instead
  if (title === undefined) return { body: rest as TopLevelSpec };
  if (typeof title === 'object' && title !== null && !Array.isArray(title)) {
    const t = title as { text?: unknown; subtitle?: unknown };
    return { title: titleText(t.text), subtitle: titleText(t.subtitle), body: rest as TopLevelSpec };
  }
  return { title: titleText(title), body: rest as TopLevelSpec };
}

/**
 * A 53-bit hash of a shape (cyrb53): the key of its compiled Vega spec in the tables
 * built at build time. 53 bits keep a collision among the few thousand shapes a build
 * compiles below 1e-9.
 */
export function shapeKey(shape: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < shape.length; i++) {
    const c = shape.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
