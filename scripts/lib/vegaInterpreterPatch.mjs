// An esbuild plugin that takes two allocations per expression evaluation out of
// vega-interpreter (the CSP-safe evaluator every page runs Vega through). Its interpret()
// gives each call a fresh Object.create(functions) and six fresh closures for the event
// functions (item(), group(), x() …), also when there is no event: that is every encoder
// of every item, every formula and filter of every row. In the first paint of a panel
// interpret() was the busiest Vega code, and its garbage the largest share of the
// collector's time (issue 11). Without an event the patched code hands out one cached
// table per function table, whose event functions fail exactly as before (reading
// `vega` of undefined); with an event nothing changes. No function Vega registers
// writes to `this`, so sharing the table is not observable; the unit test
// test/unit/webview/vegaInterpreterPatch.test.ts renders every section's charts with
// both and requires the same SVG. The build fails if the source no longer has the lines
// the patch replaces (a vega-interpreter upgrade must be looked at again).

const ORIGINAL = `  $.fn = Object.create(fn);
  $.params = params;
  $.datum = datum;
  $.event = event;
  $.item = item;

  // route event functions to annotated vega event context
  EventFunctions.forEach(f => $.fn[f] = (...args) => event.vega[f](...args));
  return $(ast);
}`;

const PATCHED = `  $.fn = event === undefined ? eventlessFunctions(fn) : Object.create(fn);
  $.params = params;
  $.datum = datum;
  $.event = event;
  $.item = item;

  // route event functions to annotated vega event context
  if (event !== undefined) EventFunctions.forEach(f => $.fn[f] = (...args) => event.vega[f](...args));
  return $(ast);
}
// Emergence Lens (scripts/lib/vegaInterpreterPatch.mjs): one table per function table when there is no event.
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

/** vega-interpreter's source with the patch applied; throws when the source is not the one the patch was written for. */
export function patchVegaInterpreter(source) {
  const at = source.indexOf(ORIGINAL);
  if (at < 0 || source.indexOf(ORIGINAL, at + 1) >= 0) {
    throw new Error('vega-interpreter changed: scripts/lib/vegaInterpreterPatch.mjs no longer matches its interpret()');
  }
  return source.slice(0, at) + PATCHED + source.slice(at + ORIGINAL.length);
}

/** The esbuild plugin: vega-interpreter's module, patched. */
export const vegaInterpreterPatch = {
  name: 'vega-interpreter-eventless-functions',
  setup(build) {
    build.onLoad({ filter: /[\\/]vega-interpreter[\\/]build[\\/]vega-interpreter\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: patchVegaInterpreter(await readFile(args.path, 'utf8')), loader: 'js' };
    });
  },
};
