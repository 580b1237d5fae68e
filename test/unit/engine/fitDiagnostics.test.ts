// Fit diagnostics (src/engine/fit/diagnostics.ts), against independent computations: the
// Jacobians by central finite differences of ln L̂, the hat-matrix diagonal by the
// textbook formula h = 1/n + (x − x̄)²/Σ(x − x̄)² for a straight line and by an explicit
// 3×3 inverse (adjugate / determinant) for the floored power law, the robust scale as
// 1.4826·MAD by hand, and the drop rules on small hand-made tables.
import * as assert from 'node:assert/strict';
import { chinchillaJacobian, flagPoints, powerJacobian, rowsToDrop } from '../../../src/engine/fit/diagnostics';

const near = (actual: number, expected: number, tol: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

/** Central difference of f at p along coordinate k. */
function partial(f: (p: number[]) => number, p: number[], k: number, h = 1e-6): number {
  const up = [...p];
  const down = [...p];
  up[k] += h;
  down[k] -= h;
  return (f(up) - f(down)) / (2 * h);
}

/** Hat diagonal J (JᵀJ)⁻¹ Jᵀ for a 3-column J, with the inverse by the adjugate. */
function hat3(J: number[][]): number[] {
  const M = [0, 1, 2].map((i) => [0, 1, 2].map((j) => J.reduce((s, r) => s + r[i] * r[j], 0)));
  const [[a, b, c], [d, e, f], [g, h, k]] = M;
  const det = a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
  const inv = [
    [e * k - f * h, c * h - b * k, b * f - c * e],
    [f * g - d * k, a * k - c * g, c * d - a * f],
    [d * h - e * g, b * g - a * h, a * e - b * d],
  ].map((row) => row.map((v) => v / det));
  return J.map((r) => [0, 1, 2].reduce((s, i) => s + [0, 1, 2].reduce((t, j) => t + r[i] * inv[i][j] * r[j], 0), 0));
}

describe('engine/fit/diagnostics', () => {
  it('chinchillaJacobian is the gradient of ln(E + A/N^α + B/D^β) over [ln A, ln B, ln E, α, β]', () => {
    const N = [4e8, 7e9, 6.7e10];
    const D = [8e9, 1.4e11, 1.5e12];
    const p = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const J = chinchillaJacobian(N, D, p);
    assert.equal(J.length, 3);
    for (let i = 0; i < N.length; i++) {
      const lnL = ([a, b, e, al, be]: number[]) => Math.log(Math.exp(e) + Math.exp(a) / N[i] ** al + Math.exp(b) / D[i] ** be);
      const at = [Math.log(p.A), Math.log(p.B), Math.log(p.E), p.alpha, p.beta];
      for (let k = 0; k < 5; k++) near(J[i][k], partial(lnL, at, k), 1e-7, `row ${i}, column ${k}`);
      near(J[i][0] + J[i][1] + J[i][2], 1, 1e-12, 'the three weights sum to 1');
    }
  });

  it('powerJacobian: [1, −ln x] without a floor, the gradient of ln(E + e^(c − α ln x)) over [c, α, ln E] with one', () => {
    const x = [1e18, 1e20, 1e22];
    assert.deepEqual(powerJacobian(x, { logCoefficient: 5, alpha: 0.05 }), [
      [1, -Math.log(1e18)],
      [1, -Math.log(1e20)],
      [1, -Math.log(1e22)],
    ]);
    assert.deepEqual(powerJacobian([10], { logCoefficient: 5, alpha: 0.05, E: 0 }), [[1, -Math.log(10)]], 'E = 0 is the pure law');
    const fit = { logCoefficient: 3.2, alpha: 0.06, E: 1.7 };
    const J = powerJacobian(x, fit);
    for (let i = 0; i < x.length; i++) {
      const lnL = ([c, al, e]: number[]) => Math.log(Math.exp(e) + Math.exp(c - al * Math.log(x[i])));
      const at = [fit.logCoefficient, fit.alpha, Math.log(fit.E)];
      assert.equal(J[i].length, 3);
      for (let k = 0; k < 3; k++) near(J[i][k], partial(lnL, at, k), 1e-7, `row ${i}, column ${k}`);
    }
  });

  it('leverage of a straight-line fit is 1/n + (u − ū)²/Σ(u − ū)², threshold 2p/n', () => {
    const x = [1e6, 1e7, 1e8, 1e9, 1e10, 1e16];
    const u = x.map(Math.log);
    const mean = u.reduce((s, v) => s + v, 0) / u.length;
    const sxx = u.reduce((s, v) => s + (v - mean) ** 2, 0);
    const residuals = [0.01, -0.02, 0.015, -0.01, 0.005, 0.0];
    const result = flagPoints(powerJacobian(x, { logCoefficient: 1, alpha: 0.1 }), residuals);
    assert.ok(result);
    assert.equal(result.threshold, (2 * 2) / 6);
    const expectedH = u.map((v) => 1 / u.length + (v - mean) ** 2 / sxx);
    // Only the far point (x = 1e16) is above 4/6; the residuals are all within 3 robust σ.
    assert.deepEqual(
      result.flagged.map((f) => f.index),
      expectedH.flatMap((h, i) => (h > 4 / 6 ? [i] : [])),
    );
    assert.deepEqual(
      result.flagged.map((f) => f.index),
      [5],
    );
    near(result.flagged[0].leverage, expectedH[5], 1e-9, 'h of the far point');
    assert.equal(result.flagged[0].residual, 0);
    // Robust scale: median of the residuals 0.0025, absolute deviations
    // [0.0075, 0.0225, 0.0125, 0.0125, 0.0025, 0.0025] → median 0.01 → s = 0.014826.
    near(result.scale, 0.014826, 1e-9, 's = 1.4826·MAD');
  });

  it('flags a poorly fitted point by its standardised residual r / (s·√(1 − h))', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const residuals = [0.01, -0.01, 0.02, -0.02, 0.01, -0.01, 0.3, 0.0];
    const u = x.map(Math.log);
    const mean = u.reduce((s, v) => s + v, 0) / u.length;
    const sxx = u.reduce((s, v) => s + (v - mean) ** 2, 0);
    const h = u.map((v) => 1 / u.length + (v - mean) ** 2 / sxx);
    // Median of the residuals: sorted [−0.02, −0.01, −0.01, 0, 0.01, 0.01, 0.02, 0.3] → 0.005;
    // deviations sorted [0.005, 0.005, 0.005, 0.015, 0.015, 0.015, 0.025, 0.295] → MAD 0.015.
    const s = 1.4826 * 0.015;
    const result = flagPoints(powerJacobian(x, { logCoefficient: 0, alpha: 1 }), residuals);
    assert.ok(result);
    near(result.scale, s, 1e-12, 'robust scale of an even count');
    const flagged = result.flagged.filter((f) => f.index === 6);
    assert.equal(flagged.length, 1);
    near(flagged[0].standardised, 0.3 / (s * Math.sqrt(1 - h[6])), 1e-9, 'standardised residual');
    for (const f of result.flagged) assert.ok(f.leverage > result.threshold || Math.abs(f.standardised) > 3, `row ${f.index} flagged without cause`);
    for (let i = 0; i < x.length; i++) {
      const z = residuals[i] / (s * Math.sqrt(1 - h[i]));
      assert.equal(
        result.flagged.some((f) => f.index === i),
        h[i] > 4 / 8 || Math.abs(z) > 3,
        `row ${i}`,
      );
    }
  });

  it('leverage with a floor (three parameters) matches an explicit 3×3 inverse, and sums to p', () => {
    const x = [1e17, 3e17, 1e18, 3e18, 1e19, 3e19, 1e20, 1e21];
    const J = powerJacobian(x, { logCoefficient: 2.5, alpha: 0.08, E: 1.2 });
    const expected = hat3(J);
    const residuals = x.map((_, i) => (i % 2 ? 0.01 : -0.01));
    const result = flagPoints(J, residuals);
    assert.ok(result);
    assert.equal(result.threshold, 6 / 8);
    near(
      expected.reduce((a, b) => a + b, 0),
      3,
      1e-6,
      'trace of the hat matrix',
    );
    const byIndex = new Map(result.flagged.map((f) => [f.index, f.leverage]));
    for (let i = 0; i < x.length; i++) {
      assert.equal(byIndex.has(i), expected[i] > 6 / 8, `row ${i}: h = ${expected[i]}`);
      if (byIndex.has(i)) near(byIndex.get(i) as number, expected[i], 1e-6, `h[${i}]`);
    }
    assert.ok(byIndex.size > 0, 'the design has a high-leverage end');
  });

  it('a singular design has no leverage (null), and zero residuals give a zero scale', () => {
    assert.equal(
      flagPoints(
        [
          [1, 2],
          [1, 2],
          [1, 2],
        ],
        [0.1, 0.2, 0.3],
      ),
      null,
    );
    assert.equal(
      flagPoints(
        [
          [1, 0],
          [1, 0],
        ],
        [0.1, 0.2],
      ),
      null,
      'a zero column',
    );
    const flat = flagPoints(powerJacobian([1, 10, 100], { logCoefficient: 0, alpha: 1 }), [0, 0, 0]);
    assert.ok(flat);
    assert.equal(flat.scale, 0);
    assert.deepEqual(flat.flagged, [], 'with s = 0 no residual is standardised (0), and no h exceeds 4/3');
  });

  it('rowsToDrop by loss: every row at or above the k-th largest loss (ties all go)', () => {
    const loss = [3, 1, 3, 2, 2.5];
    assert.deepEqual(rowsToDrop(0, 'loss', loss, []), []);
    assert.deepEqual(rowsToDrop(-1, 'loss', loss, []), []);
    assert.deepEqual(rowsToDrop(1, 'loss', loss, []), [0, 2], 'the two 3s tie for the largest');
    assert.deepEqual(rowsToDrop(2, 'loss', loss, []), [0, 2]);
    assert.deepEqual(rowsToDrop(3, 'loss', loss, []), [0, 2, 4]);
    assert.deepEqual(rowsToDrop(4, 'loss', loss, []), [0, 2, 3, 4]);
    assert.deepEqual(rowsToDrop(9, 'loss', loss, []), [0, 1, 2, 3, 4], 'k past n drops every row');
    assert.deepEqual(rowsToDrop(1, 'loss', [10, 9, 100, 2], []), [2], 'numeric order, not string order');
  });

  it('rowsToDrop by residual: the k largest |residuals|, ties to the earlier row, returned in row order', () => {
    const residuals = [0.1, -0.5, 0.5, 0.2, -0.05];
    const loss = [2, 2, 2, 2, 2];
    assert.deepEqual(rowsToDrop(1, 'residual', loss, residuals), [1]);
    assert.deepEqual(rowsToDrop(2, 'residual', loss, residuals), [1, 2]);
    const other = [0.3, -0.1, 0.05, -0.4];
    assert.deepEqual(rowsToDrop(3, 'residual', [2, 2, 2, 2], other), [0, 1, 3]);
    assert.deepEqual(rowsToDrop(2, 'residual', [2, 2, 2, 2], other), [0, 3]);
    assert.deepEqual(rowsToDrop(9, 'residual', [2, 2, 2, 2], other), [0, 1, 2, 3]);
  });

  it('leverage is unchanged by a column of tiny entries (columns are scaled before JᵀJ, which would underflow)', () => {
    // A straight line in w = u³ with the slope column multiplied by 1e-160: H is
    // invariant to column scaling, so h = 1/n + (w − w̄)²/Σ(w − w̄)² still.
    const w = [1, 2, 3, 4, 5, 6].map((u) => u ** 3);
    const mean = w.reduce((s, v) => s + v, 0) / w.length;
    const sww = w.reduce((s, v) => s + (v - mean) ** 2, 0);
    const result = flagPoints(
      w.map((v) => [1, 1e-160 * v]),
      w.map(() => 0),
    );
    assert.ok(result);
    assert.deepEqual(
      result.flagged.map((f) => f.index),
      [5],
    );
    near(result.flagged[0].leverage, 1 / 6 + (w[5] - mean) ** 2 / sww, 1e-12, 'h of the far point');
  });

  it('no rows: no leverage (null)', () => {
    assert.equal(flagPoints([], []), null);
  });

  it('the robust scale is the MAD about the median, not about zero', () => {
    // One parameter (a constant): h = 1/5 for every row, threshold 2/5.
    // Median 0.03; deviations [0.02, 0.01, 0, 0.01, 0.07] → MAD 0.01.
    const residuals = [0.01, 0.02, 0.03, 0.04, 0.1];
    const result = flagPoints(
      residuals.map(() => [1]),
      residuals,
    );
    assert.ok(result);
    near(result.scale, 0.014826, 1e-12, 's');
    assert.deepEqual(
      result.flagged.map((f) => f.index),
      [3, 4],
      'r / (s·√(4/5)) is 2.26 for 0.03, 3.02 for 0.04 and 7.5 for 0.1',
    );
    near(result.flagged[1].standardised, 0.1 / (0.014826 * Math.sqrt(1 - 1 / 5)), 1e-9, 'standardised residual');
  });

  it('with a zero robust scale no residual is standardised, however large', () => {
    // Three of four residuals are 0, so the MAD is 0; h = 1/4 < 2/4 for every row.
    const result = flagPoints([[1], [1], [1], [1]], [0, 0, 0, 0.5]);
    assert.ok(result);
    assert.equal(result.scale, 0);
    assert.deepEqual(result.flagged, []);
  });

  it('a row exactly at the leverage threshold or at |standardised| = 3 is not flagged (both must be exceeded)', () => {
    // Rows [1] and [0]: h = [1, 0] and the threshold 2·1/2 = 1.
    const edge = flagPoints([[1], [0]], [0, 0]);
    assert.ok(edge);
    assert.equal(edge.threshold, 1);
    assert.deepEqual(edge.flagged, []);
    // Seven rows [1] (h = 1/7 < 2/8) and one zero row (h = 0): the last residual is
    // 3·s with s = 1.4826 (median 0, MAD 1), so its standardised value is 3 exactly.
    const s = 1.4826;
    const residuals = [-1, -1, 0, 0, 0, 1, 1, 3 * s];
    assert.equal((3 * s) / s, 3, 'the float division is exact');
    const atThree = flagPoints(
      residuals.map((_, i) => [i < 7 ? 1 : 0]),
      residuals,
    );
    assert.ok(atThree);
    near(atThree.scale, s, 0, 's');
    assert.deepEqual(atThree.flagged, []);
    const beyond = flagPoints(
      residuals.map((_, i) => [i < 7 ? 1 : 0]),
      [...residuals.slice(0, 7), 3.001 * s],
    );
    assert.deepEqual(
      beyond?.flagged.map((f) => f.index),
      [7],
    );
  });

  it('rowsToDrop with k ≤ 0 drops nothing by either rule; ties in |residual| keep row order', () => {
    const residuals = [0.1, -0.5, 0.5, 0.2];
    assert.deepEqual(rowsToDrop(-1, 'residual', [2, 2, 2, 2], residuals), []);
    assert.deepEqual(rowsToDrop(0, 'residual', [2, 2, 2, 2], residuals), []);
    const equal = Array.from({ length: 40 }, (_, i) => (i % 2 ? -0.1 : 0.1));
    assert.deepEqual(rowsToDrop(5, 'residual', equal, equal), [0, 1, 2, 3, 4]);
  });
});
