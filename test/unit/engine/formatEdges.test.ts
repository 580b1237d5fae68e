// Edges of the number formatting (issue 15, from the mutation run): the switches to
// exponents, zeros and infinities, integers that must keep their zeros, Python's ties.
// Expected strings from Python 3 (quoted in the comments) or written by hand.
import * as assert from 'node:assert/strict';
import { formatCount, formatNumber, formatPfDays, plainDecimal, pythonExp } from '../../../src/engine/format';

describe('engine/format: edges', () => {
  it('pythonExp: exponent 0 is "+00"; only an exact tie rounds half to even', () => {
    // python3: f"{1:.0e}", f"{-1:.0e}", f"{2.625:.0e}", f"{2.5000001:.0e}", f"{2.25:.1e}", f"{-2.25:.1e}"
    assert.equal(pythonExp(1), '1e+00');
    assert.equal(pythonExp(-1), '-1e+00');
    // 2.625 is exact in binary and rounds up: its discarded digits "625" are no tie.
    assert.equal(pythonExp(2.625), '3e+00');
    // 2.5000001 is 2.50000009999… in binary: above the tie, so up.
    assert.equal(pythonExp(2.5000001), '3e+00');
    // 2.25 is an exact tie at one decimal: to even, 2.2 (JavaScript's toExponential gives 2.3).
    assert.equal(pythonExp(2.25, 1), '2.2e+00');
    assert.equal(pythonExp(-2.25, 1), '-2.2e+00');
  });

  it('pythonExp takes up to 100 digits, as toExponential does', () => {
    // python3: f"{1.0:.80e}"
    assert.equal(pythonExp(1, 80), `1.${'0'.repeat(80)}e+00`);
    assert.equal(pythonExp(0.5, 100), `5.${'0'.repeat(100)}e-01`);
  });

  it('formatNumber: zero, both infinities, and the exponent switches at exactly 1e5 and 1e-3', () => {
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(-Infinity), '−∞');
    assert.equal(formatNumber(1e5), '1e5');
    assert.equal(formatNumber(99999), '99999', 'below the switch an integer is written whole (as 6806 is)');
    assert.equal(formatNumber(0.001), '0.001');
    assert.equal(formatNumber(0.00099), '9.9e-4');
    assert.equal(formatNumber(123456), '1.23e5');
    assert.equal(formatNumber(-2.5e-7), '-2.5e-7');
  });

  it('integers keep their trailing zeros', () => {
    assert.equal(formatNumber(100), '100');
    assert.equal(formatNumber(10), '10');
    assert.equal(formatNumber(120.0), '120');
    assert.equal(formatCount(100, 'en', 0), '100');
    assert.equal(formatCount(2e10, 'en', 0), '20B');
    assert.equal(formatCount(1e9, 'zh', 0), '10亿');
  });

  it('formatPfDays keeps three significant digits of a small count', () => {
    // 1e15 FLOPs / 8.64e19 FLOPs per PF-day = 1.1574e-5 PF-days.
    assert.equal(formatPfDays(1e15), '0.0000116 PF-days');
  });

  it('the PF-days number: US English grouping, at most `digits` significant digits', () => {
    // 1,234.5 PF-days to 2 digits is 1,200; 0.0123456 to 3 is 0.0123; 1,234,567.8 to 6 is 1,234,570.
    assert.equal(formatPfDays(1234.5 * 8.64e19, 2), '1,200 PF-days');
    assert.equal(formatPfDays(0.0123456 * 8.64e19), '0.0123 PF-days');
    assert.equal(formatPfDays(1234567.8 * 8.64e19, 6), '1,234,570 PF-days');
  });

  it('plainDecimal writes what en-US Intl.NumberFormat writes, for every magnitude and sign', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 21 });
    const values = [
      0,
      -0,
      1,
      -1,
      7,
      10,
      999,
      1000,
      1234.5,
      1e6,
      123456789,
      0.1,
      0.5,
      1e-7,
      1.5e-300,
      5e-324,
      1e21,
      1.7976931348623157e308,
      NaN,
      Infinity,
      -Infinity,
    ];
    // Shortest round-trip doubles of every decade with 1–17 digits (xorshift, fixed seed).
    let s = 0x9e3779b9;
    const next = (): number => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), (s >>> 0) / 2 ** 32);
    for (let i = 0; i < 3000; i++) {
      const digits = 1 + Math.floor(next() * 17);
      const exp = Math.floor(next() * 60) - 30;
      values.push(Number((next() < 0.5 ? -1 : 1) * Number(`${(1 + 9 * next()).toPrecision(digits)}e${exp}`)));
    }
    for (const v of values) {
      // Intl rounds to at most 21 significant digits; a double needs at most 17.
      assert.equal(plainDecimal(v), intl.format(v), String(v));
    }
  });
});
