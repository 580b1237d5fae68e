// The fit's table reader (src/engine/fit/data.ts) in detail: the CSV splitter's records and
// line numbers, header recognition and header units, Markdown separator and blank rows,
// and every data error with its exact row, column and message in both languages (written
// out by hand here from the documented wording, so a changed word or number shows).
import assert from 'node:assert/strict';
import { MAX_ROWS, parseCsv, parseTableRows, recogniseColumn, splitCsv, type DataError, type FitData, type ParseResult } from '../../../src/engine/fit/data';
import { quoteCell } from '../../../src/engine/fit/text';

function data(result: ParseResult): FitData {
  if (!result.ok) assert.fail(`expected data, got ${result.error.code}: ${result.error.message.en}`);
  return result.data;
}

function error(result: ParseResult): DataError {
  if (result.ok) assert.fail('expected a data error');
  return result.error;
}

/** Six runs on a 2-D grid of N and D (distinct pairs, spreads of 10 or more): a valid Chinchilla design. */
const RUNS = [
  ['1', '2e9', '3.9'],
  ['1', '2e10', '3.5'],
  ['10', '2e9', '3.4'],
  ['10', '2e10', '2.9'],
  ['100', '2e10', '2.6'],
  ['100', '2e11', '2.3'],
];

/** The runs under a given header row (N first, then D, then loss). */
const table = (header: string[], rows: string[][] = RUNS): string[][] => [header, ...rows];

