// The shapes the formula recogniser accepts and the near misses it refuses
// (src/engine/formulas/recognize.ts): which law, which part of the text, and what role
// each symbol plays. Every expectation is written by hand from the law's shape: a ratio
// (X₀/X)^α with X₀ a scale of the same letter and 0 < α < 1; Chinchilla's A/N^α + B/D^β;
// Kaplan's [(N_c/N)^(α_N/α_D) + D_c/D]^α_D; C ≈ k·N·D with 0 < k < 100.
import * as assert from 'node:assert/strict';
import { tokenize } from '../../../src/engine/formulas/normalize';
import { readSymbolAt, recognizeAll, type Recognition } from '../../../src/engine/formulas/recognize';

/** kind «text» [role:key or role=value …], one entry per recognised formula. */
function show(text: string): string[] {
  return recognizeAll(text).map((r: Recognition) => {
    const syms = r.symbols.map((s) => (s.value === undefined ? `${s.role}:${s.key}` : `${s.role}=${s.value}`)).join(' ');
    return `${r.kind} «${r.text}»${r.relation === undefined ? '' : ` ${r.relation}`} [${syms}]`;
  });
}

function check(cases: readonly (readonly [string, readonly string[]])[]): void {
  for (const [text, expected] of cases) assert.deepEqual(show(text), expected, text);
}

const COMPUTE = 'loss-compute «(C₀/C)^α» [C_0:C_0 C:C alpha:alpha]';

