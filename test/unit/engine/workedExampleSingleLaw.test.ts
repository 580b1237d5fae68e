// The worked example of Kaplan's single-variable laws (src/engine/formulas/example.ts), word
// for word in both languages: L(N) = (N_c/N)^α_N, L(D) = (D_c/D)^α_D, L(C) = (C_c/C)^α_C.
// Every number is recomputed here from Kaplan et al. 2020 (eq. 1.1–1.3, Table 5):
// α_N = 0.076, N_c = 8.8e13; α_D = 0.095, D_c = 5.4e13; α_C = 0.05, C_c = 3.1e8 PF-days;
// 1 PF-day = 1e15 FLOP/s × 86,400 s = 8.64e19 FLOPs.
import * as assert from 'node:assert/strict';
import { workedExample } from '../../../src/engine/formulas/example';
import { explain, Resolver } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import { formatNumber as f } from '../../../src/engine/format';
import type { Lang } from '../../../src/engine/text';

const PF_DAY = 1e15 * 86_400;
const A_N = 0.076;
const N_C = 8.8e13;
const A_D = 0.095;
const D_C = 5.4e13;
const A_C = 0.05;
const C_C = 3.1e8;

function explained(formula: string, note: string, lang: Lang) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return explain(rec, lang, extractNoteValues(note));
}

function outcome(formula: string, note: string) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return workedExample(rec, new Resolver(rec, extractNoteValues(note)), 'en', {});
}

const L_N = 'L(N) = (N_c/N)^α_N';
const L_D_FLOOR = 'L(D) = (D_c/D)^α_D + L∞';
const L_C = 'L(C) = (C_c/C)^α_C';

