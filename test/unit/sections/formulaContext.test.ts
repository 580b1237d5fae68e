import * as assert from 'node:assert/strict';
import { recognizeAll } from '../../../src/engine/formulas/recognize';
import { formatNoteNumber } from '../../../src/engine/format';
import { chinchillaLoss, additiveLoss } from '../../../src/engine/laws/powerLaws';
import { formatChartBlock, parseChartBlock } from '../../../src/sections/chartBlock';
import { FORMULA_CHARTS, FORMULA_SECTION_ID, formulaCurveChart, formulaSectionView, valuesForNote } from '../../../src/sections/formulaContext';
import { findSection } from '../../../src/sections/index';
import { LIGHT_THEME, DARK_THEME } from '../../../src/sections/theme';
import { resolveParams } from '../../../src/sections/types';
import { markCounts, renderClean } from '../helpers/render';

describe('formula context: note formulas as section parameters', () => {
  it('maps L(C) with α and C₀ in PF-days to the compute chart, in FLOPs', () => {
    const view = formulaSectionView('loss-compute', { alpha: 0.07, C_0: 3.1e8 });
    assert.equal(view.sectionId, FORMULA_SECTION_ID);
    assert.equal(view.params.alpha, 0.07);
    assert.equal(view.params.c0, 3.1e8 * 8.64e19);
    assert.deepEqual(view.usedRoles, ['alpha', 'C_0']);
  });

  it('turns Chinchilla constants into the same loss in the seed’s additive form', () => {
    const chinchilla = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const view = formulaSectionView('loss-chinchilla', chinchilla);
    // Drawn as the Chinchilla form (the additive form is the same law); the section names the fit.
    assert.equal(view.params.lawPreset, 'custom');
    assert.equal(view.params.lawForm, 'additive');
    const additive = {
      n0: view.params.n0 as number,
      alphaN: view.params.alphaN as number,
      d0: view.params.d0 as number,
      alphaD: view.params.alphaD as number,
      lInf: view.params.lInf as number,
    };
    for (const [n, d] of [
      [1e9, 2e10],
      [7e10, 1.4e12],
    ]) {
      assert.ok(Math.abs(additiveLoss(n, d, additive) - chinchillaLoss(n, d, chinchilla)) < 1e-9);
    }
  });

  it('writes parameters back in the note’s own symbols and units (inverse of the mapping)', () => {
    const original = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };
    const view = formulaSectionView('loss-chinchilla', original);
    const back = valuesForNote('loss-chinchilla', view.params as Record<string, number>, original);
    for (const role of ['E', 'A', 'B', 'alpha', 'beta'] as const) assert.ok(Math.abs((back[role] as number) / original[role] - 1) < 1e-12, role);
    const compute = valuesForNote('loss-compute', { alpha: 0.06, c0: 2 * 8.64e19 }, { alpha: 0.05, C_0: 3.1e8 });
    assert.deepEqual(compute, { alpha: 0.06, C_0: 2 });
  });

  it('gives the section parameters it accepts, from a recognised formula', () => {
    const [rec] = recognizeAll('L(N,D) = 1.69 + 406.4/N^0.34 + 410.7/D^0.28');
    assert.equal(rec.kind, 'loss-chinchilla');
    const view = formulaSectionView(rec.kind, rec.params);
    const section = findSection(view.sectionId);
    assert.ok(section);
    const resolved = resolveParams(section, view.params);
    assert.equal(resolved.lawPreset, 'custom');
    assert.equal(resolved.lawForm, 'additive');
    assert.equal(resolved.alphaN, 0.34);
    assert.equal(resolved.lInf, 1.69);
  });

  for (const kind of ['loss-compute', 'loss-params', 'loss-data', 'loss-additive', 'loss-chinchilla', 'loss-kaplan-nd'] as const) {
    it(`draws the hover curve of ${kind} without warnings`, async () => {
      for (const ctx of [
        { lang: 'en' as const, theme: LIGHT_THEME },
        { lang: 'zh' as const, theme: DARK_THEME },
      ]) {
        const chart = formulaCurveChart(kind, {}, ctx);
        assert.ok(chart);
        const counts = markCounts(await renderClean(chart));
        assert.ok((counts.line ?? 0) >= 1);
      }
    });
  }

  it('has no curve for C ≈ 6ND', () => {
    assert.equal(formulaCurveChart('compute-flops', {}, { lang: 'en', theme: LIGHT_THEME }), undefined);
  });

  it('moves the curve when α changes', async () => {
    const ctx = { lang: 'en' as const, theme: LIGHT_THEME };
    const a = formulaCurveChart('loss-compute', { alpha: 0.05, C_0: 3.1e8 }, ctx);
    const b = formulaCurveChart('loss-compute', { alpha: 0.1, C_0: 3.1e8 }, ctx);
    assert.notDeepEqual((a?.spec as { data: unknown }).data, (b?.spec as { data: unknown }).data);
  });
});

