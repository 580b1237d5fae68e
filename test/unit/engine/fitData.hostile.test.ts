// Hostile and careless input on the fit's data path (issue 14, items 1–4, 7, 8): bounded,
// linear parsing, shape and design checks, output hygiene and encodings; then a
// property-based suite (fast-check) over random and adversarial tables.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runFitCommand } from '../../../src/cli/fitCommand';
import { MAX_ROWS, parseCsv, parseNumber, parseTableRows, type DataError, type ParseResult } from '../../../src/engine/fit/data';
import { findFirstTable, linesOf } from '../../../src/engine/fit/markdownTable';
import { MAX_NUMBER_CELL } from '../../../src/engine/fit/numbers';
import { decodeDataBytes, MAX_DATA_BYTES, quoteCell } from '../../../src/engine/fit/text';
import { planFit, MAX_BOOTSTRAP_WORK } from '../../../src/sections/fit/model';

const SOURCE = { kind: 'csv' as const, name: 'x.csv', firstRow: 1, lastRow: 2 };

function error(result: ParseResult): DataError {
  assert.equal(result.ok, false, 'expected a data error');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** One clean line: no raw control characters, no line breaks, bounded length. */
function assertCleanLine(text: string): void {
  const raw = [...text].find((ch) => {
    const c = ch.codePointAt(0) as number;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
  });
  assert.equal(raw, undefined, `raw control character in ${JSON.stringify(text.slice(0, 200))}`);
  assert.ok(text.length < 1200, `message of ${text.length} characters`);
}

const GOOD = ['N,D,loss', '1e8,2e9,3.9', '1e8,2e10,3.5', '1e9,2e9,3.4', '1e9,2e10,2.9', '1e10,2e10,2.6', '1e10,2e11,2.3'];

/**
 * Work done by f, counted (not timed, so it cannot flake): String.prototype.charCodeAt
 * calls, characters scanned by indexOf, and the characters a regular expression run
 * covers (the whole string for a plain pattern; from lastIndex to the match for a global
 * one; the match for a sticky one, as split uses). A rescanning (quadratic) splitter or
 * scanner shows it here.
 */
function operations(f: () => void): number {
  const str = String.prototype;
  const re = RegExp.prototype;
  const saved = { charCodeAt: str.charCodeAt, indexOf: str.indexOf, exec: re.exec, test: re.test };
  let ops = 0;
  str.charCodeAt = function (this: string, i: number): number {
    ops++;
    return saved.charCodeAt.call(this, i);
  };
  str.indexOf = function (this: string, search: string, from?: number): number {
    const r = saved.indexOf.call(this, search, from);
    ops += (r < 0 ? this.length : r) - (from ?? 0) + 1;
    return r;
  };
  const covered = (r: RegExp, s: string, from: number, m: RegExpExecArray | null): number => {
    if (r.sticky) return 1 + (m ? m[0].length : 0);
    if (r.global) return 1 + (m ? m.index + m[0].length : s.length) - from;
    return 1 + s.length;
  };
  re.exec = function (this: RegExp, s: string): RegExpExecArray | null {
    const from = this.lastIndex;
    const m = saved.exec.call(this, s);
    ops += covered(this, String(s), from, m);
    return m;
  };
  re.test = function (this: RegExp, s: string): boolean {
    const from = this.lastIndex;
    const m = saved.exec.call(this, s);
    ops += covered(this, String(s), from, m);
    return m !== null;
  };
  try {
    f();
  } finally {
    Object.assign(str, { charCodeAt: saved.charCodeAt, indexOf: saved.indexOf });
    Object.assign(re, { exec: saved.exec, test: saved.test });
  }
  return ops;
}

describe('fit data path: hostile input (issue 14)', () => {
  describe('1. bounded, linear number and header recognisers', () => {
    it('a 100k-digit cell and a 100k "(" header are refused by their length, with the cell cut', () => {
      const digits = '1'.repeat(100_000);
      const e = error(parseCsv(`N,D,loss\n${digits},2e9,3\n`));
      assert.equal(e.code, 'too-long');
      assert.match(e.message.en, new RegExp(`more than the ${MAX_NUMBER_CELL} a number may have`));
      assert.ok(e.message.en.includes('1'.repeat(40) + '…'));
      assertCleanLine(e.message.en);
      const h = error(parseCsv(`N,${'('.repeat(100_000)},loss\n1e9,2e9,3\n`));
      assert.equal(h.code, 'too-long');
      assertCleanLine(h.message.en);
      assert.equal(parseNumber('9'.repeat(MAX_NUMBER_CELL + 1)), null);
    });

    it('still reads every documented form of a number', () => {
      const cases: [string, number][] = [
        ['1.4e22', 1.4e22],
        ['  70B ', 70e9],
        ['1.4 T', 1.4e12],
        ['3亿', 3e8],
        ['1.4×10^22', 1.4e22],
        ['1.4 \\times 10^{22}', 1.4e22],
        ['10^22', 1e22],
        ['10^{-3}', 1e-3],
        ['$1.4e22$', 1.4e22],
        ['1,000,000', 1e6],
        ['1,234.5', 1234.5],
        ['.5', 0.5],
        ['-2', -2],
        ['2.5 billion', 2.5e9],
      ];
      for (const [cell, v] of cases) assert.equal(parseNumber(cell), v, cell);
      for (const cell of ['1,5', '12,34', '1,0000', '0x10', 'Infinity', '1e', '70Q', '10^', '1.4×10', '--1', '']) assert.equal(parseNumber(cell), null, cell);
    });

    it('grows linearly: a 10× longer adversarial input costs at most 15× the operations', () => {
      const inputs: [string, (n: number) => string][] = [
        ['header "("', (n) => `${'('.repeat(n)},D,loss\n1,2,3\n`],
        ['digit cell', (n) => `N,D,loss\n${'9'.repeat(n)},2,3\n`],
        ['quote escapes', (n) => `N,D,loss\n"${'""'.repeat(n / 2)}",2,3\n`],
        ['bracket cells', (n) => `N,D,loss\n${Array.from({ length: n / 40 }, () => `1,${'['.repeat(30)},3`).join('\n')}\n`],
        ['rows of quoted cells', (n) => ['N,D,loss', ...Array.from({ length: n / 40 }, (_, k) => `"${'('.repeat(20)}${k}",2e9,3\r`)].join('\n')],
        [
          'pipe table',
          (n) => `| N | D | loss |\n|---|---|---|\n${Array.from({ length: n / 30 }, () => `| ${'9'.repeat(10)} | ${'('.repeat(5)} | 3 |`).join('\n')}`,
        ],
      ];
      for (const [what, make] of inputs) {
        const run = (text: string) => (): void => {
          if (text.startsWith('|')) {
            const table = findFirstTable(linesOf(text));
            if (table) parseTableRows(table.rows, { firstRowNumber: table.firstRowNumber });
          } else parseCsv(text);
        };
        const a = operations(run(make(20_000)));
        const b = operations(run(make(200_000)));
        assert.ok(b <= 15 * a, `${what}, 10× input: ${a} → ${b} operations`);
        assert.ok(a > 0, `${what}: operations are counted`);
      }
    });
  });

  describe('2. shape: ragged rows and thousands separators', () => {
    it('an unquoted 197,392,687 splits into cells: refused, naming the row and the counts', () => {
      const e = error(parseCsv(GOOD.map((l, i) => (i === 3 ? '197,392,687,2e9,3.4' : l)).join('\n')));
      assert.equal(e.code, 'ragged-row');
      assert.equal(e.row, 4);
      assert.match(e.message.en, /^Row 4: 5 cells, but the header \(row 1\) has 3 \(an unquoted thousands separator/);
      assert.match(e.message.zh, /^第 4 行：有 5 个单元格，而表头（第 1 行）有 3 个/);
    });

    it('a stray fourth cell, or a short row, is refused too (never a shifted fit)', () => {
      assert.equal(error(parseCsv(GOOD.map((l, i) => (i === 2 ? `${l},x` : l)).join('\n'))).code, 'ragged-row');
      assert.equal(
        error(
          parseTableRows([
            ['N', 'D', 'loss'],
            ['---', '---', '---'],
            ['1e9', '2e9'],
          ]),
        ).code,
        'ragged-row',
      );
    });

    it('a quoted "197,392,687" is read as thousands; in a ;-delimited file "1,500" is refused as ambiguous', () => {
      const quoted = parseCsv(GOOD.map((l, i) => (i === 3 ? '"197,392,687",2e9,3.4' : l)).join('\n'));
      assert.ok(quoted.ok);
      assert.equal(quoted.data.N?.[2], 197_392_687);
      const semi = error(parseCsv(GOOD.map((l, i) => (i === 3 ? '1,500;2e9;3.4' : l.replace(/,/g, ';'))).join('\n')));
      assert.equal(semi.code, 'non-numeric');
      assert.match(semi.message.en, /"1,500" is not a number/);
    });
  });

  describe('3. degenerate designs are refused with the reason', () => {
    it('40 copies of one run', () => {
      const e = error(parseCsv(['N,D,loss', ...Array.from({ length: 40 }, () => '1e9,2e10,2.5')].join('\n')));
      assert.equal(e.code, 'degenerate');
      assert.match(e.message.en, /all 40 data rows are the same run/);
    });
    it('one distinct N, a range too small, too few distinct runs', () => {
      const oneN = error(parseCsv(['N,D,loss', ...[1, 2, 3, 4, 5, 6].map((k) => `1e9,${k}e10,${3 - k / 10}`)].join('\n')));
      assert.match(oneN.message.en, /"N" has 1 distinct value; the Chinchilla form needs at least 2/);
      const narrow = error(parseCsv(['N,D,loss', ...[1, 2, 3, 4, 5, 6].map((k) => `${1 + k / 100}e9,${k}e10,${3 - k / 10}`)].join('\n')));
      assert.match(narrow.message.en, /"N" spans only a factor of 1.05/);
      const pairs = error(parseCsv(['N,D,loss', '1e8,1e9,3', '1e9,1e10,2.5', '1e8,1e9,3.1', '1e9,1e10,2.4', '1e8,1e10,2.8', '1e8,1e10,2.9'].join('\n')));
      assert.match(pairs.message.en, /only 3 distinct \(N, D\) runs/);
      const power = error(parseCsv(['C,loss', '1e20,3', '1e21,2.5', '1e20,3.1', '1e21,2.4'].join('\n'), { form: 'power' }));
      assert.match(power.message.en, /has 2 distinct values; the power law with a floor needs at least 3/);
    });
  });

  describe('4. bounded work', () => {
    it(`more than ${MAX_ROWS} rows is refused before any cell is read, naming the limit`, () => {
      const text = ['N,D,loss', ...Array.from({ length: MAX_ROWS + 1 }, () => 'x,y,z')].join('\n');
      const e = error(parseCsv(text));
      assert.equal(e.code, 'too-many-rows');
      assert.match(e.message.en, new RegExp(`more than the limit of ${MAX_ROWS} rows`));
    });
    it('bootstrap resamples past the limit of rows × resamples are refused, naming it; the default is lowered instead', () => {
      const parsed = parseCsv(GOOD.join('\n'));
      assert.ok(parsed.ok);
      const big = { ...parsed.data, rows: 20_000 };
      const refused = planFit(big, 'chinchilla', { source: SOURCE, resamples: 1000 });
      assert.ok(!refused.ok);
      assert.match(refused.message.en, new RegExp(`limit of ${MAX_BOOTSTRAP_WORK.toLocaleString('en-US')} rows × resamples; use at most 50`));
      const lowered = planFit(big, 'chinchilla', { source: SOURCE });
      assert.ok(lowered.ok && lowered.plan.resamples === 50 && lowered.plan.resamplesLimited);
      const over = planFit(parsed.data, 'chinchilla', { source: SOURCE, resamples: 100_000 });
      assert.ok(!over.ok && /from 0 to 10000/.test(over.message.en));
    });
    it('the CLI reads /dev/zero only up to the 20 MB cap and exits 2 with one line', async function () {
      this.timeout(20_000);
      let err = '';
      const code = await runFitCommand(['/dev/zero'], { out: () => undefined, err: (s) => (err += s + '\n') });
      assert.equal(code, 2);
      assert.equal(err.trim().split('\n').length, 1);
      assert.match(err, /larger than the 20 MB limit/);
    });
  });

  describe('7. output hygiene', () => {
    it('control characters are escaped, long cells cut with an ellipsis, the message stays one line', () => {
      const e = error(
        parseTableRows([
          ['N', 'D', 'loss'],
          ['---', '---', '---'],
          ['1e9', `\x1b[31mred\r\u0000${'x'.repeat(50)}`, '3'],
        ]),
      );
      assert.match(e.message.en, /"\\x1b\[31mred\\x0d\\x00x+…" is not a number/);
      assertCleanLine(e.message.en);
      assertCleanLine(e.message.zh);
      assert.equal(quoteCell('a\u202eb\u2028c'), 'a\\u{202e}b\\u{2028}c');
      const header = error(parseCsv(`N\x1b,D,loss\n1,2,3\n`));
      assertCleanLine(header.message.en);
    });
  });

  describe('8. encodings', () => {
    const text = GOOD.join('\n');
    const utf16 = (s: string, le: boolean): Uint8Array => {
      const out = new Uint8Array(2 + 2 * s.length);
      out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    };
    it('UTF-8 with and without BOM, UTF-16 LE and BE with BOM decode to the same table', () => {
      const utf8 = new TextEncoder().encode(text);
      for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), utf16(text, true), utf16(text, false)]) {
        const d = decodeDataBytes(bytes);
        assert.ok(d.ok);
        assert.equal(d.text, text);
        const p = parseCsv(d.text);
        assert.ok(p.ok && p.data.columns.N === 'N');
      }
    });
    it('anything else gets one clear message', () => {
      const latin1 = decodeDataBytes(new Uint8Array([0x4e, 0x2c, 0xe9, 0x0a]));
      assert.ok(!latin1.ok && /not UTF-8 text/.test(latin1.message.en));
      const noBom = decodeDataBytes(utf16(text, true).subarray(2));
      assert.ok(!noBom.ok && /NUL bytes: UTF-16 without a BOM/.test(noBom.message.en));
      assert.ok(!decodeDataBytes(new Uint8Array(MAX_DATA_BYTES + 1)).ok);
    });
  });

  describe('property-based: random and adversarial tables', () => {
    const cellChar = fc.constantFrom(
      '1',
      '9',
      '0',
      '.',
      'e',
      '-',
      '+',
      ',',
      ';',
      '"',
      '(',
      ')',
      '[',
      '|',
      ' ',
      '\t',
      '\x1b',
      '\r',
      '\n',
      '\u0000',
      '×',
      '^',
      '{',
      'B',
      '亿',
      '\u202e',
      'x',
    );
    const run = fc.tuple(cellChar, fc.integer({ min: 1, max: 400 })).map(([c, n]) => c.repeat(n));
    const cell = fc.oneof(fc.string({ unit: cellChar, maxLength: 30 }), run, fc.constantFrom('1e9', '2e10', '3.5', '"1,000"', '70B'));
    const row = fc.array(cell, { minLength: 0, maxLength: 6 });
    const header = fc.oneof(fc.constant(['N', 'D', 'loss']), fc.constant(['Model Size', 'Training FLOP', 'loss']), row);

    it('parseCsv: no exception, a result or one clean line', () => {
      fc.assert(
        fc.property(header, fc.array(row, { maxLength: 12 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n', '\r'), (h, rows, sep, eol) => {
          const r = parseCsv([h, ...rows].map((cells) => cells.join(sep)).join(eol));
          if (!r.ok) {
            assertCleanLine(r.error.message.en);
            assertCleanLine(r.error.message.zh);
          } else assert.ok(r.data.rows > 0);
        }),
        { numRuns: 400 },
      );
    });

    it('parseTableRows and parseNumber: no exception, a result or one clean line', () => {
      fc.assert(
        fc.property(header, fc.array(row, { maxLength: 12 }), (h, rows) => {
          const r = parseTableRows([h, h.map(() => '---'), ...rows], { firstRowNumber: 5 });
          if (!r.ok) assertCleanLine(r.error.message.en);
          for (const c of rows.flat()) {
            const v = parseNumber(c);
            assert.ok(v === null || typeof v === 'number');
          }
        }),
        { numRuns: 400 },
      );
    });

    it('mixed encodings: arbitrary bytes decode or get one message', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom([], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]), (bytes, bom) => {
          const d = decodeDataBytes(new Uint8Array([...bom, ...bytes]));
          if (d.ok) {
            const r = parseCsv(d.text);
            if (!r.ok) assertCleanLine(r.error.message.en);
          } else assertCleanLine(d.message.en);
        }),
        { numRuns: 300 },
      );
    });
  });
});
