// Three esbuild source patches of Vega for the webview pages (issue 11). Each
// replaces exact lines of one module and throws when they are not there, so the build
// fails if an upgrade changed them (the patch must be looked at again).
// test/unit/webview/vegaPatches.test.ts requires every section's charts to parse to the
// same runtime and draw the same SVG with and without them.
//
// vega-interpreter (the CSP-safe evaluator every page runs Vega through): its interpret()
// walks an expression's syntax tree on every evaluation, looking up each node's visitor
// by its type, and gives each call a fresh `$` closure, a fresh Object.create(functions)
// and six fresh closures for the event functions (item(), group(), x() …), also when
// there is no event: that is every channel of every item's encoder, every formula and
// filter of every row. In the first paint of a panel it was the busiest Vega code, and
// its garbage the largest share of the collector's time. The patched interpret() turns
// each tree into closures the first time it sees it (no eval: closures over the same
// visitor rules; a call of up to three arguments needs no array for them, and a member
// or object key that is a name or a literal is read without a closure), and without
// an event hands out one cached table per function table (an encoder and a formula find
// their closures and table once, and an encoder's channels share one context),
// whose event functions fail exactly as before (reading `vega` of undefined); with an
// event nothing changes. No function Vega registers writes to `this`, so sharing the
// table is not observable.
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

const INTERPRETER_ORIGINAL = `function interpret (ast, fn, params, datum, event, item) {
  const $ = n => Visitors[n.type]($, n);
  $.memberDepth = 0;
  $.fn = Object.create(fn);
  $.params = params;
  $.datum = datum;
  $.event = event;
  $.item = item;

  // route event functions to annotated vega event context
  EventFunctions.forEach(f => $.fn[f] = (...args) => event.vega[f](...args));
  return $(ast);
}`;

