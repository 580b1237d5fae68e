// The hover with its curve image, as the extension computes it: find the formula in
// a 5,000-line note, explain it, build the small chart and render it headless to SVG.
// "first" renders every time (an empty cache); the extension then serves the image
// from its cache, which costs what the hover without a chart costs.
import { findFormulaAt } from '../src/engine/formulas/document';
import { explain, explanationToMarkdown } from '../src/engine/formulas/explain';
import { renderChartSvg } from '../src/cli/renderChart';
import { formulaCurveChart, type RoleValues } from '../src/sections/formulaContext';
import { LIGHT_THEME } from '../src/sections/theme';
import { generateNote } from './hover';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function benchHoverWithChart(samples = 60): Promise<Record<string, string | number>> {
  const lines = generateNote(5000);
  const formulaLines = lines
    .map((l, i) => [l, i] as const)
    .filter(([l]) => /\^|≈/.test(l))
    .map(([, i]) => i);
  const times: number[] = [];
  let rendered = 0;
  for (let k = 0; k < samples; k++) {
    const line = formulaLines[(k * 7) % formulaLines.length];
    const started = performance.now();
    const found = findFormulaAt((n) => lines[n], lines.length, line, Math.max(0, lines[line].search(/[\^≈]/)));
    if (!found) continue;
    const explanation = explain(found.recognition, 'en', found.noteValues);
    explanationToMarkdown(explanation, 'en');
    const values: RoleValues = {};
    for (const [role, v] of Object.entries(explanation.exampleValues)) if (v) values[role as keyof RoleValues] = v.value;
    const chart = formulaCurveChart(found.recognition.kind, values, { lang: 'en', theme: LIGHT_THEME });
    if (chart) {
      await renderChartSvg(chart.spec);
      rendered++;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    'hover+chart.note5000.samples': times.length,
    'hover+chart.rendered': rendered,
    'hover+chart.first_render_p50_ms': percentile(times, 50).toFixed(1),
    'hover+chart.first_render_p95_ms': percentile(times, 95).toFixed(1),
  };
}
