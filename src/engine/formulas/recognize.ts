// Recognises the scaling-law formulas of the seed article (section 1.3) and their
// published relatives in any spelling the normalizer understands. Works on tokens:
// a small bounded expression parser builds a tree from each plausible start, and
// shape matchers decide which law (if any) the tree is.
//
// Cost is bounded: the tokenizer is linear, each parse attempt is capped in tokens
// and nesting depth, and a whole call shares a step budget proportional to its
// token count. recognizeAt only looks at a window around the column.

import { GREEK_LETTER, isGreekName, tokenize, type Token } from './normalize';

export type FormulaKind =
  /** L(C) ≈ (C₀/C)^α, the seed's 1.3.1 and Kaplan's L(C_min). */
  | 'loss-compute'
  /** L(N) = (N_c/N)^α_N (Kaplan 2020). */
  | 'loss-params'
  /** L(D) = (D_c/D)^α_D (Kaplan 2020). */
  | 'loss-data'
  /** L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞, the seed's 1.3.2. */
  | 'loss-additive'
  /** L(N,D) = E + A/N^α + B/D^β (Hoffmann 2022). */
  | 'loss-chinchilla'
  /** L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D (Kaplan 2020). */
  | 'loss-kaplan-nd'
  /** C ≈ 6ND. */
  | 'compute-flops';

export const FORMULA_KINDS: readonly FormulaKind[] = [
  'loss-compute',
  'loss-params',
  'loss-data',
  'loss-additive',
  'loss-chinchilla',
  'loss-kaplan-nd',
  'compute-flops',
];

/**
 * What a symbol does in its formula, independent of how it is spelled: the scale
 * of a ratio is `N_0` whether the note writes N₀ or N_c, the exponent of
 * L(C) is `alpha` whether written α or α_C.
 */
export type SymbolRole =
  | 'L'
  | 'C'
  | 'N'
  | 'D'
  | 'C_0'
  | 'N_0'
  | 'D_0'
  | 'alpha'
  | 'alpha_N'
  | 'alpha_D'
  | 'beta'
  | 'L_inf'
  | 'E'
  | 'A'
  | 'B'
  /** The 6 of C ≈ 6ND. */
  | 'k';

export interface FormulaSymbol {
  role: SymbolRole;
  /** Canonical key of the spelling: "alpha_N", "N_c", "C_0", "L_inf"; the role for numbers. */
  key: string;
  /** How to show it: "α_N", "N_c", "C₀", "L∞", or the number as written. */
  label: string;
  /** Source range [start, end) in the recogniser's input. */
  start: number;
  end: number;
  /** Set when the formula writes a number in this place. */
  value?: number;
}

export interface Recognition {
  kind: FormulaKind;
  /** Range [start, end) of the formula in the input (from the L of L(…) when written). */
  start: number;
  end: number;
  /** The formula as written: input.slice(start, end). */
  text: string;
  /** The relation after a left-hand side: "=", "≈" or "∝"; undefined for a bare right-hand side. */
  relation?: '=' | '≈' | '∝';
  /** Numbers written in the formula, by role (e.g. { E: 1.69, A: 406.4, alpha: 0.34 }). */
  params: Partial<Record<SymbolRole, number>>;
  /** Every symbol and written number, in source order. */
  symbols: FormulaSymbol[];
}

export interface RecognizeContext {
  /** Characters considered each side of the column (default 1000): huge lines cost no more. */
  window?: number;
  /** Also match a column just after the formula's last character (for a following cursor). */
  inclusiveEnd?: boolean;
}

// ---------------------------------------------------------------------------
// Symbol spelling helpers (shared with values.ts)

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const VAR_SUBSCRIPTS: ReadonlySet<string> = new Set(['min', 'opt']);

/** Canonical key for a symbol spelling: alpha_n → alpha_N, N_C → N_c, L_∞ → L_inf. */
export function symbolKey(base: string, sub?: string): string {
  if (sub === undefined || sub === '') return base;
  let s = sub;
  if (isLatin(s)) s = isGreekName(base) ? s.toUpperCase() : s.toLowerCase();
  else if (s.length > 1 && !isGreekName(s)) s = s.toLowerCase();
  return `${base}_${s}`;
}

/** Display label: α_N, C₀, L∞, N_c, C_c^min. */
export function symbolLabel(base: string, sub?: string): string {
  const b = GREEK_LETTER[base] ?? base;
  if (sub === undefined || sub === '') return b;
  if (sub === 'inf') return `${b}∞`;
  if (isDigits(sub)) {
    let out = b;
    for (const d of sub) out += SUBSCRIPT_DIGITS[d.charCodeAt(0) - 48];
    return out;
  }
  const comma = sub.indexOf(',');
  const showSub = (x: string): string => GREEK_LETTER[x] ?? x;
  if (comma > 0 && VAR_SUBSCRIPTS.has(sub.slice(comma + 1))) return `${b}_${showSub(sub.slice(0, comma))}^${showSub(sub.slice(comma + 1))}`;
  return `${b}_${showSub(sub)}`;
}

