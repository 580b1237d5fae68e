import * as assert from 'node:assert/strict';
import { headingText, sectionAt, sectionForHeading } from '../../../src/sections/topics';

describe('note topics', () => {
  const cases: [string, string | undefined][] = [
    ['1. 尺度定律', 'scaling-laws'],
    ['Scaling laws', 'scaling-laws'],
    ['1.3 尺度定律的数学表达', 'scaling-formulas'],
    ['The Chinchilla formula', 'scaling-formulas'],
    ['2. 相变理论', 'phase-transition'],
    ['Phase transitions in LLMs', 'phase-transition'],
    ['1. 数学推理的涌现', 'math-reasoning'],
    ['Mathematical reasoning', 'math-reasoning'],
    ['2. 代码能力的相变', 'code-generation'],
    ['Code generation', 'code-generation'],
    ['1. 分布式表示的形成', 'representations'],
    ['Distributed representations', 'representations'],
    ['2. 涌现能力的实际意义', 'implications'],
    ['Implications for AI', 'implications'],
    ['Shopping list', undefined],
  ];
  for (const [heading, expected] of cases) {
    it(`"${heading}" → ${expected ?? 'nothing'}`, () => assert.equal(sectionForHeading(heading), expected));
  }

  it('reads ATX headings only', () => {
    assert.equal(headingText('## 2. 相变理论 ##'), '2. 相变理论');
    assert.equal(headingText('#hashtag'), undefined);
    assert.equal(headingText('    # indented code'), undefined);
  });

  it('finds the nearest heading that names a topic, passing over others', () => {
    const lines = ['# Notes', '## Phase transitions', 'text', '### Example', 'more text'];
    assert.deepEqual(
      sectionAt((n) => lines[n], 4),
      { sectionId: 'phase-transition', headingLine: 1 },
    );
    assert.equal(
      sectionAt((n) => lines[n], 0),
      undefined,
    );
  });
});
