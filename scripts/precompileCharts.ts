// Build step (scripts/build.mjs runs it after the bundles): compiles, once, the Vega spec
// of every chart shape the chart panel and the Markdown preview draw with a section's
// default parameters, for each language, theme kind and container width from 520 to
// 2,400 px, and writes dist/charts/<section>.<lang>.js: shape key →
// Vega spec (JSON with theme tokens). A page then draws its first charts without the
// Vega-Lite compiler (issue 11: it was a third of the first paint); any other shape is
// compiled in the page (webview/lib/vegaSpecs.ts). Narrower containers (the side view)
// are left to the page: their layouts change every 20 px, and covering them would
// triple the tables' size. The tables are what the pages
// themselves would compile: test/unit/webview/precompiledCharts.test.ts checks that.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTIONS } from '../src/sections/index';
import { resolveParams, type ChartTheme, type Lang, type Section } from '../src/sections/types';
import { widthStep } from '../webview/lib/layout';
import { prepareChart } from '../webview/lib/prepare';
import { compileShape } from '../webview/lib/compileShape';
import { shapeKey } from '../webview/lib/specData';
import { tokenTheme } from '../webview/lib/themeTokens';

const LANGS: Lang[] = ['en', 'zh'];
const KINDS: ChartTheme['kind'][] = ['light', 'dark', 'high-contrast'];
/** Container widths (px) the tables cover; ChartContext.width moves in 40 px steps. */
const MIN_WIDTH = 520;
const MAX_WIDTH = 2400;
/** A figure's canvas is narrower than the charts' container by its padding and border: at most this much. */
const CANVAS_INSET = 80;

/** Shape key → compiled Vega spec (JSON text) for one section and language. */
export function compiledTable(section: Section, lang: Lang): Map<string, string> {
  const table = new Map<string, string>();
  const params = resolveParams(section, undefined);
  for (const kind of KINDS) {
    const theme = tokenTheme(kind);
    for (let step = widthStep(MIN_WIDTH); step <= MAX_WIDTH; step += 40) {
      const charts = section.charts(params, { lang, theme, width: step });
      for (const chart of charts) {
        // Every canvas width whose container falls in this width step (layoutSpec works in 20 px steps).
        for (let width = step - CANVAS_INSET; width < step + 40; width += 20) {
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
export function tableScript(name: string, table: Map<string, string>): string {
  return `Object.assign((globalThis.__emergenceVegaSpecs ??= {}), ${JSON.stringify(Object.fromEntries(table))});\n(globalThis.__emergenceVegaSpecTables ??= []).push(${JSON.stringify(name)});\n`;
}

function main(): void {
  const out = join(process.argv[2] ?? 'dist', 'charts');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  let shapes = 0;
  let bytes = 0;
  for (const section of SECTIONS) {
    for (const lang of LANGS) {
      const table = compiledTable(section, lang);
      const name = `${section.id}.${lang}`;
      const script = tableScript(name, table);
      writeFileSync(join(out, `${name}.js`), script);
      shapes += table.size;
      bytes += script.length;
    }
  }
  console.log(`precompiled ${shapes} chart shapes (${(bytes / 1024).toFixed(0)} KiB) in ${Date.now() - started} ms`);
}

if (require.main === module) main();
