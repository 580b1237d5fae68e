// Each scaling-law form against values computed independently (python3, float64) from
// the formula written next to it; plus the limits the forms must respect.
import * as assert from 'node:assert/strict';
import {
  additiveLoss,
  chinchillaLoss,
  kaplanCombinedLoss,
  kaplanSingleLoss,
  logspace,
  lossFromCompute,
  lossRatioForComputeFactor,
} from '../../../src/engine/laws/powerLaws';
import { BESIROGLU_2024, HOFFMANN_2022, KAPLAN_2020 } from '../../../src/engine/laws/presets';

/** Relative closeness: the engine and python evaluate the same float64 formula, so 1e-12 is ample. */
function close(actual: number, expected: number, rel = 1e-12): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} ≉ ${expected}`);
}

describe('engine/laws/powerLaws', () => {
  describe('L(C) = (C0/C)^α', () => {
    it('matches independent values', () => {
      // (3.1e8 / 1e4)^0.05 = 1.677135240967187
      close(lossFromCompute(1e4, 3.1e8, 0.05), 1.677135240967187);
      // (1e8 / 1e20)^0.05 = 10^-0.6 = 0.251188643150958
      close(lossFromCompute(1e20, 1e8, 0.05), 0.251188643150958);
    });
    it('is 1 at C = C0 and falls as compute grows', () => {
      assert.equal(lossFromCompute(3.1e8, 3.1e8, 0.05), 1);
      assert.ok(lossFromCompute(1e10, 3.1e8, 0.05) < lossFromCompute(1e9, 3.1e8, 0.05));
    });
    it('scales by factor^-α per compute factor', () => {
      // 10^-0.05 = 0.8912509381337456; 1000^-0.076 = 0.5915616341754739
      close(lossRatioForComputeFactor(10, 0.05), 0.8912509381337456);
      close(lossRatioForComputeFactor(1000, 0.076), 0.5915616341754739);
      close(lossFromCompute(1e12, 1e8, 0.05) / lossFromCompute(1e11, 1e8, 0.05), lossRatioForComputeFactor(10, 0.05));
    });
  });

  describe('L(N,D) = (N0/N)^αN + (D0/D)^αD + L∞', () => {
    const p = { n0: 8.8e13, alphaN: 0.076, d0: 5.4e13, alphaD: 0.095, lInf: 1.69 };
    it('matches an independent value', () => {
      // (8.8e13/1e9)^0.076 + (5.4e13/2e10)^0.095 + 1.69 = 6.1839017206729405
      close(additiveLoss(1e9, 2e10, p), 6.1839017206729405);
    });
    it('tends to the floor L∞ as N and D grow', () => {
      const far = additiveLoss(1e60, 1e60, p);
      assert.ok(far > p.lInf && far - p.lInf < 1e-2);
    });
  });

  describe('Chinchilla form E + A/N^α + B/D^β', () => {
    it('matches Hoffmann et al. 2022 at Chinchilla (70B params, 1.4T tokens)', () => {
      // 1.69 + 406.4/70e9^0.34 + 410.7/1.4e12^0.28 = 1.9366454705587173
      close(chinchillaLoss(70e9, 1.4e12, HOFFMANN_2022.params), 1.9366454705587173);
    });
    it('matches Besiroglu et al. 2024 at the same point', () => {
      // 1.8172 + 482.01/70e9^0.3478 + 2085.43/1.4e12^0.3658 = 1.9738818631585637
      close(chinchillaLoss(70e9, 1.4e12, BESIROGLU_2024.params), 1.9738818631585637);
    });
    it('is E plus both terms and never below E', () => {
      const p = HOFFMANN_2022.params;
      close(chinchillaLoss(1e9, 1e10, p), p.E + p.A / 1e9 ** p.alpha + p.B / 1e10 ** p.beta);
      assert.ok(chinchillaLoss(1e30, 1e30, p) > p.E);
    });
  });

  describe("Kaplan's forms", () => {
    it('combined L(N,D) = [(Nc/N)^(αN/αD) + Dc/D]^αD matches an independent value', () => {
      // ((6.4e13/1e9)^(0.076/0.103) + 1.8e13/2e10)^0.103 = 2.373882448217487
      close(kaplanCombinedLoss(1e9, 2e10, KAPLAN_2020.combined), 2.373882448217487);
    });
    it('combined form reduces to L(N) = (Nc/N)^αN with unlimited data', () => {
      const p = KAPLAN_2020.combined;
      close(kaplanCombinedLoss(1e9, Infinity, p), kaplanSingleLoss(1e9, p.nc, p.alphaN), 1e-12);
    });
    it('single-variable L(X) = (Xc/X)^αX matches independent values', () => {
      // (8.8e13/1e9)^0.076 = 2.3756402951345246; (5.4e13/1e11)^0.095 = 1.817931049117581
      close(kaplanSingleLoss(1e9, KAPLAN_2020.params.nc, KAPLAN_2020.params.alphaN), 2.3756402951345246);
      close(kaplanSingleLoss(1e11, KAPLAN_2020.data.dc, KAPLAN_2020.data.alphaD), 1.817931049117581);
    });
  });

  describe('logspace (numpy.logspace)', () => {
    it('gives the seed grid 1e6 … 1e12', () => {
      const grid = logspace(6, 12, 7);
      assert.equal(grid.length, 7);
      grid.forEach((x, i) => close(x, 10 ** (6 + i), 1e-15));
    });
    it('spaces points evenly in log10, endpoints included', () => {
      // numpy.logspace(0, 1, 3) = [1, 3.1622776601683795, 10]
      const grid = logspace(0, 1, 3);
      assert.equal(grid[0], 1);
      close(grid[1], 3.1622776601683795, 1e-15);
      assert.equal(grid[2], 10);
      assert.equal(logspace(6, 12, 100).length, 100);
    });
    it('returns the start for a single point', () => {
      assert.deepEqual(logspace(3, 9, 1), [1000]);
    });
  });
});
