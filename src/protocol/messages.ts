// The one typed union of messages between the extension and its webviews (chart
// panel and side view), with validators used on receipt by both sides: anything
// that does not match is dropped and logged, never trusted.
import type { Lang, ParamValue } from '../sections/types';

export type ExportFormat = 'svg' | 'png' | 'vl';

/** State the webview persists with setState and the serializer restores. */
export interface PanelState {
  sectionId: string;
  params: Record<string, ParamValue>;
}

// ---- extension → webview -------------------------------------------------------

/** What the side view took from the note it follows. */
export interface NoteContext {
  /** A formula under the cursor, or the section named by the nearest heading. */
  source: 'formula' | 'heading';
  /** The formula or heading as written (shortened). */
  label: string;
  /** Values taken from the note or the formula, with their 1-based line. */
  values: { label: string; value: number; line: number }[];
  /** Whether "Write values to note" has places to write to. */
  canWriteBack: boolean;
  /** The charts about the followed formula; the view shows only these. */
  focusCharts?: string[];
}

/**
 * A user's table of the ObsScaling shape (the cells, header first), already parsed
 * without error by the extension; the webview parses it again with the same engine.
 */
export interface UserTable {
  /** The file's name, shown on the chart instead of the shipped data's citation. */
  name: string;
  rows: string[][];
  /** 1-based line of rows[0] in the file. */
  firstRowNumber: number;
}

/** Bounds on a user table in a message (the parser on receipt stays bounded). */
export const USER_TABLE_LIMITS = { rows: 2000, cells: 64, cellLength: 200, nameLength: 200 } as const;

export type HostToWebview =
  /** Show a section (and optionally set its parameters); the side view adds the note context; userTable replaces a section's shipped data. */
  | { type: 'show'; sectionId: string; lang: Lang; params?: Record<string, ParamValue>; note?: NoteContext; userTable?: UserTable }
  /** The display language changed (setting or VS Code). */
  | { type: 'setLang'; lang: Lang }
  /** Set some parameters, as if the user moved the controls. */
  | { type: 'setParams'; params: Record<string, ParamValue> }
  /** Ask the webview to export a chart (the first when chartId is omitted). */
  | { type: 'export'; format: ExportFormat; chartId?: string };

// ---- webview → extension -------------------------------------------------------

interface RenderedChartInfo {
  id: string;
  /** Number of mark items drawn (excluding axes, legends, titles). */
  marks: number;
  /** A short digest of the chart's data, so a test can tell that the data changed. */
  digest: string;
}

export type WebviewToHost =
  | { type: 'ready' }
  /** All charts painted for the current parameters. */
  | { type: 'rendered'; sectionId: string; params: Record<string, ParamValue>; charts: RenderedChartInfo[]; userTable?: { name: string; models: number } }
  /** An export the user (or a command) asked for; data is SVG text, a PNG data URL or spec JSON. */
  | { type: 'exported'; format: ExportFormat; chartId: string; data: string }
  /** Side view: write the current parameters back into the note. */
  | { type: 'writeBack'; params: Record<string, ParamValue> }
  /** Side view: insert a fenced ```emergence block with the current chart at the cursor. */
  | { type: 'insertChart'; sectionId: string; params: Record<string, ParamValue> }
  | { type: 'error'; message: string };

// ---- validation -----------------------------------------------------------------

type Json = Record<string, unknown>;

const MAX_STRING = 16 * 1024 * 1024;
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && ID_PATTERN.test(v);
}

function isLang(v: unknown): v is Lang {
  return v === 'en' || v === 'zh';
}

function isFormat(v: unknown): v is ExportFormat {
  return v === 'svg' || v === 'png' || v === 'vl';
}

/** Parameter maps: at most 64 entries of finite numbers, short strings or booleans. */
export function isParamMap(v: unknown): v is Record<string, ParamValue> {
  if (!isObject(v)) return false;
  const entries = Object.entries(v);
  if (entries.length > 64) return false;
  return entries.every(
    ([k, x]) => /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k) && (finite(x) || (typeof x === 'string' && x.length <= 256) || typeof x === 'boolean'),
  );
}

