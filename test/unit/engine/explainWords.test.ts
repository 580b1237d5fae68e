// The usual spelling of each symbol, used when a formula writes a number in its place
// or leaves a row out: Kaplan's scales are N_c and D_c, the other laws' N₀ and D₀.
import assert from 'node:assert/strict';
import { defaultLabel } from '../../../src/engine/formulas/explainWords';
import type { FormulaKind, SymbolRole } from '../../../src/engine/formulas/recognize';

describe('explanation words: the usual label of each symbol', () => {
  it("spells the scales as Kaplan does in Kaplan's laws (N_c, D_c) and as N₀, D₀ elsewhere", () => {
    for (const kind of ['loss-params', 'loss-data', 'loss-kaplan-nd'] as const) {
      assert.deepEqual([defaultLabel(kind, 'N_0'), defaultLabel(kind, 'D_0')], ['N_c', 'D_c'], kind);
    }
    for (const kind of ['loss-additive', 'loss-chinchilla', 'loss-compute'] as const) {
      assert.deepEqual([defaultLabel(kind, 'N_0'), defaultLabel(kind, 'D_0')], ['N₀', 'D₀'], kind);
    }
  });

  it('writes exponents and the floor with their Greek letters and the FLOPs factor as 6', () => {
    const expected: [SymbolRole, string][] = [
      ['C_0', 'C₀'],
      ['alpha', 'α'],
      ['alpha_N', 'α_N'],
      ['alpha_D', 'α_D'],
      ['beta', 'β'],
      ['L_inf', 'L∞'],
      ['k', '6'],
      ['N', 'N'],
      ['E', 'E'],
    ];
    for (const kind of ['loss-additive', 'loss-params'] as FormulaKind[]) {
      assert.deepEqual(
        expected.map(([role]) => [role, defaultLabel(kind, role)]),
        expected,
        kind,
      );
    }
  });
});
