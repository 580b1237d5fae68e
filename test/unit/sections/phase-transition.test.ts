import * as assert from 'node:assert/strict';
import { SECTIONS } from '../../../src/sections/index';
import { phaseTransitionSection } from '../../../src/sections/phase-transition';
import {
  BOUNDARY_SIZES,
  CAPABILITIES,
  SEED_THRESHOLDS,
  SIZES,
  analyzePhaseTransition,
  capabilityCounts,
  capabilityMatrix,
  type CapabilityKey,
} from '../../../src/sections/phase-transition/model';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';

type Row = Record<string, unknown>;

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartsOf = (params: Record<string, unknown>, c: ChartContext = ctx('zh')): ChartSpec[] =>
  phaseTransitionSection.charts(resolveParams(phaseTransitionSection, params), c);
const byId = (charts: ChartSpec[], id: string): ChartSpec => {
  const chart = charts.find((c) => c.id === id);
  assert.ok(chart, `chart ${id}`);
  return chart;
};

/** All inline rows of a chart (top-level data and every layer's). */
function rowsOf(chart: ChartSpec): Row[][] {
  const spec = chart.spec as unknown as { data?: { values?: Row[] }; layer?: { data?: { values?: Row[] } }[] };
  return [spec.data?.values ?? [], ...(spec.layer ?? []).map((l) => l.data?.values ?? [])].filter((r) => r.length > 0);
}

/** The seed's analyze_phase_transition, transcribed literally. */
function seedAnalyze(size: number): CapabilityKey[] {
  if (size < 1e7) return ['memorization'];
  else if (size < 1e9) return ['memorization', 'pattern_matching'];
  else if (size < 1e10) return ['memorization', 'pattern_matching', 'simple_reasoning'];
  else if (size < 1e11) return ['memorization', 'pattern_matching', 'simple_reasoning', 'complex_reasoning'];
  return ['memorization', 'pattern_matching', 'simple_reasoning', 'complex_reasoning', 'creativity'];
}

