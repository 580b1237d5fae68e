// The "what is wrong today" reproductions, as an expert reader checks them: each
// expected number is recomputed here from the papers' constants (Kaplan et al. 2020
// Tables 2 and 5; Hoffmann et al. 2022 eq. 10; Besiroglu et al. 2024), never copied
// from the code's output.
import * as assert from 'node:assert/strict';
import { runExplainCommand } from '../../../src/cli/explainCommand';
import { runOptimalCommand } from '../../../src/cli/optimalCommand';
import { explain, explanationToMarkdown, type Explanation } from '../../../src/engine/formulas/explain';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import type { Lang } from '../../../src/engine/text';

const PF_DAY = 1e15 * 86400;

function explainText(text: string, lang: Lang = 'en'): Explanation {
  const [rec] = recognizeAll(text);
  assert.ok(rec, `recognised: ${text}`);
  return explain(rec, lang, extractNoteValues(text));
}

const codes = (e: Explanation): string[] => e.warnings.map((w) => w.code);
const problems = (e: Explanation): string[] => codes(e).filter((c) => !c.includes('extrapolation'));
const near = (actual: number | undefined, expected: number, rel = 1e-9): void => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} ≉ ${expected}`);
};

describe('explanations: one fit at a time, the law as written, units converted', () => {
  it("1. Kaplan's exponents in the Chinchilla form: the mixture is computed, named and warned about", () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L = E + A/N^α + B/D^β, with α = 0.076, β = 0.095', lang);
      // Hoffmann's E, A, B with the note's α, β at 70B / 1.4T.
      near(e.exampleResult?.value, 1.69 + 406.4 / 7e10 ** 0.076 + 410.7 / 1.4e12 ** 0.095);
      assert.ok(problems(e).includes('mixed-fits'));
      assert.ok(problems(e).includes('not-in-law'));
      // The "using" list names A and B and where they came from.
      assert.match(e.example, /A = 406\.4/);
      assert.match(e.example, /B = 410\.7/);
      assert.equal(e.exampleValues.A?.fit, 'hoffmann2022');
    }
  });

  it("2. Kaplan's L(N) gets no floor Kaplan never fitted: 2.38 at N = 1e9", () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L(N) = (N_c/N)^α_N + L∞', lang);
      near(e.exampleResult?.value, (8.8e13 / 1e9) ** 0.076);
      assert.equal(e.exampleValues.L_inf, undefined);
      assert.deepEqual(problems(e), []);
    }
    // A floor the note writes is added as written, and flagged as not Kaplan's.
    const withFloor = explainText('L(N) = (N_c/N)^α_N + L∞, L∞ = 1.69');
    near(withFloor.exampleResult?.value, (8.8e13 / 1e9) ** 0.076 + 1.69);
    assert.ok(codes(withFloor).includes('not-in-law'));
  });

  it("3. Kaplan's separate L(N) and L(D) summed: warned, and eq. 1.5 quoted (1.69 at 70B / 1.4T)", () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞, N₀ = 8.8e13, α_N = 0.076, D₀ = 5.4e13, α_D = 0.095, L∞ = 1.69', lang);
      near(e.exampleResult?.value, (8.8e13 / 7e10) ** 0.076 + (5.4e13 / 1.4e12) ** 0.095 + 1.69);
      assert.ok(problems(e).includes('not-in-law'));
      assert.ok(problems(e).includes('mixed-fits'));
      const joint = ((6.4e13 / 7e10) ** (0.076 / 0.103) + 1.8e13 / 1.4e12) ** 0.103;
      assert.ok(e.example.includes(`≈ ${joint.toPrecision(3)}`), e.example);
    }
  });

  it("4. Kaplan's eq. 1.5 is computed as eq. 1.5: 2.37 at N = 1e9, D = 2e10", () => {
    const e = explainText('L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D');
    near(e.exampleResult?.value, ((6.4e13 / 1e9) ** (0.076 / 0.103) + 1.8e13 / 2e10) ** 0.103);
    assert.equal(e.fit?.id, 'kaplan2020-joint');
    assert.deepEqual(codes(e), []);
  });

  it('5. PF-days and FLOPs: C = 5.76e23 FLOPs against C₀ = 3.1e8 PF-days gives 1.71, and says so', () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L(C) = (C₀/C)^α, C = 5.76e23', lang);
      near(e.exampleResult?.value, (3.1e8 / (5.76e23 / PF_DAY)) ** 0.05);
      assert.match(e.example, /8\.64e19/);
      assert.match(e.example, lang === 'en' ? /6667 PF-days/ : /6667 PF-天/);
      assert.deepEqual(problems(e), []);
      // 6,667 PF-days is past the ~10 PF-days Kaplan's compute fit reached.
      assert.ok(codes(e).some((c) => c.includes('extrapolation')));
    }
    // Written units are read too, and the same number comes out.
    near(explainText('L(C) = (C₀/C)^α, C = 6666.67 PF-days').exampleResult?.value, (3.1e8 / 6666.67) ** 0.05);
    near(explainText('L(C) = (C₀/C)^α, C₀ = 2.6784e28 FLOPs, C = 5.76e23 FLOPs').exampleResult?.value, (2.6784e28 / 5.76e23) ** 0.05);
    // Kaplan's PF-day constant written as FLOPs is a unit mistake.
    assert.ok(codes(explainText('L(C) = (C₀/C)^α, C₀ = 3.1e8 FLOPs, C = 1e20 FLOPs')).includes('unit-mismatch'));
  });

  it('7. says which approach gives ~20 tokens per parameter, and why approach 3 gives ~93', () => {
    const en = explainText('L = E + A/N^α + B/D^β').says;
    assert.match(en, /approaches 1 and 2/);
    assert.match(en, /Table 3/);
    // Approach 3's rounded constants at 5.76e23: D/N from the closed form.
    const [A, B, a, b] = [406.4, 410.7, 0.34, 0.28];
    const g = ((a * A) / (b * B)) ** (1 / (a + b));
    const n = g * (5.76e23 / 6) ** (b / (a + b));
    const ratio = 5.76e23 / 6 / n / n;
    assert.match(en, new RegExp(`~${Math.round(ratio)} tokens per parameter`));
    assert.match(en, /Gopher/);
    assert.match(en, new RegExp((6 * 70e9 * 1.4e12).toExponential(2).replace('e+', 'e')));
    const zh = explainText('L = E + A/N^α + B/D^β', 'zh').says;
    assert.match(zh, /方法 1 和方法 2/);
    assert.match(zh, new RegExp(`约每参数 ${Math.round(ratio)} 个 token`));
  });

  it('9. E is an extrapolated fit constant of one dataset and tokenizer, not the entropy of text', () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L = E + A/N^α + B/D^β', lang);
      const row = e.terms.find((t) => t.role === 'E');
      assert.ok(row);
      assert.match(row.meaning, /1\.69/);
      assert.match(row.meaning, /1\.82/);
      assert.match(row.meaning, lang === 'en' ? /not the entropy of text/ : /并不是文本的熵/);
    }
  });
});

describe('explanations: the machine-readable contract', () => {
  it('a note with exactly one published fit, or no constants, gets no warning but extrapolation', () => {
    const notes = [
      'L = E + A/N^α + B/D^β',
      'L = E + A/N^α + B/D^β, E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28',
      'L = E + A/N^α + B/D^β, E = 1.8172, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658',
      'L = E + A/N^α + B/D^β, α = 0.3478',
      'L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D, N_c = 6.4e13, D_c = 1.8e13, α_N = 0.076, α_D = 0.103',
      'L(N) = (N_c/N)^α_N, α_N = 0.076, N_c = 8.8e13',
      'L(D) = (D_c/D)^α_D',
      'L(C) ≈ (C₀/C)^α, α = 0.05, C₀ = 3.1e8',
      'L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞',
      'C ≈ 6ND',
    ];
    for (const text of notes) {
      for (const lang of ['en', 'zh'] as const) {
        const e = explainText(text, lang);
        assert.deepEqual(problems(e), [], `${text}: ${JSON.stringify(e.warnings)}`);
        assert.ok(e.exampleResult, text);
        assert.ok(typeof e.exampleResult.unit === 'string' && Number.isFinite(e.exampleResult.value), text);
      }
    }
    // Epoch's α alone selects Epoch's fit for the rest, not Hoffmann's.
    assert.equal(explainText('L = E + A/N^α + B/D^β, α = 0.3478').exampleValues.B?.value, 2085.43);
  });

  it('exampleResult: C ≈ 6ND gives 6 × 70e9 × 1.4e12 FLOPs', () => {
    const e = explainText('C ≈ 6ND');
    assert.deepEqual(e.exampleResult, { symbol: 'C', value: 6 * 70e9 * 1.4e12, unit: 'FLOPs' });
  });

  it("the note's own value far from the fit that fills the rest is flagged", () => {
    const e = explainText('L = E + A/N^α + B/D^β, α = 0.6');
    assert.ok(codes(e).includes('far-from-fit'));
  });

  it('warnings reach the hover Markdown in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const e = explainText('L = E + A/N^α + B/D^β, with α = 0.076, β = 0.095', lang);
      const md = explanationToMarkdown(e, lang);
      assert.match(md, /⚠/);
      assert.ok(md.includes(lang === 'en' ? '**Warning:**' : '**警告:**'));
    }
  });

  it("extrapolation is cautioned when the example leaves the fit's data range", () => {
    // 70B parameters is past Hoffmann's 16B largest run.
    const e = explainText('L = E + A/N^α + B/D^β');
    assert.ok(codes(e).includes('extrapolation-range'));
    const inside = explainText('L = E + A/N^α + B/D^β, N = 1e9, D = 2e10');
    assert.deepEqual(codes(inside), []);
    // Kaplan's eq. 1.5 below L* ≈ 1.7 nats.
    const deep = explainText('L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D, N = 1e12, D = 1e13');
    assert.ok(codes(deep).includes('extrapolation-past-breakdown'));
  });
});

describe('emergence-lens explain --json', () => {
  // In-process: the same function the binary dispatches to.
  const run = (...args: string[]): { code: number; out: string } => {
    let out = '';
    const code = runExplainCommand(args, { out: (s) => (out += s), err: () => undefined });
    return { code, out };
  };

  it('gives every explanation warnings [{code, message}] and exampleResult {symbol, value, unit}', () => {
    const r = run('L(C) = (C₀/C)^α, C = 5.76e23', '--json');
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out) as {
      recognitions: { explanation: { warnings: { code: string; message: string }[]; exampleResult: { symbol: string; value: number; unit: string } } }[];
    };
    const [e] = j.recognitions.map((x) => x.explanation);
    assert.ok(e.warnings.every((w) => typeof w.code === 'string' && typeof w.message === 'string'));
    assert.equal(e.exampleResult.symbol, 'L');
    assert.equal(e.exampleResult.unit, 'nats per token');
    near(e.exampleResult.value, (3.1e8 / (5.76e23 / PF_DAY)) ** 0.05);
    const zh = JSON.parse(run('L = E + A/N^α + B/D^β, with α = 0.076, β = 0.095', '--json', '--lang', 'zh').out) as typeof j;
    assert.ok(zh.recognitions[0].explanation.warnings.some((w) => w.code === 'mixed-fits' && /不同的拟合/.test(w.message)));
  });

  it('prints the warnings in the text output too', () => {
    const r = run('L = E + A/N^α + B/D^β, with α = 0.076, β = 0.095');
    assert.match(r.out, /⚠ \*\*Warning:\*\* These constants come from different fits/);
  });
});

describe('emergence-lens optimal, in process', () => {
  it("cautions when Kaplan's loss falls below L* ≈ 1.7 nats", () => {
    let out = '';
    const code = runOptimalCommand(['--compute', '1e24', '--preset', 'kaplan', '--json'], { out: (s) => (out += s), err: () => undefined });
    assert.equal(code, 0);
    const j = JSON.parse(out) as { loss: number; warnings: { code: string }[]; method: string };
    // L(C_min) = (3.1e8 / C_min)^0.050 with C_min = 1e24 FLOPs in PF-days.
    near(j.loss, (3.1e8 / (1e24 / PF_DAY)) ** 0.05);
    assert.ok(j.loss < 1.7);
    assert.ok(j.warnings.some((w) => w.code === 'extrapolation-past-breakdown'));
    assert.match(j.method, /C_min\^0\.73/);
  });
});
