// Which fit supplies a formula's missing constants, and the warnings about the written ones
// (src/engine/formulas/fitChoice.ts), word for word in both languages. The published
// constants, checked against the papers: Kaplan et al. 2020 (Table 5 and eq. 1.1–1.3:
// α_N = 0.076, N_c = 8.8e13; α_D = 0.095, D_c = 5.4e13; α_C = 0.05, C_c = 3.1e8 PF-days;
// eq. 1.5: α_D = 0.103), Hoffmann et al. 2022 eq. 10 (E = 1.69, A = 406.4, B = 410.7,
// α = 0.34, β = 0.28), Besiroglu et al. 2024 (E = 1.8172 ± 0.03, A = 482.01 ± 124.58,
// B = 2085.43 ± 1293.23, α = 0.3478 ± 0.02, β = 0.3658 ± 0.02). 1 PF-day = 8.64e19 FLOPs.
import * as assert from 'node:assert/strict';
import { explain, Resolver } from '../../../src/engine/formulas/explain';
import { chooseFit, computeUnitOf } from '../../../src/engine/formulas/fitChoice';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import type { Lang } from '../../../src/engine/text';

function recognized(formula: string) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return rec;
}

const choice = (formula: string, note: string) => new Resolver(recognized(formula), extractNoteValues(note)).choice;

/** The warnings about the constants (the range cautions are another file's concern). */
function warned(formula: string, note: string, lang: Lang = 'en') {
  return explain(recognized(formula), lang, extractNoteValues(note)).warnings.filter((w) => !w.code.startsWith('extrapolation'));
}

const CHINCHILLA = 'L = E + A/N^α + B/D^β';
const ADDITIVE = 'L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞';
const L_N_FLOOR = 'L(N) = (N_c/N)^α_N + L∞';
const L_C = 'L(C) = (C_c/C)^α_C';
const HOFFMANN = 'Hoffmann et al. 2022 (approach 3, eq. 10)';
const BESIROGLU = 'Besiroglu et al. 2024 (Epoch AI refit of approach 3)';

describe('engine/formulas: choosing the one fit', () => {
  it('a compute without a unit is PF-days below 1e15 and FLOPs from 1e15 up; a written unit wins', () => {
    assert.equal(computeUnitOf(1e15), 'FLOPs');
    assert.equal(computeUnitOf(9.99e14), 'PF-days');
    assert.equal(computeUnitOf(3.1e8, 'FLOPs'), 'FLOPs');
  });

  it('the fit most written values match; the law’s default (Hoffmann) when none or equally many match', () => {
    assert.equal(choice(CHINCHILLA, '').fit, 'hoffmann2022');
    assert.equal(choice(CHINCHILLA, 'E = 1.8172, A = 999').fit, 'besiroglu2024', "Besiroglu's E, an A of neither fit");
    assert.equal(choice(CHINCHILLA, 'E = 1.8172, A = 406.4, B = 410.7').fit, 'hoffmann2022', 'two of Hoffmann’s against one of Besiroglu’s');
    assert.equal(choice(CHINCHILLA, 'E = 1.8172, A = 406.4').fit, 'hoffmann2022', 'one each: the default');
    assert.equal(choice(CHINCHILLA, 'E = 1.8172, A = 482.01').fit, 'besiroglu2024');
  });

  it('within 2% is the published value, the boundary included', () => {
    const edge = 3.1e8 + 0.02 * 3.1e8;
    assert.equal(Math.abs(edge - 3.1e8), 0.02 * 3.1e8, 'the boundary is exact in floating point');
    assert.equal(choice(L_C, `C_c = ${edge}`).allFromFit, true);
    assert.equal(choice(L_C, 'C_c = 3.17e8').allFromFit, false, '2.3% off');
  });

  it('all from the fit only when every written constant is that fit’s, in the law', () => {
    assert.equal(choice(CHINCHILLA, 'E = 1.69, A = 406.4').allFromFit, true);
    assert.equal(choice(CHINCHILLA, 'E = 1.8172, A = 406.4').allFromFit, false, 'Besiroglu’s E');
    assert.equal(choice(L_N_FLOOR, 'N_c = 8.8e13, L∞ = 1.69').allFromFit, false, 'Kaplan’s L(N) has no L∞');
    assert.equal(choice(L_C, 'C_c = 2.68e28 FLOPs').allFromFit, true, '3.1e8 PF-days in FLOPs');
  });

  it('the fit fills the constants the formula has and the note leaves out, only those of its law', () => {
    assert.deepEqual(choice(L_N_FLOOR, 'N_c = 9e13').filled, ['alpha_N']);
    assert.deepEqual(choice(CHINCHILLA, 'A = 406.4, β = 0.28').filled, ['E', 'B', 'alpha']);
    const label = (role: string) => role;
    assert.deepEqual(chooseFit('loss-params', new Map(), ['N_0', 'alpha_N', 'L_inf'], label).filled, ['N_0', 'alpha_N']);
  });

  it('C ≈ 6ND has no fitted law: no fit, nothing filled, no warning', () => {
    const c = choice('C = 6ND', 'N = 1e9');
    assert.deepEqual(c, { kind: 'compute-flops', filled: [], allFromFit: false, kaplanSum: false, warnings: [] });
  });
});

