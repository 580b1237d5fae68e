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
import { fillTokens, fillTokensIn, hasTokens, type ThemeValues } from './themeTokens';

export type Row = Record<string, unknown>;

/** A dataset's rows in the theme's colours (the prepared rows themselves when they quote no colour). */
function rowsOf(prepared: PreparedChart, name: string, theme: ThemeValues): Row[] {
  const json = prepared.datasetJson[name];
  return (hasTokens(json) ? JSON.parse(fillTokens(json, theme)) : prepared.hoisted.datasets[name]) as Row[];
}

/** The rows as they were handed to the view: Vega writes derived fields onto the rows it holds. */
function rowsAsGiven(prepared: PreparedChart, name: string, theme: ThemeValues): Row[] {
  const json = prepared.datasetJson[name];
  return JSON.parse(hasTokens(json) ? fillTokens(json, theme) : json) as Row[];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b);
}

function sameFields(a: Row, b: Row): boolean {
  const fields = Object.keys(a);
  return fields.length === Object.keys(b).length && fields.every((f) => Object.prototype.hasOwnProperty.call(b, f));
}

/**
 * Changes the view's dataset `name` from `previous` (the rows it was last given, as
 * given) to `next`. False, with the view untouched, when that is not such a change (a
 * row's fields differ, the view does not hold as many rows, or it has not run yet):
 * the caller then replaces the dataset.
 */
export function changeRows(view: vega.View, name: string, previous: readonly Row[], next: readonly Row[]): boolean {
  // Null before the view's first run.
  const tuples = view.data(name) as Row[] | null;
  if (!Array.isArray(tuples) || tuples.length !== previous.length) return false;
  const shared = Math.min(previous.length, next.length);
  for (let i = 0; i < shared; i++) if (!sameFields(previous[i], next[i])) return false;
  const change = view.changeset();
  for (let i = 0; i < shared; i++) {
    for (const field of Object.keys(next[i])) {
      if (!sameValue(previous[i][field], next[i][field])) change.modify(tuples[i], field, next[i][field]);
    }
  }
  if (next.length > shared) change.insert(next.slice(shared));
  if (tuples.length > shared) change.remove(tuples.slice(shared));
  view.change(name, change);
  return true;
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
  for (const name of Object.keys(prepared.hoisted.datasets)) view.data(name, rowsOf(prepared, name, theme));
  for (const [name, value] of Object.entries(prepared.hoisted.signals)) view.signal(name, fillTokensIn(value, theme));
}

/** How a change reached the view's datasets: counted by the unit tests. */
export interface ChartChange {
  /** Whether anything was handed to the view (it needs a run). */
  changed: boolean;
  /** Datasets changed row by row / replaced whole. */
  changedRows: number;
  replaced: number;
}

/**
 * The next preparation of the same shape, in the same theme, handed to the view that
 * shows `before`; `plain` names the datasets that may change row by row (plainDatasets).
 */
export function changeChart(view: vega.View, before: PreparedChart, next: PreparedChart, theme: ThemeValues, plain: ReadonlySet<string>): ChartChange {
  const result: ChartChange = { changed: false, changedRows: 0, replaced: 0 };
  for (const name of Object.keys(next.datasetJson)) {
    if (next.datasetJson[name] === before.datasetJson[name]) continue;
    const rows = rowsOf(next, name, theme);
    if (plain.has(name) && name in before.datasetJson && changeRows(view, name, rowsAsGiven(before, name, theme), rows)) result.changedRows++;
    else {
      view.data(name, rows);
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
