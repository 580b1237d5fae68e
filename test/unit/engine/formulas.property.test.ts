// Property tests: whatever text reaches the recogniser (random, mutated, huge,
// deeply nested, mixed scripts), it never throws and its answers are well-formed.
// How long the calls take is measured by bench/hover.ts (npm run bench), not asserted
// here: a wall-clock bound in a unit test fails on a busy machine, not on slow code.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FORMULA_KINDS, recognizeAll, recognizeAt, type Recognition } from '../../../src/engine/formulas/recognize';
import { extractNoteValues } from '../../../src/engine/formulas/values';
import { FENCE_SCAN_MAX_LINES, MATH_WINDOW_LINES, VALUE_WINDOW_LINES, findFormulaAt } from '../../../src/engine/formulas/document';
import { explain, explanationToMarkdown } from '../../../src/engine/formulas/explain';
import { POSITIVE } from './fixtures/formula-corpus';

function checkRecognition(text: string, r: Recognition): void {
  assert.ok(FORMULA_KINDS.includes(r.kind), r.kind);
  assert.ok(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start < r.end && r.end <= text.length, `range [${r.start},${r.end})`);
  assert.equal(r.text, text.slice(r.start, r.end));
  for (const s of r.symbols) assert.ok(r.start <= s.start && s.start < s.end && s.end <= r.end, `symbol ${s.label}`);
  for (const v of Object.values(r.params)) assert.ok(Number.isFinite(v));
}

function checkAll(text: string): void {
  const all = recognizeAll(text);
  let last = -1;
  for (const r of all) {
    checkRecognition(text, r);
    assert.ok(r.start >= last, 'in order, not overlapping');
    last = r.end;
  }
}

function checkAt(text: string, column: number): Recognition | undefined {
  const r = recognizeAt(text, column);
  if (r) {
    checkRecognition(text, r);
    assert.ok(r.start <= column && column < r.end, 'the column is inside the formula');
  }
  return r;
}

function checkExplain(r: Recognition): void {
  for (const lang of ['en', 'zh'] as const) {
    const md = explanationToMarkdown(explain(r, lang, undefined, r.symbols[0]), lang);
    assert.ok(md.length > 0);
    assert.ok(!/NaN/.test(md), md);
  }
}

/** Pieces formulas are made of, in every spelling, plus the usual troublemakers. */
const PIECES = [
  'L',
  'C',
  'N',
  'D',
  'E',
  'A',
  'B',
  'α',
  'β',
  'alpha',
  'beta',
  '\\alpha',
  '\\beta',
  '₀',
  '_0',
  '_c',
  '_N',
  '_D',
  '∞',
  '_\\infty',
  'L∞',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\\left(',
  '\\right)',
  '\\frac{',
  '}{',
  '/',
  '^',
  '^{',
  '+',
  '-',
  '−',
  '*',
  '·',
  '×',
  '=',
  '≈',
  '∝',
  '\\approx',
  ',',
  ' ',
  '  ',
  '$',
  '$$',
  '\\(',
  '\\)',
  '\\[',
  '\\]',
  '0.34',
  '1.69',
  '406.4',
  '8.8e13',
  '6',
  '10^13',
  '⁻ᵅ',
  'ᵅ',
  '¹³',
  '₀₁',
  'ND',
  'testing',
  'N/A',
  '计算量',
  '（',
  '）',
  '＝',
  '𝛼',
  '\\',
  '\\mathrm{',
  '\\text{min}',
  '&',
  '\\\\',
  '\n',
  '.',
  'e',
  '**',
  '\uD800',
  '\u0000',
  '👍',
];

const piece = fc.constantFrom(...PIECES);
const soup = fc.string({ unit: piece, maxLength: 80 });
const corpusText = fc.constantFrom(...POSITIVE.map((c) => c.text));

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
);

function mutate(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    if (e.kind === 'insert') t = t.slice(0, at) + e.text + t.slice(at);
    else if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else t = t.slice(0, at) + t.slice(at, at + e.length) + t.slice(at);
  }
  return t;
}

const proseWord = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 3, maxLength: 9 });
const cjkWord = fc.string({ unit: fc.constantFrom(...'尺度定律的核心思想是模型性能与训练计算量'), minLength: 1, maxLength: 6 });
const prose = fc.array(fc.oneof(proseWord, cjkWord), { maxLength: 8 }).map((ws) => ws.join(' '));

