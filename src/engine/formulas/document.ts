// Finds the formula under a position in a Markdown document without reading the
// whole document: the current line, a bounded paragraph around it (for $$ … $$
// blocks that span lines) and a bounded look upward for code fences. The document
// is only reached through getLine, so a 5,000-line note costs what a 5-line one does.

import { recognizeAt, symbolAt, type FormulaSymbol, type Recognition } from './recognize';
import { extractNoteValues, VALUE_SCAN_CONTEXT, type NoteValue } from './values';

/**
 * How far upward fences are looked for when none is found. Whether a line is inside
 * a fenced block cannot be known without reading from the top; these bounds trade
 * that certainty for constant cost (see fenceStateAt).
 */
export const FENCE_SCAN_LINES = 200;
/** How far the look upward may go once it has seen fences it cannot yet place. */
export const FENCE_SCAN_MAX_LINES = 1000;
/** How far a formula may spread above or below the cursor line ($$ blocks). */
export const MATH_WINDOW_LINES = 20;
/** How far from the formula prose values ("α = 0.05") are collected. */
export const VALUE_WINDOW_LINES = 15;
/** Characters read for values on each side of the formula (of the cursor's column on other lines). */
export const VALUE_MARGIN_CHARS = 200;
/** The most characters the value scan reads on one line. */
export const VALUE_LINE_CHARS = 600;
/** The most characters the value scan tokenizes per hover, nearest lines first. */
export const VALUE_SCAN_CHARS = 2400;
/** The most values one hover collects. */
export const MAX_NOTE_VALUES = 64;
/** Lines longer than this are not joined into multi-line windows. */
const LONG_LINE = 4000;
/** Cap on the text joined for a multi-line formula. */
const MAX_JOINED_CHARS = 8000;
/**
 * Characters of the joined text read on each side of the cursor: a formula is at most
 * a few hundred characters (MAX_TOKENS_PER_FORMULA tokens), so reading all 8,000
 * would only cost time on long neighbouring lines.
 */
const JOINED_WINDOW_CHARS = 600;
/** The same bound on the cursor's own line (recognizeAt's default reads ±1,000). */
const LINE_WINDOW_CHARS = 600;

interface DocPosition {
  line: number;
  character: number;
}

interface Fence {
  char: '`' | '~';
  length: number;
  /** The info string, trimmed ("python", "math", ""). */
  info: string;
}

export interface FenceState {
  inside: boolean;
  /** The open block's info string, when inside. */
  info?: string;
  /** Inside a block whose language is math, latex, tex or katex. */
  isMath: boolean;
  /** The line of the opening fence, when inside. */
  openLine?: number;
  /**
   * What the answer rests on: "top" read from the first line (exact); "opener" went
   * back to a fence with an info string, which can only open a block (exact unless
   * that fence is itself content of a longer block); "window" stopped early and
   * assumed the scanned window starts outside any block. That guess is wrong only
   * (a) in the middle of a block with no fence within FENCE_SCAN_LINES above (a
   * code block longer than that), or (b) when only info-less fences lie within
   * FENCE_SCAN_MAX_LINES above and a block straddles the window's first line.
   */
  basis: 'top' | 'opener' | 'window';
}

interface LineNoteValue extends NoteValue {
  /** Line of the value; start/end/symbolStart/symbolEnd are characters in that line. */
  line: number;
}

export interface FormulaAtPosition {
  recognition: Recognition;
  /** The text the recognition's offsets refer to: one line, or lines from firstLine joined by "\n". */
  text: string;
  firstLine: number;
  start: DocPosition;
  end: DocPosition;
  /** The symbol under the position, when the position is on one. */
  symbol?: FormulaSymbol;
  symbolStart?: DocPosition;
  symbolEnd?: DocPosition;
  /** Values written near the formula, nearest first. */
  noteValues: LineNoteValue[];
  fence: FenceState;
}

const MATH_INFOS: ReadonlySet<string> = new Set(['math', 'latex', 'tex', 'katex']);

/** A CommonMark fence line (up to 3 spaces, then ``` or ~~~ and an info string). */
function parseFence(line: string): Fence | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  const ch = line[i];
  if (ch !== '`' && ch !== '~') return undefined;
  let j = i;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: past the end line[j] is undefined, never the fence character
  while (j < line.length && line[j] === ch) j++;
  if (j - i < 3) return undefined;
  // Info strings are short; never copy the rest of a huge line.
  const info = line.slice(j, j + 200).trim();
  if (ch === '`' && info.includes('`')) return undefined;
  return { char: ch, length: j - i, info };
}

