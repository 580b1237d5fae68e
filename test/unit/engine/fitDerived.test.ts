// The quantities read off a Chinchilla fit (src/engine/fit/derived.ts), recomputed from
// Hoffmann et al. 2022 eq. 4: with C = 6ND, N_opt = G·(C/6)^a and D_opt = G⁻¹·(C/6)^b,
// a = β/(α+β), b = α/(α+β), G = (αA/(βB))^(1/(α+β)); the loss at the optimum is
// E + A/N_opt^α + B/D_opt^β. Constants: Hoffmann et al. 2022 eq. 10 and Besiroglu et al. 2024.
import * as assert from 'node:assert/strict';
import { DEFAULT_BUDGET, DERIVED_KEYS, derivedQuantities } from '../../../src/engine/fit/derived';

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${what}: ${actual} vs ${expected}`);

describe('engine/fit/derived', () => {
  for (const [name, p] of [
    ['Hoffmann et al. 2022 eq. 10', { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }],
    ['Besiroglu et al. 2024', { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 }],
  ] as const) {
    it(`${name}: a, b, G, N_opt, D_opt, D/N and the loss at 5.76e23 FLOPs follow eq. 4`, () => {
      const C = DEFAULT_BUDGET;
      assert.equal(C, 5.76e23);
      const d = derivedQuantities(p, C);
      assert.deepEqual(Object.keys(d).sort(), [...DERIVED_KEYS].sort());
      const a = p.beta / (p.alpha + p.beta);
      const b = p.alpha / (p.alpha + p.beta);
      const G = ((p.alpha * p.A) / (p.beta * p.B)) ** (1 / (p.alpha + p.beta));
      const n = G * (C / 6) ** a;
      const dd = (C / 6) ** b / G;
      near(d.a, a, 'a');
      near(d.b, b, 'b');
      near(d.G, G, 'G');
      near(d.nOpt, n, 'N_opt');
      near(d.dOpt, dd, 'D_opt');
      near(d.tokensPerParam, dd / n, 'D/N');
      near(6 * d.nOpt * d.dOpt, C, 'C = 6ND');
      near(d.lossOpt, p.E + p.A / n ** p.alpha + p.B / dd ** p.beta, 'L at the optimum');
    });
  }
});
