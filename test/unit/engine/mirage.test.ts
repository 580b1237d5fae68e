import * as assert from 'node:assert/strict';
import { MIRAGE_DEFAULT_LAW, MIRAGE_KAPLAN_LAW, mirageRow, mirageTable, perTokenLoss, resolutionFloor } from '../../../src/engine/emergence/mirage';

const close = (a: number, b: number, rel = 1e-12): boolean => Math.abs(a - b) <= rel * Math.max(1e-300, Math.abs(b)) || Math.abs(a - b) < 1e-300;

describe('mirage metrics (Schaeffer, Miranda, Koyejo 2023)', () => {
  for (const [name, law] of [
    ['default', MIRAGE_DEFAULT_LAW],
    ['Kaplan', MIRAGE_KAPLAN_LAW],
    ['steep', { c: 3e11, alpha: 1.3 }],
  ] as const) {
    for (const length of [1, 5, 30]) {
      it(`${name} law, L = ${length}: p = e^(−L_CE), EM = p^L, TED = L(1 − p), MC and Brier hold on every row`, () => {
        const rows = mirageTable(law, { length });
        assert.equal(rows.length, 61);
        for (const r of rows) {
          const loss = Math.pow(law.c / r.params, law.alpha);
          assert.ok(close(r.perTokenLoss, loss), `loss at ${r.params}`);
          assert.ok(close(r.perTokenAccuracy, Math.exp(-loss)));
          assert.ok(close(r.exactMatch, Math.pow(r.perTokenAccuracy, length)));
          assert.ok(close(r.tokenEditDistance, length * (1 - r.perTokenAccuracy)));
          // 4 options, the rest of the mass spread evenly over 3 distractors.
          assert.equal(r.multipleChoiceGrade, r.perTokenAccuracy > (1 - r.perTokenAccuracy) / 3 ? 1 : 0);
          const q = (1 - r.perTokenAccuracy) / 3;
          assert.ok(close(r.brierScore, (1 - r.perTokenAccuracy) ** 2 + 3 * q * q));
          assert.ok(r.exactMatch <= r.perTokenAccuracy + 1e-15);
        }
        // Monotone in N: loss falls, every accuracy rises.
        for (let i = 1; i < rows.length; i++) {
          assert.ok(rows[i].perTokenLoss < rows[i - 1].perTokenLoss);
          assert.ok(rows[i].exactMatch >= rows[i - 1].exactMatch);
        }
      });
    }
  }

  it('the defaults take p from near 0 at 1e8 to near 1 at 1e12 parameters', () => {
    assert.ok(Math.exp(-perTokenLoss(1e8, MIRAGE_DEFAULT_LAW)) < 0.02);
    assert.ok(Math.exp(-perTokenLoss(1e12, MIRAGE_DEFAULT_LAW)) > 0.98);
  });

  it("the Kaplan preset is Kaplan et al. 2020's L(N) = (8.8e13/N)^0.076", () => {
    assert.deepEqual(MIRAGE_KAPLAN_LAW, { c: 8.8e13, alpha: 0.076 });
    // At N = 1e9: (8.8e4)^0.076 nats.
    assert.ok(close(mirageRow(1e9, MIRAGE_KAPLAN_LAW, { length: 1 }).perTokenLoss, Math.pow(8.8e4, 0.076)));
  });

  it('the resolution floor is one example in the test set', () => {
    assert.equal(resolutionFloor(1000), 0.001);
    assert.equal(resolutionFloor(0), 1);
  });
});
