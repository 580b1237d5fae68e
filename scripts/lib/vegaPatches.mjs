// Two esbuild source patches of Vega for the webview pages' first paint (issue 11). Each
// replaces exact lines of one module and throws when they are not there, so the build
// fails if an upgrade changed them (the patch must be looked at again).
// test/unit/webview/vegaPatches.test.ts requires every section's charts to parse to the
// same runtime and draw the same SVG with and without them.
//
// vega-interpreter (the CSP-safe evaluator every page runs Vega through): its interpret()
// gives each call a fresh Object.create(functions) and six fresh closures for the event
// functions (item(), group(), x() …), also when there is no event: that is every encoder
// of every item, every formula and filter of every row. In the first paint of a panel
// interpret() was the busiest Vega code, and its garbage the largest share of the
// collector's time. Without an event the patched code hands out one cached table per
// function table, whose event functions fail exactly as before (reading `vega` of
// undefined); with an event nothing changes. No function Vega registers writes to
// `this`, so sharing the table is not observable.
//
// vega-functions: vega.parse() lexes, parses and generates code for every expression
// string of a spec, and a Vega-Lite chart repeats the same ones (mirage's six-panel
// chart: 1,203 expressions, 184 distinct; every axis carries the same anchor, font and
// tick-list expressions). The patched parser keeps the AST and the generated code of
// each distinct string, which depend on the string alone (the code generator reads no
// scope); what depends on the scope (function-call visitors registering scale and data
// references, signal dependencies) is still done on every call. Neither the runtime nor
// the interpreter writes to an AST. Failed parses are not kept: they throw as before.
// The memo is bounded.

const INTERPRETER_ORIGINAL = `  $.fn = Object.create(fn);
  $.params = params;
  $.datum = datum;
  $.event = event;
  $.item = item;

  // route event functions to annotated vega event context
  EventFunctions.forEach(f => $.fn[f] = (...args) => event.vega[f](...args));
  return $(ast);
}`;

const INTERPRETER_PATCHED = `  $.fn = event === undefined ? eventlessFunctions(fn) : Object.create(fn);
  $.params = params;
  $.datum = datum;
  $.event = event;
  $.item = item;

  // route event functions to annotated vega event context
  if (event !== undefined) EventFunctions.forEach(f => $.fn[f] = (...args) => event.vega[f](...args));
  return $(ast);
}
// Emergence Lens (scripts/lib/vegaPatches.mjs): one table per function table when there is no event.
const eventlessTables = new WeakMap();
function eventlessFunctions(fn) {
  let table = eventlessTables.get(fn);
  if (table === undefined) {
    const event = undefined;
    table = Object.create(fn);
    EventFunctions.forEach(f => table[f] = (...args) => event.vega[f](...args));
    eventlessTables.set(fn, table);
  }
  return table;
}`;

const FUNCTIONS_ORIGINAL = `function parser (expr, scope) {
  const params = {};

  // parse the expression to an abstract syntax tree (ast)
  let ast;
  try {
    expr = isString(expr) ? expr : stringValue(expr) + '';
    ast = parseExpression(expr);
  } catch (err) {
    error('Expression parse error: ' + expr);
  }
`;

const FUNCTIONS_PATCHED = `// Emergence Lens (scripts/lib/vegaPatches.mjs): each distinct expression parsed once.
const parsedExpressions = new Map();
const MAX_PARSED_EXPRESSIONS = 4096;
function parser (expr, scope) {
  const params = {};

  // parse the expression to an abstract syntax tree (ast)
  let ast;
  expr = isString(expr) ? expr : stringValue(expr) + '';
  let parsed = parsedExpressions.get(expr);
  if (parsed === undefined) {
    try {
      ast = parseExpression(expr);
    } catch (err) {
      error('Expression parse error: ' + expr);
    }
    if (parsedExpressions.size >= MAX_PARSED_EXPRESSIONS) parsedExpressions.clear();
    parsed = { ast, gen: undefined };
    parsedExpressions.set(expr, parsed);
  } else {
    ast = parsed.ast;
  }
`;

const FUNCTIONS_GEN_ORIGINAL = `  const gen = codeGenerator(ast);
`;
const FUNCTIONS_GEN_PATCHED = `  const gen = (parsed.gen ??= codeGenerator(ast));
`;

/** The source with each [original, patched] pair replaced; throws unless each original occurs exactly once. */
function replaceExactlyOnce(source, pairs, what) {
  let out = source;
  for (const [original, patched] of pairs) {
    const at = out.indexOf(original);
    if (at < 0 || out.indexOf(original, at + 1) >= 0) {
      throw new Error(`${what} changed: scripts/lib/vegaPatches.mjs no longer matches it`);
    }
    out = out.slice(0, at) + patched + out.slice(at + original.length);
  }
  return out;
}

/** vega-interpreter's source with the patch applied; throws when the source is not the one the patch was written for. */
export function patchVegaInterpreter(source) {
  return replaceExactlyOnce(source, [[INTERPRETER_ORIGINAL, INTERPRETER_PATCHED]], "vega-interpreter's interpret()");
}

/** vega-functions' source with the expression memo; throws when the source is not the one the patch was written for. */
export function patchVegaFunctions(source) {
  return replaceExactlyOnce(
    source,
    [
      [FUNCTIONS_ORIGINAL, FUNCTIONS_PATCHED],
      [FUNCTIONS_GEN_ORIGINAL, FUNCTIONS_GEN_PATCHED],
    ],
    "vega-functions' expression parser",
  );
}

const PATCHES = [
  { filter: /[\\/]vega-interpreter[\\/]build[\\/]vega-interpreter\.js$/, patch: patchVegaInterpreter },
  { filter: /[\\/]vega-functions[\\/]build[\\/]vega-functions\.js$/, patch: patchVegaFunctions },
];

/** The esbuild plugin: vega-interpreter's and vega-functions' modules, patched. */
export const vegaPatches = {
  name: 'emergence-vega-patches',
  setup(build) {
    for (const { filter, patch } of PATCHES) {
      build.onLoad({ filter }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        return { contents: patch(await readFile(args.path, 'utf8')), loader: 'js' };
      });
    }
  },
};