function isLatin(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 1 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

function isDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}

// ---------------------------------------------------------------------------
// Expression trees

interface Span {
  s: number;
  e: number;
}
interface NumNode extends Span {
  t: 'num';
  v: number;
}
interface SymNode extends Span {
  t: 'sym';
  base: string;
  sub?: string;
}
interface GrpNode extends Span {
  t: 'grp';
  x: Node;
}
interface NegNode extends Span {
  t: 'neg';
  x: Node;
}
interface BinNode extends Span {
  t: 'bin';
  op: '+' | '-' | '*' | '/' | '^';
  l: Node;
  r: Node;
  implicit?: boolean;
}
type Node = NumNode | SymNode | GrpNode | NegNode | BinNode;

/** Shared by all parse attempts of one call, so the whole call is bounded. */
interface Budget {
  left: number;
}

// Real formulas stay far inside these bounds (the LaTeX of Kaplan's L(N,D) is ~60
// tokens, nesting 6); they exist so that hostile input costs little per attempt.
const MAX_DEPTH = 16;
const MAX_TOKENS_PER_FORMULA = 160;
const MAX_IMPLICIT_FACTORS = 3;
/** The longest law has 3 terms (4 with a stray one to cut off). */
const MAX_TERMS = 4;
const MAX_FACTORS = 6;
const MAX_POWERS = 3;

/**
 * A recursive-descent parser over tokens[start…]. Failed branches return undefined
 * and the caller keeps the longest valid prefix, so "(C₀/C)^α + …junk" still yields
 * the power law. Nesting deeper than MAX_DEPTH fails instead of recursing further.
 */
class Parser {
  pos: number;
  private depth = 0;
  private readonly limit: number;

  constructor(
    private readonly toks: readonly Token[],
    start: number,
    private readonly budget: Budget,
  ) {
    this.pos = start;
    this.limit = Math.min(toks.length, start + MAX_TOKENS_PER_FORMULA);
  }

  peek(k = 0): Token | undefined {
    const i = this.pos + k;
    return i < this.limit ? this.toks[i] : undefined;
  }

  private take(): Token | undefined {
    if (this.budget.left <= 0) return undefined;
    this.budget.left--;
    const t = this.peek();
    // Stryker disable next-line ConditionalExpression: a position past the end reads as the end (peek() and the limit), and no caller reads pos after taking nothing
    if (t !== undefined) this.pos++;
    return t;
  }

  /** The next token if it is one of `ops` (only operators are spelled + - * / ^ _). */
  private peekOp(...ops: string[]): Token | undefined {
    const t = this.peek();
    return t !== undefined && ops.includes(t.text) ? t : undefined;
  }

  sum(): Node | undefined {
    let l = this.product();
    if (l === undefined) return undefined;
    // With the budget spent take() refuses and so does every primary, so r is
    // undefined whenever the operator could not be taken.
    for (let terms = 1; terms < MAX_TERMS; terms++) {
      const op = this.peekOp('+', '-');
      if (op === undefined) break;
      const save = this.pos;
      this.take();
      const r = this.product();
      if (r === undefined) {
        this.pos = save;
        return l;
      }
      l = { t: 'bin', op: op.text === '+' ? '+' : '-', l, r, s: l.s, e: r.e };
    }
    return l;
  }

  private product(): Node | undefined {
    let l = this.unary();
    if (l === undefined) return undefined;
    let implicit = 0;
    for (let factors = 1; factors < MAX_FACTORS; factors++) {
      const t = this.peek();
      const save = this.pos;
      const op = this.peekOp('*', '/');
      if (op !== undefined) {
        this.take();
        const r = this.unary();
        if (r === undefined) {
          this.pos = save;
          return l;
        }
        l = { t: 'bin', op: op.text === '*' ? '*' : '/', l, r, s: l.s, e: r.e };
      } else if (
        // Juxtaposition (6ND, A N^{-α}) only after a number or a plain symbol, and only
        // before a single Latin letter: prose after a formula is never absorbed.
        t !== undefined &&
        isLatin(t.text) &&
        implicit < MAX_IMPLICIT_FACTORS &&
        // Stryker disable next-line ConditionalExpression: only a BinNode has implicit set
        (l.t === 'num' || l.t === 'sym' || (l.t === 'bin' && l.implicit === true))
      ) {
        const r = this.power();
        if (r === undefined) {
          this.pos = save;
          return l;
        }
        l = { t: 'bin', op: '*', l, r, s: l.s, e: r.e, implicit: true };
        implicit++;
      } else return l;
    }
    return l;
  }

