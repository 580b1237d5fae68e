// The build's patches of Vega (scripts/lib/vegaPatches.mjs) must not change what any
// chart is or draws: the patched and the original modules, each bundled by esbuild as the
// build does, parse every section's default charts to the same runtime and render them
// to the same SVG.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compileToVega } from '../../../src/cli/renderChart';
import { SECTIONS } from '../../../src/sections/index';
import { resolveParams } from '../../../src/sections/types';
import { builtinTheme } from '../../../src/sections/theme';
import { patchVegaFunctions, patchVegaInterpreter, patchVegaScenegraph } from '../../../scripts/lib/vegaPatches.mjs';
import { bundled, canonicalIds } from '../helpers/vegaBundle';

interface Interpreter {
  parameter(ctx: { functions: object }, expr: { ast: object }): (datum: unknown, params: unknown) => unknown;
  handler(ctx: { functions: object }, expr: { ast: object }): (params: unknown, event: unknown) => unknown;
}

async function bundledInterpreter(patched: boolean): Promise<Interpreter> {
  const { expressionInterpreter } = await bundled<{ expressionInterpreter?: Interpreter }>(
    "export { expressionInterpreter } from 'vega-interpreter';",
    patched,
  );
  assert.ok(expressionInterpreter);
  return expressionInterpreter;
}

/** Vega and its interpreter from one bundle: both patched, or both as published. */
async function bundledVega(patched: boolean): Promise<{ vega: typeof vega; expr: Interpreter }> {
  return bundled("export * as vega from 'vega'; export { expressionInterpreter as expr } from 'vega-interpreter';", patched);
}