// The same rules as Visitors above, node for node, decided once per node instead of on
// every evaluation. memberDepth, which Visitors count at run time, is known from where a
// node sits: a non-computed member's property and an object's key are read as names.
// Building a closure never throws: what Visitors would fail on fails when it is evaluated,
// so an expression fails exactly where and when it failed before.
const INTERPRETER_PATCHED = `// Emergence Lens (scripts/lib/vegaPatches.mjs): each expression turned into closures once.
const compiledExpressions = new WeakMap();
function compiledExpression(ast) {
  let code = compiledExpressions.get(ast);
  if (code === undefined) {
    code = compileNode(ast, 0);
    compiledExpressions.set(ast, code);
  }
  return code;
}
function interpret (ast, fn, params, datum, event, item) {
  return compiledExpression(ast)({ fn: event === undefined ? eventlessFunctions(fn) : eventFunctions(fn, event), params, datum, event, item });
}
function eventFunctions(fn, event) {
  const table = Object.create(fn);
  // route event functions to annotated vega event context
  EventFunctions.forEach(f => table[f] = (...args) => event.vega[f](...args));
  return table;
}
// One table per function table when there is no event: its event functions fail as before.
const eventlessTables = new WeakMap();
function eventlessFunctions(fn) {
  let table = eventlessTables.get(fn);
  if (table === undefined) {
    table = eventFunctions(fn, undefined);
    eventlessTables.set(fn, table);
  }
  return table;
}
function compileNode(n, depth) {
  try {
    return compileChecked(n, depth);
  } catch (error) {
    return () => { throw error; };
  }
}
function evaluateAll(codes, c) {
  const values = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) values[i] = codes[i](c);
  return values;
}
// A key read as a name or a literal that is not a regular expression: the value its closure would
// always return, boxed (undefined: not known before evaluation).
function propertyConstant(key) {
  if (!key) return undefined;
  if (key.type === 'Identifier') return { key: key.name };
  if (key.type === 'Literal' && !key.regex) return { key: key.value };
  return undefined;
}
function memberConstant(n) {
  if (!n.property) return undefined;
  if (!n.computed) return propertyConstant(n.property);
  return n.property.type === 'Literal' ? propertyConstant(n.property) : undefined;
}
function compileChecked(n, depth) {
  switch (n.type) {
    case 'Literal': {
      if (n.regex && n.value && (n.value.global || n.value.sticky)) {
        const { pattern, flags } = n.regex;
        return () => new RegExp(pattern, flags);
      }
      const value = n.value;
      return () => value;
    }
    case 'Identifier': {
      const id = n.name;
      if (depth > 0) return () => id;
      if (id === 'datum') return c => c.datum;
      if (id === 'event') return c => c.event;
      if (id === 'item') return c => c.item;
      const constant = Constants[id];
      if (constant) return () => constant;
      const key = '$' + id;
      return c => c.params[key];
    }
    case 'MemberExpression': {
      const object = compileNode(n.object, depth);
      // A name (datum.x) or a literal key (datum["x"], list[1]) is known here: no closure call for it.
      const constant = memberConstant(n);
      if (constant !== undefined) {
        const p = constant.key;
        return c => {
          const o = object(c);
          if (DisallowedMethods.has(o[p])) {
            // eslint-disable-next-line no-console
            console.error(\`Prevented interpretation of member "\${p}" which could lead to insecure code execution\`);
            return;
          }
          return o[p];
        };
      }
      const property = compileNode(n.property, n.computed ? depth : depth + 1);
      return c => {
        const o = object(c),
          p = property(c);
        if (DisallowedMethods.has(o[p])) {
          // eslint-disable-next-line no-console
          console.error(\`Prevented interpretation of member "\${p}" which could lead to insecure code execution\`);
          return;
        }
        return o[p];
      };
    }
    case 'CallExpression': {
      let name = n.callee.name;
      if (name.startsWith('_')) {
        name = name.slice(1);
      }
      const args = n.arguments.map(a => compileNode(a, depth));
      if (name === 'if') {
        const [test, consequent, alternate] = [0, 1, 2].map(i => args[i] ?? compileNode(n.arguments[i], depth));
        return c => test(c) ? consequent(c) : alternate(c);
      }
      // Up to three arguments, called without an array for them (every scale() of every encoder).
      const [a0, a1, a2] = args;
      switch (args.length) {
        case 0:
          return c => (c.fn[name] || Functions[name]).call(c.fn);
        case 1:
          return c => (c.fn[name] || Functions[name]).call(c.fn, a0(c));
        case 2:
          return c => (c.fn[name] || Functions[name]).call(c.fn, a0(c), a1(c));
        case 3:
          return c => (c.fn[name] || Functions[name]).call(c.fn, a0(c), a1(c), a2(c));
        default:
          return c => (c.fn[name] || Functions[name]).apply(c.fn, evaluateAll(args, c));
      }
    }
    case 'ArrayExpression': {
      const elements = n.elements.map(e => compileNode(e, depth));
      return c => evaluateAll(elements, c);
    }
    case 'BinaryExpression': {
      const op = Ops[n.operator],
        left = compileNode(n.left, depth),
        right = compileNode(n.right, depth);
      return c => op(left(c), right(c));
    }
    case 'UnaryExpression': {
      const op = Unary[n.operator],
        argument = compileNode(n.argument, depth);
      return c => op(argument(c));
    }
    case 'ConditionalExpression': {
      const test = compileNode(n.test, depth),
        consequent = compileNode(n.consequent, depth),
        alternate = compileNode(n.alternate, depth);
      return c => test(c) ? consequent(c) : alternate(c);
    }
    case 'LogicalExpression': {
      const left = compileNode(n.left, depth),
        right = compileNode(n.right, depth);
      return n.operator === '&&' ? c => left(c) && right(c) : c => left(c) || right(c);
    }
    case 'ObjectExpression': {
      // Keys that are names or literals, none of them refused, are known here (a tooltip's
      // object for every item): only the values are compiled and evaluated, in order, and checked.
      const keys = n.properties.map(p => propertyConstant(p.key));
      if (keys.every(k => k !== undefined && !DisallowedObjectProperties.has(k.key))) {
        const names = keys.map(k => k.key);
        const values = n.properties.map(p => compileNode(p.value, depth));
        return c => {
          const o = {};
          for (let i = 0; i < values.length; i++) {
            const k = names[i],
              v = values[i](c);
            if (DisallowedMethods.has(v)) {
              // eslint-disable-next-line no-console
              console.error(\`Prevented interpretation of method "\${k}" which could lead to insecure code execution\`);
            } else {
              o[k] = v;
            }
          }
          return o;
        };
      }
      const properties = n.properties.map(p => [compileNode(p.key, depth + 1), compileNode(p.value, depth)]);
      return c => {
        const o = {};
        for (const [key, value] of properties) {
          const k = key(c),
            v = value(c);
          if (DisallowedObjectProperties.has(k)) {
            // eslint-disable-next-line no-console
            console.error(\`Prevented interpretation of property "\${k}" which could lead to insecure code execution\`);
          } else if (DisallowedMethods.has(v)) {
            // eslint-disable-next-line no-console
            console.error(\`Prevented interpretation of method "\${k}" which could lead to insecure code execution\`);
          } else {
            o[k] = v;
          }
        }
        return o;
      };
    }
    default:
      return () => Visitors[n.type]();
  }
}`;

