import * as assert from 'node:assert/strict';
import { representationsSection } from '../../../src/sections/representations';
import { panelTitle } from '../../../src/sections/representations/charts';
import {
  CONCEPTS,
  fullyDistributedPoints,
  localizedPoints,
  MODEL_SCALES,
  representationPanels,
  semiDistributedPoints,
} from '../../../src/sections/representations/model';
import { NumpyLegacyRandom } from '../../../src/engine/random';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';

type Row = Record<string, unknown>;
interface Panel {
  title: { text: string[]; subtitle: string };
  data: { values: Row[] };
}

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartOf = (params: Record<string, unknown>, c: ChartContext): ChartSpec => {
  const charts = representationsSection.charts(resolveParams(representationsSection, params), c);
  assert.equal(charts.length, 1);
  return charts[0];
};
const panelsOf = (chart: ChartSpec): Panel[] => (chart.spec as unknown as { hconcat: Panel[] }).hconcat;
const xy = (rows: Row[]): [unknown, unknown][] => rows.map((r) => [r.x, r.y]);

// numpy 1.24 (Debian python3-numpy), running the seed's loops verbatim; the same values
// as test/unit/engine/random.test.ts's reference fixture.
/** semi_distributed: seed(42); for j: x = j + normal(0, 0.3, 20); y = normal(0, 0.3, 20). */
const SEMI_HEAD = [
  [0.14901424590336979, 0.4396946306764662],
  [-0.0414792903513554, -0.06773289014596069],
  [0.19430656143020775, 0.02025846140637715],
];
const SEMI_TAIL = [
  [2.903381545138297, 0.14214987627353626],
  [3.244055165210901, -0.35739104916079456],
  [2.6307407050698135, 0.19696608259014892],
];
const SEMI_SUM = 116.75511556839146;
/** fully_distributed: seed(42); for j: for k in range(3): x = k + normal(0, 0.5, 15); y = normal(0, 0.5, 15). */
const FULL_HEAD = [
  [0.24835707650561634, -0.28114376462048635],
  [-0.06913215058559233, -0.5064155601672119],
  [0.32384426905034625, 0.15712366629763694],
];
const FULL_TAIL = [
  [2.1224832855543614, -0.14432931946006916],
  [1.7465284123144351, 0.16135928016904474],
  [1.7644808471908386, -0.4136154717761615],
];
const FULL_SUM = 180.2976279074022;
/** The same loops with seed 7, spread 0.4, 5 points (semi) and seed 7, spread 0.25, 4 points (full): first two and last. */
const SEMI_SEED7 = [
  [0.6762102815201425, 0.0008262291623792521],
  [-0.18637494821633313, -0.00035615434317254514],
  [2.17423407875153, -0.13176550076522606],
];
const FULL_SEED7 = [
  [0.422631425950089, -0.19723075715643465],
  [-0.1164843426352082, 0.0005163932264870326],
  [2.1691572473889713, -0.013966862512518472],
];

const headTail = (points: { x: number; y: number }[]): number[][] => [...points.slice(0, 2), points[points.length - 1]].map((p) => [p.x, p.y]);

