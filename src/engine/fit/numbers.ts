/**
 * Numbers as people write them in tables of runs, read by a hand-written scanner:
 * 1.4e22, 1,000,000, 1.4×10^22, 1.4 \times 10^{22}, 10^22, 70B, 1.4T, 3亿, $1.4e22$.
 *
 * Linear by construction: the cell is cut off at MAX_NUMBER_CELL characters before
 * anything else runs, and the scanner moves forward only (no regular expression, no
 * backtracking), so a hostile 100k-digit cell costs one length check.
 *
 * Thousands separators (the documented rule, README "Fitting"): a comma inside a number
 * is a thousands separator only in the strict pattern 1–3 digits then groups of exactly
 * three ("1,234,567", optionally ".5" after it). Anything else with a comma ("1,5",
 * "12,34") is not a number. Callers that read a comma-delimited CSV see such a number
 * only when the cell was quoted; an unquoted one splits into extra cells, which the
 * row-shape check refuses. A semicolon-delimited file (where a comma is the decimal
 * mark) passes `thousands: false`, so "1,500" is refused there rather than read as 1500.
 */

/** Longest cell read as a number (longer cells are refused before any scanning). */
export const MAX_NUMBER_CELL = 64;

/** Scale words allowed in a header's brackets ("Params (B)") or after a number ("70B"). */
// A null prototype, so that a word such as "constructor" is no scale.
export const SCALES: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    k: 1e3,
    thousand: 1e3,
    thousands: 1e3,
    m: 1e6,
    million: 1e6,
    millions: 1e6,
    b: 1e9,
    g: 1e9,
    billion: 1e9,
    billions: 1e9,
    t: 1e12,
    trillion: 1e12,
    trillions: 1e12,
    万: 1e4,
    亿: 1e8,
    千: 1e3,
    百万: 1e6,
    十亿: 1e9,
    万亿: 1e12,
  }),
);

export interface NumberOptions {
  /** Whether "1,234" is a thousands-separated number (default true). */
  thousands?: boolean;
}

/** How a cell was written: a bare number takes the header's unit, a suffixed one carries its own. */
type NumberForm = 'plain' | 'scientific' | 'suffixed';

export interface ReadNumber {
  value: number;
  form: NumberForm;
}

// Stryker disable next-line ConditionalExpression: undefined >= '0' is false too; the test is there for the type
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
// prepare() has turned every whitespace run into one space.
const isSpace = (c: string | undefined): boolean => c === ' ';

/** A forward-only cursor over a short string. */
class Scanner {
  i = 0;
  constructor(readonly s: string) {}
  peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
  spaces(): void {
    while (isSpace(this.peek())) this.i++;
  }
  digits(): string {
    const from = this.i;
    while (isDigit(this.peek())) this.i++;
    return this.s.slice(from, this.i);
  }
  /** Consumes `word` if it comes next. */
  take(word: string): boolean {
    if (this.s.startsWith(word, this.i)) {
      this.i += word.length;
      return true;
    }
    return false;
  }
}

/**
 * A decimal mantissa: [+-] (digits [. digits] | . digits), with thousands groups when
 * allowed. Returns its text in JavaScript syntax (commas removed), or null.
 */
function mantissa(sc: Scanner, thousands: boolean): string | null {
  let out = '';
  const sign = sc.peek();
  if (sign === '+' || sign === '-') {
    out += sign;
    sc.i++;
  }
  const lead = sc.digits();
  out += lead;
  if (thousands && lead.length >= 1 && lead.length <= 3) {
    // Strict groups of three; a comma followed by anything else ends the number (and the cell is refused).
    while (sc.peek() === ',' && isDigit(sc.peek(1)) && isDigit(sc.peek(2)) && isDigit(sc.peek(3)) && !isDigit(sc.peek(4))) {
      out += sc.s.slice(sc.i + 1, sc.i + 4);
      sc.i += 4;
    }
  }
  let fraction = '';
  if (sc.peek() === '.') {
    sc.i++;
    fraction = sc.digits();
    out += '.' + fraction;
  }
  return lead === '' && fraction === '' ? null : out;
}

