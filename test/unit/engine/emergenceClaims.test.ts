import * as assert from 'node:assert/strict';
import { analyzeShippedTask } from '../../../src/engine/emergence/analysis';
import { checkClaim, claimAt, claimChartParams, findClaims, MAX_CLAIM_LINE, verdictMarkdown, type ClaimVerdict } from '../../../src/engine/emergence/claims';
import { obsscalingTable, parseEmergenceCsv } from '../../../src/engine/emergence/data';
import { describeGroupFit } from '../../../src/engine/emergence/describe';
import { findTask, OBSSCALING_TASKS } from '../../../src/engine/emergence/tasks';

describe('emergence claims in notes', () => {
  // Line, task, value, axis, how the ability was named, and the claim's span as written.
  const cases: [string, string, number, 'params' | 'flops', 'task' | 'article', string][] = [
    ['Arithmetic emerges at 1e10 parameters.', 'arithmetic-3ds', 1e10, 'params', 'article', 'Arithmetic emerges at 1e10 parameters'],
    ['算术运算在1000亿参数时涌现。', 'arithmetic-3ds', 1e11, 'params', 'article', '算术运算在1000亿参数时涌现'],
    [
      'Word unscrambling emerged around 100 billion parameters',
      'word-unscrambling',
      1e11,
      'params',
      'task',
      'Word unscrambling emerged around 100 billion parameters',
    ],
    ['三位数加法能力在 10亿 参数时出现', 'arithmetic-3da', 1e9, 'params', 'task', '三位数加法能力在 10亿 参数时出现'],
    // The word nearest the verb names the ability: "transliteration".
    ['IPA transliteration emerges at 10^23 FLOPs', 'ipa-exact-match', 1e23, 'flops', 'task', 'transliteration emerges at 10^23 FLOPs'],
    ['Persian QA emerges at 1e12 params', 'persian-qa', 1e12, 'params', 'task', 'Persian QA emerges at 1e12 params'],
    ['2-digit multiplication emerges at 10¹⁰ parameters', 'arithmetic-2dm', 1e10, 'params', 'task', '2-digit multiplication emerges at 10¹⁰ parameters'],
    ['单词还原在 13B 参数时涌现', 'word-unscrambling', 13e9, 'params', 'task', '单词还原在 13B 参数时涌现'],
    ['Note: arithmetic emerges at 1e10 parameters. More text.', 'arithmetic-3ds', 1e10, 'params', 'article', 'arithmetic emerges at 1e10 parameters'],
    [
      'Emerging at 1.5 billion parameters: word unscrambling.',
      'word-unscrambling',
      1.5e9,
      'params',
      'task',
      'Emerging at 1.5 billion parameters: word unscrambling',
    ],
    ['Arithmetic at 1.5B parameters emerged', 'arithmetic-3ds', 1.5e9, 'params', 'article', 'Arithmetic at 1.5B parameters emerged'],
    ['Persian QA emerges at 10 ^ {22} FLOPs', 'persian-qa', 1e22, 'flops', 'task', 'Persian QA emerges at 10 ^ {22} FLOPs'],
    ['Arithmetic emerges at 2 thousand parameters', 'arithmetic-3ds', 2e3, 'params', 'article', 'Arithmetic emerges at 2 thousand parameters'],
  ];
  for (const [line, task, value, axis, via, span] of cases) {
    it(`"${line}" → ${task} at ${value} (${axis})`, () => {
      const [claim, ...rest] = findClaims(line);
      assert.equal(rest.length, 0);
      assert.ok(claim);
      assert.deepEqual([claim.task.id, claim.value, claim.axis, claim.via], [task, value, axis, via]);
      assert.equal(line.slice(claim.start, claim.end), span);
      assert.equal(claim.start, line.indexOf(span));
      assert.equal(claimAt(line, claim.start)?.task.id, task);
      assert.equal(claimAt(line, claim.end)?.task.id, task);
      assert.equal(claimAt(line, claim.end + 1), undefined);
      if (claim.start > 0) assert.equal(claimAt(line, claim.start - 1), undefined);
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
    for (const line of [
      'Algebra emerges at 1e10 parameters',
      'Arithmetic is good at 1e10 parameters',
      'Arithmetic emerges early',
      '',
      // An amount that is not positive, or not a number at all.
      'Arithmetic emerges at 0 parameters',
      'Arithmetic emerges at 10^{23 FLOPs',
    ])
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

  it('takes the amount nearest the emergence word, on either side, within 80 characters (the first on a tie)', () => {
    const value = (line: string): number | undefined => findClaims(line)[0]?.value;
    assert.equal(value('Arithmetic at 1e9 parameters emerges, not at 1e12 parameters'), 1e9);
    assert.equal(value('Arithmetic, said to need 1e12 parameters, in fact emerges at 1e9 parameters'), 1e9);
    assert.equal(value('Arithmetic at 1e9 parameters emerges 1e12 parameters'), 1e9);
    // 80 characters between the word and the amount are near enough; 81 are not.
    assert.equal(value(`Arithmetic emerges ${'x'.repeat(78)} 1e10 parameters`), 1e10);
    assert.equal(value(`Arithmetic emerges ${'x'.repeat(79)} 1e10 parameters`), undefined);
    assert.equal(value(`Arithmetic at 1e10 parameters ${'x'.repeat(78)} emerged`), 1e10);
    assert.equal(value(`Arithmetic at 1e10 parameters ${'x'.repeat(79)} emerged`), undefined);
  });

  it('looks for the ability only in the sentence of the emergence word and its amount', () => {
    for (const line of [
      'Arithmetic is hard. It emerges at 1e10 parameters.',
      'It emerges at 1e10 parameters. Arithmetic is hard.',
      'It emerges at 1e10 parameters; arithmetic. Done.',
      'It emerges at 1e10 parameters! Arithmetic? No.',
      '算术很难。它在1000亿参数时涌现。',
      '它在1000亿参数时涌现；算术很难。',
    ])
      assert.deepEqual(findClaims(line), [], line);
  });

  it('takes the ability named nearest the emergence word; on a tie, the one listed first', () => {
    // 波斯语 three characters before 涌现, 音标 three after it.
    const [claim] = findClaims('波斯语涌现，音标亦然，在1000亿参数时');
    assert.equal(claim?.task.id, 'ipa-exact-match');
    assert.equal(findClaims('Persian QA, unlike IPA, emerges at 1e12 params')[0]?.task.id, 'ipa-exact-match');
    assert.equal(findClaims('IPA, unlike Persian QA, emerges at 1e12 params')[0]?.task.id, 'persian-qa');
  });

  it('agrees exactly on the bounds of the 95% interval and not a hair outside them', () => {
    const [lo, hi] = analyzeShippedTask(obsscalingTable(), findTask(OBSSCALING_TASKS, 'arithmetic-3ds')!, { axis: 'params' }).overall!.interval!;
    const claim = findClaims('Arithmetic emerges at 1e10 parameters')[0];
    assert.deepEqual(
      [lo, hi, lo * (1 - 1e-12), hi * (1 + 1e-12)].map((value) => checkClaim({ ...claim, value }).agrees),
      [true, true, false, false],
    );
  });

  it('gives no verdict when the table has too few models for a fit, and says so', () => {
    const small = parseEmergenceCsv('Model,params,arithmetic_3ds_2_acc\na,1e9,0\nb,1e10,0.1\nc,1e11,0.9\n');
    assert.ok(small.ok);
    const v = checkClaim(findClaims('Arithmetic emerges at 1e10 parameters')[0], small.table);
    assert.equal(v.fit, undefined);
    assert.equal(v.agrees, false);
    assert.ok(Number.isNaN(v.decades));
    assert.equal(
      verdictMarkdown(v, 'en'),
      '**Measured evidence: 3-digit subtraction**\n\n"Arithmetic" is compared with the closest measured task: 3-digit subtraction.\n\nToo few models on this axis for a fit.',
    );
    assert.equal(verdictMarkdown(v, 'zh'), '**实测证据：三位数减法**\n\n“Arithmetic”按最接近的实测任务对照：三位数减法。\n\n此坐标轴上的模型太少，无法拟合。');
  });

  describe('the verdict written out', () => {
    const table = obsscalingTable();
    const models = (taskId: string, axis: 'params' | 'flops'): number =>
      table.models.filter((m) => m.scores[taskId] !== undefined && (axis === 'params' || m.flops !== undefined)).length;
    const withDecades = (v: ClaimVerdict, decades: number): ClaimVerdict => ({ ...v, agrees: false, decades });

    it('an article ability on a discontinuous metric that disagrees: how far, which way, and the mirage caveat', () => {
      const en = checkClaim(findClaims('Arithmetic emerges at 1e11 parameters.')[0]);
      const zh = checkClaim(findClaims('算术运算在1000亿参数时涌现。')[0]);
      assert.ok(en.fit && zh.fit);
      const n = models('arithmetic-3ds', 'params');
      const head = [
        '**Measured evidence: 3-digit subtraction**',
        '"Arithmetic" is compared with the closest measured task: 3-digit subtraction.',
        `Fitted emergence point (parameters axis, ${n} open models): ${describeGroupFit(en.fit, 'params', 'en')}. Metric: accuracy (exact answer), discontinuous (one wrong token scores the example 0); chance 0.`,
      ];
      const tail = [
        'Note: a discontinuous metric can make smooth progress look sudden (Schaeffer et al. 2023); see the mirage lens.',
        'Data: Ruan et al. 2024 (ObsScaling, Apache-2.0).',
      ];
      const enText = (times: string, way: string): string =>
        [
          ...head,
          `**Disagrees with the data**: the note says 100B parameters, but the data's emergence point is ${times} ${way}; the note's value is outside the 95% interval.`,
          ...tail,
        ].join('\n\n');
      // 10^2 = 100 is written in orders of magnitude; 10^0.5 = 3.16 as a factor.
      assert.equal(verdictMarkdown(withDecades(en, 2), 'en'), enText('2.0 orders of magnitude', 'higher (later)'));
      assert.equal(verdictMarkdown(withDecades(en, -2.25), 'en'), enText('2.3 orders of magnitude', 'lower (earlier)'));
      assert.equal(verdictMarkdown(withDecades(en, 0.5), 'en'), enText('3.2×', 'higher (later)'));
      assert.equal(verdictMarkdown(withDecades(en, -0.5), 'en'), enText('3.2×', 'lower (earlier)'));
      const zhText = (says: string): string =>
        [
          '**实测证据：三位数减法**',
          '“算术运算”按最接近的实测任务对照：三位数减法。',
          `拟合的涌现点（参数量轴，${n} 个开源模型）：${describeGroupFit(zh.fit!, 'params', 'zh')}。指标：准确率（答案完全正确），不连续（一处错即整题记 0）；机会水平 0。`,
          `**与数据不符**：笔记写 1000亿参数，而数据的涌现点${says}，笔记的数值不在 95% 区间内。`,
          '注意：不连续指标会让平滑的进步看起来像突变（Schaeffer 等 2023），见“幻象透镜”。',
          '数据：Ruan 等 2024（ObsScaling，Apache-2.0）。',
        ].join('\n\n');
      assert.equal(verdictMarkdown(withDecades(zh, 2), 'zh'), zhText('是它的 2.0 个数量级（更晚）'));
      assert.equal(verdictMarkdown(withDecades(zh, 0.5), 'zh'), zhText('是它的 3.2 倍（更晚）'));
      assert.equal(verdictMarkdown(withDecades(zh, -0.5), 'zh'), zhText('只有它的 1/3.2（更早）'));
      // The real verdict: the data's point is below 1e11 (see above), by the factor the fit gives.
      assert.equal(verdictMarkdown(en, 'en'), verdictMarkdown(withDecades(en, Math.log10(en.fit.emergenceAt / 1e11)), 'en'));
    });

    it('a claim equal to the fitted point but outside the interval is told so, with no factor and no direction', () => {
      const en = checkClaim(findClaims('Arithmetic emerges at 1e11 parameters.')[0]);
      const zh = checkClaim(findClaims('算术运算在1000亿参数时涌现。')[0]);
      const enLines = verdictMarkdown(withDecades(en, 0), 'en').split('\n\n');
      assert.equal(enLines[3], "**Disagrees with the data**: the note's 100B parameters is the fitted emergence point itself, yet outside the 95% interval.");
      const zhLines = verdictMarkdown(withDecades(zh, 0), 'zh').split('\n\n');
      assert.equal(zhLines[3], '**与数据不符**：笔记写的 1000亿参数 正是拟合的涌现点，却不在 95% 区间内。');
      // Just off the tie, the factor and the direction come back.
      assert.match(verdictMarkdown(withDecades(en, 1e-9), 'en'), /is 1\.0× higher \(later\)/);
      assert.match(verdictMarkdown(withDecades(en, -1e-9), 'en'), /is 1\.0× lower \(earlier\)/);
    });

    it('a shipped task on a continuous metric that agrees: no caveat, FLOPs axis, chance 0.25', () => {
      const claim = findClaims('Persian QA emerges at 1e22 FLOPs')[0];
      const v: ClaimVerdict = { ...checkClaim(claim), agrees: true };
      assert.ok(v.fit);
      const n = models('persian-qa', 'flops');
      assert.equal(
        verdictMarkdown(v, 'en'),
        [
          '**Measured evidence: Persian QA (4-way multiple choice)**',
          `Fitted emergence point (training FLOPs axis, ${n} open models): ${describeGroupFit(v.fit, 'flops', 'en')}. Metric: multiple-choice accuracy, continuous; chance 0.25.`,
          "The note's 1e22 FLOPs lies inside the 95% interval: consistent with the data.",
          'Data: Ruan et al. 2024 (ObsScaling, Apache-2.0).',
        ].join('\n\n'),
      );
      assert.equal(
        verdictMarkdown(v, 'zh'),
        [
          '**实测证据：波斯语问答（四选一）**',
          `拟合的涌现点（训练 FLOPs轴，${n} 个开源模型）：${describeGroupFit(v.fit, 'flops', 'zh')}。指标：多项选择准确率，连续；机会水平 0.25。`,
          '笔记中的 1e22 FLOPs 落在 95% 区间内：与数据一致。',
          '数据：Ruan 等 2024（ObsScaling，Apache-2.0）。',
        ].join('\n\n'),
      );
      assert.deepEqual(claimChartParams(claim), { task: 'persian-qa', axis: 'flops' });
    });
  });
});
