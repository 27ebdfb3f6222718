// Parses ARM template expression text (the part between the outer brackets).
import { type Expression, ExpressionSyntaxError } from './ast';

/** What a JSON string in a template stands for: an expression, or a literal string. */
export type TemplateString = { kind: 'literal'; value: string } | { kind: 'expression'; text: string };

export function classifyTemplateString(raw: string): TemplateString {
  // `[[` escapes a literal string that starts with `[`.
  if (raw.startsWith('[[')) return { kind: 'literal', value: raw.slice(1) };
  if (raw.startsWith('[') && raw.endsWith(']')) return { kind: 'expression', text: raw.slice(1, -1) };
  return { kind: 'literal', value: raw };
}

export function parseExpression(text: string): Expression {
  const parser = new Parser(text);
  const expression = parser.expression();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail(`unexpected '${text[parser.pos]}'`);
  return expression;
}

/**
 * Evaluating recurses once per nested call; ARM's own expressions nest a handful of levels, so a
 * deeper one is refused as malformed rather than risking the stack.
 */
export const MAX_EXPRESSION_DEPTH = 256;

const EXCERPT_LENGTH = 200;

/** Expression text as quoted in a message: a megabyte-long expression must not make a megabyte-long finding. */
export function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$.]/;

class Parser {
  pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(message: string): never {
    throw new ExpressionSyntaxError(`${message} at position ${this.pos} in '${excerpt(this.text)}'`, this.pos);
  }

  skipSpace(): void {
    while (!this.atEnd() && /\s/.test(this.text[this.pos])) this.pos += 1;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== char) this.fail(`expected '${char}'`);
    this.pos += 1;
  }

  expression(): Expression {
    if (this.depth >= MAX_EXPRESSION_DEPTH) this.fail(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels`);
    this.depth += 1;
    try {
      return this.postfix(this.primary());
    } finally {
      this.depth -= 1;
    }
  }

  private postfix(primary: Expression): Expression {
    let target = primary;
    // Each `.name` or `[index]` wraps the target once more: it counts towards the depth too.
    for (let links = 0; ; links += 1) {
      this.skipSpace();
      const next = this.text[this.pos];
      if ((next === '.' || next === '[') && this.depth + links >= MAX_EXPRESSION_DEPTH) {
        this.fail(`nested deeper than ${MAX_EXPRESSION_DEPTH} levels`);
      }
      if (next === '.') {
        this.pos += 1;
        this.skipSpace();
        target = { kind: 'property', target, name: this.identifier() };
      } else if (next === '[') {
        this.pos += 1;
        const index = this.expression();
        this.expect(']');
        target = { kind: 'index', target, index };
      } else {
        return target;
      }
    }
  }

  private primary(): Expression {
    this.skipSpace();
    const char = this.text[this.pos];
    if (char === undefined) this.fail('unexpected end of expression');
    if (char === "'") return { kind: 'string', value: this.stringLiteral() };
    if (/[-0-9]/.test(char)) return { kind: 'number', value: this.numberLiteral() };
    if (IDENTIFIER_START.test(char)) return this.callOrKeyword();
    return this.fail(`unexpected '${char}'`);
  }

  private stringLiteral(): string {
    this.pos += 1;
    let value = '';
    for (;;) {
      // Whole runs between quotes at once: a string of megabytes stays linear and cheap.
      const quote = this.text.indexOf("'", this.pos);
      if (quote === -1) {
        this.pos = this.text.length;
        this.fail('unterminated string');
      }
      value += this.text.slice(this.pos, quote);
      if (this.text[quote + 1] === "'") {
        value += "'";
        this.pos = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      return value;
    }
  }

  private numberLiteral(): number {
    const match = /^-?\d+(\.\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.fail('malformed number');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private identifier(): string {
    const start = this.pos;
    if (!IDENTIFIER_START.test(this.text[this.pos] ?? '')) this.fail('expected a name');
    while (!this.atEnd() && /[A-Za-z0-9_$]/.test(this.text[this.pos])) this.pos += 1;
    return this.text.slice(start, this.pos);
  }

  private callOrKeyword(): Expression {
    const start = this.pos;
    while (!this.atEnd() && IDENTIFIER_PART.test(this.text[this.pos])) this.pos += 1;
    const name = this.text.slice(start, this.pos);
    this.skipSpace();
    if (this.text[this.pos] !== '(') {
      // Bare true/false/null are accepted the way languageVersion 2.0 templates write them.
      const keyword = name.toLowerCase();
      if (keyword === 'true' || keyword === 'false' || keyword === 'null') return { kind: 'call', name: keyword, args: [] };
      this.pos = start;
      return this.fail(`expected '(' after '${name}'`);
    }
    this.pos += 1;
    const args: Expression[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ')') {
      this.pos += 1;
      return { kind: 'call', name, args };
    }
    for (;;) {
      args.push(this.expression());
      this.skipSpace();
      const char = this.text[this.pos];
      if (char === ',') {
        this.pos += 1;
      } else if (char === ')') {
        this.pos += 1;
        return { kind: 'call', name, args };
      } else {
        this.fail("expected ',' or ')'");
      }
    }
  }
}
