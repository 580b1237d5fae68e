// Compute-optimal allocation: the Chinchilla form under C = 6ND (Hoffmann et al.
// 2022, eq. 4 and appendix D.2), and Kaplan et al. 2020's published rule.
import { FLOPS_PER_PF_DAY, fitValue } from './fits';
import { chinchillaLoss, lossFromCompute, type ChinchillaParams } from './powerLaws';

export interface Allocation {
  compute: number;
  params: number;
  tokens: number;
  loss: number;
  /** Tokens per parameter at the optimum. */
  tokensPerParam: number;
}

/**
 * N_opt = G·(C/6)^a, D_opt = G⁻¹·(C/6)^b with G = (αA/(βB))^(1/(α+β)),
 * a = β/(α+β), b = α/(α+β).
 */
export function computeOptimal(compute: number, p: ChinchillaParams): Allocation {
  const sum = p.alpha + p.beta;
  const g = Math.pow((p.alpha * p.A) / (p.beta * p.B), 1 / sum);
  const a = p.beta / sum;
  const b = p.alpha / sum;
  const params = g * Math.pow(compute / 6, a);
  const tokens = (1 / g) * Math.pow(compute / 6, b);
  return { compute, params, tokens, loss: chinchillaLoss(params, tokens, p), tokensPerParam: tokens / params };
}

/** Training FLOPs of a dense transformer, the usual C ≈ 6ND approximation. */
export function trainingCompute(params: number, tokens: number): number {
  return 6 * params * tokens;
}

export interface KaplanAllocation extends Allocation {
  /** The budget in Kaplan's unit, PF-days. */
  computePfDays: number;
}

/**
 * Kaplan et al. 2020's compute-efficient allocation as published (eq. 6.1, Table 6,
 * Fig. 14): N_opt = 1.3e9·C_min^0.73 non-embedding parameters and D_opt = 2e10·C_min^0.27
 * tokens, C_min in PF-days; the loss is their L(C_min) = (3.1e8/C_min)^0.050 (eq. 1.3).
 * The rule comes from L(N, S_min) at the critical batch size, so 6·N·D need not equal C.
 */
export function kaplanOptimalAllocation(computeFlops: number): KaplanAllocation {
  const pf = computeFlops / FLOPS_PER_PF_DAY;
  const params = fitValue('kaplan2020-optimal', 'nPrefactor') * Math.pow(pf, fitValue('kaplan2020-optimal', 'nExponent'));
  const tokens = fitValue('kaplan2020-optimal', 'dPrefactor') * Math.pow(pf, fitValue('kaplan2020-optimal', 'dExponent'));
  const loss = lossFromCompute(pf, fitValue('kaplan2020-compute', 'ccMin'), fitValue('kaplan2020-compute', 'alphaC'));
  return { compute: computeFlops, computePfDays: pf, params, tokens, loss, tokensPerParam: tokens / params };
}