describe('engine/formulas/recognize: shapes', () => {
  it('a power-law ratio needs a scale and a variable of the same letter and an exponent in (0, 1)', () => {
    check([
      ['(C₀/C_1)^α', []],
      ['(C/C)^α', []],
      ['(C_MIN/C)^α', []],
      ['(C∞/C)^α', []],
      ['(0/C)^α', []],
      ['(-3/C)^α', []],
      ['(C₀/C)^0', []],
      ['(C₀/C)^1', []],
      ['(C₀/C)^(-0.5)', []],
      ['(C₀/C)^a', []],
      ['(C₀/C)^π', []],
      ['(C/C₀)^α', []],
      ['(N/C₀)^-α', []],
      ['(C₀/C) - α; y^2', []],
      ['(C₀/C)*α; y^2', []],
      ['(C₀/C)^α - L∞', []],
      ['(C₀/C)^0.5^2', []],
    ]);
  });

  it('a signed exponent: minus for the inverted ratio, a plus sign changes nothing', () => {
    check([
      ['(C/C₀)^-α', ['loss-compute «(C/C₀)^-α» [C:C C_0:C_0 alpha:alpha]']],
      ['(C₀/C)^+α', ['loss-compute «(C₀/C)^+α» [C_0:C_0 C:C alpha:alpha]']],
      ['(C/C₀)^-)', []],
      ['L = +(C₀/C)^α', ['loss-compute «L = +(C₀/C)^α» = [L:L C_0:C_0 C:C alpha:alpha]']],
    ]);
  });

  it('constants may be written as sums, differences, quotients, groups and powers of ten', () => {
    check([
      ['L(N) = (8.8·(10^13)/N)^0.076', ['loss-params «L(N) = (8.8·(10^13)/N)^0.076» = [L:L N:N N_0=88000000000000 N:N alpha_N=0.076]']],
      ['L(N) = ((8.8e13)/N)^(0.076)', ['loss-params «L(N) = ((8.8e13)/N)^(0.076)» = [L:L N:N N_0=88000000000000 N:N alpha_N=0.076]']],
      ['L(C) = ((6.2e8/2)/C)^0.05', ['loss-compute «L(C) = ((6.2e8/2)/C)^0.05» = [L:L C:C C_0=310000000 C:C alpha=0.05]']],
      ['(C₀/C)^α + (1 + 0.7)', ['loss-compute «(C₀/C)^α + (1 + 0.7)» [C_0:C_0 C:C alpha:alpha L_inf=1.7]']],
      ['(C₀/C)^α + (2 - 0.5)', ['loss-compute «(C₀/C)^α + (2 - 0.5)» [C_0:C_0 C:C alpha:alpha L_inf=1.5]']],
      ['2·2·2·2·2/N^α + B/D^β', ['loss-chinchilla «2·2·2·2·2/N^α + B/D^β» [A=32 N:N alpha:alpha B:B D:D beta:beta]']],
    ]);
    // 2.5 × 10^-3 = 0.0025, compared to within rounding.
    const [rec] = recognizeAll('L(C) = (2.5 × 10^-3/C)^0.05');
    assert.equal(rec?.kind, 'loss-compute');
    assert.ok(Math.abs((rec.params.C_0 ?? 0) - 0.0025) < 1e-15, String(rec.params.C_0));
    assert.equal(rec.symbols.find((s) => s.role === 'C_0')?.label, '2.5 × 10^-3', 'a constant expression is labelled as written');
  });

  it('a product stops after six factors', () => {
    check([['1·2·2·2·2·2/N^α + B/D^β', []]]);
  });

  it('the irreducible floor: a positive number, E without subscript, L∞ or L₀', () => {
    check([
      ['(N₀/N)^α_N + (D₀/D)^α_D', ['loss-additive «(N₀/N)^α_N + (D₀/D)^α_D» [N_0:N_0 N:N alpha_N:alpha_N D_0:D_0 D:D alpha_D:alpha_D]']],
      ['(N₀/N)^α_N + (D₀/D)^α_D + 0', ['loss-additive «(N₀/N)^α_N + (D₀/D)^α_D» [N_0:N_0 N:N alpha_N:alpha_N D_0:D_0 D:D alpha_D:alpha_D]']],
      ['(N₀/N)^α_N + (D₀/D)^α_D + (-1)', ['loss-additive «(N₀/N)^α_N + (D₀/D)^α_D» [N_0:N_0 N:N alpha_N:alpha_N D_0:D_0 D:D alpha_D:alpha_D]']],
      [
        '(N₀/N)^α_N + (D₀/D)^α_D + 1.7 + 2',
        ['loss-additive «(N₀/N)^α_N + (D₀/D)^α_D + 1.7» [N_0:N_0 N:N alpha_N:alpha_N D_0:D_0 D:D alpha_D:alpha_D L_inf=1.7]'],
      ],
      ['A/N^α + B/D^β + E_0', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['A/N^α + B/D^β + x', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['A/N^α + B/D^β + x∞', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['(C₀/C)^α + L', [COMPUTE]],
      ['(C₀/C)^α + L_0', ['loss-compute «(C₀/C)^α + L_0» [C_0:C_0 C:C alpha:alpha L_inf:L_0]']],
      ['(C₀/C)^α + 1.7 2024', ['loss-compute «(C₀/C)^α + 1.7» [C_0:C_0 C:C alpha:alpha L_inf=1.7]']],
      ['(C₀/C)^α·∞ + L∞', [COMPUTE]],
    ]);
  });

  it('Chinchilla terms: a positive coefficient other than C, N, D, L over a power of their own letter', () => {
    check([
      ['A/N^α + B/D^β', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['A N^{-α} + B/D^β', ['loss-chinchilla «A N^{-α} + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['0/N^α + B/D^β', []],
      ['(-5)/N^α + B/D^β', []],
      ['α/N^α + B/D^β', []],
      ['C/N^α + B/D^β', []],
      ['A·B/N^α + B/D^β', []],
      ['A/(N/α) + B/D^β', []],
      ['A/D^α + B/D^β', []],
      ['A/N^2 + B/D^β', []],
      ['A·N^α + B/D^β', []],
      ['A/N^{-α} + B/D^β', []],
      ['A/N_0^α + B/D^β', []],
    ]);
  });

  it('Kaplan L(N, D): every part in place, in either order inside the bracket', () => {
    check([
      [
        '[D_c/D + (N_c/N)^(α_N/α_D)]^α_D',
        ['loss-kaplan-nd «[D_c/D + (N_c/N)^(α_N/α_D)]^α_D» [D_0:D_c D:D N_0:N_c N:N alpha_N:alpha_N alpha_D:alpha_D alpha_D:alpha_D]'],
      ],
      ['L = [(N_c/N)^(α_N/α_D) + D_c/D]·α_D', []],
      ['[(N_c/N)^(α_N/α_D) - D_c/D]^α_D', []],
      ['[(N_c/N)·(α_N/α_D) + D_c/D]^α_D', []],
      ['[(N_c/N)^(α_N/α_D) + D_c·D]^α_D', []],
      ['[(N_c·N)^(α_N/α_D) + D_c/D]^α_D', []],
      ['[(N_c/N)^(α_N·α_D) + D_c/D]^α_D', []],
      ['[(N_c/N)^(α_N/2) + D_c/D]^α_D', []],
      ['[(N_c/N)^(2/α_D) + D_c/D]^α_D', []],
      ['[(N_c/D)^(α_N/α_D) + D_c/D]^α_D', []],
      ['[(D_c/N)^(α_N/α_D) + D_c/D]^α_D', []],
      ['[(N_c/N)^(α_N/α_D) + N_c/D]^α_D', []],
      ['[(N_c/N)^(α_N/α_D) + D_c/N]^α_D', []],
      ['[(N_c/N)^(α_N/α_D) + D_c/D)^α_D', []],
      ['((N_c/N)^(α_N/α_D) + D_c/D,^α_D', []],
    ]);
    // α_D is written twice; the first one written (inside the exponent ratio) gives the value.
    const [rec] = recognizeAll('[(6.4e13/N)^(0.076/0.1) + 1.8e13/D]^0.103');
    assert.deepEqual(rec?.params, { N_0: 6.4e13, alpha_N: 0.076, alpha_D: 0.1, D_0: 1.8e13 });
  });

  it('sums: the longest prefix of terms that is one law; a second term of a kind ends it', () => {
    check([
      ['A/N^α + B/D^β + 5/N^γ', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      ['A/N^α + B/D^β + 5/D^γ', ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]']],
      [
        'A/N^α + B/D^β + (C₀/C)^γ',
        ['loss-chinchilla «A/N^α + B/D^β» [A:A N:N alpha:alpha B:B D:D beta:beta]', 'loss-compute «(C₀/C)^γ» [C_0:C_0 C:C alpha:gamma]'],
      ],
      ['(N₀/N)^α_N + (D₀/D)^α_D + B/D^β', ['loss-additive «(N₀/N)^α_N + (D₀/D)^α_D» [N_0:N_0 N:N alpha_N:alpha_N D_0:D_0 D:D alpha_D:alpha_D]']],
      ['(N₀/N)^α + (C₀/C)^γ', ['loss-params «(N₀/N)^α» [N_0:N_0 N:N alpha_N:alpha]', 'loss-compute «(C₀/C)^γ» [C_0:C_0 C:C alpha:gamma]']],
      [
        '(N₀/N)^α + (D₀/D)^β + (C₀/C)^γ',
        ['loss-additive «(N₀/N)^α + (D₀/D)^β» [N_0:N_0 N:N alpha_N:alpha D_0:D_0 D:D alpha_D:beta]', 'loss-compute «(C₀/C)^γ» [C_0:C_0 C:C alpha:gamma]'],
      ],
      ['(C₀/C)^α + (N₀/N)^β + 1.7', [COMPUTE, 'loss-params «(N₀/N)^β + 1.7» [N_0:N_0 N:N alpha_N:beta L_inf=1.7]']],
      ['(C₀/C)^α(N₀/N)^β', [COMPUTE, 'loss-params «(N₀/N)^β» [N_0:N_0 N:N alpha_N:beta]']],
    ]);
  });

  it('C ≈ 6ND: a number in (0, 100) and the variables N and D among the first three factors', () => {
    check([
      ['C ≈ 6ND + 2', ['compute-flops «C ≈ 6ND» ≈ [C:C k=6 N:N D:D]']],
      ['C ≈ N·D·6', ['compute-flops «C ≈ N·D·6» ≈ [C:C N:N D:D k=6]']],
      ['C = 99·N·D', ['compute-flops «C = 99·N·D» = [C:C k=99 N:N D:D]']],
      ['C ≈ 6 N x D', []],
      ['C = 0·N·D', []],
      ['C = 100·N·D', []],
      ['C = 600·N·D', []],
      ['C = 2·x·D', []],
      ['C = 6·x·D', []],
      ['C ∝ 6ND', []],
      ['C_0 = 6ND; y^2', []],
      ['C_0 ≈ 6ND; y^2', []],
      ['C x 6ND, x^2', []],
      ['x = C', []],
    ]);
  });

  it('a left-hand side: L, L(…) with up to three variables, then a relation', () => {
    check([
      ['L(C) = (C₀/C)^α', ['loss-compute «L(C) = (C₀/C)^α» = [L:L C:C C_0:C_0 C:C alpha:alpha]']],
      ['L ~ (C₀/C)^α', ['loss-compute «L ~ (C₀/C)^α» ≈ [L:L C_0:C_0 C:C alpha:alpha]']],
      ['L ∝ (C₀/C)^α', ['loss-compute «L ∝ (C₀/C)^α» ∝ [L:L C_0:C_0 C:C alpha:alpha]']],
      ['L(N, D, C) = (C₀/C)^α', ['loss-compute «L(N, D, C) = (C₀/C)^α» = [L:L N:N D:D C:C C_0:C_0 C:C alpha:alpha]']],
      ['L(x) = (C₀/C)^α', ['loss-compute «L(x) = (C₀/C)^α» = [L:L C_0:C_0 C:C alpha:alpha]']],
      // Not a left-hand side: the right-hand side is recognised alone.
      ['L(N, D, C, N) = (C₀/C)^α', [COMPUTE]],
      ['L(2) = (C₀/C)^α', [COMPUTE]],
      ['L(C] = (C₀/C)^α', [COMPUTE]],
      ['L(C + D) = (C₀/C)^α', [COMPUTE]],
      ['L(C) is (C₀/C)^α', [COMPUTE]],
      ['L: (C₀/C)^α', [COMPUTE]],
      ['L∞ = (C₀/C)^α', [COMPUTE]],
      ['L_0 = (C₀/C)^α', [COMPUTE]],
      ['E = (C₀/C)^α', [COMPUTE]],
      ['L_+ (C₀/C)^α', [COMPUTE]],
      ['L = ^α (C₀/C)^α', [COMPUTE]],
      ['L = ) (C₀/C)^α )', [COMPUTE]],
      ['L = x^2', []],
      ['L = ) x^2', []],
    ]);
  });

  it('a power of the bare variable only after a left-hand side, and only with a negative exponent', () => {
    check([
      ['L ∝ N^-0.5', ['loss-params «L ∝ N^-0.5» ∝ [L:L N:N alpha_N=0.5]']],
      ['L ∝ (C)^-α', ['loss-compute «L ∝ (C)^-α» ∝ [L:L C:C alpha:alpha]']],
      ['L ∝ N^-1.5', []],
      ['L ∝ C^α', []],
      ['L ∝ x^{-α}', []],
      ['L ∝ C·(-α); y^2', []],
      ['L ∝ C - -α; y^2', []],
      ['C^{-α}', []],
      ['x ∝ C^{-α}', []],
    ]);
  });

  it('a formula starts at a symbol, number or bracket, not after an operator other than +', () => {
    check([
      ['so +(C₀/C)^α', [COMPUTE]],
      ['x + (C₀/C)^α', [COMPUTE]],
      ['x/(C₀/C)^α', []],
      ['2·(C₀/C)^α', []],
    ]);
  });

  it('nesting is bounded: sixteen levels of brackets or signs, not seventeen', () => {
    const open = (n: number) => `L = ${'('.repeat(n)}C₀/C${')'.repeat(n)}^α`;
    assert.deepEqual(show(open(16)), [`loss-compute «${open(16)}» = [L:L C_0:C_0 C:C alpha:alpha]`]);
    assert.deepEqual(show(open(17)), []);
    const signs = (n: number) => `L = ${'+'.repeat(n)}(C₀/C)^α`;
    assert.deepEqual(show(signs(15)), [`loss-compute «${signs(15)}» = [L:L C_0:C_0 C:C alpha:alpha]`]);
    assert.deepEqual(show(signs(16)), [COMPUTE], 'too deep with the lhs: only the bracket on is read');
  });

  it('sixteen signs in a row, not seventeen', () => {
    const floor = (n: number) => `(C₀/C)^α + ${'+'.repeat(n)}1.7`;
    assert.deepEqual(show(floor(16)), [`loss-compute «${floor(16)}» [C_0:C_0 C:C alpha:alpha L_inf=1.7]`]);
    assert.deepEqual(show(floor(17)), [COMPUTE]);
  });

  it('a signed term ends its nesting: sixteen brackets may still follow it', () => {
    const text = `L = +1.7 + ${'('.repeat(16)}C₀/C${')'.repeat(16)}^α`;
    assert.deepEqual(show(text), [`loss-compute «${text}» = [L:L L_inf=1.7 C_0:C_0 C:C alpha:alpha]`]);
  });

  it('an attempt reads at most 160 tokens', () => {
    // A scale of 4 · 4 · 4 · 2 · 3: each group sums four products of six ones.
    const six = '1·1·1·1·1·1';
    const g = `(${six} + ${six} + ${six} + ${six})`;
    const within = `(${g}·${g}·${g}·+2·3/C)^α`;
    const beyond = `(${g}·${g}·${g}·+2·+3/C)^α`;
    assert.equal(tokenize(within).length, 160);
    assert.equal(tokenize(beyond).length, 161);
    assert.deepEqual(
      recognizeAll(within).map((r) => [r.kind, r.text, r.params]),
      [['loss-compute', within, { C_0: 4 * 4 * 4 * 2 * 3 }]],
    );
    assert.deepEqual(recognizeAll(beyond), []);
  });

  it('never throws on broken brackets, subscripts or operands; the law before them is kept', () => {
    for (const text of ['(C₀/C)^α + ()', '(C₀/C)^α + (2', '(C₀/C)^α + -)', '(C₀/C)^α + N_', '(C₀/C)^α + N_{a', 'C_+ (C₀/C)^α'])
      assert.deepEqual(show(text), [COMPUTE], text);
    assert.deepEqual(show('(C₀/C)^α + 2 N_)'), ['loss-compute «(C₀/C)^α + 2» [C_0:C_0 C:C alpha:alpha L_inf=2]']);
    for (const text of ['x^2, L', 'x^2 L', 'x^2 L(', 'x^2 L(C', 'x^2 + C', 'x^2 + N_{a', 'x^2 + C^{']) assert.deepEqual(show(text), [], text);
  });

  it('orders symbols by position and labels numbers as written', () => {
    const text = 'L = A/N^α + B/D^β + E';
    const [rec] = recognizeAll(text);
    assert.deepEqual(
      rec?.symbols.map((s) => [s.role, s.start]),
      [
        ['L', 0],
        ['A', 4],
        ['N', 6],
        ['alpha', 8],
        ['B', 12],
        ['D', 14],
        ['beta', 16],
        ['E', 20],
      ],
    );
    const bare = '(C₀/C)^0.05';
    assert.deepStrictEqual(recognizeAll(bare), [
      {
        kind: 'loss-compute',
        start: 0,
        end: 11,
        text: bare,
        params: { alpha: 0.05 },
        symbols: [
          { role: 'C_0', key: 'C_0', label: 'C₀', start: 1, end: 3 },
          { role: 'C', key: 'C', label: 'C', start: 4, end: 5 },
          { role: 'alpha', key: 'alpha', label: '0.05', start: 7, end: 11, value: 0.05 },
        ],
      },
    ]);
  });

  it('finds every formula of a long line', () => {
    const line = Array.from({ length: 300 }, () => '(C₀/C)^α').join(', ');
    const all = recognizeAll(line);
    assert.equal(all.length, 300);
    assert.ok(all.every((r) => r.kind === 'loss-compute' && r.text === '(C₀/C)^α'));
  });

  it('shares one step budget over the whole call: a run built to make every attempt parse deep spends it', () => {
    // Each "(" and "a" starts an attempt that nests sixteen levels deep before failing:
    // about 32 steps per token, more than the 24 per token the budget allows.
    const F = 'L(C) ≈ (C₀/C)^α';
    const hostile = '(a^2+'.repeat(200);
    assert.deepEqual(
      recognizeAll(`${F}; ${hostile}; ${F}`).map((r) => r.start),
      [0],
      'the formula after the run is not read',
    );
    assert.equal(recognizeAll(`${F}; ${'(a^2+'.repeat(20)}; ${F}`).length, 2, 'a short run leaves enough');
    // A sum stops after four terms, so a long sum costs each of its starts a few steps only.
    assert.equal(recognizeAll(`${F}; ${'a^2+'.repeat(300)}; ${F}`).length, 2);
  });

  it('starts attempts only within reach of a power or at "C =": a long run without either costs no budget', () => {
    // The same run as above without its powers: read everywhere, it would spend the budget.
    const F = 'L(C) ≈ (C₀/C)^α';
    const run = '(a+'.repeat(400);
    assert.deepEqual(
      recognizeAll(`${F}; ${run}; ${F}`).map((r) => r.kind),
      ['loss-compute', 'loss-compute'],
    );
    assert.deepEqual(
      recognizeAll(`${F}; ${run}; C ≈ 6ND`).map((r) => r.kind),
      ['loss-compute', 'compute-flops'],
    );
  });

  it('recognizeAll and recognizeAt take only strings', () => {
    assert.deepEqual(recognizeAll(['L = (C₀/C)^α'] as unknown as string), []);
  });
});

describe('engine/formulas/recognize: readSymbolAt', () => {
  const read = (text: string) => {
    const r = readSymbolAt(tokenize(text), 0);
    return r && [r.base, r.sub, text.slice(r.start, r.end)];
  };

  it('reads subscripts: one token, a braced list of up to eight, digits written after a letter', () => {
    assert.deepEqual(read('C_{c,min}'), ['C', 'c,min', 'C_{c,min}']);
    assert.deepEqual(read('N_{opt}'), ['N', 'opt', 'N_{opt}']);
    assert.deepEqual(read('N_{a,b,c,d e}'), ['N', 'a,b,c,de', 'N_{a,b,c,d e}']);
    assert.equal(read('N_{a,b,c,d,e}'), undefined, 'nine tokens');
    assert.equal(read('N_{a+b}'), undefined);
    assert.equal(read('N_{}'), undefined);
    assert.equal(read('N_{a'), undefined);
    assert.equal(read('N_+'), undefined);
    assert.equal(read('N_+0) x'), undefined);
    assert.deepEqual(read('C10'), ['C', '10', 'C10']);
    assert.deepEqual(read('C123'), ['C', undefined, 'C']);
    assert.deepEqual(read('C0.5'), ['C', undefined, 'C']);
    assert.deepEqual(read('N 0'), ['N', undefined, 'N']);
    assert.deepEqual(read('α0'), ['alpha', undefined, 'α']);
    assert.deepEqual(read('L∞'), ['L', 'inf', 'L∞']);
  });

  it('reads a ^min or ^opt superscript as part of the name, braced or not', () => {
    assert.deepEqual(read('C^min'), ['C', 'min', 'C^min']);
    assert.deepEqual(read('C_c^min'), ['C', 'c,min', 'C_c^min']);
    assert.deepEqual(read('C^{min}'), ['C', 'min', 'C^{min}']);
    assert.deepEqual(read('C_c^{min}'), ['C', 'c,min', 'C_c^{min}']);
    assert.deepEqual(read('C_c^{min'), ['C', 'c', 'C_c']);
    assert.deepEqual(read('N_c^{max}'), ['N', 'c', 'N_c']);
    assert.deepEqual(read('N_c x min'), ['N', 'c', 'N_c']);
    assert.deepEqual(read('C^x min)'), ['C', undefined, 'C']);
    assert.deepEqual(read('C_c^{'), ['C', 'c', 'C_c']);
    const t = tokenize('C_c^{min} + 1');
    assert.equal(readSymbolAt(t, 0)?.next, 7, 'the token after the closing brace');
  });

  it('reads only symbols: not numbers, ∞ or positions past the end', () => {
    assert.equal(read('2 x'), undefined);
    assert.equal(read('∞'), undefined);
    assert.equal(readSymbolAt(tokenize('N'), 1), undefined);
    assert.equal(readSymbolAt([], 0), undefined);
  });

  it('takes an unspaced digit index only after a single Latin letter', () => {
    // Hand-made tokens: an id of each character at the edges of A–Z and a–z, then "0".
    const tok = (kind: 'id' | 'num', text: string, start: number, gap: boolean) => ({
      kind,
      text,
      start,
      end: start + 1,
      gap,
      value: kind === 'num' ? 0 : undefined,
    });
    for (const [ch, latin] of [
      ['@', false],
      ['A', true],
      ['Z', true],
      ['[', false],
      ['`', false],
      ['a', true],
      ['z', true],
      ['{', false],
      ['É', false],
    ] as const) {
      const r = readSymbolAt([tok('id', ch, 0, true), tok('num', '0', 1, false)], 0);
      assert.equal(r?.sub, latin ? '0' : undefined, ch);
    }
  });
});
