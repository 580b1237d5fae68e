// Tables of models and their scores on emergent tasks: the shipped ObsScaling data
// (Ruan et al. 2024, Apache-2.0, data/obsscaling) or a user's table of the same shape
// (CSV or the cells of a Markdown table): model, family, params, tokens and/or FLOPs,
// then one column per task. One pass over the rows, every bad cell named by row and column.
import { parseNumber, recogniseColumn, splitCsv } from '../fit/data';
import type { Bilingual } from '../text';
import { BENCHMARK_CSV, EMERGENT_CSV } from './obsscalingCsv';
import { SHIPPED_TABLE_JSON } from './shippedFits.generated';
import { OBSSCALING_TASKS, taskForColumn, type TaskInfo } from './tasks';

export interface ModelRow {
  model: string;
  family: string;
  /** Parameters N. */
  params: number;
  /** Training tokens D, when known. */
  tokens?: number;
  /** Training compute C in FLOPs, when known. */
  flops?: number;
  /** Scores on 0–1 (already divided by the task's scale), by task id; missing where not evaluated. */
  scores: Record<string, number | undefined>;
  /** Line of the row in its source, for messages. */
  row: number;
}

export interface EmergenceTable {
  models: ModelRow[];
  tasks: TaskInfo[];
  /** 'obsscaling' for the shipped data, 'user' for a loaded table. */
  source: 'obsscaling' | 'user';
}

interface TableError {
  row: number;
  column: string;
  message: Bilingual;
}

export type TableResult = { ok: true; table: EmergenceTable } | { ok: false; error: TableError };

/** Upper bound on rows read from a user's table (the parser stays linear and bounded). */
export const MAX_ROWS = 100_000;

function fail(row: number, column: string, en: string, zh: string): TableResult {
  return { ok: false, error: { row, column, message: { en, zh } } };
}

/** The multiplier a header's brackets name: "(B)" → 1e9, "(T)" → 1e12, "(1E21)" → 1e21. */
function headerMultiplier(header: string): number {
  const m = /[([【]\s*([^)\]】]*?)\s*[)\]】]/.exec(header.normalize('NFKC'));
  if (!m) return 1;
  return parseNumber(m[1]) ?? parseNumber(`1${m[1]}`) ?? 1;
}

type Role = 'model' | 'family' | 'N' | 'D' | 'C';

function roleOf(header: string): Role | null {
  const h = header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (h === 'model' || h === 'name' || h === 'model name' || h === '模型' || h === '模型名称') return 'model';
  if (h === 'family' || h === 'model family' || h === '系列' || h === '模型系列') return 'family';
  const role = recogniseColumn(header);
  if (role === 'N' || role === 'D' || role === 'C') return role;
  if (/pretraining data|training data size|training tokens/.test(h)) return 'D';
  return null;
}

interface Record_ {
  row: number;
  cells: readonly string[];
}

/** The trimmed cell of column c; '' for a short row or a column the table does not have. */
function cellOf(rec: Record_, c: number | undefined): string {
  return (rec.cells[c ?? -1] ?? '').trim(); // cells[-1] is undefined
}

/**
 * Reads header + rows. Score columns: every column that is not model/family/N/D/C.
 * A score column whose values exceed 1 is read as 0–100 (e.g. BLEU) and divided by 100.
 */
