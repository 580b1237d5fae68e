// The scaling-law forms of the seed article and of the papers behind it.
// All functions are pure and accept plain numbers; N, D in parameters and tokens,
// C in whatever unit C0 is expressed in (the ratio C0/C is unit-free).

/** Seed §1.3.1: L(C) = (C0 / C)^α. */
export function lossFromCompute(compute: number, c0: number, alpha: number): number {
  return Math.pow(c0 / compute, alpha);
}

export interface AdditiveLawParams {
  n0: number;
  alphaN: number;
  d0: number;
  alphaD: number;
  /** Irreducible loss L∞, the task's own entropy. */
  lInf: number;
}

/** Seed §1.3.2: L(N,D) = (N0/N)^αN + (D0/D)^αD + L∞. */
export function additiveLoss(params: number, tokens: number, p: AdditiveLawParams): number {
  return Math.pow(p.n0 / params, p.alphaN) + Math.pow(p.d0 / tokens, p.alphaD) + p.lInf;
}

export interface ChinchillaParams {
  E: number;
  A: number;
  B: number;
  alpha: number;
  beta: number;
}

/** Hoffmann et al. 2022, eq. 2: L(N,D) = E + A/N^α + B/D^β. */
export function chinchillaLoss(params: number, tokens: number, p: ChinchillaParams): number {
  return p.E + p.A / Math.pow(params, p.alpha) + p.B / Math.pow(tokens, p.beta);
}

export interface KaplanCombinedParams {
  nc: number;
  dc: number;
  alphaN: number;
  alphaD: number;
}

/** Kaplan et al. 2020, eq. 1.5: L(N,D) = [(Nc/N)^(αN/αD) + Dc/D]^αD. */
export function kaplanCombinedLoss(params: number, tokens: number, p: KaplanCombinedParams): number {
  return Math.pow(Math.pow(p.nc / params, p.alphaN / p.alphaD) + p.dc / tokens, p.alphaD);
}

/** Kaplan et al. 2020, eq. 1.1 / 1.2: L(X) = (Xc / X)^αX for X = N or D alone. */
export function kaplanSingleLoss(x: number, xc: number, alpha: number): number {
  return Math.pow(xc / x, alpha);
}

/** Multiplicative change of L(C) when compute grows by `factor`: factor^-α. */
export function lossRatioForComputeFactor(factor: number, alpha: number): number {
  return Math.pow(factor, -alpha);
}

/** `count` points spaced evenly in log10 between 10^fromExp and 10^toExp (numpy.logspace). */
export function logspace(fromExp: number, toExp: number, count: number): number[] {
  if (count === 1) return [Math.pow(10, fromExp)];
  const step = (toExp - fromExp) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.pow(10, fromExp + i * step));
}