describe('section representations (seed 5.1)', () => {
  describe('model', () => {
    it('has the seed concepts and model scales', () => {
      assert.deepEqual(
        CONCEPTS.map((c) => c.zh),
        ['数学', '语言', '逻辑', '创意'],
      );
      assert.deepEqual(
        MODEL_SCALES.map((s) => [s.key, s.params, s.representation]),
        [
          ['small', 1e7, 'localized'],
          ['medium', 1e9, 'semi_distributed'],
          ['large', 1e11, 'fully_distributed'],
        ],
      );
    });

    it('localized: one point per concept at (j, 0)', () => {
      assert.deepEqual(
        localizedPoints().map((p) => [p.concept, p.x, p.y]),
        [
          [0, 0, 0],
          [1, 1, 0],
          [2, 2, 0],
          [3, 3, 0],
        ],
      );
    });

    it("semi-distributed: numpy's points for seed 42, in draw order", () => {
      const points = semiDistributedPoints();
      assert.equal(points.length, 80);
      assert.deepEqual(
        points.slice(0, 3).map((p) => [p.x, p.y]),
        SEMI_HEAD,
      );
      assert.deepEqual(
        points.slice(-3).map((p) => [p.x, p.y]),
        SEMI_TAIL,
      );
      assert.ok(Math.abs(points.reduce((s, p) => s + p.x + p.y, 0) - SEMI_SUM) < 1e-9);
      assert.deepEqual(
        points.map((p) => p.concept),
        [0, 1, 2, 3].flatMap((j) => Array<number>(20).fill(j)),
      );
    });

    it("fully distributed: numpy's points for seed 42, 4 concepts × 3 regions × 15", () => {
      const points = fullyDistributedPoints();
      assert.equal(points.length, 180);
      assert.deepEqual(
        points.slice(0, 3).map((p) => [p.x, p.y]),
        FULL_HEAD,
      );
      assert.deepEqual(
        points.slice(-3).map((p) => [p.x, p.y]),
        FULL_TAIL,
      );
      assert.ok(Math.abs(points.reduce((s, p) => s + p.x + p.y, 0) - FULL_SUM) < 1e-9);
      assert.deepEqual(
        points.slice(0, 45).map((p) => p.region),
        [0, 1, 2].flatMap((k) => Array<number>(15).fill(k)),
      );
      assert.deepEqual(
        points.map((p) => p.concept),
        [0, 1, 2, 3].flatMap((j) => Array<number>(45).fill(j)),
      );
    });

    it('other seeds, spreads and counts give numpy’s points for those arguments', () => {
      assert.deepEqual(headTail(semiDistributedPoints(7, 0.4, 5)), SEMI_SEED7);
      assert.deepEqual(headTail(fullyDistributedPoints(7, 0.25, 4)), FULL_SEED7);
    });

    it('a new spread rescales the same draws: numpy’s points for every spread, before and after a change', () => {
      for (const [seed, count] of [
        [7, 5],
        [42, 20],
      ]) {
        for (const spread of [0.4, 0.05, 1, 0.4]) {
          const rng = new NumpyLegacyRandom(seed);
          const semi = [0, 1, 2, 3].flatMap((j) => {
            const xs = rng.normalArray(0, spread, count).map((v) => j + v);
            const ys = rng.normalArray(0, spread, count);
            return xs.map((x, i) => [x, ys[i]]);
          });
          assert.deepEqual(
            semiDistributedPoints(seed, spread, count).map((p) => [p.x, p.y]),
            semi,
            `semi seed ${seed} spread ${spread}`,
          );
          const full = new NumpyLegacyRandom(seed);
          const regions = [0, 1, 2, 3].flatMap(() =>
            [0, 1, 2].flatMap((k) => {
              const xs = full.normalArray(0, spread, count).map((v) => k + v);
              const ys = full.normalArray(0, spread, count);
              return xs.map((x, i) => [x, ys[i]]);
            }),
          );
          assert.deepEqual(
            fullyDistributedPoints(seed, spread, count).map((p) => [p.x, p.y]),
            regions,
            `full seed ${seed} spread ${spread}`,
          );
        }
      }
      assert.throws(() => semiDistributedPoints(1, -0.1, 3), /non-negative/);
    });

    it('panels come in the seed order', () => {
      assert.deepEqual(
        representationPanels().map((p) => [p.scale.representation, p.points.length]),
        [
          ['localized', 4],
          ['semi_distributed', 80],
          ['fully_distributed', 180],
        ],
      );
    });
  });

  describe('chart', () => {
    it("titles the panels like the seed: '小模型 (1e+07参数)\\n局部化表示' …", () => {
      const panels = panelsOf(chartOf({}, ctx('zh')));
      assert.deepEqual(
        panels.map((p) => p.title.text),
        [
          ['小模型 (1e+07参数)', '局部化表示'],
          ['中模型 (1e+09参数)', '半分布式表示'],
          ['大模型 (1e+11参数)', '完全分布式表示'],
        ],
      );
      assert.deepEqual(
        panels.map((p) => p.title.subtitle),
        ['概念独立,只能完成简单任务', '概念开始关联,出现基础推理', '概念高度交织,涌现复杂推理'],
      );
      assert.deepEqual(panelTitle(representationPanels()[2], 'en'), ['Large model (1e+11 parameters)', 'Fully distributed representation']);
    });

    it('carries the RNG points in draw order, and the axis titles', () => {
      const chart = chartOf({}, ctx('zh'));
      const [small, semi, full] = panelsOf(chart);
      assert.deepEqual(xy(small.data.values), [
        [0, 0],
        [1, 0],
        [2, 0],
        [3, 0],
      ]);
      assert.deepEqual(xy(semi.data.values).slice(0, 3), SEMI_HEAD);
      assert.deepEqual(xy(full.data.values).slice(-3), FULL_TAIL);
      assert.deepEqual(
        full.data.values.slice(0, 2).map((r) => [r.concept, r.region]),
        [
          ['数学', 1],
          ['数学', 1],
        ],
      );
      const json = JSON.stringify(chart.spec);
      assert.ok(json.includes('"表示维度1"') && json.includes('"表示维度2"'));
      assert.ok(JSON.stringify(chartOf({}, ctx('en')).spec).includes('"Representation dimension 1"'));
    });

    it('parameters change the points', () => {
      const [, semi, full] = panelsOf(chartOf({ seed: 7, semiSpread: 0.4, semiCount: 5, fullSpread: 0.25, fullCount: 4 }, ctx('en')));
      assert.equal(semi.data.values.length, 20);
      assert.equal(full.data.values.length, 48);
      assert.deepEqual(xy([...semi.data.values.slice(0, 2), semi.data.values[19]]), SEMI_SEED7);
      assert.deepEqual(xy([...full.data.values.slice(0, 2), full.data.values[47]]), FULL_SEED7);
      // Counts are whole numbers of points.
      const [, rounded] = panelsOf(chartOf({ semiCount: 2.6 }, ctx('en')));
      assert.equal(rounded.data.values.length, 12);
    });

    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME, HIGH_CONTRAST_THEME]) {
        it(`renders cleanly: 4 + 80 + 180 points, one shared legend (${lang}, ${theme.kind})`, async () => {
          const chart = chartOf({}, ctx(lang, theme));
          const rendered = await renderClean(chart);
          // 264 points and the four concept names of the localized panel.
          assert.deepEqual(markCounts(rendered), { symbol: 4 + 80 + 180, text: 4 });
          const legends = rendered.svg.match(/role-legend"/g) ?? [];
          assert.equal(legends.length, 1, 'one legend for all three panels');
          for (const name of CONCEPTS.map((c) => c[lang])) assert.ok(rendered.svg.includes(`>${name}<`), name);
          assert.ok(JSON.stringify(chart.spec).includes(theme.palette[0]));
        });
      }
    }

    it('declares bilingual parameters with the seed defaults', () => {
      assert.deepEqual(defaultParams(representationsSection), { seed: 42, semiSpread: 0.3, semiCount: 20, fullSpread: 0.5, fullCount: 15 });
      for (const p of representationsSection.params) assert.ok(p.label.en && p.label.zh, p.name);
    });
  });
});
