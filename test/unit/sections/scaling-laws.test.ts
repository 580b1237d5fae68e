import * as assert from 'node:assert/strict';
import { SECTIONS } from '../../../src/sections/index';
import { scalingLawsSection } from '../../../src/sections/scaling-laws';
import { arrowFromBox, fromPixel, textBox, toPixel, type PlotFrame } from '../../../src/sections/scaling-laws/arrows';
import { PERFORMANCE_FRAME } from '../../../src/sections/scaling-laws/charts';
import {
  CODE_EMERGENCE_POINT,
  MODEL_SIZES,
  PERFORMANCE,
  PROSE_EMERGENCE_POINT,
  STAGE_ANNOTATIONS,
  proseLegendLabel,
  thresholdLegendLabel,
} from '../../../src/sections/scaling-laws/model';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';

type Row = Record<string, unknown>;

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartOf = (params: Record<string, unknown>, c: ChartContext = ctx('zh')): ChartSpec => {
  const charts = scalingLawsSection.charts(resolveParams(scalingLawsSection, params), c);
  assert.equal(charts.length, 1);
  return charts[0];
};

/** Inline data of every layer. */
function layers(chart: ChartSpec): { mark: unknown; values: Row[] }[] {
  const spec = chart.spec as unknown as { layer: { mark: unknown; data?: { values?: Row[] } }[] };
  return spec.layer.map((l) => ({ mark: l.mark, values: l.data?.values ?? [] }));
}

function markType(mark: unknown): string {
  return typeof mark === 'string' ? mark : String((mark as { type: string }).type);
}

interface SceneItem {
  x?: number;
  y?: number;
  x2?: number;
  text?: unknown;
}
interface SceneNode {
  marktype?: string;
  role?: string;
  items?: (SceneNode & SceneItem)[];
}

/** Drawn items of one mark type, with their scenegraph geometry. */
function itemsOf(view: { scenegraph(): unknown }, type: string): SceneItem[] {
  const out: SceneItem[] = [];
  const walk = (node: SceneNode | undefined): void => {
    if (!node) return;
    if (node.marktype === type && node.role === 'mark') out.push(...(node.items ?? []));
    if (node.role && ['axis', 'legend', 'title'].includes(node.role)) return;
    for (const item of node.items ?? []) walk(item);
  };
  walk((view.scenegraph() as { root: SceneNode }).root);
  return out;
}

