// A parameter change reaches a live view as the change of its datasets (webview/lib/viewData.ts):
// modified rows, inserted or removed tails. Whatever the section and the parameter, the view
// must then draw exactly what a view whose changed datasets are replaced whole draws, change
// after change and back to the defaults. (Not what a fresh view draws: a view updated in
// place by Vega orders some guide items by their history and pads by bounds it kept, with
// either way of changing data; the browser tests check what an updated chart shows.)
import * as assert from 'node:assert/strict';
import type * as vega from 'vega';
import { SECTIONS } from '../../../src/sections/index';
import { builtinTheme } from '../../../src/sections/theme';
import { resolveParams, type NumberParam, type ParamValues, type Section } from '../../../src/sections/types';
import { compileShape } from '../../../webview/lib/compileShape';
import { prepareChart, type PreparedChart } from '../../../webview/lib/prepare';
import { fillTokens, themeValues, tokenTheme } from '../../../webview/lib/themeTokens';
import { changeChart, changeRows, loadChart, plainDatasets, type Row } from '../../../webview/lib/viewData';
import { bundled, canonicalIds } from '../helpers/vegaBundle';

interface PageVega {
  parse: typeof vega.parse;
  View: typeof vega.View;
  expr: unknown;
}

/** The pages' Vega (webview/lib/vega.ts and the interpreter), bundled and patched as the build does. */
function pageVega(): Promise<PageVega> {
  return bundled<PageVega>("export { parse, View } from './webview/lib/vega'; export { expressionInterpreter as expr } from 'vega-interpreter';", true);
}

interface SvgNode {
  open: string;
  children: (SvgNode | string)[];
  close: string;
}

/**
 * The SVG with the items of each mark in a canonical order. Vega keeps a live mark's
 * items in the order they entered: a row a filter lets through again is drawn last after
 * a row-by-row change and in data order after a replacement. What each item is and where
 * it is drawn must be the same; the order in which the items of one mark are drawn (which
 * of two overlapping points is on top) may differ.
 */
