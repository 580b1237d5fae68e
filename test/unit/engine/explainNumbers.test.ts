// Every number a worked example prints (10×, 100×, halving, doubling, the loss at a
// point, FLOPs and PF-days), parsed from the text and compared with a value computed
// here from the published constants (issue 15). Printed values have 3 significant
// digits, so each is checked to within half a unit in its third digit.
import assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';

// The papers' constants, written here again rather than imported from src/engine/laws.
const KAPLAN = { alphaC: 0.05, ccPfDays: 3.1e8, alphaN: 0.076, nc: 8.8e13, alphaD: 0.095, dc: 5.4e13 };
const KAPLAN_ND = { nc: 6.4e13, dc: 1.8e13, alphaN: 0.076, alphaD: 0.103 };
const HOFFMANN = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
const PF_DAY_FLOPS = 1e15 * 24 * 3600;

const NUM = '(-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?)';

/** The numbers the pattern captures (NUM marks each). */
function numbers(text: string, pattern: string): number[] {
  const m = new RegExp(pattern).exec(text);
  assert.ok(m, `/${pattern}/ not in: ${text}`);
  return m.slice(1).map(Number);
}

/** Printed to 3 significant digits: equal to the true value within half a unit in the 3rd digit. */
function printed(shown: number, truth: number, what: string): void {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(truth))) - 2);
  assert.ok(Math.abs(shown - truth) <= 0.5 * unit * (1 + 1e-9), `${what}: printed ${shown}, computed ${truth}`);
}

function example(formula: string, lang: 'en' | 'zh', note = ''): string {
  const rec = recognizeAll(formula)[0];
  assert.ok(rec, formula);
  return explain(rec, lang, extractNoteValues(note)).example;
}

