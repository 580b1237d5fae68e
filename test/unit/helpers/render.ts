// Test helper: compile and render a chart the way the CLI does, and read its marks.
import * as assert from 'node:assert/strict';
import { renderChartSvg, type RenderedChart } from '../../../src/cli/renderChart';
import type { ChartSpec } from '../../../src/sections/types';

/** Renders the chart, failing on any vega-lite or vega warning. */
export async function renderClean(chart: ChartSpec): Promise<RenderedChart> {
  const rendered = await renderChartSvg(chart.spec);
  assert.deepEqual(rendered.warnings, [], `chart ${chart.id} rendered with warnings`);
  assert.match(rendered.svg, /^<svg/, `chart ${chart.id} did not render to SVG`);
  return rendered;
}

interface SceneNode {
  marktype?: string;
  name?: string;
  role?: string;
  items?: SceneNode[];
}

/**
 * Counts the drawn items per mark type ("line", "symbol", "rect", "text", "rule", …)
 * by walking vega's scenegraph, skipping axes, legends and titles (role ≠ "mark").
 */
export function markCounts(rendered: RenderedChart): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (node: SceneNode | undefined): void => {
    if (!node) return;
    if (node.marktype && node.role === 'mark' && node.marktype !== 'group') {
      counts[node.marktype] = (counts[node.marktype] ?? 0) + (node.items?.length ?? 0);
    }
    if (node.role && ['axis', 'legend', 'title'].includes(node.role) && node.marktype === 'group') return;
    for (const item of node.items ?? []) walk(item);
  };
  walk((rendered.view.scenegraph() as unknown as { root: SceneNode }).root);
  return counts;
}

/** The named dataset of a rendered view (the data the marks were drawn from). */
export function viewData(rendered: RenderedChart, name: string): Record<string, unknown>[] {
  return rendered.view.data(name) as Record<string, unknown>[];
}
