// How the CSV splitter (src/engine/fit/data.ts) picks its delimiter: from the header line
// alone, the one of , ; tab that it uses most outside quotes, the comma on a tie or when
// the header has none. The expected records are written out by hand.
import assert from 'node:assert/strict';
import { splitCsv } from '../../../src/engine/fit/data';

const cellsOf = (text: string): string[][] => splitCsv(text).map((r) => r.cells);

describe('engine/fit/data: the delimiter guess', () => {
  it('counts the header line only (LF or a lone CR ends it), not the decimal commas of the rows below', () => {
    // Three semicolons in all, four commas: only the header's one semicolon decides.
    const rows = [
      ['a', 'b'],
      ['1,5', '2,5'],
      ['1,7', '3,1'],
    ];
    assert.deepEqual(cellsOf('a;b\n1,5;2,5\n1,7;3,1'), rows);
    assert.deepEqual(cellsOf('a;b\r1,5;2,5\r1,7;3,1'), rows);
    assert.deepEqual(cellsOf('a;b\r\n1,5;2,5\r\n1,7;3,1'), rows);
  });

  it('takes the delimiter the header uses most: a comma header whose name holds a semicolon', () => {
    assert.deepEqual(cellsOf('model,params (N; count),loss\nx,1e9,3.1'), [
      ['model', 'params (N; count)', 'loss'],
      ['x', '1e9', '3.1'],
    ]);
    assert.deepEqual(cellsOf('a;b,c;d\n1;2,5;3'), [
      ['a', 'b,c', 'd'],
      ['1', '2,5', '3'],
    ]);
  });

  it('falls back to the comma on a tie and for a one-column header', () => {
    assert.deepEqual(cellsOf('a,b;c\n1,2;3'), [
      ['a', 'b;c'],
      ['1', '2;3'],
    ]);
    assert.deepEqual(cellsOf('a;b\tc\n1;2\t3'), [
      ['a', 'b\tc'],
      ['1', '2\t3'],
    ]);
    // No delimiter in the header: an unquoted comma in a row still splits it (and the
    // table reader then reports a ragged row instead of a cell "1,5").
    assert.deepEqual(cellsOf('loss\n1,5\n2'), [['loss'], ['1', '5'], ['2']]);
  });

  it('ends every record at its line break and the last one at the end of the text', () => {
    assert.deepEqual(splitCsv('a,"b"x\n"c""d",e\n'), [
      { line: 1, cells: ['a', 'bx'] },
      { line: 2, cells: ['c"d', 'e'] },
    ]);
    assert.deepEqual(splitCsv('a,b,'), [{ line: 1, cells: ['a', 'b', ''] }]);
    assert.deepEqual(splitCsv(''), []);
  });
});
