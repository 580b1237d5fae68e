// Synthetic training runs of a Chinchilla law for the fit tests: a 6 × 5 grid of N and D.
import { chinchillaLoss, type ChinchillaParams } from '../../../src/engine/laws/powerLaws';

/** The law the runs are drawn from (Hoffmann et al. 2022's published constants, Approach 3). */
export const CHINCHILLA_TRUTH: ChinchillaParams = { A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 };

/** Runs of CHINCHILLA_TRUTH on a 6 × 5 grid of N and D (30 rows), each loss times (1 + noise·sin(7i + 1)); noise 0 gives the law's losses exactly. */
export function chinchillaGridRuns(noise = 0): { N: number[]; D: number[]; L: number[] } {
  const N: number[] = [];
  const D: number[] = [];
  const L: number[] = [];
  for (const n of [1e8, 3e8, 1e9, 3e9, 1e10, 3e10])
    for (const d of [2e9, 1e10, 5e10, 2e11, 1e12]) {
      N.push(n);
      D.push(d);
      L.push(chinchillaLoss(n, d, CHINCHILLA_TRUTH) * (1 + noise * Math.sin(7 * L.length + 1)));
    }
  return { N, D, L };
}
