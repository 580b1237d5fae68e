/**
 * Checks an expert runs on a scaling-law fit:
 *
 * - Leverage: the diagonal of the hat matrix H = J (JᵀJ)⁻¹ Jᵀ of the fitted log-loss
 *   with respect to the parameters, at the optimum. A run with h > 2p/n (Hoaglin &
 *   Welsch 1978) pulls the fit towards itself; with a large standardised residual
 *   r / (s·√(1 − h)) (s a robust scale, 1.4826·MAD) it is also poorly fitted.
 * - Which runs to drop: the k highest-loss runs (what Besiroglu et al. 2024 did with
 *   Hoffmann et al.'s data: their notebook keeps the runs with loss below the 5th
 *   largest, 240 of 245), or the k largest |residuals| of the all-rows fit.
 */
import type { ChinchillaParams } from '../laws/powerLaws';

/**
 * Jacobian of ln L̂ = LSE(a − α·ln N, b − β·ln D, e) over [a, b, e, α, β]: with the
 * softmax weights w of the three terms, [w₁, w₂, w₃, −w₁·ln N, −w₂·ln D].
 */
export function chinchillaJacobian(N: ArrayLike<number>, D: ArrayLike<number>, p: ChinchillaParams): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < N.length; i++) {
    const tN = p.A / Math.pow(N[i], p.alpha);
    const tD = p.B / Math.pow(D[i], p.beta);
    const s = tN + tD + p.E;
    const w1 = tN / s;
    const w2 = tD / s;
    out.push([w1, w2, p.E / s, -w1 * Math.log(N[i]), -w2 * Math.log(D[i])]);
  }
  return out;
}

/** Jacobian of ln L̂ for a power law: [1, −ln x] without a floor, [w₁, −w₁·ln x, w₂] with one (over c, α, e). */
export function powerJacobian(x: ArrayLike<number>, fit: { logCoefficient: number; alpha: number; E?: number }): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < x.length; i++) {
    const lx = Math.log(x[i]);
    if (fit.E === undefined || fit.E === 0) out.push([1, -lx]);
    else {
      const t = Math.exp(fit.logCoefficient - fit.alpha * lx);
      const w1 = t / (t + fit.E);
      out.push([w1, -w1 * lx, 1 - w1]);
    }
  }
  return out;
}

/** Rule-of-thumb threshold: leverage above twice the mean 2p/n. */
function leverageThreshold(parameters: number, rows: number): number {
  return (2 * parameters) / rows;
}

/**
 * Solves the p×p system M·x = v by Gaussian elimination; null if singular. M is JᵀJ
 * (symmetric positive semi-definite), where elimination needs no pivoting (Wilkinson)
 * and a zero pivot means M is singular: a PSD matrix with a zero diagonal entry has
 * that row and column zero, so no row swap could help.
 */
function solve(M: number[][], v: number[]): number[] | null {
  const p = v.length;
  const a = M.map((row, i) => [...row, v[i]]);
  for (let c = 0; c < p; c++) {
    if (!(a[c][c] > 0)) return null;
    for (let r = c + 1; r < p; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= p; k++) a[r][k] -= f * a[c][k];
    }
  }
  const x = a.map((row) => row[p]);
  for (let r = p - 1; r >= 0; r--) {
    for (let k = r + 1; k < p; k++) x[r] -= a[r][k] * x[k];
    x[r] /= a[r][r];
  }
  return x;
}

/** Hat-matrix diagonal of the n×p Jacobian `jac` (row-major rows); null when JᵀJ is singular. */
function hatDiagonal(jac: readonly (readonly number[])[], p: number): number[] | null {
  // Columns scaled to unit norm first: log N is ~20 while the weights are ≤ 1, and a
  // column of tiny entries would underflow in JᵀJ. (H does not change under column
  // scaling.) A zero column stays zero and makes M singular.
  const scale = Array.from({ length: p }, (_, k) => {
    let squares = 0;
    for (const row of jac) squares += row[k] * row[k];
    return 1 / Math.sqrt(squares || 1);
  });
  const M = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (const row of jac) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) M[i][j] += row[i] * scale[i] * row[j] * scale[j];
  // (JᵀJ)⁻¹ column by column, then h_i = j_iᵀ (JᵀJ)⁻¹ j_i.
  const inv: number[][] = [];
  for (let c = 0; c < p; c++) {
    const e = new Array<number>(p).fill(0);
    e[c] = 1;
    const col = solve(M, e);
    if (!col) return null;
    inv.push(col);
  }
  return jac.map((row) => {
    let h = 0;
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) h += row[i] * scale[i] * inv[j][i] * row[j] * scale[j];
    return h;
  });
}

/** 1.4826 × the median absolute deviation from the median (a robust σ). */
function robustScale(values: readonly number[]): number {
  const med = (v: number[]): number => {
    const s = [...v].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  };
  const m = med([...values]);
  return 1.4826 * med(values.map((v) => Math.abs(v - m)));
}

export interface PointCheck {
  /** Index into the fitted rows. */
  index: number;
  leverage: number;
  /** ln L − ln L̂. */
  residual: number;
  /** residual / (s·√(1 − h)). */
  standardised: number;
}

/** Rows whose leverage exceeds 2p/n or whose standardised residual exceeds 3 in size; null without rows or when JᵀJ is singular. */
export function flagPoints(
  jac: readonly (readonly number[])[],
  residuals: readonly number[],
): { threshold: number; flagged: PointCheck[]; scale: number } | null {
  const n = jac.length;
  if (n === 0) return null;
  const h = hatDiagonal(jac, jac[0].length);
  if (!h) return null;
  const s = robustScale(residuals);
  const threshold = leverageThreshold(jac[0].length, n);
  const flagged: PointCheck[] = [];
  h.forEach((leverage, i) => {
    const standardised = s > 0 ? residuals[i] / (s * Math.sqrt(Math.max(1e-12, 1 - leverage))) : 0;
    if (leverage > threshold || Math.abs(standardised) > 3) flagged.push({ index: i, leverage, residual: residuals[i], standardised });
  });
  return { threshold, flagged, scale: s };
}

export type DropRule = 'loss' | 'residual';

/**
 * Indices of the k rows to drop: the k highest losses (ties: all rows with a loss at
 * least the k-th largest go, as in Epoch's `loss < 5th largest` filter), or the k
 * largest |residuals|.
 */
export function rowsToDrop(k: number, rule: DropRule, loss: ArrayLike<number>, residuals: ArrayLike<number>): number[] {
  const n = loss.length;
  // Stryker disable next-line EqualityOperator: k = 0 gives [] either way (no loss is ≥ sorted[n], which is undefined; slice(0, 0)).
  if (k <= 0) return [];
  if (rule === 'loss') {
    const cut = Float64Array.from(loss).sort()[Math.max(0, n - k)];
    return Array.from({ length: n }, (_, i) => i).filter((i) => loss[i] >= cut);
  }
  // Array.prototype.sort is stable: rows of equal |residual| keep their order.
  return Array.from({ length: n }, (_, i) => i)
    .sort((i, j) => Math.abs(residuals[j]) - Math.abs(residuals[i]))
    .slice(0, k)
    .sort((i, j) => i - j);
}
