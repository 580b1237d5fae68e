// Which letters start a note value (src/engine/formulas/values.ts): a symbol is a letter
// on its own. The tokenizer splits a run of capitals such as "NC" or "ND" into letters
// (for 6ND), so a letter glued to the one before it is part of a product or a name,
// not a symbol. The one glued form prose uses is a Greek letter with its subscript
// (αN for α_N). Expected values are the numbers as written in the input.
import * as assert from 'node:assert/strict';
import { extractNoteValues } from '../../../src/engine/formulas/values';

const read = (s: string) => extractNoteValues(s).map((v) => [v.symbol, v.value]);

describe('engine/formulas: a note value starts at a letter on its own', () => {
  it('a capital glued to another letter gives no value: "NC = 8.8e13" is no value for C, "α_ND" none for D', () => {
    for (const glued of ['NC = 8.8e13', 'ND = 1e20', 'DC = 3', 'α_ND = 0.3', 'α_NC = 0.3']) assert.deepEqual(read(glued), [], glued);
  });

  it('a space, a bracket or punctuation before the letter leaves it a symbol', () => {
    assert.deepEqual(read('at fixed N D = 2e10'), [['D', 2e10]]);
    assert.deepEqual(read('(C = 5e20)'), [['C', 5e20]]);
    assert.deepEqual(read('N = 1e9,D = 2e10'), [
      ['N', 1e9],
      ['D', 2e10],
    ]);
  });

  it('a Greek letter still takes a glued N, D or C as its subscript, and a subscripted one is read as written', () => {
    assert.deepEqual(read('αN = 0.076'), [['alpha_N', 0.076]]);
    assert.deepEqual(read('α_N = 0.076'), [['alpha_N', 0.076]]);
  });
});