  private unary(): Node | undefined {
    const t = this.peekOp('-', '+');
    if (t !== undefined) {
      if (this.depth >= MAX_DEPTH) return undefined;
      this.depth++;
      this.take();
      const x = this.unary();
      this.depth--;
      if (x === undefined) return undefined;
      return t.text === '-' ? { t: 'neg', x, s: t.start, e: x.e } : x;
    }
    return this.power();
  }

  private power(): Node | undefined {
    let b = this.primary();
    if (b === undefined) return undefined;
    for (let n = 0; n < MAX_POWERS && this.peekOp('^') !== undefined; n++) {
      const save = this.pos;
      this.take();
      const x = this.exponent();
      if (x === undefined) {
        this.pos = save;
        return b;
      }
      b = { t: 'bin', op: '^', l: b, r: x, s: b.s, e: x.e };
    }
    return b;
  }

  /** An exponent is one signed atom (α_N, 0.34, (α_N/α_D)), not a whole expression. */
  private exponent(): Node | undefined {
    const t = this.peekOp('-', '+');
    if (t !== undefined) {
      this.take();
      const x = this.primary();
      if (x === undefined) return undefined;
      return t.text === '-' ? { t: 'neg', x, s: t.start, e: x.e } : x;
    }
    return this.primary();
  }

  primary(): Node | undefined {
    // Every successful primary consumes a token (take() refuses once the budget is
    // spent, and then the primary fails), so no loop above can spin in place.
    const t = this.peek();
    if (t === undefined) return undefined;
    if (t.kind === 'num') {
      if (this.take() === undefined) return undefined;
      const v = t.value ?? Number.NaN;
      return Number.isFinite(v) ? { t: 'num', v, s: t.start, e: t.end } : undefined;
    }
    if (t.kind === 'id' && t.text !== 'inf') return this.symbol();
    if (t.kind === 'open') {
      if (this.depth >= MAX_DEPTH) return undefined;
      this.depth++;
      // Refused, the bracket's first primary refuses too.
      this.take();
      const x = this.sum();
      const close = this.peek();
      this.depth--;
      if (x === undefined || close === undefined || close.kind !== 'close' || (t.text === '[') !== (close.text === ']')) {
        return undefined;
      }
      if (this.take() === undefined) return undefined;
      return { t: 'grp', x, s: t.start, e: close.end };
    }
    return undefined;
  }

  /**
   * A symbol with its subscript: C₀, C_0, C0, α_N, \alpha_{N}, L∞, L_\infty, C_c^{min}.
   * Callers have checked that the token is an id.
   */
  symbol(): SymNode | undefined {
    const t = this.take();
    if (t === undefined) return undefined;
    let sub: string | undefined;
    let end = t.end;
    const next = this.peek();
    if (this.peekOp('_') !== undefined) {
      this.take();
      const a = this.peek();
      if (a === undefined) return undefined;
      if (a.kind === 'id' || a.kind === 'num' || a.kind === 'word') {
        if (this.take() === undefined) return undefined;
        sub = a.text;
        end = a.end;
      } else if (a.kind === 'open') {
        this.take();
        let text = '';
        for (let n = 0; ; n++) {
          const b = this.take();
          if (b === undefined || n > 8) return undefined;
          if (b.kind === 'close') {
            end = b.end;
            break;
          }
          if (b.kind !== 'id' && b.kind !== 'num' && b.kind !== 'word' && b.kind !== 'sep') return undefined;
          text += b.text;
        }
        if (text === '') return undefined;
        sub = text;
      } else return undefined;
    } else if (next !== undefined && !next.gap && isLatin(t.text)) {
      // L∞ and the ASCII shorthand C0, N0, D0 (no space between letter and index).
      if (next.text === 'inf') {
        this.take();
        sub = 'inf';
        end = next.end;
      } else if (isDigits(next.text) && next.text.length <= 2) {
        this.take();
        sub = next.text;
        end = next.end;
      }
    }
    // Kaplan's C_c^min, α_C^min: a "min"/"opt" superscript is part of the name.
    if (this.peekOp('^') !== undefined) {
      const w = this.peek(1);
      const w2 = this.peek(2);
      const w3 = this.peek(3);
      // Only words are spelled "min" or "opt".
      if (w !== undefined && VAR_SUBSCRIPTS.has(w.text)) {
        this.pos += 2;
        sub = sub === undefined ? w.text : `${sub},${w.text}`;
        end = w.end;
      } else if (w?.kind === 'open' && w2 !== undefined && VAR_SUBSCRIPTS.has(w2.text) && w3?.kind === 'close') {
        this.pos += 4;
        sub = sub === undefined ? w2.text : `${sub},${w2.text}`;
        end = w3.end;
      }
    }
    return { t: 'sym', base: t.text, sub, s: t.start, e: end };
  }
}

