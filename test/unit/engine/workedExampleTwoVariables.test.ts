// The worked example of the laws in N and D and of C ≈ kND (src/engine/formulas/example.ts),
// word for word in both languages. Numbers recomputed here from the papers: Hoffmann et al.
// 2022, eq. 10: E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28 (the seed's additive form
// has N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E); Kaplan et al. 2020, eq. 1.5 with Table 2:
// N_c = 6.4e13, D_c = 1.8e13, α_N = 0.076, α_D = 0.103; Chinchilla itself: 70B parameters on
// 1.4T tokens (Hoffmann et al. 2022, Table 4); 1 PF-day = 8.64e19 FLOPs.
import * as assert from 'node:assert/strict';
import { workedExample } from '../../../src/engine/formulas/example';
import { explain, Resolver } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import { formatNumber as f } from '../../../src/engine/format';
import type { Lang } from '../../../src/engine/text';

const E = 1.69;
const A = 406.4;
const B = 410.7;
const ALPHA = 0.34;
const BETA = 0.28;
const N0 = A ** (1 / ALPHA);
const D0 = B ** (1 / BETA);
const PF_DAY = 8.64e19;

function explained(formula: string, note: string, lang: Lang) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return explain(rec, lang, extractNoteValues(note));
}

function point(formula: string, note: string) {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return workedExample(rec, new Resolver(rec, extractNoteValues(note)), 'en', {}).point;
}

const CHINCHILLA = 'L = E + A/N^α + B/D^β';
const ADDITIVE = 'L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞';
const KAPLAN_ND = 'L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D';
const H = '(Hoffmann et al. 2022)';
const HZ = '(Hoffmann 等,2022)';

