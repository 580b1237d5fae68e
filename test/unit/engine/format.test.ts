// Sizes and compute in the article's units (万, 亿, 万亿) and in K/M/B/T; the seed's
// Python `f"{x:.0e}"` labels.
import * as assert from 'node:assert/strict';
import {
  formatConstant,
  formatCount,
  formatFlops,
  formatNoteNumber,
  formatNumber,
  formatParams,
  formatPfDays,
  formatScientific,
  formatTokens,
  pythonExp,
  superscriptPower,
} from '../../../src/engine/format';
import { FLOPS_PER_PF_DAY } from '../../../src/engine/laws/presets';

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
    assert.equal(superscriptPower(1234567890), '10¹²³⁴⁵⁶⁷⁸⁹⁰');
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

  // Hand-computed (issue 15): 1 PF-day = 10^15 FLOP/s × 86,400 s = 8.64 × 10^19 FLOPs.
  describe('units, against values computed by hand', () => {
    it('one PF-day is 10^15 FLOP/s for a day', () => {
      assert.equal(FLOPS_PER_PF_DAY, 1e15 * 24 * 60 * 60);
      assert.equal(formatPfDays(8.64e19), '1 PF-days');
      assert.equal(formatPfDays(4.32e18), '0.05 PF-days');
    });
    it('FLOPs ⇄ PF-days', () => {
      // GPT-3: 3.14e23 FLOPs / 8.64e19 = 3,634.26 PF-days → 3 significant digits.
      assert.equal(formatPfDays(3.14e23), '3,630 PF-days');
      // Kaplan's C_c = 3.1e8 PF-days = 3.1e8 × 8.64e19 = 2.6784e28 FLOPs.
      assert.equal(formatPfDays(2.6784e28), '310,000,000 PF-days');
      assert.equal(formatFlops(2.6784e28), '2.68e28 FLOPs');
      assert.equal(formatFlops(1e21), '1e21 FLOPs');
      // 9.996e22 rounds to 1.00e23 at 3 digits: the exponent moves up, the zeros go.
      assert.equal(formatFlops(9.996e22), '1e23 FLOPs');
      assert.equal(formatFlops(5.76e23, 2), '5.8e23 FLOPs');
      assert.equal(formatPfDays(5.76e23, 2), '6,700 PF-days');
    });
    it('parameters and tokens in both languages', () => {
      // 175B = 1750 亿 (1 亿 = 10^8); 1.4T tokens = 1.4 万亿 (10^12); 6.7B = 67 亿.
      assert.equal(formatParams(1.75e11, 'en'), '175B parameters');
      assert.equal(formatParams(1.75e11, 'zh'), '1750亿参数');
      assert.equal(formatCount(1.4e12, 'en'), '1.4T');
      assert.equal(formatCount(1.4e12, 'zh'), '1.4万亿');
      assert.equal(formatCount(6.7e9, 'zh'), '67亿');
      assert.equal(formatCount(12345, 'zh'), '1.2万');
      assert.equal(formatCount(9999, 'zh'), '9999');
      assert.equal(formatCount(1e4, 'zh'), '1万');
      assert.equal(formatCount(-2.5e9, 'en'), '-2.5B');
      assert.equal(formatCount(125e6, 'en'), '125M');
      assert.equal(formatCount(9.99e15, 'zh'), '9990万亿');
      assert.equal(formatCount(1e15, 'en'), '1e+15');
      assert.equal(formatCount(Infinity, 'en'), 'Infinity');
    });
    it('Python rounds exact ties half to even; near-ties by their binary value', () => {
      // python3: [f"{x:.0e}" for x in (2.5e11, 3.5e11, 9.5e9, 4.5e-7, 0.5)], f"{1.25e11:.1e}", f"{6.25e10:.1e}"
      assert.deepEqual(
        [2.5e11, 3.5e11, 9.5e9, 4.5e-7, 0.5].map((x) => pythonExp(x)),
        ['2e+11', '4e+11', '1e+10', '4e-07', '5e-01'],
      );
      assert.equal(pythonExp(1.25e11, 1), '1.2e+11');
      assert.equal(pythonExp(6.25e10, 1), '6.2e+10');
      assert.equal(pythonExp(-2.5e11), '-2e+11');
      assert.equal(pythonExp(1.0005e3, 3), '1.000e+03');
    });
    it('numbers as a note writes them', () => {
      assert.equal(formatNoteNumber(0.076), '0.076');
      assert.equal(formatNoteNumber(8.8e13), '8.8e13');
      assert.equal(formatNoteNumber(1.8172), '1.817');
      assert.equal(formatNoteNumber(406.4), '406.4');
      assert.equal(formatNoteNumber(1e-4), '1e-4');
      assert.equal(formatNoteNumber(123456), '1.235e5');
      // 99999 to 4 significant digits is 100000, written out (below the 1e5 switch).
      assert.equal(formatNoteNumber(99999), '100000');
      assert.equal(formatNoteNumber(0), '0');
      // The switches to exponents sit at 1e5 and 1e-3 exactly.
      assert.equal(formatNoteNumber(1e5), '1e5');
      assert.equal(formatNoteNumber(0.001), '0.001');
      assert.equal(formatScientific(-3.2e-5), '-3.2 × 10^-5');
      assert.equal(formatScientific(0), '0');
    });
  });
});
