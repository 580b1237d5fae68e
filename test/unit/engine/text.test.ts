// The engine's text helpers (src/engine/text.ts): terminal widths, the one-line quoting of
// user values in messages, HTML escaping. Expected strings written by hand from the
// Unicode code points named in each case.
import * as assert from 'node:assert/strict';
import { displayValue, displayWidth, escapeHtml, oneLine, padDisplay } from '../../../src/engine/text';

/** The code point as a one-character string. */
const ch = (c: number): string => String.fromCharCode(c);

describe('engine/text', () => {
  describe('displayWidth and padDisplay (CJK takes two columns)', () => {
    it('counts ASCII as one column and CJK as two', () => {
      assert.equal(displayWidth(''), 0);
      assert.equal(displayWidth('abc'), 3);
      assert.equal(displayWidth('中文'), 4);
      assert.equal(displayWidth('a中b'), 4);
      // U+FF21 FULLWIDTH LATIN CAPITAL LETTER A is wide; U+00E9 é is not.
      assert.equal(displayWidth('\uff21\u00e9'), 3);
    });
    it('pads to the width in columns, never cuts', () => {
      assert.equal(padDisplay('中', 5), '中   ');
      assert.equal(padDisplay('ab', 4), 'ab  ');
      assert.equal(padDisplay('abcdef', 3), 'abcdef');
      assert.equal(padDisplay('中文', 4), '中文');
    });
  });

  describe('displayValue (a user value quoted on one safe line)', () => {
    it('escapes every C0 control, DEL and the C1 range, and keeps the printable neighbours', () => {
      for (let c = 0; c < 0x20; c++) {
        const expected = c === 0x0d ? '\\r' : c === 0x0a ? '\\n' : c === 0x09 ? '\\t' : `\\x${c < 16 ? '0' : ''}${c.toString(16)}`;
        assert.equal(displayValue(ch(c)), expected, `U+${c.toString(16)}`);
      }
      assert.equal(displayValue(' ~'), ' ~', 'U+0020 and U+007E are printable');
      assert.equal(displayValue(ch(0x7f)), '\\x7f');
      assert.equal(displayValue(ch(0x80)), '\\x80');
      assert.equal(displayValue(ch(0x9f)), '\\x9f');
      assert.equal(displayValue(ch(0xa0)), ch(0xa0), 'U+00A0 (no-break space) is shown');
    });
    it('escapes line separators, bidirectional controls and the Arabic letter mark at their exact ranges', () => {
      const unsafe = [0x2028, 0x2029, 0x202a, 0x202c, 0x202e, 0x2066, 0x2067, 0x2069, 0x200e, 0x200f, 0x061c];
      for (const c of unsafe) assert.equal(displayValue(`a${ch(c)}b`), `a\\u{${c.toString(16)}}b`, `U+${c.toString(16)}`);
      // The neighbours of each range are ordinary characters.
      const safe = [0x2027, 0x202f, 0x2065, 0x206a, 0x200d, 0x2010, 0x061b, 0x061d, 0x0100, 0xd7ff, 0xe000];
      for (const c of safe) assert.equal(displayValue(`a${ch(c)}b`), `a${ch(c)}b`, `U+${c.toString(16)}`);
    });
    it('keeps surrogate pairs and escapes lone surrogates', () => {
      // U+1D43F MATHEMATICAL ITALIC CAPITAL L = D835 DC3F; U+10000 = D800 DC00; U+10FFFF = DBFF DFFF.
      assert.equal(displayValue('\ud835\udc3f'), '\ud835\udc3f');
      assert.equal(displayValue('\ud800\udc00'), '\ud800\udc00');
      assert.equal(displayValue('\udbff\udfff'), '\udbff\udfff');
      assert.equal(displayValue('x\ud800'), 'x\\u{d800}', 'a high surrogate at the end');
      assert.equal(displayValue('\udbffy'), '\\u{dbff}y', 'a high surrogate before a non-surrogate');
      assert.equal(displayValue('\udc00x'), '\\u{dc00}x', 'a low surrogate first');
      assert.equal(displayValue('\udfff'), '\\u{dfff}');
      assert.equal(displayValue('a\udc00'), 'a\\u{dc00}', 'a low surrogate after an ordinary character');
      assert.equal(displayValue('\udc00\udc01'), '\\u{dc00}\\u{dc01}', 'two lows');
      assert.equal(displayValue('\ue000\udc00'), '\ue000\\u{dc00}', 'a low after U+E000 (above the surrogates)');
      assert.equal(displayValue('\ud800\ue000'), '\\u{d800}\ue000', 'a high before U+E000 (above the lows)');
      assert.equal(displayValue('\ud800\ud800\udc00'), '\\u{d800}\ud800\udc00', 'two highs: the first is lone, the second pairs');
    });
    it('cuts after maxChars characters of output, escapes counted', () => {
      assert.equal(displayValue('abcde', 5), 'abcde', 'exactly maxChars: no ellipsis');
      assert.equal(displayValue('abcdef', 5), 'abcde…');
      assert.equal(displayValue('\x1b\x1bab', 8), '\\x1b\\x1b…', 'two 4-character escapes fill 8');
      assert.equal(displayValue('x'.repeat(80)), 'x'.repeat(80), 'the default is 80');
      assert.equal(displayValue('x'.repeat(81)), `${'x'.repeat(80)}…`);
      assert.equal(displayValue(''), '');
    });
    it('quotes a non-string value (a JavaScript caller) as its String()', () => {
      assert.equal(displayValue(42 as unknown as string), '42');
      assert.equal(oneLine(7 as unknown as string), '7');
    });
  });

  describe('oneLine (a whole message as one line)', () => {
    it('joins trimmed, non-empty lines with " — " and escapes the rest', () => {
      assert.equal(oneLine('  first  \n  second\r\n\n   \nthird  '), 'first — second — third');
      assert.equal(oneLine('a\rb'), 'a\\rb', 'a lone CR is not a line break here: it is escaped');
      assert.equal(oneLine('a\tb'), 'a\\tb');
    });
    it('cuts at 600 characters by default, or at maxChars', () => {
      assert.equal(oneLine('y'.repeat(600)), 'y'.repeat(600));
      assert.equal(oneLine('y'.repeat(601)), `${'y'.repeat(600)}…`);
      assert.equal(oneLine('abc\ndef', 5), 'abc —…');
    });
  });

  it('escapeHtml escapes the five HTML-special characters and nothing else', () => {
    assert.equal(escapeHtml(`a&b<c>d"e'f`), 'a&amp;b&lt;c&gt;d&quot;e&#39;f');
    assert.equal(escapeHtml('中文 plain'), '中文 plain');
  });
});
