// A position in the token list with the bookkeeping error recovery needs: the end of the last
// real token (node ranges), and whether a token starts a top-level declaration.
import type { Position, SourceRange } from '../../../core/model';
import type { SyntaxDiagnostic } from './ast';
import type { Token } from './lexer';

export class ParseError extends Error {
  constructor(
    message: string,
    readonly range: SourceRange,
  ) {
    super(message);
  }
}

const TOP_LEVEL_KEYWORDS = new Set(['param', 'var', 'resource', 'module', 'output', 'type', 'func', 'import', 'targetScope', 'metadata', 'extension', 'provider', 'using', 'assert', 'extends']);

export class TokenCursor {
  protected index = 0;
  protected lastEnd: Position = { line: 0, character: 0 };
  /** Set when recovery stopped at the next top-level declaration: enclosing parsers return at once. */
  protected unwinding = false;

  constructor(
    protected readonly tokens: Token[],
    protected readonly diagnostics: SyntaxDiagnostic[],
  ) {}

  protected peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  /** The next token that is not a newline, without consuming anything. */
  protected peekSignificant(): Token {
    return this.tokens[this.significantIndex()];
  }

  protected significantIndex(): number {
    let i = this.index;
    while (i < this.tokens.length - 1 && this.tokens[i].kind === 'newline') i++;
    return i;
  }

  protected atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  protected consume(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    if (token.kind !== 'newline' && token.kind !== 'eof') this.lastEnd = token.range.end;
    return token;
  }

  protected isSymbol(text: string, token = this.peek()): boolean {
    return token.kind === 'symbol' && token.text === text;
  }

  protected isKeyword(text: string, token = this.peek()): boolean {
    return token.kind === 'identifier' && token.text === text;
  }

  protected skipNewlines(): void {
    while (this.peek().kind === 'newline') this.consume();
  }

  protected expectSymbol(text: string, what = `'${text}'`): Token {
    const token = this.peek();
    if (!this.isSymbol(text, token)) throw this.errorAt(token, `Expected ${what} but found ${describe(token)}`);
    return this.consume();
  }

  protected expectIdentifier(what: string): Token {
    const token = this.peek();
    if (token.kind !== 'identifier') throw this.errorAt(token, `Expected ${what} but found ${describe(token)}`);
    return this.consume();
  }

  protected errorAt(token: Token, message: string): ParseError {
    return new ParseError(token.error ?? message, token.range);
  }

  /** While unwinding, the error that started it is already reported; what follows is its echo. */
  protected report(error: ParseError): void {
    if (this.unwinding) return;
    this.diagnostics.push({ range: error.range, message: error.message });
  }

  protected rangeFrom(start: Position): SourceRange {
    return { start, end: this.lastEnd };
  }

  protected startsLine(index = this.index): boolean {
    return index === 0 || this.tokens[index - 1].kind === 'newline';
  }

  /** A line that begins with a declaration keyword (or a decorator) at column 0. */
  protected atTopLevelDeclaration(index = this.index): boolean {
    const token = this.tokens[index];
    if (!token || !this.startsLine(index) || token.range.start.character !== 0) return false;
    if (token.kind === 'symbol') return token.text === '@';
    const next = this.tokens[index + 1];
    return token.kind === 'identifier' && TOP_LEVEL_KEYWORDS.has(token.text) && !(next && next.kind === 'symbol' && next.text === ':');
  }

  /**
   * After an error inside a block: skips to the end of the broken line at this nesting level
   * (consuming the newline), to the closer of the enclosing block, or to the next top-level
   * declaration (then sets `unwinding`).
   */
  protected skipBrokenItem(closer: string): void {
    let depth = 0;
    let first = true;
    while (!this.atEnd()) {
      const token = this.peek();
      if (!first && this.atTopLevelDeclaration()) {
        this.unwinding = true;
        return;
      }
      first = false;
      if (token.kind === 'newline' && depth <= 0) {
        this.consume();
        return;
      }
      if (token.kind === 'symbol' && ['{', '[', '('].includes(token.text)) depth++;
      if (token.kind === 'symbol' && ['}', ']', ')'].includes(token.text)) {
        if (depth === 0 && token.text === closer) return;
        depth--;
      }
      this.consume();
    }
  }
}

export function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'the end of the line';
    case 'string':
    case 'multilineString':
      return 'a string';
    default:
      return `'${token.text}'`;
  }
}
