import * as assert from 'node:assert/strict';
import { chinchillaLoss } from '../../../src/engine/laws/powerLaws';
import { BESIROGLU_2024, HOFFMANN_2022 } from '../../../src/engine/laws/presets';
import { decadesWithin } from '../../../src/sections/chartKit';
import { SECTIONS } from '../../../src/sections/index';
import { scalingFormulasSection } from '../../../src/sections/scaling-formulas';
import {
  KAPLAN_C0_FLOPS,
  chinchillaToAdditive,
  frontier,
  lossComputeCurve,
  lossVsParams,
  orderedRange,
  resolveLaw,
  CUSTOM_LAW_DEFAULTS,
} from '../../../src/sections/scaling-formulas/model';
import { DARK_THEME, HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, resolveParams, type ChartContext, type ChartSpec, type Lang } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';

type Row = Record<string, unknown>;

const ctx = (lang: Lang, theme = LIGHT_THEME): ChartContext => ({ lang, theme });
const chartsOf = (params: Record<string, unknown>, c: ChartContext = ctx('zh')): ChartSpec[] =>
  scalingFormulasSection.charts(resolveParams(scalingFormulasSection, params), c);
const byId = (charts: ChartSpec[], id: string): ChartSpec => {
  const chart = charts.find((c) => c.id === id);
  assert.ok(chart, `chart ${id}`);
  return chart;
};

interface Layer {
  mark: unknown;
  values: Row[];
}
function layers(chart: ChartSpec): Layer[] {
  const spec = chart.spec as unknown as { layer: { mark: unknown; data?: { values?: Row[] } }[] };
  return spec.layer.map((l) => ({ mark: l.mark, values: l.data?.values ?? [] }));
}
function markType(mark: unknown): string {
  return typeof mark === 'string' ? mark : String((mark as { type: string }).type);
}
function layersOf(chart: ChartSpec, type: string): Layer[] {
  return layers(chart).filter((l) => markType(l.mark) === type);
}