describe('section phase-transition (seed 3.2)', () => {
  describe('model: what the seed computes', () => {
    it('has the five capabilities in the seed order with both names', () => {
      assert.deepEqual(
        CAPABILITIES.map((c) => [c.key, c.name.zh, c.boundaryName.zh]),
        [
          ['memorization', '记忆能力', '记忆能力'],
          ['pattern_matching', '模式匹配', '模式匹配'],
          ['simple_reasoning', '简单推理', '简单推理'],
          ['complex_reasoning', '复杂推理', '复杂推理'],
          ['creativity', '创造性思维', '创造性'],
        ],
      );
      assert.deepEqual(SIZES, [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
    });

    it('analyze_phase_transition agrees with the seed at the grid sizes and at all 100 boundary sizes', () => {
      for (const size of [...SIZES, ...BOUNDARY_SIZES, 9.99e6, 1e7, 5e10, 1e13]) {
        assert.deepEqual(analyzePhaseTransition(size), seedAnalyze(size), `size ${size}`);
      }
    });

    it('capability counts are [1, 2, 2, 3, 4, 5, 5]', () => {
      assert.deepEqual(capabilityCounts(SEED_THRESHOLDS, { model: 'step', sharpness: 2 }), [1, 2, 2, 3, 4, 5, 5]);
    });

    it('the heatmap matrix is the seed 0/1 matrix (sizes × capabilities)', () => {
      assert.deepEqual(capabilityMatrix(SEED_THRESHOLDS, { model: 'step', sharpness: 2 }), [
        [1, 0, 0, 0, 0],
        [1, 1, 0, 0, 0],
        [1, 1, 0, 0, 0],
        [1, 1, 1, 0, 0],
        [1, 1, 1, 1, 0],
        [1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1],
      ]);
    });

    it('boundary x is np.logspace(6, 12, 100)', () => {
      assert.equal(BOUNDARY_SIZES.length, 100);
      assert.equal(BOUNDARY_SIZES[0], 1e6);
      assert.equal(BOUNDARY_SIZES[99], 1e12);
      // numpy: x[16] = 9326033.468832199, x[66] = 1e10 exactly
      assert.ok(Math.abs(BOUNDARY_SIZES[16] / 9326033.468832199 - 1) < 1e-13);
      assert.equal(BOUNDARY_SIZES[66], 1e10);
    });
  });

  describe('chart data', () => {
    it('capability-count carries the seed counts and labels each newly gained capability', () => {
      const chart = byId(chartsOf({}), 'capability-count');
      const [points] = rowsOf(chart);
      assert.deepEqual(
        points.map((r) => [r.size, r.count]),
        SIZES.map((s, i) => [s, [1, 2, 2, 3, 4, 5, 5][i]]),
      );
      const labels = rowsOf(chart).find((rows) => 'label' in rows[0]);
      assert.deepEqual(
        labels?.map((r) => r.label),
        ['+模式匹配', '+简单推理', '+复杂推理', '+创造性思维'],
      );
    });

    it('capability-heatmap has the 35 cells of the 0/1 matrix with x labels like the seed', () => {
      const chart = byId(chartsOf({}, ctx('en')), 'capability-heatmap');
      const [cells] = rowsOf(chart);
      assert.equal(cells.length, 35);
      const matrix = capabilityMatrix(SEED_THRESHOLDS, { model: 'step', sharpness: 2 });
      for (const c of cells) assert.equal(c.value, matrix[SIZES.indexOf(c.size as number)][c.order as number]);
      assert.deepEqual([...new Set(cells.map((c) => c.sizeExp))], ['1e+06', '1e+07', '1e+08', '1e+09', '1e+10', '1e+11', '1e+12']);
    });

    it('phase-boundaries: five series of 100 points equal to the seed np.where steps', () => {
      const chart = byId(chartsOf({}), 'phase-boundaries');
      const series = rowsOf(chart);
      assert.equal(series.length, 5);
      const thresholds = [0, 1e7, 1e9, 1e10, 1e11];
      series.forEach((rows, j) => {
        assert.equal(rows.length, 100);
        assert.equal(rows[0].capability, CAPABILITIES[j].boundaryName.zh);
        rows.forEach((r, i) => {
          assert.equal(r.size, BOUNDARY_SIZES[i]);
          assert.equal(r.active, BOUNDARY_SIZES[i] >= thresholds[j] ? 1 : 0);
        });
      });
      // numpy sums: np.where(x >= t, 1, 0).sum() for 1e7, 1e9, 1e10, 1e11
      assert.deepEqual(
        series.map((rows) => rows.reduce((s, r) => s + (r.active as number), 0)),
        [100, 83, 50, 34, 17],
      );
    });

    it('the logistic model makes the transitions gradual (fractional cells and counts)', () => {
      const charts = chartsOf({ transitionModel: 'logistic', sharpness: 1 });
      const [cells] = rowsOf(byId(charts, 'capability-heatmap'));
      const at = (size: number, order: number): number => cells.find((c) => c.size === size && c.order === order)?.value as number;
      assert.equal(at(1e7, 1), 0.5);
      assert.ok(Math.abs(at(1e8, 1) - 1 / 1.1) < 1e-12);
      assert.ok(Math.abs(at(1e6, 1) - 1 / 11) < 1e-12);
      const [points] = rowsOf(byId(charts, 'capability-count'));
      assert.ok(points.some((r) => !Number.isInteger(r.count)));
    });

    it('moving a threshold moves its step', () => {
      const [, pattern] = rowsOf(byId(chartsOf({ thresholdPatternMatching: 1e9 }), 'phase-boundaries'));
      assert.equal(
        pattern.reduce((s, r) => s + (r.active as number), 0),
        50,
      );
      const [points] = rowsOf(byId(chartsOf({ thresholdPatternMatching: 1e9 }), 'capability-count'));
      assert.deepEqual(
        points.map((r) => r.count),
        [1, 1, 1, 3, 4, 5, 5],
      );
    });
  });

  describe('rendering', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        it(`renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          const charts = chartsOf({}, ctx(lang, theme));
          assert.deepEqual(
            charts.map((c) => c.id),
            ['capability-count', 'capability-heatmap', 'phase-boundaries'],
          );
          const counts = await Promise.all(charts.map(async (c) => markCounts(await renderClean(c))));
          // 7 green squares on a 7-point line, 4 "+capability" labels.
          assert.deepEqual(counts[0], { line: 7, symbol: 7, text: 4 });
          // 7 sizes × 5 capabilities.
          assert.deepEqual(counts[1], { rect: 35 });
          // 5 step lines of 100 points each.
          assert.deepEqual(counts[2], { line: 500 });
          const svgs = await Promise.all(charts.map(async (c) => (await renderClean(c)).svg));
          const zh = lang === 'zh';
          assert.ok(svgs[0].includes(zh ? '能力数量随规模增长' : 'Number of capabilities grows with scale'));
          assert.ok(svgs[0].includes(zh ? '模型规模 (参数)' : 'Model size (parameters)'));
          assert.ok(svgs[0].includes(zh ? '能力数量' : 'Number of capabilities'));
          assert.ok(svgs[1].includes(zh ? '能力涌现热图' : 'Capability emergence heatmap'));
          assert.ok(svgs[1].includes(zh ? '能力存在性' : 'Capability present'));
          for (const label of ['1e+06', '1e+12']) assert.ok(svgs[1].includes(label));
          for (const c of CAPABILITIES) {
            assert.ok(svgs[1].includes(c.name[lang]), c.name[lang]);
            assert.ok(svgs[2].includes(c.boundaryName[lang]), c.boundaryName[lang]);
          }
          assert.ok(svgs[2].includes(zh ? '能力相变边界' : 'Capability phase boundaries'));
          assert.ok(svgs[2].includes(zh ? '能力激活' : 'Capability active'));
          assert.ok(svgs[0].includes(theme.palette[2]), 'the count line uses the theme palette');
        });
      }
    }

    it('the logistic heatmap prints its fractional values; high contrast renders', async () => {
      const charts = chartsOf({ transitionModel: 'logistic' }, ctx('en', HIGH_CONTRAST_THEME));
      const counts = markCounts(await renderClean(byId(charts, 'capability-heatmap')));
      assert.deepEqual(counts, { rect: 35, text: 35 });
      for (const c of charts) await renderClean(c);
    });

    it('there is no empty fourth panel', () => {
      assert.equal(chartsOf({}).length, 3);
    });
  });

  describe('parameters', () => {
    it('defaults are the seed: step model, thresholds 1e7, 1e9, 1e10, 1e11 (memorization below the grid)', () => {
      const d = defaultParams(phaseTransitionSection);
      assert.equal(d.transitionModel, 'step');
      assert.deepEqual(
        CAPABILITIES.map((c) => d[c.param]),
        [1e5, 1e7, 1e9, 1e10, 1e11],
      );
    });

    it('bad values are clamped or dropped', () => {
      const p = resolveParams(phaseTransitionSection, { transitionModel: 'sigmoid', sharpness: 1000, thresholdCreativity: 1e20, thresholdPatternMatching: 0 });
      assert.equal(p.transitionModel, 'step');
      assert.equal(p.sharpness, 10);
      assert.equal(p.thresholdCreativity, 1e13);
      assert.equal(p.thresholdPatternMatching, 1e4);
    });

    it('registered third', () => {
      assert.equal(SECTIONS[2], phaseTransitionSection);
    });
  });
});
