import * as assert from 'node:assert/strict';
import { analyzeTask } from '../../../src/engine/emergence/analysis';
import { obsscalingTable } from '../../../src/engine/emergence/data';
import { OBSSCALING_TASKS } from '../../../src/engine/emergence/tasks';
import { emergenceRealSection } from '../../../src/sections/emergence-real';
import { mirageSection } from '../../../src/sections/mirage';
import { mathReasoningSection } from '../../../src/sections/math-reasoning';
import { phaseTransitionSection } from '../../../src/sections/phase-transition';
import { SECTIONS } from '../../../src/sections/index';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';
import { hoistDatasets, splitTitle } from '../../../webview/lib/specData';
import { mirageTwin } from '../../../src/sections/mirage/model';
import { fitEmergenceWithInterval } from '../../../src/engine/emergence/fit';
import { findTask, type TaskInfo } from '../../../src/engine/emergence/tasks';

type Json = Record<string, unknown>;
const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const subtitle = (c: ChartSpec): string[] => (c.spec as unknown as { title: { subtitle: string[] } }).title.subtitle;

describe('section emergence-real', () => {
  it('is registered, bilingual, with a task picker over the 8 shipped tasks and three axes', () => {
    assert.ok(SECTIONS.includes(emergenceRealSection));
    const task = emergenceRealSection.params.find((p) => p.name === 'task');
    assert.ok(task && task.kind === 'choice');
    assert.deepEqual(
      task.options.map((o) => o.value),
      OBSSCALING_TASKS.map((t) => t.id),
    );
    const axis = emergenceRealSection.params.find((p) => p.name === 'axis');
    assert.ok(axis && axis.kind === 'choice');
    assert.deepEqual(
      axis.options.map((o) => o.value),
      ['flops', 'params', 'loss'],
    );
    for (const p of emergenceRealSection.params) assert.ok(p.label.en && p.label.zh);
  });

  it('draws every model with a score and a value on the axis, and says how many were left out', () => {
    const table = obsscalingTable();
    for (const axis of ['flops', 'params'] as const) {
      const [chart] = emergenceRealSection.charts(resolveParams(emergenceRealSection, { axis }), ctx('en'));
      const a = analyzeTask(table, OBSSCALING_TASKS[0], { axis }, { resamples: 0, seed: 1 });
      const layer = (chart.spec as unknown as { layer: { mark: { type: string }; data: { values: Json[] } }[] }).layer.find((l) => l.mark.type === 'point');
      assert.equal(layer?.data.values.length, a.points.models.length);
      const text = subtitle(chart).join(' ');
      if (axis === 'flops') assert.match(text, new RegExp(`${a.points.leftOut.length} more left out \\(no training FLOPs published\\)`));
      else assert.doesNotMatch(text, /left out/);
      assert.match(text, /Ruan et al\. 2024/);
    }
  });

  it('the chart shows the fit the engine computes (emergence rule at x₀)', () => {
    const [chart] = emergenceRealSection.charts(defaultParams(emergenceRealSection), ctx('zh'));
    const a = analyzeTask(obsscalingTable(), OBSSCALING_TASKS[0], { axis: 'flops' });
    const rule = (chart.spec as unknown as { layer: { mark: { type: string }; data: { values: Json[] } }[] }).layer.find(
      (l) => l.mark.type === 'rule' && 'label' in (l.data.values[0] ?? {}),
    );
    assert.equal(rule?.data.values[0].at, a.overall?.emergenceAt);
    assert.match(subtitle(chart)[0], /涌现点 x₀ = .*95% 置信区间/);
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      it(`renders cleanly on all three axes (${lang}, ${theme.kind})`, async () => {
        for (const axis of ['flops', 'params', 'loss']) {
          for (const chart of emergenceRealSection.charts(resolveParams(emergenceRealSection, { axis, familyCurves: axis === 'params' }), ctx(lang, theme))) {
            const r = await renderClean(chart);
            if (chart.id === 'real-emergence') assert.ok((markCounts(r).symbol ?? 0) >= 60);
          }
        }
      });
    }
  }

  it('renders every task, and high contrast', async () => {
    for (const t of OBSSCALING_TASKS)
      for (const chart of emergenceRealSection.charts(resolveParams(emergenceRealSection, { task: t.id }), ctx('en', HIGH_CONTRAST_THEME)))
        await renderClean(chart);
  });

  it('report: one line per task and per fitted family, with intervals, in both languages', () => {
    const en = emergenceRealSection.report?.(defaultParams(emergenceRealSection), 'en') ?? '';
    for (const t of OBSSCALING_TASKS) assert.ok(en.includes(`[${t.id}]`));
    assert.equal((en.match(/all models: .*95% CI/g) ?? []).length, OBSSCALING_TASKS.length);
    const zh = emergenceRealSection.report?.(defaultParams(emergenceRealSection), 'zh') ?? '';
    assert.equal((zh.match(/全部模型: .*95% 置信区间/g) ?? []).length, OBSSCALING_TASKS.length);
  });
});