function readRecords(records: readonly Record_[], source: EmergenceTable['source']): TableResult {
  if (records.length === 0) return fail(1, '', 'Row 1: the table is empty (no header row).', '第 1 行：表格为空（没有表头）。');
  if (records.length > MAX_ROWS + 1)
    return fail(
      records[MAX_ROWS + 1].row,
      '',
      `Row ${records[MAX_ROWS + 1].row}: more than ${MAX_ROWS} rows.`,
      `第 ${records[MAX_ROWS + 1].row} 行：超过 ${MAX_ROWS} 行。`,
    );
  const header = records[0];
  const index: Partial<Record<Role, number>> = {};
  const scoreColumns: number[] = [];
  header.cells.forEach((raw, c) => {
    const role = roleOf(raw);
    if (role && index[role] === undefined) index[role] = c;
    else if (raw.trim() !== '') scoreColumns.push(c);
  });
  const name = (c: number | undefined): string => cellOf(header, c);
  if (index.model === undefined) {
    return fail(header.row, 'model', `Row ${header.row} (header): no "Model" column.`, `第 ${header.row} 行（表头）：没有 “Model”（模型）列。`);
  }
  if (index.N === undefined) {
    return fail(
      header.row,
      'params',
      `Row ${header.row} (header): no parameter column (e.g. "params", "Model Size (B)").`,
      `第 ${header.row} 行（表头）：没有参数量列（如 “params”、“Model Size (B)”）。`,
    );
  }
  if (scoreColumns.length === 0) {
    return fail(
      header.row,
      '',
      `Row ${header.row} (header): no score columns after model, family, params, tokens, FLOPs.`,
      `第 ${header.row} 行（表头）：除模型、系列、参数、token、FLOPs 外没有得分列。`,
    );
  }
  const numeric = (rec: Record_, c: number | undefined, multiplier: number, positive: boolean): number | undefined | TableResult => {
    const cell = cellOf(rec, c);
    if (cell === '' || cell === '-' || cell === '—') return undefined;
    const v = parseNumber(cell) ?? NaN;
    const col = name(c);
    if (!Number.isFinite(v)) {
      return fail(
        rec.row,
        col,
        `Row ${rec.row}, column "${col}": "${cell.slice(0, 40)}" is not a number.`,
        `第 ${rec.row} 行，“${col}”列：“${cell.slice(0, 40)}” 不是数字。`,
      );
    }
    if (positive ? v <= 0 : v < 0) {
      return fail(
        rec.row,
        col,
        `Row ${rec.row}, column "${col}": ${cell} must be ${positive ? 'positive' : 'non-negative'}.`,
        `第 ${rec.row} 行，“${col}”列：${cell} 必须${positive ? '为正数' : '非负'}。`,
      );
    }
    return v * multiplier;
  };
  // numeric gives a number, undefined or a TableResult (never null).
  const isError = (v: unknown): v is TableResult => typeof v === 'object';
  const mult = { N: headerMultiplier(name(index.N)), D: headerMultiplier(name(index.D)), C: headerMultiplier(name(index.C)) };
  const raw: { row: ModelRow; scores: (number | undefined)[] }[] = [];
  for (const rec of records.slice(1)) {
    const model = cellOf(rec, index.model);
    if (model === '')
      return fail(
        rec.row,
        name(index.model),
        `Row ${rec.row}, column "${name(index.model)}": the model name is empty.`,
        `第 ${rec.row} 行，“${name(index.model)}”列：模型名为空。`,
      );
    const params = numeric(rec, index.N, mult.N, true);
    if (isError(params)) return params;
    if (params === undefined)
      return fail(
        rec.row,
        name(index.N),
        `Row ${rec.row}, column "${name(index.N)}": the parameter count is missing.`,
        `第 ${rec.row} 行，“${name(index.N)}”列：缺少参数量。`,
      );
    const tokens = numeric(rec, index.D, mult.D, true);
    if (isError(tokens)) return tokens;
    let flops = numeric(rec, index.C, mult.C, true);
    if (isError(flops)) return flops;
    // C ≈ 6ND when the table gives tokens but has no FLOPs column (the data's own convention).
    if (index.C === undefined && tokens !== undefined) flops = 6 * params * tokens;
    const scores: (number | undefined)[] = [];
    for (const c of scoreColumns) {
      const v = numeric(rec, c, 1, false);
      if (isError(v)) return v;
      scores.push(v);
    }
    const family = cellOf(rec, index.family);
    raw.push({ row: { model, family: family || model, params, tokens, flops, scores: {}, row: rec.row }, scores });
  }
  const tasks = scoreColumns.map((c, k) => {
    const max = Math.max(0, ...raw.map((r) => r.scores[k] ?? 0));
    return taskForColumn(name(c), max);
  });
  for (let k = 0; k < tasks.length; k++) {
    const task = tasks[k];
    for (const r of raw) {
      const v = r.scores[k];
      if ((v ?? 0) > task.scale) {
        return fail(
          r.row.row,
          task.column,
          `Row ${r.row.row}, column "${task.column}": ${v} is above the score's maximum ${task.scale}.`,
          `第 ${r.row.row} 行，“${task.column}”列：${v} 超过得分上限 ${task.scale}。`,
        );
      }
      r.row.scores[task.id] = v === undefined ? undefined : v / task.scale;
    }
  }
  return { ok: true, table: { models: raw.map((r) => r.row), tasks, source } };
}

