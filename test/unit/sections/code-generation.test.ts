import * as assert from 'node:assert/strict';
import { codeGenerationSection, thresholdParam } from '../../../src/sections/code-generation';
import { capabilityRadar, CODE_CAPABILITIES, codeReport, RADAR_SIZES, radarValue, sizeExp, sizeLegendLabel } from '../../../src/sections/code-generation/model';
import { SECTIONS } from '../../../src/sections/index';
import { radarAngles, radarVertices, ringRadii } from '../../../src/sections/radar';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';
import { withoutCaption } from '../helpers/caption';

type Row = Record<string, unknown>;
interface LayerLike {
  data?: { values?: Row[] };
  mark?: unknown;
}

/** The inline data of each layer of a chart (undefined where a layer inherits). */
function layerData(chart: ChartSpec): (Row[] | undefined)[] {
  const layers = (chart.spec as unknown as { layer?: LayerLike[] }).layer ?? [];
  return layers.map((l) => l.data?.values);
}

function layerWith(chart: ChartSpec, field: string): Row[] {
  const found = layerData(chart).find((rows) => rows !== undefined && rows.length > 0 && field in rows[0]);
  assert.ok(found, `no layer with field ${field}`);
  return found;
}

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartsOf = (params: Record<string, unknown>, c: ChartContext): ChartSpec[] =>
  codeGenerationSection.charts(resolveParams(codeGenerationSection, params), c);
const byId = (charts: ChartSpec[], id: string): ChartSpec => {
  const chart = charts.find((c) => c.id === id);
  assert.ok(chart, `chart ${id}`);
  return chart;
};

/** Exactly what the seed's script prints (python3 run on the seed's dictionaries). */
const SEED_REPORT_ZH =
  '\n代码生成能力涌现详细分析:\n' +
  '================================================================================\n' +
  '\n🔹 语法补全\n 示例: def hello_world():\n 涌现阈值: 1e+07 参数\n 能力描述: 基于语法规则完成代码片段\n' +
  '\n🔹 简单函数\n 示例: 写一个计算阶乘的函数\n 涌现阈值: 1e+09 参数\n 能力描述: 实现基础功能的完整函数\n' +
  '\n🔹 算法实现\n 示例: 实现快速排序算法\n 涌现阈值: 5e+10 参数\n 能力描述: 正确实现经典算法\n' +
  '\n🔹 代码调试\n 示例: 找出并修复这个Python代码中的bug\n 涌现阈值: 1e+11 参数\n 能力描述: 识别和修复代码中的错误\n' +
  '\n🔹 系统设计\n 示例: 设计一个简单的Web服务器\n 涌现阈值: 5e+11 参数\n 能力描述: 设计完整的软件系统架构\n' +
  '\n🔹 创造性编程\n 示例: 用Python生成一幅艺术图案\n 涌现阈值: 1e+12 参数\n 能力描述: 创造性地解决编程问题\n';

