// The tokens of src/engine/formulas/normalize.ts one by one: kind, canonical text, the
// source range each points back at, the gap before it and the synthetic flag, for
// every construct the tokenizer reads. Expected tokens are written by hand from the
// input; a range is checked against tokenizing its slice (an independent cut).
// Code points named here (Unicode 15 names): 𝐿 U+1D43F MATHEMATICAL ITALIC CAPITAL L,
// 𝄞 U+1D11E MUSICAL SYMBOL G CLEF, 𐀀 U+10000 LINEAR B SYLLABLE B008 A,
// 𝛂 U+1D6C2 BOLD SMALL ALPHA, 𝛜 U+1D6DC BOLD EPSILON SYMBOL, 𝛝 U+1D6DD BOLD THETA
// SYMBOL, 𝛟 U+1D6DF BOLD PHI SYMBOL, 𝛁 U+1D6C1 BOLD NABLA, 𝛛 U+1D6DB BOLD PARTIAL
// DIFFERENTIAL, 𝛡 U+1D6E1 BOLD PI SYMBOL, 𝞐 U+1D790 SANS-SERIF BOLD ITALIC CAPITAL
// ALPHA (first of the fifth Greek style), 𝟉 U+1D7C9 (its last, PI SYMBOL), 𝟊 U+1D7CA
// BOLD CAPITAL DIGAMMA (just past the Greek styles), 𝚤 U+1D6A4 ITALIC SMALL DOTLESS I
// (just before them).
import * as assert from 'node:assert/strict';
import { tokenize, type Token } from '../../../src/engine/formulas/normalize';

type Row = [kind: string, text: string, start: number, end: number];

/** kind, text and source range of each token. */
const rows = (s: string, from?: number, to?: number): Row[] => tokenize(s, from, to).map((t) => [t.kind, t.text, t.start, t.end]);

/** Which tokens have whitespace (or the start of the range) before them. */
const gaps = (s: string): boolean[] => tokenize(s).map((t) => t.gap);

/** Tokens made up by the tokenizer, as [text, start, end]. */
const synthetic = (s: string): [string, number, number][] =>
  tokenize(s)
    .filter((t) => t.synthetic === true)
    .map((t) => [t.text, t.start, t.end]);

