import * as assert from 'node:assert/strict';
import { implicationsSection } from '../../../src/sections/implications';
import { wrapLabel } from '../../../src/sections/implications/charts';
import {
  challengeCounts,
  FEASIBILITY,
  IMPACT_AREAS,
  IMPACT_SCORES,
  implicationsReport,
  IMPORTANCE,
  MILESTONES,
  TRENDS,
} from '../../../src/sections/implications/model';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';
import { withoutCaption } from '../helpers/caption';

type Row = Record<string, unknown>;
interface LayerLike {
  data?: { values?: Row[] };
}

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartsOf = (params: Record<string, unknown>, c: ChartContext): ChartSpec[] => implicationsSection.charts(resolveParams(implicationsSection, params), c);
const byId = (charts: ChartSpec[], id: string): ChartSpec => {
  const chart = charts.find((c) => c.id === id);
  assert.ok(chart, `chart ${id}`);
  return chart;
};
/** The rows of the first layer (or the chart's own data) that have `field`. */
function rowsWith(chart: ChartSpec, field: string): Row[] {
  const spec = chart.spec as unknown as LayerLike & { layer?: LayerLike[] };
  const sets = [spec.data?.values, ...(spec.layer ?? []).map((l) => l.data?.values)];
  const found = sets.find((rows) => rows !== undefined && rows.length > 0 && field in rows[0]);
  assert.ok(found, `no data with field ${field}`);
  return found;
}

/** Exactly what the seed's script prints (python3 run on the seed's `trends`). */
const SEED_REPORT_ZH =
  '\n涌现能力对AI发展的核心启示:\n' +
  '================================================================================\n' +
  '\n 规模继续扩大\n 描述: 模型参数向万亿、十万亿级别发展\n 潜力: 可能出现更强的推理和创造能力\n 挑战: 计算成本, 能源消耗, 数据需求\n' +
  '\n 涌现能力预测\n 描述: 提前预测新能力的出现\n 潜力: 针对性优化和安全性准备\n 挑战: 理论不完善, 难以精确预测\n' +
  '\n 高效涌现\n 描述: 用更小规模实现涌现能力\n 潜力: 降低部署成本,扩大应用范围\n 挑战: 算法创新, 架构优化\n' +
  '\n 安全性考虑\n 描述: 应对不可预测的涌现行为\n 潜力: 确保AI系统安全可靠\n 挑战: 对齐问题, 价值学习\n';

const SEED_CHALLENGES = ['计算成本', '能源消耗', '数据需求', '理论不完善', '难以精确预测', '算法创新', '架构优化', '对齐问题', '价值学习'];

