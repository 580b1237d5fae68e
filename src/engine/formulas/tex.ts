// A recognised formula as TeX, for the hover's typeset formula. Built from the
// formula's kind and its symbols (as the note spells them, or the numbers it wrote),
// never from the note's raw text: the TeX contains only letters, digits and the few
// commands below, so nothing a note holds can reach the TeX renderer.
import { formatNoteNumber } from '../format';
import { isGreekName } from './normalize';
import type { Recognition, SymbolRole } from './recognize';

function name(part: string): string | undefined {
  if (!/^[A-Za-z0-9]+$/.test(part)) return undefined;
  if (isGreekName(part)) return `\\${part}`;
  if (part === 'inf') return '\\infty';
  return part.length > 1 && !/^\d+$/.test(part) ? `\\mathrm{${part}}` : part;
}

/** A canonical symbol key ("alpha_N", "C_c,min", "L_inf") as TeX, or undefined if it is not plain letters. */
export function keyToTex(key: string): string | undefined {
  const cut = key.indexOf('_');
  // Stryker disable next-line EqualityOperator: at cut = 0 the base is "" or the whole key, and name() refuses both
  const base = name(cut < 0 ? key : key.slice(0, cut));
  // Stryker disable next-line EqualityOperator: at cut = 0 the base is already undefined
  if (base === undefined || cut < 0) return base;
  const subs = key
    .slice(cut + 1)
    .split(',')
    .map(name);
  if (subs.some((s) => s === undefined)) return undefined;
  const sub = subs.join(',');
  return sub.length === 1 ? `${base}_${sub}` : `${base}_{${sub}}`;
}

/** A number as a person writes it, in TeX: 0.076, 8.8\times10^{13}. */
export function numberToTex(x: number): string {
  const [m, e] = formatNoteNumber(x).split('e');
  return e === undefined ? m : `${m === '1' ? '' : `${m}\\times `}10^{${e}}`;
}

function roleTex(role: SymbolRole): string {
  // Every role is plain letters and digits, so keyToTex always gives its TeX.
  return keyToTex(role) ?? role;
}

function ratio(top: string, bottom: string): string {
  return `\\left(\\frac{${top}}{${bottom}}\\right)`;
}

/** TeX for the recognised formula, in its kind's standard shape with the note's spellings and numbers. */
export function formulaTex(rec: Recognition): string {
  const has = (role: SymbolRole): boolean => rec.symbols.some((s) => s.role === role);
  const s = (role: SymbolRole): string => {
    const sym = rec.symbols.find((x) => x.role === role);
    if (sym?.value !== undefined) return numberToTex(sym.value);
    // A role's name is its usual spelling as a key (C_0, alpha_N): the part a law
    // leaves out (the scale of L ∝ C^-α) or a key that is not plain letters.
    return (sym && keyToTex(sym.key)) ?? roleTex(role);
  };
  const rel = rec.relation === '≈' ? '\\approx' : rec.relation === '∝' ? '\\propto' : '=';
  const floor = (role: SymbolRole): string => (has(role) ? ` + ${s(role)}` : '');
  switch (rec.kind) {
    case 'loss-compute':
      return `L(${s('C')}) ${rel} ${ratio(s('C_0'), s('C'))}^{${s('alpha')}}${floor('L_inf')}`;
    case 'loss-params':
      return `L(${s('N')}) ${rel} ${ratio(s('N_0'), s('N'))}^{${s('alpha_N')}}${floor('L_inf')}`;
    case 'loss-data':
      return `L(${s('D')}) ${rel} ${ratio(s('D_0'), s('D'))}^{${s('alpha_D')}}${floor('L_inf')}`;
    case 'loss-additive':
      return `L(${s('N')},${s('D')}) ${rel} ${ratio(s('N_0'), s('N'))}^{${s('alpha_N')}} + ${ratio(s('D_0'), s('D'))}^{${s('alpha_D')}}${floor('L_inf')}`;
    case 'loss-chinchilla':
      return `L(${s('N')},${s('D')}) ${rel} ${has('E') ? `${s('E')} + ` : ''}\\frac{${s('A')}}{${s('N')}^{${s('alpha')}}} + \\frac{${s('B')}}{${s('D')}^{${s('beta')}}}`;
    case 'loss-kaplan-nd':
      return `L(${s('N')},${s('D')}) ${rel} \\left[${ratio(s('N_0'), s('N'))}^{${s('alpha_N')}/${s('alpha_D')}} + \\frac{${s('D_0')}}{${s('D')}}\\right]^{${s('alpha_D')}}`;
    case 'compute-flops':
      return `${s('C')} ${rel} ${s('k')}\\,${s('N')}${s('D')}`;
  }
}
