// parseFitResult's optional parts (issue 15, from the mutation run): the diagnostics
// (leverage flags, the drop-k rows), the derived quantities, the defaults of fields a
// result saved by an older version lacks, and the fit panel's host messages. Each part is
// hand-built valid, copied exactly, then corrupted one field at a time.
import * as assert from 'node:assert/strict';
import { MAX_FIT_ROWS, parseFitHostMessage, parseFitResult } from '../../../src/protocol/messages';
import { chinchilla as chinchillaResult, iv } from './fitResultFixture';

type Json = Record<string, unknown>;

const chinchilla = (): Json => chinchillaResult();

function diagnostics(): Json {
  return {
    leverage: {
      threshold: 0.4,
      parameters: 5,
      points: [
        { row: 3, leverage: 0.5, residual: -0.01, standardised: -1.2 },
        { row: 5, leverage: 0.1, residual: 0.2, standardised: 3.4 },
      ],
    },
    dropped: { rule: 'loss', count: 2, rows: [7, 9], losses: [4.1, 3.9], allRows: { E: 1.7, A: 400, B: 410, alpha: 0.33, beta: 0.27 }, allRowsCount: 12 },
  };
}

function derivedQuantities(): Json {
  const q = (value: number, interval: unknown) => ({ value, interval });
  return {
    a: q(0.45, iv(0.4, 0.5)),
    b: q(0.55, iv(0.5, 0.6)),
    G: q(0.29, null),
    nOpt: q(6.7e10, iv(5e10, 8e10)),
    dOpt: q(1.4e12, iv(1.2e12, 1.6e12)),
    tokensPerParam: q(20.9, iv(15, 25)),
    lossOpt: q(1.94, iv(1.9, 2)),
  };
}

/** A copy of `value` with the property at `path` set to `to` (undefined deletes it). */
function withPath(value: Json, path: string, to: unknown): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Json;
  const last = keys[keys.length - 1];
  if (to === undefined) delete node[last];
  else node[last] = to;
  return copy;
}

const withDiagnostics = (): Json => withPath(chinchilla(), 'diagnostics', diagnostics());
const withDerived = (): Json => withPath(chinchilla(), 'derivedQuantities', derivedQuantities());