describe('engine/formulas: worked example in N and D', () => {
  it('the Chinchilla form at Chinchilla itself: each term, the loss, the values used, 10× and 2× of both, the floor', () => {
    const [N, D] = [7e10, 1.4e12];
    const tN = A / N ** ALPHA;
    const tD = B / D ** BETA;
    const twice = E + tN * 2 ** -ALPHA + tD * 2 ** -BETA;
    const en = explained(CHINCHILLA, '', 'en');
    assert.equal(
      en.example,
      `For N = 70B parameters and D = 1.4T tokens (Chinchilla itself): L = 1.69 + ${f(tN)} + ${f(tD)} ≈ ${f(E + tN + tD)}, using E = 1.69 ${H}, A = 406.4 ${H}, B = 410.7 ${H}, α = 0.34 ${H}, β = 0.28 ${H}. 10× more parameters multiplies the parameter term by 10^-α = ${f(10 ** -ALPHA)}; 10× more data multiplies the data term by 10^-β = ${f(10 ** -BETA)}. Doubling both N and D (about 4× compute) gives L ≈ ${f(twice)}; extrapolated, this formula never goes below 1.69. Constants from one fit: Hoffmann et al. 2022 (approach 3, eq. 10).`,
    );
    assert.deepEqual(en.exampleResult, { symbol: 'L', value: E + tN + tD, unit: 'nats per token' });
    assert.equal(
      explained(CHINCHILLA, '', 'zh').example,
      `取 N = 700 亿参数、D = 1.4 万亿 token(Chinchilla 本身):L = 1.69 + ${f(tN)} + ${f(tD)} ≈ ${f(E + tN + tD)},所用取值为 E = 1.69${HZ},A = 406.4${HZ},B = 410.7${HZ},α = 0.34${HZ},β = 0.28${HZ}。参数量增加 10 倍,参数项乘以 10^-α = ${f(10 ** -ALPHA)};数据量增加 10 倍,数据项乘以 10^-β = ${f(10 ** -BETA)}。N 与 D 都翻倍(计算量约 4 倍)时,L ≈ ${f(twice)};按此公式外推,L 不会低于 1.69。常数取自同一组拟合:Hoffmann 等 2022(方法 3,式 10)。`,
    );
    assert.deepEqual(point(CHINCHILLA, ''), { N, D, computeFlops: 6 * N * D, loss: E + tN + tD });
  });

  it("no floor written: no floor term, no floor in the values used, no 'never below'; the note's D with the default N", () => {
    const [N, D] = [7e10, 2e11];
    const tN = A / N ** ALPHA;
    const tD = B / D ** BETA;
    const e = explained('L = A/N^α + B/D^β', 'D = 2e11', 'en');
    assert.equal(
      e.example,
      `For N = 70B parameters and D = 200B tokens: L = ${f(tN)} + ${f(tD)} ≈ ${f(tN + tD)}, using A = 406.4 ${H}, B = 410.7 ${H}, α = 0.34 ${H}, β = 0.28 ${H}. 10× more parameters multiplies the parameter term by 10^-α = ${f(10 ** -ALPHA)}; 10× more data multiplies the data term by 10^-β = ${f(10 ** -BETA)}. Doubling both N and D (about 4× compute) gives L ≈ ${f(tN * 2 ** -ALPHA + tD * 2 ** -BETA)}. Constants from one fit: Hoffmann et al. 2022 (approach 3, eq. 10).`,
    );
    assert.deepEqual(e.exampleValues.D, { value: 2e11, source: 'note' });
    assert.deepEqual(point('L = A/N^α + B/D^β', 'D = 2e11'), { N, D, computeFlops: 6 * N * D, loss: tN + tD });
  });

  it("the seed's additive form: N₀ = A^(1/α) and D₀ = B^(1/β) shown to 3 digits, L∞ = E, labels as the formula writes them", () => {
    const tN = (N0 / 7e10) ** ALPHA;
    const tD = (D0 / 1.4e12) ** BETA;
    assert.equal(
      explained(ADDITIVE, '', 'en').example,
      `For N = 70B parameters and D = 1.4T tokens (Chinchilla itself): L = 1.69 + ${f(tN)} + ${f(tD)} ≈ ${f(E + tN + tD)}, using L∞ = 1.69 ${H}, N₀ = ${f(N0)} ${H}, D₀ = ${f(D0)} ${H}, α_N = 0.34 ${H}, α_D = 0.28 ${H}. 10× more parameters multiplies the parameter term by 10^-α_N = ${f(10 ** -ALPHA)}; 10× more data multiplies the data term by 10^-α_D = ${f(10 ** -BETA)}. Doubling both N and D (about 4× compute) gives L ≈ ${f(E + tN * 2 ** -ALPHA + tD * 2 ** -BETA)}; extrapolated, this formula never goes below 1.69. Constants from one fit: Hoffmann et al. 2022 (approach 3, eq. 10).`,
    );
    const sN = (N0 / 4e8) ** ALPHA;
    const zh = explained('L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D', 'N = 4e8', 'zh');
    assert.equal(
      zh.example,
      `取 N = 4亿参数、D = 1.4万亿 token:L = ${f(sN)} + ${f(tD)} ≈ ${f(sN + tD)},所用取值为 N₀ = ${f(N0)}${HZ},D₀ = ${f(D0)}${HZ},α_N = 0.34${HZ},α_D = 0.28${HZ}。参数量增加 10 倍,参数项乘以 10^-α_N = ${f(10 ** -ALPHA)};数据量增加 10 倍,数据项乘以 10^-α_D = ${f(10 ** -BETA)}。N 与 D 都翻倍(计算量约 4 倍)时,L ≈ ${f(sN * 2 ** -ALPHA + tD * 2 ** -BETA)}。常数取自同一组拟合:Hoffmann 等 2022(方法 3,式 10)。`,
    );
    assert.deepEqual(zh.exampleValues.N, { value: 4e8, source: 'note' });
  });

  it("Kaplan's joint law: the loss, the loss with unlimited data and the finite data's cost in percent, in both languages", () => {
    const [nc, dc, aN, aD] = [6.4e13, 1.8e13, 0.076, 0.103];
    const [N, D] = [2e9, 1e10];
    const loss = ((nc / N) ** (aN / aD) + dc / D) ** aD;
    const unlimited = (nc / N) ** aN;
    const k = '(Kaplan et al. 2020)';
    const en = explained(KAPLAN_ND, 'N = 2e9, D = 1e10', 'en');
    assert.equal(
      en.example,
      `For N = 2B parameters and D = 10B tokens: L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D ≈ ${f(loss)}; with unlimited data it would be (N_c/N)^α_N ≈ ${f(unlimited)}, so the finite data costs about ${f((loss / unlimited - 1) * 100)}% more loss. Values used: N_c = 6.4e13 ${k}, D_c = 1.8e13 ${k}, α_N = 0.076 ${k}, α_D = 0.103 ${k}. Constants from one fit: Kaplan et al. 2020, joint L(N,D) (eq. 1.5).`,
    );
    assert.deepEqual(en.exampleResult, { symbol: 'L', value: loss, unit: 'nats per token' });
    assert.deepEqual(
      [en.exampleValues.N, en.exampleValues.D],
      [
        { value: 2e9, source: 'note' },
        { value: 1e10, source: 'note' },
      ],
    );
    const kz = '(Kaplan 等,2020)';
    assert.equal(
      explained(KAPLAN_ND, 'N = 2e9, D = 1e10', 'zh').example,
      `取 N = 20亿参数、D = 100亿 token:L = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D ≈ ${f(loss)};若数据无限,L = (N_c/N)^α_N ≈ ${f(unlimited)},因此数据有限使损失高出约 ${f((loss / unlimited - 1) * 100)}%。所用取值为 N_c = 6.4e13${kz},D_c = 1.8e13${kz},α_N = 0.076${kz},α_D = 0.103${kz}。常数取自同一组拟合:Kaplan 等 2020,联合 L(N,D)(式 1.5)。`,
    );
    assert.deepEqual(point(KAPLAN_ND, 'N = 2e9, D = 1e10'), { N, D, loss });
    const usual = ((nc / 1e9) ** (aN / aD) + dc / 2e10) ** aD;
    assert.deepEqual(point(KAPLAN_ND, ''), { N: 1e9, D: 2e10, loss: usual });
  });
});

