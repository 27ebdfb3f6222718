// Bicep text → tokens with positions. Newlines are tokens (they separate declarations and object
// properties); comments are kept aside for suppression comments. Never throws: what it cannot
// read becomes an `invalid` token the parser reports.
import type { Position, SourceRange } from '../../../core/model';

export type TokenKind = 'identifier' | 'number' | 'string' | 'multilineString' | 'symbol' | 'newline' | 'invalid' | 'eof';

/** A string's text pieces and, between them, the tokens of each `${...}` hole. */
export interface StringPart {
  text?: string;
  tokens?: Token[];
}

export interface Token {
  kind: TokenKind;
  /** Identifier name, symbol text, number digits, or the raw text for invalid tokens. */
  text: string;
  range: SourceRange;
  /** For strings: literal text and interpolation holes in order. */
  parts?: StringPart[];
  /** Set when an unterminated string or comment ended the token. */
  error?: string;
}

export interface Comment {
  text: string;
  range: SourceRange;
}

/** `#disable-next-line`, `#disable-diagnostics`, `#restore-diagnostics`: compiler pragmas, comment-like. */
export interface Directive {
  kind: 'disable-next-line' | 'disable-diagnostics' | 'restore-diagnostics';
  /** The diagnostic codes or linter rule names it lists. */
  codes: string[];
  range: SourceRange;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
  directives: Directive[];
}

const DIRECTIVE = /^#(disable-next-line|disable-diagnostics|restore-diagnostics)(?=[ \t\r\n]|$)/;

const SYMBOLS = ['...', '::', '.?', '??', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '=>', '{', '}', '[', ']', '(', ')', ',', ':', '.', '?', '!', '=', '<', '>', '+', '-', '*', '/', '%', '@', '|', ';'];
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

/** Interpolation holes inside holes; deeper is reported, not lexed (the parser allows as much nesting). */
const MAX_HOLE_NESTING = 200;

export function lexBicep(text: string): LexResult {
  return new Lexer(text).run();
}

class Lexer {
  private offset = 0;
  private line = 0;
  private character = 0;
  private readonly comments: Comment[] = [];
  private readonly directives: Directive[] = [];
  private holeNesting = 0;
  /** Set when a too-deep hole skipped the rest of its line: the strings around it end there too, with no error of their own. */
  private abandonedLine = false;

  constructor(private readonly text: string) {}

  run(): LexResult {
    // A byte-order mark is not text: skipped without moving the column.
    if (this.text.charCodeAt(0) === 0xfeff) this.offset = 1;
    const tokens = this.tokensUntil(undefined);
    return { tokens, comments: this.comments, directives: this.directives };
  }

  private position(): Position {
    return { line: this.line, character: this.character };
  }

  private advance(count = 1): void {
    for (let i = 0; i < count && this.offset < this.text.length; i++) {
      if (this.text[this.offset] === '\n') {
        this.line += 1;
        this.character = 0;
      } else {
        this.character += 1;
      }
      this.offset += 1;
    }
  }

  /** Lexes to the end, or (inside `${`) to the `}` that closes the hole. */
  private tokensUntil(closingBraceDepth: number | undefined): Token[] {
    const tokens: Token[] = [];
    let depth = 0;
    for (;;) {
      if (!(this.abandonedLine && closingBraceDepth !== undefined)) this.skipBlanks(tokens);
      const start = this.position();
      if (this.offset >= this.text.length || (this.abandonedLine && closingBraceDepth !== undefined)) {
        tokens.push({ kind: 'eof', text: '', range: { start, end: start } });
        return tokens;
      }
      const ch = this.text[this.offset];
      if (closingBraceDepth !== undefined && ch === '}' && depth === 0) {
        this.advance();
        tokens.push({ kind: 'eof', text: '', range: { start, end: start } });
        return tokens;
      }
      const token = this.next(ch, start);
      if (token.text === '{') depth += 1;
      if (token.text === '}' && token.kind === 'symbol') depth -= 1;
      tokens.push(token);
    }
  }

  private skipBlanks(tokens: Token[]): void {
    while (this.offset < this.text.length) {
      const ch = this.text[this.offset];
      if (ch === ' ' || ch === '\t' || ch === '\r') this.advance();
      else if (ch === '\n') {
        const start = this.position();
        this.advance();
        tokens.push({ kind: 'newline', text: '\n', range: { start, end: this.position() } });
      } else if (this.text.startsWith('//', this.offset)) this.lineComment();
      else if (this.text.startsWith('/*', this.offset)) this.blockComment(tokens);
      else if (ch === '#' && this.directive()) continue;
      else return;
    }
  }

  /**
   * A pragma is read like the compiler reads it: `#` first on its line (only blanks before it),
   * then the directive and its codes up to the end of the line or a `//` comment.
   */
  private directive(): boolean {
    const match = DIRECTIVE.exec(this.text.slice(this.offset, this.offset + 24));
    if (!match || !this.onlyBlanksBefore()) return false;
    const start = this.position();
    const lineEnd = this.text.indexOf('\n', this.offset);
    const stop = lineEnd === -1 ? this.text.length : lineEnd;
    // A comment after the codes stays a comment.
    const comment = [this.text.indexOf('//', this.offset), this.text.indexOf('/*', this.offset)].filter((at) => at !== -1 && at < stop);
    const end = comment.length > 0 ? Math.min(...comment) : stop;
    const codes = this.text.slice(this.offset + match[0].length, end).split(/[ \t\r]+/).filter((code) => code !== '');
    this.advance(end - this.offset);
    this.directives.push({ kind: match[1] as Directive['kind'], codes, range: { start, end: this.position() } });
    return true;
  }

