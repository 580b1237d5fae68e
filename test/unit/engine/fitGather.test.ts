// gather (src/engine/fit/bootstrap.ts): the rows of a resample copied into a buffer,
// checked against values written here (issue 15, from the mutation run).
import * as assert from 'node:assert/strict';
import { gather } from '../../../src/engine/fit/bootstrap';

describe('engine/fit/bootstrap: gather', () => {
  it('copies src[rows[i]] into out[i], repeats included, and leaves the rest of a longer buffer alone', () => {
    const src = [10, 20, 30, 40];
    const out = new Float64Array([7, 7, 7, 7, 7]);
    const returned = gather(src, Int32Array.from([3, 0, 3]), out);
    assert.equal(returned, out, 'the buffer itself is returned');
    assert.deepEqual([...out], [40, 10, 40, 7, 7]);
  });
});