// ---------------------------------------------------------------------------
// Shapes

type Letter = 'C' | 'N' | 'D';
const LETTERS: readonly Letter[] = ['C', 'N', 'D'];

interface Assign {
  role: SymbolRole;
  node: Node;
}

interface Match {
  kind: FormulaKind;
  assigns: Assign[];
  end: number;
}

function isBin(n: Node, op: BinNode['op']): n is BinNode {
  // Stryker disable next-line ConditionalExpression: only a BinNode has an op, so the op test alone decides
  return n.t === 'bin' && n.op === op;
}

function strip(n: Node): Node {
  let x = n;
  while (x.t === 'grp') x = x.x;
  return x;
}

/**
 * The value of a subtree made only of numbers ("8.8 × 10^13", "(0.076)"), so a
 * constant may be written as an expression; undefined when a symbol is involved.
 */
function constValue(n: Node): number | undefined {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'grp':
      return constValue(n.x);
    case 'neg': {
      const v = constValue(n.x);
      // Stryker disable next-line ConditionalExpression: -undefined is NaN, and no role takes a negated node, whose every test (> 0, < 1) NaN fails as the symbol branch does
      return v === undefined ? undefined : -v;
    }
    case 'bin': {
      // A symbol's NaN goes through the arithmetic and fails the finiteness test.
      const l = constValue(n.l) ?? NaN;
      const r = constValue(n.r) ?? NaN;
      const v = n.op === '+' ? l + r : n.op === '-' ? l - r : n.op === '*' ? l * r : n.op === '/' ? l / r : l ** r;
      return Number.isFinite(v) ? v : undefined;
    }
  }
  // A symbol has no value.
  return undefined;
}

function isVar(n: Node, letter: string): n is SymNode {
  // Stryker disable next-line ConditionalExpression: only a SymNode has a base
  return n.t === 'sym' && n.base === letter && (n.sub === undefined || VAR_SUBSCRIPTS.has(n.sub.toLowerCase()));
}

function isScale(n: Node, letter: string): boolean {
  const v = constValue(n);
  if (v !== undefined) return v > 0;
  // Stryker disable next-line ConditionalExpression: only a SymNode has a base
  return n.t === 'sym' && n.base === letter && n.sub !== undefined && !VAR_SUBSCRIPTS.has(n.sub.toLowerCase()) && n.sub !== 'inf';
}

/** Power-law exponents are a Greek symbol or a number in (0, 1). */
function isExponent(n: Node): boolean {
  const v = constValue(n);
  if (v !== undefined) return v > 0 && v < 1;
  // Stryker disable next-line ConditionalExpression: only a SymNode has a base, and isGreekName(undefined) is false
  return n.t === 'sym' && isGreekName(n.base) && n.base !== 'pi';
}

function isCoefficient(n: Node): boolean {
  const v = constValue(n);
  if (v !== undefined) return v > 0;
  return n.t === 'sym' && isLatin(n.base) && !'CNDL'.includes(n.base);
}

function isIrreducible(n: Node): boolean {
  const v = constValue(n);
  if (v !== undefined) return v > 0;
  // Stryker disable next-line ConditionalExpression: only a SymNode has a base, tested next
  if (n.t !== 'sym') return false;
  if (n.base === 'E') return n.sub === undefined;
  return n.base === 'L' && (n.sub === 'inf' || n.sub === '0');
}

interface RatioPow {
  letter: Letter;
  scale?: Node;
  variable: Node;
  exponent: Node;
}

/** (X₀/X)^α, or (X/X₀)^(-α). */
function ratioPow(node: Node): RatioPow | undefined {
  const n = strip(node);
  if (!isBin(n, '^')) return undefined;
  const b = strip(n.l);
  const x = strip(n.r);
  if (!isBin(b, '/')) return undefined;
  const num = strip(b.l);
  const den = strip(b.r);
  for (const letter of LETTERS) {
    if (isVar(den, letter) && isScale(num, letter) && isExponent(x)) return { letter, scale: num, variable: den, exponent: x };
    if (isVar(num, letter) && isScale(den, letter) && x.t === 'neg' && isExponent(strip(x.x))) {
      return { letter, scale: den, variable: num, exponent: strip(x.x) };
    }
  }
  return undefined;
}

/** X^(-α) with no scale, accepted only after a left-hand side (L ∝ C^-α). */
function scaleFreePow(node: Node): RatioPow | undefined {
  const n = strip(node);
  if (!isBin(n, '^')) return undefined;
  const b = strip(n.l);
  const x = strip(n.r);
  if (x.t !== 'neg' || !isExponent(strip(x.x))) return undefined;
  for (const letter of LETTERS) if (isVar(b, letter)) return { letter, variable: b, exponent: strip(x.x) };
  return undefined;
}

