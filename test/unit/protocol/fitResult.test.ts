// parseFitResult field by field (issue 15, from the mutation run): every field of a
// hand-built result is corrupted in turn and must make the whole result undefined;
// every limit is tried on both sides. Built here, not by the fit engine, so it is fast.
import * as assert from 'node:assert/strict';
import { MAX_FIT_ROWS, parseFitHostMessage, parseFitPanelState, parseFitResult } from '../../../src/protocol/messages';
import { base, chinchilla, iv } from './fitResultFixture';

function power() {
  return {
    form: 'power',
    x: 'C',
    pure: { x0: 2.3e8, alpha: 0.05, logCoefficient: 0.96, rSquared: 0.9, intervals: { x0: iv(1e8, 3e8), alpha: iv(0.04, 0.06) } },
    floor: {
      E: 1.7,
      x0: 3e19,
      alpha: 0.3,
      logCoefficient: 13.3,
      rSquared: 0.99,
      objective: 0.001,
      intervals: { E: iv(1.6, 1.8), x0: iv(2e19, 4e19), alpha: iv(0.28, 0.32) },
    },
    floorError: null,
    ...base(),
  };
}

type Json = Record<string, unknown>;

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

describe('parseFitResult: each field validated', () => {
  it('accepts the hand-built results and copies them', () => {
    for (const r of [chinchilla(), power()]) {
      assert.deepEqual(parseFitResult(r), r);
      assert.deepEqual(parseFitPanelState({ result: r }), { result: r });
      for (const insert of ['note', 'new-document', 'none'])
        assert.equal(parseFitHostMessage({ type: 'fitShow', lang: 'en', result: r, insert })?.type, 'fitShow');
    }
    assert.equal(parseFitPanelState({}), undefined);
    assert.equal(parseFitPanelState(null), undefined);
  });

  const common: [string, unknown][] = [
    ['data', null],
    ['data.loss', []],
    ['data.loss', 'all'],
    ['data.loss', [3.1, 2.6]],
    ['data.loss', [3.1, 0, 2.2]],
    ['data.loss', [3.1, NaN, 2.2]],
    ['data.rows', [3, 4]],
    ['data.rows', [3, 4.5, 5]],
    ['data.rows', [3, 0, 5]],
    ['data.rows', undefined],
    ['data.N', [1e8, 1e9]],
    ['data.N', undefined],
    ['data.D', [1, 2, 'x']],
    ['data.C', [1, 2, -3]],
    ['columns', null],
    ['columns', 'N'],
    ['columns.N', 7],
    ['columns.loss', 'x'.repeat(257)],
    ['derived', undefined],
    ['derived.D', 'no'],
    ['derived.C', 1],
    ['bootstrap', undefined],
    ['bootstrap', 'none'],
    ['bootstrap.resamples', -1],
    ['bootstrap.failed', 0.5],
    ['bootstrap.seed', 0x100000000],
    ['bootstrap.seed', -1],
    ['bootstrap.confidence', 1],
    ['bootstrap.confidence', 0],
    ['bootstrap.confidence', '0.95'],
    ['seconds', -0.001],
    ['seconds', Infinity],
    ['seconds', undefined],
    ['source', undefined],
    ['source.kind', 'json'],
    ['source.name', ''],
    ['source.name', 'x'.repeat(257)],
    ['source.firstRow', 0],
    ['source.lastRow', 1],
    ['source.lastRow', 2.5],
    ['source.firstRow', undefined],
  ];
  const chinchillaOnly: [string, unknown][] = [
    ['params', null],
    ['params.A', Infinity],
    ['params.B', undefined],
    ['params.beta', '0.28'],
    ['intervals', undefined],
    ['intervals', 'wide'],
    ['intervals.alpha', undefined],
    ['intervals.beta', iv(0.4, 0.3)],
    ['intervals.A.low', NaN],
    ['objective', NaN],
    ['huberDelta', undefined],
    ['starts', 1.5],
    ['converged', -1],
    ['data.C', null],
    ['data.D', null],
    ['data.N', null],
  ];
  const powerOnly: [string, unknown][] = [
    ['x', 'loss'],
    ['x', undefined],
    ['pure', null],
    ['pure.x0', NaN],
    ['pure.alpha', undefined],
    ['pure.logCoefficient', 'c'],
    ['pure.rSquared', Infinity],
    ['pure.intervals', undefined],
    ['pure.intervals.alpha', undefined],
    ['pure.intervals.x0', iv(2, 1)],
    ['floor', 'none'],
    ['floor.E', NaN],
    ['floor.x0', undefined],
    ['floor.alpha', Infinity],
    ['floor.logCoefficient', null],
    ['floor.rSquared', undefined],
    ['floor.objective', NaN],
    ['floor.intervals', undefined],
    ['floor.intervals.E', undefined],
    ['floorError', 'bad'],
    ['floorError', { en: 'x' }],
    ['floorError', { en: 'x', zh: 'x'.repeat(2001) }],
    ['data.C', null],
  ];
  for (const [name, make, cases] of [
    ['chinchilla', chinchilla, [...common, ...chinchillaOnly]],
    ['power', power, [...common, ...powerOnly]],
  ] as const) {
    it(`${name}: drops a result with any one bad field (${cases.length} cases)`, () => {
      for (const [path, to] of cases) {
        const r = withPath(make() as Json, path, to);
        assert.equal(parseFitResult(r), undefined, `${path} = ${JSON.stringify(to)?.slice(0, 40)} was accepted`);
      }
      assert.equal(parseFitResult({ ...make(), form: 'kaplan' }), undefined);
      assert.equal(parseFitResult({ ...make(), form: undefined }), undefined);
    });
  }

  it('accepts the limits and the optional parts', () => {
    const ok = (r: Json, what: string) => assert.ok(parseFitResult(r), what);
    ok(withPath(chinchilla(), 'intervals', null), 'chinchilla without intervals');
    ok(withPath(chinchilla(), 'bootstrap', null), 'no bootstrap');
    ok(withPath(chinchilla(), 'bootstrap.seed', 0xffffffff), 'largest seed');
    ok(withPath(chinchilla(), 'bootstrap.confidence', 0.999), '99.9%');
    ok(withPath(chinchilla(), 'seconds', 0), 'zero seconds');
    ok(withPath(chinchilla(), 'source.lastRow', 2), 'one row: firstRow = lastRow');
    ok(withPath(chinchilla(), 'source.kind', 'csv'), 'csv source');
    ok(withPath(chinchilla(), 'source.name', 'x'.repeat(256)), '256-character name');
    ok(withPath(chinchilla(), 'columns', {}), 'no column names');
    ok(withPath(chinchilla(), 'intervals.E', iv(1.69, 1.69)), 'an empty interval');
    ok(withPath(power(), 'floor', null), 'no floor fit');
    ok(withPath(withPath(power(), 'floor', null), 'floorError', { en: 'no floor', zh: '无' }), 'floor error');
    ok(withPath(power(), 'pure.intervals', null), 'pure law without intervals');
    ok(withPath(power(), 'floor.intervals', null), 'floor law without intervals');
    ok(withPath(withPath(power(), 'data.N', null), 'data.D', null), 'power law on C alone');
    for (const x of ['N', 'D', 'C']) ok(withPath(power(), 'x', x), `x = ${x}`);
    const parsedColumns = parseFitResult(withPath(chinchilla(), 'columns', { N: 'n', extra: 'dropped' }));
    assert.deepEqual(parsedColumns?.columns, { N: 'n' });
  });

  it('data sizes: MAX_FIT_ROWS rows at most', () => {
    const rows = (n: number) => {
      const r = chinchilla() as unknown as { data: Record<string, number[]> };
      const fill = (v: number) => Array.from({ length: n }, () => v);
      r.data = { N: fill(1e9), D: fill(2e10), C: fill(1.2e20), loss: fill(2.5), rows: Array.from({ length: n }, (_, i) => i + 2) };
      return r as unknown as Json;
    };
    assert.equal(MAX_FIT_ROWS, 100_000);
    assert.ok(parseFitResult(rows(MAX_FIT_ROWS)));
    assert.equal(parseFitResult(rows(MAX_FIT_ROWS + 1)), undefined);
  });
});
