// The fits registry's text and lookups (issue 15, from the mutation run): short citations,
// the constants as the papers print them (Kaplan et al. 2020 eq. 1.5, eq. 6.1 / Table 6),
// compute ranges in FLOPs, and Kaplan's tokens per parameter recomputed from the paper.
import * as assert from 'node:assert/strict';
import { kaplanOptimalAllocation } from '../../../src/engine/laws/allocation';
import {
  BESIROGLU_2024_CITATION,
  FITS,
  HOFFMANN_2022_CITATION,
  KAPLAN_2020_CITATION,
  citationShort,
  fitConstantsText,
  fitValue,
  fittedComputeFlops,
  kaplanOptimalText,
  type PublishedFit,
} from '../../../src/engine/laws/fits';

describe('engine/laws/fits: text and lookups', () => {
  it('fitValue throws, naming the fit and the constant, on a name the fit lacks', () => {
    assert.throws(() => fitValue('hoffmann2022', 'gamma'), /^Error: fit hoffmann2022 has no constant gamma$/);
    assert.throws(() => fitValue('kaplan2020-params', 'alphaD'), /fit kaplan2020-params has no constant alphaD/);
  });

  it('citationShort: the first author, "et al." / "等", the year', () => {
    assert.equal(citationShort(KAPLAN_2020_CITATION, 'en'), 'Kaplan et al. 2020');
    assert.equal(citationShort(KAPLAN_2020_CITATION, 'zh'), 'Kaplan 等 2020');
    assert.equal(citationShort(HOFFMANN_2022_CITATION, 'en'), 'Hoffmann et al. 2022');
    assert.equal(citationShort(BESIROGLU_2024_CITATION, 'zh'), 'Besiroglu 等 2024');
    const spaced = { ...KAPLAN_2020_CITATION, authors: '  Van Der Berg , Smith', year: 2019 };
    assert.equal(citationShort(spaced, 'en'), 'Van Der Berg et al. 2019');
  });

  it('prints the constants as the papers do: 1.3e9, 0.73, 6.4e13', () => {
    // Kaplan et al. 2020 eq. 6.1 / Table 6: N_opt = 1.3e9·C^0.73, D_opt = 2e10·C^0.27 (C in PF-days).
    assert.equal(kaplanOptimalText(), 'N_opt = 1.3e9·C_min^0.73, D_opt = 2e10·C_min^0.27');
    // Kaplan et al. 2020 eq. 1.5 / Table 2: α_N = 0.076, α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13.
    assert.equal(fitConstantsText('kaplan2020-joint'), 'α_N = 0.076, α_D = 0.103, N_c = 6.4e13, D_c = 1.8e13');
    // Hoffmann et al. 2022 eq. 10: every constant below 10^4 written plainly.
    assert.equal(fitConstantsText('hoffmann2022'), 'E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28');
  });

  it('fittedComputeFlops: a FLOPs range as published, a PF-days range converted, none when the paper gives none', () => {
    const inFlops: PublishedFit = { ...FITS.hoffmann2022, range: { computeFlops: [6e18, 3e21] } };
    assert.deepEqual(fittedComputeFlops(inFlops), [6e18, 3e21]);
    const both: PublishedFit = { ...FITS.hoffmann2022, range: { computeFlops: [1e18, 1e21], computePfDays: [1, 2] } };
    assert.deepEqual(fittedComputeFlops(both), [1e18, 1e21], 'the FLOPs range wins');
    assert.equal(fittedComputeFlops(FITS.hoffmann2022), undefined);
    // 1e-8 and 10 PF-days × 8.64e19 FLOPs per PF-day.
    assert.deepEqual(fittedComputeFlops(FITS['kaplan2020-optimal']), [8.64e11, 8.64e20]);
  });

  it("Kaplan's allocation: tokens per parameter is D_opt / N_opt from the paper's constants", () => {
    for (const pfDays of [1, 1e3]) {
      const a = kaplanOptimalAllocation(pfDays * 8.64e19);
      const n = 1.3e9 * pfDays ** 0.73;
      const d = 2e10 * pfDays ** 0.27;
      assert.ok(Math.abs(a.tokensPerParam - d / n) < 1e-9 * (d / n), `${pfDays} PF-days`);
    }
    // At 1 PF-day: 2e10 / 1.3e9 = 15.38 tokens per parameter.
    assert.ok(Math.abs(kaplanOptimalAllocation(8.64e19).tokensPerParam - 15.3846) < 1e-4);
  });
});