/** [eE][+-]digits, or '' when there is none; null when an 'e' starts one that is malformed. */
function exponentPart(sc: Scanner): string | null {
  const c = sc.peek();
  if (c !== 'e' && c !== 'E') return '';
  // "70e" is not a number, but "1e" before a scale word never occurs: e is not a scale.
  let k = 1;
  const sign = sc.peek(k);
  if (sign === '+' || sign === '-') k++;
  if (!isDigit(sc.peek(k))) return null;
  const from = sc.i;
  sc.i += k;
  sc.digits();
  return sc.s.slice(from, sc.i);
}

/** 10 ^ {±digits} after the "10" (caret and optional braces, spaces anywhere). */
/**
 * 10^exp for an integer exp, correctly rounded: Node 24's V8 computes Math.pow(10, 23) as
 * 1.0000000000000001e+23, one ulp off the 1e23 a reader means by "10^23".
 */
export function exactPowerOfTen(exp: number): number {
  return Number(`1e${exp}`);
}

function powerOfTen(sc: Scanner): number | null {
  sc.spaces();
  if (!sc.take('^')) return null;
  sc.spaces();
  const braced = sc.take('{');
  sc.spaces();
  let sign = '';
  if (sc.take('-') || sc.take('−')) sign = '-';
  else sc.take('+');
  const exp = sc.digits();
  if (exp === '') return null;
  sc.spaces();
  if (braced && !sc.take('}')) return null;
  return Number(sign + exp);
}

/** Normalises what the scanner reads: NFKC, '_' and whitespace runs as one space, outer $…$ dropped. */
function prepare(cell: string): string | null {
  let s = cell.trim();
  if (s.length > MAX_NUMBER_CELL) return null;
  s = s.normalize('NFKC');
  let out = '';
  // Stryker disable next-line BooleanLiteral: a space is written only after some text, and out is empty until then
  let space = false;
  for (const ch of s) {
    if (ch === '_' || /\s/.test(ch)) space = true;
    else {
      if (space && out !== '') out += ' ';
      space = false;
      out += ch;
    }
  }
  // A lone "$" becomes "", which no number is.
  if (out.startsWith('$') && out.endsWith('$')) out = out.slice(1, -1).trim();
  return out;
}

/** Reads a number cell (see the file header for the forms), or null when it is not one. */
export function readNumber(cell: string, options: NumberOptions = {}): ReadNumber | null {
  const s = prepare(cell);
  // An empty cell has no mantissa and is refused below.
  if (s === null) return null;
  const thousands = options.thousands !== false;
  const sc = new Scanner(s);
  // 10^22 on its own.
  // "100", "10.5", "10,000": the probe finds no caret and the mantissa reads them.
  if (s.startsWith('10')) {
    const probe = new Scanner(s);
    probe.i = 2;
    const exp = powerOfTen(probe);
    if (exp !== null && probe.done()) return { value: exactPowerOfTen(exp), form: 'scientific' };
  }
  const m = mantissa(sc, thousands);
  if (m === null) return null;
  const e = exponentPart(sc);
  // Stryker disable next-line ConditionalExpression: the cell would go on at its "e", and no scale word starts with e (the scale test below refuses it)
  if (e === null) return null;
  if (sc.done()) return { value: Number(m + e), form: 'plain' };
  sc.spaces();
  // 1.4 × 10^22, 1.4*10^{22}, 1.4 \times 10^22, 1.4 \cdot 10^22 (no exponent on the mantissa).
  if (e === '' && (sc.take('x') || sc.take('X') || sc.take('×') || sc.take('*') || sc.take('·') || sc.take('\\times') || sc.take('\\cdot'))) {
    sc.spaces();
    if (!sc.take('10')) return null;
    const exp = powerOfTen(sc);
    if (exp === null || !sc.done()) return null;
    return { value: Number(m) * exactPowerOfTen(exp), form: 'scientific' };
  }
  // 70B, 1.4 T, 3亿, 2.5 billion: the rest of the cell is one scale word, or no number.
  const scale = SCALES[s.slice(sc.i).toLowerCase()];
  return scale === undefined ? null : { value: Number(m + e) * scale, form: 'suffixed' };
}

/** The number a cell holds, or null (see readNumber). */
export function parseNumber(cell: string, options: NumberOptions = {}): number | null {
  const r = readNumber(cell, options);
  return r && !Number.isNaN(r.value) ? r.value : null;
}
