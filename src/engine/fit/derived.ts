/**
 * The quantities an expert reads off a Chinchilla fit besides its five parameters, at a
 * compute budget C (Hoffmann et al. 2022 eq. 4 and Table 2; Besiroglu et al. 2024 Fig. 1):
 * the allocation exponents a = β/(α+β), b = α/(α+β), the coefficient G, N_opt, D_opt,
 * tokens per parameter and the loss at the optimum. The pipeline computes them for the
 * point fit and for every bootstrap resample's parameters, so their intervals are
 * percentiles of their own draws (never built from α's and β's interval endpoints).
 */
import { computeOptimal } from '../laws/allocation';
import type { ChinchillaParams } from '../laws/powerLaws';

export const DERIVED_KEYS = ['a', 'b', 'G', 'nOpt', 'dOpt', 'tokensPerParam', 'lossOpt'] as const;
export type DerivedKey = (typeof DERIVED_KEYS)[number];

/**
 * Default budget of the derived quantities: 5.76e23 FLOPs, the budget of Gopher and
 * Chinchilla (Hoffmann et al. 2022, Table 3), at which both papers quote N_opt and D_opt.
 */
export const DEFAULT_BUDGET = 5.76e23;

/** The derived quantities of one parameter set at budget C (C = 6ND). */
export function derivedQuantities(p: ChinchillaParams, budget: number): Record<DerivedKey, number> {
  const o = computeOptimal(budget, p);
  const a = p.beta / (p.alpha + p.beta);
  // N_opt = G·(C/6)^a (allocation.ts), so G is read back from the allocation rather than retyped.
  const G = o.params / Math.pow(budget / 6, a);
  return { a, b: 1 - a, G, nOpt: o.params, dOpt: o.tokens, tokensPerParam: o.tokensPerParam, lossOpt: o.loss };
}
