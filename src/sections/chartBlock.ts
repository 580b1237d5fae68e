// The ```emergence fenced block of a Markdown note: its body names a section (and
// optionally one of its charts) with parameters, as YAML or JSON. Parsed and checked
// against the registry here, once, so the Markdown plugin (extension host) and the
// preview script (browser) agree on what a valid block is. Pure: no vscode, no DOM.
import { parseDocument } from 'yaml';
import { SECTIONS } from './index';
import { LIGHT_THEME } from './theme';
import { resolveParams, type Bilingual, type Lang, type ParamSpec, type ParamValue, type ParamValues, type Section } from './types';
import { formatNoteNumber } from '../engine/format';

/** Largest block body accepted, in UTF-8 bytes: a chart block is a few lines. */
export const MAX_BLOCK_BYTES = 10 * 1024;

/** The keys a block may hold at its top level. */
const BLOCK_KEYS = ['section', 'chart', 'params', 'lang'] as const;

export interface ChartBlock {
  sectionId: string;
  /** One chart of the section; absent means all of its charts. */
  chartId?: string;
  /** Every parameter of the section: the block's values (clamped) over the defaults. */
  params: ParamValues;
  /** The block's own language, when it sets one. */
  lang?: Lang;
  /** Values the block gave that had to be changed (clamped into range), one line each. */
  notes: Bilingual[];
}

export type ChartBlockResult = ({ ok: true } & ChartBlock) | { ok: false; error: Bilingual };

type Registry = readonly Section[];

function fail(en: string, zh: string): { ok: false; error: Bilingual } {
  return { ok: false, error: { en, zh } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** UTF-8 length without TextEncoder, so this module needs no host API. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Short, readable rendering of a user's value inside an error message. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function showZh(value: unknown): string {
  if (Array.isArray(value)) return '列表';
  if (isRecord(value)) return '映射';
  return show(value);
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e5 || abs < 1e-3)) return x.toExponential().replace('e+', 'e');
  return String(x);
}

function list(items: readonly string[]): { en: string; zh: string } {
  return { en: items.join(', '), zh: items.join('、') };
}

/** Normalises "zh", "zh-CN", "en_US", … to a Lang; undefined when it is neither. */
export function normalizeLang(value: string): Lang | undefined {
  const m = /^(en|zh)(?:[-_][a-z0-9-_]*)?$/i.exec(value.trim());
  return m ? (m[1].toLowerCase() as Lang) : undefined;
}

/** Chart ids per section and parameters: building the charts is the only way to know them. */
const chartIdCache = new WeakMap<Section, Map<string, string[]>>();
const CHART_ID_CACHE_SIZE = 32;

function chartIds(section: Section, params: ParamValues): string[] {
  let perSection = chartIdCache.get(section);
  if (!perSection) chartIdCache.set(section, (perSection = new Map()));
  const key = JSON.stringify(params);
  const cached = perSection.get(key);
  if (cached) return cached;
  const ids = section.charts(params, { lang: 'en', theme: LIGHT_THEME }).map((c) => c.id);
  // Oldest first in a Map's order: dropping the first key keeps the cache bounded.
  if (perSection.size >= CHART_ID_CACHE_SIZE) perSection.delete(perSection.keys().next().value as string);
  perSection.set(key, ids);
  return ids;
}

function checkParam(section: Section, spec: ParamSpec, raw: unknown): Bilingual | undefined {
  const name = `"${spec.name}"`;
  if (spec.kind === 'number') {
    if (typeof raw !== 'number') {
      return {
        en: `Parameter ${name} of "${section.id}" must be a number such as ${formatNumber(spec.default)} (got ${show(raw)}).`,
        zh: `章节 "${section.id}" 的参数 ${name} 必须是数字,例如 ${formatNumber(spec.default)}(实际为 ${showZh(raw)})。`,
      };
    }
    if (!Number.isFinite(raw)) {
      return { en: `Parameter ${name} must be a finite number (got ${show(raw)}).`, zh: `参数 ${name} 必须是有限的数字(实际为 ${show(raw)})。` };
    }
    return undefined;
  }
  if (spec.kind === 'choice') {
    const values = spec.options.map((o) => o.value);
    if (typeof raw !== 'string' || !values.includes(raw)) {
      const l = list(values);
      return {
        en: `Parameter ${name} of "${section.id}" must be one of: ${l.en} (got ${show(raw)}).`,
        zh: `章节 "${section.id}" 的参数 ${name} 必须是以下之一:${l.zh}(实际为 ${showZh(raw)})。`,
      };
    }
    return undefined;
  }
  if (typeof raw !== 'boolean') {
    return {
      en: `Parameter ${name} of "${section.id}" must be true or false (got ${show(raw)}).`,
      zh: `章节 "${section.id}" 的参数 ${name} 必须是 true 或 false(实际为 ${showZh(raw)})。`,
    };
  }
  return undefined;
}

