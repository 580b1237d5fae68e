// Number formatting for sizes and compute, in the article's Chinese units
// (万, 亿, 万亿) and in English SI-style units (K, M, B, T).

/**
 * Python's `f"{x:.{digits}e}"`, e.g. 1e10 → "1e+10", 5e10 → "5e+10" (the seed's labels).
 * Python rounds exact binary ties half to even (2.5e11 → "2e+11") where JavaScript's
 * toExponential rounds them up, so ties are detected on the exact decimal expansion.
 */
export function pythonExp(x: number, digits = 0): string {
  // 'Infinity', '-Infinity', 'NaN' → 'inf', '-inf', 'nan'.
  if (!Number.isFinite(x)) return String(x).replace('Infinity', 'inf').toLowerCase();
  let [mantissa, exp] = x.toExponential(digits).split('e');
  // Only a value whose next three digits read 500 can be a tie: any other is rounded alike
  // by both languages, without the long expansion (charts format a value per row).
  if (!nextDigitsMayTie(x, digits)) return withPythonExponent(mantissa, exp);
  const exact = x.toExponential(Math.min(100, digits + 30));
  const [exactMantissa, exactExp] = exact.split('e');
  const rest = exactMantissa
    .replace('-', '')
    .replace('.', '')
    .slice(digits + 1);
  // (The exact expansion's exponent is the rounded one, or one less where rounding up
  // carried, 9.5e9 → "1e+10"; that case keeps a 9, odd, so it is never changed below.)
  const isTie = /^50*$/.test(rest);
  const keptDigits = exactMantissa
    .replace('-', '')
    .replace('.', '')
    .slice(0, digits + 1);
  if (isTie && Number(keptDigits[keptDigits.length - 1]) % 2 === 0) {
    // Round half to even: keep the truncated (even) digits instead of rounding up.
    const sign = exactMantissa.startsWith('-') ? '-' : '';
    mantissa = sign + (digits > 0 ? `${keptDigits[0]}.${keptDigits.slice(1)}` : keptDigits);
    exp = exactExp;
  }
  return withPythonExponent(mantissa, exp);
}

/** Whether the three digits after the kept ones are 500 (a rounding that carries shows 000). */
function nextDigitsMayTie(x: number, digits: number): boolean {
  if (digits + 3 > 100) return true;
  const probe = Math.abs(x).toExponential(digits + 3);
  // "d.ddd…e±x": the kept fraction digits start at 2; the next three follow them.
  return probe.slice(digits + 2, digits + 5) === '500';
}

/** "1.5" and "+9" → "1.5e+09", as Python writes the exponent (two digits at least). */
function withPythonExponent(mantissa: string, exp: string): string {
  const e = Number(exp);
  const sign = e < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** toFixed without trailing zeros (and without the point they leave): a chart formats a count per row, so no regular expression. */
function trimNumber(x: number, maxDecimals: number): string {
  const fixed = x.toFixed(maxDecimals);
  if (!fixed.includes('.')) return fixed;
  let end = fixed.length;
  while (end > 0 && fixed.charCodeAt(end - 1) === 48) end--;
  if (end === fixed.length) return fixed;
  if (fixed.charCodeAt(end - 1) === 46) end--;
  return fixed.slice(0, end);
}

const ZH_UNITS: [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

const EN_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * A count in the reader's units: 1e10 → "100亿" (zh) / "10B" (en); 1e7 → "1000万" / "10M".
 * Chinese uses 万亿 up to 10^16 and falls back to scientific notation beyond.
 */
export function formatCount(x: number, lang: 'en' | 'zh', maxDecimals = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const units = lang === 'zh' ? ZH_UNITS : EN_UNITS;
  const limit = lang === 'zh' ? 1e16 : 1e15;
  if (abs >= limit) return pythonExp(x, 1).replace('.0e', 'e');
  for (const [scale, unit] of units) {
    if (abs >= scale) return `${trimNumber(x / scale, maxDecimals)}${unit}`;
  }
  return trimNumber(x, maxDecimals);
}

/** Parameters: "10B parameters" / "100亿参数". */
export function formatParams(x: number, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `${formatCount(x, lang)}参数` : `${formatCount(x, lang)} parameters`;
}

/** Training tokens: "1.4T tokens" / "1.4万亿 token". */
export function formatTokens(x: number, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `${formatCount(x, lang)} token` : `${formatCount(x, lang)} tokens`;
}

/**
 * A computed number to `digits` significant digits, compact: 0.891, 1.94, 6806,
 * 5.88e23 (scientific from 1e5 up and below 1e-3, without "+" or a zero-padded exponent).
 */
export function formatNumber(x: number, digits = 3): string {
  if (Number.isNaN(x)) return '?';
  if (!Number.isFinite(x)) return x === Infinity ? '∞' : '−∞';
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

/** A given constant without losing its written digits: 406.4, 1.8172, 8.8e13. */
export function formatConstant(x: number): string {
  return formatNumber(x, 6);
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Scientific notation with a proper superscript-free mantissa: 5.76e23 → "5.76 × 10^23". */
export function formatScientific(x: number, digits = 3): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const exp = Math.floor(Math.log10(Math.abs(x)));
  const mantissa = x / Math.pow(10, exp);
  const m = Number(mantissa.toPrecision(digits));
  // toPrecision can round 9.999 up to 10: renormalise.
  if (Math.abs(m) >= 10) return `${trimNumber(m / 10, digits)} × 10^${exp + 1}`;
  return `${trimNumber(m, digits)} × 10^${exp}`;
}

/** Training compute in FLOPs: 5.76e23 → "5.76e23 FLOPs". */
export function formatFlops(x: number, digits = 3): string {
  const [mantissa, exp] = x.toExponential(digits - 1).split('e');
  return `${trimZeros(mantissa)}e${Number(exp)} FLOPs`;
}

/**
 * A number as en-US Intl.NumberFormat writes it (no exponent, a comma every three
 * integer digits, the shortest round-trip digits), without Intl: a page's first
 * Intl.NumberFormat costs 15–22 ms in Chromium (ICU data), a first paint's worth (issue 11).
 */
export function plainDecimal(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (!Number.isFinite(x)) return `${sign}∞`;
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  const whole = exp < 0 ? '0' : digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  // The shortest round-trip digits never end in 0 (zero itself is "0e+0", with no fraction).
  const fraction = exp < 0 ? '0'.repeat(-exp - 1) + digits : digits.slice(exp + 1);
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? `,${grouped}` : '');
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Compute in PF-days (1 PF-day = 8.64e19 FLOPs), to `digits` significant digits. */
export function formatPfDays(flops: number, digits = 3): string {
  return `${plainDecimal(Number((flops / 8.64e19).toPrecision(digits)))} PF-days`;
}

/** Superscript digits for axis labels: 10^12 → "10¹²". */
export function superscriptPower(exp: number): string {
  const map: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };
  return `10${String(exp)
    .split('')
    .map((c) => map[c] ?? c)
    .join('')}`;
}

/** Numbers as a person writes them in a note: 0.076, 1.69, 8.8e13. */
export function formatNoteNumber(x: number): string {
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) {
    const [m, e] = x.toExponential(3).split('e');
    return `${Number(m)}e${Number(e)}`;
  }
  return String(Number(x.toPrecision(4)));
}
