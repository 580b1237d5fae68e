// What a live Vega view is given of a prepared chart: its datasets and its parameter
// signals, in the page's colours, at creation and on every change. A changed dataset is
// handed over as the change from the rows the view holds: rows at the same place with
// the same fields are modified in place (only the values that differ), rows past the end
// of the shorter list are inserted or removed. Vega then re-encodes only the items whose
// data changed and keeps their SVG nodes, where replacing the dataset removes every item
// and draws each anew (a node removed and created per point of a scatter: the largest
// cost of such a parameter change, issue 11). Pure Vega, no DOM:
// test/unit/webview/viewData.test.ts changes every section's charts through every
// numeric parameter both ways and requires the same SVG.
import type * as vega from 'vega';
import type { PreparedChart } from './prepare';
import { fillTokenText, fillTokensIn, hasTokens, type ThemeValues } from './themeTokens';

export type Row = Record<string, unknown>;

/** A value as a view is given it: in the theme's colours. */
function givenValue(value: unknown, theme: ThemeValues): unknown {
  if (typeof value === 'string') return hasTokens(value) ? fillTokenText(value, theme) : value;
  return typeof value === 'object' && value !== null ? fillTokensIn(value, theme) : value;
}

/**
 * A row as a view is given it: a copy, in the theme's colours. Vega writes onto the rows
 * it holds (its tuple ids, fields its formulas derive), and the prepared rows must stay
 * as the section wrote them: the next change is told from them.
 */
function givenRow(row: Row, theme: ThemeValues): Row {
  const copy: Row = {};
  for (const field in row) copy[field] = givenValue(row[field], theme);
  return copy;
}

function givenRows(rows: readonly Row[], theme: ThemeValues): Row[] {
  return rows.map((row) => givenRow(row, theme));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

// Rows are a section's plain objects (no inherited fields), compared without allocating:
// a change compares every row of its changed datasets.
function sameFields(a: Row, b: Row): boolean {
  let count = 0;
  for (const field in a) {
    if (!Object.prototype.hasOwnProperty.call(b, field)) return false;
    count++;
  }
  // Only the number of b's fields is left to check: each of a's is one of them.
  return count === Object.keys(b).length;
}

function sameRow(a: Row, b: Row): boolean {
  if (a === b) return true;
  if (!sameFields(a, b)) return false;
  for (const field in a) if (!sameValue(a[field], b[field])) return false;
  return true;
}

/** Whether two lists of rows hold the same values (what the section computed, before any theme). */
function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return a === b || (a.length === b.length && a.every((row, i) => sameRow(row, b[i])));
}

/**
 * Changes the view's dataset `name` from `previous` (the prepared rows it was last given)
 * to `next`: 'unchanged' when they hold the same values (the view is left alone). False,
 * with the view untouched, when that is not such a change (a row's fields differ, the
 * view does not hold as many rows, or it has not run yet): the caller then replaces the
 * dataset.
 */
export function changeRows(view: vega.View, name: string, previous: readonly Row[], next: readonly Row[], theme: ThemeValues): 'changed' | 'unchanged' | false {
  // Null before the view's first run.
  const tuples = view.data(name) as Row[] | null;
  if (!Array.isArray(tuples) || tuples.length !== previous.length) return false;
  const shared = Math.min(previous.length, next.length);
  for (let i = 0; i < shared; i++) if (!sameFields(previous[i], next[i])) return false;
  const change = view.changeset();
  let changed = previous.length !== next.length;
  for (let i = 0; i < shared; i++) {
    if (previous[i] === next[i]) continue;
    for (const field in next[i]) {
      if (sameValue(previous[i][field], next[i][field])) continue;
      change.modify(tuples[i], field, givenValue(next[i][field], theme));
      changed = true;
    }
  }
  if (!changed) return 'unchanged';
  if (next.length > shared) change.insert(givenRows(next.slice(shared), theme));
  if (tuples.length > shared) change.remove(tuples.slice(shared));
  view.change(name, change);
  return 'changed';
}

/**
 * The datasets of a compiled spec that a change may hand over row by row: inline values
 * with no transform of their own, so the view holds exactly the rows it was given, in
 * order. (A dataset's own sort, filter or aggregate would make the rows the view holds
 * other tuples than the ones given.)
 */
export function plainDatasets(spec: vega.Spec): Set<string> {
  const plain = new Set<string>();
  for (const data of spec.data ?? []) {
    if ('values' in data && !('source' in data) && !('url' in data) && (data.transform ?? []).length === 0) plain.add(data.name);
  }
  return plain;
}

/** A new view's datasets and signal values (before its first run). */
export function loadChart(view: vega.View, prepared: PreparedChart, theme: ThemeValues): void {
  for (const [name, rows] of Object.entries(prepared.hoisted.datasets)) view.data(name, givenRows(rows as Row[], theme));
  for (const [name, value] of Object.entries(prepared.hoisted.signals)) view.signal(name, fillTokensIn(value, theme));
}

/** How a change reached the view's datasets: counted by the unit tests. */
export interface ChartChange {
  /** Whether anything was handed to the view (it needs a run). */
  changed: boolean;
  /** Datasets changed row by row / replaced whole. */
  changedRows: number;
  replaced: number;
  /** Datasets whose rows stayed as they were. */
  unchanged: string[];
}

/**
 * The next preparation of the same shape, in the same theme, handed to the view that
 * shows `before`; `plain` names the datasets that may change row by row (plainDatasets).
 */
export function changeChart(view: vega.View, before: PreparedChart, next: PreparedChart, theme: ThemeValues, plain: ReadonlySet<string>): ChartChange {
  const result: ChartChange = { changed: false, changedRows: 0, replaced: 0, unchanged: [] };
  for (const [name, value] of Object.entries(next.hoisted.datasets)) {
    const rows = value as Row[];
    const previous = before.hoisted.datasets[name] as Row[] | undefined;
    const byRows = previous && plain.has(name) ? changeRows(view, name, previous, rows, theme) : false;
    if (byRows === 'unchanged' || (byRows === false && previous && sameRows(previous, rows))) {
      result.unchanged.push(name);
      continue;
    }
    if (byRows === 'changed') result.changedRows++;
    else {
      view.data(name, givenRows(rows, theme));
      result.replaced++;
    }
    result.changed = true;
  }
  for (const [name, value] of Object.entries(next.hoisted.signals)) {
    if (JSON.stringify(value) === JSON.stringify(before.hoisted.signals[name])) continue;
    view.signal(name, fillTokensIn(value, theme));
    result.changed = true;
  }
  return result;
}
