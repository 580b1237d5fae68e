import * as assert from 'node:assert/strict';
import { MAX_BLOCK_BYTES, normalizeLang, parseChartBlock, utf8Length, validateChartBlock, type ChartBlockResult } from '../../../src/sections/chartBlock';
import { SECTIONS } from '../../../src/sections/index';
import { LIGHT_THEME } from '../../../src/sections/theme';
import { defaultParams, type Bilingual, type ChartSpec, type Section } from '../../../src/sections/types';

// A stand-in registry, so these tests do not depend on the real sections' parameters.
function chart(id: string): ChartSpec {
  return { id, title: { en: id, zh: id }, description: { en: id, zh: id }, spec: { mark: 'point', data: { values: [] } } };
}

const demo: Section = {
  id: 'demo',
  seedRef: '9.9',
  title: { en: 'Demo', zh: '演示' },
  description: { en: 'A test section', zh: '测试章节' },
  params: [
    { kind: 'number', name: 'threshold', label: { en: 'Threshold', zh: '阈值' }, min: 1e6, max: 1e13, step: 0.1, default: 1e10, scale: 'log' },
    { kind: 'number', name: 'alpha', label: { en: 'α', zh: 'α' }, min: 0, max: 1, step: 0.001, default: 0.076 },
    {
      kind: 'choice',
      name: 'preset',
      label: { en: 'Preset', zh: '预设' },
      options: [
        { value: 'kaplan', label: { en: 'Kaplan', zh: 'Kaplan' } },
        { value: 'chinchilla', label: { en: 'Chinchilla', zh: 'Chinchilla' } },
      ],
      default: 'kaplan',
    },
    { kind: 'toggle', name: 'showStages', label: { en: 'Stages', zh: '阶段' }, default: true },
  ],
  charts: (params) => (params.showStages ? [chart('curve'), chart('stages')] : [chart('curve')]),
};

const broken: Section = {
  id: 'broken',
  seedRef: '0',
  title: { en: 'Broken', zh: '损坏' },
  description: { en: '', zh: '' },
  params: [],
  charts: () => {
    throw new Error('model diverged');
  },
};

const REGISTRY = [demo, broken];
const parse = (text: string): ChartBlockResult => parseChartBlock(text, REGISTRY);

function ok(result: ChartBlockResult): Extract<ChartBlockResult, { ok: true }> {
  if (!result.ok) assert.fail(`expected a valid block, got: ${result.error.en}`);
  return result;
}

function error(result: ChartBlockResult): Bilingual {
  if (result.ok) assert.fail(`expected an error, got a valid block for ${result.sectionId}`);
  return result.error;
}

/** An error names the problem (every `mentions` in English) and says it in Chinese too. */
function assertError(result: ChartBlockResult, ...mentions: (string | RegExp)[]): Bilingual {
  const e = error(result);
  for (const m of mentions) {
    if (typeof m === 'string') assert.ok(e.en.includes(m), `"${e.en}" should mention ${m}`);
    else assert.match(e.en, m);
  }
  assert.match(e.zh, /[\u4e00-\u9fff]/, `the Chinese message should be Chinese: ${e.zh}`);
  assert.notEqual(e.en, e.zh);
  return e;
}

