/**
 * Tabular data for the scaling-law fits: CSV text or the cells of a Markdown table
 * become {N, D, C, loss} columns, recognised by header names in English or Chinese.
 *
 * Nothing here throws for bad input: every problem (non-numeric cell, zero or negative
 * value, too few rows, a missing or ambiguous column) comes back as a typed error that
 * names the row and the column, in English and Chinese, so that the editor can show
 * it and the CLI can print it and exit 2.
 *
 * Row numbers are 1-based and count the header as row 1 (for CSV: the physical line
 * where the record starts), so they match what the user sees in the editor.
 */

export interface Bilingual {
  en: string;
  zh: string;
}

/** What a column holds: model size, training tokens, training compute, loss. */
export type Role = 'N' | 'D' | 'C' | 'loss';

export type FitForm = 'chinchilla' | 'power';

export type DataErrorCode = 'empty' | 'missing-column' | 'ambiguous-column' | 'non-numeric' | 'non-positive' | 'too-few-rows';

export interface DataError {
  code: DataErrorCode;
  /** 1-based row (the header is row 1). */
  row: number;
  /** The column's header as written (or the role's name if the column is missing). */
  column: string;
  message: Bilingual;
}

export interface FitData {
  rows: number;
  N: Float64Array | null;
  /** Training tokens, as given or derived as C / (6N). */
  D: Float64Array | null;
  /** Training compute, as given or derived as 6·N·D. */
  C: Float64Array | null;
  loss: Float64Array;
  /** The header of each recognised column, as written. */
  columns: Partial<Record<Role, string>>;
  /** Which of D and C were computed from the others rather than read. */
  derived: { D: boolean; C: boolean };
  /** Row number (as in DataError.row) of each data row. */
  sourceRows: Int32Array;
}

export type ParseResult = { ok: true; data: FitData } | { ok: false; error: DataError };

export interface ParseOptions {
  /** Which columns are required: chinchilla needs N, loss and D or C; power needs loss and one of N, D, C. */
  form?: FitForm;
  /** Fewest data rows accepted (default: the form's number of parameters, 5 or 3). */
  minRows?: number;
  /** Row number of the first row given (default 1), e.g. the table's line in a note. */
  firstRowNumber?: number;
}

/** Parameters per form: E, A, B, α, β for Chinchilla; E, x₀, α for a power law with floor. */
export const FORM_PARAMETERS: Readonly<Record<FitForm, number>> = { chinchilla: 5, power: 3 };

const ROLE_NAMES: Record<Role, Bilingual> = {
  N: { en: 'model size N (parameters)', zh: '模型规模 N（参数量）' },
  D: { en: 'training tokens D', zh: '训练数据量 D（token 数）' },
  C: { en: 'training compute C (FLOP)', zh: '训练计算量 C（FLOP）' },
  loss: { en: 'loss L', zh: '损失 L' },
};

const ROLE_EXAMPLES: Record<Role, string> = {
  N: '"Model Size", "params", "N", "参数量"',
  D: '"tokens", "D", "训练数据量"',
  C: '"Training FLOP", "compute", "C", "计算量"',
  loss: '"loss", "L", "损失"',
};

// Header synonyms after normaliseHeader (lower case, units in brackets and punctuation removed).
const SYNONYMS: Record<Role, readonly string[]> = {
  N: [
    'n', 'params', 'param', 'parameters', 'parameter', 'parameter count', 'num params', 'n params', 'nparams',
    'number of parameters', 'model size', 'model params', 'model parameters', 'size',
    '参数量', '参数', '参数规模', '参数数量', '模型规模', '模型参数', '模型参数量', '模型大小',
  ],
  D: [
    'd', 'tokens', 'token', 'training tokens', 'train tokens', 'num tokens', 'n tokens', 'data', 'data size',
    'dataset size', 'training data', 'training data size',
    '训练数据量', '训练数据', '数据量', '数据规模', 'token数', 'token 数', '训练token数', '训练 token 数', '训练tokens', '训练 tokens',
  ],
  C: [
    'c', 'flop', 'flops', 'training flop', 'training flops', 'train flops', 'compute', 'training compute',
    'compute flops', '计算量', '训练计算量', '算力', '训练算力', '计算预算',
  ],
  loss: [
    'l', 'loss', 'final loss', 'test loss', 'validation loss', 'val loss', 'eval loss', 'train loss',
    'training loss', '损失', '损失值', '测试损失', '验证损失', '训练损失', '最终损失',
  ],
};

const SYNONYM_ROLE = new Map<string, Role>();
for (const role of Object.keys(SYNONYMS) as Role[]) for (const s of SYNONYMS[role]) SYNONYM_ROLE.set(s, role);

// Scale words allowed in a header's brackets ("Params (B)") or after a number ("70B").
const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, thousands: 1e3, m: 1e6, million: 1e6, millions: 1e6,
  b: 1e9, g: 1e9, billion: 1e9, billions: 1e9, t: 1e12, trillion: 1e12, trillions: 1e12,
  万: 1e4, 亿: 1e8, 千: 1e3, 百万: 1e6, 十亿: 1e9, 万亿: 1e12,
};

