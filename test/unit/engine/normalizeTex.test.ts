// The tokenizer's LaTeX commands, spaces and pasted math letters (src/engine/formulas/
// normalize.ts), as canonical text: what a reader of each input sees, written by hand.
// 𝐿 = U+1D43F MATHEMATICAL ITALIC CAPITAL L, 𝐀/𝐚 = U+1D400/U+1D41A bold A/a, 𝚣 = U+1D6A3
// (the block's last Latin letter), 𝚨 = U+1D6A8 bold capital Alpha, 𝛁 = U+1D6C1 bold nabla,
// 𝛂 = U+1D6C2 bold alpha, 𝛼 = U+1D6FC italic alpha, 𝛢 = U+1D6E2 italic capital Alpha.
import * as assert from 'node:assert/strict';
import { normalize } from '../../../src/engine/formulas/normalize';

const canon = (s: string) => normalize(s).text;

describe('engine/formulas/normalize: LaTeX and pasted letters', () => {
  it('spacing commands are gaps; braces group; \\( \\[ are delimiters', () => {
    assert.equal(canon('a\\,b'), 'a b');
    assert.equal(canon('a\\;b\\!c\\:d\\ e\\>f\\\\g'), 'a b c d e f g');
    assert.equal(canon('\\{x\\}'), '( x )');
    assert.equal(canon('\\(x\\)\\[y\\]'), '\\( x \\) \\[ y \\]');
  });

  it('\\frac is one atom, \\left/\\right and \\big. vanish, environments are delimiters, unknown commands break', () => {
    assert.equal(canon('\\frac{a}{b}'), '( ( a ) / ( b ) )');
    assert.equal(canon('\\left( x \\right)'), '( x )');
    assert.equal(canon('\\big. x'), 'x');
    assert.equal(canon('\\begin{aligned} x \\end{aligned}'), '\\begin{aligned} x \\end{aligned}');
    assert.equal(canon('\\foo x'), '\\foo x');
    assert.equal(canon('\\#'), '\\#');
    assert.equal(canon('x\\'), 'x \\', 'a backslash at the end');
  });

  it('Greek names, operators and relations by command', () => {
    assert.equal(canon('\\alpha_N'), 'alpha _ N');
    assert.equal(canon('a\\cdot b\\times c'), 'a * b * c');
    assert.equal(canon('L \\approx 2'), 'L ≈ 2');
    assert.equal(canon('L_\\infty'), 'L _ inf');
  });

  it('letters pasted from the Mathematical Alphanumeric block read as plain letters or Greek names', () => {
    assert.equal(canon('\u{1d43f}(\u{1d436})'), 'L ( C )');
    assert.equal(canon('\u{1d400}\u{1d41a}\u{1d6a3}'), 'A a z');
    assert.equal(canon('\u{1d6c2} \u{1d6fc}'), 'alpha alpha');
    assert.equal(canon('\u{1d6a8}\u{1d6e2}'), 'A A', 'capital Alpha looks like A');
    assert.equal(canon('\u{1d6c1}'), '\u{1d6c1}', 'nabla is no letter');
  });

  it('every blank a note may hold separates tokens: NBSP, ideographic, thin and narrow spaces, form feed', () => {
    assert.equal(canon('a\u00a0b\u3000c\u2009d\u202fe\u000cf\tg\rh\ni'), 'a b c d e f g h i');
  });

  it('offsets map canonical characters back to the source', () => {
    const n = normalize('αβ');
    assert.equal(n.text, 'alpha beta');
    assert.equal(n.offsets.length, n.text.length);
    assert.deepEqual(n.offsets.slice(0, 5), [0, 0, 0, 0, 0], 'a one-character token spreads over itself');
    assert.equal(n.offsets[5], 1, 'a space takes the next token’s offset');
    const tex = normalize('\\alpha');
    assert.deepEqual(tex.offsets, [0, 1, 2, 3, 4], 'a command spreads over its source characters');
    const part = normalize('x = \\beta', 4);
    assert.equal(part.text, 'beta');
    assert.equal(part.offsets[0], 4);
  });
});
