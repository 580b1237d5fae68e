import * as assert from 'node:assert/strict';
import { isPanelState, parseHostMessage, parseWebviewMessage } from '../../../src/protocol/messages';

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
    { type: 'setParams', params: { '__proto__x': 1, 'bad key': 2 } },
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
    assert.equal(parseWebviewMessage({ type: 'eval', code: 'alert(1)' }), undefined);
  });

  it('recognises only well-formed saved panel state', () => {
    assert.equal(isPanelState({ sectionId: 'math-reasoning', params: { arithmetic: 1e7 } }), true);
    assert.equal(isPanelState({ sectionId: 'math-reasoning' }), false);
    assert.equal(isPanelState({ sectionId: 7, params: {} }), false);
  });
});
