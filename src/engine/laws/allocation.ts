// Compute-optimal allocation for the Chinchilla form under C = 6ND
// (Hoffmann et al. 2022, eq. 4 and appendix D.2).
import { chinchillaLoss, type ChinchillaParams } from './powerLaws';

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
