// Number cells as people write them (src/engine/fit/numbers.ts): every accepted form with
// its value written by hand, the form reported (plain, scientific, suffixed), and the
// near-misses that must be refused rather than misread.
import * as assert from 'node:assert/strict';
import { MAX_NUMBER_CELL, exactPowerOfTen, parseNumber, readNumber } from '../../../src/engine/fit/numbers';

const read = (cell: string, thousands = true) => readNumber(cell, { thousands });

describe('engine/fit/numbers', () => {
  it('reads plain decimals, signs and exponents', () => {
    assert.deepEqual(read('1.4e22'), { value: 1.4e22, form: 'plain' });
    assert.deepEqual(read('  -2.5  '), { value: -2.5, form: 'plain' });
    assert.deepEqual(read('+3'), { value: 3, form: 'plain' });
    assert.deepEqual(read('.5'), { value: 0.5, form: 'plain' });
    assert.deepEqual(read('7.'), { value: 7, form: 'plain' });
    assert.deepEqual(read('6E-3'), { value: 0.006, form: 'plain' });
    assert.deepEqual(read('2e+3'), { value: 2000, form: 'plain' });
    assert.deepEqual(read('1_000'), null, 'an underscore is a space, and "1 000" is no number');
  });

  it('reads thousands groups only in the strict pattern, and not at all when told not to', () => {
    assert.equal(read('1,000,000')?.value, 1e6);
    assert.equal(read('12,345.5')?.value, 12345.5);
    assert.equal(read('-999,999')?.value, -999999);
    // A group needs 1–3 leading digits: ",123.5" and "-,123.5" are not 123.5.
    for (const bad of ['1,5', '12,34', '1,2345', '1234,567', ',123', ',123.5', '-,123.5', ',123,456.5', '1,000,00']) assert.equal(read(bad), null, bad);
    assert.deepEqual(read('1,000.000'), { value: 1000, form: 'plain' }, 'a point ends the groups');
    assert.equal(read('1,000x000'), null);
    assert.equal(read('1,500', false), null, 'a semicolon CSV: the comma is not a separator');
    assert.equal(read('1500', false)?.value, 1500);
  });

  it('reads powers of ten in every notation, as the exact double', () => {
    assert.deepEqual(read('10^22'), { value: 1e22, form: 'scientific' });
    assert.deepEqual(read('10^{23}'), { value: 1e23, form: 'scientific' });
    assert.deepEqual(read('10 ^ -3'), { value: 0.001, form: 'scientific' });
    assert.deepEqual(read('10^−3'), { value: 0.001, form: 'scientific' });
    assert.deepEqual(read('10^+2'), { value: 100, form: 'scientific' });
    assert.deepEqual(read('$10^{22}$'), { value: 1e22, form: 'scientific' });
    for (const spaced of ['10^ {22}', '10^{ 22}', '10^{22 }', '2 × 10 ^ { 22 }'])
      assert.equal(read(spaced)?.value, spaced.startsWith('2') ? 2e22 : 1e22, spaced);
    assert.deepEqual(read('1.4 × 10^22'), { value: 1.4 * 1e22, form: 'scientific' });
    assert.deepEqual(read('1.4*10^{22}'), { value: 1.4 * 1e22, form: 'scientific' });
    assert.deepEqual(read('2x10^3'), { value: 2000, form: 'scientific' });
    assert.deepEqual(read('2X10^3'), { value: 2000, form: 'scientific' });
    assert.deepEqual(read('3·10^2'), { value: 300, form: 'scientific' });
    assert.deepEqual(read('$1.4 \\times 10^{22}$'), { value: 1.4 * 1e22, form: 'scientific' });
    assert.deepEqual(read('5 \\cdot 10^{-2}'), { value: 0.05, form: 'scientific' });
    for (const exp of [-300, -23, -1, 0, 1, 22, 23, 300]) assert.equal(exactPowerOfTen(exp), Number(`1e${exp}`), `10^${exp}`);
    assert.equal(exactPowerOfTen(23), 1e23);
  });

  it('refuses malformed powers and products', () => {
    for (const bad of [
      // Only ten has a power form: 20^3 and 2^10 are no numbers (not 10³, not 1,024).
      '20^3',
      '2^10',
      '10^',
      '10^{22',
      '10^22}',
      '10^x',
      '1.4 × 10',
      '1.4 × 10^',
      '1.4 × 11^2',
      '1.4e3 × 10^2',
      '1.4 × 10^2 m',
      '10^2 3',
      '70e',
      '70e+',
      '1e5x',
    ])
      assert.equal(read(bad), null, bad);
    assert.deepEqual(read('100'), { value: 100, form: 'plain' }, '"10" followed by a digit is an ordinary number');
    assert.deepEqual(read('10.5'), { value: 10.5, form: 'plain' });
    assert.deepEqual(read('10,000'), { value: 10000, form: 'plain' });
    assert.deepEqual(read('10'), { value: 10, form: 'plain' });
  });

  it('reads scale words and CJK units: 70B, 1.4 T, 3亿, 2.5 billion', () => {
    assert.deepEqual(read('70B'), { value: 70e9, form: 'suffixed' });
    assert.deepEqual(read('1.4 T'), { value: 1.4e12, form: 'suffixed' });
    assert.deepEqual(read('125m'), { value: 125e6, form: 'suffixed' });
    assert.deepEqual(read('2.5 billion'), { value: 2.5e9, form: 'suffixed' });
    assert.deepEqual(read('3 Thousands'), { value: 3000, form: 'suffixed' });
    assert.deepEqual(read('6G'), { value: 6e9, form: 'suffixed' });
    assert.deepEqual(read('3亿'), { value: 3e8, form: 'suffixed' });
    assert.deepEqual(read('1.5万亿'), { value: 1.5e12, form: 'suffixed' });
    assert.deepEqual(read('2十亿'), { value: 2e9, form: 'suffixed' });
    assert.deepEqual(read('4 百万'), { value: 4e6, form: 'suffixed' });
    assert.deepEqual(read('1e3k'), { value: 1e6, form: 'suffixed' });
    for (const bad of ['70X', '70 bn', '3亿5', '5十', 'B', '70B!', '1.4 T T', '3亿B', '70Bx']) assert.equal(read(bad), null, bad);
    // Only the scale words are looked up, not what every JavaScript object has.
    for (const bad of ['5constructor', '5 toString', '5 __proto__', '5 hasOwnProperty']) assert.equal(read(bad), null, bad);
  });

  it('normalises the cell first: NFKC digits, runs of blanks, outer dollars; refuses long cells before reading', () => {
    assert.equal(read('１２３')?.value, 123, 'full-width digits');
    assert.equal(read('1.4\t\t×  10^22')?.value, 1.4e22);
    assert.equal(read('_1.5_')?.value, 1.5, 'an underscore is a blank, and outer blanks go');
    assert.equal(read('$ 5 $')?.value, 5, 'blanks inside the dollars go too');
    assert.equal(read('$12'), null, 'one dollar sign is no math span');
    assert.equal(read('12$'), null);
    assert.equal(read('$$'), null);
    assert.equal(read('$'), null);
    assert.equal(read(''), null);
    assert.equal(read('   '), null);
    const longest = `1${'0'.repeat(MAX_NUMBER_CELL - 1)}`;
    assert.equal(read(longest)?.value, Number(longest));
    assert.equal(read(`${longest}0`), null);
    assert.equal(read(`  ${longest}  `)?.value, Number(longest), 'outer blanks do not count');
  });

  it('parseNumber: the value or null', () => {
    assert.equal(parseNumber('1,234'), 1234);
    assert.equal(parseNumber('1,234', { thousands: false }), null);
    assert.equal(parseNumber('n/a'), null);
    assert.equal(parseNumber('-0.5'), -0.5);
  });
});
