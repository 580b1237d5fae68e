import * as assert from 'node:assert/strict';
import { isPanelState, isParamMap, parseFitHostMessage, parseFitWebviewMessage, parseHostMessage, parseWebviewMessage } from '../../../src/protocol/messages';

describe('webview message validation', () => {
  it('accepts the well-formed messages of both directions', () => {
    assert.deepEqual(parseHostMessage({ type: 'setParams', params: { alpha: 0.05, model: 'step', show: true } }), {
      type: 'setParams',
      params: { alpha: 0.05, model: 'step', show: true },
    });
    assert.deepEqual(parseHostMessage({ type: 'export', format: 'svg' }), { type: 'export', format: 'svg', chartId: undefined });
    const rendered = { type: 'rendered', sectionId: 'scaling-laws', params: {}, charts: [{ id: 'performance-curve', marks: 12, digest: '0a1b2c3d' }] };
    assert.deepEqual(parseWebviewMessage(rendered), rendered);
  });

  const hostile: unknown[] = [
    null,
    42,
    'show',
    [],
    { type: 'nope' },
    { type: 'show', sectionId: '../../etc/passwd', lang: 'en' },
    { type: 'show', sectionId: 'scaling-laws', lang: 'fr' },
    { type: 'setParams', params: { alpha: Number.NaN } },
    { type: 'setParams', params: { alpha: { $gt: 1 } } },
    { type: 'setParams', params: { __proto__x: 1, 'bad key': 2 } },
    { type: 'setParams', params: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`p${i}`, i])) },
    { type: 'export', format: 'pdf' },
    { type: 'export', format: 'svg', chartId: '<script>' },
  ];
  for (const message of hostile) {
    it(`drops the malformed host message ${JSON.stringify(message)?.slice(0, 60)}`, () => {
      assert.equal(parseHostMessage(message), undefined);
    });
  }

  it('drops malformed webview messages', () => {
    assert.equal(parseWebviewMessage({ type: 'rendered', sectionId: 'x', params: {}, charts: [{ id: 'a', marks: -1, digest: '' }] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'rendered', sectionId: 'x', params: {}, charts: 'all' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'png', chartId: 'a', data: 7 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'png', chartId: 'a', data: ['x'] }), undefined, 'an array has a length too');
    assert.equal(parseWebviewMessage({ type: 'eval', code: 'alert(1)' }), undefined);
  });

  it('recognises only well-formed saved panel state', () => {
    assert.equal(isPanelState({ sectionId: 'math-reasoning', params: { arithmetic: 1e7 } }), true);
    assert.equal(isPanelState({ sectionId: 'math-reasoning' }), false);
    assert.equal(isPanelState({ sectionId: 7, params: {} }), false);
  });
});

// Each parser accepts only its own message types: a type of another channel, a made-up
// one, or a missing one is dropped (issue 15: the fit panel's parser had no such case).
describe('every parser drops the message types it does not own', () => {
  const parsers = {
    host: { parse: parseHostMessage, own: ['show', 'setLang', 'setParams', 'export'] },
    webview: { parse: parseWebviewMessage, own: ['ready', 'rendered', 'exported', 'writeBack', 'insertChart', 'error'] },
    fitHost: { parse: parseFitHostMessage, own: ['fitShow', 'fitSetLang'] },
    fitWebview: { parse: parseFitWebviewMessage, own: ['fitReady', 'fitRendered', 'fitInsert', 'fitError'] },
  };
  const allTypes = Object.values(parsers).flatMap((p) => p.own);
  const invented = ['nope', 'eval', 'fitEval', 'fitready', 'FITREADY', 'ready ', '', 'constructor', '__proto__', 'toString'];
  for (const [name, { parse, own }] of Object.entries(parsers)) {
    it(`${name}: drops ${allTypes.length - own.length} foreign and ${invented.length} invented types, and a missing type`, () => {
      for (const type of [...allTypes.filter((t) => !own.includes(t)), ...invented]) {
        // Fields that would satisfy any parser's validation, so only the type decides.
        const message = { type, lang: 'en', params: {}, sectionId: 'scaling-laws', charts: [], message: 'x', format: 'svg', chartId: 'a', data: '' };
        assert.equal(parse(message), undefined, `${name} accepted type ${JSON.stringify(type)}`);
      }
      assert.equal(parse({}), undefined);
      assert.equal(parse({ type: 7 }), undefined);
      assert.equal(parse(null), undefined);
      assert.equal(parse([{ type: own[0] }]), undefined);
    });
  }

  it('fit webview: accepts its own types, copies only their fields and bounds the error text', () => {
    assert.deepEqual(parseFitWebviewMessage({ type: 'fitReady', extra: 1 }), { type: 'fitReady' });
    assert.deepEqual(parseFitWebviewMessage({ type: 'fitInsert', extra: 1 }), { type: 'fitInsert' });
    const charts = [{ id: 'fit-curve', marks: 30, digest: 'ab12', extra: true }];
    assert.deepEqual(parseFitWebviewMessage({ type: 'fitRendered', charts }), {
      type: 'fitRendered',
      charts: [{ id: 'fit-curve', marks: 30, digest: 'ab12' }],
    });
    assert.deepEqual(parseFitWebviewMessage({ type: 'fitRendered', charts: [] }), { type: 'fitRendered', charts: [] });
    assert.equal(parseFitWebviewMessage({ type: 'fitRendered', charts: 'all' }), undefined);
    assert.equal(
      parseFitWebviewMessage({ type: 'fitRendered', charts: Array.from({ length: 65 }, (_, i) => ({ id: `c${i}`, marks: 1, digest: '' })) }),
      undefined,
    );
    assert.equal(
      parseFitWebviewMessage({ type: 'fitRendered', charts: Array.from({ length: 64 }, (_, i) => ({ id: `c${i}`, marks: 1, digest: '' })) })?.type,
      'fitRendered',
    );
    for (const bad of [
      { id: 'a', marks: -1, digest: '' },
      { id: 'a', marks: 1.5, digest: '' },
      { id: 'a', marks: 1, digest: 'x'.repeat(65) },
      { id: 'a', marks: 1 },
      null,
    ]) {
      assert.equal(parseFitWebviewMessage({ type: 'fitRendered', charts: [bad] }), undefined, JSON.stringify(bad));
    }
    assert.equal(parseFitWebviewMessage({ type: 'fitRendered', charts: [{ id: 'a', marks: 1, digest: 'x'.repeat(64) }] })?.type, 'fitRendered');
    const long = parseFitWebviewMessage({ type: 'fitError', message: 'e'.repeat(5000) });
    assert.ok(long?.type === 'fitError' && long.message.length === 2000);
    assert.equal(parseFitWebviewMessage({ type: 'fitError', message: 42 }), undefined);
    assert.deepEqual(parseFitHostMessage({ type: 'fitSetLang', lang: 'zh' }), { type: 'fitSetLang', lang: 'zh' });
  });
});

