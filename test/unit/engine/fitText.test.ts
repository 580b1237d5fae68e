// A data file's bytes and how its cells are quoted (src/engine/fit/text.ts): the encodings
// read (byte order marks written here by hand), the refusals, the size messages
// (20 MiB = 20 × 1024 × 1024 bytes), and the escapes of quoteCell at each range's edges.
import * as assert from 'node:assert/strict';
import { MAX_DATA_BYTES, decodeDataBytes, fileTooLarge, quoteCell, tooLarge } from '../../../src/engine/fit/text';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('engine/fit/text', () => {
  it('decodes UTF-8 with and without a BOM, and UTF-16 LE and BE with one', () => {
    assert.deepEqual(decodeDataBytes(bytes(0x4e, 0x2c, 0x31)), { ok: true, text: 'N,1', encoding: 'utf-8' });
    assert.deepEqual(decodeDataBytes(bytes(0xef, 0xbb, 0xbf, 0x4e)), { ok: true, text: 'N', encoding: 'utf-8' });
    assert.equal(decodeDataBytes(bytes(0xef, 0xbb, 0x4e)).ok, false, 'half a BOM is invalid UTF-8');
    // "N中" in UTF-16: N = U+004E, 中 = U+4E2D.
    assert.deepEqual(decodeDataBytes(bytes(0xff, 0xfe, 0x4e, 0x00, 0x2d, 0x4e)), { ok: true, text: 'N中', encoding: 'utf-16le' });
    assert.deepEqual(decodeDataBytes(bytes(0xfe, 0xff, 0x00, 0x4e, 0x4e, 0x2d)), { ok: true, text: 'N中', encoding: 'utf-16be' });
    assert.deepEqual(decodeDataBytes(bytes(0xff, 0xfe, 0x4e, 0x00, 0x2d)), { ok: true, text: 'N', encoding: 'utf-16le' }, 'an odd last byte is dropped');
    assert.deepEqual(decodeDataBytes(bytes(0xfe, 0xfe, 0x41)).ok, false, 'not a BOM: invalid UTF-8');
    assert.equal(decodeDataBytes(bytes(0xff, 0x00, 0x41, 0x00)).ok, false, 'FF without FE: invalid UTF-8, not UTF-16');
    assert.equal(decodeDataBytes(bytes(0x41, 0xff, 0x00, 0x42)).ok, false, 'FF second after another byte: not a UTF-16 BE mark');
    assert.deepEqual(
      decodeDataBytes(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x4e)),
      { ok: true, text: '\ufeffN', encoding: 'utf-8' },
      'only the first BOM is a mark; a second is text',
    );
    assert.deepEqual(decodeDataBytes(bytes()), { ok: true, text: '', encoding: 'utf-8' });
  });

  it('decodes a UTF-16 file longer than one 8192-unit chunk whole', () => {
    const n = 8192 * 2 + 5;
    const b = new Uint8Array(2 + 2 * n);
    b[0] = 0xff;
    b[1] = 0xfe;
    for (let k = 0; k < n; k++) b[2 + 2 * k] = 0x61 + (k % 26);
    const r = decodeDataBytes(b);
    assert.ok(r.ok);
    assert.equal(r.text.length, n);
    assert.equal(r.text.slice(8190, 8194), [8190, 8191, 8192, 8193].map((k) => String.fromCharCode(0x61 + (k % 26))).join(''));
    assert.equal(r.text[n - 1], String.fromCharCode(0x61 + ((n - 1) % 26)));
  });

  it('refuses invalid UTF-8 and NUL bytes, each with its own bilingual message', () => {
    const invalid = decodeDataBytes(bytes(0x41, 0xc3));
    assert.equal(invalid.ok, false);
    assert.ok(!invalid.ok && invalid.message.en.startsWith('the file is not UTF-8 text') && invalid.message.zh.startsWith('文件不是 UTF-8 文本'));
    const nul = decodeDataBytes(bytes(0x4e, 0x00, 0x31, 0x00));
    assert.ok(!nul.ok && nul.message.en.startsWith('the file contains NUL bytes') && nul.message.zh.startsWith('文件含有 NUL 字节'));
  });

  it('refuses a file past 20 MiB, saying both sizes in MB to one decimal', () => {
    assert.equal(MAX_DATA_BYTES, 20 * 1024 * 1024);
    const big = decodeDataBytes(new Uint8Array(MAX_DATA_BYTES + 1));
    assert.ok(!big.ok);
    assert.equal(big.message.en, "the data is 20.0 MB, more than the 20.0 MB limit of a fit's table");
    const exact = decodeDataBytes(new Uint8Array(MAX_DATA_BYTES));
    assert.ok(!exact.ok && exact.message.en.startsWith('the file contains NUL'), 'exactly the limit is read (and refused only for its NUL bytes)');
    // 31.5 MiB = 33,030,144 bytes.
    assert.deepEqual(tooLarge(33030144), {
      en: "the data is 31.5 MB, more than the 20.0 MB limit of a fit's table",
      zh: '数据大小为 31.5 MB，超过拟合表格 20.0 MB 的上限',
    });
    assert.deepEqual(fileTooLarge(), { en: "the file is larger than the 20 MB limit of a fit's table", zh: '文件超过拟合表格 20 MB 的上限' });
  });

  it('quoteCell escapes controls and bidi characters at the edges of each range, and cuts at 40 characters', () => {
    assert.equal(quoteCell('a\x00b\x1f\x20'), 'a\\x00b\\x1f ');
    assert.equal(quoteCell('\x7e\x7f\x9f\xa0'), '~\\x7f\\x9f\xa0');
    assert.equal(quoteCell('\u2027\u2028\u2029\u202a\u202e\u202f'), '\u2027\\u{2028}\\u{2029}\\u{202a}\\u{202e}\u202f');
    assert.equal(quoteCell('\u2065\u2066\u2069\u206a\ufeff\ufefe'), '\u2065\\u{2066}\\u{2069}\u206a\\u{feff}\ufefe');
    assert.equal(quoteCell('x'.repeat(40)), 'x'.repeat(40));
    assert.equal(quoteCell('x'.repeat(41)), `${'x'.repeat(40)}…`);
    assert.equal(quoteCell('😀'.repeat(5), 3), '😀😀😀…', 'characters, not UTF-16 units');
    assert.equal(quoteCell('\x1b\x1b\x1b', 2), '\\x1b\\x1b…', 'an escape counts as one character');
  });
});
