import * as assert from 'node:assert/strict';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { compileToVega } from '../../../src/cli/renderChart';
import { changedDatasets, datasetDigest, hoistDatasets } from '../../../webview/lib/specData';

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

  it('names only the datasets whose rows changed', () => {
    const a = hoistDatasets(lineSpec([1, 2, 3], 1));
    const b = hoistDatasets(lineSpec([1, 2, 3], 2));
    assert.deepEqual(changedDatasets(a, b), ['emergence_data_1']);
    assert.notEqual(datasetDigest(a), datasetDigest(b));
    assert.equal(datasetDigest(a), datasetDigest(hoistDatasets(lineSpec([1, 2, 3], 1))));
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