describe('formulas: properties', function () {
  this.timeout(120_000);

  before(() => {
    // Warm the JIT so the time bounds measure the code, not its compilation.
    for (let i = 0; i < 50; i++) for (const c of POSITIVE) recognizeAt(c.text, i % (c.text.length + 1));
  });

  it('random token soup: never throws, well-formed (3000 inputs)', () => {
    fc.assert(
      fc.property(soup, fc.nat(), (text, c) => {
        checkAll(text);
        const r = checkAt(text, text.length === 0 ? 0 : c % (text.length + 1));
        if (r) checkExplain(r);
        for (const v of extractNoteValues(text)) assert.ok(Number.isFinite(v.value) && v.start < v.end && v.end <= text.length);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated corpus formulas: never throw, well-formed (3000 inputs)', () => {
    fc.assert(
      fc.property(corpusText, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(), (text, edits, c) => {
        const t = mutate(text, edits);
        checkAll(t);
        const r = checkAt(t, t.length === 0 ? 0 : c % (t.length + 1));
        if (r) checkExplain(r);
      }),
      { numRuns: 3000 },
    );
  });

  it('arbitrary Unicode, lone surrogates included: never throws (1000 inputs)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(), (text, c) => {
        checkAll(text);
        checkAt(text, text.length === 0 ? 0 : c % (text.length + 1));
        extractNoteValues(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('a formula inside prose is still the same formula (1000 inputs)', () => {
    const standalone = POSITIVE.filter((c) => c.formula === undefined);
    fc.assert(
      fc.property(fc.constantFrom(...standalone), prose, prose, (c, before, after) => {
        const text = `${before} ${c.text} ${after}`;
        const start = before.length + 1;
        const all = recognizeAll(text);
        const found = all.find((r) => r.start === start);
        assert.ok(found, `${c.name} in ${JSON.stringify(text)}`);
        assert.equal(found.kind, c.kind);
        assert.equal(found.text, c.text);
        assert.equal(checkAt(text, start)?.kind, c.kind);
      }),
      { numRuns: 1000 },
    );
  });

  it('100 KB lines: the formula under the cursor is found within the bound (150 inputs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POSITIVE.filter((c) => c.formula === undefined)), fc.double({ min: 0, max: 1, noNaN: true }), soup, (c, where, noise) => {
        const filler = `${noise} lorem ipsum `.repeat(Math.ceil(100_000 / (noise.length + 13)));
        const at = Math.floor(filler.length * where);
        const text = `${filler.slice(0, at)} ; ${c.text} ; ${filler.slice(at)}`;
        assert.ok(text.length >= 100_000);
        const col = at + 3 + Math.floor(c.text.length / 2);
        const r = checkAt(text, col);
        assert.equal(r?.kind, c.kind, `${c.name} at ${at}`);
      }),
      { numRuns: 150 },
    );
  });

  it('deep nesting and unbalanced brackets in huge lines: never throws (300 inputs)', () => {
    const opener = fc.constantFrom('(', '[', '{', '\\left(', '\\frac{', '^{', '-', '^', '_{', '$', '\\sqrt{', '((a^b');
    const closer = fc.constantFrom(')', ']', '}', '\\right)', '}{', '', '$');
    fc.assert(
      fc.property(opener, closer, fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 60_000 }), corpusText, fc.nat(), (o, cl, n, m, formula, c) => {
        const text = o.repeat(n) + formula + cl.repeat(m);
        checkAt(text, c % (text.length + 1));
        checkAt(text, o.length * n + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('recognizeAll handles 100 KB hostile lines (40 inputs)', () => {
    fc.assert(
      fc.property(fc.constantFrom('(', '{', '\\frac{', '1+', '6ND', '(C₀/C)^α', 'N N ', '[(N_c/N)^(α_N/α_D) + ', '计', 'a^', '((a^b'), soup, (unit, noise) => {
        const text = (unit + noise).repeat(Math.ceil(100_000 / (unit.length + noise.length)));
        // 100 KB through the whole recogniser (its speed: bench/hover.ts).
        checkAll(text);
      }),
      { numRuns: 40 },
    );
  });

  it('findFormulaAt on random documents: bounded reads, never throws (1000 inputs)', () => {
    const line = fc.oneof(
      soup,
      prose,
      corpusText,
      fc.constantFrom('```', '```python', '```math', '~~~', '$$', '', '    ```', '> ```', '\\begin{aligned}', '\\end{aligned}'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 400 }), fc.nat(), fc.nat(), (lines, l, c) => {
        let reads = 0;
        const get = (n: number): string => {
          reads++;
          return lines[n] ?? '';
        };
        const lineNo = l % lines.length;
        const col = c % (lines[lineNo].length + 1);
        const found = findFormulaAt(get, lines.length, lineNo, col);
        assert.ok(reads <= 2 * (1 + FENCE_SCAN_MAX_LINES + 4 * MATH_WINDOW_LINES + 2 * VALUE_WINDOW_LINES + 4), `${reads} reads`);
        if (found) {
          checkRecognition(found.text, found.recognition);
          assert.ok(found.start.line <= lineNo && lineNo <= found.end.line);
          checkExplain(found.recognition);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
