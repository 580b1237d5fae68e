// Build step (scripts/build.mjs runs it after the bundles): compiles, once, the Vega spec
// of every chart shape the chart panel, the side view and the Markdown preview draw
// with a section's default parameters, for each language, theme kind and container
// width from 280 to 2,400 px, and writes dist/charts/<section>.<lang>.js (widths from
// 520 px) and <section>.<lang>.n<step>.js (one per 40 px step below: narrow layouts
// change every step, and a side view loads only its own): shape key → Vega spec (JSON
// with theme tokens). A page then draws its first charts without the
// Vega-Lite compiler (issue 11: it was a third of the first paint); any other shape is
// compiled in the page (webview/lib/vegaSpecs.ts). The tables are what the pages
// themselves would compile: test/e2e/runtime.test.ts requires every chart of a default
// page, in each language and theme, to come from them.
// The fit panel's charts (src/sections/fit/charts.ts) keep what follows the user's data
// in params, so their shapes depend only on the kind of fit: dist/charts/fit.<lang>[.n<step>].js
// holds the charts of fits of the shipped sample runs, one per kind of fit.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTIONS } from '../src/sections/index';
import { COARSE_GRID, FIT_CHART_TABLE, fitCharts, fitInputOfFile, parseFitInput, runFit, type FitInput, type FitResult } from '../src/sections/fit/index';
import { resolveParams, type ChartContext, type ChartSpec, type ChartTheme, type Lang, type Section } from '../src/sections/types';
import { compiledTableName, NARROW_PX, widthStep } from '../webview/lib/layout';
import { prepareChart } from '../webview/lib/prepare';
import { compileShape } from '../webview/lib/compileShape';
import { shapeKey } from '../webview/lib/specData';
import { tokenTheme } from '../webview/lib/themeTokens';

const LANGS: Lang[] = ['en', 'zh'];
const KINDS: ChartTheme['kind'][] = ['light', 'dark', 'high-contrast'];
/** Container widths (px) the tables cover; ChartContext.width moves in 40 px steps. */
const MIN_WIDTH = 280;
const MAX_WIDTH = 2400;
/** layoutSpec lays nothing out narrower than this. */
const MIN_LAYOUT_WIDTH = 200;
/**
 * How much narrower than the charts' container a canvas can be: up to this much when
 * wide (figure padding), none when narrow (one column, edge to edge; the widths are
 * measured in webview/lib/chartSet.ts). Wide charts wrapped into grid columns are laid
 * out for their canvas width, whose shapes are the same as at a container that wide.
 */
const CANVAS_INSET_WIDE = 80;

/** The runs of the tour's fit note (samples/notes/…/4-fit-your-runs.md: N, D and loss). */
const FIT_SAMPLE = 'samples/notes/en/tour/4-fit-your-runs.md';

/**
 * Fits of the sample runs, one per kind of fit the panel draws differently (the form,
 * the x variable of a power law, the columns given): Chinchilla on N and D, and on N, D
 * and C; a single power law on each of N, D and C.
 */
function representativeFits(): FitResult[] {
  const sample = fitInputOfFile(readFileSync(FIT_SAMPLE, 'utf8'), FIT_SAMPLE);
  const parsed = sample && parseFitInput(sample);
  if (!parsed || !parsed.ok || !parsed.data.N || !parsed.data.D) throw new Error(`${FIT_SAMPLE}: no table of N, D and loss`);
  const { N, D, loss } = parsed.data;
  const columns: Record<string, (i: number) => number> = { N: (i) => N[i], D: (i) => D[i], C: (i) => 6 * N[i] * D[i] };
  const csv = (names: string[]): FitInput => ({
    kind: 'csv',
    text: [[...names, 'loss'].join(','), ...Array.from(loss, (l, i) => [...names.map((c) => String(columns[c](i))), String(l)].join(','))].join('\n'),
  });
  return [['N', 'D'], ['N', 'D', 'C'], ['N'], ['D'], ['C']].map((names) => {
    const input = parseFitInput(csv(names));
    if (!input.ok) throw new Error(`${FIT_SAMPLE} (${names.join(', ')}): ${input.error.message.en}`);
    const out = runFit(input.data, input.form, {
      source: { kind: 'csv', name: 'sample.csv', firstRow: 1, lastRow: loss.length + 1 },
      grid: COARSE_GRID,
      resamples: 0,
      prescreen: false,
    });
    if (!out.ok) throw new Error(`${FIT_SAMPLE} (${names.join(', ')}): ${out.message.en}`);
    return out.result;
  });
}

/** Shape key → compiled Vega spec (JSON text) for one page's charts in one language, for container widths in 40 px steps. */
function compiledTable(chartsAt: (ctx: ChartContext) => ChartSpec[], lang: Lang, steps: readonly number[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const kind of KINDS) {
    const theme = tokenTheme(kind);
    for (const step of steps) {
      const charts = chartsAt({ lang, theme, width: step });
      for (const chart of charts) {
        // Every canvas width whose container falls in this width step (layoutSpec works in 20 px steps).
        // The first step also takes every narrower container (ChartContext.width stops at 280, layouts at 200 px).
        const from = step === steps[0] && step === widthStep(MIN_WIDTH) ? MIN_LAYOUT_WIDTH : step - (step < NARROW_PX ? 0 : CANVAS_INSET_WIDE);
        for (let width = from; width < step + 40; width += 20) {
          const prepared = prepareChart(chart, { width });
          const key = shapeKey(prepared.hoisted.shape);
          if (!table.has(key)) table.set(key, JSON.stringify(compileShape(prepared.hoisted.shape, Object.keys(prepared.hoisted.datasets))));
        }
      }
    }
  }
  return table;
}

/** The script a page loads: it adds its entries to the page's table of compiled specs and says which table it was. */
function tableScript(name: string, table: Map<string, string>): string {
  return `Object.assign((globalThis.__emergenceVegaSpecs ??= {}), ${JSON.stringify(Object.fromEntries(table))});\n(globalThis.__emergenceVegaSpecTables ??= []).push(${JSON.stringify(name)});\n`;
}

function main(): void {
  const out = join(process.argv[2] ?? 'dist', 'charts');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  let shapes = 0;
  let bytes = 0;
  // Width steps grouped by the table they go to: all wide steps in one, each narrow step alone.
  const groups = new Map<string, number[]>();
  for (let step = widthStep(MIN_WIDTH); step <= MAX_WIDTH; step += 40) {
    const key = step < NARROW_PX ? String(step) : 'wide';
    groups.set(key, [...(groups.get(key) ?? []), step]);
  }
  const fits = representativeFits();
  const pages: { id: string; chartsAt: (ctx: ChartContext) => ChartSpec[] }[] = [
    ...SECTIONS.map((section: Section) => {
      const params = resolveParams(section, undefined);
      return { id: section.id, chartsAt: (ctx: ChartContext) => section.charts(params, ctx) };
    }),
    { id: FIT_CHART_TABLE, chartsAt: (ctx: ChartContext) => fits.flatMap((fit) => fitCharts(fit, ctx)) },
  ];
  for (const page of pages) {
    for (const lang of LANGS) {
      for (const steps of groups.values()) {
        const table = compiledTable(page.chartsAt, lang, steps);
        const name = compiledTableName(page.id, lang, steps[0]) as string;
        const script = tableScript(name, table);
        writeFileSync(join(out, `${name}.js`), script);
        shapes += table.size;
        bytes += script.length;
      }
    }
  }
  console.log(`precompiled ${shapes} chart shapes (${(bytes / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms`);
}

if (require.main === module) main();
