/**
 * Tabular data for the scaling-law fits: CSV text or the cells of a Markdown table
 * become {N, D, C, loss} columns, recognised by header names in English or Chinese.
 *
 * Nothing here throws for bad input: every problem (a ragged row, a non-numeric, too
 * long or non-positive cell, too few or too many rows, a missing or ambiguous column, a
 * design that cannot identify the law) comes back as a typed error that names the row
 * and the column, in English and Chinese, on one line (cells quoted by text.ts's
 * quoteCell), so that the editor can show it and the CLI can print it and exit 2.
 *
 * Bounded and linear: the row count and every cell's length are checked before any
 * cell is scanned (MAX_ROWS, MAX_HEADER_CELL, numbers.ts's MAX_NUMBER_CELL), the CSV
 * splitter and the number and header scanners are single forward passes.
 *
 * Row numbers are 1-based and count the header as row 1 (for CSV: the physical line
 * where the record starts), so they match what the user sees in the editor.
 */
import { checkDesign } from './design';
import { MAX_NUMBER_CELL, readNumber, SCALES } from './numbers';
import { quoteCell } from './text';

export interface Bilingual {
  en: string;
  zh: string;
}

/** What a column holds: model size, training tokens, training compute, loss. */
export type Role = 'N' | 'D' | 'C' | 'loss';

export type FitForm = 'chinchilla' | 'power';

type DataErrorCode =
  | 'empty'
  | 'missing-column'
  | 'ambiguous-column'
  | 'non-numeric'
  | 'non-positive'
  | 'too-few-rows'
  | 'too-many-rows'
  | 'too-long'
  | 'ragged-row'
  | 'degenerate';

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
  /** Whether "1,234" in a cell is a thousands-separated number (default true; numbers.ts). */
  thousands?: boolean;
}

/** Parameters per form: E, A, B, α, β for Chinchilla; E, x₀, α for a power law with floor. */
export const FORM_PARAMETERS: Readonly<Record<FitForm, number>> = { chinchilla: 5, power: 3 };

/** Most data rows a fit reads (README "Fitting"); more are refused before any cell is read. */
export const MAX_ROWS = 20_000;

/** Longest header cell read (longer ones are refused before any pattern runs). */
const MAX_HEADER_CELL = 256;

/**
 * Smallest spread max/min of N, D (or the power law's x) accepted: below a factor of 2
 * the exponent is not identified by any realistic data (README "Fitting").
 */
export const MIN_RANGE_FACTOR = 2;

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
    'n',
    'params',
    'param',
    'parameters',
    'parameter',
    'parameter count',
    'num params',
    'n params',
    'nparams',
    'number of parameters',
    'model size',
    'model params',
    'model parameters',
    'size',
    '参数量',
    '参数',
    '参数规模',
    '参数数量',
    '模型规模',
    '模型参数',
    '模型参数量',
    '模型大小',
  ],
  D: [
    'd',
    'tokens',
    'token',
    'training tokens',
    'train tokens',
    'num tokens',
    'n tokens',
    'data',
    'data size',
    'dataset size',
    'training data',
    'training data size',
    '训练数据量',
    '训练数据',
    '数据量',
    '数据规模',
    'token数',
    'token 数',
    '训练token数',
    '训练 token 数',
    '训练tokens',
    '训练 tokens',
  ],
  C: [
    'c',
    'flop',
    'flops',
    'training flop',
    'training flops',
    'train flops',
    'compute',
    'training compute',
    'compute flops',
    '计算量',
    '训练计算量',
    '算力',
    '训练算力',
    '计算预算',
  ],
  loss: [
    'l',
    'loss',
    'final loss',
    'test loss',
    'validation loss',
    'val loss',
    'eval loss',
    'train loss',
    'training loss',
    '损失',
    '损失值',
    '测试损失',
    '验证损失',
    '训练损失',
    '最终损失',
  ],
};

const SYNONYM_ROLE = new Map<string, Role>();
for (const role of Object.keys(SYNONYMS) as Role[]) for (const s of SYNONYMS[role]) SYNONYM_ROLE.set(s, role);

/** Drops bracketed parts (units) from a header: one forward pass, no backtracking. */
function dropBrackets(s: string): string {
  const CLOSE: Record<string, string> = { '(': ')', '[': ']', '【': '】' };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const close = CLOSE[s[i]];
    const j = close === undefined ? -1 : s.indexOf(close, i + 1);
    if (j === -1) out += s[i];
    else {
      out += ' ';
      i = j;
    }
  }
  return out;
}