describe('engine/formulas: worked example of C ≈ kND', () => {
  it("Chinchilla's budget by default, with the formula's own factor k", () => {
    const c2 = 2 * 7e10 * 1.4e12;
    const e = explained('C ≈ 2ND', '', 'en');
    assert.equal(
      e.example,
      `Training a 70B-parameter model on 1.4T tokens (Chinchilla): C ≈ 2 × 7e10 × 1.4e12 = ${f(c2)} FLOPs, about ${f(c2 / PF_DAY)} PF-days (1 PF-day = 8.64e19 FLOPs).`,
    );
    assert.deepEqual(e.exampleResult, { symbol: 'C', value: c2, unit: 'FLOPs' });
    assert.deepEqual(e.exampleValues, { k: { value: 2, source: 'formula' } });
    const c6 = 6 * 7e10 * 1.4e12;
    assert.equal(
      explained('C = 6ND', '', 'zh').example,
      `训练一个 700 亿参数、1.4 万亿 token 的模型(Chinchilla):C ≈ 6 × 7e10 × 1.4e12 = ${f(c6)} FLOPs,约 ${f(c6 / PF_DAY)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`,
    );
  });

  it("the note's N or D replaces Chinchilla's, and the example names both", () => {
    const cN = 6 * 1e9 * 1.4e12;
    const en = explained('C = 6ND', 'N = 1e9', 'en');
    assert.equal(
      en.example,
      `Training N = 1B parameters, D = 1.4T tokens: C ≈ 6 × 1e9 × 1.4e12 = ${f(cN)} FLOPs, about ${f(cN / PF_DAY)} PF-days (1 PF-day = 8.64e19 FLOPs).`,
    );
    assert.deepEqual(en.exampleValues.N, { value: 1e9, source: 'note' });
    const cD = 6 * 7e10 * 3e11;
    const zh = explained('C = 6ND', 'D = 3e11', 'zh');
    assert.equal(
      zh.example,
      `训练 N = 700亿参数、D = 3000亿 token 的模型:C ≈ 6 × 7e10 × 3e11 = ${f(cD)} FLOPs,约 ${f(cD / PF_DAY)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`,
    );
    assert.deepEqual(zh.exampleValues.D, { value: 3e11, source: 'note' });
  });
});