interface ChinTerm {
  coef: Node;
  variable: Node;
  exponent: Node;
}

/** A/N^α, or A·N^(-α). */
function chinchillaTerm(node: Node, letter: Letter): ChinTerm | undefined {
  const n = strip(node);
  // The operator (/ or *) is checked with the exponent's sign below.
  if (n.t !== 'bin') return undefined;
  const coef = strip(n.l);
  const p = strip(n.r);
  if (!isCoefficient(coef) || !isBin(p, '^')) return undefined;
  const v = strip(p.l);
  const x = strip(p.r);
  if (!isVar(v, letter)) return undefined;
  if (n.op === '/' && isExponent(x)) return { coef, variable: v, exponent: x };
  if (n.op === '*' && x.t === 'neg' && isExponent(strip(x.x))) return { coef, variable: v, exponent: strip(x.x) };
  return undefined;
}

/** [(N_c/N)^(α_N/α_D) + D_c/D]^α_D */
function kaplanNd(node: Node): Assign[] | undefined {
  const n = strip(node);
  if (!isBin(n, '^') || !isExponent(strip(n.r))) return undefined;
  const inner = strip(n.l);
  if (!isBin(inner, '+')) return undefined;
  for (const [a, b] of [
    [inner.l, inner.r],
    [inner.r, inner.l],
  ] as const) {
    const tn = strip(a);
    const td = strip(b);
    if (!isBin(tn, '^') || !isBin(td, '/')) continue;
    const ratio = strip(tn.l);
    const ex = strip(tn.r);
    if (!isBin(ratio, '/') || !isBin(ex, '/')) continue;
    const [nScale, nVar, aN, aD, dScale, dVar] = [strip(ratio.l), strip(ratio.r), strip(ex.l), strip(ex.r), strip(td.l), strip(td.r)];
    if (!isScale(nScale, 'N') || !isVar(nVar, 'N') || !isExponent(aN) || !isExponent(aD)) continue;
    if (!isScale(dScale, 'D') || !isVar(dVar, 'D')) continue;
    return [
      { role: 'N_0', node: nScale },
      { role: 'N', node: nVar },
      { role: 'alpha_N', node: aN },
      { role: 'alpha_D', node: aD },
      { role: 'D_0', node: dScale },
      { role: 'D', node: dVar },
      { role: 'alpha_D', node: strip(n.r) },
    ];
  }
  return undefined;
}

const SINGLE_KIND: Readonly<Record<Letter, FormulaKind>> = { C: 'loss-compute', N: 'loss-params', D: 'loss-data' };
const SINGLE_ROLES: Readonly<Record<Letter, readonly [SymbolRole, SymbolRole, SymbolRole]>> = {
  C: ['C_0', 'C', 'alpha'],
  N: ['N_0', 'N', 'alpha_N'],
  D: ['D_0', 'D', 'alpha_D'],
};

function ratioAssigns(rp: RatioPow, roles: readonly [SymbolRole, SymbolRole, SymbolRole]): Assign[] {
  const out: Assign[] = [];
  if (rp.scale !== undefined) out.push({ role: roles[0], node: rp.scale });
  out.push({ role: roles[1], node: rp.variable }, { role: roles[2], node: rp.exponent });
  return out;
}

function flatten(node: Node, op: '+' | '*'): Node[] {
  // Left-associative trees: walk down the left spine iteratively (no deep recursion).
  // Stryker disable next-line ArrayDeclaration: a stray non-node at the end matches no shape, so only prefixes of the real terms or factors can match
  const rights: Node[] = [];
  let n = node;
  while (isBin(n, op)) {
    rights.push(n.r);
    n = n.l;
  }
  rights.push(n);
  return rights.reverse();
}

