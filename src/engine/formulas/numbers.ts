// How an explanation writes numbers: computed ones to 3 digits, given constants with all their digits.

/** Formats a computed number to 3 significant digits: 0.891, 1.94, 5.88e23. */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '?';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) {
    const [m, e] = x.toExponential(digits - 1).split('e');
    return `${trimZeros(m)}e${e.startsWith('+') ? e.slice(1) : e}`;
  }
  // toPrecision writes 6806 as "6.81e+3" when digits < 4: show the integer instead.
  const p = x.toPrecision(digits);
  return p.includes('e') ? String(Math.round(x)) : trimZeros(p);
}

/** Formats a given constant without losing its written digits: 406.4, 1.8172, 8.8e13. */
export function formatConstant(x: number): string {
  return formatNumber(x, 6);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
