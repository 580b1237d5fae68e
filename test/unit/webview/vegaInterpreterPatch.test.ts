// The build's patch of vega-interpreter (scripts/lib/vegaInterpreterPatch.mjs) must not
// change what any chart draws: the patched and the original interpreter, each bundled
// by esbuild as the build does, render every section's default charts to the same SVG.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import * as vega from 'vega';
import { compileToVega } from '../../../src/cli/renderChart';
import { SECTIONS } from '../../../src/sections/index';
import { resolveParams } from '../../../src/sections/types';
import { builtinTheme } from '../../../src/sections/theme';
import { patchVegaInterpreter, vegaInterpreterPatch } from '../../../scripts/lib/vegaInterpreterPatch.mjs';

interface Interpreter {
  parameter(ctx: { functions: object }, expr: { ast: object }): (datum: unknown, params: unknown) => unknown;
}

/** vega-interpreter bundled on its own (with or without the plugin) and loaded as CommonJS. */
async function bundledInterpreter(patched: boolean): Promise<Interpreter> {
  const result = await esbuild.build({
    stdin: { contents: "export { expressionInterpreter } from 'vega-interpreter';", resolveDir: process.cwd() },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: patched ? [vegaInterpreterPatch] : [],
  });
  const module = { exports: {} as { expressionInterpreter?: Interpreter } };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  assert.ok(module.exports.expressionInterpreter);
  return module.exports.expressionInterpreter;
}

/** Vega numbers clip paths and gradients with page-wide counters: renumbered in order of appearance. */
function canonicalIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\b(clip|gradient_|pattern_)(\d+)\b/g, (id, prefix: string) => {
    if (!seen.has(id)) seen.set(id, `${prefix}#${seen.size}`);
    return seen.get(id) as string;
  });
}

async function svgWith(expr: Interpreter, spec: vega.Spec): Promise<string> {
  // vega's typings declare no `expr` option; at run time it takes an interpreter.
  const options = { renderer: 'none', expr } as unknown as vega.ViewOptions;
  const view = new vega.View(vega.parse(spec, undefined, { ast: true }), options);
  try {
    return canonicalIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

describe('webview: the patched vega-interpreter', () => {
  it('refuses a vega-interpreter whose interpret() is not the one the patch was written for', () => {
    assert.throws(() => patchVegaInterpreter('function interpret (ast, fn) { return fn; }'), /vega-interpreter changed/);
    const source = readFileSync(require.resolve('vega-interpreter'), 'utf8');
    assert.match(patchVegaInterpreter(source), /eventlessFunctions\(fn\)/);
  });

  it('hands out one function table per table when there is no event, whose event functions fail as before', async () => {
    const patched = await bundledInterpreter(true);
    const original = await bundledInterpreter(false);
    const functions = {
      self(this: object): object {
        return this;
      },
    };
    const callSelf = { ast: { type: 'CallExpression', callee: { type: 'Identifier', name: 'self' }, arguments: [] } };
    const callItem = { ast: { type: 'CallExpression', callee: { type: 'Identifier', name: 'item' }, arguments: [] } };
    const run = (i: Interpreter, expr: { ast: object }): unknown => i.parameter({ functions }, expr)({}, {});
    assert.equal(run(patched, callSelf), run(patched, callSelf));
    assert.notEqual(run(original, callSelf), run(original, callSelf));
    const failure = (i: Interpreter): string => {
      try {
        run(i, callItem);
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    assert.match(failure(original), /TypeError.*vega/);
    assert.equal(failure(patched), failure(original));
  });

  it("draws every section's default charts exactly as the original does", async function () {
    this.timeout(120_000);
    const patched = await bundledInterpreter(true);
    const original = await bundledInterpreter(false);
    let charts = 0;
    for (const section of SECTIONS) {
      for (const chart of section.charts(resolveParams(section, undefined), { lang: 'en', theme: builtinTheme('light'), width: 520 })) {
        const spec = compileToVega(chart.spec);
        assert.equal(await svgWith(patched, spec), await svgWith(original, spec), `${section.id}/${chart.id}`);
        charts++;
      }
    }
    assert.ok(charts >= 20, `only ${charts} charts`);
  });
});