const close = (actual: number, expected: number, rel = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${actual} ≉ ${expected}`);

/** Independent L(C): exp(α·ln(C₀/C)). */
const lossIndependent = (c: number, c0: number, alpha: number): number => Math.exp(alpha * Math.log(c0 / c));

describe('section scaling-formulas (seed 3.1.3)', () => {
  describe('model', () => {
    it("Kaplan's C₀ = 3.1e8 PF-days is 2.6784e28 FLOPs", () => {
      close(KAPLAN_C0_FLOPS, 2.6784e28);
    });

    it('L(C) = (C₀/C)^α matches an independent computation and python references', () => {
      // python3: ((3.1e8*8.64e19)/C)**0.05
      const reference: [number, number][] = [
        [1e18, 3.3219552043663847],
        [1e20, 2.6387228133174903],
        [5.76e23, 1.7114832283931067],
        [1e26, 1.322494187115766],
      ];
      for (const [c, expected] of reference) {
        const [p] = lossComputeCurve(0.05, KAPLAN_C0_FLOPS, c, c, 1);
        close(p.loss, expected, 1e-13);
        close(p.pfDays, c / 8.64e19);
      }
      const curve = lossComputeCurve(0.08, 1e27, 1e17, 1e25, 50);
      assert.equal(curve.length, 50);
      close(curve[0].compute, 1e17);
      close(curve[49].compute, 1e25);
      for (const p of curve) close(p.loss, lossIndependent(p.compute, 1e27, 0.08));
    });

    it('is a straight line of slope −α on log-log axes', () => {
      const curve = lossComputeCurve(0.07, KAPLAN_C0_FLOPS, 1e18, 1e26, 9);
      for (let i = 1; i < curve.length; i++) {
        const slope = (Math.log10(curve[i].loss) - Math.log10(curve[i - 1].loss)) / (Math.log10(curve[i].compute) - Math.log10(curve[i - 1].compute));
        close(slope, -0.07, 1e-9);
      }
    });

    it('converts the Chinchilla form to the seed form: N₀ = A^(1/α), D₀ = B^(1/β), L∞ = E', () => {
      const h = chinchillaToAdditive(HOFFMANN_2022.params);
      // python3: 406.4**(1/0.34), 410.7**(1/0.28)
      close(h.n0, 47140396.726877, 1e-12);
      close(h.d0, 2157827859.379116, 1e-12);
      assert.deepEqual([h.alphaN, h.alphaD, h.lInf], [0.34, 0.28, 1.69]);
      const e = chinchillaToAdditive(BESIROGLU_2024.params);
      close(e.n0, 51804169.59848638, 1e-12);
      close(e.d0, 1185219649.9079726, 1e-12);
      for (const preset of [HOFFMANN_2022, BESIROGLU_2024]) {
        const law = resolveLaw(preset === HOFFMANN_2022 ? 'chinchilla' : 'epoch', 'additive', CUSTOM_LAW_DEFAULTS);
        for (const n of [1e7, 1e9, 7e10]) {
          for (const d of [1e9, 1.4e12]) {
            const seedForm = Math.pow(law.additive.n0 / n, law.additive.alphaN) + Math.pow(law.additive.d0 / d, law.additive.alphaD) + law.additive.lInf;
            close(seedForm, chinchillaLoss(n, d, preset.params), 1e-12);
          }
        }
      }
    });

    it("Kaplan's eq. 1.5 preset is drawn as eq. 1.5, with no floor", () => {
      const law = resolveLaw('kaplan-joint', 'additive', CUSTOM_LAW_DEFAULTS);
      assert.equal(law.form, 'kaplan-joint');
      assert.equal(law.chinchilla, undefined);
      const rows = lossVsParams(law, 'en', [1e9]);
      // Kaplan et al. 2020 Table 2: Nc = 6.4e13, Dc = 1.8e13, αN = 0.076, αD = 0.103.
      const expected = ((6.4e13 / 1e9) ** (0.076 / 0.103) + 1.8e13 / 1e10) ** 0.103;
      close(rows.find((r) => r.tokens === 1e10)?.loss as number, expected, 1e-13);
    });

    it("Kaplan's separate L(N), L(D) summed is only the seed's reading, labelled as not Kaplan's prediction", () => {
      const sum = { n0: 8.8e13, alphaN: 0.076, d0: 5.4e13, alphaD: 0.095, lInf: 1.69 };
      const law = resolveLaw('custom', 'additive', sum);
      assert.equal(law.seedReading, true);
      assert.equal(law.fit, undefined);
      assert.match(law.label.en, /not Kaplan's prediction/);
      assert.match(law.label.zh, /并非 Kaplan 的预测/);
    });

    it('custom constants equal to a published fit are labelled as that fit', () => {
      const epoch = chinchillaToAdditive(BESIROGLU_2024.params);
      assert.equal(resolveLaw('custom', 'additive', epoch).fit, 'besiroglu2024');
      assert.equal(resolveLaw('custom', 'kaplan-joint', { n0: 6.4e13, alphaN: 0.076, d0: 1.8e13, alphaD: 0.103, lInf: 0 }).fit, 'kaplan2020-joint');
      assert.equal(resolveLaw('custom', 'additive', { ...epoch, alphaN: 0.5 }).fit, undefined);
    });

    it('the frontier is the allocation under C = 6ND (Hoffmann at C = 5.76e23)', () => {
      const [f] = frontier(HOFFMANN_2022.params, [5.76e23]);
      // python3 closed form: G = (αA/(βB))^(1/(α+β)), N = G(C/6)^(β/(α+β)), D = (C/6)^(α/(α+β))/G
      close(f.params, 32189859151.368168, 1e-12);
      close(f.tokens, 2982305686662.796, 1e-12);
      close(f.loss, 1.930748101731648, 1e-12);
      close(6 * f.params * f.tokens, 5.76e23, 1e-12);
      // And it is a minimum along the budget: moving N either way costs loss.
      for (const factor of [0.9, 1.1]) {
        const n = f.params * factor;
        assert.ok(chinchillaLoss(n, 5.76e23 / (6 * n), HOFFMANN_2022.params) > f.loss);
      }
    });

    it('ranges and decades', () => {
      assert.deepEqual(orderedRange(1e26, 1e18), [1e18, 1e26]);
      assert.deepEqual(orderedRange(1e20, 1e20), [1e20, 1e21]);
      assert.deepEqual(decadesWithin(1e18, 1e26).length, 9);
      assert.deepEqual(decadesWithin(3e18, 2e20), [1e19, 1e20]);
    });
  });

  describe('chart data', () => {
    it('has the four charts', () => {
      assert.deepEqual(
        chartsOf({}).map((c) => c.id),
        ['loss-vs-compute', 'loss-vs-params', 'loss-vs-data', 'compute-optimal'],
      );
    });

    it('loss-vs-compute: the curve is L(C) for the α and C₀ chosen, the band spans α 0.05–0.1', () => {
      const chart = byId(chartsOf({ alpha: 0.12, c0: 1e29, computeFrom: 1e19, computeTo: 1e25 }), 'loss-vs-compute');
      const [curve] = layersOf(chart, 'line');
      assert.equal(curve.values.length, 100);
      for (const r of curve.values) close(r.loss as number, lossIndependent(r.compute as number, 1e29, 0.12));
      close(curve.values[0].compute as number, 1e19);
      close(curve.values[99].compute as number, 1e25);
      const [band] = layersOf(chart, 'area');
      for (const r of band.values) {
        close(r.a as number, lossIndependent(r.compute as number, 1e29, 0.05));
        close(r.b as number, lossIndependent(r.compute as number, 1e29, 0.1));
      }
      // Written for people: 1e29 FLOPs = 1e29 / 8.64e19 ≈ 1.16e9 PF-days.
      assert.match(JSON.stringify(chart.spec.title), /C₀ = 1e29 FLOPs = 1\.16e9 PF-days/);
      assert.match(JSON.stringify(chart.spec.title), /Kaplan 等 2020/);
    });

    it('loss-vs-params / loss-vs-data: one line per fixed D / N and the L∞ floor of the preset', () => {
      for (const [preset, lInf] of [
        ['chinchilla', 1.69],
        ['epoch', 1.8172],
      ] as const) {
        const charts = chartsOf({ lawPreset: preset });
        for (const id of ['loss-vs-params', 'loss-vs-data']) {
          const chart = byId(charts, id);
          const [floor] = layersOf(chart, 'rule');
          assert.equal(floor.values[0].loss, lInf);
          const [lines] = layersOf(chart, 'line');
          assert.equal(new Set(lines.values.map((r) => r.series)).size, 4);
          assert.equal(lines.values.length, 400);
          for (const r of lines.values) assert.ok((r.loss as number) > lInf);
          const p = preset === 'epoch' ? BESIROGLU_2024.params : HOFFMANN_2022.params;
          for (const r of lines.values.slice(0, 20)) close(r.loss as number, chinchillaLoss(r.params as number, r.tokens as number, p), 1e-11);
        }
        const subtitle = JSON.stringify(byId(charts, 'loss-vs-params').spec.title);
        assert.match(subtitle, preset === 'epoch' ? /Besiroglu 等 2024/ : /Hoffmann 等 2022/);
        assert.match(subtitle, /N₀ = A\^\(1\/α\)/);
      }
    });

    it('Kaplan eq. 1.5 draws no floor and says which law it is', () => {
      const charts = chartsOf({ lawPreset: 'kaplan-joint' }, ctx('en'));
      const chart = byId(charts, 'loss-vs-params');
      assert.equal(layersOf(chart, 'rule').length, 0);
      const [lines] = layersOf(chart, 'line');
      for (const r of lines.values.slice(0, 20)) {
        const n = r.params as number;
        const d = r.tokens as number;
        close(r.loss as number, ((6.4e13 / n) ** (0.076 / 0.103) + 1.8e13 / d) ** 0.103, 1e-12);
      }
      assert.match(JSON.stringify(chart.spec.title), /eq\. 1\.5/);
      // Its compute-optimal chart is Kaplan's published rule, not a Chinchilla fit.
      const opt = byId(charts, 'compute-optimal');
      assert.match(JSON.stringify(opt.spec.title), /1\.3e9·C_min\^0\.73/);
      const [frontierLine] = layersOf(opt, 'line');
      const c = frontierLine.values[0].compute as number;
      close(frontierLine.values[0].count as number, 1.3e9 * (c / 8.64e19) ** 0.73, 1e-12);
    });

    it('your constants follow the sliders; the published presets ignore them', () => {
      const custom = { lawPreset: 'custom', lInf: 2.5, alphaN: 0.1 };
      const floor = layersOf(byId(chartsOf(custom), 'loss-vs-params'), 'rule')[0].values[0].loss;
      assert.equal(floor, 2.5);
      const chinchilla = layersOf(byId(chartsOf({ ...custom, lawPreset: 'chinchilla' }), 'loss-vs-params'), 'rule')[0].values[0].loss;
      assert.equal(chinchilla, 1.69);
      // And the compute-optimal chart uses those constants: A = N₀^α_N, B = D₀^α_D, E = L∞.
      const c = CUSTOM_LAW_DEFAULTS;
      const p = { E: 2.5, A: c.n0 ** 0.1, B: c.d0 ** c.alphaD, alpha: 0.1, beta: c.alphaD };
      const opt = byId(chartsOf({ ...custom, budget: 1e24 }), 'compute-optimal');
      const budget = layersOf(opt, 'point').find((l) => l.values.length === 2 && l.values.every((r) => r.compute === 1e24));
      assert.ok(budget);
      const g = ((p.alpha * p.A) / (p.beta * p.B)) ** (1 / (p.alpha + p.beta));
      close(budget.values[0].count as number, g * (1e24 / 6) ** (p.beta / (p.alpha + p.beta)), 1e-9);
    });

    it('compute-optimal: N_opt and D_opt of the preset, the budget marked', () => {
      const chart = byId(chartsOf({ lawPreset: 'epoch', budget: 1e24 }), 'compute-optimal');
      const [lines] = layersOf(chart, 'line');
      const fromModel = frontier(BESIROGLU_2024.params, [lines.values[0].compute as number])[0];
      close(lines.values[0].count as number, fromModel.params);
      close(lines.values[1].count as number, fromModel.tokens);
      const budget = layersOf(chart, 'point').find((l) => l.values.length === 2 && l.values.every((r) => r.compute === 1e24));
      assert.ok(budget, 'the budget points');
      const [f] = frontier(BESIROGLU_2024.params, [1e24]);
      assert.deepEqual(
        budget.values.map((r) => r.count),
        [f.params, f.tokens],
      );
      assert.match(JSON.stringify(chart.spec.title), /Besiroglu 等 2024/);
    });

    it('a budget outside the compute range draws no budget marks', () => {
      const chart = byId(chartsOf({ budget: 1e29 }), 'compute-optimal');
      // The budget's layers stay (so a budget change updates the view in place) but draw nothing.
      assert.deepEqual(
        layersOf(chart, 'rule').map((l) => l.values.length),
        [0],
      );
      assert.ok(layersOf(chart, 'text').every((l) => l.values.length === 0));
    });
  });

  describe('rendering', () => {
    const expected: Record<string, Record<string, number>> = {
      // 100-point curve and band; 9 decade markers (10¹⁸…10²⁶); band label, α label, note.
      'loss-vs-compute': { area: 100, line: 100, symbol: 9, text: 3 },
      // Four 100-point lines, 7 decade markers each, the floor and its label.
      'loss-vs-params': { line: 400, rule: 1, symbol: 28, text: 1 },
      'loss-vs-data': { line: 400, rule: 1, symbol: 28, text: 1 },
      // Two 100-point lines, 9 decade markers each + 2 budget points; budget rule; 2 labels + budget label.
      'compute-optimal': { line: 200, rule: 1, symbol: 20, text: 3 },
    };
    for (const lang of ['zh', 'en'] as const) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        it(`every chart renders cleanly with the expected marks (${lang}, ${theme.kind})`, async () => {
          for (const chart of chartsOf({}, ctx(lang, theme))) {
            const rendered = await renderClean(chart);
            assert.deepEqual(markCounts(rendered), expected[chart.id], chart.id);
            assert.ok(rendered.svg.includes(chart.title[lang].slice(0, 6)), `${chart.id} title`);
          }
        });
      }
    }

    it('renders every preset, in high contrast, and the band toggle removes the band', async () => {
      for (const lawPreset of ['chinchilla', 'epoch', 'kaplan-joint', 'custom']) {
        for (const chart of chartsOf({ lawPreset }, ctx('en', HIGH_CONTRAST_THEME))) await renderClean(chart);
      }
      const counts = markCounts(await renderClean(byId(chartsOf({ showAlphaBand: false }), 'loss-vs-compute')));
      assert.deepEqual(counts, { line: 100, symbol: 9, text: 2 });
    });

    it('axes are labelled in powers of ten, in both languages', async () => {
      const zh = await renderClean(byId(chartsOf({}), 'loss-vs-compute'));
      assert.ok(zh.svg.includes('训练计算量 C (FLOPs)') && zh.svg.includes('10²⁰'));
      const en = await renderClean(byId(chartsOf({}, ctx('en')), 'loss-vs-params'));
      assert.ok(en.svg.includes('Model parameters N') && en.svg.includes('10⁹') && en.svg.includes('irreducible loss'));
    });
  });

  describe('parameters', () => {
    it('defaults: Kaplan α and C₀, Hoffmann preset, Chinchilla budget', () => {
      const d = defaultParams(scalingFormulasSection);
      assert.equal(d.alpha, 0.05);
      close(d.c0 as number, 2.6784e28);
      assert.equal(d.lawPreset, 'chinchilla');
      assert.equal(d.budget, 5.76e23);
    });

    it('bad values are clamped or dropped', () => {
      const p = resolveParams(scalingFormulasSection, { alpha: 5, c0: -1, lawPreset: 'gpt', lInf: Infinity, computeFrom: 1e40 });
      assert.equal(p.alpha, 0.2);
      assert.equal(p.c0, 1e22);
      assert.equal(p.lawPreset, 'chinchilla');
      assert.equal(p.lInf, 1.69);
      assert.equal(p.computeFrom, 1e30);
      // Reversed range: the charts still draw, low to high.
      const chart = byId(chartsOf({ computeFrom: 1e26, computeTo: 1e18 }), 'loss-vs-compute');
      const [curve] = layersOf(chart, 'line');
      close(curve.values[0].compute as number, 1e18);
    });

    it('registered second, after scaling-laws', () => {
      assert.equal(SECTIONS[1], scalingFormulasSection);
      for (const p of scalingFormulasSection.params) assert.ok(p.label.en && p.label.zh);
    });
  });
});
