import * as assert from 'node:assert/strict';
import { findFormulaAt } from '../../../src/engine/formulas/document';

describe('formula under a typing cursor', () => {
  const lines = ['## Notes', '', 'L(C) ≈ (C₀/C)^α', 'α = 0.05'];
  const get = (n: number): string => lines[n];
  const end = lines[2].length;

  it('a hover just past the formula finds nothing', () => {
    assert.equal(findFormulaAt(get, lines.length, 2, end), undefined);
  });

  it('the side view, which asks with inclusiveEnd, finds the formula the cursor just finished', () => {
    const found = findFormulaAt(get, lines.length, 2, end, { inclusiveEnd: true });
    assert.equal(found?.recognition.kind, 'loss-compute');
    assert.equal(found?.noteValues.find((v) => v.symbol === 'alpha')?.value, 0.05);
  });
});