describe('chart block parsing', () => {
  describe('valid blocks', () => {
    it('reads YAML with section, chart, params and lang, and fills in the defaults', () => {
      const r = ok(parse('section: demo\nchart: stages\nparams:\n  threshold: 1e11\n  preset: chinchilla\nlang: zh\n'));
      assert.equal(r.sectionId, 'demo');
      assert.equal(r.chartId, 'stages');
      assert.equal(r.lang, 'zh');
      assert.deepEqual(r.params, { threshold: 1e11, alpha: 0.076, preset: 'chinchilla', showStages: true });
      assert.deepEqual(r.notes, []);
    });

    it('reads the same block written as JSON', () => {
      const r = ok(parse('{"section": "demo", "chart": "curve", "params": {"threshold": 1e11, "showStages": false}, "lang": "en"}'));
      assert.deepEqual(
        { ...r },
        {
          ok: true,
          sectionId: 'demo',
          chartId: 'curve',
          params: { threshold: 1e11, alpha: 0.076, preset: 'kaplan', showStages: false },
          lang: 'en',
          notes: [],
        },
      );
    });

    it('takes a bare section id, all of its charts and the defaults', () => {
      const r = ok(parse('section: demo'));
      assert.equal(r.chartId, undefined);
      assert.equal(r.lang, undefined);
      assert.deepEqual(r.params, defaultParams(demo));
      assert.equal('chartId' in r, false, 'no chartId key: the HTML gets no data-chart');
    });

    it('takes the shorthand "section" and "section/chart"', () => {
      assert.equal(ok(parse('demo')).sectionId, 'demo');
      const r = ok(parse('  demo/curve\n'));
      assert.equal(r.chartId, 'curve');
    });

    it('reads YAML number spellings (1e11, 1.5E+11, 0.05) as numbers, and ignores comments and blank lines', () => {
      const r = ok(parse('\n# the note’s values\nsection: demo\nparams:\n  threshold: 1.5E+11 # Kaplan\n  alpha: 0.05\n\n'));
      assert.equal(r.params.threshold, 1.5e11);
      assert.equal(r.params.alpha, 0.05);
    });

    it('normalises the language: zh-CN → zh, en_US → en', () => {
      assert.equal(ok(parse('section: demo\nlang: zh-CN')).lang, 'zh');
      assert.equal(ok(parse('section: demo\nlang: en_US')).lang, 'en');
      assert.equal(normalizeLang('ZH-Hans'), 'zh');
      assert.equal(normalizeLang('fr'), undefined);
    });

    it('clamps numbers into their range and says so in both languages', () => {
      const r = ok(parse('section: demo\nparams:\n  threshold: 1e20\n  alpha: -3'));
      assert.equal(r.params.threshold, 1e13);
      assert.equal(r.params.alpha, 0);
      assert.equal(r.notes.length, 2);
      assert.match(r.notes[0].en, /"threshold" = 1e20 is outside 1e6–1e13; the chart uses 1e13/);
      assert.match(r.notes[0].zh, /超出范围/);
    });

    it('accepts empty params (null or {}) as the defaults', () => {
      assert.deepEqual(ok(parse('section: demo\nparams:')).params, defaultParams(demo));
      assert.deepEqual(ok(parse('section: demo\nparams: {}')).params, defaultParams(demo));
    });

    it('accepts a block of exactly the size limit', () => {
      const head = 'section: demo\n#';
      const text = head + 'x'.repeat(MAX_BLOCK_BYTES - head.length);
      assert.equal(utf8Length(text), MAX_BLOCK_BYTES);
      ok(parse(text));
    });
  });

  describe('errors name the problem, in English and Chinese', () => {
    it('an empty block', () => {
      assertError(parse(''), 'empty', 'section: <id>');
      assertError(parse('  \n\t\n'), 'empty');
    });

    it('a block over the size limit (counted in UTF-8 bytes)', () => {
      const text = 'section: demo\n#' + '字'.repeat(MAX_BLOCK_BYTES / 3);
      assert.ok(text.length < MAX_BLOCK_BYTES, 'under the limit in UTF-16 units, over it in bytes');
      assertError(parse(text), 'too large', '10 KB');
    });

    it('malformed YAML, with the line', () => {
      assertError(parse('section: demo\nparams: [1\nlang: en'), 'not valid YAML or JSON', /line \d+ of the block/);
      assertError(parse('section: demo\n  chart: : :'), 'not valid YAML');
    });

    it('malformed JSON', () => {
      assertError(parse('{"section": "demo",}'), 'not valid JSON');
      assertError(parse('{section: demo'), 'not valid JSON');
    });

    it('two YAML documents, duplicate keys, aliases', () => {
      assertError(parse('section: demo\n---\nsection: demo'), 'one YAML document');
      assertError(parse('section: demo\nsection: demo'), 'unique');
      assertError(parse('section: &s demo\nchart: *s'), 'aliases');
    });

    it('a block that is not a mapping', () => {
      assertError(parse('- section: demo'), 'must be a mapping', 'a list');
      assertError(parse('42'), 'must be a mapping', '42');
      assertError(parse('[1, 2]'), 'must be a mapping');
    });

    it('a block with no section', () => {
      assertError(parse('chart: curve'), 'names no section', 'demo, broken');
    });

    it('a section that is not a string', () => {
      assertError(parse('section: 3'), '"section" must be a section id', '3');
      assertError(parse('section: {id: demo}'), '"section" must be a section id', 'a mapping');
    });

    it('an unknown section, listing the known ones', () => {
      const e = assertError(parse('section: scaling-lawz'), 'Unknown section "scaling-lawz"', 'Known sections: demo, broken');
      assert.match(e.zh, /未知章节 "scaling-lawz"/);
      assertError(parseChartBlock('section: demo', []), 'No sections are registered');
    });

    it('an unknown chart, listing the section’s charts', () => {
      assertError(parse('section: demo\nchart: heatmap'), 'no chart "heatmap"', 'Its charts: curve, stages');
      // Chart ids depend on the parameters: without stages there is no "stages" chart.
      assertError(parse('section: demo\nchart: stages\nparams: {showStages: false}'), 'no chart "stages"', 'Its charts: curve');
      assertError(parse('demo/heatmap'), 'no chart "heatmap"');
    });

    it('a chart that is not a string', () => {
      assertError(parse('section: demo\nchart: [curve]'), '"chart" must be a chart id');
    });

    it('a section whose charts cannot be built', () => {
      assertError(parse('section: broken\nchart: any'), 'could not build its charts', 'model diverged');
    });

    it('an unknown top-level key, hinting at params: for a parameter name', () => {
      assertError(parse('section: demo\ncolour: red'), 'Unknown key "colour"', 'section, chart, params, lang');
      const e = assertError(parse('section: demo\nthreshold: 1e11'), 'Unknown key "threshold"', 'under "params:"');
      assert.match(e.zh, /params:/);
    });

    it('params that are not a mapping', () => {
      assertError(parse('section: demo\nparams: [1, 2]'), '"params" must be a mapping', 'a list');
      assertError(parse('section: demo\nparams: 5'), '"params" must be a mapping');
    });

    it('an unknown parameter, listing the section’s parameters', () => {
      assertError(parse('section: demo\nparams:\n  treshold: 1e11'), 'no parameter "treshold"', 'Its parameters: threshold, alpha, preset, showStages');
      assertError(parse('section: broken\nparams: {x: 1}'), 'no parameter "x"', 'takes no parameters');
    });

    it('a number parameter given something else', () => {
      assertError(parse('section: demo\nparams:\n  threshold: "1e11"'), 'Parameter "threshold"', 'must be a number', '"1e11"');
      assertError(parse('section: demo\nparams:\n  threshold: 10^11'), 'must be a number');
      assertError(parse('section: demo\nparams:\n  threshold: true'), 'must be a number', 'true');
      assertError(parse('section: demo\nparams:\n  threshold: .inf'), 'must be a finite number');
      assertError(parse('section: demo\nparams:\n  threshold: .nan'), 'must be a finite number');
    });

    it('a choice parameter given a value not among its options', () => {
      assertError(parse('section: demo\nparams:\n  preset: hoffmann'), 'Parameter "preset"', 'one of: kaplan, chinchilla', '"hoffmann"');
      assertError(parse('section: demo\nparams:\n  preset: 1'), 'one of: kaplan, chinchilla');
    });

    it('a toggle parameter given something other than true/false (YAML 1.2: "yes" is a string)', () => {
      assertError(parse('section: demo\nparams:\n  showStages: yes'), 'Parameter "showStages"', 'true or false', '"yes"');
      assertError(parse('section: demo\nparams:\n  showStages: 1'), 'true or false');
    });

    it('a language other than en or zh', () => {
      assertError(parse('section: demo\nlang: fr'), '"lang" must be "en" or "zh"', '"fr"');
      assertError(parse('section: demo\nlang: 1'), '"lang" must be "en" or "zh"');
    });

    it('a shorthand with more than one slash', () => {
      assertError(parse('demo/curve/extra'), 'is not "section" or "section/chart"');
    });
  });

  describe('hostile input', () => {
    it('treats __proto__ and constructor as unknown parameters, polluting nothing', () => {
      assertError(parse('{"section": "demo", "params": {"__proto__": {"threshold": 5}}}'), 'no parameter "__proto__"');
      assertError(parse('section: demo\nparams:\n  __proto__:\n    threshold: 5'), 'no parameter "__proto__"');
      assertError(parse('section: demo\nparams:\n  constructor: 1'), 'no parameter "constructor"');
      assert.equal(({} as Record<string, unknown>).threshold, undefined);
    });

    it('quotes and truncates long hostile values in messages instead of echoing them whole', () => {
      const long = `"><script>${'x'.repeat(500)}`;
      const e = error(parse(JSON.stringify({ section: long })));
      assert.ok(e.en.length < 300, e.en);
    });

    it('re-validates forged container data the same way (the preview script’s path)', () => {
      assert.equal(validateChartBlock({ section: 'demo', params: { threshold: 1e11 } }, REGISTRY).ok, true);
      assert.equal(validateChartBlock({ section: 'demo', chart: 'nope' }, REGISTRY).ok, false);
      assert.equal(validateChartBlock({ section: 'demo', params: { threshold: { $gt: 1 } } }, REGISTRY).ok, false);
      assert.equal(validateChartBlock({ section: undefined }, REGISTRY).ok, false);
      assert.equal(validateChartBlock(null, REGISTRY).ok, false);
    });
  });

  describe('the real registry', () => {
    it('accepts every registered section and each of its charts by id', () => {
      for (const section of SECTIONS) {
        assert.equal(parseChartBlock(`section: ${section.id}`).ok, true, section.id);
        const ids = section.charts(defaultParams(section), { lang: 'en', theme: LIGHT_THEME }).map((c) => c.id);
        for (const id of ids) {
          const r = parseChartBlock(JSON.stringify({ section: section.id, chart: id }));
          assert.ok(r.ok && r.chartId === id, `${section.id}/${id}`);
        }
      }
    });
  });
});
