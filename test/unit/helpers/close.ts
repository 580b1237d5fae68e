// Deep equality with numbers compared to a relative tolerance. Values computed once and
// stored (src/engine/emergence/shippedFits.generated.ts) match a recomputation bit for
// bit only on the same JavaScript engine: V8 versions differ by an ulp in Math.exp and
// Math.log, which an optimiser carries to ~1e-11 relative (Node 20 vs Node 24 here).
import * as assert from 'node:assert/strict';

/** Asserts `actual` equals `expected` in structure, strings and booleans exactly, and numbers within `rel` (relative) or `abs`. */
export function assertDeepClose(actual: unknown, expected: unknown, rel = 1e-9, abs = 1e-12, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return assert.ok(Number.isNaN(actual), `${path}: ${actual} is not NaN`);
    if (!Number.isFinite(expected)) return assert.equal(actual, expected, path);
    const tolerance = Math.max(abs, rel * Math.abs(expected));
    return assert.ok(Math.abs(actual - expected) <= tolerance, `${path}: ${actual} differs from ${expected} by more than ${tolerance}`);
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: not an array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertDeepClose(actual[i], e, rel, abs, `${path}[${i}]`));
    return;
  }
  if (ArrayBuffer.isView(expected) && !(expected instanceof DataView)) {
    assert.ok(ArrayBuffer.isView(actual), `${path}: not a typed array`);
    return assertDeepClose(Array.from(actual as unknown as ArrayLike<number>), Array.from(expected as unknown as ArrayLike<number>), rel, abs, path);
  }
  if (typeof expected === 'object' && expected !== null) {
    assert.ok(typeof actual === 'object' && actual !== null, `${path}: not an object`);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), `${path}: keys`);
    for (const k of Object.keys(e)) assertDeepClose(a[k], e[k], rel, abs, `${path}.${k}`);
    return;
  }
  assert.equal(actual, expected, path);
}