async function svgWith(engine: { vega: typeof vega; expr: Interpreter }, spec: vega.Spec): Promise<string> {
  // vega's typings declare no `expr` option; at run time it takes an interpreter.
  const options = { renderer: 'none', expr: engine.expr } as unknown as vega.ViewOptions;
  const view = new engine.vega.View(engine.vega.parse(spec, undefined, { ast: true }), options);
  try {
    return canonicalIds(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Every section's default charts in Vega, in both languages. */
function defaultSpecs(): { id: string; spec: vega.Spec }[] {
  const specs: { id: string; spec: vega.Spec }[] = [];
  for (const lang of ['en', 'zh'] as const) {
    for (const section of SECTIONS) {
      for (const chart of section.charts(resolveParams(section, undefined), { lang, theme: builtinTheme('light'), width: 520 })) {
        specs.push({ id: `${section.id}/${chart.id}/${lang}`, spec: compileToVega(chart.spec) });
      }
    }
  }
  return specs;
}

describe('webview: the patched Vega', () => {
  it('refuses a vega-interpreter whose interpret() is not the one the patch was written for', () => {
    assert.throws(() => patchVegaInterpreter('function interpret (ast, fn) { return fn; }'), /vega-interpreter's interpret\(\) changed/);
    const source = readFileSync(require.resolve('vega-interpreter'), 'utf8');
    assert.match(patchVegaInterpreter(source), /eventlessFunctions\(fn\)/);
    // A second copy of the replaced lines is refused too: the patch would not know which one to change.
    assert.throws(() => patchVegaInterpreter(source + source), /changed/);
  });

  it('refuses a vega-scenegraph whose symbol path is not the one the patch was written for', () => {
    assert.throws(() => patchVegaScenegraph('function symbol$1(context, item) { return item; }'), /vega-scenegraph's symbol path changed/);
    const source = readFileSync(require.resolve('vega-scenegraph'), 'utf8');
    assert.match(patchVegaScenegraph(source), /symbolPaths\.get\(key\)/);
    assert.throws(() => patchVegaScenegraph(source + source), /changed/);
  });

  it('refuses a vega-functions whose expression parser is not the one the patch was written for', () => {
    assert.throws(() => patchVegaFunctions('function parser (expr, scope) { return expr; }'), /vega-functions' expression parser changed/);
    const source = readFileSync(require.resolve('vega-functions'), 'utf8');
    const patched = patchVegaFunctions(source);
    assert.match(patched, /parsedExpressions\.get\(expr\)/);
    assert.match(patched, /parsed\.gen \?\?= codeGenerator\(ast\)/);
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

  it('evaluates every kind of expression node as the original interpreter: values, order of calls, failures', async () => {
    const patched = await bundledInterpreter(true);
    const original = await bundledInterpreter(false);
    const { vega: parser } = await bundledVega(false);
    // Hand-built trees for what the parser never makes but a tree could hold: a callee
    // without a name and a node of no known type, each inside a branch that is not taken
    // (must not fail) and alone (must fail, as the original fails, when evaluated).
    const literal = (value: unknown): object => ({ type: 'Literal', value });
    const nameless = { type: 'CallExpression', callee: null, arguments: [] };
    const unknown = { type: 'SpreadElement', argument: literal(1) };
    const untaken = (node: object): object => ({ type: 'ConditionalExpression', test: literal(false), consequent: node, alternate: literal('fine') });
    const trees: { label: string; ast: object }[] = [
      { label: 'nameless callee, untaken', ast: untaken(nameless) },
      { label: 'nameless callee', ast: nameless },
      { label: 'unknown node, untaken', ast: untaken(unknown) },
      { label: 'unknown node', ast: unknown },
      { label: 'unknown operator', ast: { type: 'BinaryExpression', operator: '**', left: literal(2), right: literal(3) } },
    ];
    const sources = [
      'datum.a + datum.b * 2 - datum.a / 4 % 3',
      'datum["a"] === 1 && datum.datum === "inner"',
      '{datum: 1, item: 2, "k": k}',
      '{datum: 1}.datum + [10, 20][1]',
      'PI * 2 + E',
      'NaN',
      'k + 1',
      'if(datum.a > 1, "big", "small")',
      'if(false, [1,,2], 3)',
      '[1,,2]',
      'if(1)',
      'datum.a > 5 && missing()',
      'datum.missing || "fallback"',
      '!datum.a + -datum.b + ~3 + +"4"',
      'datum.a ? log(1) : log(2)',
      'if(log(1), log(2), log(3))',
      'log(0) || log(1) && log(0) && log(3)',
      '[log(1), log(2)][0] + log(3)',
      '{a: log(1), b: log(2)}',
      'length([1, 2, 3]) + upper("ab")',
      // Calls of every arity the patch calls without an array, and one past them.
      'three(log(1), log(2), log(3))',
      'four(log(1), log(2), log(3), log(4))',
      'clamp(datum.a, 1, 2) + pad("x", 3)',
      // Keys and members known before evaluation: names, string and number literals; and a computed one.
      '{1: "one", "two": 2}[1] + {"a": 7}["a"] + datum[k > 4 ? "a" : "b"]',
      '{__proto__: 1, ok: 2}',
      '{ok: timer(), fine: 1}',
      'self() === self()',
      '_double(21)',
      'test(/a/g, "a") && test(/a/g, "a")',
      'datum.f.constructor',
      '{constructor: 1, ok: 2}',
      '{ok: datum.f.constructor}',
      'missing()',
      'item()',
      'datum.nothing.deeper',
    ];
    for (const source of sources) trees.push({ label: source, ast: parser.parseExpression(source) as object });
    const outcome = (interpreter: Interpreter, ast: object, event?: object): unknown => {
      const calls: unknown[] = [];
      const errors: unknown[] = [];
      const functions = {
        self(this: object): object {
          return this;
        },
        double: (x: number): number => 2 * x,
        three: (...xs: unknown[]): string => xs.join('|'),
        four: (...xs: unknown[]): string => xs.join('|'),
        // A method both interpreters refuse to hand out as a value.
        timer: (): unknown => setTimeout,
        log(x: unknown): unknown {
          calls.push(x);
          return x;
        },
      };
      const datum = { a: 3, b: 2, datum: 'inner', f: (): void => undefined };
      const quiet = console.error;
      console.error = (...args: unknown[]): void => void errors.push(args.join(' '));
      try {
        const value = event ? interpreter.handler({ functions }, { ast })({ $k: 5 }, event) : interpreter.parameter({ functions }, { ast })(datum, { $k: 5 });
        return { value, calls, errors };
      } catch (e) {
        // Messages that quote the evaluator's own variable names differ; the kind of failure must not.
        return { threw: (e as Error).name, calls, errors };
      } finally {
        console.error = quiet;
      }
    };
    for (const { label, ast } of trees) {
      for (let round = 0; round < 2; round++) assert.deepEqual(outcome(patched, ast), outcome(original, ast), `${label} (evaluation ${round + 1})`);
    }
    // With an event, the event functions reach the event's view context.
    const event = { type: 'click', item: { datum: { a: 7 } }, vega: { item: (): string => 'the item', x: (): number => 42 } };
    for (const source of ['item() + x() + datum.a', 'event.type']) {
      const ast = parser.parseExpression(source) as object;
      assert.deepEqual(outcome(patched, ast, event), outcome(original, ast, event), source);
    }
    assert.deepEqual(outcome(patched, parser.parseExpression('item() + x() + datum.a') as object, event), { value: 'the item427', calls: [], errors: [] });
  });

  it("parses every section's default charts, in both languages, to the same runtime as the original", async function () {
    this.timeout(120_000);
    const patched = await bundledVega(true);
    const original = await bundledVega(false);
    const specs = defaultSpecs();
    assert.ok(specs.length >= 40, `only ${specs.length} charts`);
    // One patched Vega parses them all in turn, as a page does: later charts hit what earlier ones kept.
    for (const { id, spec } of specs) {
      const runtime = (v: typeof vega): string => JSON.stringify(v.parse(spec, undefined, { ast: true }));
      assert.equal(runtime(patched.vega), runtime(original.vega), id);
    }
  });

  it('still refuses a malformed expression on every parse, not only the first', async () => {
    const { vega: patched } = await bundledVega(true);
    const spec = { signals: [{ name: 'broken', update: 'pow(2, ' }] } as vega.Spec;
    for (let i = 0; i < 2; i++) assert.throws(() => patched.parse(spec, undefined, { ast: true }), /Expression parse error: pow\(2, /);
  });

  it('keeps the scope-dependent part per parse: the same expression names the signals and scales of its own spec', async () => {
    const { vega: patched } = await bundledVega(true);
    const expr = "scale('x', k) + k";
    // The second spec declares other signals first, so its `k` is another operator of the dataflow.
    const withSignal = (name: string, value: number, before: number): vega.Spec =>
      ({
        signals: [...Array.from({ length: before }, (_, i) => ({ name: `pad${i}`, value: 100 + i })), { name: 'k', value }, { name, update: expr }],
        scales: [{ name: 'x', type: 'linear', domain: [0, 1], range: [0, 10] }],
      }) as vega.Spec;
    const views = [withSignal('a', 0.5, 0), withSignal('b', 0.25, 3)].map(
      (spec) => new patched.View(patched.parse(spec, undefined, { ast: true }), { renderer: 'none' }),
    );
    await Promise.all(views.map((v) => v.runAsync()));
    assert.equal(views[0].signal('a'), 5.5);
    assert.equal(views[1].signal('b'), 2.75);
    views.forEach((v) => v.finalize());
  });

  it("draws every section's default charts exactly as the original does", async function () {
    this.timeout(120_000);
    const patched = await bundledVega(true);
    const original = await bundledVega(false);
    const specs = defaultSpecs().filter(({ id }) => id.endsWith('/en'));
    for (const { id, spec } of specs) assert.equal(await svgWith(patched, spec), await svgWith(original, spec), id);
  });
});
