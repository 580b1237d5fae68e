// Whether a table's runs can identify the law (src/engine/fit/design.ts): which variable a
// power law takes, and each refusal with its exact column and message in both languages
// (written out by hand from the documented wording), at and just past each threshold.
import assert from 'node:assert/strict';
import { parseTableRows, type DataError, type FitForm, type ParseResult } from '../../../src/engine/fit/data';
import { powerVariable } from '../../../src/engine/fit/design';

function error(result: ParseResult): DataError {
  if (result.ok) assert.fail('expected a data error');
  return result.error;
}

const parse = (rows: (string | number)[][], form: FitForm = 'chinchilla', minRows?: number): ParseResult =>
  parseTableRows(
    rows.map((r) => r.map(String)),
    { form, minRows },
  );

function expectDegenerate(result: ParseResult, column: string, en: string, zh: string): void {
  assert.deepEqual(error(result), { code: 'degenerate', row: 1, column, message: { en: `Row 1 (header): ${en}`, zh: `第 1 行（表头）：${zh}` } });
}

describe('engine/fit/design', () => {
  it('a power law is fitted against compute, else model size, else tokens', () => {
    const x = new Float64Array([1, 2]);
    assert.equal(powerVariable({ N: x, D: x, C: x }), 'C');
    assert.equal(powerVariable({ N: x, D: x, C: null }), 'N');
    assert.equal(powerVariable({ N: null, D: x, C: null }), 'D');
  });

  it('copies of one run are refused, whatever their number', () => {
    expectDegenerate(
      parse([['N', 'D', 'loss'], ...Array.from({ length: 3 }, () => [1e9, 2e10, 2.5])], 'chinchilla', 3),
      '',
      'all 3 data rows are the same run, so no exponent can be fitted; a fit needs runs of different sizes.',
      '全部 3 行数据是同一次训练，无法拟合任何指数；拟合需要不同规模的训练。',
    );
  });

  it('one row, or none, is too few distinct values rather than "the same run"', () => {
    expectDegenerate(
      parse(
        [
          ['N', 'loss'],
          [1e9, 2.5],
        ],
        'power',
        1,
      ),
      'N',
      'column "N" has 1 distinct value; the power law with a floor needs at least 3.',
      '"N" 列只有 1 个不同的值；带下限的幂律至少需要 3 个。',
    );
    expectDegenerate(
      parse([['N', 'loss']], 'power', 0),
      'N',
      'column "N" has 0 distinct values; the power law with a floor needs at least 3.',
      '"N" 列只有 0 个不同的值；带下限的幂律至少需要 3 个。',
    );
  });

  it('a constant loss over different sizes is not "the same run"', () => {
    assert.equal(
      parse(
        [
          ['N', 'loss'],
          [1e8, 2],
          [1e9, 2],
          [1e10, 2],
        ],
        'power',
      ).ok,
      true,
    );
  });

  it('a power law needs 3 distinct values of its variable, named by its header', () => {
    expectDegenerate(
      parse(
        [
          ['FLOPs', 'loss'],
          [1e20, 3],
          [1e21, 2.8],
          [1e21, 2.6],
        ],
        'power',
      ),
      'FLOPs',
      'column "FLOPs" has 2 distinct values; the power law with a floor needs at least 3.',
      '"FLOPs" 列只有 2 个不同的值；带下限的幂律至少需要 3 个。',
    );
  });

  it('Chinchilla: D derived from compute is named D = C/(6N), under the compute column', () => {
    // C = 6·N·1e10 for every N: exactly one token count.
    const rows = [1e8, 2e8, 1e9, 5e9, 1e10].map((n, k) => [n, 6 * n * 1e10, 3 - k / 10]);
    expectDegenerate(
      parse([['N', 'FLOPs', 'loss'], ...rows]),
      'FLOPs',
      'column D = C/(6N) has 1 distinct value; the Chinchilla form needs at least 2.',
      'D = C/(6N) 列只有 1 个不同的值；Chinchilla 形式至少需要 2 个。',
    );
  });

  it('a spread of exactly 2 is enough; less is refused, naming the factor', () => {
    const grid = (d1: number, d2: number): (string | number)[][] => [
      ['N', 'tokens', 'loss'],
      [1e8, d1, 3.9],
      [1e8, d2, 3.5],
      [1e9, d1, 3.4],
      [1e9, d2, 2.9],
      [1e10, d2, 2.6],
    ];
    assert.equal(parse(grid(1e10, 2e10)).ok, true);
    expectDegenerate(
      parse(grid(1e10, 1.5e10)),
      'tokens',
      'column "tokens" spans only a factor of 1.50 (max/min); an exponent needs at least a factor of 2.',
      '"tokens" 列的最大值/最小值只有 1.50 倍；确定指数至少需要 2 倍的范围。',
    );
  });

  it('Chinchilla needs 5 distinct (N, D) runs, named under the model-size column', () => {
    const rows = [
      [1e8, 1e9, 3.9],
      [1e8, 1e10, 3.5],
      [1e9, 1e9, 3.4],
      [1e9, 1e10, 2.9],
      [1e9, 1e10, 2.8],
    ];
    expectDegenerate(
      parse([['params', 'D', 'loss'], ...rows]),
      'params',
      'only 4 distinct (N, D) runs; the Chinchilla form has 5 parameters and needs at least as many distinct runs.',
      '只有 4 组不同的 (N, D)；Chinchilla 形式有 5 个参数，至少需要同样多组不同的训练。',
    );
  });
});