/** Matches a sum of terms against the additive shapes. */
function matchTerms(terms: readonly Node[], hasLhs: boolean): Omit<Match, 'end'> | undefined {
  if (terms.length === 1) {
    const t = terms[0];
    const k = kaplanNd(t);
    if (k) return { kind: 'loss-kaplan-nd', assigns: k };
    const rp = ratioPow(t) ?? (hasLhs ? scaleFreePow(t) : undefined);
    if (rp) return { kind: SINGLE_KIND[rp.letter], assigns: ratioAssigns(rp, SINGLE_ROLES[rp.letter]) };
    return undefined;
  }
  let irreducible: Node | undefined;
  const ratios = new Map<Letter, RatioPow>();
  const chins = new Map<'N' | 'D', ChinTerm>();
  for (const term of terms) {
    const rp = ratioPow(term);
    if (rp && !ratios.has(rp.letter)) {
      ratios.set(rp.letter, rp);
      continue;
    }
    const cn = chins.has('N') ? undefined : chinchillaTerm(term, 'N');
    if (cn) {
      chins.set('N', cn);
      continue;
    }
    const cd = chins.has('D') ? undefined : chinchillaTerm(term, 'D');
    if (cd) {
      chins.set('D', cd);
      continue;
    }
    if (irreducible === undefined && isIrreducible(strip(term))) {
      irreducible = strip(term);
      continue;
    }
    return undefined;
  }
  const n = chins.get('N');
  const d = chins.get('D');
  if (n && d && ratios.size === 0) {
    const assigns: Assign[] = [];
    if (irreducible) assigns.push({ role: 'E', node: irreducible });
    assigns.push(
      { role: 'A', node: n.coef },
      { role: 'N', node: n.variable },
      { role: 'alpha', node: n.exponent },
      { role: 'B', node: d.coef },
      { role: 'D', node: d.variable },
      { role: 'beta', node: d.exponent },
    );
    return { kind: 'loss-chinchilla', assigns };
  }
  if (chins.size > 0) return undefined;
  const rn = ratios.get('N');
  const rd = ratios.get('D');
  if (rn && rd && ratios.size === 2) {
    const assigns = [...ratioAssigns(rn, SINGLE_ROLES.N), ...ratioAssigns(rd, SINGLE_ROLES.D)];
    if (irreducible) assigns.push({ role: 'L_inf', node: irreducible });
    return { kind: 'loss-additive', assigns };
  }
  if (ratios.size === 1 && irreducible) {
    const [rp] = [...ratios.values()];
    return { kind: SINGLE_KIND[rp.letter], assigns: [...ratioAssigns(rp, SINGLE_ROLES[rp.letter]), { role: 'L_inf', node: irreducible }] };
  }
  return undefined;
}

/** Longest prefix of the sum's terms that is a known law. */
function matchRhs(rhs: Node, hasLhs: boolean): Match | undefined {
  const terms = flatten(rhs, '+');
  for (let n = Math.min(terms.length, MAX_TERMS); n >= 1; n--) {
    const m = matchTerms(terms.slice(0, n), hasLhs);
    if (m) return { ...m, end: terms[n - 1].e };
  }
  return undefined;
}

/** 6ND in any order and spelling (6·N·D, 6 N D); extra trailing factors are left out. */
function matchFlops(rhs: Node): Match | undefined {
  const first = flatten(rhs, '+')[0];
  const three = flatten(strip(first), '*').map(strip).slice(0, 3);
  // Stryker disable next-line ConditionalExpression: only a NumNode has v; undefined > 0 is false
  const k = three.find((f) => f.t === 'num' && f.v > 0 && f.v < 100);
  const n = three.find((f) => isVar(f, 'N'));
  const d = three.find((f) => isVar(f, 'D'));
  if (!k || !n || !d) return undefined;
  return {
    kind: 'compute-flops',
    assigns: [
      { role: 'k', node: k },
      { role: 'N', node: n },
      { role: 'D', node: d },
    ],
    end: three[2].e,
  };
}

// ---------------------------------------------------------------------------
// Scanning

interface Lhs {
  assigns: Assign[];
  relation: '=' | '≈' | '∝';
  start: number;
}

// An attempt has a "^" or a relation ahead of it (scan's reach) and reads no further
// than the first token that does not belong where it is, so the peek() of a left-hand
// side or of the relation after "C" never runs off the end of the tokens.

function relationOf(t: Token | undefined): Lhs['relation'] | undefined {
  // Stryker disable next-line ConditionalExpression: see above
  if (t === undefined || t.kind !== 'rel') return undefined;
  return t.text === '≈' ? '≈' : t.text === '∝' ? '∝' : '=';
}

/** L, L(C), L(N, D), L_{N,D} followed by a relation. */
function parseLossLhs(p: Parser): Lhs | undefined {
  const l = p.symbol();
  // The caller starts here only at an "L".
  if (l === undefined || l.sub === 'inf' || l.sub === '0') return undefined;
  const assigns: Assign[] = [{ role: 'L', node: l }];
  // Stryker disable next-line OptionalChaining: see above relationOf
  if (p.peek()?.text === '(') {
    p.pos++;
    for (let n = 0; ; n++) {
      // Stryker disable next-line OptionalChaining: see above relationOf
      const arg = p.peek()?.kind === 'id' ? p.symbol() : undefined;
      if (arg === undefined || n >= 3) return undefined;
      if (isVar(arg, 'C') || isVar(arg, 'N') || isVar(arg, 'D')) assigns.push({ role: arg.base as Letter, node: arg });
      const t = p.peek();
      p.pos++;
      // Only a closing bracket is spelled ")".
      // Stryker disable next-line OptionalChaining: see above relationOf
      if (t?.text === ')') break;
      // Stryker disable next-line OptionalChaining: see above relationOf
      if (t?.kind !== 'sep') return undefined;
    }
  }
  const relation = relationOf(p.peek());
  if (relation === undefined) return undefined;
  p.pos++;
  return { assigns, relation, start: l.s };
}

