// The fits registry: every published constant with its fit, units, convention and range,
// digit for digit from the papers (Kaplan et al. 2020 Tables 2, 5, 6; Hoffmann et al. 2022
// eq. 10, Table 2; Besiroglu et al. 2024's estimates with standard errors).
import * as assert from 'node:assert/strict';
import { FITS, FIT_IDS, FLOPS_PER_PF_DAY, LAWS, fitValue, fitsOfLaw, fittedComputeFlops } from '../../../src/engine/laws/fits';
import { kaplanOptimalAllocation } from '../../../src/engine/laws/allocation';

describe('engine/laws/fits', () => {
  it("holds each paper's values as printed", () => {
    const printed: Record<string, Record<string, number>> = {
      'kaplan2020-params': { alphaN: 0.076, nc: 8.8e13 },
      'kaplan2020-data': { alphaD: 0.095, dc: 5.4e13 },
      'kaplan2020-compute': { alphaC: 0.05, ccMin: 3.1e8 },
      'kaplan2020-joint': { alphaN: 0.076, alphaD: 0.103, nc: 6.4e13, dc: 1.8e13 },
      'kaplan2020-optimal': { nPrefactor: 1.3e9, nExponent: 0.73, dPrefactor: 2e10, dExponent: 0.27 },
      hoffmann2022: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 },
      besiroglu2024: { E: 1.8172, A: 482.01, B: 2085.43, alpha: 0.3478, beta: 0.3658 },
    };
    assert.deepEqual([...FIT_IDS].sort(), Object.keys(printed).sort());
    for (const [id, values] of Object.entries(printed)) {
      for (const [name, value] of Object.entries(values)) assert.equal(fitValue(id as keyof typeof FITS, name), value, `${id}.${name}`);
      assert.deepEqual(Object.keys(FITS[id as keyof typeof FITS].constants).sort(), Object.keys(values).sort(), id);
    }
  });

  it("gives Epoch's published standard errors and none that a paper did not publish", () => {
    const se = Object.fromEntries(Object.entries(FITS.besiroglu2024.constants).map(([k, c]) => [k, c.se]));
    assert.deepEqual(se, { E: 0.03, A: 124.58, B: 1293.23, alpha: 0.02, beta: 0.02 });
    for (const id of FIT_IDS.filter((f) => f !== 'besiroglu2024')) {
      for (const c of Object.values(FITS[id].constants)) assert.equal(c.se, undefined, id);
    }
  });

  it('names the law, convention, units and range of every fit', () => {
    for (const id of FIT_IDS) {
      const fit = FITS[id];
      assert.ok(LAWS[fit.law], id);
      assert.ok(fit.dataset.length > 0 && fit.tokenizer.length > 0, id);
      assert.equal(fit.paramCounting, id.startsWith('kaplan') ? 'non-embedding' : 'total', id);
      assert.ok(fit.range.params && fit.range.params[0] < fit.range.params[1], id);
    }
    assert.equal(FITS['kaplan2020-compute'].constants.ccMin.unit, 'PF-days');
    assert.equal(FITS['kaplan2020-compute'].computeUnit, 'PF-days');
    assert.equal(FITS.hoffmann2022.computeUnit, 'FLOPs');
    assert.deepEqual(FITS['kaplan2020-params'].range.params, [768, 1.5e9]);
    assert.deepEqual(FITS.hoffmann2022.range.params, [7e7, 1.6e10]);
    assert.deepEqual(fittedComputeFlops(FITS['kaplan2020-compute']), [1e-8 * 8.64e19, 10 * 8.64e19]);
    assert.deepEqual(
      fitsOfLaw('chinchilla').map((f) => f.id),
      ['hoffmann2022', 'besiroglu2024'],
    );
    assert.equal(FLOPS_PER_PF_DAY, 1e15 * 24 * 3600);
  });

  it("Kaplan's published allocation: N = 1.3e9·C^0.73, D = 2e10·C^0.27, C in PF-days", () => {
    const c = 5.76e23;
    const pf = c / (1e15 * 86400);
    const a = kaplanOptimalAllocation(c);
    assert.ok(Math.abs(a.computePfDays - pf) < 1e-9 * pf);
    assert.ok(Math.abs(a.params / (1.3e9 * pf ** 0.73) - 1) < 1e-12);
    assert.ok(Math.abs(a.tokens / (2e10 * pf ** 0.27) - 1) < 1e-12);
    assert.ok(Math.abs(a.loss - (3.1e8 / pf) ** 0.05) < 1e-12);
    // About 8.05e11 parameters and 0.27 tokens per parameter at Gopher's budget.
    assert.ok(a.params > 8.0e11 && a.params < 8.1e11, String(a.params));
  });
});