function parseNoteContext(v: unknown): NoteContext | undefined {
  if (!isObject(v) || (v.source !== 'formula' && v.source !== 'heading') || typeof v.label !== 'string' || v.label.length > 500) return undefined;
  if (typeof v.canWriteBack !== 'boolean' || !Array.isArray(v.values) || v.values.length > 32) return undefined;
  const values: NoteContext['values'] = [];
  for (const x of v.values) {
    if (!isObject(x) || typeof x.label !== 'string' || x.label.length > 32) return undefined;
    if (!finite(x.value) || !integer(x.line) || x.line < 1) return undefined;
    values.push({ label: x.label, value: x.value, line: x.line });
  }
  let focusCharts: string[] | undefined;
  if (v.focusCharts !== undefined) {
    if (!Array.isArray(v.focusCharts) || v.focusCharts.length > 16 || !v.focusCharts.every(isId)) return undefined;
    focusCharts = [...(v.focusCharts as string[])];
  }
  return { source: v.source, label: v.label, values, canWriteBack: v.canWriteBack, focusCharts };
}

export function isPanelState(v: unknown): v is PanelState {
  return isObject(v) && isId(v.sectionId) && isParamMap(v.params);
}

/** A UserTable within USER_TABLE_LIMITS, copied; anything else undefined. */
export function parseUserTable(v: unknown): UserTable | undefined {
  const L = USER_TABLE_LIMITS;
  if (!isObject(v) || typeof v.name !== 'string' || v.name.length === 0 || v.name.length > L.nameLength) return undefined;
  if (!integer(v.firstRowNumber) || v.firstRowNumber < 1) return undefined;
  if (!Array.isArray(v.rows) || v.rows.length < 2 || v.rows.length > L.rows) return undefined;
  const rows: string[][] = [];
  for (const r of v.rows as unknown[]) {
    if (!Array.isArray(r) || r.length > L.cells || !r.every((c) => typeof c === 'string' && c.length <= L.cellLength)) return undefined;
    rows.push([...(r as string[])]);
  }
  return { name: v.name, rows, firstRowNumber: v.firstRowNumber };
}

export function parseHostMessage(v: unknown): HostToWebview | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'show': {
      if (!isId(v.sectionId) || !isLang(v.lang) || (v.params !== undefined && !isParamMap(v.params))) return undefined;
      const note = parseNoteContext(v.note);
      if (v.note !== undefined && !note) return undefined;
      const userTable = parseUserTable(v.userTable);
      if (v.userTable !== undefined && !userTable) return undefined;
      return { type: 'show', sectionId: v.sectionId, lang: v.lang, params: v.params, note, ...(userTable ? { userTable } : {}) };
    }
    case 'setLang':
      return isLang(v.lang) ? { type: 'setLang', lang: v.lang } : undefined;
    case 'setParams':
      return isParamMap(v.params) ? { type: 'setParams', params: v.params } : undefined;
    case 'export':
      return isFormat(v.format) && (v.chartId === undefined || isId(v.chartId)) ? { type: 'export', format: v.format, chartId: v.chartId } : undefined;
  }
  return undefined;
}

export function parseWebviewMessage(v: unknown): WebviewToHost | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered': {
      if (!isId(v.sectionId) || !isParamMap(v.params) || !Array.isArray(v.charts) || v.charts.length > 64) return undefined;
      const charts: RenderedChartInfo[] = [];
      for (const c of v.charts) {
        if (!isObject(c) || !isId(c.id) || !isCount(c.marks)) return undefined;
        if (typeof c.digest !== 'string' || c.digest.length > 64) return undefined;
        charts.push({ id: c.id, marks: c.marks, digest: c.digest });
      }
      if (v.userTable === undefined) return { type: 'rendered', sectionId: v.sectionId, params: v.params, charts };
      const u = v.userTable;
      if (!isObject(u) || typeof u.name !== 'string' || u.name.length > USER_TABLE_LIMITS.nameLength || !isCount(u.models)) return undefined;
      return { type: 'rendered', sectionId: v.sectionId, params: v.params, charts, userTable: { name: u.name, models: u.models } };
    }
    case 'exported':
      return isFormat(v.format) && isId(v.chartId) && typeof v.data === 'string' && v.data.length <= MAX_STRING
        ? { type: 'exported', format: v.format, chartId: v.chartId, data: v.data }
        : undefined;
    case 'writeBack':
      return isParamMap(v.params) ? { type: 'writeBack', params: v.params } : undefined;
    case 'insertChart':
      return isId(v.sectionId) && isParamMap(v.params) ? { type: 'insertChart', sectionId: v.sectionId, params: v.params } : undefined;
    case 'error':
      return typeof v.message === 'string' ? { type: 'error', message: v.message.slice(0, 2000) } : undefined;
  }
  return undefined;
}

