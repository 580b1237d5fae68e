// The seed's step rule, its logistic relaxation and the emergence-point search.
import * as assert from 'node:assert/strict';
import { capability, firstEmergence, logisticCapability, stepCapability, unlocked } from '../../../src/engine/thresholds';

const SEED_GRID = [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

describe('engine/thresholds', () => {
  describe('step (the seed: model_size >= threshold)', () => {
    it('is 1 at and above the threshold, 0 below', () => {
      assert.equal(stepCapability(1e10, 1e10), 1);
      assert.equal(stepCapability(1.0000001e10, 1e10), 1);
      assert.equal(stepCapability(9.999e9, 1e10), 0);
    });
  });

  describe('logistic in log10 size', () => {
    it('is exactly 0.5 at the threshold, for any sharpness', () => {
      for (const s of [0.5, 1, 4, 50]) assert.equal(logisticCapability(5e10, 5e10, s), 0.5);
    });
    it('matches 1/(1 + 10^(-s·Δdecades))', () => {
      // s = 2, one decade below: 1/(1 + 10^2) = 0.009900990099…; one above: 100/101
      assert.ok(Math.abs(logisticCapability(1e9, 1e10, 2) - 1 / 101) < 1e-15);
      assert.ok(Math.abs(logisticCapability(1e11, 1e10, 2) - 100 / 101) < 1e-15);
      // s = 1, a factor 2 above: 1/(1 + 10^-log10 2) = 1/(1 + 0.5) = 2/3
      assert.ok(Math.abs(logisticCapability(2e10, 1e10, 1) - 2 / 3) < 1e-15);
    });
    it('increases with size', () => {
      const values = SEED_GRID.map((x) => logisticCapability(x, 5e10, 1.5));
      for (let i = 1; i < values.length; i++) assert.ok(values[i] > values[i - 1]);
    });
    it('tends to the step rule as sharpness grows', () => {
      const off = (s: number): number => Math.max(...SEED_GRID.map((x) => Math.abs(logisticCapability(x, 5e10, s) - stepCapability(x, 5e10))));
      assert.ok(off(1) > off(4));
      assert.ok(off(4) > off(16));
      assert.ok(off(64) < 1e-12);
    });
  });

  it('capability() dispatches on the model', () => {
    assert.equal(capability('step', 1e9, 1e10, 3), 0);
    assert.equal(capability('logistic', 1e10, 1e10, 3), 0.5);
  });

  describe('firstEmergence (MathematicalReasoningEmergence.analyze_math_emergence)', () => {
    it('finds the seed emergence points of the five math problem types', () => {
      // arithmetic 1e7, algebra 1e9, geometry 5e10 → first grid size 1e11, probability 1e11, calculus 5e11 → 1e12
      assert.equal(firstEmergence(SEED_GRID, 1e7), 1e7);
      assert.equal(firstEmergence(SEED_GRID, 1e9), 1e9);
      assert.equal(firstEmergence(SEED_GRID, 5e10), 1e11);
      assert.equal(firstEmergence(SEED_GRID, 1e11), 1e11);
      assert.equal(firstEmergence(SEED_GRID, 5e11), 1e12);
    });
    it('is the first point when capable from the start, undefined when never', () => {
      assert.equal(firstEmergence(SEED_GRID, 1), 1e6);
      assert.equal(firstEmergence(SEED_GRID, 1e13), undefined);
      assert.equal(firstEmergence([], 1e9), undefined);
    });
  });

  it('unlocked() keeps items whose threshold is reached, in order', () => {
    // The phase-transition rule: thresholds 0 (memorisation), 1e7, 1e9, 1e10, 1e11
    const caps = [0, 1e7, 1e9, 1e10, 1e11].map((threshold, i) => ({ i, threshold }));
    assert.deepEqual(
      SEED_GRID.map((x) => unlocked(caps, x).length),
      [1, 2, 2, 3, 4, 5, 5],
    );
    assert.deepEqual(
      unlocked(caps, 1e9).map((c) => c.i),
      [0, 1, 2],
    );
  });
});