describe('section code-generation (seed 4.2)', () => {
  describe('model', () => {
    it('has the seed six capabilities, in order, with their thresholds', () => {
      assert.deepEqual(
        CODE_CAPABILITIES.map((c) => [c.key, c.name.zh, c.threshold]),
        [
          ['syntax_completion', '语法补全', 1e7],
          ['simple_functions', '简单函数', 1e9],
          ['algorithm_implementation', '算法实现', 5e10],
          ['bug_fixing', '代码调试', 1e11],
          ['system_design', '系统设计', 5e11],
          ['creative_coding', '创造性编程', 1e12],
        ],
      );
      for (const c of CODE_CAPABILITIES) {
        for (const text of [c.name, c.example, c.description]) assert.ok(text.en.length > 0 && text.zh.length > 0);
      }
    });

    it('radar values are 1 where size >= threshold, else 0.2, for the seed sizes', () => {
      assert.deepEqual(RADAR_SIZES, [1e8, 1e10, 1e11, 1e12]);
      assert.deepEqual(
        capabilityRadar(CODE_CAPABILITIES, RADAR_SIZES).map((p) => p.values),
        [
          [1, 0.2, 0.2, 0.2, 0.2, 0.2],
          [1, 1, 0.2, 0.2, 0.2, 0.2],
          [1, 1, 1, 1, 0.2, 0.2],
          [1, 1, 1, 1, 1, 1],
        ],
      );
      assert.equal(radarValue(5e10, 5e10), 1, 'at the threshold the capability is there (>=)');
      assert.equal(radarValue(4.99e10, 5e10), 0.2);
    });

    it('closes each polygon like caps + caps[:1], at np.linspace angles', () => {
      const angles = radarAngles(6);
      assert.deepEqual(angles, [0, Math.PI / 3, (2 * Math.PI) / 3, Math.PI, (4 * Math.PI) / 3, (5 * Math.PI) / 3]);
      const rows = radarVertices(['a', 'b', 'c', 'd', 'e', 'f'], [{ name: 's', values: [1, 0.2, 0.2, 0.2, 0.2, 0.2] }]);
      assert.equal(rows.length, 7);
      assert.deepEqual(
        rows.map((r) => r.value),
        [1, 0.2, 0.2, 0.2, 0.2, 0.2, 1],
      );
      assert.equal(rows[6].x, rows[0].x);
      assert.equal(rows[6].y, rows[0].y);
      assert.ok(Math.abs(rows[1].x - 0.2 * Math.cos(Math.PI / 3)) < 1e-15);
      assert.ok(Math.abs(rows[1].y - 0.2 * Math.sin(Math.PI / 3)) < 1e-15);
      assert.deepEqual(ringRadii(1.2, 0.2), [0.2, 0.4, 0.6, 0.8, 1, 1.2]);
      assert.throws(() => radarVertices(['a', 'b'], [{ name: 's', values: [1] }]), /1 values for 2 axes/);
    });

    it("labels sizes as the seed's f'{size:.0e}参数'", () => {
      assert.deepEqual(
        RADAR_SIZES.map((s) => sizeLegendLabel(s, 'zh')),
        ['1e+08参数', '1e+10参数', '1e+11参数', '1e+12参数'],
      );
      assert.equal(sizeLegendLabel(1e8, 'en'), '1e+08 parameters');
      assert.equal(sizeExp(5e10), '5e+10');
      assert.equal(sizeExp(3.16e9), '3.16e+09', 'non-round slider values are not misstated');
      assert.equal(sizeExp(2.5e9), '2.5e+09');
    });
  });

  describe('report', () => {
    it('equals the seed printout exactly (zh)', () => {
      assert.equal(withoutCaption(codeGenerationSection.report?.(defaultParams(codeGenerationSection), 'zh')), SEED_REPORT_ZH);
      assert.equal(codeReport(CODE_CAPABILITIES, 'zh'), SEED_REPORT_ZH);
    });

    it('has the same shape in English', () => {
      const en = withoutCaption(codeGenerationSection.report?.(defaultParams(codeGenerationSection), 'en')) ?? '';
      const zhLines = SEED_REPORT_ZH.split('\n');
      const enLines = en.split('\n');
      assert.equal(enLines.length, zhLines.length);
      assert.equal(enLines[1], 'Detailed analysis of code-generation capability emergence:');
      assert.equal(enLines[2], '='.repeat(80));
      assert.equal(enLines[4], '🔹 Syntax completion');
      assert.equal(enLines[5], ' Example: def hello_world():');
      assert.equal(enLines[6], ' Emergence threshold: 1e+07 parameters');
      assert.equal(enLines[7], ' Description: Completes code fragments from syntax rules');
      assert.match(en, / Emergence threshold: 5e\+10 parameters\n/);
    });

    it('follows the threshold parameters, formatted as python .0e', () => {
      const params = resolveParams(codeGenerationSection, { [thresholdParam('bug_fixing')]: 2.4e11 });
      const report = withoutCaption(codeGenerationSection.report?.(params, 'zh')) ?? '';
      assert.match(report, /🔹 代码调试\n 示例: [^\n]+\n 涌现阈值: 2e\+11 参数\n/, "python's f'{2.4e11:.0e}' is 2e+11");
    });
  });

  describe('charts', () => {
    it('registers the section between math-reasoning and representations, seed order', () => {
      const ids = SECTIONS.map((s) => s.id);
      const mine = ['code-generation', 'representations', 'implications'].map((id) => ids.indexOf(id));
      assert.ok(
        mine.every((i) => i >= 0),
        'all three sections are registered',
      );
      assert.deepEqual(
        [...mine].sort((a, b) => a - b),
        mine,
      );
      const before = ['scaling-laws', 'scaling-formulas', 'phase-transition', 'math-reasoning'].map((id) => ids.indexOf(id)).filter((i) => i >= 0);
      assert.ok(
        before.every((i) => i < mine[0]),
        'the seed sections before 4.2 come first',
      );
    });

    it('has a radar and a timeline', () => {
      assert.deepEqual(
        chartsOf({}, ctx('zh')).map((c) => c.id),
        ['capability-radar', 'capability-timeline'],
      );
    });

    it('radar data: four closed polygons with the seed values and legend labels', () => {
      const radar = byId(chartsOf({}, ctx('zh')), 'capability-radar');
      const vertices = layerWith(radar, 'vertex');
      const bySeries = new Map<string, number[]>();
      for (const v of vertices) bySeries.set(String(v.sizeLabel), [...(bySeries.get(String(v.sizeLabel)) ?? []), Number(v.value)]);
      assert.deepEqual([...bySeries.keys()], ['1e+08参数', '1e+10参数', '1e+11参数', '1e+12参数']);
      assert.deepEqual(
        [...bySeries.values()],
        [
          [1, 0.2, 0.2, 0.2, 0.2, 0.2, 1],
          [1, 1, 0.2, 0.2, 0.2, 0.2, 1],
          [1, 1, 1, 1, 0.2, 0.2, 1],
          [1, 1, 1, 1, 1, 1, 1],
        ],
      );
      const tips = layerWith(radar, 'align').map((r) => r.label);
      assert.deepEqual(
        tips,
        CODE_CAPABILITIES.map((c) => c.name.zh),
      );
    });

    it('timeline data: grey 1e6 → threshold, coloured threshold → 1e13, a dot at each threshold', () => {
      const timeline = byId(chartsOf({}, ctx('zh')), 'capability-timeline');
      const segments = layerWith(timeline, 'to');
      assert.equal(segments.length, 12);
      CODE_CAPABILITIES.forEach((c, i) => {
        assert.deepEqual([segments[2 * i].name, segments[2 * i].from, segments[2 * i].to], [c.name.zh, 1e6, c.threshold]);
        assert.deepEqual([segments[2 * i + 1].from, segments[2 * i + 1].to], [c.threshold, 1e13]);
      });
      const dots = layerData(timeline)[2] ?? [];
      assert.deepEqual(
        dots.map((d) => d.from),
        [1e7, 1e9, 5e10, 1e11, 5e11, 1e12],
      );
      assert.deepEqual(
        dots.map((d) => d.thresholdLabel),
        ['1e+07', '1e+09', '5e+10', '1e+11', '5e+11', '1e+12'],
      );
    });

    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME, HIGH_CONTRAST_THEME]) {
        it(`renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          const [radar, timeline] = chartsOf({}, ctx(lang, theme));
          const r = await renderClean(radar);
          const counts = markCounts(r);
          // 6 rings × 97 points + 4 polygons × 7 vertices; 6 spokes; 6 ring + 6 tip labels; 4 × 6 points.
          assert.deepEqual(counts, { line: 6 * 97 + 4 * 7, rule: 6, text: 12, symbol: 24 });
          assert.equal(polygonVertexCounts(r, theme.grid).join(), '7,7,7,7');
          const t = await renderClean(timeline);
          // 4 radar-size rules, 6 × 2 bars, 6 threshold dots, 6 threshold labels.
          assert.deepEqual(markCounts(t), { rule: 4, rect: 12, symbol: 6, text: 6 });
          for (const chart of [radar, timeline]) {
            const title = (chart.spec as { title?: { text?: string } }).title?.text ?? '';
            assert.equal(/[\u4e00-\u9fff]/.test(title), lang === 'zh', `title language: ${title}`);
          }
        });
      }
    }

    it('uses the theme colours, never hard-coded ones', () => {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        const json = JSON.stringify(chartsOf({}, ctx('en', theme)).map((c) => c.spec));
        assert.ok(json.includes(theme.accent), 'threshold dots use the accent');
        assert.ok(json.includes(theme.palette[0]));
        const other = theme === LIGHT_THEME ? DARK_THEME : LIGHT_THEME;
        assert.ok(!json.includes(other.accent), 'no colour of the other theme');
      }
    });

    it('thresholds and radar sizes come from the parameters', () => {
      const charts = chartsOf({ [thresholdParam('syntax_completion')]: 1e9, radarSize1: 1e13 }, ctx('en'));
      const radar = byId(charts, 'capability-radar');
      const vertices = layerWith(radar, 'vertex');
      const first = vertices.filter((v) => v.seriesIndex === 0);
      assert.equal(first[0].sizeLabel, '1e+13 parameters');
      assert.equal(
        (radar.spec as { params?: { name: string; value: Record<string, string> }[] }).params?.find((p) => p.name === 'radarLabels')?.value.size1,
        '1e+13 parameters',
      );
      assert.deepEqual(
        first.map((v) => v.value),
        [1, 1, 1, 1, 1, 1, 1],
      );
      const second = vertices.filter((v) => v.seriesIndex === 1);
      // 1e10 has syntax completion (now 1e9) and simple functions (1e9), nothing else.
      assert.deepEqual(
        second.map((v) => v.value),
        [1, 1, 0.2, 0.2, 0.2, 0.2, 1],
      );
      const timeline = byId(charts, 'capability-timeline');
      assert.equal(layerWith(timeline, 'to')[0].to, 1e9);
    });

    it('keeps legend entries unique when two radar sizes coincide', async () => {
      const [radar] = chartsOf({ radarSize2: 1e8 }, ctx('zh'));
      const names = new Set(layerWith(radar, 'vertex').map((v) => v.series));
      assert.equal(names.size, 4);
      await renderClean(radar);
    });

    it('declares bilingual parameters with the seed defaults', () => {
      const defaults = defaultParams(codeGenerationSection);
      for (const c of CODE_CAPABILITIES) assert.equal(defaults[thresholdParam(c.key)], c.threshold);
      assert.deepEqual(
        [1, 2, 3, 4].map((i) => defaults[`radarSize${i}`]),
        [1e8, 1e10, 1e11, 1e12],
      );
      for (const p of codeGenerationSection.params) {
        assert.ok(p.label.en && p.label.zh, p.name);
        if (p.kind === 'number') assert.ok(p.min <= p.default && p.default <= p.max, p.name);
      }
    });
  });
});

/** Vertex counts of the drawn radar polygons (line marks not in the grid colour). */
function polygonVertexCounts(rendered: Awaited<ReturnType<typeof renderClean>>, gridColor: string): number[] {
  interface Node {
    marktype?: string;
    role?: string;
    stroke?: string;
    items?: Node[];
  }
  const counts: number[] = [];
  const walk = (node: Node): void => {
    if (node.marktype === 'line' && node.role === 'mark') {
      const items = node.items ?? [];
      if (items.length > 0 && items[0].stroke !== gridColor) counts.push(items.length);
      return;
    }
    for (const item of node.items ?? []) walk(item);
  };
  walk((rendered.view.scenegraph() as unknown as { root: Node }).root);
  return counts;
}
