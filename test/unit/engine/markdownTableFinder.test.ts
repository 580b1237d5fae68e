// The Markdown table finder of the fit command (src/engine/fit/markdownTable.ts): which
// lines are a table, the table under the cursor or the selection, the first table of a
// file, fenced code skipped. Notes written here, expected lines counted by hand.
import * as assert from 'node:assert/strict';
import { findFirstTable, findTableAt, isDelimiterRow, isTableLine, linesOf, splitRow, type LineSource } from '../../../src/engine/fit/markdownTable';

const NOTE = [
  '# Runs', // 0
  'prose with a | pipe', // 1
  '| N | loss |', // 2
  '|---|---:|', // 3
  '| 1e8 | 3.1 |', // 4
  '| 1e9 | 2.6 |', // 5
  '| 1e10 | 2.2 |', // 6
  '', // 7
  '```', // 8
  '| a | b |', // 9
  '|---|---|', // 10
  '| 1 | 2 |', // 11
  '```', // 12
  'end', // 13
].join('\n');

const at = (line: number, character = 0) => ({ line, character });

/** A LineSource that throws on a line outside the document, as TextDocument.lineAt does. */
function strictLines(lines: readonly string[]): LineSource {
  return {
    lineCount: lines.length,
    lineAt(i: number) {
      if (!(i >= 0 && i < lines.length)) throw new RangeError(`line ${i} is outside 0..${lines.length - 1}`);
      return { text: lines[i] };
    },
  };
}
const cursor = (line: number) => ({ start: at(line), end: at(line) });

