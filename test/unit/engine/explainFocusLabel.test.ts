// The label of the focused symbol in an explanation (src/engine/formulas/explain.ts): the
// symbol as the formula writes it at the hovered place, even when the formula spells the
// same role two ways (Kaplan's L(N, D) writes α_D twice).
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';

describe('engine/formulas: the focused symbol keeps its own spelling', () => {
  it('a hover on the second α_D, spelled α_d there, is labelled α_d; one on the first, α_D', () => {
    const [rec] = recognizeAll('L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_d');
    assert.equal(rec?.kind, 'loss-kaplan-nd');
    const both = rec.symbols.filter((s) => s.role === 'alpha_D');
    assert.deepEqual(
      both.map((s) => s.label),
      ['α_D', 'α_d'],
    );
    for (const lang of ['en', 'zh'] as const) {
      assert.equal(explain(rec, lang, [], both[1]).symbol?.symbol, 'α_d');
      assert.equal(explain(rec, lang, [], both[0]).symbol?.symbol, 'α_D');
      // A role given alone (no place in the formula) takes the formula's first spelling.
      assert.equal(explain(rec, lang, [], 'alpha_D').symbol?.symbol, 'α_D');
    }
  });
});