function normaliseHeader(header: string, keepBrackets: boolean): string {
  let s = header.normalize('NFKC').toLowerCase();
  if (!keepBrackets) s = s.replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, ' ');
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The role a header names, or null if it names none (such columns are ignored). */
export function recogniseColumn(header: string): Role | null {
  const stripped = normaliseHeader(header, false);
  const key = stripped === '' ? normaliseHeader(header, true) : stripped;
  return SYNONYM_ROLE.get(key) ?? SYNONYM_ROLE.get(key.replace(/ /g, '')) ?? null;
}

/** The multiplier a header's bracketed unit implies ("Params (B)" → 1e9), else 1. */
function headerScale(header: string): number {
  const m = /[([【]\s*([^)\]】]*?)\s*[)\]】]/.exec(header.normalize('NFKC'));
  if (!m) return 1;
  return SCALES[m[1].toLowerCase()] ?? 1;
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const TIMES_TEN = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(?:[x×*·]|\\times|\\cdot)\s*10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?$/i;
const TEN_POW = /^10\s*\^\s*\{?\s*([-+−]?\d+)\s*\}?$/;
const SUFFIXED = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]+|[万亿千百十]+)$/i;

/**
 * Reads a number as people write it in tables: 1.4e22, 1,000,000, 1.4×10^22,
 * 1.4 \times 10^{22}, 10^22, 70B, 1.4T, 3亿. Returns null for anything else.
 */
export function parseNumber(cell: string): number | null {
  const s = cell.normalize('NFKC').replace(/[\s_]+/g, ' ').trim().replace(/^\$(.*)\$$/, '$1').trim();
  if (s === '') return null;
  if (PLAIN.test(s)) return Number(s);
  if (THOUSANDS.test(s)) return Number(s.replace(/,/g, ''));
  let m = TIMES_TEN.exec(s);
  if (m) return Number(m[1]) * Math.pow(10, Number(m[2].replace('−', '-')));
  m = TEN_POW.exec(s);
  if (m) return Math.pow(10, Number(m[1].replace('−', '-')));
  m = SUFFIXED.exec(s);
  if (m) {
    const scale = SCALES[m[2].toLowerCase()];
    if (scale !== undefined) return Number(m[1]) * scale;
  }
  return null;
}

