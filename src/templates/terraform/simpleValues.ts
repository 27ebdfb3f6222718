// Reads the attribute values most Terraform lines hold (a plain string, a number, a bool, null, a
// dotted reference, or a tuple of those) straight from the text. Walking tree-sitter's nodes for
// them costs several calls into WebAssembly per node and was most of the time a module took to
// read. Only used on trees without syntax errors, where such text has one reading; anything else
// returns undefined and the caller converts the syntax tree, which stays the reference.
import type { LineIndex } from '../../core/lineIndex';
import type { SourceRange } from '../../core/model';
import type { Expr } from './ast';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** Dotted names without hyphens: `a-b` could also be read as a subtraction elsewhere in a value. */
const REFERENCE = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
const KEYWORD_LITERALS: ReadonlyMap<string, boolean | null> = new Map([['true', true], ['false', false], ['null', null]]);

interface Scanned {
  expr: Expr;
  /** Offset just after the value. */
  end: number;
}

class ValueScanner {
  constructor(
    private readonly source: string,
    private readonly lines: LineIndex,
  ) {}

  range(start: number, end: number): SourceRange {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  /** Offset of the first character at or after `at` that is not a space or tab (or line break, when allowed). */
  skipSpace(at: number, lineBreaks: boolean): number {
    for (;;) {
      const c = this.source.charCodeAt(at);
      if (c === 32 || c === 9 || (lineBreaks && (c === 10 || c === 13))) at++;
      else return at;
    }
  }

  value(at: number): Scanned | undefined {
    const c = this.source[at];
    if (c === '"') return this.string(at);
    if (c === '[') return this.tuple(at);
    if (c >= '0' && c <= '9') return this.number(at);
    return this.reference(at);
  }

  private string(open: number): Scanned | undefined {
    const { source } = this;
    for (let at = open + 1; at < source.length; at++) {
      const c = source[at];
      if (c === '"') return { expr: { kind: 'literal', value: source.slice(open + 1, at), range: this.range(open, at + 1) }, end: at + 1 };
      // Escapes, interpolations, directives and line breaks need the grammar.
      if (c === '\\' || c === '\n' || c === '\r') return undefined;
      if ((c === '$' || c === '%') && source[at + 1] === '{') return undefined;
    }
    return undefined;
  }

  private number(at: number): Scanned | undefined {
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(this.source);
    if (!match) return undefined;
    const end = at + match[0].length;
    return { expr: { kind: 'literal', value: Number(match[0]), range: this.range(at, end) }, end };
  }

  private reference(at: number): Scanned | undefined {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(this.source);
    if (!match) return undefined;
    const end = at + match[0].length;
    const segments = match[0].split('.');
    const keyword = KEYWORD_LITERALS.get(segments[0]);
    if (keyword !== undefined) {
      return segments.length === 1 ? { expr: { kind: 'literal', value: keyword, range: this.range(at, end) }, end } : undefined;
    }
    let segmentEnd = at + segments[0].length;
    let expr: Expr = { kind: 'variable', name: segments[0], range: this.range(at, segmentEnd) };
    for (const name of segments.slice(1)) {
      segmentEnd += 1 + name.length;
      expr = { kind: 'getAttr', target: expr, name, range: this.range(at, segmentEnd) };
    }
    return { expr, end };
  }

  private tuple(open: number): Scanned | undefined {
    const items: Expr[] = [];
    let at = this.skipSpace(open + 1, true);
    while (this.source[at] !== ']') {
      const item = this.value(at);
      if (!item) return undefined;
      items.push(item.expr);
      at = this.skipSpace(item.end, true);
      if (this.source[at] === ',') at = this.skipSpace(at + 1, true);
      else if (this.source[at] !== ']') return undefined;
    }
    return { expr: { kind: 'tuple', items, range: this.range(open, at + 1) }, end: at + 1 };
  }
}

/**
 * The name and value of the attribute spanning [start, end) of `source` when its value is one of
 * the simple forms, read exactly as the syntax tree reader would read it; otherwise undefined.
 */
export function readSimpleAttribute(source: string, start: number, end: number, lines: LineIndex): { name: string; value: Expr } | undefined {
  IDENTIFIER.lastIndex = start;
  const name = IDENTIFIER.exec(source)?.[0];
  if (!name) return undefined;
  const scanner = new ValueScanner(source, lines);
  const equals = scanner.skipSpace(start + name.length, false);
  if (source[equals] !== '=' || source[equals + 1] === '=') return undefined;
  const value = scanner.value(scanner.skipSpace(equals + 1, false));
  // The value must be the whole rest of the attribute: a trailing operator or call means more syntax.
  return value && value.end === end ? { name, value: value.expr } : undefined;
}

/** A block label written as a plain string (`"azurerm_subnet"`), without escapes or interpolation. */
export function readSimpleLabel(source: string, start: number, end: number): string | undefined {
  if (end - start < 2 || source[start] !== '"' || source[end - 1] !== '"') return undefined;
  const text = source.slice(start + 1, end - 1);
  return /["\\\n\r]|[$%]\{/.test(text) ? undefined : text;
}