describe('section mirage', () => {
  it('is registered with bilingual controls: law, c, α, length, test-set size', () => {
    assert.ok(SECTIONS.includes(mirageSection));
    assert.deepEqual(
      mirageSection.params.map((p) => p.name),
      ['law', 'c', 'alpha', 'length', 'testSetSize'],
    );
    for (const p of mirageSection.params) assert.ok(p.label.en && p.label.zh);
  });

  it('the test-set size is a Vega-Lite param feeding the resolution band', () => {
    const [metrics] = mirageSection.charts(resolveParams(mirageSection, { testSetSize: 250 }), ctx('en'));
    const params = (metrics.spec as unknown as { params: { name: string; value: number }[] }).params;
    assert.deepEqual(
      params.find((p) => p.name === 'testSetSize'),
      { name: 'testSetSize', value: 250 },
    );
    assert.ok(JSON.stringify(metrics.spec).includes('1 / testSetSize'));
  });

  it('every numeric control changes only data and signals, so a live view updates in place', () => {
    const shapes = (values: Record<string, number>): string[] =>
      mirageSection.charts(resolveParams(mirageSection, values), ctx('zh')).map((c) => hoistDatasets(splitTitle(c.spec).body, c.signals ?? []).shape);
    const base = shapes({});
    for (const p of mirageSection.params) {
      if (p.kind !== 'number') continue;
      assert.deepEqual(shapes({ [p.name]: p.min }), base, `${p.name} = ${p.min}`);
      assert.deepEqual(shapes({ [p.name]: p.max }), base, `${p.name} = ${p.max}`);
    }
  });

  it('the exact-match panel quotes the target length through its signal, in both languages', async () => {
    const titles = { en: 'Exact match p^L (L = 17)', zh: '完全匹配 p^L（L = 17）' };
    for (const lang of ['en', 'zh'] as const) {
      const [metrics] = mirageSection.charts(resolveParams(mirageSection, { length: 17 }), ctx(lang));
      assert.ok(!JSON.stringify(metrics.spec.params).includes('L = 5'));
      const { svg } = await renderClean(metrics);
      assert.ok(svg.includes(titles[lang]), lang);
    }
  });

  it('the twin fits each IPA metric over the models with FLOPs and both scores, exactly as a direct fit does', () => {
    const table = obsscalingTable();
    const twin = mirageTwin();
    for (const [series, id, other] of [
      [twin.exact, 'ipa-exact-match', 'ipa-bleu'],
      [twin.bleu, 'ipa-bleu', 'ipa-exact-match'],
    ] as const) {
      const task = findTask(OBSSCALING_TASKS, id) as TaskInfo;
      const models = table.models.filter((m) => m.flops !== undefined && m.scores[id] !== undefined && m.scores[other] !== undefined);
      // Field by field: a rendered chart tags its rows with Vega's tuple ids.
      assert.deepEqual(
        series.points.map((p) => ({ model: p.model, flops: p.flops, score: p.score })),
        models.map((m) => ({ model: m.model, flops: m.flops, score: m.scores[id] })),
      );
      const direct = fitEmergenceWithInterval(
        models.map((m) => Math.log10(m.flops as number)),
        models.map((m) => m.scores[id] as number),
        task.chance,
      );
      assert.deepStrictEqual(series.fit?.fit, direct);
      assert.equal(series.fit?.emergenceAt, Math.pow(10, direct.x0));
      assert.deepEqual(series.fit?.interval, [Math.pow(10, direct.ci?.low ?? NaN), Math.pow(10, direct.ci?.high ?? NaN)]);
    }
  });

  it('the Kaplan preset replaces c and α', () => {
    const [metrics] = mirageSection.charts(resolveParams(mirageSection, { law: 'kaplan', c: 5 }), ctx('en'));
    assert.match(subtitle(metrics)[0], /Kaplan et al\. 2020: L_CE\(N\) = \(8\.80e\+13\/N\)\^0\.076/);
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      it(`renders cleanly (${lang}, ${theme.kind})`, async () => {
        const [metrics, twin] = mirageSection.charts(defaultParams(mirageSection), ctx(lang, theme));
        const m = await renderClean(metrics);
        // Six panels, one 61-point line each; a resolution band on the four accuracy-like panels.
        assert.deepEqual(markCounts(m), { line: 6 * 61, rect: 4 });
        const t = await renderClean(twin);
        assert.ok((markCounts(t).symbol ?? 0) > 100);
      });
    }
  }
});

describe('measured counterparts of the article sections', () => {
  it('math-reasoning and phase-transition carry the switch, illustrative by default', async () => {
    for (const s of [mathReasoningSection, phaseTransitionSection]) {
      const p = s.params.find((q) => q.name === 'evidence');
      assert.ok(p && p.kind === 'choice');
      assert.equal(p.default, 'article');
      assert.deepEqual(
        p.options.map((o) => o.value),
        ['article', 'measured'],
      );
    }
    const [arith] = mathReasoningSection.charts(resolveParams(mathReasoningSection, { evidence: 'measured' }), ctx('zh'));
    assert.equal(arith.id, 'measured-arithmetic');
    assert.match(subtitle(arith)[0], /原文称算术在 1e\+07 参数涌现（示意/);
    const [count] = phaseTransitionSection.charts(resolveParams(phaseTransitionSection, { evidence: 'measured' }), ctx('en'));
    assert.equal(count.id, 'measured-capability-count');
    for (const lang of ['en', 'zh'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        await renderClean(mathReasoningSection.charts(resolveParams(mathReasoningSection, { evidence: 'measured' }), ctx(lang, theme))[0]);
        const r = await renderClean(phaseTransitionSection.charts(resolveParams(phaseTransitionSection, { evidence: 'measured' }), ctx(lang, theme))[0]);
        // Seven tasks (IPA BLEU not counted twice): seven points with their interval rules.
        assert.equal(markCounts(r).symbol, 7);
      }
    }
  });
});
