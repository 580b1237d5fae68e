// countMarks (webview/lib/marks.ts): what the "rendered" reports count as drawn — the
// items of data marks, inside layers and concatenated views, never axes, legends or titles.
import * as assert from 'node:assert/strict';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { compileToVega } from '../../../src/cli/renderChart';
import { countMarks } from '../../../webview/lib/marks';

async function drawn(spec: TopLevelSpec): Promise<number> {
  const view = new vega.View(vega.parse(compileToVega(spec), undefined, { ast: true }), { renderer: 'none', expr: expressionInterpreter });
  await view.runAsync();
  try {
    return countMarks(view);
  } finally {
    view.finalize();
  }
}

const points = [
  { x: 1, y: 2, s: 'a' },
  { x: 2, y: 3, s: 'a' },
  { x: 3, y: 1, s: 'b' },
];

describe('webview: counting what a chart drew (countMarks)', () => {
  it('counts the items of points, of each series of a line (Vega draws a line through one item per row) and of a rule, not the axes, legend or title', async () => {
    const layered = {
      title: 'A titled chart',
      data: { values: points },
      layer: [
        {
          mark: 'point',
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 's', type: 'nominal' } },
        },
        {
          mark: 'line',
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: { field: 's', type: 'nominal' } },
        },
        { mark: 'rule', data: { values: [{ at: 2 }] }, encoding: { x: { field: 'at', type: 'quantitative' } } },
      ],
    } as TopLevelSpec;
    assert.equal(await drawn(layered), 3 + (2 + 1) + 1);
  });

  it('counts the marks of every view of a concatenation', async () => {
    const concat = {
      data: { values: points },
      hconcat: [
        { mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        { mark: 'bar', encoding: { x: { field: 's', type: 'nominal' }, y: { aggregate: 'count', type: 'quantitative' } } },
      ],
    } as TopLevelSpec;
    assert.equal(await drawn(concat), 3 + 2);
  });
});
