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

export type HostToWebview =
  /** Show a section (and optionally set its parameters). */
  | { type: 'show'; sectionId: string; lang: Lang; params?: Record<string, ParamValue> }
  /** The display language changed (setting or VS Code). */
  | { type: 'setLang'; lang: Lang }
  /** Set some parameters, as if the user moved the controls. */
  | { type: 'setParams'; params: Record<string, ParamValue> }
  /** Ask the webview to export a chart (the first when chartId is omitted). */
  | { type: 'export'; format: ExportFormat; chartId?: string };

// ---- webview → extension -------------------------------------------------------

export interface RenderedChartInfo {
  id: string;
  /** Number of mark items drawn (excluding axes, legends, titles). */
  marks: number;
  /** A short digest of the chart's data, so a test can tell that the data changed. */
  digest: string;
}

export type WebviewToHost =
  | { type: 'ready' }
  /** All charts painted for the current parameters. */
  | { type: 'rendered'; sectionId: string; params: Record<string, ParamValue>; charts: RenderedChartInfo[] }
  /** An export the user (or a command) asked for; data is SVG text, a PNG data URL or spec JSON. */
  | { type: 'exported'; format: ExportFormat; chartId: string; data: string }
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
    ([k, x]) =>
      /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k) &&
      ((typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= 256) || typeof x === 'boolean'),
  );
}

export function isPanelState(v: unknown): v is PanelState {
  return isObject(v) && isId(v.sectionId) && isParamMap(v.params);
}

export function parseHostMessage(v: unknown): HostToWebview | undefined {
  if (!isObject(v)) return undefined;
  switch (v.type) {
    case 'show':
      return isId(v.sectionId) && isLang(v.lang) && (v.params === undefined || isParamMap(v.params))
        ? { type: 'show', sectionId: v.sectionId, lang: v.lang, params: v.params }
        : undefined;
    case 'setLang':
      return isLang(v.lang) ? { type: 'setLang', lang: v.lang } : undefined;
    case 'setParams':
      return isParamMap(v.params) ? { type: 'setParams', params: v.params } : undefined;
    case 'export':
      return isFormat(v.format) && (v.chartId === undefined || isId(v.chartId))
        ? { type: 'export', format: v.format, chartId: v.chartId }
        : undefined;
    default:
      return undefined;
  }
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
        if (!isObject(c) || !isId(c.id) || typeof c.marks !== 'number' || !Number.isInteger(c.marks) || c.marks < 0) return undefined;
        if (typeof c.digest !== 'string' || c.digest.length > 64) return undefined;
        charts.push({ id: c.id, marks: c.marks, digest: c.digest });
      }
      return { type: 'rendered', sectionId: v.sectionId, params: v.params, charts };
    }
    case 'exported':
      return isFormat(v.format) && isId(v.chartId) && typeof v.data === 'string' && v.data.length <= MAX_STRING
        ? { type: 'exported', format: v.format, chartId: v.chartId, data: v.data }
        : undefined;
    case 'error':
      return typeof v.message === 'string' ? { type: 'error', message: v.message.slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}