/** A user's CSV (header first). */
export function parseEmergenceCsv(text: string): TableResult {
  return readRecords(
    splitCsv(text).map((r) => ({ row: r.line, cells: r.cells })),
    'user',
  );
}

/** The cells of a Markdown table (header first; a |---| separator row is skipped but counted). */
export function parseEmergenceTableRows(rows: readonly (readonly string[])[], firstRowNumber = 1): TableResult {
  const records: Record_[] = [];
  rows.forEach((cells, k) => {
    const separator = cells.every((c) => /^\s*:?-+:?\s*$/.test(c));
    if (!separator && cells.some((c) => c.trim() !== '')) records.push({ row: firstRowNumber + k, cells });
  });
  return readRecords(records, 'user');
}

let shipped: EmergenceTable | undefined;

/** The shipped table's rows and task ids as JSON, absent values written as null (JSON has no undefined). */
export function packShippedTable(table: EmergenceTable): string {
  return JSON.stringify({ models: table.models, taskIds: table.tasks.map((t) => t.id) }, (_key, value: unknown) => (value === undefined ? null : value));
}

/** packShippedTable's JSON back to the table buildObsscalingTable reads from the CSVs. */
function unpackShippedTable(json: string): EmergenceTable {
  const packed = JSON.parse(json) as { models: ModelRow[]; taskIds: string[] };
  const absent = (o: Record<string, unknown>): void => {
    for (const k of Object.keys(o)) if (o[k] === null) o[k] = undefined;
  };
  for (const m of packed.models) {
    absent(m as unknown as Record<string, unknown>);
    absent(m.scores);
  }
  return { models: packed.models, tasks: OBSSCALING_TASKS.filter((t) => packed.taskIds.includes(t.id)), source: 'obsscaling' };
}

/**
 * The shipped table, built once, then shared (read-only): from the JSON the build stores
 * beside the fits (a page parses it in well under a millisecond; reading the CSVs made
 * a cold page's first charts() 17 ms longer on mirage, issue 11). A unit test requires it
 * to equal buildObsscalingTable().
 */
export function obsscalingTable(): EmergenceTable {
  shipped ??= unpackShippedTable(SHIPPED_TABLE_JSON);
  return shipped;
}

/**
 * The emergent-task file joined on "Model" with the benchmark file's family, parameters,
 * tokens and FLOPs (the shipped files unless given).
 */
export function buildObsscalingTable(benchmarkCsv = BENCHMARK_CSV, emergentCsv = EMERGENT_CSV): EmergenceTable {
  const bench = splitCsv(benchmarkCsv);
  const emergent = splitCsv(emergentCsv);
  const keep = 5; // Model, Model Family, Model Size (B), Pretraining Data Size (T), FLOPs (1E21)
  const byModel = new Map(bench.slice(1).map((r) => [r.cells[0], r.cells.slice(1, keep)]));
  const joined = emergent.map((r, k) => {
    const extra = k === 0 ? bench[0].cells.slice(1, keep) : byModel.get(r.cells[0]);
    if (extra === undefined) throw new Error(`shipped data: Row ${r.line}: the benchmark file has no model "${r.cells[0]}".`);
    return { row: r.line, cells: [r.cells[0], ...extra, ...r.cells.slice(1)] };
  });
  const result = readRecords(joined, 'obsscaling');
  if (!result.ok) throw new Error(`shipped data: ${result.error.message.en}`);
  // The registry's order and metadata (the columns are all shipped tasks).
  result.table.tasks = OBSSCALING_TASKS.filter((t) => result.table.tasks.some((c) => c.column === t.column));
  return result.table;
}
