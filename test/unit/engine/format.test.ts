// Sizes and compute in the article's units (万, 亿, 万亿) and in K/M/B/T; the seed's
// Python `f"{x:.0e}"` labels.
import * as assert from 'node:assert/strict';
import { formatConstant, formatCount, formatFlops, formatNoteNumber, formatNumber, formatParams, formatPfDays, formatScientific, formatTokens, pythonExp, superscriptPower } from '../../../src/engine/format';

describe('engine/format', () => {
  describe('pythonExp (Python f"{x:.Ne}")', () => {
    it('matches Python for the seed sizes', () => {
      // python3: [f"{x:.0e}" for x in (1e10, 5e10, 1e6, 5e11)]
      assert.equal(pythonExp(1e10), '1e+10');
      assert.equal(pythonExp(5e10), '5e+10');
      assert.equal(pythonExp(1e6), '1e+06');
      assert.equal(pythonExp(5e11), '5e+11');
    });
    it('handles digits, small and negative numbers', () => {
      // python3: f"{5.76e23:.2e}", f"{0.00012:.1e}", f"{-3e-7:.0e}"
      assert.equal(pythonExp(5.76e23, 2), '5.76e+23');
      assert.equal(pythonExp(0.00012, 1), '1.2e-04');
      assert.equal(pythonExp(-3e-7), '-3e-07');
    });
    it('spells non-finite values as Python does', () => {
      assert.equal(pythonExp(Infinity), 'inf');
      assert.equal(pythonExp(-Infinity), '-inf');
      assert.equal(pythonExp(NaN), 'nan');
    });
  });

  describe('formatCount', () => {
    it('uses 万 / 亿 / 万亿 in Chinese', () => {
      assert.equal(formatCount(1e10, 'zh'), '100亿');
      assert.equal(formatCount(1e7, 'zh'), '1000万');
      assert.equal(formatCount(1e11, 'zh'), '1000亿');
      assert.equal(formatCount(1e12, 'zh'), '1万亿');
      assert.equal(formatCount(5e10, 'zh'), '500亿');
      assert.equal(formatCount(1.5e8, 'zh'), '1.5亿');
    });
    it('uses K / M / B / T in English', () => {
      assert.equal(formatCount(1e10, 'en'), '10B');
      assert.equal(formatCount(1e7, 'en'), '10M');
      assert.equal(formatCount(1e12, 'en'), '1T');
      assert.equal(formatCount(70e9, 'en'), '70B');
      assert.equal(formatCount(1500, 'en'), '1.5K');
    });
    it('leaves small numbers plain and huge ones scientific', () => {
      assert.equal(formatCount(999, 'en'), '999');
      assert.equal(formatCount(42, 'zh'), '42');
      assert.match(formatCount(1e17, 'zh'), /^1e\+17$/);
      assert.match(formatCount(1e16, 'en'), /^1e\+16$/);
    });
    it('rounds to the requested decimals', () => {
      assert.equal(formatCount(3.2189859e10, 'en'), '32.2B');
      assert.equal(formatCount(3.2189859e10, 'en', 3), '32.19B');
    });
  });

  it('formatParams says parameters in both languages', () => {
    assert.equal(formatParams(1e10, 'en'), '10B parameters');
    assert.equal(formatParams(1e10, 'zh'), '100亿参数');
  });

  it('formatScientific writes a × 10^b', () => {
    assert.equal(formatScientific(5.76e23), '5.76 × 10^23');
    assert.equal(formatScientific(1e10), '1 × 10^10');
    // 9.9996e9 rounds up to 10.0 at 3 digits: renormalised to the next power
    assert.equal(formatScientific(9.9996e9), '1 × 10^10');
  });

  it('formatFlops and formatPfDays', () => {
    assert.equal(formatFlops(5.76e23), '5.76e23 FLOPs');
    // 5.76e23 / 8.64e19 = 6666.67 PF-days → 3 significant digits
    assert.equal(formatPfDays(5.76e23), '6,670 PF-days');
  });

  it('superscriptPower labels powers of ten', () => {
    assert.equal(superscriptPower(12), '10¹²');
    assert.equal(superscriptPower(11), '10¹¹');
    assert.equal(superscriptPower(-3), '10⁻³');
  });

  describe('numbers for people (hover, side view, panel subtitles)', () => {
    it('formatTokens says tokens in both languages: 1.4T tokens / 1.4万亿 token', () => {
      assert.equal(formatTokens(1.4e12, 'en'), '1.4T tokens');
      assert.equal(formatTokens(1.4e12, 'zh'), '1.4万亿 token');
      assert.equal(formatTokens(2e10, 'zh'), '200亿 token');
    });
    it('70B / 700亿 parameters', () => {
      assert.equal(formatParams(7e10, 'en'), '70B parameters');
      assert.equal(formatParams(7e10, 'zh'), '700亿参数');
    });
    it('formatNumber: 3 significant digits, compact exponents from 1e5 and below 1e-3', () => {
      // 6 × 7e10 × 1.4e12 = 5.88e23 (Chinchilla's training compute)
      assert.equal(formatNumber(6 * 7e10 * 1.4e12), '5.88e23');
      assert.equal(formatNumber(10 ** -0.05), '0.891');
      assert.equal(formatNumber(6806.4), '6806');
      assert.equal(formatNumber(0.00012345), '1.23e-4');
      assert.equal(formatNumber(NaN), '?');
      assert.equal(formatNumber(-Infinity), '−∞');
    });
    it('formatConstant keeps the digits a paper wrote: 406.4, 1.8172, 8.8e13', () => {
      assert.equal(formatConstant(406.4), '406.4');
      assert.equal(formatConstant(1.8172), '1.8172');
      assert.equal(formatConstant(8.8e13), '8.8e13');
    });
    it('formatNoteNumber writes values back as a note writes them: 8.8e13, not 88000000000000', () => {
      assert.equal(formatNoteNumber(88000000000000), '8.8e13');
      assert.equal(formatNoteNumber(0.076), '0.076');
      assert.equal(formatNoteNumber(5.76e23), '5.76e23');
    });
  });
});