// A bracket's closer is looked up once per opener: indexOf from i is linear overall only
// if openers are few, so headers are capped at MAX_HEADER_CELL characters before this runs.
function normaliseHeader(header: string, keepBrackets: boolean): string {
  let s = header.normalize('NFKC').toLowerCase();
  if (!keepBrackets) s = dropBrackets(s);
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The role a header names, or null if it names none (such columns are ignored). */
export function recogniseColumn(header: string): Role | null {
  if (header.length > MAX_HEADER_CELL) return null;
  const stripped = normaliseHeader(header, false);
  const key = stripped === '' ? normaliseHeader(header, true) : stripped;
  return SYNONYM_ROLE.get(key) ?? SYNONYM_ROLE.get(key.replace(/ /g, '')) ?? null;
}

/** The multiplier a header's first bracketed unit implies ("Params (B)" → 1e9), else 1. */
function headerScale(header: string): number {
  const s = header.normalize('NFKC');
  // One character class each (no backtracking); search gives -1 when there is none.
  const open = s.search(/[([【]/u);
  if (open === -1) return 1;
  const unit = s.slice(open + 1);
  const close = unit.search(/[)\]】]/u);
  return close === -1 ? 1 : (SCALES[unit.slice(0, close).trim().toLowerCase()] ?? 1);
}

export { parseNumber } from './numbers';

/** A record of a CSV file with the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Splits CSV text (RFC 4180 quoting; delimiter ',', ';' or tab, guessed from the header). One pass. */
export function splitCsv(text: string): CsvRecord[] {
  return splitCsvWithDelimiter(text).records;
}

function splitCsvWithDelimiter(text: string): { records: CsvRecord[]; delimiter: string } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = guessDelimiter(src);
  const dc = delimiter.charCodeAt(0);
  // charCodeAt, not src[i]: indexing a long string char by char is several times slower.
  const at = (k: number): number => src.charCodeAt(k);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  /** Where a plain cell (or the rest of a quoted one) ends: the delimiter, a line break or the end. */
  const cellEnd = (from: number): number => {
    let e = from;
    // Stryker disable next-line EqualityOperator: reading on at n finds NaN, no delimiter or line break, and stops at n + 1, which slice clamps and the record's end treats as n
    for (; e < n; e++) {
      const c = at(e);
      if (c === dc || c === 10 || c === 13) break;
    }
    return e;
  };
  // One pass; a cell is taken as slices of the source (no per-character concatenation).
  // Stryker disable next-line EqualityOperator: i = n only after a final line break (or for empty text), whose one empty cell the blank-record filter drops
  while (i <= n) {
    const recordLine = line;
    const cells: string[] = [];
    for (;;) {
      // Leading spaces, then a quoted or a plain cell.
      let j = i;
      // Past the end charCodeAt is NaN, which is neither a space nor a tab.
      while ((at(j) === 32 || at(j) === 9) && at(j) !== dc) j++;
      let cell: string;
      if (at(j) === 34) {
        let value = '';
        let k = j + 1;
        for (;;) {
          const q = src.indexOf('"', k);
          const end = q === -1 ? n : q;
          const part = src.slice(k, end);
          line += part.split('\n').length - 1;
          value += part;
          if (q === -1) {
            k = n;
            break;
          }
          if (at(q + 1) === 34) {
            value += '"';
            k = q + 2;
          } else {
            k = q + 1;
            break;
          }
        }
        // Anything after the closing quote up to the delimiter stays part of the cell.
        const e = cellEnd(k);
        cell = value + src.slice(k, e);
        i = e;
      } else {
        const e = cellEnd(i);
        cell = src.slice(i, e);
        i = e;
      }
      cells.push(cell);
      // Past the end charCodeAt is NaN, never the delimiter.
      if (at(i) === dc) {
        i++;
        continue;
      }
      break;
    }
    records.push({ line: recordLine, cells });
    // At the end (i = n) this steps past it, which ends the loop.
    if (at(i) === 13 && at(i + 1) === 10) i++;
    i++;
    line++;
  }
  return { records: records.filter((r) => r.cells.some((c) => c.trim() !== '')), delimiter };
}