/** Lines saying which numbers resolveParams clamped, so the note's author sees why. */
function clampNotes(section: Section, given: Record<string, unknown>, resolved: ParamValues): Bilingual[] {
  const notes: Bilingual[] = [];
  for (const p of section.params) {
    if (p.kind !== 'number' || typeof given[p.name] !== 'number' || given[p.name] === resolved[p.name]) continue;
    const range = `${formatNumber(p.min)}–${formatNumber(p.max)}`;
    const got = formatNumber(given[p.name] as number);
    const used = formatNumber(resolved[p.name] as number);
    notes.push({
      en: `"${p.name}" = ${got} is outside ${range}; the chart uses ${used}.`,
      zh: `"${p.name}" = ${got} 超出范围 ${range};图表使用 ${used}。`,
    });
  }
  return notes;
}

/**
 * Checks an already parsed block (a mapping with section, chart, params, lang) against
 * the registry. The preview script calls it again on the container's data attributes,
 * which a note's raw HTML could forge.
 */
export function validateChartBlock(input: unknown, registry: Registry = SECTIONS): ChartBlockResult {
  const known = list(registry.map((s) => s.id));
  const knownEn = registry.length > 0 ? `Known sections: ${known.en}.` : 'No sections are registered.';
  const knownZh = registry.length > 0 ? `可用章节:${known.zh}。` : '尚未注册任何章节。';

  // Shorthand: the whole block is "section-id" or "section-id/chart-id".
  if (typeof input === 'string') {
    const [section, chart, ...rest] = input.trim().split('/');
    if (rest.length > 0)
      return fail(`"${input.trim()}" is not "section" or "section/chart". ${knownEn}`, `"${input.trim()}" 不是 "章节" 或 "章节/图表" 的形式。${knownZh}`);
    return validateChartBlock(chart === undefined ? { section } : { section, chart }, registry);
  }
  if (!isRecord(input)) {
    return fail(
      `The block must be a mapping such as "section: scaling-laws" (got ${show(input)}).`,
      `代码块必须是映射,例如 "section: scaling-laws"(实际为 ${showZh(input)})。`,
    );
  }

  for (const key of Object.keys(input)) {
    if ((BLOCK_KEYS as readonly string[]).includes(key)) continue;
    const section = typeof input.section === 'string' ? registry.find((s) => s.id === input.section) : undefined;
    const isParam = section?.params.some((p) => p.name === key) ?? false;
    const allowed = list(BLOCK_KEYS);
    return fail(
      `Unknown key "${key}". A block may hold: ${allowed.en}.${isParam ? ` Parameters go under "params:".` : ''}`,
      `未知的键 "${key}"。代码块只能包含:${allowed.zh}。${isParam ? '参数应写在 "params:" 之下。' : ''}`,
    );
  }

  const sectionId = input.section;
  if (sectionId === undefined) {
    return fail(`The block names no section: write "section: <id>". ${knownEn}`, `代码块没有指定章节:请写 "section: <id>"。${knownZh}`);
  }
  if (typeof sectionId !== 'string') {
    return fail(`"section" must be a section id (got ${show(sectionId)}). ${knownEn}`, `"section" 必须是章节 id(实际为 ${showZh(sectionId)})。${knownZh}`);
  }
  const section = registry.find((s) => s.id === sectionId);
  if (!section) return fail(`Unknown section ${show(sectionId)}. ${knownEn}`, `未知章节 ${show(sectionId)}。${knownZh}`);

  let lang: Lang | undefined;
  if (input.lang !== undefined) {
    lang = typeof input.lang === 'string' ? normalizeLang(input.lang) : undefined;
    if (!lang) return fail(`"lang" must be "en" or "zh" (got ${show(input.lang)}).`, `"lang" 必须是 "en" 或 "zh"(实际为 ${showZh(input.lang)})。`);
  }

  const given: Record<string, unknown> = {};
  if (input.params !== undefined && input.params !== null) {
    if (!isRecord(input.params)) {
      return fail(
        `"params" must be a mapping of parameter names to values (got ${show(input.params)}).`,
        `"params" 必须是参数名到数值的映射(实际为 ${showZh(input.params)})。`,
      );
    }
    const names = section.params.map((p) => p.name);
    for (const [name, raw] of Object.entries(input.params)) {
      const spec = section.params.find((p) => p.name === name);
      if (!spec) {
        const l = list(names);
        return fail(
          `Section "${section.id}" has no parameter ${show(name)}. ${names.length > 0 ? `Its parameters: ${l.en}.` : 'It takes no parameters.'}`,
          `章节 "${section.id}" 没有参数 ${show(name)}。${names.length > 0 ? `可用参数:${l.zh}。` : '该章节没有参数。'}`,
        );
      }
      const problem = checkParam(section, spec, raw);
      if (problem) return { ok: false, error: problem };
      // Copied key by key onto a fresh object: only checked own properties travel on.
      given[name] = raw;
    }
  }
  const params = resolveParams(section, given);

  let chartId: string | undefined;
  if (input.chart !== undefined && input.chart !== null) {
    if (typeof input.chart !== 'string')
      return fail(`"chart" must be a chart id (got ${show(input.chart)}).`, `"chart" 必须是图表 id(实际为 ${showZh(input.chart)})。`);
    let ids: string[];
    try {
      ids = chartIds(section, params);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return fail(`Section "${section.id}" could not build its charts: ${message}`, `章节 "${section.id}" 无法生成图表:${message}`);
    }
    if (!ids.includes(input.chart)) {
      const l = list(ids);
      return fail(
        `Section "${section.id}" has no chart ${show(input.chart)}. Its charts: ${l.en}.`,
        `章节 "${section.id}" 没有图表 ${show(input.chart)}。可用图表:${l.zh}。`,
      );
    }
    chartId = input.chart;
  }

  return {
    ok: true,
    sectionId: section.id,
    ...(chartId !== undefined ? { chartId } : {}),
    params,
    ...(lang !== undefined ? { lang } : {}),
    notes: clampNotes(section, given, params),
  };
}

