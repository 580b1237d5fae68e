import * as assert from 'node:assert/strict';
import { parseTableRows } from '../../../src/engine/fit/data';
import { findFirstTable, findTableAt, isDelimiterRow, isTableLine, linesOf, splitRow, type LineSelection } from '../../../src/extension/markdownTable';

const NOTE = [
  '# Runs', // 0
  '', // 1
  'Some text with a | pipe in prose.', // 2
  '', // 3
  '| Model Size | tokens | loss |', // 4
  '|---:|:---:|---|', // 5
  '| 1e8 | 2e9 | 3.10 |', // 6
  '| 4e8 | 8e9 | 2.80 |', // 7
  '| 1.6e9 | 3.2e10 | 2.55 |', // 8
  '| 6.4e9 | 1.28e11 | 2.38 |', // 9
  '| 2.56e10 | 5.12e11 | 2.25 |', // 10
  '', // 11
  'After the table.', // 12
  '', // 13
  '```markdown', // 14
  '| N | D | loss |', // 15
  '|---|---|---|', // 16
  '| 1 | 2 | 3 |', // 17
  '```', // 18
  '', // 19
  'params | loss', // 20
  '--- | ---', // 21
  '1e9 | 2.5', // 22
  '2e9 | 2.4', // 23
].join('\n');

const doc = linesOf(NOTE);
const at = (line: number, character = 2): LineSelection => ({ start: { line, character }, end: { line, character } });
const range = (from: number, to: number, toChar = 3): LineSelection => ({ start: { line: from, character: 0 }, end: { line: to, character: toChar } });

describe('Markdown table finder (src/extension/markdownTable.ts)', () => {
  it('splits rows into trimmed cells, with or without outer pipes, keeping escaped pipes', () => {
    assert.deepEqual(splitRow('| a | b |c|'), ['a', 'b', 'c']);
    assert.deepEqual(splitRow('a | b'), ['a', 'b']);
    assert.deepEqual(splitRow('  | x \\| y | 2 |  '), ['x | y', '2']);
    assert.deepEqual(splitRow('| only |'), ['only']);
    assert.deepEqual(splitRow('| a | |'), ['a', '']);
    assert.equal(isDelimiterRow(splitRow('|---:|:---:|---|')), true);
    assert.equal(isDelimiterRow(splitRow('| --- | x |')), false);
    assert.equal(isTableLine('no pipes'), false);
    assert.equal(isTableLine('escaped \\| only'), false);
    assert.equal(isTableLine('```'), false);
  });

  for (const line of [4, 5, 6, 8, 10]) {
    it(`the cursor on line ${line} finds the whole table (header on line 4, last row on 10)`, () => {
      const t = findTableAt(doc, at(line));
      assert.ok(t);
      assert.equal(t.headerLine, 4);
      assert.equal(t.endLine, 10);
      assert.equal(t.firstRowNumber, 5);
      assert.equal(t.rows.length, 7);
      assert.deepEqual(t.rows[0], ['Model Size', 'tokens', 'loss']);
      assert.deepEqual(t.rows[6], ['2.56e10', '5.12e11', '2.25']);
      assert.equal(t.partial, false);
    });
  }

  it('finds nothing on a blank line, in prose with a pipe, or in a fenced code block', () => {
    for (const line of [1, 2, 3, 11, 12, 15, 16, 17]) assert.equal(findTableAt(doc, at(line)), undefined, `line ${line}`);
  });

  it('finds a table written without outer pipes', () => {
    const t = findTableAt(doc, at(22));
    assert.ok(t);
    assert.equal(t.headerLine, 20);
    assert.equal(t.endLine, 23);
    assert.deepEqual(t.rows, [
      ['params', 'loss'],
      ['---', '---'],
      ['1e9', '2.5'],
      ['2e9', '2.4'],
    ]);
  });

  it('a selection of some data rows keeps only those, with the row numbers of the note', () => {
    const t = findTableAt(doc, range(7, 9));
    assert.ok(t);
    assert.equal(t.partial, true);
    assert.equal(t.firstDataLine, 7);
    assert.equal(t.lastDataLine, 9);
    assert.equal(t.endLine, 10, 'results still go after the whole table');
    assert.deepEqual(t.rows[2], [], 'line 6 is left out');
    const parsed = parseTableRows(t.rows, { form: 'power', firstRowNumber: t.firstRowNumber, minRows: 1 });
    assert.ok(parsed.ok);
    assert.deepEqual(Array.from(parsed.data.sourceRows), [8, 9, 10], '1-based line numbers of the selected rows');
    assert.deepEqual(Array.from(parsed.data.loss), [2.8, 2.55, 2.38]);
  });

  it('a selection that ends at the start of a line leaves that line out', () => {
    const t = findTableAt(doc, range(6, 9, 0));
    assert.ok(t);
    assert.equal(t.firstDataLine, 6);
    assert.equal(t.lastDataLine, 8);
  });

  it('a selection of the header only, of everything, or inside one row means the whole table', () => {
    for (const sel of [range(4, 4, 10), range(3, 12), { start: { line: 7, character: 2 }, end: { line: 7, character: 8 } }]) {
      const t = findTableAt(doc, sel);
      assert.ok(t);
      assert.equal(t.partial, false);
      assert.equal(t.firstDataLine, 6);
      assert.equal(t.lastDataLine, 10);
    }
  });

  it('a bad cell is reported with its line in the note', () => {
    const bad = linesOf(NOTE.replace('| 4e8 | 8e9 | 2.80 |', '| 4e8 | 8e9 | n/a |'));
    const t = findTableAt(bad, at(6));
    assert.ok(t);
    const parsed = parseTableRows(t.rows, { firstRowNumber: t.firstRowNumber });
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.row, 8);
    assert.equal(parsed.error.column, 'loss');
    assert.match(parsed.error.message.en, /^Row 8, column "loss": "n\/a" is not a number/);
  });

  it('looks no further than its window', () => {
    const lines = ['| N | loss |', '|---|---|', ...Array.from({ length: 50 }, (_, i) => `| ${i + 1}e8 | ${3 - i / 100} |`)];
    const big = linesOf(lines.join('\n'));
    // From the last row with a 10-line window the header is out of reach: no table.
    assert.equal(findTableAt(big, at(51), 10), undefined);
    const near = findTableAt(big, at(5), 10);
    assert.ok(near);
    assert.equal(near.headerLine, 0);
    assert.equal(near.endLine, 15, 'the table is cut at the window below the cursor');
  });

  it('findFirstTable skips fenced code and finds the first real table', () => {
    const text = ['```', '| a | b |', '|---|---|', '```', '', '| N | D | loss |', '|---|---|---|', '| 1e8 | 2e9 | 3 |'].join('\n');
    const t = findFirstTable(linesOf(text));
    assert.ok(t);
    assert.equal(t.headerLine, 5);
    assert.equal(t.endLine, 7);
    assert.equal(findFirstTable(linesOf('no tables here\n| just | a row |')), undefined);
  });
});