describe('engine/formulas: warnings about the written constants', () => {
  it('a constant the law does not have: named, with the other fit it belongs to when it is one', () => {
    assert.deepEqual(
      warned(L_N_FLOOR, 'L∞ = 1.69').map((w) => w.message),
      [
        `L∞ = 1.69 is not a constant of Kaplan's L(N) (Kaplan et al. 2020, eq. 1.1), which has no such term; 1.69 is E of ${HOFFMANN}, a different fit. The example adds it as written, so its result is not that paper's prediction.`,
        `These constants come from different fits (L∞ = 1.69 from ${HOFFMANN}; N_c, α_N from Kaplan et al. 2020, L(N) (eq. 1.1)). Constants belong to their fit as a whole set; the mixture is no paper's prediction.`,
      ],
    );
    assert.deepEqual(warned(L_N_FLOOR, 'L∞ = 1.23'), [
      {
        code: 'not-in-law',
        message:
          "L∞ = 1.23 is not a constant of Kaplan's L(N) (Kaplan et al. 2020, eq. 1.1), which has no such term. The example adds it as written, so its result is not that paper's prediction.",
      },
    ]);
    assert.deepEqual(
      warned(L_N_FLOOR, 'L∞ = 1.69', 'zh').map((w) => w.message),
      [
        'L∞ = 1.69 不是Kaplan 的 L(N)(Kaplan et al. 2020, eq. 1.1)的常数,该定律没有这一项;1.69 是Hoffmann 等 2022(方法 3,式 10)的 E,属于另一组拟合。算例按所写加上它,结果因此不是该论文的预测。',
        '这些常数来自不同的拟合(L∞ = 1.69 取自Hoffmann 等 2022(方法 3,式 10);N_c、α_N 取自Kaplan 等 2020,L(N)(式 1.1))。常数只在各自的整组拟合中有意义;混用的结果不是任何论文的预测。',
      ],
    );
    assert.deepEqual(
      warned(L_N_FLOOR, 'L∞ = 1.23', 'zh').map((w) => w.message),
      ['L∞ = 1.23 不是Kaplan 的 L(N)(Kaplan et al. 2020, eq. 1.1)的常数,该定律没有这一项。算例按所写加上它,结果因此不是该论文的预测。'],
    );
  });

  it("Kaplan's L(N) and L(D) constants summed in the additive form: the sum is named as such, in both languages", () => {
    const note = 'N₀ = 8.8e13, α_N = 0.076, D₀ = 5.4e13, α_D = 0.095';
    assert.equal(choice(ADDITIVE, note).kaplanSum, true);
    const list =
      'N₀ = 8.8e13 is N_c of Kaplan et al. 2020, L(N) (eq. 1.1), D₀ = 5.4e13 is D_c of Kaplan et al. 2020, L(D) (eq. 1.2), α_N = 0.076 is α_N of Kaplan et al. 2020, L(N) (eq. 1.1), α_D = 0.095 is α_D of Kaplan et al. 2020, L(D) (eq. 1.2)';
    assert.equal(
      warned(ADDITIVE, note)[0].message,
      `${list}: Kaplan's L(N) and L(D) are separate single-variable laws, never summed as terms of one formula; Kaplan's own law in N and D is eq. 1.5.`,
    );
    const zh = warned(ADDITIVE, note, 'zh').map((w) => w.message);
    assert.deepEqual(zh, [
      'N₀ = 8.8e13 是Kaplan 等 2020,L(N)(式 1.1)的 N_c、D₀ = 5.4e13 是Kaplan 等 2020,L(D)(式 1.2)的 D_c、α_N = 0.076 是Kaplan 等 2020,L(N)(式 1.1)的 α_N、α_D = 0.095 是Kaplan 等 2020,L(D)(式 1.2)的 α_D:Kaplan 的 L(N) 与 L(D) 是两个单变量定律,从未作为同一公式的两项相加;Kaplan 自己的 N、D 联合定律是式 1.5。',
      '这些常数来自不同的拟合(N₀ = 8.8e13、α_N = 0.076 取自Kaplan 等 2020,L(N)(式 1.1);D₀ = 5.4e13、α_D = 0.095 取自Kaplan 等 2020,L(D)(式 1.2);L∞ 取自Hoffmann 等 2022(方法 3,式 10))。常数只在各自的整组拟合中有意义;混用的结果不是任何论文的预测。',
    ]);
  });

  it('a sum needs both of Kaplan’s laws, in the additive form: other foreign constants get the general warning', () => {
    assert.equal(choice(ADDITIVE, 'α_D = 0.095').kaplanSum, false, 'L(D) alone');
    assert.equal(choice(ADDITIVE, 'α_N = 0.076').kaplanSum, false, 'L(N) alone');
    assert.equal(choice(ADDITIVE, 'α_N = 0.103, α_D = 0.095').kaplanSum, false, "the joint law's α_D and L(D)'s");
    assert.equal(choice(CHINCHILLA, 'α = 0.076, β = 0.095').kaplanSum, false, 'the Chinchilla form itself');
    const general = {
      en: 'α_N = 0.103 is α_D of Kaplan et al. 2020, joint L(N,D) (eq. 1.5), α_D = 0.095 is α_D of Kaplan et al. 2020, L(D) (eq. 1.2): a constant of a different law, not of the Chinchilla form (Hoffmann et al. 2022, eq. 2).',
      zh: 'α_N = 0.103 是Kaplan 等 2020,联合 L(N,D)(式 1.5)的 α_D、α_D = 0.095 是Kaplan 等 2020,L(D)(式 1.2)的 α_D:它们属于另一条定律,不是Chinchilla 形式(Hoffmann et al. 2022, eq. 2)的常数。',
    };
    assert.equal(warned(ADDITIVE, 'α_N = 0.103, α_D = 0.095')[0].message, general.en);
    assert.equal(warned(ADDITIVE, 'α_N = 0.103, α_D = 0.095', 'zh')[0].message, general.zh);
  });

  it('a value matches published constants of its own unit only: 8.8e13 tokens is not Kaplan’s N_c', () => {
    assert.deepEqual(
      warned(ADDITIVE, 'D₀ = 8.8e13').map((w) => w.code),
      ['far-from-fit'],
    );
  });

  it('two fits of one law mixed, in Chinese: each fit with the constants it supplied', () => {
    assert.deepEqual(
      warned(CHINCHILLA, 'E = 1.8172, A = 406.4', 'zh').map((w) => w.message),
      [
        '这些常数来自不同的拟合(E = 1.817 取自Besiroglu 等 2024(Epoch AI 对方法 3 的重新拟合);A = 406.4、B、α、β 取自Hoffmann 等 2022(方法 3,式 10))。常数只在各自的整组拟合中有意义;混用的结果不是任何论文的预测。',
      ],
    );
  });

  it('far from the fit: beyond 3 standard errors where the fit publishes them (Besiroglu), the boundary not yet far', () => {
    const codes = (note: string) => warned(CHINCHILLA, note).map((w) => w.code);
    // Besiroglu's E: 1.8172 ± 0.03, so 2.0 is 6 standard errors off but only 10%.
    assert.deepEqual(codes('A = 482.01, E = 2.0'), ['far-from-fit']);
    assert.deepEqual(codes('A = 482.01, E = 1.9'), [], '2.8 standard errors');
    // Besiroglu's A: 482.01 ± 124.58, so 700 is 45% off but within 3 standard errors.
    assert.deepEqual(codes('E = 1.8172, A = 700'), []);
    const edge = 482.01 + 3 * 124.58;
    assert.equal(Math.abs(edge - 482.01), 3 * 124.58, 'the boundary is exact in floating point');
    assert.deepEqual(codes(`E = 1.8172, A = ${edge}`), []);
    assert.deepEqual(codes('E = 1.8172, A = 860'), ['far-from-fit']);
  });

  it('far from the fit: beyond 25% where it publishes no standard errors (Kaplan), the boundary not yet far', () => {
    const codes = (note: string) => warned(L_C, note).map((w) => w.code);
    assert.deepEqual(codes('C_c = 3.5e8'), [], '13% off');
    assert.equal(3.875e8 - 3.1e8, 0.25 * 3.1e8, 'the boundary is exact in floating point');
    assert.deepEqual(codes('C_c = 3.875e8'), []);
    assert.deepEqual(codes('C_c = 3.9e8'), ['far-from-fit']);
    assert.deepEqual(codes('C_c = 0.00001234, α_C = 0.05'), [], 'nothing filled, so no fit to be far from');
  });

  it('the far values listed with the fit’s own, in both languages', () => {
    const note = 'E = 2.0, A = 482.01, B = 9000';
    assert.deepEqual(
      warned(CHINCHILLA, note).map((w) => w.message),
      [
        `E = 2 (${BESIROGLU}: 1.817), B = 9000 (${BESIROGLU}: 2085) is far from the fit that fills α, β; a fit's constants are estimated together, so this mixture is no fit's prediction.`,
      ],
    );
    assert.deepEqual(
      warned(CHINCHILLA, note, 'zh').map((w) => w.message),
      [
        'E = 2(Besiroglu 等 2024(Epoch AI 对方法 3 的重新拟合):1.817)、B = 9000(Besiroglu 等 2024(Epoch AI 对方法 3 的重新拟合):2085) 与填补 α、β 的那组拟合相差很远;一组拟合的常数是共同估计的,这样的组合不是任何拟合的预测。',
      ],
    );
  });

  it('a far compute scale is listed with its unit and the fit’s, both in PF-days or FLOPs as written', () => {
    const far = (lang: Lang) => warned(L_C, 'C_c = 3.1e8 FLOPs', lang).find((w) => w.code === 'far-from-fit')?.message;
    assert.equal(
      far('en'),
      "C_c = 3.1e8 FLOPs (Kaplan et al. 2020, L(C_min) (eq. 1.3): 3.1e8 PF-days) is far from the fit that fills α_C; a fit's constants are estimated together, so this mixture is no fit's prediction.",
    );
    assert.equal(
      far('zh'),
      'C_c = 3.1e8 FLOPs(Kaplan 等 2020,L(C_min)(式 1.3):3.1e8 PF-天) 与填补 α_C 的那组拟合相差很远;一组拟合的常数是共同估计的,这样的组合不是任何拟合的预测。',
    );
  });

  it("a compute scale in the wrong unit: Kaplan's 3.1e8 written in FLOPs, or its FLOPs count written in PF-days", () => {
    const mismatch = (note: string, lang: Lang = 'en') => warned(L_C, note, lang).find((w) => w.code === 'unit-mismatch')?.message;
    assert.equal(
      mismatch('C_c = 3.1e8 FLOPs'),
      'C_c = 3.1e8 FLOPs: 3.1e8 is C_c^min of Kaplan et al. 2020, L(C_min) (eq. 1.3) in PF-days, not in FLOPs (1 PF-day = 8.64e19 FLOPs).',
    );
    assert.equal(
      mismatch('C_c = 3.1e8 FLOPs', 'zh'),
      'C_c = 3.1e8 FLOPs:3.1e8 是Kaplan 等 2020,L(C_min)(式 1.3)以 PF-天 计的 C_c^min,单位不是 FLOPs(1 PF-天 = 8.64e19 FLOPs)。',
    );
    const flops = 3.1e8 * 8.64e19;
    assert.equal(
      mismatch(`C_c = ${flops} PF-days`),
      'C_c = 2.678e28 PF-days: 2.678e28 is C_c^min of Kaplan et al. 2020, L(C_min) (eq. 1.3) in FLOPs, not in PF-days (1 PF-day = 8.64e19 FLOPs).',
    );
    assert.equal(
      mismatch(`C_c = ${flops} PF-days`, 'zh'),
      'C_c = 2.678e28 PF-天:2.678e28 是Kaplan 等 2020,L(C_min)(式 1.3)以 FLOPs 计的 C_c^min,单位不是 PF-天(1 PF-天 = 8.64e19 FLOPs)。',
    );
    assert.equal(mismatch('C_c = 3.1e8 PF-days'), undefined, 'right as written');
    assert.equal(mismatch('C_c = 5 PF-days'), undefined, "the note's own value in either unit");
    assert.equal(mismatch('C_c = 2.68e28'), undefined, 'no unit written: read from its size, nothing contradicts');
    assert.equal(mismatch('α_C = 4.32e18'), undefined, 'only a compute has a unit to slip (4.32e18 / 8.64e19 = α_C)');
  });
});
