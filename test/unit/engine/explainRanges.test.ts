// Extrapolation cautions of a worked example (src/engine/formulas/explain.ts): outside a
// fit's range (Kaplan et al. 2020: N 768–1.5e9 parameters, D 2.2e7–2.3e10 tokens, C_min
// 1e-8–10 PF-days; Hoffmann et al. 2022: N 7e7–1.6e10, D 5e9–5e11), with a 0.1% margin, and
// below Kaplan's L* ≈ 1.7 nats (§6.3). Losses recomputed here from the papers' constants.
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import type { Lang } from '../../../src/engine/text';

function warnings(formula: string, note: string, lang: Lang = 'en') {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return explain(rec, lang, extractNoteValues(note)).warnings;
}

const codes = (formula: string, note: string) => warnings(formula, note).map((w) => w.code);
const L_N = 'L(N) = (N_c/N)^α_N';

describe('engine/formulas: extrapolation cautions', () => {
  it('within 0.1% of the fitted range is inside; beyond it the example extrapolates', () => {
    assert.deepEqual(codes(L_N, 'N = 1e9'), []);
    assert.deepEqual(codes(L_N, 'N = 1.5009e9'), [], '1.5e9 × 1.0006: inside the margin');
    assert.deepEqual(codes(L_N, 'N = 1.502e9'), ['extrapolation-range']);
    assert.deepEqual(codes(L_N, 'N = 767.5'), [], '768 × 0.99935');
    assert.deepEqual(codes(L_N, 'N = 767'), ['extrapolation-range']);
  });

  it('names the symbol, the fit, the range and its unit, in both languages', () => {
    const [en] = warnings(L_N, 'N = 1e12');
    assert.equal(
      en.message,
      'N = 1e12 is outside the range Kaplan et al. 2020, L(N) (eq. 1.1) was fitted on (768–1.5e9 parameters): the example extrapolates.',
    );
    const zh = warnings(L_N, 'N = 1e12', 'zh');
    assert.equal(zh[0].code, 'extrapolation-range');
    assert.ok(zh[0].message.startsWith('N = 1e12 超出') && zh[0].message.includes('(768–1.5e9 参数)') && zh[0].message.endsWith('算例是外推。'), zh[0].message);
    const both = warnings('L = E + A/N^α + B/D^β', 'N = 1e12, D = 1e13');
    assert.deepEqual(
      both.map((w) => w.message),
      [
        'N = 1e12 is outside the range Hoffmann et al. 2022 (approach 3, eq. 10) was fitted on (7e7–1.6e10 parameters): the example extrapolates.',
        'D = 1e13 is outside the range Hoffmann et al. 2022 (approach 3, eq. 10) was fitted on (5e9–5e11 tokens): the example extrapolates.',
      ],
    );
    assert.deepEqual(codes('L = E + A/N^α + B/D^β', 'N = 1e9, D = 2e10'), [], 'inside both ranges');
  });

  it("warns below Kaplan's L* ≈ 1.7 nats, with the loss the example reached", () => {
    // L(D) = (5.4e13 / 1e12)^0.095, Kaplan et al. 2020 eq. 1.2.
    const lD = (5.4e13 / 1e12) ** 0.095;
    const d = warnings('L(D) = (D_c/D)^α_D', 'D = 1e12');
    assert.deepEqual(
      d.map((w) => w.code),
      ['extrapolation-range', 'extrapolation-past-breakdown'],
    );
    assert.equal(
      d[1].message,
      `L ≈ ${lD.toPrecision(3)} is below L* ≈ 1.7 nats, where Kaplan et al. expect their laws to break down (§6.3): do not trust this number.`,
    );
    // L(C_min) = (3.1e8 / C)^0.05 with C = 1e30 FLOPs = 1e30 / 8.64e19 PF-days (eq. 1.3).
    const lC = (3.1e8 / (1e30 / 8.64e19)) ** 0.05;
    const c = warnings('L(C) = (C_c/C)^α_C', 'C = 1e30 FLOPs', 'zh');
    assert.equal(c[0].message, 'C = 1e30 超出Kaplan 等 2020,L(C_min)(式 1.3)拟合所用数据的范围(8.64e11–8.64e20 FLOPs):算例是外推。');
    assert.ok(c[1].message.startsWith(`L ≈ ${lC.toPrecision(3)} 低于 Kaplan 等估计其定律失效的 L* ≈ 1.7 奈特`), c[1].message);
    // Above L*: no breakdown warning. L(D) at D = 1e10: (5.4e13/1e10)^0.095 ≈ 2.26.
    assert.deepEqual(codes('L(D) = (D_c/D)^α_D', 'D = 1e10'), []);
  });
});
