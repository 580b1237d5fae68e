import * as assert from 'node:assert/strict';
import { SECTIONS } from '../../../src/sections/index';
import { mathReasoningSection } from '../../../src/sections/math-reasoning';
import { PANEL_FRAME, annotationLines, placeAnnotation } from '../../../src/sections/math-reasoning/charts';
import { MODEL_SIZES, PROBLEM_TYPES, SEED_THRESHOLDS, analyzeMathEmergence, mathReport } from '../../../src/sections/math-reasoning/model';
import { estimateTextWidth, toPixel } from '../../../src/sections/scaling-laws/arrows';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';
import { withoutCaption } from '../helpers/caption';

type Row = Record<string, unknown>;

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartsOf = (params: Record<string, unknown>, c: ChartContext = ctx('zh')): ChartSpec[] =>
  mathReasoningSection.charts(resolveParams(mathReasoningSection, params), c);
const byId = (charts: ChartSpec[], id: string): ChartSpec => {
  const chart = charts.find((c) => c.id === id);
  assert.ok(chart, `chart ${id}`);
  return chart;
};
const STEP = { model: 'step', sharpness: 2 } as const;

interface PanelSpec {
  title: { text: string };
  layer: { mark: { type: string }; data?: { values?: Row[] } }[];
}
function panels(chart: ChartSpec): PanelSpec[] {
  return (chart.spec as unknown as { concat: PanelSpec[] }).concat;
}
function panelLayers(p: PanelSpec, type: string): Row[][] {
  return p.layer.filter((l) => l.mark.type === type).map((l) => l.data?.values ?? []);
}

/**
 * What python3 prints for the seed's analyze_math_emergence table (run on the seed's
 * code). The article's "输出结果" block shows the same rows with runs of spaces
 * collapsed ("| 算术运算 | 涌现规模: 1e+07 参数 |"); python pads the name to 12
 * characters and the size to 8, which is what is reproduced here.
 */
const SEED_REPORT_ZH =
  '数学推理能力涌现分析:\n' +
  '+--------------------------------------------------+\n' +
  '| 算术运算         | 涌现规模:    1e+07 参数 |\n' +
  '| 代数求解         | 涌现规模:    1e+09 参数 |\n' +
  '| 几何证明         | 涌现规模:    1e+11 参数 |\n' +
  '| 概率计算         | 涌现规模:    1e+11 参数 |\n' +
  '| 微积分          | 涌现规模:    1e+12 参数 |\n' +
  '+--------------------------------------------------+\n';

const REPORT_EN =
  'Mathematical reasoning emergence analysis:\n' +
  '+--------------------------------------------------+\n' +
  '| Arithmetic   | Emerges at:    1e+07 params |\n' +
  '| Algebra      | Emerges at:    1e+09 params |\n' +
  '| Geometry     | Emerges at:    1e+11 params |\n' +
  '| Probability  | Emerges at:    1e+11 params |\n' +
  '| Calculus     | Emerges at:    1e+12 params |\n' +
  '+--------------------------------------------------+\n';

/** The article's printout, whitespace collapsed as the article shows it. */
const ARTICLE_PRINTOUT = [
  '数学推理能力涌现分析:',
  '+--------------------------------------------------+',
  '| 算术运算 | 涌现规模: 1e+07 参数 |',
  '| 代数求解 | 涌现规模: 1e+09 参数 |',
  '| 几何证明 | 涌现规模: 1e+11 参数 |',
  '| 概率计算 | 涌现规模: 1e+11 参数 |',
  '| 微积分 | 涌现规模: 1e+12 参数 |',
  '+--------------------------------------------------+',
];