function guessDelimiter(text: string): string {
  let end = 0;
  // Stryker disable next-line EqualityOperator: at the length charCodeAt is NaN, no line break, so the scan stops one further; the count below reads NaN there, no quote or delimiter
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
  }
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    const dc = d.charCodeAt(0);
    // Stryker disable next-line EqualityOperator: text[end] is a line break or past the end (NaN), no quote or delimiter
    for (let i = 0; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 34) quoted = !quoted;
      else if (ch === dc && !quoted) count++;
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
  const split = splitCsvWithDelimiter(text);
  const records = split.records.map((r) => ({ row: r.line + first - 1, cells: r.cells }));
  // Where a comma is the decimal mark (';'-delimited files), "1,500" is ambiguous: refused.
  return parseRecords(records, { thousands: split.delimiter !== ';', ...options });
}

/**
 * Parses the rows of a Markdown table (cells already split, header first). A separator
 * row such as |---|:--:| is skipped but still counted, so row numbers follow the lines.
 */
export function parseTableRows(rows: readonly (readonly string[])[], options: ParseOptions = {}): ParseResult {
  const first = options.firstRowNumber ?? 1;
  const records: { row: number; cells: readonly string[] }[] = [];
  rows.forEach((cells, k) => {
    // An empty row counts as blank (every() of no cells is true for both).
    const isSeparator = cells.every((c) => isSeparatorCell(c));
    const isBlank = cells.every((c) => c.trim() === '');
    if (!isSeparator && !isBlank) records.push({ row: first + k, cells });
  });
  return parseRecords(records, options);
}

/** :---:, ---: and the like (a scan, not a pattern). */
function isSeparatorCell(cell: string): boolean {
  const s = cell.trim();
  let i = s.startsWith(':') ? 1 : 0;
  // A lone ":" ends up with i = end either way, and is refused below.
  const end = s.endsWith(':') ? s.length - 1 : s.length;
  if (i >= end) return false;
  for (; i < end; i++) if (s[i] !== '-') return false;
  return true;
}

function fail(code: DataErrorCode, row: number, column: string, en: string, zh: string): ParseResult {
  return { ok: false, error: { code, row, column: quoteCell(column), message: { en, zh } } };
}

type Records = readonly { row: number; cells: readonly string[] }[];

