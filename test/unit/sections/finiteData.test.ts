// Charts that declare finiteData (chartKit.makeChart) draw without Vega-Lite's
// invalid-data filters. The claim is checked here: over each section's parameter range
// (the defaults, every number at its minimum and maximum, every choice and toggle), in
// both languages, no row of such a chart holds a value Vega-Lite would have filtered;
// and at the defaults the chart as the pages compile it (webview/lib/compileShape.ts,
// which also drops Vega-Lite's per-item invalid-value tests) rasterises to the same
// pixels as with Vega-Lite's filters.
import * as assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { SECTIONS } from '../../../src/sections/index';
import { builtinTheme } from '../../../src/sections/theme';
import { resolveParams, type ChartSpec, type ParamValues, type Section } from '../../../src/sections/types';
import { compileFull } from '../../../webview/lib/compileShape';
import { foldGridAxes } from '../../../webview/lib/gridAxes';
import { dropInvalidTests } from '../../../webview/lib/invalidTests';
import { invalidData } from '../helpers/invalidData';

type Json = Record<string, unknown>;

function declaresFinite(chart: ChartSpec): boolean {
  const config = (chart.spec as { config?: { mark?: { invalid?: unknown } } }).config;
  return config?.mark?.invalid === 'show';
}

/** The defaults, each number at its ends, each choice option and each toggle flipped. */
function parameterRange(section: Section): ParamValues[] {
  const base = resolveParams(section, undefined);
  const out: ParamValues[] = [base];
  for (const p of section.params) {
    if (p.kind === 'number') out.push({ ...base, [p.name]: p.min }, { ...base, [p.name]: p.max });
    else if (p.kind === 'choice') for (const o of p.options) out.push({ ...base, [p.name]: o.value });
    else out.push({ ...base, [p.name]: !base[p.name] });
  }
  return out;
}

async function pixels(spec: vega.Spec): Promise<Buffer> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return new Resvg(await view.toSVG(), { font: { loadSystemFonts: true }, logLevel: 'off' }).render().pixels;
  } finally {
    view.finalize();
  }
}