// =====================================================================================
// ---- Fit panel (issue 7 §4): "Fit Scaling Law to Data" ------------------------------
// The fit panel's own messages, between src/extension/fitCommand.ts and webview/fit.ts.
// The FitResult the host posts (and the webview keeps as its saved state) is validated
// field by field and copied, so a hostile or stale state never reaches the charts.
// =====================================================================================

import type {
  ChinchillaFitResult,
  FitBootstrapInfo,
  FitColumns,
  FitDiagnostics,
  FitDataColumns,
  FitInterval,
  FitResult,
  FitSourceInfo,
  PowerFloorSummary,
  PowerLawSummary,
} from '../sections/fit/result';

/** What "Insert results" does for this fit: write into the note, open a new Markdown document, or nothing (a restored panel). */
export type FitInsertTarget = 'note' | 'new-document' | 'none';

/** State the fit webview persists with setState (restored by the fit panel's serializer). */
export interface FitPanelState {
  result: FitResult;
}

export type FitHostToWebview =
  /** Show a fit (replacing the one shown). */
  | { type: 'fitShow'; lang: Lang; result: FitResult; insert: FitInsertTarget }
  /** The display language changed. */
  | { type: 'fitSetLang'; lang: Lang };

export type FitWebviewToHost =
  | { type: 'fitReady' }
  /** All charts of the fit painted. */
  | { type: 'fitRendered'; charts: RenderedChartInfo[] }
  /** The user pressed "Insert results". */
  | { type: 'fitInsert' }
  | { type: 'fitError'; message: string };

/** Most rows a fit result may carry. */
export const MAX_FIT_ROWS = 100_000;

// Number.isFinite and Number.isInteger are false for anything but a number.
function finite(v: unknown): v is number {
  return Number.isFinite(v);
}

function integer(v: unknown): v is number {
  return Number.isInteger(v);
}

function shortString(v: unknown, max = 256): v is string {
  return typeof v === 'string' && v.length <= max;
}

function isCount(v: unknown, max = Number.MAX_SAFE_INTEGER): v is number {
  return integer(v) && v >= 0 && v <= max;
}

function numberArray(v: unknown, length: number, positive: boolean): number[] | undefined {
  if (!Array.isArray(v) || v.length !== length) return undefined;
  for (const x of v) if (!finite(x) || (positive && !(x > 0))) return undefined;
  return v.slice() as number[];
}

function parseInterval(v: unknown): FitInterval | undefined {
  return isObject(v) && finite(v.low) && finite(v.high) && v.low <= v.high ? { low: v.low, high: v.high } : undefined;
}

/** Intervals for exactly `keys` (null allowed: no bootstrap); undefined when malformed. */
function parseIntervals<K extends string>(v: unknown, keys: readonly K[]): Record<K, FitInterval> | null | undefined {
  if (v === null) return null;
  if (!isObject(v)) return undefined;
  const out = {} as Record<K, FitInterval>;
  for (const k of keys) {
    const iv = parseInterval(v[k]);
    if (!iv) return undefined;
    out[k] = iv;
  }
  return out;
}

function parseBilingualText(v: unknown): { en: string; zh: string } | undefined {
  return isObject(v) && shortString(v.en, 2000) && shortString(v.zh, 2000) ? { en: v.en, zh: v.zh } : undefined;
}

function parseSource(v: unknown): FitSourceInfo | undefined {
  if (!isObject(v) || (v.kind !== 'csv' && v.kind !== 'markdown') || !shortString(v.name) || v.name.length === 0) return undefined;
  if (!isCount(v.firstRow) || !isCount(v.lastRow) || v.firstRow < 1 || v.lastRow < v.firstRow) return undefined;
  return { kind: v.kind, name: v.name, firstRow: v.firstRow, lastRow: v.lastRow };
}

function parseBootstrapInfo(v: unknown): FitBootstrapInfo | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !isCount(v.resamples) || !isCount(v.failed) || !isCount(v.seed, 0xffffffff)) return undefined;
  if (!finite(v.confidence) || !(v.confidence > 0 && v.confidence < 1)) return undefined;
  return { resamples: v.resamples, failed: v.failed, seed: v.seed, confidence: v.confidence };
}

function parseColumns(v: unknown): FitColumns | undefined {
  if (!isObject(v)) return undefined;
  const out: FitColumns = {};
  for (const k of ['N', 'D', 'C', 'loss'] as const) {
    const c = v[k];
    if (c === undefined) continue;
    if (!shortString(c)) return undefined;
    out[k] = c;
  }
  return out;
}

