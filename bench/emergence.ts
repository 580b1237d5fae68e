// Emergence-point fits on the shipped data and the real-model sections' first render.
// Figures only (no assertions on time). Run inside `npm run bench`, or alone:
//   node --require tsx/cjs --require ./test/setup/vega-canvas-browser.cjs bench/emergence.ts
import { performance } from 'node:perf_hooks';
import { renderChartSvg } from '../src/cli/renderChart';
import { analyzeTask, taskPoints, type ScaleAxis } from '../src/engine/emergence/analysis';
import { obsscalingTable, parseEmergenceCsv } from '../src/engine/emergence/data';
import { fitEmergence } from '../src/engine/emergence/fit';
import { BENCHMARK_CSV } from '../src/engine/emergence/obsscalingCsv';
import { findSection } from '../src/sections';
import { LIGHT_THEME } from '../src/sections/theme';
import { defaultParams } from '../src/sections/types';

export async function benchEmergence(): Promise<Record<string, string>> {
  const ms = (t: number): string => `${(performance.now() - t).toFixed(1)} ms`;
  const figures: Record<string, string> = {};
  let t = performance.now();
  const table = obsscalingTable();
  figures['shipped table: parse + join (first call)'] = ms(t);
  t = performance.now();
  parseEmergenceCsv(BENCHMARK_CSV);
  figures['parse the 148-model CSV as a user table'] = ms(t);
  const task = table.tasks[0];
  const { x, y } = taskPoints(table.models, task, { axis: 'flops' });
  fitEmergence(x, y, 0);
  t = performance.now();
  for (let i = 0; i < 50; i++) fitEmergence(x, y, 0);
  figures[`one fit (${x.length} models, warm)`] = `${((performance.now() - t) / 50).toFixed(2)} ms`;
  for (const axis of ['flops', 'params', 'loss'] as ScaleAxis[]) {
    t = performance.now();
    for (const k of table.tasks) analyzeTask(table, k, { axis });
    figures[`all 8 tasks on ${axis}: overall + families, 200 resamples each`] = ms(t);
  }
  for (const id of ['emergence-real', 'mirage']) {
    const section = findSection(id);
    if (!section) continue;
    t = performance.now();
    const charts = section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME });
    figures[`${id}: build the charts (fits memoised after the first)`] = ms(t);
    t = performance.now();
    for (const c of charts) await renderChartSvg(c.spec);
    figures[`${id}: render ${charts.length} charts to SVG`] = ms(t);
  }
  return figures;
}

if (require.main === module) {
  const t = performance.now();
  void benchEmergence().then((f) => {
    for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(64)} ${v}`);
    console.log(`${'total'.padEnd(64)} ${(performance.now() - t).toFixed(0)} ms`);
  });
}
