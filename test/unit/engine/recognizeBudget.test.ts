// The recogniser's step budget and its bounds on one attempt (src/engine/formulas/recognize.ts),
// counted in parser steps: one step for each token a parse attempt takes (the relation after
// a left-hand side is read without one). Every expected count below is the tokens the
// attempt reads, counted by hand from the formula as written.
import * as assert from 'node:assert/strict';
import { recognizeAll, recognizeAllCounted } from '../../../src/engine/formulas/recognize';

const texts = (text: string, steps?: number): string[] => recognizeAllCounted(text, steps).recognitions.map((r) => r.text);
const steps = (text: string): number => recognizeAllCounted(text).steps;

describe('engine/formulas: the recogniser step budget', () => {
  it('a formula of k tokens after its relation needs exactly k steps: with k − 1 it is not recognised', () => {
    // L ( N _ c / N ) ^ 0.076: ten tokens besides "=", the last a number.
    assert.deepEqual(texts('L = (N_c/N)^0.076', 10), ['L = (N_c/N)^0.076']);
    assert.deepEqual(texts('L = (N_c/N)^0.076', 9), []);
    // L ( N _ c / N ) ^ α _ N: twelve, the last a subscript.
    assert.deepEqual(texts('L = (N_c/N)^α_N', 12), ['L = (N_c/N)^α_N']);
    assert.deepEqual(texts('L = (N_c/N)^α_N', 11), []);
    // L ( ( N _ c / N ) ^ 0.076 ): twelve, the last a closing bracket.
    assert.deepEqual(texts('L = ((N_c/N)^0.076)', 12), ['L = ((N_c/N)^0.076)']);
    assert.deepEqual(texts('L = ((N_c/N)^0.076)', 11), []);
    // C 6 N D for C = 6ND.
    assert.deepEqual(texts('C = 6ND', 4), ['C = 6ND']);
    assert.deepEqual(texts('C = 6ND', 3), []);
    // No budget at all reads nothing, and never throws.
    assert.deepEqual(texts('L = (N_c/N)^0.076', 0), []);
  });

  it('a successful call spends one step per token read, and the default budget is the same reading', () => {
    assert.equal(steps('L = (N_c/N)^0.076'), 10);
    assert.equal(steps('L = (N_c/N)^α_N'), 12);
    assert.deepEqual(
      recognizeAll('L = (N_c/N)^α_N').map((r) => r.kind),
      ['loss-params'],
    );
  });

  it('a sum reads at most four terms, a product at most three glued factors, a power at most three exponents', () => {
    // ( C _ 0 / C ) ^ 0.05 is nine steps, each "+ n" two more: four terms are 15 steps.
    // The law is the first two terms; nothing after its end is within reach of a "^".
    assert.equal(steps('(C_0/C)^0.05 + 1 + 2 + 3 + 4 + 5'), 15);
    assert.deepEqual(texts('(C_0/C)^0.05 + 1 + 2 + 3 + 4 + 5'), ['(C_0/C)^0.05 + 1']);
    // C, then 6 N D x: the number and three glued factors (5 steps); y z w are left.
    assert.equal(steps('C = 6 N D x y z w'), 5);
    assert.deepEqual(texts('C = 6 N D x y z w'), ['C = 6 N D']);
    // x, then three "^ e" pairs: 7 steps, and no law. It is the only attempt: every number
    // after a "^" wants to be its operand, and no letter follows.
    assert.equal(steps('x^0.5^2^3^4^5'), 7);
  });

  it('attempts start only within 159 tokens before a "^", or at a C before a relation', () => {
    // No "^" and no "C =": no attempt at all.
    assert.equal(steps('a = b + c'), 0);
    assert.equal(steps('C N D = x'), 0);
    // "a", then closing brackets (which start nothing), then x ^ 0.5 (3 steps, no law).
    // With 158 brackets the "^" is 160 tokens after the "a", out of reach; with 157 the
    // "a" is tried too, one step.
    assert.equal(steps(`a${')'.repeat(158)}x^0.5`), 3);
    assert.equal(steps(`a${')'.repeat(157)}x^0.5`), 4);
  });
});