describe('section scaling-laws (seed 3.1)', () => {
  describe('model: the seed data', () => {
    it('has the seed sizes, performance and coded emergence point', () => {
      assert.deepEqual(MODEL_SIZES, [1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
      assert.deepEqual(PERFORMANCE, [0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 0.95]);
      assert.equal(CODE_EMERGENCE_POINT, 1e10);
      assert.equal(PROSE_EMERGENCE_POINT, 1e11);
    });

    it("has the seed's three annotations (xy, xytext, arrow colour)", () => {
      assert.deepEqual(
        STAGE_ANNOTATIONS.map((a) => [a.label.zh, a.xy, a.xytext, a.emphasis]),
        [
          ['简单模式匹配', [1e7, 0.15], [1e6, 0.05], false],
          ['基础推理能力', [1e10, 0.45], [1e9, 0.3], false],
          ['复杂推理涌现', [1e11, 0.75], [1e10, 0.6], true],
        ],
      );
      for (const a of STAGE_ANNOTATIONS) assert.ok(a.label.en.length > 0);
    });

    it("labels the rule as the seed's legend does (python's .0e)", () => {
      assert.equal(thresholdLegendLabel(1e10, 'zh'), '涌现临界点 (1e+10 参数)');
      assert.equal(thresholdLegendLabel(1e10, 'en'), 'Emergence threshold (1e+10 parameters)');
      assert.equal(thresholdLegendLabel(3.2e9, 'zh'), '涌现临界点 (3e+09 参数)');
      assert.match(proseLegendLabel('zh'), /约1000亿 \(1e\+11 参数\)/);
      assert.match(proseLegendLabel('en'), /~100B \(1e\+11 parameters\)/);
    });
  });

  describe('chart data', () => {
    it('the performance curve and its points carry exactly the seed values', () => {
      const chart = chartOf({});
      assert.equal(chart.id, 'performance-curve');
      const line = layers(chart).find((l) => markType(l.mark) === 'line');
      assert.ok(line);
      assert.deepEqual(
        line.values.map((r) => [r.size, r.performance]),
        MODEL_SIZES.map((s, i) => [s, PERFORMANCE[i]]),
      );
      const points = layers(chart).find((l) => markType(l.mark) === 'point' && l.values.length === 7);
      assert.ok(points);
      assert.deepEqual(
        points.values.map((r) => [r.sizeExp, r.sizeHuman]),
        [
          ['1e+06', '100万'],
          ['1e+07', '1000万'],
          ['1e+08', '1亿'],
          ['1e+09', '10亿'],
          ['1e+10', '100亿'],
          ['1e+11', '1000亿'],
          ['1e+12', '1万亿'],
        ],
      );
    });

    it("draws the code's rule at 1e10 and the prose's 1e11 as a second, fainter rule", () => {
      const rules = layers(chartOf({})).find((l) => markType(l.mark) === 'rule' && l.values.some((r) => 'series' in r));
      assert.ok(rules);
      assert.deepEqual(
        rules.values.map((r) => [r.size, r.seriesLabel]),
        [
          [1e10, '涌现临界点 (1e+10 参数)'],
          [1e11, proseLegendLabel('zh')],
        ],
      );
      const [code, prose] = rules.values;
      assert.ok((prose.opacity as number) < (code.opacity as number));
      assert.ok((prose.width as number) < (code.width as number));
    });

    it('moving the threshold moves the rule, its legend label and the subtitle', async () => {
      const chart = chartOf({ emergenceThreshold: 1e8, showProseReading: false });
      const rules = layers(chart).find((l) => markType(l.mark) === 'rule' && l.values.some((r) => 'series' in r));
      assert.ok(rules);
      assert.deepEqual(
        rules.values.map((r) => [r.size, r.seriesLabel]),
        [[1e8, '涌现临界点 (1e+08 参数)']],
      );
      assert.match(JSON.stringify(chart.spec.title), /1e\+08 \(1亿参数\)/);
      // And in the drawing: the rule sits where 1e8 is on the axis, left of where 1e10 was.
      const moved = itemsOf((await renderClean(chart)).view, 'rule').filter((r) => r.x2 === undefined);
      const base = itemsOf((await renderClean(chartOf({ showProseReading: false }))).view, 'rule').filter((r) => r.x2 === undefined);
      assert.equal(moved.length, 1);
      assert.equal(base.length, 1);
      const [px8] = toPixel(PERFORMANCE_FRAME, 1e8, 0);
      const [px10] = toPixel(PERFORMANCE_FRAME, 1e10, 0);
      assert.ok(Math.abs((moved[0].x ?? NaN) - px8) < 0.5, `rule at ${moved[0].x}, expected ${px8}`);
      assert.ok(Math.abs((base[0].x ?? NaN) - px10) < 0.5, `rule at ${base[0].x}, expected ${px10}`);
    });

    it('annotation texts start at the seed xytext and arrows end at the seed xy', () => {
      const all = layers(chartOf({}, ctx('en')));
      const texts = all.filter((l) => markType(l.mark) === 'text').flatMap((l) => l.values);
      // Each label twice: a background halo and the text itself.
      assert.equal(texts.length, 6);
      for (const a of STAGE_ANNOTATIONS) {
        const found = texts.filter((t) => t.label === a.label.en);
        assert.equal(found.length, 2);
        for (const t of found) assert.deepEqual([t.x, t.y], [...a.xytext]);
      }
      const heads = all.find((l) => markType(l.mark) === 'point' && l.values.length === 3);
      assert.ok(heads);
      heads.values.forEach((h, i) => {
        assert.deepEqual([h.targetX, h.targetY], [...STAGE_ANNOTATIONS[i].xy]);
        // The head's centre lies within a few pixels of the target: its tip touches it.
        const [hx, hy] = toPixel(PERFORMANCE_FRAME, h.headX as number, h.headY as number);
        const [tx, ty] = toPixel(PERFORMANCE_FRAME, h.targetX as number, h.targetY as number);
        assert.ok(Math.hypot(hx - tx, hy - ty) < 6);
      });
      assert.deepEqual(
        heads.values.map((h) => h.colour),
        [LIGHT_THEME.muted, LIGHT_THEME.muted, LIGHT_THEME.accent],
      );
    });

    it('every annotation lies inside the plot area', () => {
      for (const a of STAGE_ANNOTATIONS) {
        for (const [x, y] of [a.xy, a.xytext]) {
          const [px, py] = toPixel(PERFORMANCE_FRAME, x, y);
          assert.ok(px >= 0 && px <= PERFORMANCE_FRAME.width && py >= 0 && py <= PERFORMANCE_FRAME.height);
        }
      }
    });
  });

  describe('arrow geometry', () => {
    const frame: PlotFrame = { width: 100, height: 100, x: { type: 'linear', domain: [0, 100] }, y: { type: 'linear', domain: [0, 100] } };

    it('maps data to pixels and back, on log and linear axes', () => {
      const [px, py] = toPixel(PERFORMANCE_FRAME, 1e9, 0.3);
      const [x, y] = fromPixel(PERFORMANCE_FRAME, px, py);
      assert.ok(Math.abs(x / 1e9 - 1) < 1e-12 && Math.abs(y - 0.3) < 1e-12);
      assert.deepEqual(toPixel(frame, 25, 75), [25, 25]);
    });

    it('points the head along the shaft: right = 90°, up = 0°, down-left = 225°', () => {
      const box = textBox(10, 50, 10, 10, 'left', 'middle');
      const right = arrowFromBox(frame, box, [90, 50]);
      assert.ok(Math.abs(right.angle - 90) < 1e-9);
      assert.ok(right.x > 20 && right.x2 < 90 && Math.abs(right.y - 50) < 1e-9);
      const up = arrowFromBox(frame, textBox(45, 90, 10, 10, 'left', 'middle'), [50, 90]);
      assert.ok(Math.abs(up.angle) < 1e-9);
      const downLeft = arrowFromBox(frame, textBox(80, 20, 0, 0, 'left', 'middle'), [30, 30]);
      assert.ok(Math.abs(((downLeft.angle + 360) % 360) - 225) < 1e-9);
    });
  });

  describe('rendering', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        it(`renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          const chart = chartOf({}, ctx(lang, theme));
          const rendered = await renderClean(chart);
          const counts = markCounts(rendered);
          // 7 curve points + 3 arrowheads; 2 vertical rules + 3 arrow shafts;
          // 3 annotations, each over a halo; the line has one item per point.
          assert.deepEqual(counts, { line: 7, rule: 5, symbol: 10, text: 6 });
          const svg = rendered.svg;
          assert.ok(svg.includes(lang === 'zh' ? '大模型涌现能力的尺度定律' : 'Scaling law of emergent abilities in large models'));
          assert.ok(svg.includes(lang === 'zh' ? '模型参数量 (log scale)' : 'Model parameters (log scale)'));
          assert.ok(svg.includes(lang === 'zh' ? '综合性能指标' : 'Composite performance score'));
          assert.ok(svg.includes(lang === 'zh' ? '涌现临界点 (1e+10 参数)' : 'Emergence threshold (1e+10 parameters)'));
          for (const a of STAGE_ANNOTATIONS) assert.ok(svg.includes(a.label[lang]));
          for (const label of ['10⁶', '10⁹', '10¹²']) assert.ok(svg.includes(label), label);
          assert.ok(svg.includes(theme.accent), 'the emergence rule uses the theme accent');
          assert.ok(svg.includes(theme.palette[0]), 'the curve uses the theme palette');
        });
      }
    }

    it('renders in high contrast too', async () => {
      await renderClean(chartOf({}, ctx('en', HIGH_CONTRAST_THEME)));
    });

    it('the toggles remove the prose rule and the stage annotations', async () => {
      const counts = markCounts(await renderClean(chartOf({ showProseReading: false, showStages: false })));
      assert.deepEqual(counts, { line: 7, rule: 1, symbol: 7 });
    });

    it('the spec is self-contained JSON', () => {
      const spec = chartOf({}).spec;
      assert.deepEqual(JSON.parse(JSON.stringify(spec)), spec);
      assert.doesNotMatch(JSON.stringify(spec), /"url"/);
    });
  });

  describe('parameters', () => {
    it('defaults are the seed values', () => {
      assert.deepEqual(defaultParams(scalingLawsSection), { emergenceThreshold: 1e10, showProseReading: true, showStages: true });
    });

    it('bad values are clamped or dropped', () => {
      const p = resolveParams(scalingLawsSection, { emergenceThreshold: 1e20, showProseReading: 'yes', showStages: 0, extra: 1 });
      assert.deepEqual(p, { emergenceThreshold: 1e12, showProseReading: true, showStages: true });
      assert.equal(resolveParams(scalingLawsSection, { emergenceThreshold: -5 }).emergenceThreshold, 1e6);
      assert.equal(resolveParams(scalingLawsSection, { emergenceThreshold: Number.NaN }).emergenceThreshold, 1e10);
      assert.equal(resolveParams(scalingLawsSection, { emergenceThreshold: '1e9' }).emergenceThreshold, 1e10);
    });

    it('every label is bilingual and the section is registered first', () => {
      for (const p of scalingLawsSection.params) assert.ok(p.label.en && p.label.zh);
      assert.equal(SECTIONS[0], scalingLawsSection);
      assert.equal(scalingLawsSection.seedRef, '3.1');
    });
  });
});
