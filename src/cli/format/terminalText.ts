// Text from templates and Azure (names, tags, messages quoting them) reaches a terminal: control
// characters in it could move the cursor, retitle the window, write the clipboard (OSC 52), ring
// the bell, or reorder what is shown (bidi overrides). They are shown escaped instead.

/** C0 (but tab and newline, which our own layout uses), DEL, C1, format controls (bidi, zero-width), line/paragraph separators. */
const UNSAFE = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** What JSON.stringify leaves raw: DEL, C1, format controls and separators (it escapes C0 itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

/** `\x1B`, `\u202E`, `\u{E0001}`: visible, and nothing a terminal acts on. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\u{${hex(code, 1)}}`;
  });
}

/** The same JSON text, with those characters as `\uXXXX` escapes (the parsed value is unchanged). */
export function escapeJsonControls(json: string): string {
  // An astral character is two UTF-16 units, each its own \u escape.
  return json.replace(UNSAFE_IN_JSON, (c) => Array.from({ length: c.length }, (_, i) => `\\u${hex(c.charCodeAt(i), 4).toLowerCase()}`).join(''));
}

/** Every string in a plain-data value (a report) escaped for the terminal. */
export function escapeControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((item) => escapeControlsDeep(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, escapeControlsDeep(inner)])) as T;
}
