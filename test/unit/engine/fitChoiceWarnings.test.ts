// Which published fit a note's constants belong to (src/engine/formulas/fitChoice.ts, via
// explain): a constant from another fit of the same law (Besiroglu et al. 2024's
// E = 1.8172 next to Hoffmann et al. 2022's A = 406.4), from another law (Kaplan's
// α_N = 0.076 in the Chinchilla form; Hoffmann's α = 0.34 in Kaplan's L(N)), or far from
// any fit (C_c = 1.234e-5 PF-days against Kaplan's 3.1e8). Facts checked against the papers.
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';

function explained(formula: string, note: string) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return explain(rec, 'en', extractNoteValues(note));
}

const CHINCHILLA = 'L = E + A/N^α + B/D^β';

describe('engine/formulas: one fit at a time', () => {
  it('two fits of the Chinchilla law mixed: named, with the constants each supplied', () => {
    const e = explained(CHINCHILLA, 'E = 1.8172, A = 406.4');
    assert.equal(e.fit?.id, 'hoffmann2022');
    assert.deepEqual(
      e.warnings.map((w) => w.message),
      [
        "These constants come from different fits (E = 1.817 from Besiroglu et al. 2024 (Epoch AI refit of approach 3); A = 406.4, B, α, β from Hoffmann et al. 2022 (approach 3, eq. 10)). Constants belong to their fit as a whole set; the mixture is no paper's prediction.",
      ],
    );
  });

  it("a constant of another law: Kaplan's α_N in the Chinchilla form, Hoffmann's α in Kaplan's L(N)", () => {
    const e = explained(CHINCHILLA, 'α = 0.076');
    assert.deepEqual(
      e.warnings.map((w) => w.code),
      ['not-in-law', 'mixed-fits'],
    );
    assert.equal(
      e.warnings[0].message,
      'α = 0.076 is α_N of Kaplan et al. 2020, L(N) (eq. 1.1): a constant of a different law, not of the Chinchilla form (Hoffmann et al. 2022, eq. 2).',
    );
    const k = explained('L(N) = (N_c/N)^α_N', 'N_c = 8.8e13, α_N = 0.34');
    assert.equal(k.fit, null, 'no single fit supplies both');
    assert.equal(
      k.warnings[0].message,
      "α_N = 0.34 is α of Hoffmann et al. 2022 (approach 3, eq. 10): a constant of a different law, not of Kaplan's L(N) (Kaplan et al. 2020, eq. 1.1).",
    );
    assert.ok(
      k.warnings[1].message.startsWith(
        'These constants come from different fits (N_c = 8.8e13 from Kaplan et al. 2020, L(N) (eq. 1.1); α_N = 0.34 from Hoffmann',
      ),
      k.warnings[1].message,
    );
  });

  it('the whole set of one fit: no warning about fits', () => {
    const e = explained(CHINCHILLA, 'E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28');
    assert.equal(e.fit?.id, 'hoffmann2022');
    assert.deepEqual(
      e.warnings.filter((w) => !w.code.startsWith('extrapolation')),
      [],
    );
    assert.deepEqual(explained('L(C) = (C_c/C)^α_C', 'C_c = 2.68e28').warnings, [], '3.1e8 PF-days written in FLOPs (× 8.64e19) is Kaplan’s own C_c');
  });

  it('a constant far from the fit that fills the others', () => {
    const e = explained('L(C) = (C_c/C)^α_C', 'C_c = 0.00001234');
    assert.equal(e.fit?.id, 'kaplan2020-compute');
    assert.deepEqual(
      e.warnings.map((w) => w.message),
      [
        "C_c = 1.234e-5 PF-days (Kaplan et al. 2020, L(C_min) (eq. 1.3): 3.1e8 PF-days) is far from the fit that fills α_C; a fit's constants are estimated together, so this mixture is no fit's prediction.",
      ],
    );
  });
});
