// The multiple-choice grade of the mirage lens (src/engine/emergence/mirage.ts) at a tie.
import * as assert from 'node:assert/strict';
import { mirageRow } from '../../../src/engine/emergence/mirage';

describe('engine/emergence: mirage multiple-choice grade', () => {
  it('is 1 only when the right option is strictly more likely than each distractor', () => {
    // L_CE = (c/N)^α = ln 4 at N = 1 with α = 1: p = e^(−ln 4) = 1/4, each of the 3 distractors (1 − p)/3 = 1/4.
    const tie = mirageRow(1, { c: Math.log(4), alpha: 1 }, { choices: 4, length: 1 });
    assert.equal(tie.perTokenAccuracy, 0.25);
    assert.equal(tie.multipleChoiceGrade, 0);
    assert.equal(mirageRow(1, { c: Math.log(4) * 0.99, alpha: 1 }, { choices: 4, length: 1 }).multipleChoiceGrade, 1);
    assert.equal(mirageRow(1, { c: Math.log(4) * 1.01, alpha: 1 }, { choices: 4, length: 1 }).multipleChoiceGrade, 0);
  });
});
