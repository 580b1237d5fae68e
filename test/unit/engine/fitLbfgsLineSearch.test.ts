// The Moré–Thuente line search of the L-BFGS solver against SciPy's port of MINPACK-2 dcsrch
// (fixtures/lbfgs_linesearch_reference.py → lbfgs_linesearch_reference.json, numpy 2.4.6 /
// SciPy 1.17.1): the same trial steps and the same ending on functions that bracket, extrapolate,
// bisect and stop on each condition; and its boundaries (inclusive Wolfe tests, the step bounds,
// trials outside the bracket) checked on values chosen so that every test is exact in binary.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MoreThuente, type LineSearchOutcome } from '../../../src/engine/fit/lbfgs';

interface Case {
  function: string;
  c1: number;
  c2: number;
  xtol: number;
  stpmin: number;
  stpmax: number;
  stp0: number;
  f0: number;
  g0: number;
  /** [stp, f(stp), f'(stp)] for every trial SciPy asked for. */
  trials: [number, number, number][];
  outcome: LineSearchOutcome;
  stp: number;
}

const REFERENCE = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'lbfgs_linesearch_reference.json'), 'utf8')) as { scipy: string; cases: Case[] };

function closeStep(actual: number, expected: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected), `${label}: ${actual} vs SciPy ${expected}`);
}

describe(`engine/fit/lbfgs: the line search takes SciPy ${REFERENCE.scipy} dcsrch's trial steps`, () => {
  for (const c of REFERENCE.cases) {
    const bounds = c.stpmax < 1e10 ? `, steps in [${c.stpmin}, ${c.stpmax}]` : '';
    it(`${c.function} from step ${c.stp0} (c1 ${c.c1}, c2 ${c.c2}, xtol ${c.xtol}${bounds}): ${c.trials.length} trials, ${c.outcome}`, () => {
      const search = new MoreThuente(c.c1, c.c2, c.xtol, c.stpmin, c.stpmax);
      search.start(c.stp0, c.f0, c.g0);
      c.trials.forEach(([stp, f, g], i) => {
        closeStep(search.stp, stp, `trial ${i + 1}`);
        const outcome = search.next(f, g);
        assert.equal(outcome, i === c.trials.length - 1 ? c.outcome : 'evaluate', `after trial ${i + 1}`);
      });
      closeStep(search.stp, c.stp, 'final step');
    });
  }
});