describe('section math-reasoning (seed 4.1)', () => {
  describe('model: what the seed computes', () => {
    it('has the five problem types, in order, with the coded thresholds', () => {
      assert.deepEqual(
        PROBLEM_TYPES.map((p) => [p.key, p.name.zh, p.threshold]),
        [
          ['arithmetic', '算术运算', 1e7],
          ['algebra', '代数求解', 1e9],
          ['geometry', '几何证明', 5e10],
          ['probability', '概率计算', 1e11],
          ['calculus', '微积分', 5e11],
        ],
      );
      assert.deepEqual(MODEL_SIZES, [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
      for (const p of PROBLEM_TYPES) assert.ok(p.name.en && p.example.en && p.example.zh);
    });

    it('emergence points on the grid are 1e7, 1e9, 1e11, 1e11, 1e12', () => {
      const rows = analyzeMathEmergence(SEED_THRESHOLDS, STEP);
      assert.deepEqual(
        rows.map((r) => r.emergencePoint),
        [1e7, 1e9, 1e11, 1e11, 1e12],
      );
      assert.deepEqual(
        rows.map((r) => r.minSize),
        [1e7, 1e9, 1e11, 1e11, 1e12],
      );
      // Geometry (5e10) and calculus (5e11) fall between grid sizes.
      assert.deepEqual(
        rows.map((r) => r.offGrid),
        [false, false, true, false, true],
      );
    });

    it('the step curves are the seed 0/1 capabilities', () => {
      assert.deepEqual(
        analyzeMathEmergence(SEED_THRESHOLDS, STEP).map((r) => r.capabilities),
        [
          [0, 1, 1, 1, 1, 1, 1],
          [0, 0, 0, 1, 1, 1, 1],
          [0, 0, 0, 0, 0, 1, 1],
          [0, 0, 0, 0, 0, 1, 1],
          [0, 0, 0, 0, 0, 0, 1],
        ],
      );
    });

    it('a threshold beyond the grid never emerges (python prints inf)', () => {
      const rows = analyzeMathEmergence({ ...SEED_THRESHOLDS, calculus: 5e12 }, STEP);
      assert.equal(rows[4].emergencePoint, undefined);
      assert.equal(rows[4].minSize, Infinity);
      assert.match(mathReport({ ...SEED_THRESHOLDS, calculus: 5e12 }, 'zh'), /\| 微积分 {10}\| 涌现规模: {6}inf 参数 \|\n/);
    });
  });

  describe('report', () => {
    it("equals python's printout of the seed's table exactly", () => {
      assert.equal(withoutCaption(mathReasoningSection.report?.(defaultParams(mathReasoningSection), 'zh')), SEED_REPORT_ZH);
    });

    it("matches the article's printed block once runs of spaces are collapsed", () => {
      const collapsed = SEED_REPORT_ZH.trimEnd()
        .split('\n')
        .map((l) => l.replace(/ {2,}/g, ' '));
      assert.deepEqual(collapsed, ARTICLE_PRINTOUT);
    });

    it('has an English version in the same layout', () => {
      assert.equal(withoutCaption(mathReasoningSection.report?.(defaultParams(mathReasoningSection), 'en')), REPORT_EN);
    });

    it('follows the threshold parameters', () => {
      const report = withoutCaption(mathReasoningSection.report?.(resolveParams(mathReasoningSection, { thresholdGeometry: 1e10 }), 'zh')) ?? '';
      assert.match(report, /\| 几何证明 {9}\| 涌现规模: {4}1e\+10 参数 \|/);
    });
  });

  describe('chart data', () => {
    it('emergence-curves: five panels with the seed titles, curves, rules and annotations', () => {
      const chart = byId(chartsOf({}), 'emergence-curves');
      const ps = panels(chart);
      assert.deepEqual(
        ps.map((p) => p.title.text),
        ['算术运算能力涌现', '代数求解能力涌现', '几何证明能力涌现', '概率计算能力涌现', '微积分能力涌现'],
      );
      const expectedRules = [[1e7], [1e9], [5e10, 1e11], [1e11], [5e11, 1e12]];
      const expectedCurves = analyzeMathEmergence(SEED_THRESHOLDS, STEP).map((r) => r.capabilities);
      ps.forEach((p, i) => {
        const [curve] = panelLayers(p, 'line');
        assert.deepEqual(
          curve.map((r) => [r.size, r.capable]),
          MODEL_SIZES.map((s, j) => [s, expectedCurves[i][j]]),
        );
        const rules = panelLayers(p, 'rule')
          .filter((rows) => rows.length === 1 && 'size' in rows[0])
          .map((rows) => rows[0].size);
        assert.deepEqual(rules, expectedRules[i]);
      });
    });

    it("annotations read '涌现点: 1e+07' like the seed, and show the threshold when the grid rounds it", () => {
      const rows = analyzeMathEmergence(SEED_THRESHOLDS, STEP);
      assert.deepEqual(
        rows.map((r) => annotationLines(r, 'zh')),
        [['涌现点: 1e+07'], ['涌现点: 1e+09'], ['涌现点: 1e+11', '(阈值 5e+10)'], ['涌现点: 1e+11'], ['涌现点: 1e+12', '(阈值 5e+11)']],
      );
      assert.deepEqual(annotationLines(rows[2], 'en'), ['Emerges: 1e+11', '(threshold 5e+10)']);
    });

    it('annotation text stays inside each panel (the seed puts late ones off the axes)', () => {
      for (const lang of ['zh', 'en'] as const) {
        for (const r of analyzeMathEmergence(SEED_THRESHOLDS, STEP)) {
          const lines = annotationLines(r, lang);
          const e = r.emergencePoint as number;
          const place = placeAnnotation(e, lines);
          const [px] = toPixel(PANEL_FRAME, place.x, place.y);
          const width = Math.max(...lines.map((l) => estimateTextWidth(l, 11)));
          const [left, right] = place.align === 'left' ? [px, px + width] : [px - width, px];
          assert.ok(left >= 0 && right <= PANEL_FRAME.width, `${r.problem.key} (${lang}): ${left}…${right}`);
        }
      }
      // Where the seed's (2e, 0.7) fits, it is kept.
      assert.deepEqual(placeAnnotation(1e7, ['涌现点: 1e+07']), { x: 2e7, y: 0.7, align: 'left' });
    });

    it('summary-table: threshold and first grid emergence per problem, mismatches highlighted', () => {
      const chart = byId(chartsOf({}, ctx('en')), 'summary-table');
      const cells = (chart.spec as unknown as { data: { values: Row[] } }).data.values;
      assert.equal(cells.length, 15);
      const column = (c: number): unknown[] => cells.filter((_, i) => i % 3 === c).map((r) => r.text);
      assert.deepEqual(column(0), ['Arithmetic', 'Algebra', 'Geometry', 'Probability', 'Calculus']);
      assert.deepEqual(column(1), ['1e+07 (10M)', '1e+09 (1B)', '5e+10 (50B)', '1e+11 (100B)', '5e+11 (500B)']);
      assert.deepEqual(column(2), ['1e+07 (10M)', '1e+09 (1B)', '1e+11 (100B)', '1e+11 (100B)', '1e+12 (1T)']);
      const highlighted = cells.filter((r) => r.colour === LIGHT_THEME.accent).map((r) => r.text);
      assert.deepEqual(highlighted, ['1e+11 (100B)', '1e+12 (1T)']);
    });

    it('moving a threshold moves its step, rule and annotation', () => {
      const chart = byId(chartsOf({ thresholdAlgebra: 1e11 }), 'emergence-curves');
      const algebra = panels(chart)[1];
      assert.deepEqual(
        panelLayers(algebra, 'line')[0].map((r) => r.capable),
        [0, 0, 0, 0, 0, 1, 1],
      );
      assert.ok(JSON.stringify(algebra).includes('涌现点: 1e+11'));
    });

    it('the logistic model adds the continuous curve under the grid values', () => {
      const chart = byId(chartsOf({ transitionModel: 'logistic', sharpness: 1 }), 'emergence-curves');
      const arithmetic = panels(chart)[0];
      const lines = panelLayers(arithmetic, 'line');
      assert.equal(lines.length, 2);
      assert.equal(lines[0].length, 100);
      assert.equal(lines[1][1].capable, 0.5);
    });
  });

  describe('rendering', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        it(`renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          const [curves, table] = chartsOf({}, ctx(lang, theme));
          const c = await renderClean(curves);
          // Per panel: a 7-point line, 7 points + an arrowhead, the emergence rule and
          // arrow shaft (+ the threshold rule for geometry and calculus), one text.
          assert.deepEqual(markCounts(c), { line: 35, symbol: 40, rule: 12, text: 5 });
          for (const p of PROBLEM_TYPES) assert.ok(c.svg.includes(lang === 'zh' ? `${p.name.zh}能力涌现` : `${p.name.en} emergence`));
          for (const label of lang === 'zh' ? ['是', '否', '能力具备', '模型规模'] : ['Yes', 'No', 'Capable', 'Model size'])
            assert.ok(c.svg.includes(label), label);
          assert.ok(c.svg.includes(theme.accent));
          const t = await renderClean(table);
          assert.deepEqual(markCounts(t), { text: 15 });
          assert.ok(t.svg.includes(lang === 'zh' ? '网格上首次涌现' : 'First on the grid'));
        });
      }
    }

    it('renders the logistic model, a never-emerging threshold and high contrast', async () => {
      for (const chart of chartsOf({ transitionModel: 'logistic', thresholdCalculus: 1e13 }, ctx('en', HIGH_CONTRAST_THEME))) {
        const r = await renderClean(chart);
        if (chart.id === 'emergence-curves') assert.ok(r.svg.includes('No emergence on the grid'));
      }
    });
  });

  describe('parameters', () => {
    it('defaults are the seed thresholds and the step model', () => {
      const d = defaultParams(mathReasoningSection);
      assert.deepEqual(
        PROBLEM_TYPES.map((p) => d[p.param]),
        [1e7, 1e9, 5e10, 1e11, 5e11],
      );
      assert.equal(d.transitionModel, 'step');
    });

    it('bad values are clamped or dropped', () => {
      const p = resolveParams(mathReasoningSection, { thresholdArithmetic: 1, thresholdCalculus: 1e99, transitionModel: 7, sharpness: -3 });
      assert.equal(p.thresholdArithmetic, 1e5);
      assert.equal(p.thresholdCalculus, 1e13);
      assert.equal(p.transitionModel, 'step');
      assert.equal(p.sharpness, 0.2);
    });

    it('registered fourth', () => {
      assert.equal(SECTIONS[3], mathReasoningSection);
      for (const p of mathReasoningSection.params) assert.ok(p.label.en && p.label.zh);
    });
  });
});
