// Template and snapshot bytes → the text the editor shows, decoded the way VS Code and the
// compilers read files: a UTF-8 or UTF-16 byte order mark picks the encoding (and is dropped),
// UTF-16 without a mark is recognised by its zero bytes, anything else must be valid UTF-8.
// Line breaks are CR, LF and CRLF, as VS Code, jsonc-parser and the Bicep lexer count them; a
// lone CR becomes LF (same length, so offsets stay put), as VS Code normalizes it on opening, so
// the CLI and the editor see the same lines. U+2028/U+2029 are not line breaks (VS Code shows
// them as unusual terminators; inside a JSON string they are ordinary characters).

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedText = { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; reason: string };

/** The largest input file read (32 MiB: eight times the 4 MB Azure accepts for a deployed ARM template). */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** How many leading bytes decide whether a file without a byte order mark is UTF-16. */
const UTF16_SNIFF_BYTES = 512;

export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bom } = detectEncoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(encoding === 'utf-8' ? 3 : 2) : bytes);
  } catch {
    return { ok: false, reason: encoding === 'utf-8' ? 'is not UTF-8 or UTF-16 text (invalid UTF-8 bytes)' : `is not valid ${encoding.toUpperCase()} text` };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { ok: false, reason: `holds a NUL character (offset ${nul}): a binary file, not text` };
  return { ok: true, text: normalizeLoneCarriageReturns(text), encoding, bom };
}

function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: unmarkedUtf16(bytes) ?? 'utf-8', bom: false };
}

/**
 * UTF-16 without a byte order mark, told by its zero bytes as VS Code does: mostly-ASCII text
 * has a zero in every other byte (the high byte), and UTF-8 text never holds a zero byte.
 */
function unmarkedUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const length = Math.min(bytes.length, UTF16_SNIFF_BYTES) & ~1;
  if (length < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const units = length / 2;
  if (oddZeros > units / 2 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > units / 2 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** A CR not followed by LF is a line break of its own; it becomes LF so every reader counts it. */
export function normalizeLoneCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