describe('section implications (seed 5.2)', () => {
  describe('model', () => {
    it('has the seed trends, scores, milestones and impact areas', () => {
      assert.deepEqual(
        TRENDS.map((t) => t.name.zh),
        ['规模继续扩大', '涌现能力预测', '高效涌现', '安全性考虑'],
      );
      assert.deepEqual(IMPORTANCE, [8, 9, 7, 10]);
      assert.deepEqual(FEASIBILITY, [6, 4, 5, 3]);
      assert.deepEqual(
        MILESTONES.map((m) => [m.time.zh, m.achievement.zh, m.description.zh]),
        [
          ['当前', '千亿级参数', '基础涌现能力'],
          ['2-3年', '万亿级参数', '更强的推理创造'],
          ['5年', '新架构突破', '高效涌现实现'],
          ['10年', '理论完善', '可预测涌现'],
        ],
      );
      assert.deepEqual(
        IMPACT_AREAS.map((a) => a.name.zh),
        ['科学研究', '教育', '医疗', '创作', '工程', '决策'],
      );
      assert.deepEqual(IMPACT_SCORES, [9, 8, 9, 8, 9, 8]);
    });

    it("counts challenges like the seed's challenge_counts dict, in insertion order", () => {
      const counts = challengeCounts();
      assert.deepEqual(
        counts.map((c) => c.challenge.zh),
        SEED_CHALLENGES,
      );
      assert.deepEqual(
        counts.map((c) => c.count),
        Array<number>(9).fill(1),
      );
      assert.deepEqual(
        counts.map((c) => c.trends),
        [[0], [0], [0], [1], [1], [2], [2], [3], [3]],
      );
      // A challenge listed twice is counted twice, at its first position.
      const dup = challengeCounts([TRENDS[0], { ...TRENDS[1], challenges: [TRENDS[1].challenges[0], TRENDS[0].challenges[0]] }]);
      assert.deepEqual(
        dup.map((c) => [c.challenge.zh, c.count]),
        [
          ['计算成本', 2],
          ['能源消耗', 1],
          ['数据需求', 1],
          ['理论不完善', 1],
        ],
      );
    });

    it('wraps long English labels at spaces only', () => {
      assert.deepEqual(wrapLabel('Stronger reasoning and creativity', 20), ['Stronger reasoning', 'and creativity']);
      assert.deepEqual(wrapLabel('更强的推理创造', 4), ['更强的推理创造']);
      assert.deepEqual(wrapLabel('Now', 20), ['Now']);
    });
  });

  describe('report', () => {
    it('equals the seed printout exactly (zh)', () => {
      assert.equal(withoutCaption(implicationsSection.report?.(defaultParams(implicationsSection), 'zh')), SEED_REPORT_ZH);
    });

    it('has the same shape in English', () => {
      const en = implicationsReport('en');
      const lines = en.split('\n');
      assert.equal(lines.length, SEED_REPORT_ZH.split('\n').length);
      assert.equal(lines[1], 'Core implications of emergent abilities for AI development:');
      assert.equal(lines[2], '='.repeat(80));
      assert.equal(lines[4], ' Continued scaling');
      assert.equal(lines[7], ' Challenges: Compute cost, Energy consumption, Data requirements');
    });
  });

  describe('charts', () => {
    it('has the matrix, the timeline, the challenges and the impact radar', () => {
      assert.deepEqual(
        chartsOf({}, ctx('zh')).map((c) => c.id),
        ['trend-matrix', 'milestone-timeline', 'challenges', 'impact-radar'],
      );
    });

    it('matrix: the seed scores on 0–11 axes, with quadrant guides', () => {
      const matrix = byId(chartsOf({}, ctx('zh')), 'trend-matrix');
      const points = rowsWith(matrix, 'potential');
      assert.deepEqual(
        points.map((p) => [p.name, p.importance, p.feasibility]),
        [
          ['规模继续扩大', 8, 6],
          ['涌现能力预测', 9, 4],
          ['高效涌现', 7, 5],
          ['安全性考虑', 10, 3],
        ],
      );
      const json = JSON.stringify(matrix.spec);
      assert.ok(json.includes('"domain":[0,11]'));
      assert.ok(json.includes('AI涌现趋势分析矩阵') && json.includes('"重要性"') && json.includes('"可行性"'));
      assert.ok(json.includes('重要且可行 (优先发展)') && json.includes('重要但困难 (需要突破)'));
    });

    it('timeline: four milestones in order', () => {
      const timeline = byId(chartsOf({}, ctx('zh')), 'milestone-timeline');
      assert.deepEqual(
        rowsWith(timeline, 'time').map((r) => [r.i, r.time, r.achievementText, r.descriptionText]),
        [
          [0, '当前', '千亿级参数', '基础涌现能力'],
          [1, '2-3年', '万亿级参数', '更强的推理创造'],
          [2, '5年', '新架构突破', '高效涌现实现'],
          [3, '10年', '理论完善', '可预测涌现'],
        ],
      );
    });

    it("challenges: nine bars with the computed counts, x '出现频次'", () => {
      const chart = byId(chartsOf({}, ctx('zh')), 'challenges');
      const rows = rowsWith(chart, 'count');
      assert.deepEqual(
        rows.map((r) => [r.challenge, r.count]),
        SEED_CHALLENGES.map((c) => [c, 1]),
      );
      assert.ok(JSON.stringify(chart.spec).includes('"出现频次"'));
    });

    it('impact radar: six scores on 0–10, one closed polygon', () => {
      const chart = byId(chartsOf({}, ctx('zh')), 'impact-radar');
      const vertices = rowsWith(chart, 'vertex');
      assert.deepEqual(
        vertices.map((v) => v.value),
        [9, 8, 9, 8, 9, 8, 9],
      );
      assert.deepEqual(
        vertices.slice(0, 6).map((v) => v.axis),
        ['科学研究', '教育', '医疗', '创作', '工程', '决策'],
      );
      assert.ok(JSON.stringify(chart.spec).includes('涌现能力的潜在影响'));
    });

    it('parameters change the matrix and the radar', () => {
      const charts = chartsOf({ importance_efficient_emergence: 9.5, feasibility_safety_considerations: 8, impact_education: 3 }, ctx('en'));
      const points = rowsWith(byId(charts, 'trend-matrix'), 'potential');
      assert.deepEqual([points[2].importance, points[3].feasibility], [9.5, 8]);
      const vertices = rowsWith(byId(charts, 'impact-radar'), 'vertex');
      assert.deepEqual(
        vertices.map((v) => v.value),
        [9, 3, 9, 8, 9, 8, 9],
      );
      // Scores stay on the 0–10 scale.
      const clamped = rowsWith(byId(chartsOf({ importance_scaling_continuation: 42 }, ctx('en')), 'trend-matrix'), 'potential');
      assert.equal(clamped[0].importance, 10);
    });

    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME, HIGH_CONTRAST_THEME]) {
        it(`renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          const [matrix, timeline, challenges, impact] = chartsOf({}, ctx(lang, theme));
          // 2 quadrant rules, 4 quadrant labels + 4 point labels, 4 points.
          assert.deepEqual(markCounts(await renderClean(matrix)), { rule: 2, text: 8, symbol: 4 });
          // The connecting line, 4 dots, 4 × (time, achievement, description).
          assert.deepEqual(markCounts(await renderClean(timeline)), { rule: 1, symbol: 4, text: 12 });
          // 9 bars and their count labels.
          assert.deepEqual(markCounts(await renderClean(challenges)), { rect: 9, text: 9 });
          // 5 rings × 97 + 1 polygon × 7 vertices; 6 spokes; 5 ring + 6 value + 6 area labels; 6 points.
          assert.deepEqual(markCounts(await renderClean(impact)), { line: 5 * 97 + 7, rule: 6, text: 17, symbol: 6 });
          const json = JSON.stringify([matrix, timeline, challenges, impact].map((c) => c.spec));
          assert.ok(json.includes(theme.palette[0]));
        });
      }
    }

    it('declares bilingual parameters with the seed defaults', () => {
      const defaults = defaultParams(implicationsSection);
      assert.deepEqual(
        TRENDS.map((t) => defaults[`importance_${t.key}`]),
        IMPORTANCE,
      );
      assert.deepEqual(
        TRENDS.map((t) => defaults[`feasibility_${t.key}`]),
        FEASIBILITY,
      );
      assert.deepEqual(
        IMPACT_AREAS.map((a) => defaults[`impact_${a.key}`]),
        IMPACT_SCORES,
      );
      for (const p of implicationsSection.params) {
        assert.ok(p.label.en && p.label.zh, p.name);
        if (p.kind === 'number') assert.deepEqual([p.min, p.max], [0, 10]);
      }
    });
  });
});
