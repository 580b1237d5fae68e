// How a note writes a value (src/engine/formulas/values.ts extractNoteValues): powers of
// ten in every notation, products, scale suffixes, compute units, and which symbols a
// scaling-law note gives values for. Each expected value is the number as written.
import * as assert from 'node:assert/strict';
import { extractNoteValues } from '../../../src/engine/formulas/values';

const read = (s: string) => extractNoteValues(s).map((v) => [v.symbol, v.value, v.unit ?? null]);

describe('engine/formulas: values as a note writes them', () => {
  it('powers of ten and products: 10^-3, 10^{13}, 8.8 × 10^13, 8.8*10^{-3}', () => {
    assert.deepEqual(read('N = 10^-3'), [['N', 1e-3, null]]);
    assert.deepEqual(read('N = 10^{13}'), [['N', 1e13, null]]);
    assert.deepEqual(read('N = 10^{-2}'), [['N', 1e-2, null]]);
    assert.deepEqual(read('N = -10^3'), [['N', -1e3, null]]);
    assert.deepEqual(read('N_c = 8.8 × 10^13'), [['N_c', 8.8e13, null]]);
    assert.deepEqual(read('N_c = 8.8*10^13'), [['N_c', 8.8e13, null]]);
    assert.deepEqual(read('N_c = 8.8 * 10^{-3}'), [['N_c', 8.8e-3, null]]);
    for (const bad of ['N = 8.8 ×10^1.5', 'N = 10^-x', 'N = 8.8 × 11^13', 'N = 10^', 'α = 2 ^ 3']) assert.deepEqual(read(bad), [], bad);
  });

  it('scale suffixes and compute units', () => {
    assert.deepEqual(read('D = 1.4T'), [['D', 1.4e12, null]]);
    assert.deepEqual(read('N = 70B'), [['N', 70e9, null]]);
    assert.deepEqual(read('N = 125M'), [['N', 125e6, null]]);
    assert.deepEqual(read('N = 5k'), [['N', 5e3, null]]);
    assert.deepEqual(read('C = 1e21 FLOPs'), [['C', 1e21, 'FLOPs']]);
    assert.deepEqual(read('C = 3 PF-days'), [['C', 3, 'PF-days']]);
    assert.deepEqual(read('C = 3 petaflop-days'), [['C', 3, 'PF-days']]);
  });

  it('which symbols carry values: Greek letters, C/N/D with any subscript, L∞ and L₀, bare E, A, B', () => {
    assert.deepEqual(read('α = 0.05, β = 0.3'), [
      ['alpha', 0.05, null],
      ['beta', 0.3, null],
    ]);
    assert.deepEqual(read('C_0 = 2'), [['C_0', 2, null]]);
    assert.deepEqual(read('N_1 = 5'), [['N_1', 5, null]]);
    assert.deepEqual(read('L_inf = 1.7'), [['L_inf', 1.7, null]]);
    assert.deepEqual(read('L_∞ = 1.7'), [['L_inf', 1.7, null]]);
    assert.deepEqual(read('L_0 = 2'), [['L_0', 2, null]]);
    assert.deepEqual(read('E = 1.69'), [['E', 1.69, null]]);
    assert.deepEqual(read('A = 406.4'), [['A', 406.4, null]]);
    assert.deepEqual(read('B = 410.7'), [['B', 410.7, null]]);
    for (const bad of ['A_1 = 3', 'B_2 = 3', 'E_0 = 1', 'L_1 = 2', 'L = 2', 'x = 5', 'K = 3']) assert.deepEqual(read(bad), [], bad);
  });
});