function parseRecords(records: Records, options: ParseOptions): ParseResult {
  const form = options.form ?? 'chinchilla';
  const minRows = options.minRows ?? FORM_PARAMETERS[form];
  if (records.length === 0) {
    const row = options.firstRowNumber ?? 1;
    return fail('empty', row, '', `Row ${row}: the table is empty (no header row).`, `第 ${row} 行：表格为空（没有表头）。`);
  }
  const header = records[0];
  const headerRow = header.row;
  const width = header.cells.length;

  // Size first: a table past the limit is refused before any cell is read.
  if (records.length - 1 > MAX_ROWS) {
    const n = records.length - 1;
    return fail(
      'too-many-rows',
      headerRow,
      '',
      `Row ${headerRow} (header): the table has ${n} data rows, more than the limit of ${MAX_ROWS} rows a fit reads.`,
      `第 ${headerRow} 行（表头）：表格有 ${n} 行数据，超过拟合可读取的上限 ${MAX_ROWS} 行。`,
    );
  }
  for (let c = 0; c < width; c++) {
    const name = header.cells[c].trim();
    if (name.length > MAX_HEADER_CELL) {
      return fail(
        'too-long',
        headerRow,
        name,
        `Row ${headerRow} (header), column ${c + 1}: the header is ${name.length} characters long, more than the ${MAX_HEADER_CELL} a header may have ("${quoteCell(name)}").`,
        `第 ${headerRow} 行（表头）第 ${c + 1} 列：表头长 ${name.length} 个字符，超过上限 ${MAX_HEADER_CELL}（“${quoteCell(name)}”）。`,
      );
    }
  }
  // Shape: every row has the header's cells, or columns would shift silently.
  for (let k = 1; k < records.length; k++) {
    const { row, cells } = records[k];
    if (cells.length !== width) {
      const hint =
        // Stryker disable next-line EqualityOperator: inside cells.length !== width the two are never equal
        cells.length > width
          ? {
              en: ' (an unquoted thousands separator such as 1,000 splits a number into cells: quote it, "1,000")',
              zh: '（未加引号的千位分隔符如 1,000 会把数字拆成多个单元格：请加引号写成 "1,000"）',
            }
          : { en: '', zh: '' };
      return fail(
        'ragged-row',
        row,
        '',
        `Row ${row}: ${cells.length} cells, but the header (row ${headerRow}) has ${width}${hint.en}.`,
        `第 ${row} 行：有 ${cells.length} 个单元格，而表头（第 ${headerRow} 行）有 ${width} 个${hint.zh}。`,
      );
    }
  }

  // Which column holds each role; two columns for one role is an error, not a guess.
  const index: Partial<Record<Role, number>> = {};
  for (let c = 0; c < width; c++) {
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
        `Row ${headerRow} (header): columns "${quoteCell(a)}" and "${quoteCell(name)}" both look like the ${ROLE_NAMES[role].en}; rename or remove one.`,
        `第 ${headerRow} 行（表头）：“${quoteCell(a)}”列和“${quoteCell(name)}”列都像是${ROLE_NAMES[role].zh}，请重命名或删除其中一列。`,
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
  const numberOptions = { thousands: options.thousands !== false };
  for (const role of ['N', 'D', 'C', 'loss'] as const) {
    const c = index[role];
    if (c === undefined) continue;
    const name = header.cells[c].trim();
    const shown = quoteCell(name);
    columns[role] = name;
    const scale = headerScale(name);
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const { row, cells } = dataRecords[k];
      const raw = cells[c].trim();
      if (raw.length > MAX_NUMBER_CELL) {
        return fail(
          'too-long',
          row,
          name,
          `Row ${row}, column "${shown}": the cell is ${raw.length} characters long, more than the ${MAX_NUMBER_CELL} a number may have ("${quoteCell(raw)}").`,
          `第 ${row} 行，“${shown}”列：单元格长 ${raw.length} 个字符，超过数字的上限 ${MAX_NUMBER_CELL}（“${quoteCell(raw)}”）。`,
        );
      }
      const read = readNumber(raw, numberOptions);
      if (read === null || !Number.isFinite(read.value)) {
        return raw === ''
          ? fail('non-numeric', row, name, `Row ${row}, column "${shown}": the cell is empty.`, `第 ${row} 行，“${shown}”列：单元格为空。`)
          : fail(
              'non-numeric',
              row,
              name,
              `Row ${row}, column "${shown}": "${quoteCell(raw)}" is not a number.`,
              `第 ${row} 行，“${shown}”列：“${quoteCell(raw)}”不是数字。`,
            );
      }
      // A bare number takes the header's unit ("Params (B)"); "70B" already carries its own.
      const scaled = read.form === 'plain' ? read.value * scale : read.value;
      if (!(scaled > 0) || !Number.isFinite(scaled)) {
        return fail(
          'non-positive',
          row,
          name,
          `Row ${row}, column "${shown}": ${quoteCell(raw)} must be a finite number greater than zero (scaling laws are fitted in log space).`,
          `第 ${row} 行，“${shown}”列：${quoteCell(raw)} 必须是大于零的有限数（缩放律在对数空间中拟合）。`,
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
      `Row ${row}, column "${quoteCell(column)}": only ${n} data row${n === 1 ? '' : 's'}, but ${what.en} has ${FORM_PARAMETERS[form]} parameters; at least ${minRows} rows are needed.`,
      `第 ${row} 行，“${quoteCell(column)}”列：只有 ${n} 行数据，而${what.zh}有 ${FORM_PARAMETERS[form]} 个参数，至少需要 ${minRows} 行。`,
    );
  }

  const N = values.N ?? null;
  let D = values.D ?? null;
  let C = values.C ?? null;
  const derived = { D: false, C: false };
  if (D === null && C !== null && N !== null) {
    // Chinchilla's approximation C ≈ 6·N·D (Kaplan et al. 2020, Hoffmann et al. 2022).
    D = C.map((c, k) => c / (6 * N[k]));
    derived.D = true;
  } else if (C === null && D !== null && N !== null) {
    C = D.map((d, k) => 6 * N[k] * d);
    derived.C = true;
  }
  const sourceRows = Int32Array.from(dataRecords, (r) => r.row);
  // loss was checked to exist above.
  const loss = values.loss as Float64Array;
  const data: FitData = { rows: n, N, D, C, loss, columns, derived, sourceRows };
  const design = checkDesign(data, form, headerRow);
  return design ? { ok: false, error: design } : { ok: true, data };
}
