// Limits of the message validators on their exact edges (survivors of the mutation run).
import * as assert from 'node:assert/strict';
import { parseFitHostMessage, parseFitResult, parseHostMessage } from '../../../src/protocol/messages';

const note = (values: unknown[], more: object = {}) => ({ source: 'formula', label: 'L', values, canWriteBack: false, ...more });
const show = (n: unknown) => parseHostMessage({ type: 'show', sectionId: 's', lang: 'en', note: n });

describe('message limits on their edges', () => {
  it('note values: a 32-character label and line 1 are accepted', () => {
    assert.equal(show(note([{ label: 'x'.repeat(32), value: 1, line: 1 }]))?.type, 'show');
    assert.equal(show(note([{ label: 'x'.repeat(33), value: 1, line: 1 }])), undefined);
  });

  it('focus charts: one bad id among good ones drops the message', () => {
    assert.equal(show(note([], { focusCharts: ['loss-vs-params', '<bad>'] })), undefined);
    assert.equal(show(note([], { focusCharts: ['loss-vs-params', 'compute-optimal'] }))?.type, 'show');
  });

  it('fit results: zero counts and the first row 1 are accepted; an empty table is not', () => {
    const base = {
      form: 'power',
      x: 'N',
      pure: { x0: 1, alpha: 0.1, logCoefficient: 0, rSquared: 1, intervals: null },
      floor: null,
      floorError: null,
      data: { N: [1, 2], D: null, C: null, loss: [2, 1], rows: [1, 2] },
      columns: {},
      derived: { D: false, C: false },
      bootstrap: { resamples: 0, failed: 0, seed: 0, confidence: 0.5 },
      seconds: 0,
      source: { kind: 'csv', name: 'a.csv', firstRow: 1, lastRow: 1 },
    };
    assert.ok(parseFitResult(base));
    const empty = { ...base, data: { N: [], D: null, C: null, loss: [], rows: [] } };
    assert.equal(parseFitResult(empty), undefined);
    for (const insert of ['anywhere', '', null, 'Note'])
      assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result: base, insert }), undefined, String(insert));
  });
});
