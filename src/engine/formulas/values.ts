// Values written in prose next to a formula: "α = 0.076", "alpha=0.05",
// "N₀ = 8.8e13", "N_0 = 8.8 × 10^13", "E = 1.69", "L∞ = 1.7", "N = 70B". They feed
// the worked example of a hover and the side panel's chart.

import { isGreekName, tokenize, type Token } from './normalize';
import { readSymbolAt, symbolKey, symbolLabel } from './recognize';

export interface NoteValue {
  /** Canonical key of the symbol: "alpha", "alpha_N", "N_0", "N_c", "L_inf", "E". */
  symbol: string;
  /** The symbol as it should be shown: "α", "α_N", "N₀", "L∞". */
  label: string;
  value: number;
  /** Range [start, end) of the whole "symbol = value" in the input. */
  start: number;
  end: number;
  /** Range of the symbol alone. */
  symbolStart: number;
  symbolEnd: number;
  /** A compute unit written after the number ("5.76e23 FLOPs", "3.1e8 PF-days"). */
  unit?: ComputeUnit;
}

export type ComputeUnit = 'FLOPs' | 'PF-days';

/** Spellings of the two compute units, lower-cased, as consecutive tokens run together. */
const UNIT_SPELLINGS: Readonly<Record<string, ComputeUnit>> = {
  flops: 'FLOPs',
  flop: 'FLOPs',
  'pf-days': 'PF-days',
  'pf-day': 'PF-days',
  pfdays: 'PF-days',
  'petaflop-days': 'PF-days',
  'petaflop-day': 'PF-days',
  'petaflop/s-days': 'PF-days',
  'pf/s-days': 'PF-days',
};

/** A compute unit at tokens[i] (its pieces written without spaces), or undefined. Reads at most 6 tokens. */
function readUnit(tokens: readonly Token[], i: number): { unit: ComputeUnit; end: number; next: number } | undefined {
  let text = '';
  let found: { unit: ComputeUnit; end: number; next: number } | undefined;
  const last = Math.min(tokens.length, i + 6);
  for (let j = i; j < last; j++) {
    if (j > i && tokens[j].gap) break;
    text += tokens[j].text.toLowerCase();
    // Own keys only: "constructor" or "__proto__" after a number are no unit.
    if (Object.hasOwn(UNIT_SPELLINGS, text)) found = { unit: UNIT_SPELLINGS[text], end: tokens[j].end, next: j + 1 };
  }
  return found;
}

