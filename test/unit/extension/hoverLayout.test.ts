// The hover's one-screen layout (src/extension/hoverLayout.ts), its TeX
// (src/engine/formulas/tex.ts) and MathJax typesetting (src/extension/typeset.ts).
import * as assert from 'node:assert/strict';
import { explain } from '../../../src/engine/formulas/explain';
import { recognizeAll, type Recognition } from '../../../src/engine/formulas/recognize';
import { formulaTex, keyToTex, numberToTex } from '../../../src/engine/formulas/tex';
import { exampleResult, firstClause, formulaHoverMarkdown, symbolHoverMarkdown } from '../../../src/extension/hoverLayout';
import { texToSvg } from '../../../src/extension/typeset';

function recognise(text: string): Recognition {
  const [rec] = recognizeAll(text);
  assert.ok(rec, `not recognised: ${text}`);
  return rec;
}

const PARTS = { formulaImage: 'data:image/svg+xml;base64,Rk9STVVMQQ==', curveImage: 'data:image/svg+xml;base64,Q1VSVkU=', links: '[Show chart](command:x)' };

describe('hover layout', () => {
  describe('formula TeX', () => {
    it('writes each kind in its standard shape with the note’s spellings', () => {
      assert.equal(formulaTex(recognise('L(C) ≈ (C₀/C)^α')), 'L(C) \\approx \\left(\\frac{C_0}{C}\\right)^{\\alpha}');
      assert.equal(formulaTex(recognise('L(N) = (N_c/N)^α_N')), 'L(N) = \\left(\\frac{N_c}{N}\\right)^{\\alpha_N}');
      assert.equal(
        formulaTex(recognise('L(N,D) = (N₀/N)^α_N + (D₀/D)^α_D + L∞')),
        'L(N,D) = \\left(\\frac{N_0}{N}\\right)^{\\alpha_N} + \\left(\\frac{D_0}{D}\\right)^{\\alpha_D} + L_{\\infty}',
      );
      assert.equal(formulaTex(recognise('C ≈ 6ND')), 'C \\approx 6\\,ND');
    });
    it('puts the numbers the formula writes in their places, as a person writes them', () => {
      assert.equal(formulaTex(recognise('L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28')), 'L(N,D) = 1.69 + \\frac{406.4}{N^{0.34}} + \\frac{410.7}{D^{0.28}}');
      assert.equal(numberToTex(8.8e13), '8.8\\times 10^{13}');
      assert.equal(numberToTex(1e22), '10^{22}');
      assert.equal(numberToTex(0.076), '0.076');
    });
    it('lets nothing but letters and digits of a symbol through', () => {
      assert.equal(keyToTex('C_c,min'), 'C_{c,\\mathrm{min}}');
      assert.equal(keyToTex('alpha_N'), '\\alpha_N');
      assert.equal(keyToTex('N_\\href{x}'), undefined);
      assert.equal(keyToTex('}{'), undefined);
    });
  });

  describe('first screen', () => {
    it('a formula’s hover: name, typeset formula, meaning, example result, curve, links, then the rest', () => {
      const e = explain(recognise('L(N,D) = E + A/N^α + B/D^β'), 'en');
      const md = formulaHoverMarkdown(e, 'en', PARTS);
      const [first, rest] = md.split('\n\n---\n\n');
      assert.ok(rest, 'a rule separates the first screen from the rest');
      const at = (s: string): number => first.indexOf(s);
      assert.ok(at(e.name) >= 0 && at(e.name) < at(PARTS.formulaImage), 'the name, then the formula image');
      assert.ok(at(PARTS.formulaImage) < at('Loss is an irreducible term E'), 'then the meaning');
      assert.ok(at('≈ ') > at('Example:'), 'then the example’s computed result');
      assert.ok(at(PARTS.curveImage) > at('Example:') && at(PARTS.links) > at(PARTS.curveImage), 'then the curve and the links');
      assert.ok(!first.includes('|---|'), 'no table on the first screen');
      assert.ok(rest.includes('|---|') && rest.includes('Hoffmann'), 'the table and the sources follow');
      // Six short lines (name, image, meaning, example, image, links): what fits 250 px.
      assert.ok(first.split('\n').filter((l) => l.trim() !== '').length <= 6, first);
    });
    it('falls back to the formula as code when it could not be typeset', () => {
      const e = explain(recognise('L(C) ≈ (C₀/C)^α'), 'zh');
      const md = formulaHoverMarkdown(e, 'zh', { links: 'L' });
      assert.match(md.split('\n\n')[0], /`L\(C\) ≈ \(C₀\/C\)\^α`/);
      assert.match(md, /\*\*算例：\*\*/);
    });
    it('a symbol’s hover stays short: its facts, its formula, the links; no table, no image', () => {
      const rec = recognise('L(N,D) = E + A/N^α + B/D^β');
      const beta = rec.symbols.find((s) => s.role === 'beta');
      const md = symbolHoverMarkdown(explain(rec, 'en', [], beta), 'en', PARTS.links);
      assert.ok(md.includes(PARTS.links));
      assert.ok(!md.includes('|---|') && !md.includes('data:image'));
      assert.ok(md.length < 900, `${md.length} characters`);
    });
  });

  describe('one-line texts', () => {
    it('firstClause keeps a short first sentence and cuts a long one at a clause', () => {
      assert.equal(firstClause('Short. Then more.', 40), 'Short.');
      assert.equal(
        firstClause('Loss falls as a power of compute: on log-log axes it is a straight line with slope −α, so more.', 60),
        'Loss falls as a power of compute…',
      );
      // Chinese counts two columns a character.
      assert.equal(firstClause('损失随训练计算量按幂律下降:在双对数坐标中是一条直线,而且更多。', 40), '损失随训练计算量按幂律下降…');
    });
    it('exampleResult stops at the first computed value, not at a given one or a step', () => {
      assert.equal(exampleResult('For N = 70B: L = 1.69 + 0.08 + 0.16 ≈ 1.94, using E = 1.69.', 96), 'For N = 70B: L = 1.69 + 0.08 + 0.16 ≈ 1.94…');
      assert.equal(exampleResult('取 α = 0.05(Kaplan):损失乘以 10^-α = 0.891;增加 100 倍', 96), '取 α = 0.05(Kaplan):损失乘以 10^-α = 0.891…');
      assert.equal(exampleResult('C ≈ 6 × 7e10 × 1.4e12 = 5.88e23 FLOPs, about 6,810 PF-days.', 96), 'C ≈ 6 × 7e10 × 1.4e12 = 5.88e23 FLOPs…');
      // Past one line, the arithmetic goes and the quantity keeps its value.
      assert.equal(
        exampleResult('Training a 70B-parameter model: C ≈ 6 × 7e10 × 1.4e12 = 5.88e23 FLOPs, about 6,810 PF-days.', 60),
        'Training a 70B-parameter model: C ≈ 5.88e23 FLOPs…',
      );
      assert.equal(exampleResult('For N = 70B and D = 1.4T: L = 1.69 + 0.0835 + 0.163 ≈ 1.94, using E.', 48), 'For N = 70B and D = 1.4T: L ≈ 1.94…');
    });
  });

  describe('MathJax typesetting', () => {
    it('turns TeX into a standalone SVG in the given colour, sized in pixels', () => {
      const svg = texToSvg('L(C) \\approx \\left(\\frac{C_0}{C}\\right)^{\\alpha}', '#123456');
      assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /width="[\d.]+px"/);
      assert.ok(svg.includes('#123456') && !svg.includes('currentColor'));
      assert.ok((svg.match(/<path /g) ?? []).length >= 5, 'glyphs are paths (no fonts needed)');
    });
    it('answers a repeated formula from its cache, and throws on broken TeX', () => {
      const tex = '\\frac{A}{N^{\\alpha}}';
      assert.equal(texToSvg(tex, '#000000'), texToSvg(tex, '#000000'));
      assert.notEqual(texToSvg(tex, '#000000'), texToSvg(tex, '#ffffff'));
      assert.throws(() => texToSvg('\\frac{', '#000000'));
    });
    it('typesets every kind’s TeX without errors', () => {
      for (const text of ['L(C) ≈ (C₀/C)^α', 'L(N,D) = [(N_c/N)^(α_N/α_D) + D_c/D]^α_D', 'L(C_min) = (C_c^min/C_min)^α_C^min', 'C ≈ 6ND']) {
        assert.doesNotThrow(() => texToSvg(formulaTex(recognise(text)), '#000000'), text);
      }
    });
  });
});
