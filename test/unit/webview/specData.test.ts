import * as assert from 'node:assert/strict';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { compileToVega } from '../../../src/cli/renderChart';
import { carryDigests, digestOf, prepareChart } from '../../../webview/lib/prepare';
import { hoistDatasets, type HoistedSpec } from '../../../webview/lib/specData';
import type { ChartSpec } from '../../../src/sections/types';

/** Dataset names whose rows differ (what ChartView.update sets on the live view). */
function changedDatasets(before: HoistedSpec, after: HoistedSpec): string[] {
  return Object.keys(after.datasets).filter((name) => JSON.stringify(before.datasets[name]) !== JSON.stringify(after.datasets[name]));
}

function unchangedDatasets(before: HoistedSpec, after: HoistedSpec): string[] {
  const changed = changedDatasets(before, after);
  return Object.keys(after.datasets).filter((name) => !changed.includes(name));
}

function chartOf(spec: TopLevelSpec): ChartSpec {
  return { id: 'c', title: { en: 'c', zh: 'c' }, description: { en: 'c', zh: 'c' }, spec };
}

function lineSpec(ys: number[], ruleX: number): TopLevelSpec {
  return {
    width: 200,
    height: 100,
    layer: [
      {
        data: { values: ys.map((y, x) => ({ x, y })) },
        mark: 'line',
        encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
      },
      { data: { values: [{ at: ruleX }] }, mark: 'rule', encoding: { x: { field: 'at', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}

describe('webview spec data hoisting', () => {
  it('moves every inline dataset into named datasets and keeps the shape without data', () => {
    const hoisted = hoistDatasets(lineSpec([1, 2, 3], 1));
    assert.deepEqual(Object.keys(hoisted.datasets), ['emergence_data_0', 'emergence_data_1']);
    assert.equal(hoisted.shape.includes('"values"'), false);
    assert.equal(hoistDatasets(lineSpec([4, 5, 6], 2)).shape, hoisted.shape);
  });

  it('gives layers that draw the same rows array one dataset, and equal but separate arrays their own', async () => {
    const points = [1, 4, 9].map((y, x) => ({ x, y }));
    const encoding = { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } };
    const spec = {
      width: 200,
      height: 100,
      layer: [
        { data: { values: points }, mark: 'line', encoding },
        { data: { values: points }, mark: 'point', encoding },
        // Empty now, filled by another parameter value: equal content must not merge them, or the shape would change with the data.
        { data: { values: [] }, mark: 'rule', encoding: { x: encoding.x } },
        { data: { values: [] }, mark: 'text', encoding: { x: encoding.x } },
      ],
    } as TopLevelSpec;
    const hoisted = hoistDatasets(spec);
    assert.deepEqual(Object.keys(hoisted.datasets), ['emergence_data_0', 'emergence_data_1', 'emergence_data_2']);
    assert.equal(hoisted.datasets.emergence_data_0, points);
    const layers = (hoisted.spec as unknown as { layer: { data: { name: string } }[] }).layer;
    assert.deepEqual(
      layers.map((l) => l.data.name),
      ['emergence_data_0', 'emergence_data_0', 'emergence_data_1', 'emergence_data_2'],
    );
    // Both layers still draw every row from the one dataset.
    const view = new vega.View(vega.parse(compileToVega(hoisted.spec), undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
    try {
      await view.runAsync();
      interface SceneNode {
        role?: string;
        marktype?: string;
        items: SceneNode[];
      }
      const frame = (view.scenegraph() as unknown as { root: SceneNode }).root.items[0];
      const drawn = (type: string) => frame.items.filter((m) => m.role === 'mark' && m.marktype === type);
      assert.equal(drawn('line')[0].items.length, 3);
      assert.equal(drawn('symbol')[0].items.length, 3);
    } finally {
      view.finalize();
    }
  });

  it('names only the datasets whose rows changed', () => {
    const a = hoistDatasets(lineSpec([1, 2, 3], 1));
    const b = hoistDatasets(lineSpec([1, 2, 3], 2));
    assert.deepEqual(changedDatasets(a, b), ['emergence_data_1']);
  });

  it('digests what a chart draws: equal data, equal digest; carried-over hashes give the digest a fresh hash would', () => {
    const pa = prepareChart(chartOf(lineSpec([1, 2, 3], 1)), { width: 600 });
    const pb = prepareChart(chartOf(lineSpec([1, 2, 3], 2)), { width: 600 });
    const pa2 = prepareChart(chartOf(lineSpec([1, 2, 3], 1)), { width: 600 });
    assert.notEqual(digestOf(pa), digestOf(pb));
    assert.equal(digestOf(pa), digestOf(pa2));
    // pb after pa: the line's hash is carried over, the rule's is new; the digest equals a fresh one's.
    const next = prepareChart(chartOf(lineSpec([1, 2, 3], 2)), { width: 600 });
    carryDigests(pa, next, unchangedDatasets(pa.hoisted, next.hoisted));
    assert.deepEqual([...next.datasetHash.keys()], ['emergence_data_0']);
    assert.equal(digestOf(next), digestOf(pb));
  });

  it('digests every value of the rows: a number, a string, a field name, a type or the order of rows changed, the digest changed', () => {
    const rows = [
      { x: 1, label: 'a', on: true, at: [1, 2] },
      { x: 2, label: 'b', on: false, at: null },
    ];
    const digest = (values: unknown[]): string => digestOf(prepareChart(chartOf({ data: { values }, mark: 'point' } as TopLevelSpec), { width: 600 }));
    const base = digest(rows);
    assert.equal(digest(JSON.parse(JSON.stringify(rows)) as unknown[]), base);
    const variants: unknown[][] = [
      [{ ...rows[0], x: 1 + 1e-12 }, rows[1]],
      [{ ...rows[0], label: 'A' }, rows[1]],
      [{ ...rows[0], on: false }, rows[1]],
      [{ ...rows[0], at: [2, 1] }, rows[1]],
      [{ x: 1, label: 'a', on: true, at: [1, 2], extra: 0 }, rows[1]],
      [{ y: 1, label: 'a', on: true, at: [1, 2] }, rows[1]],
      [{ ...rows[0], x: '1' }, rows[1]],
      [rows[1], rows[0]],
      [rows[0]],
    ];
    for (const v of variants) assert.notEqual(digest(v), base, JSON.stringify(v));
  });

  it('lets a live view take new rows by dataset name, without rebuilding it', async () => {
    const before = hoistDatasets(lineSpec([1, 2, 3], 1));
    const after = hoistDatasets(lineSpec([1, 2, 3, 4, 5], 3));
    const view = new vega.View(vega.parse(compileToVega(before.spec), undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
    await view.runAsync();
    for (const name of changedDatasets(before, after)) view.data(name, after.datasets[name] as object[]);
    await view.runAsync();
    assert.equal(view.data('emergence_data_0').length, 5);
    assert.deepEqual(
      view.data('emergence_data_1').map((r: { at: number }) => r.at),
      [3],
    );
    view.finalize();
  });
});
