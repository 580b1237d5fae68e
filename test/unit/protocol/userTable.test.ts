// The user's emergence table in the panel messages (issue 15, from the mutation run):
// parseUserTable's limits on both sides, its copy, and the 'rendered' report's table summary.
import * as assert from 'node:assert/strict';
import { parseHostMessage, parseUserTable, parseWebviewMessage, USER_TABLE_LIMITS } from '../../../src/protocol/messages';

const L = USER_TABLE_LIMITS;
const ROWS = [
  ['Model', 'params', 'arithmetic_3ds_2_acc'],
  ['m1', '1e8', '0.01'],
  ['m2', '1e9', '0.40'],
];
const good = () => ({ name: 'models.csv', rows: ROWS.map((r) => [...r]), firstRowNumber: 1 });

describe('protocol: the user table', () => {
  it('accepts every limit exactly and copies the table', () => {
    assert.deepEqual(L, { rows: 2000, cells: 64, cellLength: 200, nameLength: 200 });
    const input = good();
    const parsed = parseUserTable(input);
    assert.deepEqual(parsed, input);
    input.rows[1][0] = 'changed';
    input.rows.push(['m3', '1e10', '0.9']);
    assert.equal(parsed?.rows[1][0], 'm1', 'rows are copied, not shared');
    assert.equal(parsed?.rows.length, 3);
    const ok = (u: unknown, what: string) => assert.ok(parseUserTable(u), what);
    ok({ ...good(), name: 'x' }, 'a one-character name');
    ok({ ...good(), name: 'x'.repeat(L.nameLength) }, 'a name of nameLength characters');
    ok({ ...good(), rows: ROWS.slice(0, 2) }, 'two rows (a header and one model)');
    ok({ ...good(), rows: Array.from({ length: L.rows }, () => ['1']) }, 'rows at the limit');
    ok({ ...good(), rows: [...ROWS, Array.from({ length: L.cells }, () => '1')] }, 'cells at the limit');
    ok({ ...good(), rows: [...ROWS, ['x'.repeat(L.cellLength)], []] }, 'a cell of cellLength characters, an empty row');
    ok({ ...good(), firstRowNumber: 2000 }, 'a later first row');
  });

  it('drops a table with any one bad field', () => {
    const bad: [string, unknown][] = [
      ['null', null],
      ['a string', 'models.csv'],
      ['no name', { ...good(), name: undefined }],
      ['a numeric name', { ...good(), name: 7 }],
      ['an empty name', { ...good(), name: '' }],
      ['a long name', { ...good(), name: 'x'.repeat(L.nameLength + 1) }],
      ['no first row', { ...good(), firstRowNumber: undefined }],
      ['a string first row', { ...good(), firstRowNumber: '1' }],
      ['first row 0', { ...good(), firstRowNumber: 0 }],
      ['a fractional first row', { ...good(), firstRowNumber: 1.5 }],
      ['rows not an array', { ...good(), rows: 'm1,1e8' }],
      ['one row', { ...good(), rows: ROWS.slice(0, 1) }],
      ['too many rows', { ...good(), rows: Array.from({ length: L.rows + 1 }, () => ['1']) }],
      ['a row that is not an array', { ...good(), rows: [...ROWS, 'm3'] }],
      ['too many cells', { ...good(), rows: [...ROWS, Array.from({ length: L.cells + 1 }, () => '1')] }],
      ['a numeric cell', { ...good(), rows: [...ROWS, ['m3', 1e10]] }],
      ['a cell that is an array of one string', { ...good(), rows: [...ROWS, ['m3', ['1e10']]] }],
      ['a cell with a length but no text', { ...good(), rows: [...ROWS, ['m3', { length: 4 }]] }],
      ['a long cell', { ...good(), rows: [...ROWS, ['m3', 'x'.repeat(L.cellLength + 1)]] }],
    ];
    for (const [what, u] of bad) assert.equal(parseUserTable(u), undefined, what);
  });

  it("the 'show' message carries the table only when it is valid", () => {
    const show = (userTable: unknown) => parseHostMessage({ type: 'show', sectionId: 'emergence-real', lang: 'zh', userTable });
    const parsed = show(good());
    assert.ok(parsed && parsed.type === 'show');
    assert.deepEqual(parsed.userTable, good());
    assert.equal(show({ ...good(), name: '' }), undefined, 'a bad table drops the whole message');
    const without = parseHostMessage({ type: 'show', sectionId: 'emergence-real', lang: 'zh' });
    assert.ok(without && without.type === 'show');
    assert.equal('userTable' in without, false, 'no table: no userTable key');
  });

  it("the 'rendered' report names the user's table and its model count, within limits", () => {
    const rendered = (userTable: unknown) =>
      parseWebviewMessage({ type: 'rendered', sectionId: 'emergence-real', params: {}, charts: [{ id: 'real', marks: 12, digest: 'abc' }], userTable });
    assert.deepEqual(rendered({ name: 'models.csv', models: 6 }), {
      type: 'rendered',
      sectionId: 'emergence-real',
      params: {},
      charts: [{ id: 'real', marks: 12, digest: 'abc' }],
      userTable: { name: 'models.csv', models: 6 },
    });
    assert.deepEqual(rendered({ name: 'x'.repeat(L.nameLength), models: 0, extra: 1 }), {
      type: 'rendered',
      sectionId: 'emergence-real',
      params: {},
      charts: [{ id: 'real', marks: 12, digest: 'abc' }],
      userTable: { name: 'x'.repeat(L.nameLength), models: 0 },
    });
    const none = parseWebviewMessage({ type: 'rendered', sectionId: 'emergence-real', params: {}, charts: [] });
    assert.deepEqual(none, { type: 'rendered', sectionId: 'emergence-real', params: {}, charts: [] });
    for (const u of [
      null,
      'models.csv',
      { models: 6 },
      { name: 5, models: 6 },
      { name: 'x'.repeat(L.nameLength + 1), models: 6 },
      { name: 'models.csv' },
      { name: 'models.csv', models: '6' },
      { name: 'models.csv', models: 2.5 },
      { name: 'models.csv', models: -1 },
    ])
      assert.equal(rendered(u), undefined, JSON.stringify(u));
  });

  it("the 'rendered' report drops a chart whose marks are not a count", () => {
    const rendered = (marks: unknown) => parseWebviewMessage({ type: 'rendered', sectionId: 's', params: {}, charts: [{ id: 'c', marks, digest: '' }] });
    assert.ok(rendered(0));
    for (const marks of ['3', 1.5, -1, null]) assert.equal(rendered(marks), undefined, String(marks));
  });
});