describe('charts drawn without invalid-data filters (ChartFrame.finiteData)', () => {
  const declared = SECTIONS.flatMap((section) =>
    section
      .charts(resolveParams(section, undefined), { lang: 'en', theme: builtinTheme('light'), width: 520 })
      .filter(declaresFinite)
      .map((chart) => ({ section, chart })),
  );

  it('are the article charts whose rows are all computed, with no transform (the checks below are not vacuous)', () => {
    assert.deepEqual(declared.map(({ section, chart }) => `${section.id}/${chart.id}`).sort(), [
      'code-generation/capability-timeline',
      'implications/challenges',
      'implications/milestone-timeline',
      'implications/trend-matrix',
      'math-reasoning/emergence-curves',
      'phase-transition/capability-count',
      'phase-transition/capability-heatmap',
      'phase-transition/phase-boundaries',
      'representations/representation-panels',
      'scaling-formulas/compute-optimal',
      'scaling-formulas/loss-vs-compute',
      'scaling-formulas/loss-vs-data',
      'scaling-formulas/loss-vs-params',
      'scaling-laws/performance-curve',
    ]);
  });

  it('hold no value Vega-Lite would filter, anywhere in their parameter range', function () {
    this.timeout(120_000);
    let checked = 0;
    for (const section of new Set(declared.map((d) => d.section))) {
      for (const values of parameterRange(section)) {
        for (const lang of ['en', 'zh'] as const) {
          for (const chart of section.charts(resolveParams(section, values), { lang, theme: builtinTheme('light'), width: 520 }).filter(declaresFinite)) {
            assert.deepEqual(invalidData(chart.spec), [], `${section.id}/${chart.id} ${lang} ${JSON.stringify(values)}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 600, `only ${checked} charts checked`);
  });

  it('draw the same pixels as with the filters', async function () {
    this.timeout(120_000);
    for (const { section, chart } of declared) {
      const spec = chart.spec as unknown as Json;
      const config = spec.config as Json;
      const filtered = { ...spec, config: { ...config, mark: { ...(config.mark as Json), invalid: undefined } } } as TopLevelSpec;
      const [without, withFilters] = await Promise.all([pixels(compileFull(chart.spec)), pixels(foldGridAxes(compile(filtered).spec))]);
      assert.equal(without.length, withFilters.length, `${section.id}/${chart.id}`);
      assert.ok(without.equals(withFilters), `${section.id}/${chart.id}: pixels differ`);
    }
  });
});

describe('dropInvalidTests (webview/lib/invalidTests.ts)', () => {
  const point = (invalid: string | undefined, y: Json = { field: 'y', type: 'quantitative' }): TopLevelSpec =>
    ({
      width: 100,
      height: 100,
      config: { mark: { invalid } },
      data: { values: [{ x: 1, y: 2, z: 3 }] },
      mark: 'point',
      encoding: { x: { field: 'x', type: 'quantitative', scale: { type: 'log' } }, y },
    }) as TopLevelSpec;
  const update = (spec: vega.Spec): Json => (spec.marks?.[0] as { encode: { update: Json } }).encode.update;

  it('leaves each channel its plain encoding, and the compiled spec of a finite chart no test', () => {
    const guarded = compile(point('show')).spec;
    assert.ok(Array.isArray(update(guarded).x) && Array.isArray(update(guarded).y));
    const plain = dropInvalidTests(structuredClone(guarded));
    assert.deepEqual(update(plain).x, { scale: 'x', field: 'x' });
    assert.deepEqual(update(plain).y, { scale: 'y', field: 'y' });
    assert.equal(JSON.stringify(compileFull(point('show'))).includes('isValid'), false);
  });

  it('keeps any other rule, such as a test of another field', () => {
    const spec = compile(point('show')).spec;
    const x = update(spec).x as Json[];
    x[0].test = String(x[0].test).replace(/"x"/g, '"z"');
    assert.deepEqual(update(dropInvalidTests(spec)).x, x);
    // A chart that does not declare finite data keeps Vega-Lite's handling, filters included.
    assert.ok(JSON.stringify(compileFull(point(undefined))).includes('isValid'));
  });
});

describe('invalidData (what Vega-Lite would filter from inline rows)', () => {
  const x = { field: 'x', type: 'quantitative' };
  const layered = (rows: unknown[], scale?: Json): unknown => ({
    encoding: { x: scale ? { ...x, scale } : x },
    layer: [{ data: { values: rows }, mark: 'point', encoding: { y: { field: 'y', type: 'quantitative' }, x2: { field: 'x2' } } }],
  });

  it('reports null, NaN, infinite and missing values in continuous channels, their secondary channels included', () => {
    assert.deepEqual(invalidData(layered([{ x: 1, y: 2, x2: 3 }])), []);
    assert.equal(
      invalidData(
        layered([
          { x: null, y: NaN, x2: Infinity },
          { x: 1, y: 2 },
        ]),
      ).length,
      4,
    );
    assert.match(invalidData(layered([{ x: 1, y: 2 }]))[0], /row 0 x2 x2 = undefined/);
  });

  it('requires positive values on a log scale declared anywhere in the layer stack, and ignores nominal fields', () => {
    assert.equal(invalidData(layered([{ x: 0, y: 1, x2: 1 }], { type: 'log' })).length, 1);
    assert.deepEqual(invalidData(layered([{ x: 0, y: -1, x2: 1 }])), []);
    assert.deepEqual(invalidData({ data: { values: [{ name: null }] }, mark: 'text', encoding: { text: { field: 'name', type: 'nominal' } } }), []);
  });

  it('cannot vouch for data it does not hold: a transform, named data, a facet', () => {
    assert.equal(invalidData({ data: { values: [] }, transform: [{ calculate: '1', as: 'x' }], mark: 'point', encoding: { x } }).length, 1);
    assert.equal(invalidData({ data: { name: 'elsewhere' }, mark: 'point', encoding: { x } }).length, 1);
    assert.equal(invalidData({ data: { values: [] }, facet: { row: { field: 'f' } }, spec: { mark: 'point' } }).length, 1);
  });
});
