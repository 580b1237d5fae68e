// Log axes tick at the powers of ten (decadeAxis in chartKit): each drawn tick is a
// distinct decade inside its scale's domain — never a stack of clamped ticks at one end
// (a clamping scale keeps every value, since each clamps into range).
import * as assert from 'node:assert/strict';
import { decadeAxis, decadesWithin } from '../../../src/sections/chartKit';
import { SECTIONS } from '../../../src/sections/index';
import { builtinTheme } from '../../../src/sections/theme';
import { resolveParams } from '../../../src/sections/types';
import { renderClean } from '../helpers/render';

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: SceneNode[];
  datum?: { value?: unknown };
  x?: number;
  y?: number;
}

/** Per axis: the tick values its labels were drawn for, and where (x, y). */
function axisLabels(root: SceneNode): { value: number; at: string }[][] {
  const axes: { value: number; at: string }[][] = [];
  const walk = (node: SceneNode, inAxis: { value: number; at: string }[] | undefined): void => {
    let current = inAxis;
    if (node.role === 'axis' && node.marktype === 'group') axes.push((current = []));
    if (current && node.role === 'axis-label') {
      for (const item of node.items ?? []) current.push({ value: Number(item.datum?.value), at: `${item.x},${item.y}` });
      return;
    }
    for (const item of node.items ?? []) walk(item, current);
  };
  walk(root, undefined);
  return axes;
}

describe('log axes at the powers of ten', () => {
  it('decadeAxis lists the decades of a clamped domain only, exactly', () => {
    const axis = decadeAxis({ title: 'x' }, [1e-6, 1]);
    assert.deepEqual(axis.values, [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1]);
    // Exact decimal powers (10 ** 23 would be the same; Math.pow(10, 23) is not on every V8).
    assert.deepEqual(decadesWithin(3e22, 2e23), [1e23]);
    assert.equal((decadeAxis({}).values as number[]).length, 61);
  });

  it("no section's default chart draws two labels of one axis at the same place", async function () {
    this.timeout(120_000);
    let axes = 0;
    for (const section of SECTIONS) {
      for (const chart of section.charts(resolveParams(section, undefined), { lang: 'en', theme: builtinTheme('light'), width: 520 })) {
        const rendered = await renderClean(chart);
        for (const labels of axisLabels((rendered.view.scenegraph() as unknown as { root: SceneNode }).root)) {
          const places = labels.map((l) => l.at);
          assert.equal(new Set(places).size, places.length, `${chart.id}: labels ${labels.map((l) => l.value).join(', ')} share a place`);
          axes++;
        }
      }
    }
    assert.ok(axes >= 30, `only ${axes} axes`);
  });

  it("mirage's log exact-match panel labels 10⁻⁶ … 10⁰ and nothing below its floor", async () => {
    const mirage = SECTIONS.find((s) => s.id === 'mirage');
    assert.ok(mirage);
    const chart = mirage
      .charts(resolveParams(mirage, undefined), { lang: 'en', theme: builtinTheme('light'), width: 520 })
      .find((c) => c.id === 'mirage-metrics');
    assert.ok(chart);
    const axes = axisLabels(((await renderClean(chart)).view.scenegraph() as unknown as { root: SceneNode }).root);
    const logY = axes.find((labels) => labels.some((l) => l.value === 1e-6));
    assert.ok(logY, 'no axis labels 1e-6');
    assert.deepEqual(
      logY.map((l) => l.value).sort((a, b) => a - b),
      decadesWithin(1e-6, 1),
    );
  });
});
