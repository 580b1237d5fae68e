// The worked example's attributions and units (src/engine/formulas/example.ts): where each
// value came from (formula, note, or the one published fit, Kaplan et al. 2020 eq. 1.3:
// C_c = 3.1e8 PF-days, α_C = 0.05), PF-days versus FLOPs (1 PF-day = 8.64e19 FLOPs),
// singular and plural, in both languages. Numbers recomputed here.
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import type { Lang } from '../../../src/engine/text';

function example(formula: string, note: string, lang: Lang): string {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return explain(rec, lang, extractNoteValues(note)).example;
}

const has = (text: string, part: string) => assert.ok(text.includes(part), `"${part}" missing from: ${text}`);
const p3 = (x: number) => Number(x.toPrecision(3)).toString();

describe('engine/formulas: worked example wording', () => {
  it('all constants from the fit: attributed to Kaplan, "1 PF-day" singular', () => {
    const en = example('L(C) = (C_c/C)^α_C', 'C = 1 PF-day', 'en');
    has(en, 'for α_C = 0.05 (Kaplan et al. 2020)');
    has(en, 'With C_c = 3.1e8 PF-days (Kaplan et al. 2020), at C = 1 PF-day:');
    has(en, `L = (3.1e8/1)^0.05 ≈ ${p3(3.1e8 ** 0.05)}`);
    assert.ok(en.endsWith(' Constants from one fit: Kaplan et al. 2020, L(C_min) (eq. 1.3).'), en);
    const zh = example('L(C) = (C_c/C)^α_C', 'C = 1 PF-day', 'zh');
    has(zh, '取 α_C = 0.05(Kaplan 等,2020)');
    has(zh, '再取 C_c = 3.1e8 PF-天(Kaplan 等,2020),当 C = 1 PF-天时');
    assert.ok(zh.endsWith('常数取自同一组拟合:Kaplan 等 2020,L(C_min)(式 1.3)。'), zh);
  });

  it('a constant from the note: "(from the note)", plural PF-days, and the fit fills only the rest', () => {
    const en = example('L(C) = (C_c/C)^α_C', 'C = 2 PF-days, α_C = 0.06', 'en');
    has(en, `10^-α_C = ${p3(10 ** -0.06)} for α_C = 0.06 (from the note)`);
    has(en, 'at C = 2 PF-days:');
    has(en, `L = (3.1e8/2)^0.06 ≈ ${p3((3.1e8 / 2) ** 0.06)}`);
    assert.ok(en.endsWith(' Constants the note leaves out come from one fit: Kaplan et al. 2020, L(C_min) (eq. 1.3).'), en);
    const zh = example('L(C) = (C_c/C)^α_C', 'C = 2 PF-days, α_C = 0.06', 'zh');
    has(zh, '取 α_C = 0.06(取自笔记)');
    assert.ok(zh.endsWith('笔记未给出的常数取自同一组拟合:Kaplan 等 2020,L(C_min)(式 1.3)。'), zh);
  });

  it('constants written in the formula: "(written in the formula)", no fit sentence, FLOPs converted to PF-days', () => {
    const pf = 5e20 / 8.64e19;
    const en = example('L(C) = (3.1e8/C)^0.05', 'C = 5e20 FLOPs', 'en');
    has(en, 'for α = 0.05 (written in the formula)');
    has(en, `C and C₀ are in different units: 5e20 FLOPs = ${p3(pf)} PF-days (1 PF-day = 8.64e19 FLOPs).`);
    has(en, 'With C₀ = 3.1e8 PF-days (written in the formula), at C = 5e20 FLOPs:');
    has(en, `L = (3.1e8/${p3(pf)})^0.05 ≈ ${p3((3.1e8 / pf) ** 0.05)}`);
    assert.ok(!en.includes('one fit'), en);
    const zh = example('L(C) = (3.1e8/C)^0.05', 'C = 5e20 FLOPs', 'zh');
    has(zh, '取 α = 0.05(公式中给出)');
    has(zh, `C 与 C₀ 单位不同:5e20 FLOPs = ${p3(pf)} PF-天(1 PF-天 = 8.64e19 FLOPs)。`);
    assert.ok(!zh.includes('同一组拟合'), zh);
  });
});