/** ∞ may start an attempt too; the parser refuses it as an operand. */
function canStart(t: Token): boolean {
  return t.kind === 'id' || t.kind === 'num' || t.kind === 'open';
}

/** A formula does not start right after an operator that still wants its operand. */
function isCandidate(tokens: readonly Token[], i: number): boolean {
  if (!canStart(tokens[i])) return false;
  const prev = tokens[i - 1];
  return !(prev !== undefined && prev.kind === 'op' && prev.text !== '+');
}

interface Attempt {
  match: Match;
  start: number;
  relation?: Lhs['relation'];
}

function attemptAt(tokens: readonly Token[], i: number, budget: Budget): Attempt | undefined {
  const t = tokens[i];
  // Only an id is spelled with one Latin letter.
  if (t.text === 'L') {
    const p = new Parser(tokens, i, budget);
    const lhs = parseLossLhs(p);
    const rhs = lhs ? p.sum() : undefined;
    const m = lhs && rhs ? matchRhs(rhs, true) : undefined;
    if (lhs && m) return { match: { ...m, assigns: [...lhs.assigns, ...m.assigns] }, start: lhs.start, relation: lhs.relation };
  }
  if (t.text === 'C') {
    const p = new Parser(tokens, i, budget);
    const c = p.symbol();
    const relation = relationOf(p.peek());
    if (c && isVar(c, 'C') && relation !== undefined && relation !== '∝') {
      p.pos++;
      const rhs = p.sum();
      const m = rhs ? matchFlops(rhs) : undefined;
      if (m) return { match: { ...m, assigns: [{ role: 'C', node: c }, ...m.assigns] }, start: c.s, relation };
    }
  }
  const rhs = new Parser(tokens, i, budget).sum();
  const m = rhs ? matchRhs(rhs, false) : undefined;
  return m ? { match: m, start: t.start } : undefined;
}

function build(text: string, a: Attempt): Recognition {
  const params: Partial<Record<SymbolRole, number>> = {};
  const symbols: FormulaSymbol[] = [];
  for (const { role, node } of a.match.assigns) {
    const value = constValue(node);
    if (value !== undefined) {
      if (params[role] === undefined) params[role] = value;
      symbols.push({ role, key: role, label: text.slice(node.s, node.e), start: node.s, end: node.e, value });
      continue;
    }
    // Stryker disable next-line ConditionalExpression: every role is matched to a constant or a symbol
    if (node.t === 'sym') symbols.push({ role, key: symbolKey(node.base, node.sub), label: symbolLabel(node.base, node.sub), start: node.s, end: node.e });
  }
  symbols.sort((x, y) => x.start - y.start);
  const rec: Recognition = {
    kind: a.match.kind,
    start: a.start,
    end: a.match.end,
    text: text.slice(a.start, a.match.end),
    params,
    symbols,
  };
  if (a.relation !== undefined) rec.relation = a.relation;
  return rec;
}

/** The steps (tokens taken by the parser) one call may spend on `tokenCount` tokens. */
function defaultBudget(tokenCount: number): Budget {
  return { left: 24 * tokenCount + 2048 };
}

function scan(text: string, tokens: readonly Token[], budget: Budget): Recognition[] {
  const out: Recognition[] = [];
  // Every loss law has a power in it: attempts start only within reach of a "^"
  // (or at "C =" for C ≈ 6ND), so long runs of brackets or prose cost nothing.
  const nextPower = new Int32Array(tokens.length + 1).fill(tokens.length + MAX_TOKENS_PER_FORMULA);
  for (let k = tokens.length - 1; k >= 0; k--) nextPower[k] = tokens[k].text === '^' ? k : nextPower[k + 1];
  let i = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with the budget spent every attempt fails at its first take(), so going on finds nothing
  while (i < tokens.length && budget.left > 0) {
    const t = tokens[i];
    const reach = nextPower[i] - i < MAX_TOKENS_PER_FORMULA || (t.text === 'C' && tokens[i + 1]?.kind === 'rel');
    const a = reach && isCandidate(tokens, i) ? attemptAt(tokens, i, budget) : undefined;
    if (a === undefined) {
      i++;
      continue;
    }
    out.push(build(text, a));
    const end = a.match.end;
    while (i < tokens.length && tokens[i].start < end) i++;
  }
  return out;
}

