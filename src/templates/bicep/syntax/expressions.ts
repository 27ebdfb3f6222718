// Recursive-descent parsing of Bicep expressions, objects and arrays, with per-item recovery: a
// broken property or array item costs that line only.
import type { Position } from '../../../core/model';
import type {
  ArrayExpression,
  BinaryOperator,
  Decorator,
  Expression,
  ObjectExpression,
  ObjectProperty,
  ObjectSpread,
  ResourceDeclaration,
  SpreadExpression,
  StringExpression,
} from './ast';
import { describe, ParseError, TokenCursor } from './cursor';
import type { Token } from './lexer';

/** Binary operators by precedence, lowest first. */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

/** Operators that may begin a continuation line (Bicep allows them to wrap). */
const LINE_CONTINUING = new Set(['?', ':', '&&', '||', '??']);

const MAX_NESTING = 200;

export class ExpressionParser extends TokenCursor {
  private nesting = 0;

  parseExpression(): Expression {
    if (++this.nesting > MAX_NESTING) {
      this.nesting--;
      throw this.errorAt(this.peek(), `Expression nested more than ${MAX_NESTING} deep`);
    }
    try {
      return this.parseTernary();
    } finally {
      this.nesting--;
    }
  }

  /** Nested resources inside a resource body; the statement parser supplies it. */
  protected parseNestedResource(decorators: Decorator[]): ResourceDeclaration {
    throw this.errorAt(this.peek(), `A resource cannot be declared here (${decorators.length} decorators)`);
  }

  protected parseDecorators(): Decorator[] {
    const decorators: Decorator[] = [];
    while (this.isSymbol('@')) {
      const start = this.consume().range.start;
      decorators.push({ call: this.parsePostfix(), range: this.rangeFrom(start) });
      this.skipNewlines();
    }
    return decorators;
  }

  private continuesWith(symbol: string): boolean {
    const token = this.peek().kind === 'newline' && LINE_CONTINUING.has(symbol) ? this.peekSignificant() : this.peek();
    return this.isSymbol(symbol, token);
  }

  private consumeOperator(): void {
    this.skipNewlines();
    this.consume();
    this.skipNewlines();
  }

  private parseTernary(): Expression {
    const start = this.peek().range.start;
    const condition = this.parseBinary(0);
    if (!this.continuesWith('?')) return condition;
    this.consumeOperator();
    const whenTrue = this.parseExpression();
    if (!this.continuesWith(':')) throw this.errorAt(this.peekSignificant(), `Expected ':' in a conditional expression but found ${describe(this.peek())}`);
    this.consumeOperator();
    const whenFalse = this.parseExpression();
    return { kind: 'ternary', condition, whenTrue, whenFalse, range: this.rangeFrom(start) };
  }

  private parseBinary(level: number): Expression {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    const start = this.peek().range.start;
    let left = this.parseBinary(level + 1);
    for (;;) {
      const operator = BINARY_LEVELS[level].find((op) => this.continuesWith(op));
      if (!operator) return left;
      this.consumeOperator();
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', operator, left, right, range: this.rangeFrom(start) };
    }
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (this.isSymbol('!') || this.isSymbol('-')) {
      this.consume();
      const operand = this.parseUnary();
      return { kind: 'unary', operator: token.text as '!' | '-', operand, range: this.rangeFrom(token.range.start) };
    }
    return this.parsePostfix();
  }

  protected parsePostfix(): Expression {
    const start = this.peek().range.start;
    let expression = this.parsePrimary();
    for (;;) {
      const token = this.peek();
      if (this.isSymbol('.') || this.isSymbol('.?')) {
        this.consume();
        const name = this.expectIdentifier('a property name');
        if (this.isSymbol('(') && !(token.text === '.?')) {
          expression = this.parseCall(name.text, start, expression);
          continue;
        }
        expression = { kind: 'member', target: expression, name: name.text, safe: token.text === '.?', range: this.rangeFrom(start) };
      } else if (this.isSymbol('::')) {
        this.consume();
        const name = this.expectIdentifier('a nested resource name');
        expression = { kind: 'nested', target: expression, name: name.text, range: this.rangeFrom(start) };
      } else if (this.isSymbol('[')) {
        this.consume();
        const safe = this.isSymbol('?');
        if (safe) this.consume();
        this.skipNewlines();
        const index = this.parseExpression();
        this.skipNewlines();
        this.expectSymbol(']');
        expression = { kind: 'index', target: expression, index, safe, range: this.rangeFrom(start) };
      } else if (this.isSymbol('!')) {
        this.consume();
        expression = { kind: 'nonNull', operand: expression, range: this.rangeFrom(start) };
      } else {
        return expression;
      }
    }
  }