/** A record of a CSV file with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Splits CSV text (RFC 4180 quoting; delimiter ',', ';' or tab, guessed from the header). */
export function splitCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(src);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      if (ch === '\r' && src[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Parses CSV text whose first record is the header. */
export function parseCsv(text: string, options: ParseOptions = {}): ParseResult {
  const first = options.firstRowNumber ?? 1;
  const records = splitCsv(text).map((r) => ({ row: r.line + first - 1, cells: r.cells }));
  return parseRecords(records, options);
}

/**
 * Parses the rows of a Markdown table (cells already split, header first). A separator
 * row such as |---|:--:| is skipped but still counted, so row numbers follow the lines.
 */
export function parseTableRows(rows: readonly (readonly string[])[], options: ParseOptions = {}): ParseResult {
  const first = options.firstRowNumber ?? 1;
  const records: { row: number; cells: readonly string[] }[] = [];
  rows.forEach((cells, k) => {
    const isSeparator = cells.length > 0 && cells.every((c) => /^\s*:?-{1,}:?\s*$/.test(c));
    const isBlank = cells.every((c) => c.trim() === '');
    if (!isSeparator && !isBlank) records.push({ row: first + k, cells });
  });
  return parseRecords(records, options);
}

function fail(code: DataErrorCode, row: number, column: string, en: string, zh: string): ParseResult {
  return { ok: false, error: { code, row, column, message: { en, zh } } };
}

function parseRecords(records: readonly { row: number; cells: readonly string[] }[], options: ParseOptions): ParseResult {
  const form = options.form ?? 'chinchilla';
  const minRows = options.minRows ?? FORM_PARAMETERS[form];
  if (records.length === 0) {
    const row = options.firstRowNumber ?? 1;
    return fail('empty', row, '', `Row ${row}: the table is empty (no header row).`, `第 ${row} 行：表格为空（没有表头）。`);
  }
  const header = records[0];
  const headerRow = header.row;

  // Which column holds each role; two columns for one role is an error, not a guess.
  const index: Partial<Record<Role, number>> = {};
  for (let c = 0; c < header.cells.length; c++) {
    const name = header.cells[c].trim();
    const role = recogniseColumn(name);
    if (role === null) continue;
    const prev = index[role];
    if (prev !== undefined) {
      const a = header.cells[prev].trim();
      return fail(
        'ambiguous-column',
        headerRow,
        `${a} / ${name}`,
        `Row ${headerRow} (header): columns "${a}" and "${name}" both look like the ${ROLE_NAMES[role].en}; rename or remove one.`,
        `第 ${headerRow} 行（表头）：“${a}”列和“${name}”列都像是${ROLE_NAMES[role].zh}，请重命名或删除其中一列。`,
      );
    }
    index[role] = c;
  }

  const missing = (role: Role, alt?: Role): ParseResult => {
    const en = alt ? `the ${ROLE_NAMES[role].en} or the ${ROLE_NAMES[alt].en}` : `the ${ROLE_NAMES[role].en}`;
    const zh = alt ? `${ROLE_NAMES[role].zh}或${ROLE_NAMES[alt].zh}` : ROLE_NAMES[role].zh;
    const examples = alt ? `${ROLE_EXAMPLES[role]}; ${ROLE_EXAMPLES[alt]}` : ROLE_EXAMPLES[role];
    return fail(
      'missing-column',
      headerRow,
      alt ? `${role}/${alt}` : role,
      `Row ${headerRow} (header): no column for ${en} (expected a header such as ${examples}).`,
      `第 ${headerRow} 行（表头）：找不到${zh}列（表头应为 ${examples} 之类）。`,
    );
  };
  if (index.loss === undefined) return missing('loss');
  if (form === 'chinchilla') {
    if (index.N === undefined) return missing('N');
    if (index.D === undefined && index.C === undefined) return missing('D', 'C');
  } else if (index.N === undefined && index.D === undefined && index.C === undefined) {
    return fail(
      'missing-column',
      headerRow,
      'N/D/C',
      `Row ${headerRow} (header): no column for N, D or C to fit the loss against (expected a header such as ${ROLE_EXAMPLES.C}).`,
      `第 ${headerRow} 行（表头）：找不到作为自变量的 N、D 或 C 列（表头应为 ${ROLE_EXAMPLES.C} 之类）。`,
    );
  }

  const dataRecords = records.slice(1);
  const n = dataRecords.length;
  const columns: Partial<Record<Role, string>> = {};
  const values: Partial<Record<Role, Float64Array>> = {};
  for (const role of ['N', 'D', 'C', 'loss'] as const) {
    const c = index[role];
    if (c === undefined) continue;
    const name = header.cells[c].trim();
    columns[role] = name;
    const scale = headerScale(name);
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const { row, cells } = dataRecords[k];
      const raw = (cells[c] ?? '').trim();
      const v = parseNumber(raw);
      if (v === null || !Number.isFinite(v)) {
        return raw === ''
          ? fail('non-numeric', row, name, `Row ${row}, column "${name}": the cell is empty.`, `第 ${row} 行，“${name}”列：单元格为空。`)
          : fail('non-numeric', row, name, `Row ${row}, column "${name}": "${raw}" is not a number.`, `第 ${row} 行，“${name}”列：“${raw}”不是数字。`);
      }
      // A bare number takes the header's unit ("Params (B)"); "70B" already carries its own.
      const scaled = PLAIN.test(raw) || THOUSANDS.test(raw) ? v * scale : v;
      if (!(scaled > 0)) {
        return fail(
          'non-positive',
          row,
          name,
          `Row ${row}, column "${name}": ${raw} must be greater than zero (scaling laws are fitted in log space).`,
          `第 ${row} 行，“${name}”列：${raw} 必须大于零（缩放律在对数空间中拟合）。`,
        );
      }
      out[k] = scaled;
    }
    values[role] = out;
  }

  // Counted after the cells were read: a bad cell is the more specific message.
  if (n < minRows) {
    const row = n > 0 ? dataRecords[n - 1].row : headerRow;
    const column = header.cells[index.loss].trim();
    const what = form === 'chinchilla' ? { en: 'the Chinchilla form', zh: 'Chinchilla 形式' } : { en: 'a power law with a floor', zh: '带下限的幂律' };
    return fail(
      'too-few-rows',
      row,
      column,
      `Row ${row}, column "${column}": only ${n} data row${n === 1 ? '' : 's'}, but ${what.en} has ${FORM_PARAMETERS[form]} parameters; at least ${minRows} rows are needed.`,
      `第 ${row} 行，“${column}”列：只有 ${n} 行数据，而${what.zh}有 ${FORM_PARAMETERS[form]} 个参数，至少需要 ${minRows} 行。`,
    );
  }

  const N = values.N ?? null;
  let D = values.D ?? null;
  let C = values.C ?? null;
  const derived = { D: false, C: false };
  if (D === null && C !== null && N !== null) {
    // Chinchilla's approximation C ≈ 6·N·D (Kaplan et al. 2020, Hoffmann et al. 2022).
    D = new Float64Array(n);
    for (let k = 0; k < n; k++) D[k] = C[k] / (6 * N[k]);
    derived.D = true;
  } else if (C === null && D !== null && N !== null) {
    C = new Float64Array(n);
    for (let k = 0; k < n; k++) C[k] = 6 * N[k] * D[k];
    derived.C = true;
  }
  const sourceRows = Int32Array.from(dataRecords, (r) => r.row);
  // loss was checked to exist above.
  const loss = values.loss as Float64Array;
  return { ok: true, data: { rows: n, N, D, C, loss, columns, derived, sourceRows } };
}
