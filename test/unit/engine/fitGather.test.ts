// gather and resampleRows (src/engine/fit/bootstrap.ts): the rows of a resample copied into
// a buffer, and the resamples a share of a parallel run visits, checked against values
// written here or against a single run (issue 15, from the mutation run).
import * as assert from 'node:assert/strict';
import { gather, resampleRows } from '../../../src/engine/fit/bootstrap';

describe('engine/fit/bootstrap: gather', () => {
  it('copies src[rows[i]] into out[i], repeats included, and leaves the rest of a longer buffer alone', () => {
    const src = [10, 20, 30, 40];
    const out = new Float64Array([7, 7, 7, 7, 7]);
    const returned = gather(src, Int32Array.from([3, 0, 3]), out);
    assert.equal(returned, out, 'the buffer itself is returned');
    assert.deepEqual([...out], [40, 10, 40, 7, 7]);
  });

  it('resampleRows: share k of m visits resamples k, k + m, …, with the rows of a single run', () => {
    const single: [number, number[]][] = [];
    resampleRows(5, 7, 42, (r, rows) => single.push([r, [...rows]]));
    assert.deepEqual(
      single.map(([r]) => r),
      [0, 1, 2, 3, 4, 5, 6],
    );
    for (const [r, rows] of single) assert.ok(rows.length === 5 && rows.every((i) => Number.isInteger(i) && i >= 0 && i < 5), `resample ${r}`);
    const share: [number, number[]][] = [];
    resampleRows(5, 7, 42, (r, rows) => share.push([r, [...rows]]), { index: 1, count: 3 });
    assert.deepEqual(share, [single[1], single[4]]);
  });
});