  private parseCall(name: string, start: Position, target?: Expression): Expression {
    this.expectSymbol('(');
    const args: Expression[] = [];
    this.skipNewlines();
    while (!this.isSymbol(')')) {
      args.push(this.parseExpression());
      this.skipNewlines();
      if (this.isSymbol(',')) {
        this.consume();
        this.skipNewlines();
      } else if (!this.isSymbol(')')) {
        throw this.errorAt(this.peek(), `Expected ',' or ')' in the arguments of ${name}() but found ${describe(this.peek())}`);
      }
    }
    this.consume();
    const range = this.rangeFrom(start);
    // `az.resourceGroup()`, `sys.concat()`: a namespace, not a value.
    if (target?.kind === 'identifier' && (target.name === 'az' || target.name === 'sys')) {
      return { kind: 'call', name, namespace: target.name, args, range };
    }
    return target ? { kind: 'call', name, target, args, range } : { kind: 'call', name, args, range };
  }

  private parsePrimary(): Expression {
    const token = this.peek();
    const start = token.range.start;
    // A value that never came: report where the text stopped, not at the next declaration.
    if (this.atTopLevelDeclaration()) throw new ParseError(`Expected a value but the declaration ends before ${describe(token)}`, { start: this.lastEnd, end: this.lastEnd });
    switch (token.kind) {
      case 'number':
        this.consume();
        return { kind: 'literal', value: Number(token.text), range: token.range };
      case 'string':
      case 'multilineString':
        this.consume();
        return this.stringExpression(token);
      case 'identifier':
        return this.parseIdentifierStart(token);
      case 'symbol':
        if (token.text === '{') return this.parseObject();
        if (token.text === '[') return this.parseArrayOrFor();
        if (token.text === '(') return this.parseParenthesised(start);
        break;
      default:
        break;
    }
    throw this.errorAt(token, `Expected a value but found ${describe(token)}`);
  }

  private parseIdentifierStart(token: Token): Expression {
    const start = token.range.start;
    if (this.isSymbol('=>', this.peek(1))) {
      this.consume();
      this.consume();
      this.skipNewlines();
      return { kind: 'lambda', parameters: [token.text], body: this.parseExpression(), range: this.rangeFrom(start) };
    }
    this.consume();
    if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true', range: token.range };
    if (token.text === 'null') return { kind: 'literal', value: null, range: token.range };
    if (token.text === 'if' && this.isSymbol('(')) return this.parseIf(start);
    if (this.isSymbol('(')) return this.parseCall(token.text, start);
    return { kind: 'identifier', name: token.text, range: token.range };
  }

  private parseIf(start: Position): Expression {
    this.expectSymbol('(');
    this.skipNewlines();
    const condition = this.parseExpression();
    this.skipNewlines();
    this.expectSymbol(')');
    this.skipNewlines();
    const body = this.parseExpression();
    return { kind: 'if', condition, body, range: this.rangeFrom(start) };
  }

  private parseParenthesised(start: Position): Expression {
    const lambda = this.lambdaParameters();
    if (lambda) {
      this.skipNewlines();
      return { kind: 'lambda', parameters: lambda, body: this.parseExpression(), range: this.rangeFrom(start) };
    }
    this.consume();
    this.skipNewlines();
    const inner = this.parseExpression();
    this.skipNewlines();
    this.expectSymbol(')');
    return { ...inner, range: this.rangeFrom(start) };
  }

  /** `(a, b) =>`: consumes through the arrow and returns the names; otherwise consumes nothing. */
  private lambdaParameters(): string[] | undefined {
    const names: string[] = [];
    let offset = 1;
    while (!this.isSymbol(')', this.peek(offset))) {
      const token = this.peek(offset);
      if (token.kind !== 'identifier') return undefined;
      names.push(token.text);
      offset++;
      if (this.isSymbol(',', this.peek(offset))) offset++;
      else if (!this.isSymbol(')', this.peek(offset))) return undefined;
    }
    if (!this.isSymbol('=>', this.peek(offset + 1))) return undefined;
    for (let i = 0; i < offset + 2; i++) this.consume();
    return names;
  }

  private stringExpression(token: Token): StringExpression {
    const segments: string[] = [];
    const holes: Expression[] = [];
    for (const part of token.parts ?? []) {
      if (part.tokens) holes.push(this.parseHole(part.tokens));
      else segments.push(part.text ?? '');
    }
    if (token.error) this.report(new ParseError(token.error, token.range));
    return { kind: 'string', segments, holes, range: token.range };
  }

  private parseHole(tokens: Token[]): Expression {
    const parser = new ExpressionParser(tokens, this.diagnostics);
    // A hole is nested in the expression around it: its depth counts on from here.
    parser.nesting = this.nesting;
    const first = tokens[0];
    try {
      parser.skipNewlines();
      const expression = parser.parseExpression();
      parser.skipNewlines();
      if (!parser.atEnd()) throw parser.errorAt(parser.peek(), `Unexpected ${describe(parser.peek())} in a string interpolation`);
      return expression;
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      this.report(error);
      return { kind: 'error', range: first.range };
    }
  }

