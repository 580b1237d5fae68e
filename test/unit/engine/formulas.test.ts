import { strict as assert } from 'node:assert';
import { normalize, tokenize } from '../../../src/engine/formulas/normalize';
import { recognizeAll, recognizeAt, symbolAt, type Recognition } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import { FENCE_SCAN_LINES, fenceStateAt, findFormulaAt } from '../../../src/engine/formulas/document';
import { codeSpan, explain, explanationToMarkdown } from '../../../src/engine/formulas/explain';
import { formatNumber } from '../../../src/engine/format';
import { runExplainCommand } from '../../../src/cli/explainCommand';
import { NEGATIVE, NOTE_LINES, NOTE_PROBES, POSITIVE, type SymbolProbe } from './fixtures/formula-corpus';

function columnOf(text: string, probe: Pick<SymbolProbe, 'at' | 'nth' | 'shift'>): number {
  let from = 0;
  let idx = -1;
  for (let n = 0; n <= (probe.nth ?? 0); n++) {
    idx = text.indexOf(probe.at, from);
    assert.ok(idx >= 0, `"${probe.at}" (#${n}) not in ${JSON.stringify(text)}`);
    from = idx + 1;
  }
  return idx + (probe.shift ?? 0);
}

function close(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe('formulas: normalize', () => {
  it('gives the same canonical tokens for Unicode, ASCII and LaTeX spellings', () => {
    const canon = (s: string) => normalize(s).text;
    const expected = 'L ( C ) = ( C _ 0 / C ) ^ alpha';
    assert.equal(canon('L(C) = (C₀/C)^α'), expected);
    assert.equal(canon('L(C) = (C_0/C)^alpha'), expected);
    assert.equal(
      canon('L(C) = (C_{0}/C)^{\\alpha}').replace(/[()] /g, (m) => m),
      'L ( C ) = ( C _ ( 0 ) / C ) ^ ( alpha )',
    );
    assert.equal(canon('L∞'), 'L inf');
    assert.equal(canon('L_\\infty'), 'L _ inf');
    assert.equal(canon('L_inf'), 'L _ inf');
    assert.equal(canon('C ≈ 6·N×D'), 'C ≈ 6 * N * D');
    assert.equal(canon('a \\cdot b \\times c'), 'a * b * c');
    assert.equal(canon('\\frac{a}{b}'), '( ( a ) / ( b ) )');
    assert.equal(canon('\\left( x \\right)'), '( x )');
    assert.equal(canon('x^{-α}'), 'x ^ ( - alpha )');
    assert.equal(canon('x⁻ᵅ'), 'x ^ ( - alpha )');
    assert.equal(canon('N^αN'), 'N ^ alpha N');
    assert.equal(canon('\\mathrm{min}'), 'min');
    assert.equal(canon('6ND'), '6 N D');
    assert.equal(canon('x**2'), 'x ^ 2');
  });

  it('maps every token back to the characters it came from', () => {
    const text = 'L(N,D) = \\left(\\frac{N_0}{N}\\right)^{\\alpha_N} + L∞';
    for (const t of tokenize(text)) {
      assert.ok(t.start >= 0 && t.end <= text.length && t.start <= t.end, `${t.text} [${t.start},${t.end})`);
      if (t.kind === 'id' && t.text === 'alpha') assert.equal(text.slice(t.start, t.end), '\\alpha');
      if (t.kind === 'id' && t.text === 'inf') assert.equal(text.slice(t.start, t.end), '∞');
    }
    const { text: canonical, offsets } = normalize(text);
    assert.equal(canonical.length, offsets.length);
    const a = canonical.indexOf('alpha');
    assert.equal(text.slice(offsets[a], offsets[a] + 6), '\\alpha');
    // \left belongs to the parenthesis it sizes, so hovering it is hovering the formula.
    const paren = tokenize(text).find((t) => t.start === text.indexOf('\\left'));
    assert.equal(paren?.text, '(');
  });

  it('tokenizes numbers with exponents and leaves prose words whole', () => {
    const toks = tokenize('8.8e13 testing 1.69 .5 6e');
    assert.deepEqual(
      toks.map((t) => [t.kind, t.text]),
      [
        ['num', '8.8e13'],
        ['word', 'testing'],
        ['num', '1.69'],
        ['num', '.5'],
        ['num', '6'],
        ['id', 'e'],
      ],
    );
    assert.equal(toks[0].value, 8.8e13);
  });
});

describe('formulas: recognition corpus', () => {
  for (const c of POSITIVE) {
    it(`recognises: ${c.name}`, () => {
      const all = recognizeAll(c.text);
      assert.equal(all.length, 1, `expected one formula in ${JSON.stringify(c.text)}, got ${JSON.stringify(all.map((r) => [r.kind, r.text]))}`);
      const [rec] = all;
      assert.equal(rec.kind, c.kind);
      assert.equal(rec.text, c.formula ?? c.text);
      assert.equal(c.text.slice(rec.start, rec.end), rec.text);
      if (c.params) {
        assert.deepEqual(Object.keys(rec.params).sort(), Object.keys(c.params).sort(), 'params');
        for (const [k, v] of Object.entries(c.params))
          assert.ok(close(rec.params[k as keyof typeof rec.params], v), `${k}: ${rec.params[k as keyof typeof rec.params]} ≠ ${v}`);
      }
      for (const s of rec.symbols) {
        assert.ok(s.start >= rec.start && s.end <= rec.end && s.start < s.end, `symbol ${s.label} inside the formula`);
      }
      for (const p of c.symbols ?? []) {
        const col = columnOf(c.text, p);
        const at = recognizeAt(c.text, col);
        assert.ok(at, `a formula at column ${col} ("${p.at}")`);
        assert.equal(at.kind, c.kind);
        assert.equal(symbolAt(at, col)?.role ?? null, p.role, `symbol at "${p.at}"+${p.shift ?? 0}`);
      }
    });
  }

  for (const c of NEGATIVE) {
    it(`does not recognise: ${c.name}`, () => {
      assert.deepEqual(
        recognizeAll(c.text).map((r) => [r.kind, r.text]),
        [],
      );
      for (let col = 0; col <= c.text.length; col++) assert.equal(recognizeAt(c.text, col), undefined);
    });
  }

  it('finds several formulas on one line, left to right', () => {
    const text = 'Compare L(C) ≈ (C₀/C)^α with C ≈ 6ND and 1.69 + 406.4/N^0.34 + 410.7/D^0.28.';
    assert.deepEqual(
      recognizeAll(text).map((r) => r.kind),
      ['loss-compute', 'compute-flops', 'loss-chinchilla'],
    );
    assert.equal(recognizeAt(text, text.indexOf('6ND'))?.kind, 'compute-flops');
    assert.equal(recognizeAt(text, text.indexOf('with')), undefined);
  });

  it('reads only a window of a huge line around the column', () => {
    const filler = 'lorem ipsum '.repeat(10_000);
    const line = `${filler}L(C) ≈ (C₀/C)^α ${filler}`;
    const col = line.indexOf('α');
    // How long it takes is measured by bench/hover.ts (npm run bench), not asserted here.
    const rec = recognizeAt(line, col);
    assert.equal(rec?.kind, 'loss-compute');
    assert.equal(rec?.start, filler.length);
  });

  it('accepts the column just after a formula only when asked', () => {
    const text = 'C ≈ 6ND';
    assert.equal(recognizeAt(text, text.length), undefined);
    assert.equal(recognizeAt(text, text.length, { inclusiveEnd: true })?.kind, 'compute-flops');
    assert.equal(recognizeAt(text, -1), undefined);
    assert.equal(recognizeAt(text, Number.NaN), undefined);
  });

  it('keys symbols by spelling and labels them for display', () => {
    const rec = recognizeAll('L(N) = (N_c/N)^α_N')[0];
    const scale = rec.symbols.find((s) => s.role === 'N_0');
    assert.equal(scale?.key, 'N_c');
    assert.equal(scale?.label, 'N_c');
    const seed = recognizeAll('L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞')[0];
    assert.deepEqual(
      seed.symbols.filter((s) => s.role !== 'N' && s.role !== 'D' && s.role !== 'L').map((s) => `${s.key}:${s.label}`),
      ['N_0:N₀', 'alpha_N:α_N', 'D_0:D₀', 'alpha_D:α_D', 'L_inf:L∞'],
    );
  });
});

describe('formulas: values in prose', () => {
  const cases: [string, Record<string, number>][] = [
    ['α = 0.076', { alpha: 0.076 }],
    ['alpha=0.05', { alpha: 0.05 }],
    ['N₀ = 8.8e13', { N_0: 8.8e13 }],
    ['N_0 = 8.8 × 10^13', { N_0: 8.8e13 }],
    ['N_c = 8.8 \\times 10^{13}', { N_c: 8.8e13 }],
    ['N₀ = 8.8×10¹³', { N_0: 8.8e13 }],
    ['E = 1.69', { E: 1.69 }],
    ['L∞ = 1.7', { L_inf: 1.7 }],
    ['L_\\infty = 1.8', { L_inf: 1.8 }],
    ['αN = 0.076, αD=0.095', { alpha_N: 0.076, alpha_D: 0.095 }],
    ['α_N ≈ 0.076', { alpha_N: 0.076 }],
    ['N = 70B parameters, D = 1.4T tokens', { N: 7e10, D: 1.4e12 }],
    ['β：0.28', { beta: 0.28 }],
    ['C_c = 10^8', { C_c: 1e8 }],
    ['其中 α = 0.05,β = 0.28。', { alpha: 0.05, beta: 0.28 }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${text}`, () => {
      const values = extractNoteValues(text);
      const got: Record<string, number> = {};
      for (const v of values) got[v.symbol] = v.value;
      assert.deepEqual(Object.keys(got).sort(), Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) assert.ok(close(got[k], v), `${k}: ${got[k]} ≠ ${v}`);
      for (const v of values) {
        assert.ok(v.start < v.end && v.symbolStart === v.start && v.symbolEnd <= v.end);
        assert.ok(text.slice(v.start, v.end).includes(text.slice(v.symbolStart, v.symbolEnd)));
      }
    });
  }

  it('ignores formulas, exponents and unrelated assignments', () => {
    assert.deepEqual(extractNoteValues('C ≈ 6ND'), []);
    assert.deepEqual(extractNoteValues('(C₀/C)^α = 0.5'), []);
    assert.deepEqual(extractNoteValues('x = 3, y = 4'), []);
    assert.deepEqual(extractNoteValues('E = mc^2'), []);
    assert.equal(extractNoteValues('').length, 0);
  });

  it('returns the range of each value in the input', () => {
    const text = 'We fit α = 0.05 and E = 1.69.';
    const [a, e] = extractNoteValues(text);
    assert.equal(text.slice(a.start, a.end), 'α = 0.05');
    assert.equal(text.slice(e.start, e.end), 'E = 1.69');
  });
});

describe('formulas: document lookup', () => {
  const get = (n: number) => NOTE_LINES[n];

  for (const p of NOTE_PROBES) {
    it(`line ${p.line} at "${p.at}" → ${p.kind ?? 'nothing'}`, () => {
      const col = NOTE_LINES[p.line].indexOf(p.at) + (p.shift ?? 0);
      assert.ok(col >= (p.shift ?? 0), `"${p.at}" on line ${p.line}`);
      const found = findFormulaAt(get, NOTE_LINES.length, p.line, col);
      if (p.kind === null) {
        assert.equal(found, undefined);
        return;
      }
      assert.ok(found, 'a formula');
      assert.equal(found.recognition.kind, p.kind);
      if (p.role) assert.equal(found.symbol?.role, p.role);
      if (p.lines) assert.deepEqual([found.start.line, found.end.line], p.lines);
      if (found.symbol && found.symbolStart && found.symbolEnd) {
        // The symbol's document range covers the hovered position.
        assert.equal(found.symbolStart.line, p.line);
        assert.ok(found.symbolStart.character <= col && col < found.symbolEnd.character);
      }
    });
  }

  it('collects values near the formula, nearest first, for the worked example', () => {
    const found = findFormulaAt(get, NOTE_LINES.length, 14, NOTE_LINES[14].indexOf('N_0'));
    assert.ok(found);
    const alphaN = found.noteValues.find((v) => v.symbol === 'alpha_N');
    assert.equal(alphaN?.value, 0.076);
    assert.equal(alphaN?.line, 18);
    const ex = explain(found.recognition, 'en', found.noteValues);
    assert.equal(ex.exampleValues.alpha_N?.source, 'note');
    assert.match(ex.example, /α_N = 0\.076 \(from the note\)/);
  });

  it('never reads the whole document', () => {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++) lines.push(i % 50 === 25 ? 'The law $L(C) \\approx (C_0/C)^{\\alpha}$ here.' : `prose line ${i} about scaling`);
    let reads = 0;
    const counting = (n: number) => {
      reads++;
      return lines[n];
    };
    const line = 4025;
    const found = findFormulaAt(counting, lines.length, line, lines[line].indexOf('\\alpha'));
    assert.equal(found?.recognition.kind, 'loss-compute');
    assert.ok(reads <= FENCE_SCAN_LINES + 2 * 20 + 2 * 15 + 40, `read ${reads} lines`);
    assert.ok(reads < 400);
  });

  it('decides fences from a bounded look upward', () => {
    const fenced = ['```js', ...Array.from({ length: 300 }, () => 'x = "C ≈ 6ND"'), '```', 'C ≈ 6ND'];
    const get2 = (n: number) => fenced[n];
    // Near the opener: it has an info string, so it can only open a block. Exact.
    assert.deepEqual(fenceStateAt(get2, fenced.length, 150), { inside: true, info: 'js', isMath: false, openLine: 0, basis: 'opener' });
    assert.equal(findFormulaAt(get2, fenced.length, 150, 6), undefined);
    // After the block: the bare closing fence makes the look go on until the opener.
    assert.deepEqual(fenceStateAt(get2, fenced.length, 302), { inside: false, isMath: false, basis: 'opener' });
    assert.equal(findFormulaAt(get2, fenced.length, 302, 5)?.recognition.kind, 'compute-flops');
    // Deep inside a block longer than FENCE_SCAN_LINES with no fence in sight: the
    // documented blind spot, taken to be outside.
    const deep = fenceStateAt(get2, fenced.length, 250);
    assert.deepEqual([deep.inside, deep.basis], [false, 'window']);
    // A bare fence near the top is placed exactly.
    const bare = ['```', ...Array.from({ length: 300 }, () => 'code'), 'C ≈ 6ND', '```'];
    const near = fenceStateAt((n) => bare[n], bare.length, 50);
    assert.deepEqual([near.inside, near.basis], [true, 'top']);
    assert.equal(
      findFormulaAt((n) => bare[n], bare.length, 50, 0),
      undefined,
    );
    // A fenced math block is recognised.
    const math = ['```latex', 'L(C) \\approx (C_0/C)^{\\alpha}', '```'];
    assert.equal(findFormulaAt((n) => math[n], math.length, 1, 0)?.recognition.kind, 'loss-compute');
  });

  it('survives a getLine that throws or positions out of range', () => {
    const throwing = (n: number): string => {
      if (n !== 1) throw new Error('gone');
      return 'C ≈ 6ND';
    };
    assert.equal(findFormulaAt(throwing, 3, 1, 5)?.recognition.kind, 'compute-flops');
    assert.equal(findFormulaAt(throwing, 3, 7, 0), undefined);
    assert.equal(findFormulaAt(throwing, 3, -1, 0), undefined);
    assert.equal(findFormulaAt(throwing, 3, 1, Number.NaN), undefined);
  });
});

describe('formulas: explanations', () => {
  // Recognised inside each test, not while the file loads: Stryker treats load-time
  // coverage as static, and re-runs every such mutant in a fresh process.
  const all = (): Recognition[] => POSITIVE.map((c) => recognizeAll(c.text)[0]);

  it('explains every corpus formula in both languages with a table, an example and sources', () => {
    for (const rec of all()) {
      for (const lang of ['en', 'zh'] as const) {
        const ex = explain(rec, lang);
        assert.ok(ex.name.length > 0 && ex.says.length > 0, rec.kind);
        assert.ok(ex.terms.length >= 4, `${rec.kind} terms`);
        assert.ok(ex.example.length > 0, `${rec.kind} example (${lang})`);
        assert.ok(!/NaN|undefined|Infinity/.test(ex.example), ex.example);
        assert.ok(ex.sources.length > 0);
        const md = explanationToMarkdown(ex, lang);
        assert.ok(md.includes('|---|---|---|---|'));
        if (lang === 'zh') assert.match(md, /[\u4e00-\u9fff]/);
      }
    }
  });

  it("gives the issue's worked example for α = 0.05", () => {
    const rec = recognizeAll('L(C) ≈ (C₀/C)^α')[0];
    const values = extractNoteValues('α = 0.05');
    const en = explain(rec, 'en', values);
    assert.match(en.example, /10× more compute multiplies the loss by 10\^-α = 0\.891 for α = 0\.05 \(from the note\)/);
    const zh = explain(rec, 'zh', values);
    assert.match(zh.example, /计算量增加 10 倍,损失乘以 10\^-α = 0\.891/);
    assert.equal(formatNumber(10 ** -0.05), '0.891');
  });

  it('cites Kaplan, Hoffmann and Besiroglu values', () => {
    const chin = explain(recognizeAll('L = E + A/N^α + B/D^β')[0], 'en');
    const row = (role: string) => chin.terms.find((t) => t.role === role)?.typical ?? '';
    assert.match(row('E'), /1\.69 \(Hoffmann et al\. 2022, approach 3, eq\. 10\); 1\.8172 ± 0\.03 \(Besiroglu et al\. 2024/);
    assert.match(row('A'), /482\.01 ± 124\.58/);
    assert.match(row('B'), /410\.7 .*2085\.43/);
    assert.match(row('beta'), /0\.28 .*0\.3658/);
    const kaplan = explain(recognizeAll('L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D')[0], 'en');
    assert.match(kaplan.terms.find((t) => t.role === 'alpha_D')?.typical ?? '', /0\.103 \(Kaplan et al\. 2020/);
    assert.match(kaplan.terms.find((t) => t.role === 'N_0')?.typical ?? '', /6\.4e13/);
    const compute = explain(recognizeAll('L(C) ≈ (C₀/C)^α')[0], 'en');
    assert.match(compute.terms.find((t) => t.role === 'C_0')?.typical ?? '', /3\.1e8 .*PF-days/);
    const params = explain(recognizeAll('L(N) = (N_c/N)^α_N')[0], 'en');
    assert.match(params.terms.find((t) => t.role === 'N_0')?.typical ?? '', /8\.8e13/);
    const data = explain(recognizeAll('L(D) = (D_c/D)^α_D')[0], 'en');
    assert.match(data.terms.find((t) => t.role === 'alpha_D')?.typical ?? '', /0\.095/);
  });

  it('prefers numbers in the formula over note values over published ones', () => {
    const rec = recognizeAll('1.69 + 406.4/N^0.34 + B/D^β')[0];
    const ex = explain(rec, 'en', extractNoteValues('A = 1, β = 0.3, B = 500'));
    assert.equal(ex.exampleValues.A?.source, 'formula');
    assert.equal(ex.exampleValues.A?.value, 406.4);
    assert.equal(ex.exampleValues.B?.source, 'note');
    assert.equal(ex.exampleValues.beta?.value, 0.3);
    assert.equal(ex.terms.find((t) => t.role === 'B')?.valueSource, 'note');
    const bare = explain(recognizeAll('L = E + A/N^α + B/D^β')[0], 'en');
    assert.equal(bare.exampleValues.A?.source, 'published');
    assert.match(bare.example, /L = 1\.69 \+ 0\.0835 \+ 0\.163 ≈ 1\.94/);
  });

  it('explains the symbol under the cursor', () => {
    const text = 'L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞';
    const rec = recognizeAll(text)[0];
    const sym = symbolAt(rec, text.indexOf('L∞'));
    assert.ok(sym);
    const en = explain(rec, 'en', undefined, sym);
    assert.equal(en.symbol?.role, 'L_inf');
    assert.match(en.symbol?.meaning ?? '', /Irreducible loss/);
    const md = explanationToMarkdown(en, 'en');
    assert.ok(md.startsWith('### `L∞` — Irreducible loss'), md.slice(0, 80));
    const zh = explanationToMarkdown(explain(rec, 'zh', undefined, 'alpha_N'), 'zh');
    assert.match(zh, /参数量指数/);
  });

  it('keeps note text inert in the Markdown and leaves a hook for the caller', () => {
    const text = 'L(C) ≈ (C₀/C)^α';
    const rec = { ...recognizeAll(text)[0], text: 'L(C) ≈ `x` [link](command:evil) | pipe' };
    const md = explanationToMarkdown(explain(rec, 'en'), 'en', { append: ['![chart](file.svg)', '[Show chart](command:emergenceLens.showChart)'] });
    assert.ok(md.includes('``L(C) ≈ `x` [link](command:evil) | pipe``'));
    assert.ok(md.endsWith('![chart](file.svg)\n\n[Show chart](command:emergenceLens.showChart)'));
    assert.equal(codeSpan('a\nb'), '`a b`');
    assert.equal(codeSpan('`x`'), '`` `x` ``');
  });
});

describe('formulas: explain CLI', () => {
  function run(args: string[]): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    const code = runExplainCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
    return { code, out, err };
  }

  it('prints the recognised formula, its parameters and the explanation', () => {
    const r = run(['1.69 + 406.4/N^0.34 + 410.7/D^0.28']);
    assert.equal(r.code, 0);
    assert.match(r.out, /Recognised: loss-chinchilla/);
    assert.match(r.out, /Parameters: E = 1\.69, A = 406\.4, alpha = 0\.34, B = 410\.7, beta = 0\.28/);
    assert.match(r.out, /### Chinchilla scaling law/);
  });

  it('prints JSON and Chinese', () => {
    const r = run(['L(C) ≈ (C₀/C)^α, α = 0.05', '--json', '--lang', 'zh']);
    assert.equal(r.code, 0);
    const payload = JSON.parse(r.out) as { recognitions: { kind: string; explanation: { example: string; lang: string } }[] };
    assert.equal(payload.recognitions[0].kind, 'loss-compute');
    assert.equal(payload.recognitions[0].explanation.lang, 'zh');
    assert.match(payload.recognitions[0].explanation.example, /0\.891/);
    assert.equal(run(['C ≈ 6ND', '--lang=zh']).code, 0);
  });

  it('exits 1 when nothing is recognised and 2 on bad arguments', () => {
    const none = run(['A/B testing']);
    assert.equal(none.code, 1);
    assert.match(none.err, /No scaling-law formula recognised/);
    assert.equal(none.out, '');
    for (const bad of [[], ['--json'], ['x', 'y'], ['x', '--lang', 'fr'], ['x', '--lang'], ['x', '--what'], ['  ']]) {
      const r = run(bad);
      assert.equal(r.code, 2, JSON.stringify(bad));
      assert.match(r.err, /usage: emergence-lens explain/);
    }
  });
});