describe('explanations: every printed number recomputed', () => {
  for (const alpha of [0.05, 0.076, 0.34, 0.7]) {
    it(`L(C) with α = ${alpha} from the note: 10×, 100× and halving (en, zh)`, () => {
      const en = example('L(C) ≈ (C₀/C)^α', 'en', `α = ${alpha}`);
      const [x10] = numbers(en, `10× more compute multiplies the loss by 10\\^-α = ${NUM} for α = ${alpha} \\(from the note\\)`);
      const [x100] = numbers(en, `; 100× multiplies it by ${NUM},`);
      const [half] = numbers(en, `halving it takes 2\\^\\(1/α\\) ≈ ${NUM}× more compute`);
      printed(x10, 10 ** -alpha, '10×');
      printed(x100, 100 ** -alpha, '100×');
      printed(half, 2 ** (1 / alpha), 'halving');
      // Halving the loss with L ∝ C^-α really takes that factor of compute.
      assert.ok(Math.abs(half ** -alpha - 0.5) < 0.01, `(${half})^-α should be ½`);
      const zh = example('L(C) ≈ (C₀/C)^α', 'zh', `α = ${alpha}`);
      const z = numbers(zh, `损失乘以 10\\^-α = ${NUM};增加 100 倍,乘以 ${NUM};要让损失减半,需要约 2\\^\\(1/α\\) ≈ ${NUM} 倍的计算量`);
      printed(z[0], 10 ** -alpha, '10× (zh)');
      printed(z[1], 100 ** -alpha, '100× (zh)');
      printed(z[2], 2 ** (1 / alpha), 'halving (zh)');
    });
  }

  it("L(C) with Kaplan's constants: the loss at C = 1 PF-day", () => {
    const en = example('L(C) ≈ (C₀/C)^α', 'en');
    const [x10] = numbers(en, `10\\^-α = ${NUM} for α = 0.05 \\(Kaplan et al. 2020\\)`);
    printed(x10, 10 ** -KAPLAN.alphaC, '10×');
    const [loss] = numbers(en, `at C = 1 PF-day: L = \\(3\\.1e8/1\\)\\^0\\.05 ≈ ${NUM}\\.`);
    printed(loss, KAPLAN.ccPfDays ** KAPLAN.alphaC, 'L(1 PF-day)');
  });

  it("L(N) and L(D) with Kaplan's constants: no floor, since Kaplan fitted none", () => {
    const n = example('L(N) = (N_c/N)^α_N', 'en');
    const [nx10, nx100, nhalf, nLoss] = numbers(
      n,
      `10\\^-α_N = ${NUM} .*100× multiplies it by ${NUM}, and halving it takes 2\\^\\(1/α_N\\) ≈ ${NUM}× more parameters.*at N = 1B parameters: L = \\(8\\.8e13/1e9\\)\\^0\\.076 ≈ ${NUM}\\.`,
    );
    printed(nx10, 10 ** -KAPLAN.alphaN, 'N 10×');
    printed(nx100, 100 ** -KAPLAN.alphaN, 'N 100×');
    printed(nhalf, 2 ** (1 / KAPLAN.alphaN), 'N halving');
    printed(nLoss, (KAPLAN.nc / 1e9) ** KAPLAN.alphaN, 'L(1e9)');
    const d = example('L(D) = (D_c/D)^α_D + L∞', 'zh');
    const [dx10, dx100, dhalf, dLoss] = numbers(
      d,
      `10\\^-α_D = ${NUM};增加 100 倍,乘以 ${NUM};要让损失减半,需要约 2\\^\\(1/α_D\\) ≈ ${NUM} 倍的数据量.*L = \\(5\\.4e13/1e10\\)\\^0\\.095 ≈ ${NUM}。`,
    );
    printed(dx10, 10 ** -KAPLAN.alphaD, 'D 10×');
    printed(dx100, 100 ** -KAPLAN.alphaD, 'D 100×');
    printed(dhalf, 2 ** (1 / KAPLAN.alphaD), 'D halving');
    printed(dLoss, (KAPLAN.dc / 1e10) ** KAPLAN.alphaD, 'L(1e10 tokens), no floor');
    assert.match(d, /Kaplan 的这条定律没有不可约项/);
  });

  it('Chinchilla at 70B / 1.4T: the terms, the loss, 10× each and doubling both (en, zh)', () => {
    const { E, A, B, alpha, beta } = HOFFMANN;
    const N = 7e10;
    const D = 1.4e12;
    const tN = A / N ** alpha;
    const tD = B / D ** beta;
    for (const lang of ['en', 'zh'] as const) {
      const text = example('L = E + A/N^α + B/D^β', lang);
      const [e, termN, termD, loss] = numbers(text, `L = ${NUM} \\+ ${NUM} \\+ ${NUM} ≈ ${NUM}`);
      printed(e, E, 'E');
      printed(termN, tN, 'A/N^α');
      printed(termD, tD, 'B/D^β');
      printed(loss, E + tN + tD, 'L');
      const [shrinkN, shrinkD] = numbers(text, `10\\^-α = ${NUM}.*10\\^-β = ${NUM}`);
      printed(shrinkN, 10 ** -alpha, '10× parameters');
      printed(shrinkD, 10 ** -beta, '10× data');
      const [twice] = numbers(
        text,
        lang === 'en' ? `Doubling both N and D \\(about 4× compute\\) gives L ≈ ${NUM}` : `N 与 D 都翻倍\\(计算量约 4 倍\\)时,L ≈ ${NUM}`,
      );
      printed(twice, E + A / (2 * N) ** alpha + B / (2 * D) ** beta, 'doubling N and D');
    }
  });

  it('Chinchilla with N and D from the note', () => {
    const { E, A, B, alpha, beta } = HOFFMANN;
    const text = example('L = E + A/N^α + B/D^β', 'en', 'N = 1e9, D = 2e10');
    const [loss] = numbers(text, `For N = 1B parameters and D = 20B tokens: L = [^≈]*≈ ${NUM}`);
    printed(loss, E + A / 1e9 ** alpha + B / 2e10 ** beta, 'L(1e9, 2e10)');
    const [twice] = numbers(text, `gives L ≈ ${NUM}`);
    printed(twice, E + A / 2e9 ** alpha + B / 4e10 ** beta, 'doubling');
  });

  it('the additive form with N₀ = A^(1/α), D₀ = B^(1/β) gives the same loss as Chinchilla', () => {
    const { E, A, B, alpha, beta } = HOFFMANN;
    const text = example('L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞', 'en');
    const [n0, d0] = numbers(text, `N₀ = ${NUM} \\(Hoffmann et al\\. 2022\\), D₀ = ${NUM}`);
    printed(n0, A ** (1 / alpha), 'N₀');
    printed(d0, B ** (1 / beta), 'D₀');
    const [loss] = numbers(text, `L = [^≈]*≈ ${NUM}`);
    printed(loss, E + A / 7e10 ** alpha + B / 1.4e12 ** beta, 'L');
  });

  it("Kaplan's L(N, D): the loss, the unlimited-data loss and the penalty", () => {
    const { nc, dc, alphaN, alphaD } = KAPLAN_ND;
    const N = 1e9;
    const D = 2e10;
    const loss = ((nc / N) ** (alphaN / alphaD) + dc / D) ** alphaD;
    const unlimited = (nc / N) ** alphaN;
    const text = example('L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D', 'en');
    const [l, u, pct] = numbers(
      text,
      `\\]\\^α_D ≈ ${NUM}; with unlimited data it would be \\(N_c/N\\)\\^α_N ≈ ${NUM}, so the finite data costs about ${NUM}% more loss`,
    );
    printed(l, loss, 'L');
    printed(u, unlimited, 'unlimited data');
    printed(pct, (loss / unlimited - 1) * 100, 'penalty %');
  });

  it("C ≈ 6ND: FLOPs and PF-days of Chinchilla, and of the note's model", () => {
    const [c, pf] = numbers(example('C ≈ 6ND', 'en'), `= ${NUM} FLOPs, about ${NUM} PF-days`);
    printed(c, 6 * 7e10 * 1.4e12, 'FLOPs');
    // 5.88e23 / 8.64e19 = 6805.6 PF-days; printed as an integer.
    assert.equal(pf, Math.round((6 * 7e10 * 1.4e12) / PF_DAY_FLOPS));
    const [c2, pf2] = numbers(example('C ≈ 6ND', 'zh', 'N = 1.75e11, D = 3e11'), `= ${NUM} FLOPs,约 ${NUM} PF-天`);
    printed(c2, 6 * 1.75e11 * 3e11, 'GPT-3 FLOPs');
    printed(pf2, (6 * 1.75e11 * 3e11) / PF_DAY_FLOPS, 'GPT-3 PF-days');
  });
});