function isMathInfo(info: string): boolean {
  const word = info
    .split(/\s/, 1)[0]
    .replace(/^[{.]+/, '')
    .replace(/}+$/, '')
    .toLowerCase();
  return MATH_INFOS.has(word);
}

/**
 * Whether `line` is inside a fenced code block, reading a bounded number of lines
 * above it. A fence with an info string can only open a block, so the scan stops at
 * the first one (or the top) and replays the fences between it and the line: exact.
 * With no fence at all in FENCE_SCAN_LINES lines the line is taken to be outside;
 * info-less fences (which may open or close) extend the look to FENCE_SCAN_MAX_LINES,
 * since replaying them from a wrong starting state would invert every answer.
 */
export function fenceStateAt(getLine: (n: number) => string, lineCount: number, line: number): FenceState {
  const fences: { line: number; fence: Fence }[] = [];
  let basis: FenceState['basis'] | undefined;
  let l = Math.min(line, lineCount) - 1;
  const stop = Math.max(0, line - FENCE_SCAN_MAX_LINES);
  for (; l >= stop; l--) {
    if (fences.length === 0 && line - l > FENCE_SCAN_LINES) break;
    const f = parseFence(safeLine(getLine, l));
    if (!f) continue;
    fences.push({ line: l, fence: f });
    if (f.info !== '') {
      basis = 'opener';
      break;
    }
  }
  if (basis === undefined) basis = l < 0 ? 'top' : 'window';
  let open: { line: number; fence: Fence } | undefined;
  // Stryker disable next-line ArithmeticOperator: from length + 1 the first two entries are undefined and leave open undefined
  for (let k = fences.length - 1; k >= 0; k--) {
    const cur = fences[k];
    // Only the topmost fence can have an info string (the scan stops there), and it is replayed first: a closer never has one.
    if (open === undefined) open = cur;
    else if (cur.fence.char === open.fence.char && cur.fence.length >= open.fence.length) open = undefined;
  }
  if (open === undefined) return { inside: false, isMath: false, basis };
  return { inside: true, info: open.fence.info, isMath: isMathInfo(open.fence.info), openLine: open.line, basis };
}