describe('parseFitResult: diagnostics, derived quantities and defaults', () => {
  it('copies valid diagnostics exactly, and reads their absence as null', () => {
    const r = withDiagnostics();
    assert.deepEqual(parseFitResult(r), r);
    assert.deepEqual(parseFitResult(withPath(r, 'diagnostics.leverage', null))?.diagnostics, { leverage: null, dropped: diagnostics().dropped });
    assert.deepEqual(parseFitResult(withPath(r, 'diagnostics.dropped', null))?.diagnostics, { leverage: diagnostics().leverage, dropped: null });
    assert.deepEqual(parseFitResult(withPath(r, 'diagnostics.dropped', undefined))?.diagnostics?.dropped, null);
    assert.equal(parseFitResult(withPath(r, 'diagnostics', undefined))?.diagnostics, null);
    assert.equal(parseFitResult(withPath(r, 'diagnostics', null))?.diagnostics, null);
    assert.equal(parseFitResult(withPath(r, 'diagnostics.dropped.rule', 'residual'))?.diagnostics?.dropped?.rule, 'residual');
    assert.deepEqual(parseFitResult(withPath(r, 'diagnostics.dropped.allRows', { x0: 3, alpha: 0.1 }))?.diagnostics?.dropped?.allRows, { x0: 3, alpha: 0.1 });
    assert.ok(parseFitResult(withPath(r, 'diagnostics.dropped.count', 1000)), 'count 1000 is the limit');
    assert.ok(parseFitResult(withPath(r, 'diagnostics.leverage.parameters', 16)), '16 parameters is the limit');
    assert.ok(parseFitResult(withPath(withPath(r, 'diagnostics.dropped.rows', []), 'diagnostics.dropped.losses', [])), 'no dropped rows');
  });

  it('drops a result with any one bad diagnostics field', () => {
    const cases: [string, unknown][] = [
      ['diagnostics', 'none'],
      ['diagnostics.leverage', 'high'],
      ['diagnostics.leverage', undefined],
      ['diagnostics.leverage.threshold', NaN],
      ['diagnostics.leverage.parameters', 17],
      ['diagnostics.leverage.parameters', 2.5],
      ['diagnostics.leverage.points', 'all'],
      ['diagnostics.leverage.points', [null]],
      ['diagnostics.leverage.points.0.row', -1],
      ['diagnostics.leverage.points.0.leverage', Infinity],
      ['diagnostics.leverage.points.1.residual', 'x'],
      ['diagnostics.leverage.points.1.standardised', undefined],
      ['diagnostics.dropped', 3],
      ['diagnostics.dropped.rule', 'leverage'],
      ['diagnostics.dropped.rule', undefined],
      ['diagnostics.dropped.count', 1001],
      ['diagnostics.dropped.count', -1],
      ['diagnostics.dropped.allRowsCount', 1.5],
      ['diagnostics.dropped.rows', 'all'],
      ['diagnostics.dropped.rows', [7, -9]],
      ['diagnostics.dropped.rows', [7.5, 9]],
      ['diagnostics.dropped.losses', [4.1]],
      ['diagnostics.dropped.losses', [4.1, 0]],
      ['diagnostics.dropped.allRows', 'all'],
      ['diagnostics.dropped.allRows', { E: 1, A: 1, B: 1, alpha: 1, beta: 1, x0: 1, y: 1, z: 1, w: 1 }],
      ['diagnostics.dropped.allRows.gamma', 1],
      ['diagnostics.dropped.allRows.E', NaN],
    ];
    for (const [path, to] of cases) assert.equal(parseFitResult(withPath(withDiagnostics(), path, to)), undefined, `${path} = ${String(to)} was accepted`);
    for (const k of ['E', 'A', 'B', 'alpha', 'beta', 'x0'])
      assert.ok(parseFitResult(withPath(withDiagnostics(), 'diagnostics.dropped.allRows', { [k]: 1 })), `allRows may hold ${k}`);
  });

  it('limits the flagged and dropped rows to MAX_FIT_ROWS', () => {
    const point = { row: 1, leverage: 0.1, residual: 0, standardised: 0 };
    const points = (n: number) =>
      withPath(
        withDiagnostics(),
        'diagnostics.leverage.points',
        Array.from({ length: n }, () => point),
      );
    assert.ok(parseFitResult(points(MAX_FIT_ROWS)));
    assert.equal(parseFitResult(points(MAX_FIT_ROWS + 1)), undefined);
    const dropped = (n: number) =>
      withPath(
        withPath(
          withDiagnostics(),
          'diagnostics.dropped.rows',
          Array.from({ length: n }, () => 1),
        ),
        'diagnostics.dropped.losses',
        Array.from({ length: n }, () => 2),
      );
    assert.ok(parseFitResult(dropped(MAX_FIT_ROWS)));
    assert.equal(parseFitResult(dropped(MAX_FIT_ROWS + 1)), undefined);
  });

  it('copies derived quantities and their intervals, null intervals included; drops a bad one', () => {
    const r = withDerived();
    assert.deepEqual(parseFitResult(r), r);
    const parsed = parseFitResult(withPath(r, 'derivedQuantities', undefined));
    assert.ok(parsed && parsed.form === 'chinchilla');
    assert.equal(parsed.derivedQuantities, null, 'absent (an older result): null');
    const saved = parseFitResult(withPath(r, 'derivedQuantities', null));
    assert.ok(saved && saved.form === 'chinchilla');
    assert.equal(saved.derivedQuantities, null, 'saved as null');
    for (const [path, to] of [
      ['derivedQuantities', 'x'],
      ['derivedQuantities.G', undefined],
      ['derivedQuantities.nOpt', 5],
      ['derivedQuantities.a.value', NaN],
      ['derivedQuantities.b.interval', iv(2, 1)],
      ['derivedQuantities.lossOpt.interval', undefined],
    ] as [string, unknown][])
      assert.equal(parseFitResult(withPath(r, path, to)), undefined, `${path} = ${String(to)} was accepted`);
  });

  it('fills searched (= starts) and budget (5.76e23, the article’s budget) for an older result, and checks them', () => {
    const older = parseFitResult(withPath(withPath(chinchilla(), 'searched', undefined), 'budget', undefined));
    assert.ok(older && older.form === 'chinchilla');
    assert.equal(older.searched, 4500);
    assert.equal(older.budget, 5.76e23);
    const given = parseFitResult(withPath(chinchilla(), 'budget', 1e21));
    assert.ok(given && given.form === 'chinchilla');
    assert.equal(given.budget, 1e21);
    assert.equal(given.searched, 256);
    for (const [path, to] of [
      ['budget', 0],
      ['budget', -1],
      ['budget', Infinity],
      ['budget', '1e21'],
      ['searched', -1],
      ['searched', 2.5],
    ] as [string, unknown][])
      assert.equal(parseFitResult(withPath(chinchilla(), path, to)), undefined, `${path} = ${String(to)} was accepted`);
  });

  it('power: floorError copied when bilingual, a bad unused column still drops the result', () => {
    const power = {
      ...chinchilla(),
      form: 'power',
      x: 'N',
      pure: { x0: 2.3e8, alpha: 0.05, logCoefficient: 0.96, rSquared: 0.9, intervals: null },
      floor: null,
      floorError: { en: 'no floor', zh: '无下限' },
    };
    const parsed = parseFitResult(power);
    assert.ok(parsed && parsed.form === 'power');
    assert.deepEqual(parsed.floorError, { en: 'no floor', zh: '无下限' });
    for (const floorError of [{ zh: '无下限' }, { en: 5, zh: '无下限' }, { en: 'no floor' }, 'no floor'])
      assert.equal(parseFitResult({ ...power, floorError }), undefined, JSON.stringify(floorError));
    for (const k of ['N', 'D', 'C'])
      assert.equal(parseFitResult(withPath(power, `data.${k}`, [1, 2, -3])), undefined, `a bad ${k} column (x = N) was accepted`);
  });

  it('resamplesLimited is true only when the result says exactly true', () => {
    assert.equal(parseFitResult(withPath(chinchilla(), 'resamplesLimited', true))?.resamplesLimited, true);
    assert.equal(parseFitResult(withPath(chinchilla(), 'resamplesLimited', 'yes'))?.resamplesLimited, false);
    assert.equal(parseFitResult(withPath(chinchilla(), 'resamplesLimited', undefined))?.resamplesLimited, false);
  });

  it('fitShow needs a valid result, a language and an insert target; unknown types are dropped', () => {
    const result = chinchilla();
    assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'fr', result, insert: 'note' }), undefined);
    assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result, insert: 'clipboard' }), undefined);
    assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result: { form: 'power' }, insert: 'note' }), undefined);
    assert.deepEqual(parseFitHostMessage({ type: 'fitSetLang', lang: 'zh' }), { type: 'fitSetLang', lang: 'zh' });
    assert.equal(parseFitHostMessage({ type: 'fitSetLang', lang: 'de' }), undefined);
    assert.equal(parseFitHostMessage({ type: 'fitRendered', charts: [] }), undefined, 'a webview message is not a host message');
  });
});