/** Parses a block's body (YAML, or JSON when it starts with "{") and validates it. */
export function parseChartBlock(source: string, registry: Registry = SECTIONS): ChartBlockResult {
  const bytes = utf8Length(source);
  if (bytes > MAX_BLOCK_BYTES) {
    const kb = (bytes / 1024).toFixed(1);
    return fail(`The block is too large (${kb} KB; the limit is ${MAX_BLOCK_BYTES / 1024} KB).`, `代码块过大(${kb} KB;上限为 ${MAX_BLOCK_BYTES / 1024} KB)。`);
  }
  const text = source.trim();
  if (text === '') {
    return fail(
      'The block is empty: write "section: <id>" and, optionally, "chart:", "params:" and "lang:".',
      '代码块为空:请写 "section: <id>",并可选写 "chart:"、"params:" 和 "lang:"。',
    );
  }

  let data: unknown;
  if (text.startsWith('{')) {
    // JSON.parse gives JSON writers a JSON error rather than a YAML one.
    try {
      data = JSON.parse(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return fail(`The block is not valid JSON: ${message}`, `代码块不是有效的 JSON:${message}`);
    }
  } else {
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
    const problem = doc.errors[0];
    if (problem) {
      const line = problem.linePos?.[0].line;
      const at = line !== undefined ? { en: ` (line ${line} of the block)`, zh: `(代码块第 ${line} 行)` } : { en: '', zh: '' };
      if (problem.code === 'MULTIPLE_DOCS') {
        return fail(`A block holds one YAML document: remove the "---" separator${at.en}.`, `代码块只能包含一个 YAML 文档:请删除 "---" 分隔符${at.zh}。`);
      }
      const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return fail(`The block is not valid YAML or JSON${at.en}: ${message}`, `代码块不是有效的 YAML 或 JSON${at.zh}:${message}`);
    }
    try {
      // Aliases off: a 10 KB block could otherwise expand into gigabytes ("billion laughs").
      data = doc.toJS({ maxAliasCount: 0 });
    } catch {
      // After a clean parse, the only thing toJS rejects is an alias.
      return fail('YAML aliases ("*name") are not allowed in a chart block.', '图表代码块中不允许使用 YAML 别名("*name")。');
    }
  }
  return validateChartBlock(data, registry);
}

/** The fenced block the side view's "Insert chart" writes; parseChartBlock reads it back. */
export function formatChartBlock(sectionId: string, params: Record<string, ParamValue>): string {
  const lines = ['```emergence', `section: ${sectionId}`];
  const entries = Object.entries(params);
  if (entries.length > 0) {
    lines.push('params:');
    for (const [name, value] of entries) lines.push(`  ${name}: ${typeof value === 'number' ? formatNoteNumber(value) : JSON.stringify(value)}`);
  }
  lines.push('```');
  return lines.join('\n');
}