function canonicalMarks(svg: string): string {
  const root: SvgNode = { open: '', children: [], close: '' };
  const stack = [root];
  for (const token of svg.match(/<[^>]*>|[^<]+/g) ?? []) {
    const top = stack[stack.length - 1];
    if (token.startsWith('</')) {
      top.close = token;
      stack.pop();
    } else if (token.startsWith('<') && !token.endsWith('/>')) {
      const node: SvgNode = { open: token, children: [], close: '' };
      top.children.push(node);
      stack.push(node);
    } else top.children.push(token);
  }
  const serialize = (node: SvgNode | string): string => {
    if (typeof node === 'string') return node;
    const children = node.children.map(serialize);
    if (/^<g class="mark-(?!group)/.test(node.open)) children.sort();
    return node.open + children.join('') + node.close;
  };
  return serialize(root);
}

const THEME = themeValues(builtinTheme('light'));
const WIDTH = 640;

function prepared(section: Section, params: ParamValues): PreparedChart[] {
  return section.charts(params, { lang: 'en', theme: tokenTheme('light'), width: WIDTH }).map((chart) => prepareChart(chart, { width: WIDTH }));
}

/** Values a browser user could set: inside the range, different from the default and from each other. */
function valuesOf(p: NumberParam): number[] {
  const fractions = [0.15, 0.85, 0.5];
  return fractions
    .map((f) => (p.scale === 'log' ? 10 ** (Math.log10(p.min) + f * (Math.log10(p.max) - Math.log10(p.min))) : p.min + f * (p.max - p.min)))
    .map((v) => (p.scale !== 'log' && p.step > 0 ? Math.round(v / p.step) * p.step : Number(v.toPrecision(4))))
    .filter((v, i, all) => v !== p.default && all.indexOf(v) === i);
}

describe('webview: a parameter change as the change of a view’s data (viewData)', () => {
  let engine: PageVega;
  const runtimes = new Map<string, { runtime: vega.Runtime; plain: Set<string> }>();
  before(async () => {
    engine = await pageVega();
  });

  function parsed(chart: PreparedChart): { runtime: vega.Runtime; plain: Set<string> } {
    let shape = runtimes.get(chart.hoisted.shape);
    if (!shape) {
      const text = JSON.stringify(compileShape(chart.hoisted.shape, Object.keys(chart.hoisted.datasets)));
      const spec = JSON.parse(fillTokens(text, THEME)) as vega.Spec;
      shape = { runtime: engine.parse(spec, undefined, { ast: true }), plain: plainDatasets(spec) };
      runtimes.set(chart.hoisted.shape, shape);
    }
    return shape;
  }

  function newView(chart: PreparedChart): vega.View {
    // vega's typings declare no `expr` option; at run time it takes an interpreter.
    const view = new engine.View(parsed(chart).runtime, { renderer: 'none', expr: engine.expr } as unknown as vega.ViewOptions);
    loadChart(view, chart, THEME);
    return view;
  }

  /** The same change with every changed dataset replaced whole (what a page did before row-by-row changes). */
  function replaceChart(view: vega.View, before: PreparedChart, next: PreparedChart): boolean {
    let changed = false;
    for (const [name, rows] of Object.entries(next.hoisted.datasets)) {
      const json = JSON.stringify(rows);
      if (json === JSON.stringify(before.hoisted.datasets[name])) continue;
      view.data(name, JSON.parse(fillTokens(json, THEME)) as object[]);
      changed = true;
    }
    for (const [name, value] of Object.entries(next.hoisted.signals)) {
      if (JSON.stringify(value) === JSON.stringify(before.hoisted.signals[name])) continue;
      view.signal(name, JSON.parse(fillTokens(JSON.stringify(value), THEME)) as unknown);
      changed = true;
    }
    return changed;
  }

  it('draws, after changes of every numeric parameter of every section, what the same changes with replaced datasets draw', async function () {
    this.timeout(300_000);
    let changedRows = 0;
    let compared = 0;
    for (const section of SECTIONS) {
      const defaults = resolveParams(section, undefined);
      let current = prepared(section, defaults);
      // Two views of each chart, given the same changes: row by row, and by replacing datasets.
      const byRows = current.map((c) => newView(c));
      const byReplacing = current.map((c) => newView(c));
      try {
        await Promise.all([...byRows, ...byReplacing].map((v) => v.runAsync()));
        for (const p of section.params.filter((q): q is NumberParam => q.kind === 'number')) {
          for (const value of [...valuesOf(p), p.default]) {
            const next = prepared(section, { ...defaults, [p.name]: value });
            assert.equal(next.length, current.length, `${section.id} ${p.name}=${value}: the number of charts changed`);
            for (let i = 0; i < next.length; i++) {
              const label = `${section.id}/${next[i].chart.id} ${p.name}=${value}`;
              if (next[i].hoisted.shape !== current[i].hoisted.shape) {
                // A new shape rebuilds the view in the page: so it does here.
                for (const views of [byRows, byReplacing]) {
                  views[i].finalize();
                  views[i] = newView(next[i]);
                  await views[i].runAsync();
                }
                continue;
              }
              const change = changeChart(byRows[i], current[i], next[i], THEME, parsed(next[i]).plain);
              assert.equal(replaceChart(byReplacing[i], current[i], next[i]), change.changed, label);
              changedRows += change.changedRows;
              if (!change.changed) continue;
              assert.equal(canonicalMarks(canonicalIds(await byRows[i].toSVG())), canonicalMarks(canonicalIds(await byReplacing[i].toSVG())), label);
              compared++;
            }
            current = next;
          }
        }
      } finally {
        [...byRows, ...byReplacing].forEach((v) => v.finalize());
      }
    }
    assert.ok(compared >= 150, `only ${compared} changes compared`);
    // Most changes must take the row-by-row path: a test that always replaced would prove nothing about it.
    assert.ok(changedRows >= compared / 2, `${changedRows} datasets changed row by row in ${compared} changes`);
  });

  it('changes row by row only datasets of inline rows with no transform of their own', async () => {
    const spec = {
      data: [
        { name: 'plain', values: [] },
        { name: 'sorted', values: [], transform: [{ type: 'collect', sort: { field: 'x' } }] },
        { name: 'derived', source: 'plain', transform: [{ type: 'filter', expr: 'datum.x > 1' }] },
      ],
    } as unknown as vega.Spec;
    const plain = plainDatasets(spec);
    assert.deepEqual([...plain], ['plain']);
    // A sorted dataset holds its rows in another order than given: a change replaces it, and the view shows the new rows.
    const view = new engine.View(engine.parse(spec, undefined, { ast: true }), { renderer: 'none', expr: engine.expr } as unknown as vega.ViewOptions);
    const chart = (rows: Row[]): PreparedChart => ({ hoisted: { datasets: { sorted: rows }, signals: {} } }) as unknown as PreparedChart;
    const first = chart([
      { x: 2, k: 'a' },
      { x: 1, k: 'b' },
    ]);
    loadChart(view, first, THEME);
    await view.runAsync();
    // Only the first given row changes; the view holds it second.
    const change = changeChart(
      view,
      first,
      chart([
        { x: 2, k: 'c' },
        { x: 1, k: 'b' },
      ]),
      THEME,
      plain,
    );
    await view.runAsync();
    assert.deepEqual({ ...change }, { changed: true, changedRows: 0, replaced: 1, unchanged: [] });
    assert.deepEqual(
      (view.data('sorted') as Row[]).map((r) => [r.x, r.k]),
      [
        [1, 'b'],
        [2, 'c'],
      ],
    );
    view.finalize();
  });

  it("gives a view copies in the theme's colours: the prepared rows stay as the section wrote them, and a change is told from them", async () => {
    const spec = {
      data: [
        { name: 'plain', values: [] },
        { name: 'other', values: [] },
      ],
    } as unknown as vega.Spec;
    const view = new engine.View(engine.parse(spec, undefined, { ast: true }), { renderer: 'none', expr: engine.expr } as unknown as vega.ViewOptions);
    const chart = (plainRows: Row[], otherRows: Row[]): PreparedChart =>
      ({ hoisted: { datasets: { plain: plainRows, other: otherRows }, signals: {} } }) as unknown as PreparedChart;
    const colour = tokenTheme('light').accent;
    const first = chart(
      [
        { x: 1, colour },
        { x: 2, colour },
      ],
      [{ k: 'a' }],
    );
    loadChart(view, first, THEME);
    await view.runAsync();
    const held = view.data('plain') as Row[];
    assert.deepEqual(
      held.map((r) => [r.x, r.colour]),
      [
        [1, THEME.colours.get(colour)],
        [2, THEME.colours.get(colour)],
      ],
    );
    assert.notEqual(held[0], first.hoisted.datasets.plain[0]);
    // Strict: not even Vega's tuple id (a symbol) was written onto the prepared rows.
    assert.deepStrictEqual(first.hoisted.datasets.plain, [
      { x: 1, colour },
      { x: 2, colour },
    ]);
    // The same plain rows in new objects and another 'other': plain is left alone, other changed row by row.
    const second = chart(
      [
        { x: 1, colour },
        { x: 2, colour },
      ],
      [{ k: 'b' }],
    );
    const change = changeChart(view, first, second, THEME, plainDatasets(spec));
    assert.deepEqual({ ...change }, { changed: true, changedRows: 1, replaced: 0, unchanged: ['plain'] });
    await view.runAsync();
    assert.equal(view.data('plain'), held);
    assert.deepEqual(
      (view.data('other') as Row[]).map((r) => r.k),
      ['b'],
    );
    view.finalize();
  });

  it('modifies rows in place, inserts and removes tails, and leaves the view alone when the rows are not such a change', async () => {
    const spec = {
      data: [{ name: 'points', values: [] }],
      signals: [{ name: 'total', update: "data('points').length" }],
    } as unknown as vega.Spec;
    const view = new engine.View(engine.parse(spec, undefined, { ast: true }), { renderer: 'none', expr: engine.expr } as unknown as vega.ViewOptions);
    const given: Row[] = [
      { x: 1, y: 'a' },
      { x: 2, y: 'b' },
      { x: 3, y: 'c' },
    ];
    view.data('points', given);
    await view.runAsync();
    const held = view.data('points') as Row[];
    const firstTuple = held[0];
    // Same fields, one value differs, a row more: the first tuple is the same object, modified.
    const longer: Row[] = [
      { x: 10, y: 'a' },
      { x: 2, y: 'b' },
      { x: 3, y: 'c' },
      { x: 4, y: 'd' },
    ];
    assert.equal(changeRows(view, 'points', JSON.parse(JSON.stringify(given)) as Row[], longer, THEME), 'changed');
    await view.runAsync();
    assert.equal(view.signal('total'), 4);
    assert.equal((view.data('points') as Row[])[0], firstTuple);
    assert.deepEqual(
      (view.data('points') as Row[]).map((r) => [r.x, r.y]),
      [
        [10, 'a'],
        [2, 'b'],
        [3, 'c'],
        [4, 'd'],
      ],
    );
    // Two rows fewer: the tail goes, the order stays.
    const shorter: Row[] = [
      { x: 10, y: 'z' },
      { x: 2, y: 'b' },
    ];
    assert.equal(changeRows(view, 'points', longer, shorter, THEME), 'changed');
    await view.runAsync();
    assert.deepEqual(
      (view.data('points') as Row[]).map((r) => [r.x, r.y]),
      [
        [10, 'z'],
        [2, 'b'],
      ],
    );
    // A row with other fields, or a previous list the view does not hold: refused, nothing changed.
    assert.equal(
      changeRows(
        view,
        'points',
        shorter,
        [
          { x: 10, w: 'z' },
          { x: 2, y: 'b' },
        ],
        THEME,
      ),
      false,
    );
    assert.equal(changeRows(view, 'points', longer, shorter, THEME), false);
    // The same values in other objects: nothing to hand over, the view is left alone.
    assert.equal(changeRows(view, 'points', shorter, JSON.parse(JSON.stringify(shorter)) as Row[], THEME), 'unchanged');
    await view.runAsync();
    assert.deepEqual(
      (view.data('points') as Row[]).map((r) => [r.x, r.y]),
      [
        [10, 'z'],
        [2, 'b'],
      ],
    );
    view.finalize();
  });
});