describe('engine/fit/markdownTable', () => {
  it('splitRow drops the outer pipes, trims cells and keeps escaped pipes', () => {
    assert.deepEqual(splitRow('| a | b |'), ['a', 'b']);
    assert.deepEqual(splitRow('a | b'), ['a', 'b']);
    assert.deepEqual(splitRow('| a | b'), ['a', 'b'], 'a leading pipe without a trailing one');
    assert.deepEqual(splitRow('  | x \\| y | z |  '), ['x | y', 'z']);
    assert.deepEqual(splitRow('| a | b \\|'), ['a', 'b |'], 'a final escaped pipe is a literal');
    assert.deepEqual(splitRow('|'), ['']);
    assert.deepEqual(splitRow('| a || b |'), ['a', '', 'b']);
    assert.deepEqual(splitRow('a \\ b | c'), ['a \\ b', 'c'], 'a backslash before anything else stays');
  });

  it('isTableLine: an unescaped pipe on a non-blank line outside a fence opener', () => {
    assert.equal(isTableLine('| a |'), true);
    assert.equal(isTableLine('a | b'), true);
    assert.equal(isTableLine('|'), true);
    assert.equal(isTableLine('a \\| b'), false, 'only an escaped pipe');
    assert.equal(isTableLine('a \\| b | c'), true);
    assert.equal(isTableLine('   '), false);
    assert.equal(isTableLine(''), false);
    assert.equal(isTableLine('```| x |'), false, 'a fence line');
    assert.equal(isTableLine('   ~~~ | x'), false, 'a fence indented up to 3');
    assert.equal(isTableLine('    ``` | x'), true, 'four spaces: not a fence');
    assert.equal(isTableLine('no pipe here'), false);
  });

  it('isDelimiterRow: one dash or more per cell, optional colons', () => {
    assert.equal(isDelimiterRow(['---', ':--', '--:', ':-:', '-']), true);
    assert.equal(isDelimiterRow([' --- ']), true);
    assert.equal(isDelimiterRow([]), false);
    assert.equal(isDelimiterRow(['---', '']), false);
    assert.equal(isDelimiterRow(['::']), false);
    assert.equal(isDelimiterRow(['-x-']), false);
    assert.equal(isDelimiterRow(['a---']), false);
    assert.equal(isDelimiterRow(['---b']), false);
  });

  it('the table under the cursor, from any of its lines; none in prose, blank lines or fenced code', () => {
    const doc = linesOf(NOTE);
    for (const line of [2, 3, 4, 6]) {
      const t = findTableAt(doc, cursor(line));
      assert.ok(t, `line ${line}`);
      assert.deepEqual(
        { headerLine: t.headerLine, endLine: t.endLine, first: t.firstDataLine, last: t.lastDataLine, partial: t.partial, n: t.firstRowNumber },
        { headerLine: 2, endLine: 6, first: 4, last: 6, partial: false, n: 3 },
        `line ${line}`,
      );
      assert.deepEqual(t.rows, [
        ['N', 'loss'],
        ['---', '---:'],
        ['1e8', '3.1'],
        ['1e9', '2.6'],
        ['1e10', '2.2'],
      ]);
    }
    for (const line of [0, 1, 7, 9, 10, 11, 13, -1, 99]) assert.equal(findTableAt(doc, cursor(line)), undefined, `line ${line}`);
  });

  it('a selection of data rows takes those rows, keeping line numbers; one that ends at character 0 stops a line earlier', () => {
    const doc = linesOf(NOTE);
    const rows = findTableAt(doc, { start: at(5), end: at(6, 4) });
    assert.ok(rows);
    assert.equal(rows.partial, true);
    assert.deepEqual([rows.firstDataLine, rows.lastDataLine], [5, 6]);
    assert.deepEqual(rows.rows, [['N', 'loss'], ['---', '---:'], [], ['1e9', '2.6'], ['1e10', '2.2']]);
    const early = findTableAt(doc, { start: at(4), end: at(6, 0) });
    assert.ok(early);
    assert.deepEqual([early.firstDataLine, early.lastDataLine, early.partial], [4, 5, true]);
    assert.equal(early.rows.length, 4, 'rows up to the last used line');
    const plain = linesOf(['# Runs', '', '| N | loss |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |'].join('\n'));
    const fromProse = findTableAt(plain, { start: at(0), end: at(4, 3) });
    assert.ok(fromProse, 'the first table line of the selection anchors it');
    assert.deepEqual([fromProse.headerLine, fromProse.firstDataLine, fromProse.lastDataLine, fromProse.partial], [2, 4, 4, true]);
    assert.equal(findTableAt(doc, { start: at(0), end: at(4, 3) }), undefined, 'anchored on the pipe in prose above the header: no table');
    const caret = findTableAt(doc, { start: at(5, 2), end: at(5, 2) });
    assert.deepEqual([caret?.firstDataLine, caret?.lastDataLine, caret?.partial], [4, 6, false], 'a caret inside a data row: the whole table');
    const headerOnly = findTableAt(doc, { start: at(2), end: at(3, 5) });
    assert.ok(headerOnly);
    assert.deepEqual([headerOnly.firstDataLine, headerOnly.lastDataLine, headerOnly.partial], [4, 6, false], 'no data row selected: the whole table');
    const all = findTableAt(doc, { start: at(2), end: at(7, 0) });
    assert.ok(all);
    assert.equal(all.partial, false);
  });

  it('pipe lines right above the header are prose; a header needs as many cells as the delimiter', () => {
    const doc = linesOf(['a | b | c', '| N | loss |', '|---|---|', '| 1 | 2 |'].join('\n'));
    const t = findTableAt(doc, cursor(3));
    assert.ok(t);
    assert.equal(t.headerLine, 1);
    assert.equal(findTableAt(doc, cursor(0)), undefined, 'the line above the header');
    const mismatch = linesOf(['| a | b | c |', '|---|---|', '| 1 | 2 |'].join('\n'));
    assert.equal(findTableAt(mismatch, cursor(2)), undefined);
  });

  it('a window bounds how far the finder looks', () => {
    const lines = ['| N | loss |', '|---|---|', ...Array.from({ length: 20 }, (_, i) => `| ${i + 1}e8 | 3 |`)];
    const doc = linesOf(lines.join('\n'));
    assert.equal(findTableAt(doc, cursor(21), 30)?.headerLine, 0);
    assert.equal(findTableAt(doc, cursor(21), 10), undefined, 'the header is out of reach');
    assert.equal(findTableAt(doc, cursor(2), 5)?.endLine, 7, 'the end is cut at the window');
  });

  it('a fence opened above the cursor hides a table, a matching (or longer) fence closes it', () => {
    const open = linesOf(['~~~~', '```', '| N | loss |', '|---|---|', '| 1 | 2 |'].join('\n'));
    assert.equal(findTableAt(open, cursor(4)), undefined, '``` does not close ~~~~');
    const closed = linesOf(['~~~', 'x', '~~~~', '| N | loss |', '|---|---|', '| 1 | 2 |'].join('\n'));
    assert.equal(findTableAt(closed, cursor(5))?.headerLine, 3, 'a longer fence of the same character closes');
    const short = linesOf(['````', '```', '| N | loss |', '|---|---|', '| 1 | 2 |'].join('\n'));
    assert.equal(findTableAt(short, cursor(4)), undefined, 'a shorter fence does not close');
    const far = linesOf(['```', ...Array.from({ length: 10 }, () => 'x'), '| N | loss |', '|---|---|', '| 1 | 2 |'].join('\n'));
    assert.equal(findTableAt(far, cursor(13), 5)?.headerLine, 11, 'a fence beyond the window is not seen');
  });

  it('findFirstTable takes the first table outside fenced code, with all its rows', () => {
    const fenced = [
      '```',
      '| a | b |',
      '|---|---|',
      '| 1 | 2 |',
      '```',
      '',
      '| N | loss |',
      '|:-|-:|',
      '| 1e8 | 3.1 |',
      '| 1e9 | 2.6 |',
      '',
      '| x | y |',
      '|---|---|',
    ];
    const t = findFirstTable(linesOf(fenced.join('\n')));
    assert.ok(t);
    assert.deepEqual([t.headerLine, t.endLine, t.firstDataLine, t.lastDataLine, t.partial, t.firstRowNumber], [6, 9, 8, 9, false, 7]);
    assert.equal(t.rows.length, 4);
    assert.equal(findFirstTable(linesOf(['~~~', '| a | b |', '|---|---|', '```', '| 1 | 2 |'].join('\n'))), undefined, 'a ``` does not close ~~~');
    const reopened = ['~~~', '| a |', '|---|', '~~~~', '| b |', '|---|', '| 2 |'];
    assert.equal(findFirstTable(linesOf(reopened.join('\n')))?.headerLine, 4);
    assert.equal(findFirstTable(linesOf(['|---|---|', '| 1 | 2 |'].join('\n'))), undefined, 'a delimiter on the first line has no header');
    assert.equal(findFirstTable(linesOf(['text', '|---|---|'].join('\n'))), undefined, 'the line above is not a table line');
    assert.equal(findFirstTable(linesOf(['| a | b | c |', '|---|---|'].join('\n'))), undefined, 'cell counts differ');
    const late = ['x', 'y', 'z', '| N | loss |', '|---|---|', '| 1 | 2 |'];
    assert.equal(findFirstTable(linesOf(late.join('\n')), 4), undefined, 'the delimiter lies past the limit');
    assert.equal(findFirstTable(linesOf(late.join('\n')), 5)?.endLine, 5);
  });

  it('linesOf splits on LF and CRLF and gives "" past the end', () => {
    const doc = linesOf('a\r\nb\nc');
    assert.equal(doc.lineCount, 3);
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => doc.lineAt(i).text),
      ['a', 'b', 'c', ''],
    );
  });

  it('a table filling the whole document is found from every line, reading no line outside it', () => {
    const lines = ['| N | loss |', '|---|---|', '| 1 | 2 |', '| 3 | 4 |'];
    const doc = strictLines(lines);
    for (let line = 0; line < lines.length; line++) {
      const t = findTableAt(doc, cursor(line));
      assert.deepEqual([t?.headerLine, t?.endLine], [0, 3], `line ${line}`);
    }
    for (const line of [-1, 4, 5]) assert.equal(findTableAt(doc, cursor(line)), undefined, `line ${line}`);
    assert.deepEqual([findFirstTable(doc)?.headerLine, findFirstTable(doc)?.endLine], [0, 3]);
    const headerOnly = strictLines(['| N | loss |', '|---|---|']);
    assert.equal(findTableAt(headerOnly, cursor(0))?.endLine, 1, 'a table with no data row yet');
    assert.equal(findTableAt(headerOnly, cursor(1))?.headerLine, 0);
    assert.equal(findFirstTable(headerOnly)?.endLine, 1);
    assert.equal(findFirstTable(strictLines(['|---|---|', '| 1 | 2 |'])), undefined, 'a delimiter on the first line has no header');
  });

  it('the window is exact: a header `window` lines above the cursor is found, one more is not', () => {
    const lines = ['| N | loss |', '|---|---|', ...Array.from({ length: 20 }, (_, i) => `| ${i + 1}e8 | 3 |`)];
    const doc = strictLines(lines);
    assert.equal(findTableAt(doc, cursor(10), 10)?.headerLine, 0);
    assert.equal(findTableAt(doc, cursor(11), 10), undefined);
  });

  it('a fence closes only with the same character and at least the same length (findTableAt and findFirstTable)', () => {
    const otherChar = ['~~~', '````', '| N | loss |', '|---|---|', '| 1 | 2 |'];
    assert.equal(findTableAt(strictLines(otherChar), cursor(4)), undefined, '```` does not close ~~~');
    assert.equal(findFirstTable(strictLines(otherChar)), undefined, '```` does not close ~~~');
    const sameLength = ['```', 'x', '```', '| N | loss |', '|---|---|', '| 1 | 2 |'];
    assert.equal(findTableAt(strictLines(sameLength), cursor(5))?.headerLine, 3, 'an equal fence closes');
    assert.equal(findFirstTable(strictLines(sameLength))?.headerLine, 3, 'an equal fence closes');
  });

  it('a selection with no table line anchors nothing, even with a table right after it', () => {
    const doc = strictLines(['prose', 'more prose', '| N | loss |', '|---|---|', '| 1 | 2 |']);
    assert.equal(findTableAt(doc, { start: at(0), end: at(1, 3) }), undefined);
    assert.equal(findTableAt(doc, { start: at(0), end: at(2, 0) }), undefined, 'ending at the start of the header line');
    assert.equal(findTableAt(doc, { start: at(0), end: at(2, 1) })?.headerLine, 2);
  });

  it('findFirstTable: the header is the line above the delimiter, with as many cells', () => {
    assert.equal(findFirstTable(strictLines(['text', '|---|', '| 1 |'])), undefined, 'the line above is not a table line');
    assert.equal(findFirstTable(strictLines(['| a | b | c |', '|---|---|', '| 1 | 2 |'])), undefined, 'cell counts differ from the line above');
    assert.equal(findFirstTable(strictLines(['# x', '| a |', '|---|', '| 1 |']))?.headerLine, 1);
  });

  it('findFirstTable takes at most 5000 lines after the delimiter', () => {
    const lines = ['| N | loss |', '|---|---|', ...Array.from({ length: 5100 }, (_, i) => `| ${i + 1} | 3 |`)];
    const t = findFirstTable(strictLines(lines));
    assert.ok(t);
    assert.deepEqual([t.headerLine, t.endLine, t.lastDataLine], [0, 1 + 5000, 1 + 5000]);
  });
});
