/**
 * Whether a table's runs can identify the law at all, checked before any fit: a fit on
 * 40 copies of one run, or on a single model size, converges to confident garbage
 * (α ≈ 270) because nothing in the data pins the exponents. Refused with the reason.
 */
import { FORM_PARAMETERS, MIN_RANGE_FACTOR, type DataError, type FitData, type FitForm, type Role } from './data';
import { quoteCell } from './text';

/** The variable a single power law is fitted against: compute, then model size, then tokens. */
export function powerVariable(data: Pick<FitData, 'N' | 'D' | 'C'>): 'N' | 'D' | 'C' {
  return data.C ? 'C' : data.N ? 'N' : 'D';
}

function distinct(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  let count = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) count++;
  return count;
}

function spread(values: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    lo = Math.min(lo, values[i]);
    hi = Math.max(hi, values[i]);
  }
  return hi / lo;
}

function degenerate(row: number, column: string, en: string, zh: string): DataError {
  return { code: 'degenerate', row, column: quoteCell(column), message: { en: `Row ${row} (header): ${en}`, zh: `第 ${row} 行（表头）：${zh}` } };
}

/** The reason the rows cannot identify `form`, or null when they can. */
export function checkDesign(data: FitData, form: FitForm, headerRow: number): DataError | null {
  const n = data.rows;
  const name = (role: Role): string => data.columns[role] ?? role;
  const same = (a: Float64Array | null): boolean => !a || a.every((v) => v === a[0]);
  if (n > 1 && same(data.N) && same(data.D) && same(data.C) && same(data.loss)) {
    return degenerate(
      headerRow,
      '',
      `all ${n} data rows are the same run, so no exponent can be fitted; a fit needs runs of different sizes.`,
      `全部 ${n} 行数据是同一次训练，无法拟合任何指数；拟合需要不同规模的训练。`,
    );
  }
  const checks: { role: Role; values: Float64Array; needed: number }[] = [];
  if (form === 'chinchilla') {
    // parseRecords checked that N and D (read or derived) exist for this form.
    checks.push({ role: 'N', values: data.N as Float64Array, needed: 2 }, { role: data.derived.D ? 'C' : 'D', values: data.D as Float64Array, needed: 2 });
  } else {
    const x = powerVariable(data);
    checks.push({ role: x, values: data[x] as Float64Array, needed: FORM_PARAMETERS.power });
  }
  for (const { role, values, needed } of checks) {
    const column = name(role);
    const k = distinct(values);
    const what = role === 'C' && form === 'chinchilla' ? 'D = C/(6N)' : `"${quoteCell(column)}"`;
    if (k < needed) {
      return degenerate(
        headerRow,
        column,
        `column ${what} has ${k} distinct value${k === 1 ? '' : 's'}; the ${form === 'chinchilla' ? 'Chinchilla form' : 'power law with a floor'} needs at least ${needed}.`,
        `${what} 列只有 ${k} 个不同的值；${form === 'chinchilla' ? 'Chinchilla 形式' : '带下限的幂律'}至少需要 ${needed} 个。`,
      );
    }
    const factor = spread(values);
    if (!(factor >= MIN_RANGE_FACTOR)) {
      return degenerate(
        headerRow,
        column,
        `column ${what} spans only a factor of ${factor.toPrecision(3)} (max/min); an exponent needs at least a factor of ${MIN_RANGE_FACTOR}.`,
        `${what} 列的最大值/最小值只有 ${factor.toPrecision(3)} 倍；确定指数至少需要 ${MIN_RANGE_FACTOR} 倍的范围。`,
      );
    }
  }
  if (form === 'chinchilla') {
    const pairs = new Set<string>();
    const N = data.N as Float64Array;
    const D = data.D as Float64Array;
    for (let i = 0; i < n; i++) pairs.add(`${N[i]},${D[i]}`);
    if (pairs.size < FORM_PARAMETERS.chinchilla) {
      return degenerate(
        headerRow,
        name('N'),
        `only ${pairs.size} distinct (N, D) runs; the Chinchilla form has ${FORM_PARAMETERS.chinchilla} parameters and needs at least as many distinct runs.`,
        `只有 ${pairs.size} 组不同的 (N, D)；Chinchilla 形式有 ${FORM_PARAMETERS.chinchilla} 个参数，至少需要同样多组不同的训练。`,
      );
    }
  }
  return null;
}