  protected parseObject(): ObjectExpression {
    const start = this.expectSymbol('{').range.start;
    const properties: ObjectProperty[] = [];
    const resources: ResourceDeclaration[] = [];
    const spreads: ObjectSpread[] = [];
    for (;;) {
      while (this.peek().kind === 'newline' || this.isSymbol(',')) this.consume();
      if (this.unwinding) break;
      if (this.isSymbol('}')) {
        this.consume();
        break;
      }
      if (this.atEnd() || this.atTopLevelDeclaration()) {
        this.report(new ParseError(`Expected '}' to close the object opened at line ${start.line + 1}`, { start: this.lastEnd, end: this.lastEnd }));
        this.unwinding = true;
        break;
      }
      try {
        if (this.isSymbol('...')) {
          spreads.push({ before: properties.length, spread: this.parseSpread() });
          this.endItem('}');
        } else {
          this.parseObjectMember(properties, resources);
        }
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        this.report(error);
        this.skipBrokenItem('}');
      }
    }
    return { kind: 'object', properties, resources, spreads, range: this.rangeFrom(start) };
  }

  private parseSpread(): SpreadExpression {
    const start = this.consume().range.start;
    const operand = this.parseExpression();
    return { kind: 'spread', operand, range: this.rangeFrom(start) };
  }

  private parseObjectMember(properties: ObjectProperty[], resources: ResourceDeclaration[]): void {
    const decorators = this.parseDecorators();
    const token = this.peek();
    if (this.isKeyword('resource') && this.peek(1).kind === 'identifier') {
      resources.push(this.parseNestedResource(decorators));
      this.endItem('}');
      return;
    }
    let key: string | StringExpression;
    if (token.kind === 'identifier') key = this.consume().text;
    else if (token.kind === 'string') key = this.stringExpression(this.consume());
    else throw this.errorAt(token, `Expected a property name but found ${describe(token)}`);
    this.expectSymbol(':');
    this.skipNewlines();
    const value = this.parseExpression();
    properties.push({ key, value, range: this.rangeFrom(token.range.start) });
    this.endItem('}');
  }

  /** An item ends at a newline, a comma or the block's closer. */
  private endItem(closer: string): void {
    const token = this.peek();
    if (token.kind === 'newline' || this.isSymbol(',') || this.isSymbol(closer) || this.unwinding) return;
    throw this.errorAt(token, `Expected a new line or ',' but found ${describe(token)}`);
  }

  private parseArrayOrFor(): Expression {
    const start = this.peek().range.start;
    if (this.isKeyword('for', this.peekAfterBracket())) return this.parseFor(start);
    this.consume();
    const items: Expression[] = [];
    for (;;) {
      while (this.peek().kind === 'newline' || this.isSymbol(',')) this.consume();
      if (this.unwinding) break;
      if (this.isSymbol(']')) {
        this.consume();
        break;
      }
      if (this.atEnd() || this.atTopLevelDeclaration()) {
        this.report(new ParseError(`Expected ']' to close the array opened at line ${start.line + 1}`, { start: this.lastEnd, end: this.lastEnd }));
        this.unwinding = true;
        break;
      }
      try {
        items.push(this.isSymbol('...') ? this.parseSpread() : this.parseExpression());
        this.endItem(']');
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        this.report(error);
        this.skipBrokenItem(']');
      }
    }
    const array: ArrayExpression = { kind: 'array', items, range: this.rangeFrom(start) };
    return array;
  }

  private peekAfterBracket(): Token {
    let i = 1;
    while (this.peek(i).kind === 'newline') i++;
    return this.peek(i);
  }

  private parseFor(start: Position): Expression {
    this.consume();
    this.skipNewlines();
    this.consume();
    let itemName: string | undefined;
    let indexName: string | undefined;
    if (this.isSymbol('(')) {
      this.consume();
      itemName = this.expectIdentifier('a loop item name').text;
      if (this.isSymbol(',')) {
        this.consume();
        indexName = this.expectIdentifier('a loop index name').text;
      }
      this.expectSymbol(')');
    } else {
      itemName = this.expectIdentifier('a loop item name').text;
    }
    if (!this.isKeyword('in')) throw this.errorAt(this.peek(), `Expected 'in' in a for loop but found ${describe(this.peek())}`);
    this.consume();
    const source = this.parseExpression();
    this.expectSymbol(':');
    this.skipNewlines();
    let filter: Expression | undefined;
    let body: Expression;
    const parsed = this.parseExpression();
    if (parsed.kind === 'if') {
      filter = parsed.condition;
      body = parsed.body;
    } else {
      body = parsed;
    }
    this.skipNewlines();
    this.expectSymbol(']');
    return { kind: 'for', itemName, indexName, source, filter, body, range: this.rangeFrom(start) };
  }
}