describe('engine/fit/lbfgs: the line search at its boundaries', () => {
  // f(0) = 0, f'(0) = −1, c1 = 1/2: the sufficient-decrease line is f = −t/2 and gtest = −1/2.
  const search = (stpmin = 1, stpmax = 8, xtol = 0.1) => new MoreThuente(0.5, 0.75, xtol, stpmin, stpmax);

  it('clamps the first trial to [stpmin, stpmax]', () => {
    const s = search();
    s.start(20, 0, -1);
    assert.equal(s.stp, 8);
    s.start(0.25, 0, -1);
    assert.equal(s.stp, 1);
    s.start(3, 0, -1);
    assert.equal(s.stp, 3);
  });

  it('converges on the strong Wolfe conditions, both inclusive', () => {
    const s = search();
    const at = (f: number, g: number): LineSearchOutcome => {
      s.start(2, 0, -1); // the line is at −1 for t = 2; |f'| ≤ 3/4 is flat enough
      return s.next(f, g);
    };
    assert.equal(at(-1, -0.75), 'converged');
    assert.equal(at(-1, 0.75), 'converged');
    assert.equal(at(-1.5, 0.5), 'converged');
    assert.equal(at(-0.75, 0), 'evaluate', 'above the line');
    assert.equal(at(-1, -0.875), 'evaluate', 'still too steep');
    assert.equal(at(-1, 0.875), 'evaluate', 'too steep upwards');
  });

  it('stops at stpmin when f does not decrease enough there or still falls steeply', () => {
    const s = search();
    const at = (f: number, g: number): LineSearchOutcome => {
      s.start(1, 0, -1); // the first trial is stpmin; the line is at −1/2 there
      return s.next(f, g);
    };
    assert.equal(at(-0.25, -1), 'stpmin', 'above the line');
    assert.equal(at(-0.5, -0.5), 'stpmin', 'on the line, slope at gtest');
    assert.equal(at(-0.5, -1), 'evaluate', 'on the line and steeper than gtest: a longer step may do');
    assert.equal(at(-0.75, 0.25), 'stpmin', 'below the line and rising: warned, although the Wolfe conditions hold');
  });

  it('stops at stpmax when f still falls there, and goes on when it rises or lies above the line', () => {
    const s = search();
    const at = (f: number, g: number): LineSearchOutcome => {
      s.start(8, 0, -1); // the first trial is stpmax; the line is at −4 there
      return s.next(f, g);
    };
    assert.equal(at(-4, -0.5), 'stpmax', 'on the line, slope at gtest');
    assert.equal(at(-5, -1), 'stpmax');
    assert.equal(at(-4, -0.25), 'converged', 'flatter than gtest: the Wolfe conditions hold');
    assert.equal(at(-4, 1), 'evaluate', 'rising: the minimum lies before stpmax');
    assert.equal(at(-3, -1), 'evaluate', 'above the line');
  });

  it('extrapolates straight to stpmax while the slope does not flatten', () => {
    const s = search(0, 8);
    s.start(1, 0, -1);
    assert.equal(s.next(-1, -1), 'evaluate'); // below the line, as steep as at 0
    assert.equal(s.stp, 8);
  });

  it('extrapolates towards stpmin from a trial moved below the best step, as dcstep does', () => {
    // Unbracketed, best step 1 (f −1, f′ −1); the caller backs off to 0.5 (as the solver does
    // when f is not finite) and finds a lower f there.
    const backedOff = (): MoreThuente => {
      const s = search(0, 8);
      s.start(1, 0, -1);
      assert.equal(s.next(-1, -1), 'evaluate');
      s.stp = 0.5;
      return s;
    };
    const steeper = backedOff();
    assert.equal(steeper.next(-2, -3), 'evaluate'); // case 4: the slope did not flatten
    assert.equal(steeper.stp, 0);
    const flatter = backedOff();
    assert.equal(flatter.next(-1.01, -0.875), 'evaluate'); // case 3, no cubic minimiser on that side
    assert.equal(flatter.stp, 0);
    // Moved exactly onto the best step, the same values there also send the search to stpmin.
    const onto = backedOff();
    onto.stp = 1;
    assert.equal(onto.next(-1, -1), 'evaluate');
    assert.equal(onto.stp, 0);
  });

  it('refuses a trial moved onto or outside the bracket (rounding), and stops on a narrow bracket (xtol)', () => {
    // From f(0) = 0, f'(0) = −1, a first trial at 4 that rises brackets the minimum in [0, 4].
    const bracketed = (xtol = 0.1): MoreThuente => {
      const s = search(0, 8, xtol);
      s.start(4, 0, -1);
      assert.equal(s.next(1, 1), 'evaluate');
      return s;
    };
    assert.ok(bracketed().stp > 0 && bracketed().stp < 4, 'the next trial lies inside the bracket');
    for (const moved of [0, 4, 5]) {
      const s = bracketed();
      s.stp = moved;
      assert.equal(s.next(-0.25, -0.75), 'rounding', `trial moved to ${moved}`);
    }
    const inside = bracketed();
    inside.stp = 2;
    assert.equal(inside.next(-0.25, -0.75), 'evaluate', 'a trial moved inside the bracket is fine');
    // xtol = 1: a bracket [0, 4] is narrower than 1 · 4.
    const s = bracketed(1);
    assert.equal(s.stp, 0, 'no trial inside a bracket already narrow enough: back to the best step');
    assert.equal(s.next(0, -1), 'xtol');
  });
});