function parseData(v: unknown): FitDataColumns | undefined {
  if (!isObject(v) || !Array.isArray(v.loss) || v.loss.length === 0 || v.loss.length > MAX_FIT_ROWS) return undefined;
  const n = v.loss.length;
  const loss = numberArray(v.loss, n, true);
  const rows = numberArray(v.rows, n, true);
  if (!loss || !rows || !rows.every((r) => Number.isInteger(r))) return undefined;
  const optional = (x: unknown): number[] | null | undefined => (x === null ? null : numberArray(x, n, true));
  const N = optional(v.N);
  const D = optional(v.D);
  const C = optional(v.C);
  if (N === undefined || D === undefined || C === undefined) return undefined;
  return { N, D, C, loss, rows };
}

function parsePowerLaw(v: unknown): PowerLawSummary | undefined {
  if (!isObject(v) || !finite(v.x0) || !finite(v.alpha) || !finite(v.logCoefficient) || !finite(v.rSquared)) return undefined;
  const intervals = parseIntervals(v.intervals, ['x0', 'alpha'] as const);
  if (intervals === undefined) return undefined;
  return { x0: v.x0, alpha: v.alpha, logCoefficient: v.logCoefficient, rSquared: v.rSquared, intervals };
}

function parsePowerFloor(v: unknown): PowerFloorSummary | null | undefined {
  if (v === null) return null;
  if (!isObject(v) || !finite(v.E) || !finite(v.x0) || !finite(v.alpha) || !finite(v.logCoefficient) || !finite(v.rSquared) || !finite(v.objective))
    return undefined;
  const intervals = parseIntervals(v.intervals, ['E', 'x0', 'alpha'] as const);
  if (intervals === undefined) return undefined;
  return { E: v.E, x0: v.x0, alpha: v.alpha, logCoefficient: v.logCoefficient, rSquared: v.rSquared, objective: v.objective, intervals };
}

const DERIVED_FIELDS = ['a', 'b', 'G', 'nOpt', 'dOpt', 'tokensPerParam', 'lossOpt'] as const;

/** Derived quantities with their intervals (absent: null, a result saved before they existed). */
function parseDerivedQuantities(v: unknown): ChinchillaFitResult['derivedQuantities'] | undefined {
  if (!isObject(v)) return v === undefined || v === null ? null : undefined;
  const out = {} as NonNullable<ChinchillaFitResult['derivedQuantities']>;
  for (const k of DERIVED_FIELDS) {
    const e = v[k];
    if (!isObject(e) || !finite(e.value)) return undefined;
    const interval = e.interval === null ? null : parseInterval(e.interval);
    if (interval === undefined) return undefined;
    out[k] = { value: e.value, interval };
  }
  return out;
}

/** The fit's diagnostics (absent: null); at most MAX_FIT_ROWS flagged or dropped rows. */
function parseDiagnostics(v: unknown): FitDiagnostics | null | undefined {
  if (!isObject(v)) return v === undefined || v === null ? null : undefined;
  let leverage: FitDiagnostics['leverage'] = null;
  if (v.leverage !== null) {
    const l = v.leverage;
    if (!isObject(l) || !finite(l.threshold) || !isCount(l.parameters, 16) || !Array.isArray(l.points) || l.points.length > MAX_FIT_ROWS) return undefined;
    const points: NonNullable<FitDiagnostics['leverage']>['points'] = [];
    for (const p of l.points as unknown[]) {
      if (!isObject(p) || !isCount(p.row) || !finite(p.leverage) || !finite(p.residual) || !finite(p.standardised)) return undefined;
      points.push({ row: p.row, leverage: p.leverage, residual: p.residual, standardised: p.standardised });
    }
    leverage = { threshold: l.threshold, parameters: l.parameters, points };
  }
  let dropped: FitDiagnostics['dropped'] = null;
  if (v.dropped !== null && v.dropped !== undefined) {
    const d = v.dropped;
    if (!isObject(d) || (d.rule !== 'loss' && d.rule !== 'residual') || !isCount(d.count, 1000) || !isCount(d.allRowsCount)) return undefined;
    if (!Array.isArray(d.rows) || d.rows.length > MAX_FIT_ROWS || !d.rows.every((r) => isCount(r))) return undefined;
    const losses = numberArray(d.losses, d.rows.length, true);
    if (!losses || !isObject(d.allRows)) return undefined;
    const allRows: Record<string, number> = {};
    // At most six keys pass: the loop stops at the seventh.
    for (const k of Object.keys(d.allRows)) {
      const x = d.allRows[k];
      if (!['E', 'A', 'B', 'alpha', 'beta', 'x0'].includes(k) || !finite(x)) return undefined;
      allRows[k] = x;
    }
    dropped = { rule: d.rule, count: d.count, rows: d.rows.slice() as number[], losses, allRows, allRowsCount: d.allRowsCount };
  }
  return { leverage, dropped };
}