describe('inserted chart blocks', () => {
  it('reads back what "Insert chart" writes', () => {
    const block = formatChartBlock('scaling-formulas', { alpha: 0.076, c0: 2.6784e28, lawPreset: 'kaplan-joint', showAlphaBand: false });
    const body = block.split('\n').slice(1, -1).join('\n');
    const parsed = parseChartBlock(body);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    if (parsed.ok) {
      assert.equal(parsed.sectionId, 'scaling-formulas');
      assert.equal(parsed.params.alpha, 0.076);
      assert.equal(parsed.params.lawPreset, 'kaplan-joint');
      assert.equal(parsed.params.showAlphaBand, false);
    }
  });

  it('writes numbers as people do', () => {
    assert.equal(formatNoteNumber(0.076), '0.076');
    assert.equal(formatNoteNumber(8.8e13), '8.8e13');
    assert.equal(formatNoteNumber(1.69), '1.69');
    assert.equal(formatNoteNumber(406.4), '406.4');
    assert.equal(formatNoteNumber(0.34000000000000002), '0.34');
  });
});

describe('charts about a formula', () => {
  it('names charts the formula section really draws', () => {
    const section = findSection(FORMULA_SECTION_ID);
    assert.ok(section);
    const ids = section.charts(resolveParams(section, {}), { lang: 'en', theme: LIGHT_THEME }).map((c) => c.id);
    for (const [kind, charts] of Object.entries(FORMULA_CHARTS)) {
      assert.ok(charts.length > 0, kind);
      for (const id of charts) assert.ok(ids.includes(id), `${kind}: ${id} is not a chart of ${FORMULA_SECTION_ID}`);
    }
  });
});

describe('"Show chart" and the side view draw the law that is in the note', () => {
  const section = findSection(FORMULA_SECTION_ID);
  const chartsFor = (text: string): ReturnType<NonNullable<typeof section>['charts']> => {
    assert.ok(section);
    const [rec] = recognizeAll(text);
    const view = formulaSectionView(rec.kind, rec.params);
    return section.charts(resolveParams(section, view.params), { lang: 'en', theme: LIGHT_THEME });
  };
  const lossAt = (charts: ReturnType<typeof chartsFor>, n: number, d: number): number => {
    const chart = charts.find((c) => c.id === 'loss-vs-params');
    assert.ok(chart);
    const layer = (chart.spec as unknown as { layer: { mark: { type: string }; data?: { values?: Record<string, number>[] } }[] }).layer.find(
      (l) => l.mark.type === 'point',
    );
    const row = layer?.data?.values?.find((r) => r.params === n && r.tokens === d);
    assert.ok(row, `a point at N = ${n}, D = ${d}`);
    return row.loss;
  };

  it("Kaplan's eq. 1.5 is drawn as eq. 1.5, labelled as Kaplan's joint fit", () => {
    const charts = chartsFor('L(N,D) = [(6.4e13/N)^(0.076/0.103) + 1.8e13/D]^0.103');
    // Kaplan et al. 2020 eq. 1.5 with Table 2's constants.
    const expected = ((6.4e13 / 1e9) ** (0.076 / 0.103) + 1.8e13 / 1e10) ** 0.103;
    assert.ok(Math.abs(lossAt(charts, 1e9, 1e10) - expected) < 1e-9);
    assert.match(JSON.stringify(charts[1].spec.title), /Kaplan et al\. 2020, joint L\(N,D\) \(eq\. 1\.5\)/);
  });

  it("Epoch's values are labelled Epoch, not Kaplan, and the compute-optimal chart uses them", () => {
    const charts = chartsFor('L = 1.8172 + 482.01/N^0.3478 + 2085.43/D^0.3658');
    assert.match(JSON.stringify(charts[1].spec.title), /Besiroglu et al\. 2024/);
    assert.doesNotMatch(JSON.stringify(charts[1].spec.title), /Kaplan/);
    const opt = charts.find((c) => c.id === 'compute-optimal');
    assert.ok(opt);
    assert.match(JSON.stringify(opt.spec.title), /Besiroglu et al\. 2024/);
    // Chinchilla form at Chinchilla's own point with Epoch's constants.
    assert.ok(Math.abs(lossAt(charts, 1e11, 1e12) - (1.8172 + 482.01 / 1e11 ** 0.3478 + 2085.43 / 1e12 ** 0.3658)) < 1e-9);
  });

  it("a note's own constants are drawn as the note writes them and labelled as the note's", () => {
    const charts = chartsFor('L = 2 + 300/N^0.3 + 500/D^0.3');
    assert.match(JSON.stringify(charts[1].spec.title), /Your constants/);
    assert.ok(Math.abs(lossAt(charts, 1e9, 1e10) - (2 + 300 / 1e9 ** 0.3 + 500 / 1e10 ** 0.3)) < 1e-9);
  });
});
