// Bicep declarations: param, var, resource (incl. existing, nested children), module, output,
// using, compile-time imports and user-defined functions; targetScope/metadata/type/extension/
// assert are read past. A declaration that does not parse becomes one diagnostic and parsing
// resumes at the next top-level declaration.
import type { Position } from '../../../core/model';
import type { BicepProgram, Declaration, Decorator, Expression, ImportedSymbol, ResourceDeclaration, SyntaxDiagnostic } from './ast';
import { describe, ParseError } from './cursor';
import { ExpressionParser } from './expressions';
import { lexBicep, type Token } from './lexer';

export function parseBicep(text: string): BicepProgram {
  const { tokens, comments, directives } = lexBicep(text);
  const diagnostics: SyntaxDiagnostic[] = [];
  const declarations = new BicepParser(tokens, diagnostics).parseProgram();
  return { declarations, diagnostics, comments, directives };
}

const SKIPPED_KEYWORDS = new Set(['targetScope', 'metadata', 'type', 'extension', 'provider', 'assert', 'extends']);

class BicepParser extends ExpressionParser {
  parseProgram(): Declaration[] {
    const declarations: Declaration[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) return declarations;
      this.unwinding = false;
      const before = this.index;
      try {
        declarations.push(this.parseDeclaration());
        if (!this.unwinding) this.expectEndOfDeclaration();
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        this.report(error);
        this.skipToNextDeclaration(before);
      }
    }
  }

  private expectEndOfDeclaration(): void {
    const token = this.peek();
    if (token.kind !== 'newline' && token.kind !== 'eof') throw this.errorAt(token, `Expected a new line after the declaration but found ${describe(token)}`);
  }

  private skipToNextDeclaration(before: number): void {
    if (this.index === before) this.consume();
    while (!this.atEnd() && !this.atTopLevelDeclaration()) this.consume();
  }

  private parseDeclaration(): Declaration {
    const decorators = this.parseDecorators();
    const keyword = this.peek();
    if (keyword.kind !== 'identifier') throw this.errorAt(keyword, `Expected a declaration but found ${describe(keyword)}`);
    const start = keyword.range.start;
    switch (keyword.text) {
      case 'param':
        return this.parseParam(decorators, start);
      case 'var':
        return this.parseVar(decorators, start);
      case 'output':
        return this.parseOutput(decorators, start);
      case 'resource':
        return this.parseResource(decorators);
      case 'module':
        return this.parseModule(decorators, start);
      case 'using':
        return this.parseUsing(start);
      case 'import':
        return this.parseImport(decorators, start);
      case 'func':
        return this.parseFunction(decorators, start);
      default:
        if (SKIPPED_KEYWORDS.has(keyword.text)) return this.skipDeclaration(keyword.text, start);
        throw this.errorAt(keyword, `Unknown declaration '${keyword.text}'`);
    }
  }

  private named(): { name: string; nameRange: Token['range'] } {
    this.consume();
    const name = this.expectIdentifier('a name');
    return { name: name.text, nameRange: name.range };
  }

  private parseParam(decorators: Decorator[], start: Position): Declaration {
    const { name, nameRange } = this.named();
    const typeText = this.typeUntilEquals();
    let defaultValue: Expression | undefined;
    if (this.isSymbol('=')) {
      this.consume();
      this.skipNewlines();
      defaultValue = this.parseExpression();
    }
    return { kind: 'param', name, nameRange, decorators, typeText, defaultValue, range: this.rangeFrom(start) };
  }

  private parseVar(decorators: Decorator[], start: Position): Declaration {
    const { name, nameRange } = this.named();
    this.typeUntilEquals();
    this.expectSymbol('=');
    this.skipNewlines();
    return { kind: 'var', name, nameRange, decorators, value: this.parseExpression(), range: this.rangeFrom(start) };
  }

  private parseOutput(decorators: Decorator[], start: Position): Declaration {
    const { name, nameRange } = this.named();
    const typeText = this.typeUntilEquals();
    this.expectSymbol('=');
    this.skipNewlines();
    return { kind: 'output', name, nameRange, decorators, typeText, value: this.parseExpression(), range: this.rangeFrom(start) };
  }

  private parseResource(decorators: Decorator[]): ResourceDeclaration {
    const start = this.peek().range.start;
    const { name, nameRange } = this.named();
    const typeToken = this.peek();
    if (typeToken.kind !== 'string' || (typeToken.parts ?? []).some((p) => p.tokens)) {
      throw this.errorAt(typeToken, `Expected the resource type as a string ('Namespace/type@version') but found ${describe(typeToken)}`);
    }
    this.consume();
    const [type, apiVersion] = (typeToken.parts?.[0]?.text ?? '').split('@');
    const existing = this.isKeyword('existing');
    if (existing) this.consume();
    this.expectSymbol('=');
    this.skipNewlines();
    const value = this.parseExpression();
    return { kind: 'resource', name, nameRange, decorators, type, apiVersion, existing, value, range: this.rangeFrom(start) };
  }

  protected override parseNestedResource(decorators: Decorator[]): ResourceDeclaration {
    return this.parseResource(decorators);
  }

  private parseModule(decorators: Decorator[], start: Position): Declaration {
    const { name, nameRange } = this.named();
    const pathToken = this.peek();
    if (pathToken.kind !== 'string') throw this.errorAt(pathToken, `Expected the module path as a string but found ${describe(pathToken)}`);
    this.consume();
    const path = (pathToken.parts ?? []).map((p) => p.text ?? '').join('');
    this.expectSymbol('=');
    this.skipNewlines();
    return { kind: 'module', name, nameRange, decorators, path, value: this.parseExpression(), range: this.rangeFrom(start) };
  }

  private parseUsing(start: Position): Declaration {
    this.consume();
    const token = this.consume();
    const path = token.kind === 'string' ? (token.parts ?? []).map((p) => p.text ?? '').join('') : token.text;
    // `using './main.bicep' with { ... }` (deployment settings): read past.
    this.skipRestOfDeclaration('using');
    return { kind: 'using', path, range: this.rangeFrom(start) };
  }

  /** `import { a, b as c } from 'x'` / `import * as ns from 'x'`; a legacy `import 'az@1.0.0'` is read past. */
  private parseImport(decorators: Decorator[], start: Position): Declaration {
    const next = this.peek(1);
    if (!this.isSymbol('{', next) && !this.isSymbol('*', next)) return this.skipDeclaration('import', start);
    this.consume();
    const symbols: ImportedSymbol[] = [];
    let namespace: string | undefined;
    if (this.isSymbol('*')) {
      this.consume();
      this.expectKeyword('as');
      namespace = this.expectIdentifier('a namespace name').text;
    } else {
      this.consume();
      for (;;) {
        while (this.peek().kind === 'newline' || this.isSymbol(',')) this.consume();
        if (this.isSymbol('}')) break;
        const name = this.peek();
        if (name.kind !== 'identifier' && name.kind !== 'string') throw this.errorAt(name, `Expected an imported name but found ${describe(name)}`);
        this.consume();
        const text = name.kind === 'string' ? (name.parts ?? []).map((p) => p.text ?? '').join('') : name.text;
        let alias = text;
        if (this.isKeyword('as')) {
          this.consume();
          alias = this.expectIdentifier('an alias').text;
        }
        symbols.push({ name: text, alias });
      }
      this.consume();
    }
    this.expectKeyword('from');
    const pathToken = this.peek();
    if (pathToken.kind !== 'string') throw this.errorAt(pathToken, `Expected the imported file as a string but found ${describe(pathToken)}`);
    this.consume();
    const path = (pathToken.parts ?? []).map((p) => p.text ?? '').join('');
    return { kind: 'import', decorators, path, symbols, namespace, range: this.rangeFrom(start) };
  }

  /** `func name(a string, b object) string => body`: the parameter names and the body are kept. */
  private parseFunction(decorators: Decorator[], start: Position): Declaration {
    const { name, nameRange } = this.named();
    this.expectSymbol('(');
    const parameters: string[] = [];
    let depth = 1;
    let expectName = true;
    while (depth > 0) {
      const token = this.peek();
      if (token.kind === 'eof' || this.atTopLevelDeclaration()) throw this.errorAt(token, `Expected ')' to close the parameters of function '${name}'`);
      if (token.kind === 'symbol' && ['(', '[', '{'].includes(token.text)) depth++;
      if (token.kind === 'symbol' && [')', ']', '}'].includes(token.text)) depth--;
      if (depth === 1 && expectName && token.kind === 'identifier') parameters.push(token.text);
      if (token.kind !== 'newline') expectName = depth === 1 && this.isSymbol(',');
      this.consume();
    }
    while (!this.isSymbol('=>')) {
      const token = this.peek();
      if (token.kind === 'newline' || token.kind === 'eof') throw this.errorAt(token, `Expected '=>' and the body of function '${name}' but found ${describe(token)}`);
      this.consume();
    }
    this.consume();
    this.skipNewlines();
    return { kind: 'func', name, nameRange, decorators, parameters, body: this.parseExpression(), range: this.rangeFrom(start) };
  }

  private expectKeyword(keyword: string): void {
    if (!this.isKeyword(keyword)) throw this.errorAt(this.peek(), `Expected '${keyword}' but found ${describe(this.peek())}`);
    this.consume();
  }

  /** A type annotation, read as text: everything up to `=` or the end of the line, brackets balanced. */
  private typeUntilEquals(): string {
    const parts: string[] = [];
    let depth = 0;
    while (!this.atEnd()) {
      const token = this.peek();
      if (depth === 0 && (token.kind === 'newline' || this.isSymbol('='))) break;
      if (this.isSymbol('{') || this.isSymbol('[') || this.isSymbol('(')) depth++;
      if (this.isSymbol('}') || this.isSymbol(']') || this.isSymbol(')')) depth--;
      if (depth < 0) throw this.errorAt(token, `Unexpected ${describe(token)} in a type`);
      if (depth > 0 && this.atTopLevelDeclaration()) throw this.errorAt(token, 'Unclosed bracket in a type');
      if (token.error || token.kind === 'invalid') throw this.errorAt(token, token.error ?? `Unexpected character '${token.text}'`);
      parts.push(token.kind === 'string' ? `'${(token.parts ?? []).map((p) => p.text ?? '').join('')}'` : token.text);
      this.consume();
    }
    if (depth > 0) throw this.errorAt(this.peek(), 'Unclosed bracket in a type');
    return parts.join(' ').replace(/ ?([[\].?]) ?/g, '$1').trim();
  }

  /** Declarations that never change the topology: read to their end, brackets balanced. */
  private skipDeclaration(keyword: string, start: Position): Declaration {
    this.consume();
    this.skipRestOfDeclaration(keyword);
    return { kind: 'other', keyword, range: this.rangeFrom(start) };
  }

  /**
   * To the end of the declaration, brackets balanced. A line break right after `=` or `|`, or
   * before a line that starts with `|`, continues it (a union type written one member a line).
   */
  private skipRestOfDeclaration(keyword: string): void {
    let depth = 0;
    let previous: Token | undefined;
    while (!this.atEnd()) {
      const token = this.peek();
      if (depth <= 0 && token.kind === 'newline') {
        const continues = (previous && (this.isSymbol('=', previous) || this.isSymbol('|', previous))) || this.isSymbol('|', this.peekSignificant());
        if (!continues || this.atTopLevelDeclaration(this.significantIndex())) break;
        this.skipNewlines();
        continue;
      }
      if (depth > 0 && this.atTopLevelDeclaration()) throw this.errorAt(token, `Unclosed bracket in a '${keyword}' declaration`);
      // Skipped, but still read: an unterminated string or a stray character is a syntax error here too.
      if (token.error || token.kind === 'invalid') throw this.errorAt(token, token.error ?? `Unexpected character '${token.text}'`);
      if (token.kind === 'symbol' && ['{', '[', '('].includes(token.text)) depth++;
      if (token.kind === 'symbol' && ['}', ']', ')'].includes(token.text)) depth--;
      previous = this.consume();
    }
    if (depth > 0) throw this.errorAt(this.peek(), `Unclosed bracket in a '${keyword}' declaration`);
  }
}
