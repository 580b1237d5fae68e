// The hover's Markdown (src/engine/formulas/explainMarkdown.ts) from a hand-built
// explanation: the order of the blocks, the symbol's facts, warnings, the terms table,
// the sources, each option, and the escaping of text that came from a note.
import * as assert from 'node:assert/strict';
import type { Explanation } from '../../../src/engine/formulas/explain';
import { codeSpan, explanationToMarkdown } from '../../../src/engine/formulas/explainMarkdown';

function explanation(overrides: Partial<Explanation> = {}): Explanation {
  return {
    kind: 'loss-compute',
    lang: 'en',
    name: 'Compute law',
    formula: 'L(C) = (C0/C)^a',
    says: 'Loss falls.',
    terms: [
      { role: 'C', symbol: 'C', meaning: 'compute', unit: 'FLOPs', typical: '—' },
      { role: 'alpha', symbol: 'α', meaning: 'exponent | slope', unit: 'none', typical: '0.05 (Kaplan)', value: 0.076, valueSource: 'note' },
      { role: 'C_0', symbol: 'C₀', meaning: 'scale', unit: 'FLOPs', typical: '3.1e8', value: 3.1e8, valueSource: 'formula' },
    ],
    example: 'At 1e21 FLOPs the loss is 2.',
    exampleValues: {},
    exampleResult: null,
    fit: null,
    warnings: [],
    sources: [
      { label: 'Kaplan et al. 2020', title: 'Scaling Laws', url: 'https://arxiv.org/abs/2001.08361' },
      { label: 'the article', title: 'seed' },
    ],
    ...overrides,
  };
}

const TABLE_EN = [
  '| Symbol | Meaning | Unit | Typical published values |',
  '|---|---|---|---|',
  '| `C` | compute | FLOPs | — |',
  '| `α` | exponent \\| slope | none | **0.076** (from the note); 0.05 (Kaplan) |',
  '| `C₀` | scale | FLOPs | **3.1e8** (written in the formula); 3.1e8 |',
].join('\n');
const SOURCES_EN = '*Sources:* [Kaplan et al. 2020](https://arxiv.org/abs/2001.08361 "Scaling Laws") · the article';

describe('engine/formulas/explainMarkdown', () => {
  it('a whole-formula hover: heading, formula, says, example, table, sources, in that order', () => {
    assert.equal(
      explanationToMarkdown(explanation()),
      ['### Compute law', '`L(C) = (C0/C)^a`', 'Loss falls.', '**Worked example.** At 1e21 FLOPs the loss is 2.', TABLE_EN, SOURCES_EN].join('\n\n'),
    );
  });

  it('in Chinese: the table head, the value notes and the punctuation change', () => {
    const md = explanationToMarkdown(explanation({ lang: 'zh' }));
    assert.ok(md.includes('| 符号 | 含义 | 单位 | 文献中的典型取值 |'), md);
    assert.ok(md.includes('**0.076**(取自笔记);0.05 (Kaplan)'), md);
    assert.ok(md.includes('**3.1e8**(公式中给出);3.1e8'), md);
    assert.ok(md.includes('**算例:** At 1e21 FLOPs'), md);
    assert.ok(md.includes('*文献:* [Kaplan et al. 2020]'), md);
    assert.equal(explanationToMarkdown(explanation(), 'zh'), md, 'the language argument wins over the explanation’s');
  });

  it('a symbol hover: the symbol and its facts first, then the formula it is part of', () => {
    const sym = {
      role: 'alpha' as const,
      symbol: 'α',
      meaning: 'the exponent',
      unit: 'dimensionless',
      typical: '0.05 (Kaplan)',
      value: 0.076,
      valueSource: 'note' as const,
    };
    const md = explanationToMarkdown(explanation({ symbol: sym }), 'en', { omitTable: true, omitExplanation: true });
    assert.equal(
      md,
      [
        '### `α` — the exponent\n\nUnit: dimensionless  \nhere: **0.076** (from the note)  \nTypical published values: 0.05 (Kaplan)',
        'Part of the **Compute law** `L(C) = (C0/C)^a`',
        SOURCES_EN,
      ].join('\n\n'),
    );
    const zh = explanationToMarkdown(explanation({ symbol: { ...sym, typical: '—', value: undefined } }), 'zh', { omitTable: true });
    assert.ok(zh.startsWith('### `α` — the exponent\n\n单位:dimensionless\n\n所在公式:**Compute law** `L(C) = (C0/C)^a`'), zh);
    assert.ok(zh.includes('Loss falls.') && zh.includes('**算例:**'), 'says and example kept without omitExplanation');
  });

  it('options: no heading, no table, extra blocks before the table and after the sources', () => {
    const md = explanationToMarkdown(explanation({ example: '' }), 'en', { omitHeading: true, beforeTable: ['CHART'], append: ['LINK1', 'LINK2'] });
    assert.equal(md, ['Loss falls.', 'CHART', TABLE_EN, SOURCES_EN, 'LINK1', 'LINK2'].join('\n\n'), 'an empty example is left out');
    assert.equal(explanationToMarkdown(explanation(), 'en', { omitTable: true, omitHeading: true, omitExplanation: true }), SOURCES_EN);
  });

  it('warnings sit above the example; extrapolation cautions go when the example does', () => {
    const warnings = [
      { code: 'mixed-fits', message: 'two | fits\nmixed' },
      { code: 'extrapolation-range', message: 'far out' },
    ];
    const md = explanationToMarkdown(explanation({ warnings }), 'en', { omitTable: true, omitHeading: true });
    assert.equal(
      md,
      ['Loss falls.', '> ⚠ **Warning:** two \\| fits mixed', '> ⚠ **Caution:** far out', '**Worked example.** At 1e21 FLOPs the loss is 2.', SOURCES_EN].join(
        '\n\n',
      ),
    );
    const short = explanationToMarkdown(explanation({ warnings }), 'zh', { omitTable: true, omitHeading: true, omitExplanation: true });
    assert.equal(
      short,
      ['> ⚠ **警告:** two \\| fits mixed', '*文献:* [Kaplan et al. 2020](https://arxiv.org/abs/2001.08361 "Scaling Laws") · the article'].join('\n\n'),
    );
    const zhCaution = explanationToMarkdown(explanation({ warnings: [warnings[1]] }), 'zh', { omitTable: true, omitHeading: true });
    assert.ok(zhCaution.includes('> ⚠ **注意:** far out'), zhCaution);
  });

  it('shows a value in the table only with the place it came from', () => {
    const terms = [{ role: 'alpha' as const, symbol: 'α', meaning: 'exponent', unit: 'none', typical: '0.05 (Kaplan)', value: 0.076 }];
    const md = explanationToMarkdown(explanation({ terms }), 'en', { omitHeading: true, omitExplanation: true });
    assert.ok(md.includes('| `α` | exponent | none | 0.05 (Kaplan) |'), md);
    assert.ok(!md.includes('0.076'), md);
  });

  it('codeSpan: one line, trimmed, cut at maxLength, fenced longer than any backtick run', () => {
    assert.equal(codeSpan('  a \n\t b  '), '`a b`');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('a``b`'), '``` a``b` ```', 'a backtick at an edge is padded');
    assert.equal(codeSpan('`a'), '`` `a ``');
    assert.equal(codeSpan('abcdef', 6), '`abcdef`');
    assert.equal(codeSpan('abcdefg', 6), '`abcde…`');
  });
});