describe('engine/formulas/normalize: tokens and their source ranges', () => {
  it('a range tokenizes as its slice would, whatever it cuts (offsets stay offsets into the text)', () => {
    const corpus = [
      'N = 12.5e+3, D = 1.5E-2 and 7e9; x.5 .5 3. 1e 1e23 2.5e-10',
      '$$L$$ and $x$',
      '\\alpha_N \\quad \\left  . x \\right) \\bigl( y \\bigr)',
      '\\begin{aligned} x \\end{aligned} \\begin x}',
      'a**b c__d (C0/C)**alpha *L* **bold** x=**y',
      'α := 0.05, f(x)=1 a:b',
      '𝐿(𝐶) 𝄞 𝛂𝛟',
      'C⁻¹² N₀ L∞ 10⁻³',
      '\\frac{a}{b} \\frac12{x} \\mathrm{L}_{0}',
      'GPU ND abc inf infty infinity Zz',
      '\\, \\{ \\} \\( \\) \\# \\\\ \\',
      '中文 字*强调* see*x',
    ];
    for (const s of corpus) {
      for (let from = 0; from <= s.length; from++) {
        for (let to = from; to <= s.length; to++) {
          const expected = rows(s.slice(from, to)).map(([kind, text, a, b]): Row => [kind, text, a + from, b + from]);
          assert.deepEqual(rows(s, from, to), expected, `${JSON.stringify(s)} [${from}, ${to})`);
        }
      }
    }
    assert.deepEqual(rows('ab', 0, 10), rows('ab'), 'a range past the end stops at the end');
  });

  it('numbers: decimals, exponents in e and E with either sign; an e without digits is a letter', () => {
    const nums = (s: string) => tokenize(s).map((t) => [t.kind, t.value ?? t.text]);
    assert.deepEqual(nums('1.5E3'), [['num', 1500]]);
    assert.deepEqual(nums('2e+3'), [['num', 2000]]);
    assert.deepEqual(nums('8.8e-3'), [['num', 0.0088]]);
    assert.deepEqual(nums('.5'), [['num', 0.5]]);
    assert.deepEqual(nums('1e'), [
      ['num', 1],
      ['id', 'e'],
    ]);
    assert.deepEqual(nums('3.x'), [
      ['num', 3],
      ['brk', '.'],
      ['id', 'x'],
    ]);
    assert.deepEqual(rows('1e+x'), [
      ['num', '1', 0, 1],
      ['id', 'e', 1, 2],
      ['op', '+', 2, 3],
      ['id', 'x', 3, 4],
    ]);
  });

  it('letters: one letter or a Greek name is a symbol, two capitals are two, anything longer is a word; inf, infty, infinity are ∞', () => {
    assert.deepEqual(rows('Z z'), [
      ['id', 'Z', 0, 1],
      ['id', 'z', 2, 3],
    ]);
    assert.deepEqual(rows('ND'), [
      ['id', 'N', 0, 1],
      ['id', 'D', 1, 2],
    ]);
    assert.deepEqual(rows('GPU ab Nd'), [
      ['word', 'GPU', 0, 3],
      ['word', 'ab', 4, 6],
      ['word', 'Nd', 7, 9],
    ]);
    assert.deepEqual(rows('inf infty infinity'), [
      ['id', 'inf', 0, 3],
      ['id', 'inf', 4, 9],
      ['id', 'inf', 10, 18],
    ]);
  });

  it('gaps: the first token and every token after whitespace or a LaTeX space; none inside a run', () => {
    assert.deepEqual(gaps('L(C) = x'), [true, false, false, false, true, true]);
    assert.deepEqual(gaps('a\\,b'), [true, true]);
    assert.deepEqual(gaps('a\\quad\\alpha'), [true, true]);
    assert.deepEqual(rows('a\\quad b\\qquad c'), [
      ['id', 'a', 0, 1],
      ['id', 'b', 7, 8],
      ['id', 'c', 15, 16],
    ]);
    assert.deepEqual(gaps('C₀/C'), [true, false, false, false, false]);
  });

  it('dollar runs are one delimiter each', () => {
    assert.deepEqual(rows('$$x$'), [
      ['delim', '$$', 0, 2],
      ['id', 'x', 2, 3],
      ['delim', '$', 3, 4],
    ]);
  });

  it('unknown characters: a run without spaces is one token with its source text; a space or a group splits it', () => {
    assert.deepEqual(rows('中文 字'), [
      ['brk', '中文', 0, 2],
      ['brk', '字', 3, 4],
    ]);
    // The transparent group's content covers its command; the brace after it is no token.
    assert.deepEqual(rows('\\text{中}文'), [
      ['brk', '中', 0, 7],
      ['brk', '文', 8, 9],
    ]);
    assert.deepEqual(rows('x \\# y'), [
      ['id', 'x', 0, 1],
      ['brk', '\\#', 2, 4],
      ['id', 'y', 5, 6],
    ]);
    assert.deepEqual(rows('x\\'), [
      ['id', 'x', 0, 1],
      ['brk', '\\', 1, 2],
    ]);
    assert.deepEqual(rows('\\foo x'), [
      ['brk', '\\foo', 0, 4],
      ['id', 'x', 5, 6],
    ]);
  });

  it('commands named like Object properties are unknown commands, and tokenizing them does not throw', () => {
    assert.deepEqual(rows('\\constructor x'), [
      ['brk', '\\constructor', 0, 12],
      ['id', 'x', 13, 14],
    ]);
    assert.deepEqual(rows('\\toString\\valueOf'), [
      ['brk', '\\toString', 0, 9],
      ['brk', '\\valueOf', 9, 17],
    ]);
  });

  it('escaped braces are parentheses, escaped parentheses and brackets are math delimiters', () => {
    assert.deepEqual(rows('\\{x\\}'), [
      ['open', '(', 0, 2],
      ['id', 'x', 2, 3],
      ['close', ')', 3, 5],
    ]);
    assert.deepEqual(rows('\\(x\\)\\[y\\]'), [
      ['delim', '\\(', 0, 2],
      ['id', 'x', 2, 3],
      ['delim', '\\)', 3, 5],
      ['delim', '\\[', 5, 7],
      ['id', 'y', 7, 8],
      ['delim', '\\]', 8, 10],
    ]);
  });

  it('environments: \\begin{name} is one delimiter when the name closes within 40 characters; \\begin alone is one too', () => {
    const name38 = 'a'.repeat(38);
    assert.deepEqual(rows(`\\begin{${name38}}`), [['delim', `\\begin{${name38}}`, 0, 46]]);
    const name39 = 'a'.repeat(39);
    assert.deepEqual(rows(`\\begin{${name39}}`), [
      ['delim', '\\begin', 0, 6],
      ['open', '(', 6, 7],
      ['word', name39, 7, 46],
      ['close', ')', 46, 47],
    ]);
    assert.deepEqual(rows('\\begin{}x'), [
      ['delim', '\\begin{}', 0, 8],
      ['id', 'x', 8, 9],
    ]);
    assert.deepEqual(rows('\\begin x}'), [
      ['delim', '\\begin', 0, 6],
      ['id', 'x', 7, 8],
      ['close', ')', 8, 9],
    ]);
    assert.deepEqual(rows('\\end{aligned}x'), [
      ['delim', '\\end{aligned}', 0, 13],
      ['id', 'x', 13, 14],
    ]);
  });

  it('braces: a stray } is a parenthesis; \\frac makes one atom whose / and last ) are synthetic and zero-width', () => {
    assert.deepEqual(rows('}'), [['close', ')', 0, 1]]);
    assert.deepEqual(rows('\\frac{a}{b}'), [
      ['open', '(', 0, 5],
      ['open', '(', 5, 6],
      ['id', 'a', 6, 7],
      ['close', ')', 7, 8],
      ['op', '/', 8, 8],
      ['open', '(', 8, 9],
      ['id', 'b', 9, 10],
      ['close', ')', 10, 11],
      ['close', ')', 11, 11],
    ]);
    assert.deepEqual(synthetic('\\frac{a}{b}'), [
      ['/', 8, 8],
      [')', 11, 11],
    ]);
    // Without braces the pending meaning is dropped: a later group is an ordinary one.
    assert.deepEqual(rows('\\frac12{x}'), [
      ['open', '(', 0, 5],
      ['num', '12', 5, 7],
      ['open', '(', 7, 8],
      ['id', 'x', 8, 9],
      ['close', ')', 9, 10],
    ]);
    assert.deepEqual(rows('\\mathrm x {y}'), [
      ['id', 'x', 0, 9],
      ['open', '(', 10, 11],
      ['id', 'y', 11, 12],
      ['close', ')', 12, 13],
    ]);
  });

  it('style and sizing commands: the next token covers the first of them; \\left . (with or without spaces) vanishes', () => {
    assert.deepEqual(rows('\\mathrm{L}'), [['id', 'L', 0, 9]]);
    assert.deepEqual(rows('\\bar\\hat{x}'), [['id', 'x', 0, 10]]);
    assert.deepEqual(rows('\\left\\bigl( x \\bigr\\right)'), [
      ['open', '(', 0, 11],
      ['id', 'x', 12, 13],
      ['close', ')', 14, 26],
    ]);
    assert.deepEqual(rows('\\left  . x'), [['id', 'x', 9, 10]]);
    assert.deepEqual(rows('x \\right.'), [['id', 'x', 0, 1]]);
  });

  it('sub- and superscript runs: a synthetic zero-width _ or ^, then the run (parenthesised when it is several tokens)', () => {
    assert.deepEqual(rows('C₀'), [
      ['id', 'C', 0, 1],
      ['op', '_', 1, 1],
      ['num', '0', 1, 2],
    ]);
    assert.deepEqual(synthetic('C₀'), [['_', 1, 1]]);
    assert.deepEqual(rows('10⁻³'), [
      ['num', '10', 0, 2],
      ['op', '^', 2, 2],
      ['open', '(', 2, 2],
      ['op', '-', 2, 3],
      ['num', '3', 3, 4],
      ['close', ')', 4, 4],
    ]);
    assert.deepEqual(synthetic('10⁻³'), [
      ['^', 2, 2],
      ['(', 2, 2],
      [')', 4, 4],
    ]);
    assert.ok(
      tokenize('10⁻³').every((t: Token, k) => t.gap === (k === 0)),
      'no gap inside a number with its exponent',
    );
    assert.deepEqual(rows('Lᴺ ⁼'), [
      ['id', 'L', 0, 1],
      ['op', '^', 1, 1],
      ['id', 'N', 1, 2],
      ['op', '^', 3, 3],
      ['rel', '=', 3, 4],
    ]);
  });

  it('* and _: an operator after an operand, ** the power there, emphasis after a space or prose, longer runs unknown', () => {
    assert.deepEqual(rows('2**3'), [
      ['num', '2', 0, 1],
      ['op', '^', 1, 3],
      ['num', '3', 3, 4],
    ]);
    assert.deepEqual(rows('x*y x_y'), [
      ['id', 'x', 0, 1],
      ['op', '*', 1, 2],
      ['id', 'y', 2, 3],
      ['id', 'x', 4, 5],
      ['op', '_', 5, 6],
      ['id', 'y', 6, 7],
    ]);
    assert.deepEqual(rows('x **y'), [
      ['id', 'x', 0, 1],
      ['brk', '**', 2, 4],
      ['id', 'y', 4, 5],
    ]);
    assert.deepEqual(rows('x***y'), [
      ['id', 'x', 0, 1],
      ['brk', '***', 1, 4],
      ['id', 'y', 4, 5],
    ]);
    assert.deepEqual(rows('x__y'), [
      ['id', 'x', 0, 1],
      ['brk', '__', 1, 3],
      ['id', 'y', 3, 4],
    ]);
    // After a relation ** is no power (nothing to raise) and no emphasis (no space before).
    assert.deepEqual(rows('x=**y'), [
      ['id', 'x', 0, 1],
      ['rel', '=', 1, 2],
      ['brk', '**', 2, 4],
      ['id', 'y', 4, 5],
    ]);
    assert.deepEqual(rows('(*x'), [
      ['open', '(', 0, 1],
      ['op', '*', 1, 2],
      ['id', 'x', 2, 3],
    ]);
    // Nothing after it, or a space: it opens nothing.
    assert.deepEqual(rows('a *'), [
      ['id', 'a', 0, 1],
      ['op', '*', 2, 3],
    ]);
    assert.deepEqual(rows('a * b'), [
      ['id', 'a', 0, 1],
      ['op', '*', 2, 3],
      ['id', 'b', 4, 5],
    ]);
    // Right after prose, a delimiter or unknown text: emphasis.
    assert.deepEqual(rows('see*x'), [
      ['word', 'see', 0, 3],
      ['brk', '*', 3, 4],
      ['id', 'x', 4, 5],
    ]);
    assert.deepEqual(rows('$*x'), [
      ['delim', '$', 0, 1],
      ['brk', '*', 1, 2],
      ['id', 'x', 2, 3],
    ]);
    assert.deepEqual(rows('中*x'), [
      ['brk', '中*', 0, 2],
      ['id', 'x', 2, 3],
    ]);
  });

  it(':= is one relation; a colon alone and other characters before = stay themselves', () => {
    assert.deepEqual(rows('a:=b'), [
      ['id', 'a', 0, 1],
      ['rel', '=', 1, 3],
      ['id', 'b', 3, 4],
    ]);
    assert.deepEqual(rows('f(x)=1'), [
      ['id', 'f', 0, 1],
      ['open', '(', 1, 2],
      ['id', 'x', 2, 3],
      ['close', ')', 3, 4],
      ['rel', '=', 4, 5],
      ['num', '1', 5, 6],
    ]);
    assert.deepEqual(rows('a:b'), [
      ['id', 'a', 0, 1],
      ['brk', ':', 1, 2],
      ['id', 'b', 2, 3],
    ]);
  });

  it('characters outside the BMP: math letters are symbols, others one unknown token; a lone surrogate swallows nothing', () => {
    assert.deepEqual(rows('𝐿𝄞𐀀'), [
      ['id', 'L', 0, 2],
      ['brk', '𝄞𐀀', 2, 6],
    ]);
    assert.deepEqual(rows('\ud835x'), [
      ['brk', '\ud835', 0, 1],
      ['id', 'x', 1, 2],
    ]);
    assert.deepEqual(rows('\uffffx'), [
      ['brk', '\uffff', 0, 1],
      ['id', 'x', 1, 2],
    ]);
  });

  it('Greek math letters in every style, with the epsilon, theta and phi symbols; nabla, partial, pi symbol and neighbours are not letters', () => {
    const texts = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);
    assert.deepEqual(texts('𝛂 𝛜 𝛝 𝛟 𝞐'), ['id:alpha', 'id:epsilon', 'id:vartheta', 'id:phi', 'id:A']);
    for (const notLetter of ['𝛁', '𝛛', '𝛡', '𝟉', '𝟊', '𝚤']) assert.deepEqual(texts(notLetter), [`brk:${notLetter}`], notLetter);
  });
});
