import * as assert from 'node:assert/strict';
import { analyzeShippedTask } from '../../../src/engine/emergence/analysis';
import { checkClaim, claimAt, findClaims, MAX_CLAIM_LINE, verdictMarkdown } from '../../../src/engine/emergence/claims';
import { obsscalingTable } from '../../../src/engine/emergence/data';
import { findTask, OBSSCALING_TASKS } from '../../../src/engine/emergence/tasks';

describe('emergence claims in notes', () => {
  const cases: [string, string, number, 'params' | 'flops', 'task' | 'article'][] = [
    ['Arithmetic emerges at 1e10 parameters.', 'arithmetic-3ds', 1e10, 'params', 'article'],
    ['算术运算在1000亿参数时涌现。', 'arithmetic-3ds', 1e11, 'params', 'article'],
    ['Word unscrambling emerged around 100 billion parameters', 'word-unscrambling', 1e11, 'params', 'task'],
    ['三位数加法能力在 10亿 参数时出现', 'arithmetic-3da', 1e9, 'params', 'task'],
    ['IPA transliteration emerges at 10^23 FLOPs', 'ipa-exact-match', 1e23, 'flops', 'task'],
    ['Persian QA emerges at 1e12 params', 'persian-qa', 1e12, 'params', 'task'],
    ['2-digit multiplication emerges at 10¹⁰ parameters', 'arithmetic-2dm', 1e10, 'params', 'task'],
    ['单词还原在 13B 参数时涌现', 'word-unscrambling', 13e9, 'params', 'task'],
  ];
  for (const [line, task, value, axis, via] of cases) {
    it(`"${line}" → ${task} at ${value} (${axis})`, () => {
      const [claim, ...rest] = findClaims(line);
      assert.equal(rest.length, 0);
      assert.ok(claim);
      assert.deepEqual([claim.task.id, claim.value, claim.axis, claim.via], [task, value, axis, via]);
      assert.equal(claimAt(line, claim.start)?.task.id, task);
      assert.equal(claimAt(line, claim.end + 1), undefined);
    });
  }

  it('two claims on a line each take the ability and amount nearest their verb', () => {
    const claims = findClaims('Word unscrambling emerged around 100 billion parameters, while IPA transliteration emerges at 10^23 FLOPs.');
    assert.deepEqual(
      claims.map((c) => [c.task.id, c.value, c.axis]),
      [
        ['word-unscrambling', 1e11, 'params'],
        ['ipa-exact-match', 1e23, 'flops'],
      ],
    );
  });

  it('needs an emergence word, an amount with a unit and a shipped (or mapped) ability', () => {
    for (const line of ['Algebra emerges at 1e10 parameters', 'Arithmetic is good at 1e10 parameters', 'Arithmetic emerges early', ''])
      assert.deepEqual(findClaims(line), [], line);
  });

  it('stays linear on hostile lines and reads at most MAX_CLAIM_LINE characters', () => {
    for (const line of [
      '1' + ' '.repeat(50_000),
      '涌现'.repeat(20_000),
      '10 ^ '.repeat(10_000),
      `${'x'.repeat(MAX_CLAIM_LINE)} arithmetic emerges at 1e10 parameters`,
    ]) {
      const t = Date.now();
      const claims = findClaims(line);
      assert.ok(Date.now() - t < 2000);
      for (const c of claims) assert.ok(c.end <= MAX_CLAIM_LINE);
    }
    assert.deepEqual(findClaims(`${'x'.repeat(MAX_CLAIM_LINE)} arithmetic emerges at 1e10 parameters`), []);
  });

  it('the verdict is what the fit says: inside the 95% interval agrees, outside disagrees, stated plainly', () => {
    const table = obsscalingTable();
    const fit = analyzeShippedTask(table, findTask(OBSSCALING_TASKS, 'arithmetic-3ds')!, { axis: 'params' }).overall!;
    const [lo, hi] = fit.interval!;
    const inside = checkClaim({ ...findClaims('Arithmetic emerges at 1e10 parameters')[0], value: Math.sqrt(lo * hi) });
    assert.equal(inside.agrees, true);
    assert.match(verdictMarkdown(inside, 'en'), /consistent with the data/);
    const article = checkClaim(findClaims('算术运算在1000亿参数时涌现。')[0]);
    assert.equal(article.agrees, 1e11 >= lo && 1e11 <= hi);
    assert.equal(article.agrees, false);
    assert.ok(Math.abs(article.decades - Math.log10(fit.emergenceAt / 1e11)) < 1e-12);
    const zh = verdictMarkdown(article, 'zh');
    assert.match(zh, /与数据不符/);
    assert.match(zh, /按最接近的实测任务对照：三位数减法/);
    assert.match(zh, /不连续/);
    assert.match(zh, /Ruan 等 2024/);
    const en = verdictMarkdown(article, 'en');
    assert.match(en, /Disagrees with the data.*lower \(earlier\)/);
    assert.match(en, /parameters axis, 84 open models/);
  });
});
