// Finds the Markdown pipe table the user means (the one under the cursor, the rows of
// it they selected, or the first one of a file) within a bounded window of lines, and
// splits its rows into cells. No vscode import: it reads anything with `lineCount`
// and `lineAt(i).text` (a TextDocument, or a stub in the unit tests).

export interface LineSource {
  readonly lineCount: number;
  lineAt(line: number): { readonly text: string };
}

/** A position as VS Code has it (0-based line and character). */
interface LinePosition {
  readonly line: number;
  readonly character: number;
}

export interface LineSelection {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

export interface MarkdownTable {
  /** 0-based line of the header row. */
  headerLine: number;
  /** 0-based line of the table's last row (results are inserted after it). */
  endLine: number;
  /**
   * Cells of each line from the header on (the delimiter row included), up to the last
   * row used. A row outside the selection is an empty array, so row k is line
   * headerLine + k and data.ts's row numbers stay the editor's line numbers.
   */
  rows: string[][];
  /** 1-based number of the header line (data.ts's firstRowNumber). */
  firstRowNumber: number;
  /** 0-based lines of the first and last data row used. */
  firstDataLine: number;
  lastDataLine: number;
  /** Whether only some of the table's data rows are used (a selection inside the table). */
  partial: boolean;
}

/** How far the finder looks from the cursor, in lines, in each direction. */
const TABLE_WINDOW = 5000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits a table row into trimmed cells: outer pipes dropped, `\|` kept as a literal pipe. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\' && s[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** A line that can be a table row: not a fence, with an unescaped pipe (so not blank). */
export function isTableLine(text: string): boolean {
  return !FENCE.test(text) && /(^|[^\\])\|/.test(text);
}

/** The delimiter row under the header: |---|:--:|--:| (at least one dash per cell). */
export function isDelimiterRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-+:?$/.test(c.trim()));
}

function text(doc: LineSource, line: number): string {
  return doc.lineAt(line).text;
}

/** The open fence after a fence line `marker`: it opens one, or closes `open` if of the same character and at least as long. */
function afterFence(open: string | undefined, marker: string): string | undefined {
  if (open === undefined) return marker;
  return marker[0] === open[0] && marker.length >= open.length ? undefined : open;
}

/** Whether `line` is inside a fenced code block, judging from the fences within the window above it. */
function insideFence(doc: LineSource, line: number, window: number): boolean {
  let open: string | undefined;
  // Stryker disable next-line EqualityOperator: `line` itself is a table line, never a fence line (isTableLine).
  for (let i = Math.max(0, line - window); i < line; i++) {
    const m = FENCE.exec(text(doc, i));
    if (m) open = afterFence(open, m[1]);
  }
  return open !== undefined;
}

/** The table block (consecutive table lines) around `line`, with its header and delimiter. */
function tableAround(doc: LineSource, line: number, window: number): { header: number; end: number } | undefined {
  if (line < 0 || line >= doc.lineCount || !isTableLine(text(doc, line))) return undefined;
  if (insideFence(doc, line, window)) return undefined;
  let top = line;
  while (top > 0 && line - top < window && isTableLine(text(doc, top - 1))) top--;
  let bottom = line;
  while (bottom + 1 < doc.lineCount && bottom - line < window && isTableLine(text(doc, bottom + 1))) bottom++;
  for (let k = top + 1; k <= bottom; k++) {
    const delimiter = splitRow(text(doc, k));
    if (isDelimiterRow(delimiter) && splitRow(text(doc, k - 1)).length === delimiter.length) {
      // Pipe lines above the header are a paragraph, not this table.
      return line >= k - 1 ? { header: k - 1, end: bottom } : undefined;
    }
  }
  return undefined;
}

/** The table from `header` to `end`, using its data rows `from`..`to` (all of them by default). */
function build(doc: LineSource, header: number, end: number, from = header + 2, to = end): MarkdownTable {
  const firstData = header + 2;
  const rows: string[][] = [];
  for (let i = header; i <= to; i++) rows.push(i < firstData || i >= from ? splitRow(text(doc, i)) : []);
  return { headerLine: header, endLine: end, rows, firstRowNumber: header + 1, firstDataLine: from, lastDataLine: to, partial: from > firstData || to < end };
}

/**
 * The table under the cursor, or the rows of it the selection covers. A selection that
 * covers no data row (only the header, say), or all of them, means the whole table. A
 * selection that ends at the start of a line does not include that line.
 */
export function findTableAt(doc: LineSource, selection: LineSelection, window = TABLE_WINDOW): MarkdownTable | undefined {
  const startLine = selection.start.line;
  let endLine = selection.end.line;
  // (An empty selection at column 0 ends up before its start: no rows selected, as below.)
  if (selection.end.character === 0) endLine--;
  // The table is the one containing the first table line of the selection.
  let anchor = startLine;
  while (anchor < endLine && !isTableLine(text(doc, anchor))) anchor++;
  const found = tableAround(doc, anchor, window);
  if (!found) return undefined;
  const firstData = found.header + 2;
  // The anchor lies in the table, so the selection starts at or before its end.
  const coversData = endLine >= firstData && endLine > startLine;
  if (!coversData) return build(doc, found.header, found.end);
  return build(doc, found.header, found.end, Math.max(firstData, startLine), Math.min(found.end, endLine));
}

/** The first table of a document (fenced code skipped), looking at most `limit` lines. */
export function findFirstTable(doc: LineSource, limit = 20 * TABLE_WINDOW): MarkdownTable | undefined {
  let open: string | undefined;
  const last = Math.min(doc.lineCount, limit);
  for (let i = 0; i < last; i++) {
    const t = text(doc, i);
    const m = FENCE.exec(t);
    if (m) {
      open = afterFence(open, m[1]);
      continue;
    }
    if (open !== undefined || i === 0 || !isTableLine(t)) continue;
    const delimiter = splitRow(t);
    if (isDelimiterRow(delimiter) && isTableLine(text(doc, i - 1)) && splitRow(text(doc, i - 1)).length === delimiter.length) {
      let end = i;
      while (end + 1 < doc.lineCount && end - i < TABLE_WINDOW && isTableLine(text(doc, end + 1))) end++;
      return build(doc, i - 1, end);
    }
  }
  return undefined;
}

/** A LineSource over a string (for tests and for text that is not an open document). */
export function linesOf(content: string): LineSource {
  const lines = content.split(/\r?\n/);
  return { lineCount: lines.length, lineAt: (i: number) => ({ text: lines[i] ?? '' }) };
}