/** A validated copy of a fit result, or undefined when anything is missing, malformed or out of range. */
export function parseFitResult(v: unknown): FitResult | undefined {
  if (!isObject(v)) return undefined;
  const data = parseData(v.data);
  const columns = parseColumns(v.columns);
  const source = parseSource(v.source);
  const bootstrapInfo = parseBootstrapInfo(v.bootstrap);
  const derived = isObject(v.derived) && typeof v.derived.D === 'boolean' && typeof v.derived.C === 'boolean' ? { D: v.derived.D, C: v.derived.C } : undefined;
  const diagnostics = parseDiagnostics(v.diagnostics);
  if (!data || !columns || !source || bootstrapInfo === undefined || !derived || diagnostics === undefined || !finite(v.seconds) || v.seconds < 0)
    return undefined;
  const base = { data, columns, derived, bootstrap: bootstrapInfo, seconds: v.seconds, source, diagnostics, resamplesLimited: v.resamplesLimited === true };
  if (v.form === 'chinchilla') {
    const p = v.params;
    if (!data.N || !data.D || !data.C) return undefined;
    if (!isObject(p) || !finite(p.E) || !finite(p.A) || !finite(p.B) || !finite(p.alpha) || !finite(p.beta)) return undefined;
    const intervals = parseIntervals(v.intervals, ['E', 'A', 'B', 'alpha', 'beta'] as const);
    if (intervals === undefined || !finite(v.objective) || !finite(v.huberDelta) || !isCount(v.starts) || !isCount(v.converged)) return undefined;
    const derivedQuantities = parseDerivedQuantities(v.derivedQuantities);
    const searched = v.searched === undefined ? v.starts : v.searched;
    const budget = v.budget === undefined ? 5.76e23 : v.budget;
    if (derivedQuantities === undefined || !isCount(searched) || !finite(budget) || !(budget > 0)) return undefined;
    return {
      form: 'chinchilla',
      params: { E: p.E, A: p.A, B: p.B, alpha: p.alpha, beta: p.beta },
      intervals,
      objective: v.objective,
      huberDelta: v.huberDelta,
      starts: v.starts,
      searched,
      converged: v.converged,
      budget,
      derivedQuantities,
      ...base,
    };
  }
  if (v.form === 'power') {
    if (v.x !== 'N' && v.x !== 'D' && v.x !== 'C') return undefined;
    if (!data[v.x]) return undefined;
    const pure = parsePowerLaw(v.pure);
    const floor = parsePowerFloor(v.floor);
    const floorError = v.floorError === null ? null : parseBilingualText(v.floorError);
    if (!pure || floor === undefined || floorError === undefined) return undefined;
    return { form: 'power', x: v.x, pure, floor, floorError, ...base };
  }
  return undefined;
}

function isInsertTarget(v: unknown): v is FitInsertTarget {
  return v === 'note' || v === 'new-document' || v === 'none';
}

export function parseFitPanelState(v: unknown): FitPanelState | undefined {
  const result = isObject(v) ? parseFitResult(v.result) : undefined;
  return result ? { result } : undefined;
}

export function parseFitHostMessage(v: unknown): FitHostToWebview | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'fitShow': {
      const result = parseFitResult(v.result);
      return result && isLang(v.lang) && isInsertTarget(v.insert) ? { type: 'fitShow', lang: v.lang, result, insert: v.insert } : undefined;
    }
    case 'fitSetLang':
      return isLang(v.lang) ? { type: 'fitSetLang', lang: v.lang } : undefined;
  }
  return undefined;
}

export function parseFitWebviewMessage(v: unknown): FitWebviewToHost | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'fitReady':
      return { type: 'fitReady' };
    case 'fitInsert':
      return { type: 'fitInsert' };
    case 'fitRendered': {
      if (!Array.isArray(v.charts) || v.charts.length > 64) return undefined;
      const charts: RenderedChartInfo[] = [];
      for (const c of v.charts) {
        if (!isObject(c) || !isId(c.id) || !isCount(c.marks) || typeof c.digest !== 'string' || c.digest.length > 64) return undefined;
        charts.push({ id: c.id, marks: c.marks, digest: c.digest });
      }
      return { type: 'fitRendered', charts };
    }
    case 'fitError':
      return typeof v.message === 'string' ? { type: 'fitError', message: v.message.slice(0, 2000) } : undefined;
  }
  return undefined;
}