/**
 * A cheap character scan before tokenizing: every law has a power (^, **, a
 * superscript) or a relation (C ≈ 6ND), LaTeX spells both with a backslash. Prose
 * lines without any of these cost one pass over their characters and nothing more.
 */
export function mayHoldFormula(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5e /* ^ */ || c === 0x2a /* * */ || c === 0x3d /* = */ || c === 0x5c /* \ */ || c === 0x7e /* ~ */) return true;
    // Stryker disable next-line ConditionalExpression: a shortcut; every test below needs c ≥ 0xb2
    if (c < 0xb2) continue;
    if (c === 0xb2 || c === 0xb3 || c === 0xb9) return true; // ² ³ ¹
    if ((c >= 0x2070 && c <= 0x207f) || (c >= 0x1d2c && c <= 0x1d6a) || (c >= 0x1d9b && c <= 0x1dbf)) return true; // superscripts
    if ((c >= 0x2b0 && c <= 0x2b8) || (c >= 0x2e1 && c <= 0x2e3)) return true; // modifier letters ʰ ʲ ˡ ˢ ˣ
    if (c === 0x2248 || c === 0x2243 || c === 0x2245 || c === 0x223c || c === 0x221d || c === 0xff1d) return true; // ≈ ≃ ≅ ∼ ∝ ＝
  }
  return false;
}

/** Every formula recognised in `text`, left to right, not overlapping. Never throws. */
export function recognizeAll(text: string): Recognition[] {
  return recognizeAllCounted(text).recognitions;
}

/**
 * recognizeAll with its work counted: the parser steps it spent (one for each token a
 * parse attempt takes; the brackets and commas of a left-hand side, the relation and a
 * "min" superscript are read without one). `steps` replaces the default budget of 24
 * steps a token plus 2048 (the tests use it to reach a budget's end exactly).
 */
export function recognizeAllCounted(text: string, steps?: number): { recognitions: Recognition[]; steps: number } {
  if (typeof text !== 'string' || !mayHoldFormula(text)) return { recognitions: [], steps: 0 };
  const tokens = tokenize(text);
  const budget = steps === undefined ? defaultBudget(tokens.length) : { left: steps };
  const start = budget.left;
  const recognitions = scan(text, tokens, budget);
  return { recognitions, steps: start - budget.left };
}

/**
 * The formula under `column` (a UTF-16 offset into lineText), if any. Only a window
 * of ±context.window characters around the column is read, so a 100 KB line costs
 * the same as a short one; a formula cut by the window edge is not reported.
 */
export function recognizeAt(lineText: string, column: number, context?: RecognizeContext): Recognition | undefined {
  if (typeof lineText !== 'string' || !Number.isFinite(column)) return undefined;
  // A column outside the line is inside no formula: the window search below finds none.
  const col = Math.floor(column);
  const half = Math.max(16, Math.min(context?.window ?? 1000, 100_000));
  const from = Math.max(0, col - half);
  const to = Math.min(lineText.length, col + half);
  const inclusive = context?.inclusiveEnd === true;
  // The pre-scan only saves work: every law needs a "^" token or a relation right after C,
  // and each comes from a character it looks for (checked over U+0000–U+FFFF; the one
  // exception, ₌, is read as a subscript "_ =", which starts no C = 6ND).
  // Stryker disable next-line ConditionalExpression: see above
  if (!mayHoldFormula(lineText, from, to)) return undefined;
  const tokens = tokenize(lineText, from, to);
  for (const r of scan(lineText, tokens, defaultBudget(tokens.length))) {
    if ((from > 0 && r.start <= from) || (to < lineText.length && r.end >= to)) continue;
    if (r.start <= col && (col < r.end || (inclusive && col === r.end))) return r;
  }
  return undefined;
}

/**
 * Reads one symbol spelling (C₀, α_N, L∞, N_c…) at tokens[i], for callers that
 * look for symbols outside formulas (values written in prose).
 */
export function readSymbolAt(tokens: readonly Token[], i: number): { base: string; sub?: string; start: number; end: number; next: number } | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'id' || t.text === 'inf') return undefined;
  // One symbol takes at most 14 tokens: any budget above that, or none, reads the same.
  // Stryker disable next-line ObjectLiteral: see above
  const p = new Parser(tokens, i, { left: 64 });
  const n = p.symbol();
  if (n === undefined) return undefined;
  return { base: n.base, sub: n.sub, start: n.s, end: n.e, next: p.pos };
}

/** The symbol (or written number) of `rec` at `offset`, if any. */
export function symbolAt(rec: Recognition, offset: number): FormulaSymbol | undefined {
  return rec.symbols.find((s) => s.start <= offset && offset < s.end);
}