describe('engine/fit/data: the CSV splitter', () => {
  it('drops a byte-order mark and numbers records by the line they start on (LF, CRLF, CR; blank lines skipped)', () => {
    assert.deepEqual(splitCsv('\ufeffN,loss\n1,2'), [
      { line: 1, cells: ['N', 'loss'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    assert.deepEqual(splitCsv('a,b\r\nc,d\re,f\n\n   \ng,h'), [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
      { line: 3, cells: ['e', 'f'] },
      { line: 6, cells: ['g', 'h'] },
    ]);
    assert.deepEqual(splitCsv('a\n\nb'), [
      { line: 1, cells: ['a'] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('reads quoted cells: delimiters, doubled quotes and line breaks inside, text after the closing quote, blanks before the opening one', () => {
    assert.deepEqual(splitCsv('x,y\n"a, ""b""\nc",2\n"u"v,3\n  "1,000",\t"2"\n"open'), [
      { line: 1, cells: ['x', 'y'] },
      { line: 2, cells: ['a, "b"\nc', '2'] },
      { line: 4, cells: ['uv', '3'] },
      { line: 5, cells: ['1,000', '2'] },
      { line: 6, cells: ['open'] },
    ]);
    // A quoted cell that ends its line, before LF and before CRLF.
    assert.deepEqual(splitCsv('"a"\n"b"\r\nc'), [
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
      { line: 3, cells: ['c'] },
    ]);
  });

  it('guesses the delimiter from the header outside quotes; a tab delimiter keeps its empty cells', () => {
    assert.deepEqual(splitCsv('"a;b;c",d\n1,2'), [
      { line: 1, cells: ['a;b;c', 'd'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    assert.deepEqual(splitCsv('a\tb\tc\n1\t\t"x"'), [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', '', 'x'] },
    ]);
  });

  it('parseCsv reads a quoted thousands number after a blank, and names the column without the byte-order mark', () => {
    const d = data(parseCsv('\ufeffN,D,loss\n "1,000,000",2e9,3.9\n1e6,2e10,3.5\n1e7,2e9,3.4\n1e7,2e10,2.9\n1e8,2e10,2.6\n1e8,2e11,2.3'));
    assert.equal(d.columns.N, 'N');
    assert.equal(d.N?.[0], 1e6);
  });
});

describe('engine/fit/data: headers', () => {
  it('recognises headers through punctuation, brackets and spacing', () => {
    const cases: [string, string | null][] = [
      ['(loss)', 'loss'],
      ['Model - Size', 'N'],
      ['val_loss', 'loss'],
      ['num-params', 'N'],
      ['训练 数据量', 'D'],
      ['Params (in billions)', 'N'],
      ['Params [in billions]', 'N'],
      ['参数量【单位：十亿】', 'N'],
      ['model(B)size', 'N'],
      ['loss (undefined)', 'loss'],
      ['loss)(x', null],
    ];
    for (const [header, role] of cases) assert.equal(recogniseColumn(header), role, header);
  });

  it('reads headers of up to 256 characters and no longer', () => {
    assert.equal(recogniseColumn('loss' + ' '.repeat(252)), 'loss');
    assert.equal(recogniseColumn('loss' + ' '.repeat(253)), null);
  });

  it("takes the unit of a header's first bracketed part, for bare numbers only", () => {
    const scaleOf = (header: string): number => (data(parseTableRows(table([header, 'tokens', 'loss']))).N as Float64Array)[0];
    const cases: [string, number][] = [
      ['Params (B)', 1e9],
      ['Params [B]', 1e9],
      ['参数量【十亿】', 1e9],
      ['params ( B )', 1e9],
      ['(B) N (M)', 1e9],
      ['params (B) (v2)', 1e9],
      ['params)(B)', 1e9],
      // An unclosed bracket is no unit (here "m." after "para(", which still reads as "param").
      ['para(m.', 1],
      ['params (constructor)', 1],
    ];
    for (const [header, scale] of cases) assert.equal(scaleOf(header), scale, header);
    // A closing bracket with no opening one is no unit.
    const d = data(parseTableRows([['N', 'T]okens', 'loss'], ...RUNS]));
    assert.equal(d.columns.D, 'T]okens');
    assert.equal(d.D?.[0], 2e9);
    // "7B" carries its own unit; a bare 7 takes the header's.
    const own = data(parseTableRows(table(['Params (B)', 'tokens', 'loss'], [['7B', '2e9', '3.9'], ...RUNS.slice(1)])));
    assert.equal(own.N?.[0], 7e9);
  });

  it('trims header cells: a padded header is read, checked for length and named as written without the blanks', () => {
    const d = data(parseTableRows([[' N ', 'D', ' '.repeat(300) + 'loss'], ...RUNS]));
    assert.deepEqual(d.columns, { N: 'N', D: 'D', loss: 'loss' });
    // A 256-character header is allowed (and ignored when it names no role).
    assert.equal(parseTableRows([['N', 'D', 'loss', 'x'.repeat(256)], ...RUNS.map((r) => [...r, '1'])]).ok, true);
  });
});

describe('engine/fit/data: Markdown table rows', () => {
  const kept = (row: string[]): number => error(parseTableRows([['N', 'D', 'loss'], row, ...RUNS])).row;
  const skipped = (row: string[]): number[] => Array.from(data(parseTableRows([['N', 'D', 'loss'], row, ...RUNS])).sourceRows.slice(0, 1));

  it('skips separator rows (dashes with optional outer colons) and blank rows, still counting their lines', () => {
    for (const cell of [' --- ', ':---', '---:', ':-:', '-']) assert.deepEqual(skipped([cell, cell, cell]), [3], cell);
    assert.deepEqual(skipped(['  ', '', '\t']), [3]);
    assert.deepEqual(skipped([]), [3]);
  });

  it('keeps a row with any cell that is neither a separator nor blank, and reports it', () => {
    for (const row of [
      [':', ':', ':'],
      ['--x', '--x', '--x'],
      ['', '---', '---'],
      ['---', '1', '2'],
      ['', '1', '2'],
    ])
      assert.equal(kept(row), 2, JSON.stringify(row));
  });
});

describe('engine/fit/data: each data error, exactly', () => {
  const expect = (result: ParseResult, code: DataError['code'], row: number, column: string, en: string, zh: string): void =>
    assert.deepEqual(error(result), { code, row, column, message: { en, zh } });

  it('an empty table', () => {
    expect(parseCsv(''), 'empty', 1, '', 'Row 1: the table is empty (no header row).', '第 1 行：表格为空（没有表头）。');
    expect(parseTableRows([], { firstRowNumber: 7 }), 'empty', 7, '', 'Row 7: the table is empty (no header row).', '第 7 行：表格为空（没有表头）。');
  });

  it(`${MAX_ROWS} data rows are read, one more is refused naming the count`, () => {
    const rows = Array.from({ length: MAX_ROWS }, (_, k) => [String(1e8 * (1 + (k % 100))), String(1e9 * (1 + ((7 * k) % 50))), '3']);
    assert.equal(data(parseTableRows([['N', 'D', 'loss'], ...rows])).rows, MAX_ROWS);
    expect(
      parseTableRows([['N', 'D', 'loss'], ...rows, ['1', '1', '1']]),
      'too-many-rows',
      1,
      '',
      `Row 1 (header): the table has ${MAX_ROWS + 1} data rows, more than the limit of ${MAX_ROWS} rows a fit reads.`,
      `第 1 行（表头）：表格有 ${MAX_ROWS + 1} 行数据，超过拟合可读取的上限 ${MAX_ROWS} 行。`,
    );
  });

  it('a header longer than 256 characters, naming its column', () => {
    const long = 'x'.repeat(257);
    expect(
      parseTableRows([['N', long, 'D', 'loss']]),
      'too-long',
      1,
      quoteCell(long),
      `Row 1 (header), column 2: the header is 257 characters long, more than the 256 a header may have ("${quoteCell(long)}").`,
      `第 1 行（表头）第 2 列：表头长 257 个字符，超过上限 256（“${quoteCell(long)}”）。`,
    );
  });

  it('a ragged row, with the thousands hint only when it has too many cells', () => {
    const csv = (line: string): string => ['N,D,loss', '1e8,2e9,3.9', line].join('\n');
    expect(
      parseCsv(csv('1,000,2e9,3')),
      'ragged-row',
      3,
      '',
      'Row 3: 4 cells, but the header (row 1) has 3 (an unquoted thousands separator such as 1,000 splits a number into cells: quote it, "1,000").',
      '第 3 行：有 4 个单元格，而表头（第 1 行）有 3 个（未加引号的千位分隔符如 1,000 会把数字拆成多个单元格：请加引号写成 "1,000"）。',
    );
    expect(parseCsv(csv('1e9,3')), 'ragged-row', 3, '', 'Row 3: 2 cells, but the header (row 1) has 3.', '第 3 行：有 2 个单元格，而表头（第 1 行）有 3 个。');
  });

  it('two columns for one role, named as written without blanks', () => {
    expect(
      parseTableRows([[' params ', 'N', 'D', 'loss']]),
      'ambiguous-column',
      1,
      'params / N',
      'Row 1 (header): columns "params" and "N" both look like the model size N (parameters); rename or remove one.',
      '第 1 行（表头）：“params”列和“N”列都像是模型规模 N（参数量），请重命名或删除其中一列。',
    );
  });

  it('a missing column: loss, D or C for Chinchilla, any of N, D, C for a power law', () => {
    expect(
      parseCsv('N,D,accuracy\n1,1,1'),
      'missing-column',
      1,
      'loss',
      'Row 1 (header): no column for the loss L (expected a header such as "loss", "L", "损失").',
      '第 1 行（表头）：找不到损失 L列（表头应为 "loss", "L", "损失" 之类）。',
    );
    expect(
      parseCsv('N,loss\n1,1'),
      'missing-column',
      1,
      'D/C',
      'Row 1 (header): no column for the training tokens D or the training compute C (FLOP) (expected a header such as "tokens", "D", "训练数据量"; "Training FLOP", "compute", "C", "计算量").',
      '第 1 行（表头）：找不到训练数据量 D（token 数）或训练计算量 C（FLOP）列（表头应为 "tokens", "D", "训练数据量"; "Training FLOP", "compute", "C", "计算量" 之类）。',
    );
    expect(
      parseCsv('x,loss\n1,1', { form: 'power' }),
      'missing-column',
      1,
      'N/D/C',
      'Row 1 (header): no column for N, D or C to fit the loss against (expected a header such as "Training FLOP", "compute", "C", "计算量").',
      '第 1 行（表头）：找不到作为自变量的 N、D 或 C 列（表头应为 "Training FLOP", "compute", "C", "计算量" 之类）。',
    );
  });

  it('a cell longer than 64 characters; 64 characters, or more blanks around a number, are read', () => {
    const long = '1' + '0'.repeat(64);
    expect(
      parseTableRows(table(['N', 'D', 'loss'], [[long, '1', '1']])),
      'too-long',
      2,
      'N',
      `Row 2, column "N": the cell is 65 characters long, more than the 64 a number may have ("${quoteCell(long)}").`,
      `第 2 行，“N”列：单元格长 65 个字符，超过数字的上限 64（“${quoteCell(long)}”）。`,
    );
    const edge = '1.' + '0'.repeat(62);
    assert.equal(edge.length, 64);
    const d = data(parseTableRows(table(['N', 'D', 'loss'], [[edge, ' '.repeat(70) + '2e9', '3.9'], ...RUNS.slice(1)])));
    assert.deepEqual([d.N?.[0], d.D?.[0]], [1, 2e9]);
  });

  it('an empty cell', () => {
    expect(
      parseTableRows(table(['N', 'D', 'loss'], [RUNS[0], ['1', ' ', '2']])),
      'non-numeric',
      3,
      'D',
      'Row 3, column "D": the cell is empty.',
      '第 3 行，“D”列：单元格为空。',
    );
  });

  it('too few rows for the form, in the singular and the plural, naming the loss column as written', () => {
    expect(
      parseTableRows(table(['N', 'D', ' loss '], RUNS.slice(0, 4))),
      'too-few-rows',
      5,
      'loss',
      'Row 5, column "loss": only 4 data rows, but the Chinchilla form has 5 parameters; at least 5 rows are needed.',
      '第 5 行，“loss”列：只有 4 行数据，而Chinchilla 形式有 5 个参数，至少需要 5 行。',
    );
    expect(
      parseTableRows(table(['N', 'loss'], [['1', '2']]), { form: 'power' }),
      'too-few-rows',
      2,
      'loss',
      'Row 2, column "loss": only 1 data row, but a power law with a floor has 3 parameters; at least 3 rows are needed.',
      '第 2 行，“loss”列：只有 1 行数据，而带下限的幂律有 3 个参数，至少需要 3 行。',
    );
  });
});

describe('engine/fit/data: which of N, D and C are read or derived', () => {
  const power = (header: string): FitData =>
    data(
      parseTableRows(
        [
          [header, 'loss'],
          ['1e9', '3'],
          ['1e10', '2.5'],
          ['1e11', '2.2'],
        ],
        { form: 'power' },
      ),
    );

  it('a power law reads one variable and derives nothing', () => {
    for (const [header, role] of [
      ['N', 'N'],
      ['D', 'D'],
      ['C', 'C'],
    ] as const) {
      const d = power(header);
      assert.deepEqual(
        { N: d.N && Array.from(d.N), D: d.D && Array.from(d.D), C: d.C && Array.from(d.C), derived: d.derived },
        { N: null, D: null, C: null, [role]: [1e9, 1e10, 1e11], derived: { D: false, C: false } },
        header,
      );
    }
  });

  it('with N, D and C all given, D and C are kept as written (not 6·N·D)', () => {
    const rows = RUNS.map(([n, d, l], k) => [n, d, String(1e20 * (k + 1)), l]);
    const d = data(parseTableRows([['N', 'D', 'C', 'loss'], ...rows]));
    assert.deepEqual(d.derived, { D: false, C: false });
    assert.deepEqual(Array.from(d.D as Float64Array), [2e9, 2e10, 2e9, 2e10, 2e10, 2e11]);
    assert.deepEqual(Array.from(d.C as Float64Array), [1e20, 2e20, 3e20, 4e20, 5e20, 6e20]);
  });

  it('D = C/(6N) from compute and C = 6·N·D from tokens, row by row', () => {
    const fromC = data(parseTableRows([['N', 'C', 'loss'], ...RUNS.map(([n, d, l]) => [n, String(6 * Number(n) * Number(d) * 3), l])]));
    assert.deepEqual(fromC.derived, { D: true, C: false });
    assert.deepEqual(
      Array.from(fromC.D as Float64Array),
      RUNS.map(([n, d]) => (6 * Number(n) * Number(d) * 3) / (6 * Number(n))),
    );
    const fromD = data(parseTableRows(table(['N', 'D', 'loss'])));
    assert.deepEqual(fromD.derived, { D: false, C: true });
    assert.deepEqual(
      Array.from(fromD.C as Float64Array),
      RUNS.map(([n, d]) => 6 * Number(n) * Number(d)),
    );
  });
});
