/**
 * The bytes and text of a data file, before any parsing: the documented size cap, the
 * encodings read (UTF-8 with or without BOM, UTF-16 LE/BE with a BOM) and how a cell
 * or header is quoted in an error message (control characters escaped, long text cut,
 * always one line). Pure: no node, no DOM (TextDecoder is a JavaScript global).
 */
import type { Bilingual } from './data';

/** Largest data file read (bytes; for a document's text, characters). README "Fitting". */
export const MAX_DATA_BYTES = 20 * 1024 * 1024;

/** Longest stretch of a cell or header quoted in a message. */
const MAX_QUOTED = 40;

/**
 * A cell as it may appear in a one-line message: C0/C1 controls, DEL, line and
 * paragraph separators and bidi controls written as \xNN or \u{…}, cut to MAX_QUOTED
 * characters with an ellipsis. Linear in the (already capped) input.
 */
export function quoteCell(text: string, max = MAX_QUOTED): string {
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count >= max) return out + '…';
    const c = ch.codePointAt(0) as number;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) out += `\\u{${c.toString(16)}}`;
    else out += ch;
    count++;
  }
  return out;
}

export type DecodeResult = { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { ok: false; message: Bilingual };

function utf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = (bytes.length - 2) >> 1;
  const units = Uint16Array.from({ length: n }, (_, k) => {
    const lo = bytes[2 + 2 * k + (littleEndian ? 0 : 1)];
    const hi = bytes[2 + 2 * k + (littleEndian ? 1 : 0)];
    return lo | (hi << 8);
  });
  // Chunked so that a 20 MB file does not overflow the argument list.
  let out = '';
  // Stryker disable next-line EqualityOperator: at k = n the chunk is empty.
  for (let k = 0; k < n; k += 8192) out += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return out;
}

const NOT_TEXT: Bilingual = {
  en: 'the file is not UTF-8 text (UTF-8 with or without BOM and UTF-16 with a BOM are read); save it as UTF-8 CSV',
  zh: '文件不是 UTF-8 文本（支持带或不带 BOM 的 UTF-8，以及带 BOM 的 UTF-16）；请另存为 UTF-8 CSV',
};

/** Decodes a data file's bytes; anything but the supported encodings gets one clear message. */
export function decodeDataBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_DATA_BYTES) return { ok: false, message: tooLarge(bytes.length) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: utf16(bytes, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: utf16(bytes, false), encoding: 'utf-16be' };
  let text: string;
  try {
    // The decoder drops one leading UTF-8 BOM itself (ignoreBOM is false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: NOT_TEXT };
  }
  // NUL bytes in "UTF-8": UTF-16 without a BOM, or a binary file.
  if (text.includes('\0')) {
    return {
      ok: false,
      message: {
        en: 'the file contains NUL bytes: UTF-16 without a BOM or not text at all (save it as UTF-8 CSV)',
        zh: '文件含有 NUL 字节：可能是不带 BOM 的 UTF-16，或根本不是文本（请另存为 UTF-8 CSV）',
      },
    };
  }
  return { ok: true, text, encoding: 'utf-8' };
}

/** The message for a file or document past MAX_DATA_BYTES. */
export function tooLarge(size: number): Bilingual {
  const mb = (v: number): string => (v / (1024 * 1024)).toFixed(1);
  return {
    en: `the data is ${mb(size)} MB, more than the ${mb(MAX_DATA_BYTES)} MB limit of a fit's table`,
    zh: `数据大小为 ${mb(size)} MB，超过拟合表格 ${mb(MAX_DATA_BYTES)} MB 的上限`,
  };
}

/** The message for a file found to be past MAX_DATA_BYTES while reading (its full size unknown). */
export function fileTooLarge(): Bilingual {
  const mb = (MAX_DATA_BYTES / (1024 * 1024)).toFixed(0);
  return { en: `the file is larger than the ${mb} MB limit of a fit's table`, zh: `文件超过拟合表格 ${mb} MB 的上限` };
}