function safeLine(getLine: (n: number) => string, n: number): string {
  try {
    const t = getLine(n);
    return typeof t === 'string' ? t : '';
  } catch {
    // A document that changed under us: treat the line as empty rather than fail the hover.
    // Stryker disable next-line StringLiteral: the mutant's text holds no formula, value, fence or operator, and no formula reads across its words
    return '';
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/**
 * The formula at (line, column), or undefined. Reads the current line, at most
 * MATH_WINDOW_LINES lines each side of it, FENCE_SCAN_LINES lines above it and
 * VALUE_WINDOW_LINES lines each side for values. Nothing inside a fenced code block
 * is recognised unless the block is math (```math, latex, tex, katex).
 */
export function findFormulaAt(
  getLine: (n: number) => string,
  lineCount: number,
  line: number,
  column: number,
  options?: { inclusiveEnd?: boolean },
): FormulaAtPosition | undefined {
  if (!Number.isInteger(line) || !Number.isFinite(column) || line < 0 || line >= lineCount) return undefined;
  const lineText = safeLine(getLine, line);
  const col = Math.max(0, Math.min(Math.floor(column), lineText.length));
  if (parseFence(lineText)) return undefined;
  const fence = fenceStateAt(getLine, lineCount, line);
  if (fence.inside && !fence.isMath) return undefined;

  // inclusiveEnd: a cursor just after the formula's last character (where one types) still counts.
  const single = recognizeAt(lineText, col, { inclusiveEnd: options?.inclusiveEnd === true, window: LINE_WINDOW_CHARS });
  // A formula that reaches an end of its line next to an operator may continue on
  // the neighbouring line ($$ blocks broken over lines): only then is the
  // multi-line pass worth its cost.
  if (single && !(reachesLineEdge(lineText, single) && continues(getLine, line, lineText))) {
    return describe(single, lineText, [0], line, col, getLine, lineCount, fence);
  }
  const multi = lineText.length > LONG_LINE ? undefined : multiLine(getLine, lineCount, line, lineText, col, fence);
  if (multi && (!single || multi.start.line !== multi.end.line)) return multi;
  return single ? describe(single, lineText, [0], line, col, getLine, lineCount, fence) : undefined;
}

// A comma continues too: L(N, D) broken after "L(N,".
const OPERATOR_EDGE = '+-=≈*/^&\\({[−,';

/** The line or its neighbours start or end with an operator or a comma: a formula broken over lines. */
function continues(getLine: (n: number) => string, line: number, lineText: string): boolean {
  // An empty line's t[0] is undefined, which OPERATOR_EDGE does not include; a neighbour
  // outside the document reads as "" (safeLine).
  const t = lineText.trim();
  const prev = safeLine(getLine, line - 1)
    .slice(-200)
    .trim();
  const next = safeLine(getLine, line + 1)
    .slice(0, 200)
    .trim();
  return (
    OPERATOR_EDGE.includes(t[0]) || OPERATOR_EDGE.includes(t[t.length - 1]) || OPERATOR_EDGE.includes(prev[prev.length - 1]) || OPERATOR_EDGE.includes(next[0])
  );
}

// Math delimiters, and the operators a formula broken over lines leaves at the break ("+ (D_c/D)^α_D, where …").
const LINE_EDGE_FILL = ` \t\r$[](){}${OPERATOR_EDGE}`;

/** Only whitespace, math delimiters or operators between the formula and an end of its line. */
function reachesLineEdge(lineText: string, rec: Recognition): boolean {
  const onlyDelimiters = (a: number, b: number): boolean => {
    for (let i = a; i < b; i++) if (!LINE_EDGE_FILL.includes(lineText[i])) return false;
    return true;
  };
  return onlyDelimiters(0, rec.start) || onlyDelimiters(rec.end, Math.min(lineText.length, rec.end + 200));
}

/**
 * Joins the paragraph around the line (bounded in lines and characters) and looks
 * for a formula there: $$ … $$ and \begin{aligned} blocks spread over lines.
 */
function multiLine(
  getLine: (n: number) => string,
  lineCount: number,
  line: number,
  lineText: string,
  col: number,
  fence: FenceState,
): FormulaAtPosition | undefined {
  let first = line;
  let last = line;
  let total = lineText.length;
  const inBlock = (t: string): boolean => !isBlank(t) && t.length <= LONG_LINE && parseFence(t) === undefined;
  // A line outside the document reads as "" (safeLine): a blank line, which ends the paragraph.
  while (line - first < MATH_WINDOW_LINES) {
    const t = safeLine(getLine, first - 1);
    if (!inBlock(t) || total + t.length > MAX_JOINED_CHARS) break;
    total += t.length + 1;
    first--;
  }
  while (last - line < MATH_WINDOW_LINES) {
    const t = safeLine(getLine, last + 1);
    if (!inBlock(t) || total + t.length > MAX_JOINED_CHARS) break;
    total += t.length + 1;
    last++;
  }
  // Stryker disable next-line ConditionalExpression: one line joined is the line itself, which findFormulaAt has already read
  if (first === last) return undefined;
  const lines: string[] = [];
  for (let l = first; l <= last; l++) {
    // Stryker disable next-line ConditionalExpression: getLine(line) gives lineText again; this only saves reading it twice
    lines.push(l === line ? lineText : safeLine(getLine, l));
  }
  const starts: number[] = [];
  let acc = 0;
  for (const t of lines) {
    starts.push(acc);
    acc += t.length + 1;
  }
  // recognizeAt prefilters its window with mayHoldFormula itself.
  const joined = lines.join('\n');
  const offset = starts[line - first] + col;
  const multi = recognizeAt(joined, offset, { window: JOINED_WINDOW_CHARS });
  if (!multi) return undefined;
  return describe(multi, joined, starts, first, offset, getLine, lineCount, fence);
}

function describe(
  rec: Recognition,
  text: string,
  starts: readonly number[],
  firstLine: number,
  offset: number,
  getLine: (n: number) => string,
  lineCount: number,
  fence: FenceState,
): FormulaAtPosition {
  const pos = (o: number): DocPosition => {
    let k = starts.length - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: starts[0] is 0, never above an offset
    while (k > 0 && starts[k] > o) k--;
    return { line: firstLine + k, character: o - starts[k] };
  };
  const start = pos(rec.start);
  const end = pos(rec.end);
  const result: FormulaAtPosition = {
    recognition: rec,
    text,
    firstLine,
    start,
    end,
    noteValues: collectValues(getLine, lineCount, start, end, pos(offset).character),
    fence,
  };
  const sym = symbolAt(rec, offset);
  if (sym) {
    result.symbol = sym;
    result.symbolStart = pos(sym.start);
    result.symbolEnd = pos(sym.end);
  }
  return result;
}

const VALUE_RELATIONS = '=≈≃≅∼~:：＝';
const VALUE_RELATION_COMMANDS: ReadonlySet<string> = new Set(['approx', 'simeq', 'sim', 'cong', 'thickapprox', 'coloneqq']);

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** After a relation ending at `i`: spaces, an optional minus, then a number ("= 0.05", "≈ -3", ":= .5")? */
function numberFollows(t: string, i: number, to: number): boolean {
  let j = i;
  while (j < to && (t[j] === ' ' || t[j] === '\t')) j++;
  if (j < to && (t[j] === '-' || t[j] === '−')) j++;
  while (j < to && (t[j] === ' ' || t[j] === '\t')) j++;
  return j < to && (isDigitCode(t.charCodeAt(j)) || (t[j] === '.' && isDigitCode(t.charCodeAt(j + 1))));
}

/**
 * A value is a relation ("=", "≈", ":", \approx…) followed by a number: ranges without
 * one are not tokenized (and cost the value scan's budget nothing). One pass, no backtracking.
 */
function mayHoldValue(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = t[i];
    if (VALUE_RELATIONS.includes(ch)) {
      // ":=" needs no case of its own: its "=" is a relation too, read next.
      if (numberFollows(t, i + 1, to)) return true;
    } else if (ch === '\\') {
      let j = i + 1;
      while (j < to && j - i <= 12 && /[a-z]/.test(t[j])) j++;
      if (VALUE_RELATION_COMMANDS.has(t.slice(i + 1, j)) && numberFollows(t, j, to)) return true;
      i = j - 1;
    }
  }
  return false;
}

/** The range of a line the value scan reads: the anchor columns widened by VALUE_MARGIN_CHARS, at most VALUE_LINE_CHARS. */
function valueWindow(length: number, anchorFrom: number, anchorTo: number): { from: number; to: number } {
  let from = Math.max(0, anchorFrom - VALUE_MARGIN_CHARS);
  let to = Math.min(length, Math.max(anchorFrom, anchorTo) + VALUE_MARGIN_CHARS, from + VALUE_LINE_CHARS);
  // Near an end of the line, the unused margin goes to the other side.
  if (from === 0) to = Math.min(length, Math.max(to, VALUE_LINE_CHARS));
  else if (to === length) from = Math.max(0, Math.min(from, length - VALUE_LINE_CHARS));
  return { from, to };
}

/**
 * Values written within VALUE_WINDOW_LINES of the formula, nearest line first. The
 * work is bounded whatever the lines hold: each line is read only in a window of
 * VALUE_LINE_CHARS characters (around the formula on its own lines, around the
 * cursor's column on the others), at most VALUE_SCAN_CHARS characters are tokenized
 * in all (nearest lines first), and at most MAX_NOTE_VALUES values are kept.
 */
function collectValues(getLine: (n: number) => string, lineCount: number, start: DocPosition, end: DocPosition, cursorColumn: number): LineNoteValue[] {
  const out: LineNoteValue[] = [];
  let budget = VALUE_SCAN_CHARS;
  const scan = (l: number): void => {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a shortcut only: a line outside the document reads as "", a spent budget gives an empty window, a full list a limit of 0; none yields a value
    if (l < 0 || l >= lineCount || budget <= 0 || out.length >= MAX_NOTE_VALUES) return;
    const t = safeLine(getLine, l);
    if (parseFence(t)) return;
    // The formula's own columns on its lines, the cursor's column elsewhere.
    const anchorFrom = l === start.line ? start.character : l > start.line && l <= end.line ? 0 : cursorColumn;
    const anchorTo = l === end.line ? end.character : l >= start.line && l < end.line ? t.length : cursorColumn;
    const window = valueWindow(t.length, anchorFrom, anchorTo);
    const from = window.from;
    const to = Math.min(window.to, from + budget);
    // An empty range (a spent budget) holds no relation either.
    if (!mayHoldValue(t, from, to)) return;
    // extractNoteValues reads VALUE_SCAN_CONTEXT characters past each end, too.
    budget -= to - from + 2 * VALUE_SCAN_CONTEXT;
    for (const v of extractNoteValues(t, { from, to, limit: MAX_NOTE_VALUES - out.length })) out.push({ ...v, line: l });
  };
  const first = start.line;
  const last = end.line;
  for (let l = first; l <= last; l++) scan(l);
  for (let d = 1; d <= VALUE_WINDOW_LINES; d++) {
    scan(first - d);
    scan(last + d);
  }
  return out;
}
