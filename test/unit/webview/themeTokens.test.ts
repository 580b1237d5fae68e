// The webviews build and compile charts with placeholder theme colours and put the real
// ones in afterwards (webview/lib/themeTokens.ts), so one compiled spec (built at build
// time) serves every colour theme. These tests compile each section's charts both ways,
// for themes that are not built in, and require the same Vega spec, datasets and signals.
import * as assert from 'node:assert/strict';
import { SECTIONS } from '../../../src/sections';
import { HIGH_CONTRAST_THEME, LIGHT_THEME } from '../../../src/sections/theme';
import { resolveParams, type ChartTheme, type Lang } from '../../../src/sections/types';
import { compileShape } from '../../../webview/lib/compileShape';
import { prepareChart } from '../../../webview/lib/prepare';
import { fillTokenText, fillTokens, fillTokensIn, hasTokens, themeValues, tokenTheme } from '../../../webview/lib/themeTokens';

/** VS Code's "Dark Modern" colours and a font list with quoted family names, as readTheme() returns them in a real webview. */
const DARK_MODERN: ChartTheme = {
  kind: 'dark',
  foreground: '#cccccc',
  background: '#1f1f1f',
  muted: '#9d9d9d',
  grid: '#2b2b2b',
  accent: '#f85149',
  palette: ['#4ea3f1', '#ffa657', '#56d364', '#ff7b72', '#d2a8ff', '#e3b341', '#f778ba', '#a5a5a5', '#c9d05c', '#39c5cf'],
  fontFamily: '"Droid Sans Mono", "monospace", monospace, "Segoe UI", sans-serif',
};
/** A user's high-contrast theme with named and rgb() colours and an 8-colour palette. */
const HC_CUSTOM: ChartTheme = { ...HIGH_CONTRAST_THEME, foreground: 'white', background: 'rgb(0, 0, 0)', muted: 'rgba(255, 255, 255, 0.85)', accent: 'orange' };

describe('theme tokens: one compiled spec for every colour theme', function () {
  this.timeout(120_000);

  it('fillTokens puts in every colour and the JSON-escaped font; text without tokens is unchanged', () => {
    const values = themeValues(DARK_MODERN);
    const token = tokenTheme('dark');
    assert.equal(token.palette.length, DARK_MODERN.palette.length, 'the palette length is part of the compiled spec');
    const json = JSON.stringify({ a: token.foreground, b: [token.palette[0], token.palette[9]], f: token.fontFamily, e: `x > 1 ? '${token.accent}' : 'red'` });
    const filled = JSON.parse(fillTokens(json, values)) as Record<string, unknown>;
    assert.deepEqual(filled, { a: '#cccccc', b: ['#4ea3f1', '#39c5cf'], f: DARK_MODERN.fontFamily, e: "x > 1 ? '#f85149' : 'red'" });
    assert.equal(fillTokens('{"a":"#ee1200"}', values), '{"a":"#ee1200"}');
    assert.equal(hasTokens(json), true);
    assert.equal(hasTokens(JSON.stringify(DARK_MODERN)), false);
    assert.deepEqual(fillTokensIn({ rows: [1, 2] }, values), { rows: [1, 2] });
    // A string value (a dataset's field), not JSON: the font goes in unescaped.
    assert.equal(fillTokenText(`${token.fontFamily} in ${token.palette[0]}`, values), `${DARK_MODERN.fontFamily} in #4ea3f1`);
    assert.equal(DARK_MODERN.fontFamily.includes('"'), true, 'the theme font quotes a family name, which JSON would escape');
  });

  it('no chart writes a token colour or the font token itself (a real theme never produces one)', () => {
    for (const section of SECTIONS) {
      for (const lang of ['en', 'zh'] as Lang[]) {
        const json = JSON.stringify(section.charts(resolveParams(section, undefined), { lang, theme: LIGHT_THEME, width: 1000 }));
        assert.equal(hasTokens(json), false, `${section.id} ${lang}`);
      }
    }
  });

  const cases: { theme: ChartTheme; lang: Lang; width: number }[] = [
    { theme: DARK_MODERN, lang: 'en', width: 1000 },
    { theme: DARK_MODERN, lang: 'zh', width: 300 },
    { theme: HC_CUSTOM, lang: 'zh', width: 1000 },
  ];
  for (const { theme, lang, width } of cases) {
    it(`every chart compiled with tokens and then filled equals the chart compiled in ${theme.kind} colours (${lang}, ${width} px)`, () => {
      const values = themeValues(theme);
      for (const section of SECTIONS) {
        const params = resolveParams(section, undefined);
        const real = section.charts(params, { lang, theme, width });
        const tokened = section.charts(params, { lang, theme: tokenTheme(theme.kind), width });
        assert.deepEqual(
          tokened.map((c) => c.id),
          real.map((c) => c.id),
          section.id,
        );
        real.forEach((chart, i) => {
          const a = prepareChart(chart, { width });
          const b = prepareChart(tokened[i], { width });
          const where = `${section.id}/${chart.id}`;
          // Through JSON, as the pages receive it (vega-lite leaves some keys undefined).
          const expected = JSON.parse(JSON.stringify(compileShape(a.hoisted.shape, Object.keys(a.hoisted.datasets)))) as unknown;
          const filled = JSON.parse(fillTokens(JSON.stringify(compileShape(b.hoisted.shape, Object.keys(b.hoisted.datasets))), values)) as unknown;
          assert.deepEqual(filled, expected, `${where}: Vega spec`);
          assert.deepEqual(fillTokensIn(b.hoisted.datasets, values), a.hoisted.datasets, `${where}: datasets`);
          assert.deepEqual(fillTokensIn(b.hoisted.signals, values), a.hoisted.signals, `${where}: signals`);
          assert.deepEqual(fillTokensIn(tokened[i].spec, values), JSON.parse(JSON.stringify(chart.spec)), `${where}: the spec as written (export, Copy spec)`);
        });
      }
    });
  }
});