const SCALE_SUFFIX: Readonly<Record<string, number>> = { K: 1e3, k: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** Symbols a scaling-law note gives values for; anything else ("x = 3") is ignored. */
function isValueSymbol(base: string, sub: string | undefined): boolean {
  if (isGreekName(base)) return true;
  if (base === 'C' || base === 'N' || base === 'D') return true;
  if (base === 'L') return sub === 'inf' || sub === '0';
  if (base === 'E' || base === 'A' || base === 'B') return sub === undefined;
  return false;
}

/** An operator by its text; a lone "*" the tokenizer took for Markdown emphasis counts too ("8.8 *10^13"). */
function isOp(t: Token | undefined, op: string): boolean {
  return t !== undefined && t.text === op;
}

/** A whole number; false for undefined, the value of a token that is not a number. */
const isWhole = (x: number | undefined): x is number => Number.isInteger(x);

/** Reads a (signed) number at i: 8.8e13, 8.8 × 10^13, 8.8·10¹³, 10^{13}, 70B. */
function readNumber(
  tokens: readonly Token[],
  i: number,
  allowSuffix: boolean,
  allowUnit: boolean,
): { value: number; end: number; unit?: ComputeUnit } | undefined {
  let j = i;
  let negative = false;
  if (isOp(tokens[j], '-')) {
    negative = true;
    j++;
  }
  const first = tokens[j];
  // Only a number token has a value.
  if (first?.value === undefined) return undefined;
  let value = first.value;
  let end = first.end;
  j++;
  const power = (k: number): { exp: number; next: number } | undefined => {
    // ^13, ^{13}, ^-3, ^{-3}
    if (!isOp(tokens[k], '^')) return undefined;
    let m = k + 1;
    const braced = tokens[m]?.kind === 'open';
    if (braced) m++;
    let s = 1;
    if (isOp(tokens[m], '-')) {
      s = -1;
      m++;
    }
    const e = tokens[m]?.value;
    if (!isWhole(e)) return undefined;
    m++;
    if (braced) {
      if (tokens[m]?.kind !== 'close') return undefined;
      m++;
    }
    return { exp: s * e, next: m };
  };
  if (first.text === '10') {
    const p = power(j);
    if (p) {
      value = 10 ** p.exp;
      end = tokens[p.next - 1].end;
      j = p.next;
    }
  } else if (isOp(tokens[j], '*') && tokens[j + 1]?.text === '10') {
    const p = power(j + 2);
    if (p) {
      value *= 10 ** p.exp;
      end = tokens[p.next - 1].end;
      j = p.next;
    }
  }
  const suffix = tokens[j];
  if (allowSuffix && suffix !== undefined && !suffix.gap && Object.hasOwn(SCALE_SUFFIX, suffix.text)) {
    value *= SCALE_SUFFIX[suffix.text];
    end = suffix.end;
    j++;
  }
  const unit = allowUnit ? readUnit(tokens, j) : undefined;
  if (unit) {
    end = unit.end;
    j = unit.next;
  }
  // "C ≈ 6ND" or "α = 0.5/β" is an expression, not a value.
  const after = tokens[j];
  if (after !== undefined && (after.kind === 'id' || after.kind === 'open' || after.kind === 'op')) return undefined;
  if (negative) value = -value;
  if (!Number.isFinite(value)) return undefined;
  return unit ? { value, end, unit: unit.unit } : { value, end };
}

/** Bounds for reading only part of a line: a range and a cap on the values kept. */
export interface NoteValueScan {
  /** Values that lie inside text[from, to) only (offsets stay offsets into `text`). */
  from?: number;
  to?: number;
  /** Stop after this many values. */
  limit?: number;
}

/**
 * Characters read past each end of a range, so that the tokens at its edges are read
 * whole ("8.8e1|3", "α|N") and a value touching an edge is judged in its context.
 */
export const VALUE_SCAN_CONTEXT = 64;

/**
 * Every "symbol = number" in `text` (or inside scan.from..scan.to), in order. Linear in
 * the range read; never throws. Past the context around a range, a cut costs a value
 * rather than risk a wrong one: a number with nothing read after it may go on past the
 * cut. (A token cut at the start of what is read starts before the range, so it is
 * outside anyway.)
 */
export function extractNoteValues(text: string, scan: NoteValueScan = {}): NoteValue[] {
  if (typeof text !== 'string') return [];
  const from = Math.max(0, Math.min(scan.from ?? 0, text.length));
  const to = Math.max(from, Math.min(scan.to ?? text.length, text.length));
  const limit = scan.limit ?? Infinity;
  const readFrom = Math.max(0, from - VALUE_SCAN_CONTEXT);
  const readTo = Math.min(text.length, to + VALUE_SCAN_CONTEXT);
  const tokens = tokenize(text, readFrom, readTo);
  const out: NoteValue[] = [];
  for (let i = 0; i < tokens.length && out.length < limit; i++) {
    const prev = tokens[i - 1];
    // "…)^α = 0.89" is an exponent inside a formula, not a value for α. A Latin letter
    // glued to the letter before it is part of a product or a name, not a symbol: the
    // tokenizer splits "NC" and "ND" for 6ND, and "NC = 8.8e13" or "α_ND = 0.3" gives no
    // value for C or D. (Prose glues a subscript only to a Greek letter, "αN" for α_N, read below.)
    if (prev !== undefined && (prev.kind === 'op' || (prev.kind === 'id' && !tokens[i].gap && !isGreekName(tokens[i].text)))) continue;
    const sym = readSymbolAt(tokens, i);
    if (sym === undefined) continue;
    let { sub, next } = sym;
    let symbolEnd = sym.end;
    // Prose often writes αN, αD for α_N, α_D.
    const after = tokens[next];
    if (sub === undefined && isGreekName(sym.base) && after !== undefined && !after.gap && (after.text === 'N' || after.text === 'D' || after.text === 'C')) {
      sub = after.text;
      symbolEnd = after.end;
      next++;
    }
    if (!isValueSymbol(sym.base, sub)) continue;
    const rel = tokens[next];
    // Only an unknown-character token can be a colon.
    const isRel = rel !== undefined && (rel.kind === 'rel' ? rel.text !== '∝' : rel.text === ':' || rel.text === '：');
    if (!isRel) continue;
    const num = readNumber(tokens, next + 1, sym.base === 'N' || sym.base === 'D' || sym.base === 'C', sym.base === 'C');
    if (num === undefined) continue;
    // Outside the range, or possibly cut by the end of what was read: skipped whole, as a value would be.
    const outside = sym.start < from || num.end > to || (readTo < text.length && tokens[tokens.length - 1].end <= num.end);
    if (outside) {
      i = next;
      continue;
    }
    out.push({
      ...(num.unit ? { unit: num.unit } : {}),
      symbol: symbolKey(sym.base, sub),
      label: symbolLabel(sym.base, sub),
      value: num.value,
      start: sym.start,
      end: num.end,
      symbolStart: sym.start,
      symbolEnd,
    });
    i = next;
  }
  return out;
}