describe('webview message limits', () => {
  const params = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));

  it('parameter maps: 64 entries, 64-character keys starting with a letter, 256-character strings', () => {
    assert.equal(isParamMap(params(64)), true);
    assert.equal(isParamMap(params(65)), false);
    assert.equal(isParamMap({ ['a'.repeat(64)]: 1 }), true);
    assert.equal(isParamMap({ ['a'.repeat(65)]: 1 }), false);
    assert.equal(isParamMap({ '1a': 1 }), false);
    assert.equal(isParamMap({ a_1: 1, B: 'x'.repeat(256), c: false }), true);
    assert.equal(isParamMap({ a: 'x'.repeat(257) }), false);
    for (const bad of [Infinity, -Infinity, NaN, null, undefined, [1], {}]) assert.equal(isParamMap({ a: bad }), false, String(bad));
    assert.equal(isParamMap([]), false);
    assert.equal(isParamMap(null), false);
  });

  it('ids: lower-case, 64 characters at most, no leading dot or dash', () => {
    const show = (sectionId: string) => parseHostMessage({ type: 'show', sectionId, lang: 'en' });
    assert.deepEqual(show('a'.repeat(64)), { type: 'show', sectionId: 'a'.repeat(64), lang: 'en', params: undefined, note: undefined });
    for (const bad of ['a'.repeat(65), '-a', '.a', 'A', 'a b', '']) assert.equal(show(bad), undefined, bad);
    assert.equal(show('0.a_b-c')?.type, 'show');
  });

  it('show: parameters and note context are validated and copied', () => {
    const note = {
      source: 'formula',
      label: 'L(C)',
      values: [{ label: 'α', value: 0.05, line: 3, extra: 1 }],
      canWriteBack: true,
      focusCharts: ['loss-compute'],
    };
    assert.deepEqual(parseHostMessage({ type: 'show', sectionId: 'scaling-formulas', lang: 'zh', params: { a: 1 }, note }), {
      type: 'show',
      sectionId: 'scaling-formulas',
      lang: 'zh',
      params: { a: 1 },
      note: { source: 'formula', label: 'L(C)', values: [{ label: 'α', value: 0.05, line: 3 }], canWriteBack: true, focusCharts: ['loss-compute'] },
    });
    const withNote = (n: unknown) => parseHostMessage({ type: 'show', sectionId: 's', lang: 'en', note: n });
    assert.equal(withNote({ ...note, focusCharts: undefined })?.type, 'show');
    assert.equal(withNote({ ...note, source: 'heading' })?.type, 'show');
    assert.equal(withNote({ ...note, label: 'x'.repeat(500) })?.type, 'show');
    assert.equal(withNote({ ...note, values: Array.from({ length: 32 }, () => note.values[0]) })?.type, 'show');
    const bad: unknown[] = [
      null,
      { ...note, source: 'cursor' },
      { ...note, label: 7 },
      { ...note, label: 'x'.repeat(501) },
      { ...note, canWriteBack: 'yes' },
      { ...note, values: 'α=1' },
      { ...note, values: Array.from({ length: 33 }, () => note.values[0]) },
      { ...note, values: [null] },
      { ...note, values: [{ label: 'x'.repeat(33), value: 1, line: 1 }] },
      { ...note, values: [{ label: 7, value: 1, line: 1 }] },
      { ...note, values: [{ label: 'a', value: NaN, line: 1 }] },
      { ...note, values: [{ label: 'a', value: '1', line: 1 }] },
      { ...note, values: [{ label: 'a', value: 1, line: 0 }] },
      { ...note, values: [{ label: 'a', value: 1, line: 1.5 }] },
      { ...note, values: [{ label: 'a', value: 1, line: '1' }] },
      { ...note, focusCharts: 'loss' },
      { ...note, focusCharts: ['<b>'] },
      { ...note, focusCharts: Array.from({ length: 17 }, (_, i) => `c${i}`) },
    ];
    for (const n of bad) assert.equal(withNote(n), undefined, JSON.stringify(n)?.slice(0, 80));
    assert.equal(withNote({ ...note, focusCharts: Array.from({ length: 16 }, (_, i) => `c${i}`) })?.type, 'show');
    assert.equal(parseHostMessage({ type: 'show', sectionId: 's', lang: 'en', params: { a: NaN } }), undefined);
  });

  it('the other host messages', () => {
    assert.deepEqual(parseHostMessage({ type: 'setLang', lang: 'zh' }), { type: 'setLang', lang: 'zh' });
    assert.equal(parseHostMessage({ type: 'setLang', lang: 'de' }), undefined);
    for (const format of ['svg', 'png', 'vl'])
      assert.deepEqual(parseHostMessage({ type: 'export', format, chartId: 'c' }), { type: 'export', format, chartId: 'c' });
  });

  it('the webview messages, each with its own limits', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', x: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'exported', format: 'vl', chartId: 'c', data: '{}' }), {
      type: 'exported',
      format: 'vl',
      chartId: 'c',
      data: '{}',
    });
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'pdf', chartId: 'c', data: '' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'svg', chartId: '<c>', data: '' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'svg', chartId: 'c', data: 'x'.repeat(16 * 1024 * 1024 + 1) }), undefined);
    assert.equal(parseWebviewMessage({ type: 'exported', format: 'svg', chartId: 'c', data: 'x'.repeat(16 * 1024 * 1024) })?.type, 'exported');
    assert.deepEqual(parseWebviewMessage({ type: 'writeBack', params: { a: 1 } }), { type: 'writeBack', params: { a: 1 } });
    assert.equal(parseWebviewMessage({ type: 'writeBack', params: { a: NaN } }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'insertChart', sectionId: 's', params: {} }), { type: 'insertChart', sectionId: 's', params: {} });
    assert.equal(parseWebviewMessage({ type: 'insertChart', sectionId: 'S', params: {} }), undefined);
    assert.equal(parseWebviewMessage({ type: 'insertChart', sectionId: 's', params: null }), undefined);
    const err = parseWebviewMessage({ type: 'error', message: 'e'.repeat(3000) });
    assert.ok(err?.type === 'error' && err.message.length === 2000);
    assert.equal(parseWebviewMessage({ type: 'error', message: {} }), undefined);
    const rendered = (charts: unknown, more: object = {}) => parseWebviewMessage({ type: 'rendered', sectionId: 's', params: {}, charts, ...more });
    assert.equal(rendered([])?.type, 'rendered');
    assert.equal(rendered([], { sectionId: 'S' }), undefined);
    assert.equal(rendered([], { params: { a: NaN } }), undefined);
    assert.equal(rendered(Array.from({ length: 65 }, (_, i) => ({ id: `c${i}`, marks: 0, digest: '' }))), undefined);
    assert.equal(rendered(Array.from({ length: 64 }, (_, i) => ({ id: `c${i}`, marks: 0, digest: '' })))?.type, 'rendered');
    for (const bad of [
      null,
      { id: 'A', marks: 1, digest: '' },
      { id: 'a', marks: 1.5, digest: '' },
      { id: 'a', marks: '1', digest: '' },
      { id: 'a', marks: 1, digest: 'x'.repeat(65) },
      { id: 'a', marks: 1, digest: 1 },
    ]) {
      assert.equal(rendered([bad]), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(rendered([{ id: 'a', marks: 0, digest: 'x'.repeat(64), extra: 1 }]), {
      type: 'rendered',
      sectionId: 's',
      params: {},
      charts: [{ id: 'a', marks: 0, digest: 'x'.repeat(64) }],
    });
  });

  it('saved panel state', () => {
    assert.equal(isPanelState({ sectionId: 'a', params: { b: 'x'.repeat(257) } }), false);
    assert.equal(isPanelState(null), false);
    assert.equal(isPanelState([]), false);
  });
});