// The two callers that evaluate per datum and per item (a formula or filter, an encoder)
// look their expressions' closures and their function table up once, not per call, and
// an encoder gives all the channels of an item one context.
const PARAMETER_ORIGINAL = `  parameter(ctx, expr) {
    const ast = expr.ast,
      fn = ctx.functions;
    return (datum, _) => interpret(ast, fn, _, datum);
  },`;
const PARAMETER_PATCHED = `  parameter(ctx, expr) {
    const ast = expr.ast,
      fn = ctx.functions;
    let code, table;
    return (datum, _) => {
      code ??= compiledExpression(ast);
      table ??= eventlessFunctions(fn);
      return code({ fn: table, params: _, datum, event: undefined, item: undefined });
    };
  },`;
const ENCODE_ORIGINAL = `    return (item, _) => {
      const datum = item.datum;
      let m = 0,
        v;
      for (const name in channels) {
        v = interpret(channels[name].ast, fn, _, datum, undefined, item);
        if (item[name] !== v) {
          item[name] = v;
          m = 1;
        }
      }`;
const ENCODE_PATCHED = `    let names, codes, table;
    return (item, _) => {
      if (names === undefined) {
        names = [];
        codes = [];
        for (const name in channels) {
          names.push(name);
          codes.push(compiledExpression(channels[name].ast));
        }
        table = eventlessFunctions(fn);
      }
      const c = { fn: table, params: _, datum: item.datum, event: undefined, item };
      let m = 0,
        v;
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        v = codes[i](c);
        if (item[name] !== v) {
          item[name] = v;
          m = 1;
        }
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

// vega-scenegraph: the SVG renderer asks for every symbol's path on every update of the
// item (a scatter's thousand points, each parameter change), and the path depends on the
// symbol's shape and size alone. The patched symbol path keeps the string per shape and
// size (bounded); drawing on a canvas, or an unusual shape or size, goes as before.
const SCENEGRAPH_SYMBOL_ORIGINAL = `function symbol$1(context, item) {
  return symbolShape.context(context)(item);
}`;
const SCENEGRAPH_SYMBOL_PATCHED = `// Emergence Lens (scripts/lib/vegaPatches.mjs): an SVG symbol's path, once per shape and size.
const symbolPaths = new Map();
const MAX_SYMBOL_PATHS = 1024;
function symbol$1(context, item) {
  const shape = item.shape || 'circle',
    size = value$1(item.size, 64);
  if (context != null || typeof shape !== 'string' || typeof size !== 'number') return symbolShape.context(context)(item);
  const key = shape + '|' + size;
  let path = symbolPaths.get(key);
  if (path === undefined) {
    path = symbolShape.context(null)(item);
    if (symbolPaths.size >= MAX_SYMBOL_PATHS) symbolPaths.clear();
    symbolPaths.set(key, path);
  }
  return path;
}`;

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
  return replaceExactlyOnce(
    source,
    [
      [INTERPRETER_ORIGINAL, INTERPRETER_PATCHED],
      [PARAMETER_ORIGINAL, PARAMETER_PATCHED],
      [ENCODE_ORIGINAL, ENCODE_PATCHED],
    ],
    "vega-interpreter's interpret()",
  );
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

/** vega-scenegraph's source with the symbol path memo; throws when the source is not the one the patch was written for. */
export function patchVegaScenegraph(source) {
  return replaceExactlyOnce(source, [[SCENEGRAPH_SYMBOL_ORIGINAL, SCENEGRAPH_SYMBOL_PATCHED]], "vega-scenegraph's symbol path");
}

const PATCHES = [
  { filter: /[\\/]vega-scenegraph[\\/]build[\\/]vega-scenegraph\.js$/, patch: patchVegaScenegraph },
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
