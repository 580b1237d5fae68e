// The pages run webview/lib/vega.ts, which registers only some of Vega's transforms. Every
// chart shape the build compiled (dist/charts/*.js: every section's and the fit panel's
// charts at every width, language and theme kind) must parse with it alone to the same
// dataflow as with the whole of Vega, and every section's charts must draw the same SVG.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as vega from 'vega';
import { compileToVega } from '../../../src/cli/renderChart';
import { SECTIONS } from '../../../src/sections/index';
import { builtinTheme } from '../../../src/sections/theme';
import { resolveParams } from '../../../src/sections/types';
import { fillTokens, themeValues } from '../../../webview/lib/themeTokens';
import { bundled } from '../helpers/vegaBundle';

interface VegaLike {
  parse: typeof vega.parse;
  View: typeof vega.View;
}

const TABLES = join(__dirname, '..', '..', '..', 'dist', 'charts');

/** A module bundled on its own, patched as the page bundles are: its own copy of Vega's transform registry. */
function isolated(contents: string): Promise<VegaLike> {
  return bundled<VegaLike>(contents, true);
}

/** Every compiled shape of the build's tables, themed in the light theme's colours. */
function compiledShapes(): { key: string; spec: vega.Spec }[] {
  const files = readdirSync(TABLES).filter((f) => f.endsWith('.js'));
  assert.ok(files.length > 0, `no compiled chart tables in ${TABLES}: run npm run build first`);
  const sandbox: { __emergenceVegaSpecs?: Record<string, string> } = {};
  for (const f of files) new Function('globalThis', readFileSync(join(TABLES, f), 'utf8'))(sandbox);
  const theme = themeValues(builtinTheme('light'));
  return Object.entries(sandbox.__emergenceVegaSpecs ?? {}).map(([key, text]) => ({ key, spec: JSON.parse(fillTokens(text, theme)) as vega.Spec }));
}

describe("webview: the pages' Vega (webview/lib/vega.ts)", () => {
  it('parses every compiled chart shape to the same dataflow as the whole of Vega', async function () {
    this.timeout(180_000);
    const lean = await isolated("export { parse, View } from './webview/lib/vega';");
    const whole = await isolated("export { parse, View } from 'vega';");
    const shapes = compiledShapes();
    assert.ok(shapes.length >= 1000, `only ${shapes.length} compiled shapes`);
    for (const { key, spec } of shapes) {
      assert.equal(JSON.stringify(lean.parse(spec, undefined, { ast: true })), JSON.stringify(whole.parse(spec, undefined, { ast: true })), key);
    }
  });

  it('refuses a transform it leaves out (a spec that needs one fails to parse, it is not drawn wrong)', async () => {
    const lean = await isolated("export { parse, View } from './webview/lib/vega';");
    const spec = { data: [{ name: 'points', values: [{ x: 1, y: 2 }], transform: [{ type: 'voronoi', x: 'datum.x', y: 'datum.y' }] }] } as vega.Spec;
    assert.throws(() => lean.parse(spec, undefined, { ast: true }), /Unrecognized transform type: "voronoi"/);
    const withStack = { data: [{ name: 'points', values: [{ x: 1, y: 2 }], transform: [{ type: 'stack', field: 'y' }] }] } as vega.Spec;
    assert.doesNotThrow(() => lean.parse(withStack, undefined, { ast: true }));
  });

  it('draws the default charts of every section, with their data, as the whole of Vega does', async function () {
    this.timeout(180_000);
    const lean = await isolated("export { parse, View } from './webview/lib/vega';");
    const whole = await isolated("export { parse, View } from 'vega';");
    const svg = async (v: VegaLike, spec: vega.Spec): Promise<string> => {
      const view = new v.View(v.parse(spec, undefined, { ast: true }), { renderer: 'none' });
      try {
        return await view.toSVG();
      } finally {
        view.finalize();
      }
    };
    let charts = 0;
    for (const section of SECTIONS) {
      for (const chart of section.charts(resolveParams(section, undefined), { lang: 'en', theme: builtinTheme('dark'), width: 520 })) {
        const spec = compileToVega(chart.spec);
        assert.equal(await svg(lean, spec), await svg(whole, spec), `${section.id}/${chart.id}`);
        charts++;
      }
    }
    assert.ok(charts >= 20, `only ${charts} charts`);
  });
});
