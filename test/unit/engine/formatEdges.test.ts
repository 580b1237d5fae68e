// Edges of the number formatting (issue 15, from the mutation run): the switches to
// exponents, zeros and infinities, integers that must keep their zeros, Python's ties.
// Expected strings from Python 3 (quoted in the comments) or written by hand.
import * as assert from 'node:assert/strict';
import { formatCount, formatNumber, formatPfDays, pfDaysNumberFormat, pythonExp } from '../../../src/engine/format';

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

  it('the PF-days number format: US English grouping, at most `digits` significant digits', () => {
    assert.equal(pfDaysNumberFormat(2).format(1234.5), '1,200');
    assert.equal(pfDaysNumberFormat(3).format(0.0123456), '0.0123');
    assert.equal(pfDaysNumberFormat(6).format(1234567.8), '1,234,570');
  });
});
