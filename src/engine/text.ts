// Bilingual text for the engine. The engine may not import src/sections (the
// dependency rule), so this duplicates the tiny `Bilingual` shape that
// src/sections/types.ts defines; the two are structurally identical.

export type Lang = 'en' | 'zh';

/** A user-visible string in both languages. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** Full-width characters (CJK, kana, hangul, full-width forms) take two terminal columns. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Columns `text` occupies in a terminal or a line of UI text. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` terminal columns (padEnd, counting CJK as two). */
export function padDisplay(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** How much of a user's value an error line quotes by default. */
const MESSAGE_VALUE_CHARS = 80;

/**
 * Characters a terminal or log would act on rather than show: C0 controls (ESC, CR,
 * NUL, LF…), DEL, C1 controls, line/paragraph separators, bidirectional overrides and
 * isolates ("trojan source"), and lone surrogates (text decoded with the wrong encoding).
 */
function isUnsafeCode(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/**
 * A user's value made safe to quote in a one-line message: control and invisible
 * formatting characters shown as escapes (`\x1b`, `\r`, `\x00`, `\u{202e}`), and
 * anything past `maxChars` characters of output cut with an ellipsis. Linear, one pass,
 * never splits a surrogate pair. The one helper for every error line that quotes input
 * (CLI arguments, formula text, data cells).
 */
export function displayValue(value: string, maxChars = MESSAGE_VALUE_CHARS): string {
  const text = String(value);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (out.length >= maxChars) return `${out}…`;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1); // NaN past the end
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
    }
    if (!isUnsafeCode(c)) out += text[i];
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c <= 0x9f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += `\\u{${c.toString(16)}}`;
  }
  return out;
}

/**
 * A whole message as one safe line: line breaks become " — ", other control
 * characters escapes (displayValue), and the line is cut at `maxChars`. For the last
 * step before a message is printed, whatever built it.
 */
export function oneLine(message: string, maxChars = 600): string {
  const joined = String(message)
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' — ');
  return displayValue(joined, maxChars);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
