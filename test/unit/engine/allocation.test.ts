// Compute-optimal allocation under C = 6ND, checked against a hand calculation.
import * as assert from 'node:assert/strict';
import { computeOptimal, trainingCompute } from '../../../src/engine/laws/allocation';
import { chinchillaLoss } from '../../../src/engine/laws/powerLaws';
import { BESIROGLU_2024, HOFFMANN_2022 } from '../../../src/engine/laws/presets';

function close(actual: number, expected: number, rel = 1e-10): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} ≉ ${expected}`);
}

describe('engine/laws/allocation', () => {
  describe('Chinchilla preset (Hoffmann 2022) at C = 5.76e23 FLOPs (Gopher’s budget)', () => {
    // By hand, α = 0.34, β = 0.28, A = 406.4, B = 410.7, E = 1.69:
    //   αA = 138.176, βB = 114.996, αA/(βB) = 1.2015722286
    //   G = 1.2015722286^(1/0.62) = exp(0.1836308897 / 0.62) = exp(0.2961788544) = 1.3447106428
    //   a = β/(α+β) = 0.28/0.62 = 0.4516129032,  b = α/(α+β) = 0.34/0.62 = 0.5483870968
    //   C/6 = 9.6e22, ln(9.6e22) = 52.9186351443
    //   (C/6)^a = exp(52.9186351443 · 0.4516129032) = exp(23.8987384523) = 2.3938130723e10
    //   (C/6)^b = exp(52.9186351443 · 0.5483870968) = exp(29.0198966921) = 4.0103381969e12
    //   N_opt = G·(C/6)^a = 3.2189859151e10 parameters
    //   D_opt = (C/6)^b / G = 2.9823056867e12 tokens  (92.65 tokens per parameter)
    //   L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 = 1.69 + 0.1087249492 + 0.1320231526 = 1.9307481017
    const opt = computeOptimal(5.76e23, HOFFMANN_2022.params);
    it('gives N_opt and D_opt of the closed form', () => {
      close(opt.params, 3.2189859151e10);
      close(opt.tokens, 2.9823056867e12);
      close(opt.tokensPerParam, 92.64736676);
    });
    it('spends exactly the budget: 6·N·D = C', () => {
      close(trainingCompute(opt.params, opt.tokens), 5.76e23, 1e-12);
    });
    it('predicts the loss at the optimum', () => {
      close(opt.loss, 1.9307481017);
    });
    it('is the minimum along the budget line', () => {
      for (const f of [0.5, 0.9, 1.1, 2]) {
        const n = opt.params * f;
        assert.ok(chinchillaLoss(n, 5.76e23 / (6 * n), HOFFMANN_2022.params) > opt.loss, `factor ${f}`);
      }
    });
  });

  it('Epoch preset (Besiroglu 2024) at 5.76e23 gives ~20 tokens per parameter', () => {
    // G = (0.3478·482.01 / (0.3658·2085.43))^(1/0.7136) = 0.1196298498
    // N_opt = 7.2248702500e10, D_opt = 1.3287435854e12, L = 1.9744411084 (python3)
    const opt = computeOptimal(5.76e23, BESIROGLU_2024.params);
    close(opt.params, 7.22487025e10);
    close(opt.tokens, 1.3287435854e12);
    close(opt.loss, 1.9744411084);
    assert.ok(opt.tokensPerParam > 15 && opt.tokensPerParam < 25);
  });

  it('scales N_opt ∝ C^a and D_opt ∝ C^b', () => {
    const p = HOFFMANN_2022.params;
    const lo = computeOptimal(1e21, p);
    const hi = computeOptimal(1e23, p);
    close(hi.params / lo.params, 100 ** (p.beta / (p.alpha + p.beta)));
    close(hi.tokens / lo.tokens, 100 ** (p.alpha / (p.alpha + p.beta)));
  });

  it('trainingCompute is 6ND', () => {
    assert.equal(trainingCompute(70e9, 1.4e12), 5.88e23);
  });
});
