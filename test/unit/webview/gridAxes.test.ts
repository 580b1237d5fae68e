// webview/lib/gridAxes.ts folds Vega-Lite's grid-only axes into the axes they duplicate.
// The claim is that nothing drawn changes: every section's default charts, in each
// theme kind, are drawn by Vega and rasterised by resvg with and without the fold. The
// only pixels allowed to differ are the antialiased ends of a grid line the fold hides
// under a domain line (where the two lines' half-covered end pixels used to blend): at
// most END_PIXELS per hidden line, by at most END_LEVELS. A grid line drawn over a
// domain line instead would change a whole row of pixels. The fold must also happen.
import * as assert from 'node:assert/strict';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { SECTIONS } from '../../../src/sections/index';
import { builtinTheme } from '../../../src/sections/theme';
import { resolveParams } from '../../../src/sections/types';
import { foldGridAxes } from '../../../webview/lib/gridAxes';

type Json = Record<string, unknown>;

const END_PIXELS = 4;
const END_LEVELS = 16;

/** Axes whose folded grid hides a line under an earlier domain (their grid encoder sets opacity). */
function hidingAxes(spec: Json): number {
  const own = ((spec.axes as Json[] | undefined) ?? []).filter((a) => JSON.stringify(a.encode ?? {}).includes('"opacity"')).length;
  return own + ((spec.marks as Json[] | undefined) ?? []).reduce((n, m) => n + hidingAxes(m), 0);
}

function axisCount(spec: Json): number {
  const marks = (spec.marks as Json[] | undefined) ?? [];
  return ((spec.axes as unknown[] | undefined)?.length ?? 0) + marks.reduce((n, m) => n + axisCount(m), 0);
}

async function pixels(spec: vega.Spec): Promise<{ width: number; height: number; rgba: Buffer }> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    const image = new Resvg(await view.toSVG(), { font: { loadSystemFonts: true }, logLevel: 'off' }).render();
    return { width: image.width, height: image.height, rgba: image.pixels };
  } finally {
    view.finalize();
  }
}

/** How many pixels differ, and by how much at most in any channel (0–255). */
function difference(a: Buffer, b: Buffer): { pixels: number; levels: number } {
  let pixels = 0;
  let levels = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a.readUInt32LE(i) === b.readUInt32LE(i)) continue;
    pixels++;
    for (let c = 0; c < 4; c++) levels = Math.max(levels, Math.abs(a[i + c] - b[i + c]));
  }
  return { pixels, levels };
}

/** A one-layer chart with both grids, in a config that can be varied. */
function gridChart(config: Json, layer: Json = {}): vega.Spec {
  const spec = {
    width: 200,
    height: 120,
    config: { view: { stroke: '#cccccc' }, axis: { domainColor: '#333333', gridColor: '#999999', gridOpacity: 0.8 }, ...config },
    data: { values: [0, 1, 2, 3, 4, 5].map((x) => ({ x, y: x * x })) },
    mark: 'point',
    encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    ...layer,
  } as TopLevelSpec;
  return compile(spec).spec;
}

describe('webview: grid axes folded into their axes (webview/lib/gridAxes.ts)', () => {
  it("draws every section's default charts as Vega-Lite's separate grid axes do, but for the ends of hidden lines", async function () {
    this.timeout(300_000);
    let charts = 0;
    let foldedAxes = 0;
    for (const kind of ['light', 'dark', 'high-contrast'] as const) {
      for (const section of SECTIONS) {
        for (const chart of section.charts(resolveParams(section, undefined), { lang: 'en', theme: builtinTheme(kind), width: 520 })) {
          const plain = compile(chart.spec).spec;
          const folded = foldGridAxes(structuredClone(plain));
          foldedAxes += axisCount(plain as Json) - axisCount(folded as Json);
          const [before, after] = await Promise.all([pixels(plain), pixels(folded)]);
          const where = `${kind} ${section.id}/${chart.id}`;
          assert.deepEqual([after.width, after.height], [before.width, before.height], where);
          const d = difference(before.rgba, after.rgba);
          assert.ok(
            d.pixels <= END_PIXELS * hidingAxes(folded as Json) && d.levels <= END_LEVELS,
            `${where}: ${d.pixels} pixels differ, by up to ${d.levels} levels`,
          );
          charts++;
        }
      }
    }
    assert.ok(charts >= 60, `only ${charts} charts`);
    // Most charts draw both grids: each fold removes one axis group.
    assert.ok(foldedAxes >= 2 * charts, `only ${foldedAxes} axes folded in ${charts} charts`);
  });

  it('hides only the grid line under an earlier axis domain, and draws a chart whose ticks reach both edges as before', async () => {
    const plain = gridChart({});
    const folded = foldGridAxes(structuredClone(plain)) as Json;
    assert.equal(axisCount(folded), axisCount(plain as Json) - 2);
    const [x, y] = folded.axes as Json[];
    assert.equal(x.grid, true);
    assert.equal(y.grid, true);
    // x comes first: nothing of it lies under an earlier domain; y's bottom line lies under x's domain.
    assert.equal((x.encode as Json | undefined)?.grid, undefined);
    assert.match(JSON.stringify(y.encode), /max\(range\(\\"y\\"\)\[0\], range\(\\"y\\"\)\[1\]\)/);
    const [before, after] = await Promise.all([pixels(plain), pixels(folded as vega.Spec)]);
    const d = difference(before.rgba, after.rgba);
    assert.ok(d.pixels <= END_PIXELS && d.levels <= END_LEVELS, `${d.pixels} pixels differ, by up to ${d.levels} levels`);
  });

  it('leaves the grid axis alone where a folded grid could show: a translucent, dashed, offset or thinner domain', () => {
    for (const axis of [{ domainOpacity: 0.5 }, { domainDash: [2, 2] }, { offset: 4 }, { domainWidth: 0.5 }]) {
      const plain = gridChart({ axis: { domainColor: '#333333', gridColor: '#999999', ...axis } });
      const folded = foldGridAxes(structuredClone(plain)) as Json;
      // The x grid has no earlier domain to meet and folds; the y grid would lie over x's domain.
      assert.equal(axisCount(folded), axisCount(plain as Json) - 1, JSON.stringify(axis));
      assert.ok(
        (folded.axes as Json[]).some((a) => a.scale === 'y' && a.labels === false && a.grid === true),
        JSON.stringify(axis),
      );
    }
  });

  it('folds nothing on a band scale, and nothing whose ticks differ from its axis', () => {
    const band = gridChart({}, { encoding: { x: { field: 'x', type: 'nominal', axis: { grid: true } }, y: { field: 'y', type: 'quantitative' } } });
    const foldedBand = foldGridAxes(structuredClone(band)) as Json;
    assert.ok((foldedBand.axes as Json[]).some((a) => a.scale === 'x' && a.labels === false && a.grid === true));
    const plain = gridChart({}) as Json;
    const gridX = (plain.axes as Json[]).find((a) => a.scale === 'x' && a.labels === false);
    assert.ok(gridX);
    gridX.tickCount = 3;
    const folded = foldGridAxes(plain as vega.Spec) as Json;
    assert.ok((folded.axes as Json[]).includes(gridX));
  });
});
