// The seed's invented numbers are labelled as such on every chart and report of the
// seed's sections, in both languages, through one mechanism (chartKit's illustrative()).
import * as assert from 'node:assert/strict';
import { ILLUSTRATIVE_CAPTION, MEASURED_EMERGENCE_NOTE } from '../../../src/sections/chartKit';
import { SECTIONS } from '../../../src/sections/index';
import { LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams } from '../../../src/sections/types';
import { renderClean } from '../helpers/render';

const SEED_SECTIONS = ['scaling-laws', 'phase-transition', 'math-reasoning', 'code-generation', 'representations', 'implications'];

describe('illustrative numbers from the article', () => {
  it("marks exactly the sections that draw the seed's invented numbers", () => {
    assert.deepEqual(
      SECTIONS.filter((s) => s.illustrative).map((s) => s.id),
      SEED_SECTIONS,
    );
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`captions every chart and report of them (${lang})`, () => {
      for (const section of SECTIONS.filter((s) => s.illustrative)) {
        const params = defaultParams(section);
        for (const chart of section.charts(params, { lang, theme: LIGHT_THEME })) {
          const title = (chart.spec as { title?: { subtitle?: string[] } }).title;
          assert.ok(title?.subtitle?.includes(ILLUSTRATIVE_CAPTION[lang]), `${section.id}/${chart.id}`);
        }
        if (section.report) assert.ok(section.report(params, lang).startsWith(ILLUSTRATIVE_CAPTION[lang]), section.id);
      }
    });
  }

  it('leaves the measured counterparts uncaptioned (they are measurements, with their citation)', () => {
    for (const id of ['math-reasoning', 'phase-transition']) {
      const section = SECTIONS.find((s) => s.id === id);
      assert.ok(section);
      const charts = section.charts({ ...defaultParams(section), evidence: 'measured' }, { lang: 'en', theme: LIGHT_THEME });
      assert.ok(charts.length > 0, id);
      for (const chart of charts) {
        const text = JSON.stringify(chart.spec.title);
        assert.ok(!text.includes(ILLUSTRATIVE_CAPTION.en), `${id}/${chart.id} is not illustrative`);
        assert.match(text, /Ruan et al\. 2024/, `${id}/${chart.id} cites the data`);
      }
    }
  });

  it('says once, where the article discusses emergence, what measured emergence is reported against', () => {
    const withNote = SECTIONS.filter((s) => s.illustrative?.emergenceNote).map((s) => s.id);
    assert.deepEqual(withNote, ['scaling-laws']);
    const [chart] = SECTIONS[0].charts(defaultParams(SECTIONS[0]), { lang: 'en', theme: LIGHT_THEME });
    assert.match(JSON.stringify(chart.spec.title), /Wei et al\. 2022.*Schaeffer et al\. 2023/);
    assert.match(MEASURED_EMERGENCE_NOTE.zh, /Wei 等，2022.*Schaeffer 等，2023/);
  });

  it('the caption renders in the SVG, in Chinese too', async () => {
    const section = SECTIONS.find((s) => s.id === 'math-reasoning');
    assert.ok(section);
    const [chart] = section.charts(defaultParams(section), { lang: 'zh', theme: LIGHT_THEME });
    const rendered = await renderClean(chart);
    assert.ok(rendered.svg.includes(ILLUSTRATIVE_CAPTION.zh), 'caption in the SVG');
  });
});
