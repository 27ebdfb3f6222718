import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText } from '../../../src/core/textDecoding';
import { LineIndex } from '../../../src/core/lineIndex';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le').swap16());
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('decodeText', () => {
  const decoded: [string, Uint8Array, string, string][] = [
    ['UTF-8', utf8('{"a": 1}'), '{"a": 1}', 'utf-8'],
    ['UTF-8 with a BOM (dropped)', concat(bytes(0xef, 0xbb, 0xbf), utf8('{}')), '{}', 'utf-8'],
    ['UTF-16LE with a BOM', concat(bytes(0xff, 0xfe), utf16le('param x int\n')), 'param x int\n', 'utf-16le'],
    ['UTF-16BE with a BOM', concat(bytes(0xfe, 0xff), utf16be('名前 = "x"')), '名前 = "x"', 'utf-16be'],
    ['UTF-16LE without a BOM', utf16le('resource "a" "b" {}\n'), 'resource "a" "b" {}\n', 'utf-16le'],
    ['UTF-16BE without a BOM', utf16be('{"x": true}'), '{"x": true}', 'utf-16be'],
    ['CR-only line breaks become LF', utf8('a\rb\rc'), 'a\nb\nc', 'utf-8'],
    ['CRLF stays CRLF', utf8('a\r\nb'), 'a\r\nb', 'utf-8'],
    ['a mix of CR, LF and CRLF', utf8('a\rb\nc\r\nd\r'), 'a\nb\nc\r\nd\n', 'utf-8'],
    ['U+2028 and U+2029 are kept as they are', utf8('"a\u2028b\u2029c"'), '"a\u2028b\u2029c"', 'utf-8'],
    ['an empty file', bytes(), '', 'utf-8'],
  ];
  for (const [what, input, text, encoding] of decoded) {
    it(what, () => {
      const result = decodeText(input);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.text, text);
      assert.equal(result.encoding, encoding);
    });
  }

  const refused: [string, Uint8Array, RegExp][] = [
    ['Latin-1 bytes', bytes(0x63, 0x61, 0x66, 0xe9), /not UTF-8 or UTF-16/],
    ['a lone UTF-16 surrogate', concat(bytes(0xff, 0xfe), bytes(0x00, 0xd8)), /not valid UTF-16LE/],
    ['a NUL in UTF-8 text', utf8('{"a":\u0000}'), /NUL character \(offset 5\)/],
    ['zeros (the start of /dev/zero)', new Uint8Array(64), /NUL character/],
  ];
  for (const [what, input, reason] of refused) {
    it(`refuses ${what}`, () => {
      const result = decodeText(input);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
    });
  }

  it('any text in any marked encoding decodes to itself, with the lines VS Code counts (CR, LF, CRLF)', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '\u2028', 'x'), fc.string({ unit: 'grapheme', maxLength: 2 })), maxLength: 60 }).filter((t) => !t.includes('\u0000'));
    const encoders = fc.constantFrom(
      (t: string) => concat(bytes(0xef, 0xbb, 0xbf), utf8(t)),
      (t: string) => concat(bytes(0xff, 0xfe), utf16le(t)),
      (t: string) => concat(bytes(0xfe, 0xff), utf16be(t)),
    );
    fc.assert(
      fc.property(text, encoders, (t, encode) => {
        const result = decodeText(encode(t));
        assert.ok(result.ok, JSON.stringify(result));
        assert.equal(result.text, t.replace(/\r(?!\n)/g, '\n'), 'a lone CR becomes LF, so offsets stay put');
        const editorLines = t.split(/\r\n|\r|\n/).length;
        assert.equal(new LineIndex(result.text).lineCount, editorLines);
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (input) => {
        const result = decodeText(input);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 500, seed: 16 },
    );
  });
});