  private onlyBlanksBefore(): boolean {
    for (let i = this.offset - 1; i >= 0; i--) {
      const ch = this.text[i];
      if (ch === '\n') return true;
      if (ch !== ' ' && ch !== '\t' && ch !== '\r' && ch !== '\ufeff') return false;
    }
    return true;
  }

  private lineComment(): void {
    const start = this.position();
    const end = this.text.indexOf('\n', this.offset);
    const stop = end === -1 ? this.text.length : end;
    const body = this.text.slice(this.offset + 2, stop);
    this.advance(stop - this.offset);
    this.comments.push({ text: body, range: { start, end: this.position() } });
  }

  private blockComment(tokens: Token[]): void {
    const start = this.position();
    const close = this.text.indexOf('*/', this.offset + 2);
    const stop = close === -1 ? this.text.length : close + 2;
    const body = this.text.slice(this.offset, stop);
    this.advance(stop - this.offset);
    const range = { start, end: this.position() };
    this.comments.push({ text: body.replace(/^\/\*|\*\/$/g, ''), range });
    if (close === -1) tokens.push({ kind: 'invalid', text: body, range, error: 'Unterminated /* comment' });
    else if (body.includes('\n')) tokens.push({ kind: 'newline', text: '\n', range });
  }

  private next(ch: string, start: Position): Token {
    if (this.text.startsWith("'''", this.offset)) return this.multilineString(start);
    if (ch === "'") return this.string(start);
    if (/[A-Za-z_]/.test(ch)) return this.word(/[A-Za-z0-9_]/, 'identifier', start);
    if (/[0-9]/.test(ch)) return this.word(/[0-9]/, 'number', start);
    const symbol = SYMBOLS.find((s) => this.text.startsWith(s, this.offset));
    if (symbol) {
      this.advance(symbol.length);
      return { kind: 'symbol', text: symbol, range: { start, end: this.position() } };
    }
    this.advance();
    return { kind: 'invalid', text: ch, range: { start, end: this.position() }, error: `Unexpected character '${ch}'` };
  }

  private word(pattern: RegExp, kind: TokenKind, start: Position): Token {
    const from = this.offset;
    while (this.offset < this.text.length && pattern.test(this.text[this.offset])) this.advance();
    return { kind, text: this.text.slice(from, this.offset), range: { start, end: this.position() } };
  }

  private multilineString(start: Position): Token {
    this.advance(3);
    // A newline right after the opening quotes is not part of the value.
    if (this.text.startsWith('\r\n', this.offset)) this.advance(2);
    else if (this.text[this.offset] === '\n') this.advance();
    let close = this.text.indexOf("'''", this.offset);
    // Quotes right after the closing three belong to the value ('''it ends with a quote'''').
    while (close !== -1 && this.text[close + 3] === "'") close++;
    const stop = close === -1 ? this.text.length : close;
    const value = this.text.slice(this.offset, stop);
    this.advance(stop - this.offset + (close === -1 ? 0 : 3));
    const token: Token = { kind: 'multilineString', text: value, range: { start, end: this.position() }, parts: [{ text: value }] };
    if (close === -1) token.error = "Unterminated ''' string";
    return token;
  }

  private string(start: Position): Token {
    this.advance();
    const parts: StringPart[] = [];
    let literal = '';
    let error: string | undefined;
    for (;;) {
      if (this.abandonedLine) break;
      if (this.offset >= this.text.length || this.text[this.offset] === '\n') {
        error = 'Unterminated string';
        break;
      }
      const ch = this.text[this.offset];
      if (ch === "'") {
        this.advance();
        break;
      }
      if (ch === '\\') {
        literal += this.escape();
        continue;
      }
      if (this.text.startsWith('${', this.offset)) {
        if (this.holeNesting >= MAX_HOLE_NESTING) {
          error = `String interpolation nested more than ${MAX_HOLE_NESTING} deep`;
          while (this.offset < this.text.length && this.text[this.offset] !== '\n') this.advance();
          this.abandonedLine = true;
          break;
        }
        parts.push({ text: literal });
        literal = '';
        this.advance(2);
        this.holeNesting++;
        parts.push({ tokens: this.tokensUntil(0) });
        this.holeNesting--;
        continue;
      }
      literal += ch;
      this.advance();
    }
    if (this.holeNesting === 0) this.abandonedLine = false;
    parts.push({ text: literal });
    const token: Token = { kind: 'string', text: '', range: { start, end: this.position() }, parts };
    if (error) token.error = error;
    return token;
  }

  private escape(): string {
    const next = this.text[this.offset + 1];
    if (next === 'u' && this.text[this.offset + 2] === '{') {
      const close = this.text.indexOf('}', this.offset + 3);
      const code = close === -1 ? NaN : parseInt(this.text.slice(this.offset + 3, close), 16);
      if (Number.isFinite(code) && code <= 0x10ffff) {
        this.advance(close + 1 - this.offset);
        return String.fromCodePoint(code);
      }
    }
    if (next === '{') {
      this.advance(2);
      return '{';
    }
    if (next !== undefined && next !== '\n' && ESCAPES[next] !== undefined) {
      this.advance(2);
      return ESCAPES[next];
    }
    this.advance();
    return '\\';
  }
}