describe('engine/formulas: worked example of a single-variable law', () => {
  it("L(N) at the note's N: the ratios for 10× and 100×, the halving factor, then the loss, in both languages", () => {
    const loss = (N_C / 2e9) ** A_N;
    const en = explained(L_N, 'N = 2e9', 'en');
    assert.equal(
      en.example,
      `10× more parameters multiplies the loss by 10^-α_N = ${f(10 ** -A_N)} for α_N = 0.076 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_N)}, and halving it takes 2^(1/α_N) ≈ ${f(2 ** (1 / A_N))}× more parameters. With N_c = 8.8e13 (Kaplan et al. 2020), at N = 2B parameters: L = (8.8e13/2e9)^0.076 ≈ ${f(loss)}. Constants from one fit: Kaplan et al. 2020, L(N) (eq. 1.1).`,
    );
    assert.deepEqual(en.exampleResult, { symbol: 'L', value: loss, unit: 'nats per token' });
    assert.deepEqual(en.exampleValues.N, { value: 2e9, source: 'note' });
    assert.equal(
      explained(L_N, 'N = 2e9', 'zh').example,
      `取 α_N = 0.076(Kaplan 等,2020):参数量增加 10 倍,损失乘以 10^-α_N = ${f(10 ** -A_N)};增加 100 倍,乘以 ${f(100 ** -A_N)};要让损失减半,需要约 2^(1/α_N) ≈ ${f(2 ** (1 / A_N))} 倍的参数量。再取 N_c = 8.8e13(Kaplan 等,2020),当 N = 20亿参数时,L = (8.8e13/2e9)^0.076 ≈ ${f(loss)}。常数取自同一组拟合:Kaplan 等 2020,L(N)(式 1.1)。`,
    );
    assert.deepEqual(outcome(L_N, 'N = 2e9').point, { N: 2e9, loss });
  });

  it('a scale from the note and no N: only the ratio, since the usual example size belongs to the published scale', () => {
    const e = explained(L_N, 'N_c = 9e13', 'en');
    assert.equal(
      e.example,
      `10× more parameters multiplies the loss by 10^-α_N = ${f(10 ** -A_N)} for α_N = 0.076 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_N)}, and halving it takes 2^(1/α_N) ≈ ${f(2 ** (1 / A_N))}× more parameters. Constants the note leaves out come from one fit: Kaplan et al. 2020, L(N) (eq. 1.1).`,
    );
    assert.deepEqual(e.exampleResult, { symbol: 'L(10N)/L(N)', value: 10 ** -A_N, unit: 'dimensionless' });
    assert.equal(outcome(L_N, 'N_c = 9e13').point, undefined);
  });

  it('L(D) + L∞ with the floor from the note: the reducible part scales, the floor is added to the loss', () => {
    const reducible = (D_C / 1e10) ** A_D;
    assert.equal(
      explained(L_D_FLOOR, 'L∞ = 1.5', 'en').example,
      `10× more data multiplies the reducible part L − L∞ by 10^-α_D = ${f(10 ** -A_D)} for α_D = 0.095 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_D)}, and halving it takes 2^(1/α_D) ≈ ${f(2 ** (1 / A_D))}× more data. With D_c = 5.4e13 (Kaplan et al. 2020), at D = 10B tokens: L = (5.4e13/1e10)^0.095 + 1.5 ≈ ${f(reducible + 1.5)}. Constants the note leaves out come from one fit: Kaplan et al. 2020, L(D) (eq. 1.2).`,
    );
    assert.equal(
      explained(L_D_FLOOR, 'L∞ = 1.5', 'zh').example,
      `取 α_D = 0.095(Kaplan 等,2020):数据量增加 10 倍,可约部分 L − L∞ 乘以 10^-α_D = ${f(10 ** -A_D)};增加 100 倍,乘以 ${f(100 ** -A_D)};要让可约部分减半,需要约 2^(1/α_D) ≈ ${f(2 ** (1 / A_D))} 倍的数据量。再取 D_c = 5.4e13(Kaplan 等,2020),当 D = 100亿 token时,L = (5.4e13/1e10)^0.095 + 1.5 ≈ ${f(reducible + 1.5)}。笔记未给出的常数取自同一组拟合:Kaplan 等 2020,L(D)(式 1.2)。`,
    );
    assert.deepEqual(outcome(L_D_FLOOR, 'L∞ = 1.5').point, { D: 1e10, loss: reducible + 1.5 });
  });

  it("L∞ written without a value: Kaplan's fit has none, so the example adds no floor and says so; without L∞, no such sentence", () => {
    const loss = (D_C / 1e10) ** A_D;
    const start = `10× more data multiplies the loss by 10^-α_D = ${f(10 ** -A_D)} for α_D = 0.095 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_D)}, and halving it takes 2^(1/α_D) ≈ ${f(2 ** (1 / A_D))}× more data.`;
    const end = ` With D_c = 5.4e13 (Kaplan et al. 2020), at D = 10B tokens: L = (5.4e13/1e10)^0.095 ≈ ${f(loss)}. Constants from one fit: Kaplan et al. 2020, L(D) (eq. 1.2).`;
    assert.equal(
      explained(L_D_FLOOR, '', 'en').example,
      `${start} The formula writes L∞, but Kaplan's law has no irreducible term and publishes no value for one, so the example adds none; write L∞'s value in the note to add your own.${end}`,
    );
    assert.equal(explained('L(D) = (D_c/D)^α_D', '', 'en').example, `${start}${end}`);
    assert.deepEqual(outcome('L(D) = (D_c/D)^α_D', '').point, { D: 1e10, loss });
  });

  it('C₀ written in FLOPs and C in PF-days: C is converted into FLOPs, each unit named once, "1 PF-day" singular', () => {
    const cc = 2.68e28;
    const loss = (cc / PF_DAY) ** A_C;
    const head = `10× more compute multiplies the loss by 10^-α_C = ${f(10 ** -A_C)} for α_C = 0.05 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_C)}, and halving it takes 2^(1/α_C) ≈ ${f(2 ** (1 / A_C))}× more compute.`;
    assert.equal(
      explained(L_C, 'C_c = 2.68e28 FLOPs, C = 1 PF-day', 'en').example,
      `${head} C and C_c are in different units: 1 PF-day = ${f(PF_DAY)} FLOPs (1 PF-day = 8.64e19 FLOPs). With C_c = 2.68e28 FLOPs (from the note), at C = 1 PF-day: L = (2.68e28/${f(PF_DAY)})^0.05 ≈ ${f(loss)}. Constants the note leaves out come from one fit: Kaplan et al. 2020, L(C_min) (eq. 1.3).`,
    );
    assert.equal(
      explained(L_C, 'C_c = 2.68e28 FLOPs, C = 1 PF-day', 'zh').example,
      `取 α_C = 0.05(Kaplan 等,2020):计算量增加 10 倍,损失乘以 10^-α_C = ${f(10 ** -A_C)};增加 100 倍,乘以 ${f(100 ** -A_C)};要让损失减半,需要约 2^(1/α_C) ≈ ${f(2 ** (1 / A_C))} 倍的计算量。C 与 C_c 单位不同:1 PF-天 = ${f(PF_DAY)} FLOPs(1 PF-天 = 8.64e19 FLOPs)。再取 C_c = 2.68e28 FLOPs(取自笔记),当 C = 1 PF-天时,L = (2.68e28/${f(PF_DAY)})^0.05 ≈ ${f(loss)}。笔记未给出的常数取自同一组拟合:Kaplan 等 2020,L(C_min)(式 1.3)。`,
    );
    assert.deepEqual(outcome(L_C, 'C_c = 2.68e28 FLOPs, C = 1 PF-day').point, { computeFlops: PF_DAY, loss });
  });

  it('C without a unit is read from its size (5e20: FLOPs) and the example says so; the point is in FLOPs either way', () => {
    const pf = 5e20 / PF_DAY;
    const loss = (C_C / pf) ** A_C;
    const en = explained(L_C, 'C = 5e20', 'en').example;
    assert.ok(
      en.includes(
        ` C and C_c are in different units: 5e20 FLOPs (no unit written; read as FLOPs from its size) = ${f(pf)} PF-days (1 PF-day = 8.64e19 FLOPs). With C_c = 3.1e8 PF-days (Kaplan et al. 2020), at C = 5e20 FLOPs: L = (3.1e8/${f(pf)})^0.05 ≈ ${f(loss)}.`,
      ),
      en,
    );
    const zh = explained(L_C, 'C = 5e20', 'zh').example;
    assert.ok(zh.includes(`C 与 C_c 单位不同:5e20 FLOPs(未写单位,按大小读作 FLOPs) = ${f(pf)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`), zh);
    assert.deepEqual(outcome(L_C, 'C = 5e20').point, { computeFlops: 5e20, loss });
    assert.deepEqual(outcome(L_C, 'C = 2 PF-days').point, { computeFlops: 2 * PF_DAY, loss: (C_C / 2) ** A_C });
  });

  it('no C in the note: the usual example size, 1 PF-day, against the published C_c', () => {
    const e = explained(L_C, '', 'en');
    assert.ok(e.example.includes(` With C_c = 3.1e8 PF-days (Kaplan et al. 2020), at C = 1 PF-day: L = (3.1e8/1)^0.05 ≈ ${f(C_C ** A_C)}.`), e.example);
    assert.deepEqual(outcome(L_C, '').point, { computeFlops: PF_DAY, loss: C_C ** A_C });
  });

  it('C and C₀ in one unit need no conversion; exactly one FLOP is "1 FLOP"', () => {
    const loss = (C_C / 3) ** A_C;
    assert.equal(
      explained(L_C, 'C = 3 PF-days', 'en').example,
      `10× more compute multiplies the loss by 10^-α_C = ${f(10 ** -A_C)} for α_C = 0.05 (Kaplan et al. 2020); 100× multiplies it by ${f(100 ** -A_C)}, and halving it takes 2^(1/α_C) ≈ ${f(2 ** (1 / A_C))}× more compute. With C_c = 3.1e8 PF-days (Kaplan et al. 2020), at C = 3 PF-days: L = (3.1e8/3)^0.05 ≈ ${f(loss)}. Constants from one fit: Kaplan et al. 2020, L(C_min) (eq. 1.3).`,
    );
    const one = explained(L_C, 'C = 1 FLOPs', 'en').example;
    assert.ok(one.includes(` C and C_c are in different units: 1 FLOP = ${f(1 / PF_DAY)} PF-days`), one);
    assert.ok(one.includes('at C = 1 FLOP:'), one);
  });

  it('every constant written in the formula: no fit sentence at all', () => {
    const loss = (C_C / 3) ** A_C;
    assert.equal(
      explained('L(C) = (3.1e8/C)^0.05', 'C = 3 PF-days', 'en').example,
      `10× more compute multiplies the loss by 10^-α = ${f(10 ** -A_C)} for α = 0.05 (written in the formula); 100× multiplies it by ${f(100 ** -A_C)}, and halving it takes 2^(1/α) ≈ ${f(2 ** (1 / A_C))}× more compute. With C₀ = 3.1e8 PF-days (written in the formula), at C = 3 PF-days: L = (3.1e8/3)^0.05 ≈ ${f(loss)}.`,
    );
  });
});
