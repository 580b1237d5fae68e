// The hover's typeset formula (src/engine/formulas/tex.ts): each kind in its standard
// shape, the note's spellings and numbers in place, and only safe names reaching TeX.
// Expected TeX written out by hand for each formula.
import * as assert from 'node:assert/strict';
import { recognizeAll, type Recognition } from '../../../src/engine/formulas/recognize';
import { formulaTex, keyToTex, numberToTex } from '../../../src/engine/formulas/tex';

function tex(formula: string): string {
  const [rec] = recognizeAll(formula);
  assert.ok(rec, formula);
  return formulaTex(rec);
}

describe('engine/formulas/tex', () => {
  it('writes each kind in its standard shape, with the relation the note used', () => {
    const cases: [string, string][] = [
      ['L(C) ≈ (C₀/C)^α', 'L(C) \\approx \\left(\\frac{C_0}{C}\\right)^{\\alpha}'],
      ['L(N) = (N_c/N)^α_N', 'L(N) = \\left(\\frac{N_c}{N}\\right)^{\\alpha_N}'],
      ['L(D) ∝ (D_c/D)^α_D + L∞', 'L(D) \\propto \\left(\\frac{D_c}{D}\\right)^{\\alpha_D} + L_{\\infty}'],
      [
        'L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L_∞',
        'L(N,D) = \\left(\\frac{N_0}{N}\\right)^{\\alpha_N} + \\left(\\frac{D_0}{D}\\right)^{\\alpha_D} + L_{\\infty}',
      ],
      ['L = E + A/N^α + B/D^β', 'L(N,D) = E + \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}'],
      ['L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D', 'L(N,D) = \\left[\\left(\\frac{N_c}{N}\\right)^{\\alpha_N/\\alpha_D} + \\frac{D_c}{D}\\right]^{\\alpha_D}'],
      ['C ≈ 6ND', 'C \\approx 6\\,ND'],
      ['C = 6 N D', 'C = 6\\,ND'],
      ['L(C) = (C₀/C)^α + L∞', 'L(C) = \\left(\\frac{C_0}{C}\\right)^{\\alpha} + L_{\\infty}'],
      ['L(N) = (N_c/N)^α_N + L∞', 'L(N) = \\left(\\frac{N_c}{N}\\right)^{\\alpha_N} + L_{\\infty}'],
      ['A/N^α + B/D^β', 'L(N,D) = \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}'],
    ];
    for (const [formula, expected] of cases) assert.equal(tex(formula), expected, formula);
  });

  it('puts the numbers a note wrote in place of the symbols, as a person writes them', () => {
    assert.equal(tex('L(C) = (3.1e8/C)^0.05'), 'L(C) = \\left(\\frac{3.1\\times 10^{8}}{C}\\right)^{0.05}');
    assert.equal(tex('L(N, D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28'), 'L(N,D) = 1.69 + \\frac{406.4}{N^{0.34}} + \\frac{410.7}{D^{0.28}}');
  });

  it('writes the usual spelling of a part the note left out', () => {
    assert.equal(tex('L ∝ C^{-α}'), 'L(C) \\propto \\left(\\frac{C_0}{C}\\right)^{\\alpha}');
    assert.equal(tex('L ∝ N^-0.5'), 'L(N) \\propto \\left(\\frac{N_0}{N}\\right)^{0.5}');
    assert.equal(tex('L ∝ D^-β'), 'L(D) \\propto \\left(\\frac{D_0}{D}\\right)^{\\beta}');
  });

  it('writes each role by its own name where a hand-built recognition has no symbol for it', () => {
    const bare = (kind: Recognition['kind']): string => formulaTex({ kind, start: 0, end: 0, text: '', params: {}, symbols: [] });
    assert.equal(bare('loss-compute'), 'L(C) = \\left(\\frac{C_0}{C}\\right)^{\\alpha}');
    assert.equal(bare('loss-params'), 'L(N) = \\left(\\frac{N_0}{N}\\right)^{\\alpha_N}');
    assert.equal(bare('loss-data'), 'L(D) = \\left(\\frac{D_0}{D}\\right)^{\\alpha_D}');
    assert.equal(bare('loss-additive'), 'L(N,D) = \\left(\\frac{N_0}{N}\\right)^{\\alpha_N} + \\left(\\frac{D_0}{D}\\right)^{\\alpha_D}');
    assert.equal(bare('loss-chinchilla'), 'L(N,D) = \\frac{A}{N^{\\alpha}} + \\frac{B}{D^{\\beta}}');
    assert.equal(bare('loss-kaplan-nd'), 'L(N,D) = \\left[\\left(\\frac{N_0}{N}\\right)^{\\alpha_N/\\alpha_D} + \\frac{D_0}{D}\\right]^{\\alpha_D}');
    assert.equal(bare('compute-flops'), 'C = k\\,ND');
    // A key that is not plain letters never reaches the TeX: the role's name stands in.
    const odd = formulaTex({
      kind: 'loss-compute',
      start: 0,
      end: 0,
      text: '',
      params: {},
      symbols: [{ role: 'alpha', key: 'a}\\evil', label: 'x', start: 0, end: 1 }],
    });
    assert.equal(odd, 'L(C) = \\left(\\frac{C_0}{C}\\right)^{\\alpha}');
  });

  it('keyToTex: Greek names, subscripts of one or more parts, ∞; undefined for anything but letters and digits', () => {
    assert.equal(keyToTex('N'), 'N');
    assert.equal(keyToTex('alpha_N'), '\\alpha_N');
    assert.equal(keyToTex('Lambda'), '\\Lambda');
    assert.equal(keyToTex('E_2'), 'E_2');
    assert.equal(keyToTex('x_12'), 'x_{12}', 'a number of two digits stays a number');
    assert.equal(keyToTex('N_opt'), 'N_{\\mathrm{opt}}');
    assert.equal(keyToTex('C_c,min'), 'C_{c,\\mathrm{min}}');
    assert.equal(keyToTex('L_inf'), 'L_{\\infty}');
    assert.equal(keyToTex('inf'), '\\infty');
    assert.equal(keyToTex('loss'), '\\mathrm{loss}');
    assert.equal(keyToTex('N_a1'), 'N_{\\mathrm{a1}}');
    assert.equal(keyToTex('N_1a'), 'N_{\\mathrm{1a}}');
    for (const bad of ['a$b', 'C_x-y', 'N_', '_N', 'a\\b', 'x_{1}', 'N_a,', '']) assert.equal(keyToTex(bad), undefined, bad);
  });

  it('numberToTex: plain decimals, a × 10^e, and 10^e alone for a mantissa of 1', () => {
    assert.equal(numberToTex(0.076), '0.076');
    assert.equal(numberToTex(1.8172), '1.817');
    assert.equal(numberToTex(8.8e13), '8.8\\times 10^{13}');
    assert.equal(numberToTex(1e13), '10^{13}');
    assert.equal(numberToTex(1e-4), '10^{-4}');
    assert.equal(numberToTex(2.5e-7), '2.5\\times 10^{-7}');
  });
});
