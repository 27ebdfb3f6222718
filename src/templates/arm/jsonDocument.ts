// A template's JSON tree (comments and trailing commas allowed) with offsets turned into ranges.
import { LineIndex } from '../../core/lineIndex';
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SourceRange } from '../../core/model';
import { fastParseTree } from './fastJsonTree';

export interface JsonSyntaxError {
  message: string;
  range: SourceRange;
  /** 'too-deep': valid JSON perhaps, but nested beyond what is read without exhausting the stack. */
  code?: 'too-deep';
}

/**
 * Real templates nest a few dozen levels; the JSON parser and every walk over the tree recurse, so
 * a deeper document is refused up front instead of overflowing the stack.
 */
export const MAX_JSON_DEPTH = 512;

export interface JsonDocument {
  root: Node | undefined;
  errors: JsonSyntaxError[];
  rangeOf(node: Node): SourceRange;
}

const READABLE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

export function parseJsonDocument(text: string): JsonDocument {
  const lines = new LineIndex(text);
  const rangeAt = (offset: number, length: number): SourceRange => lines.rangeOf(offset, length);
  const rangeOf = (node: Node) => rangeAt(node.offset, node.length);
  const wellFormed = fastParseTree(text, MAX_JSON_DEPTH);
  if (wellFormed) return { root: wellFormed, errors: [], rangeOf };
  const tooDeepAt = offsetBeyondDepth(text, MAX_JSON_DEPTH);
  if (tooDeepAt !== undefined) {
    const message = `nested deeper than ${MAX_JSON_DEPTH} levels`;
    return { root: undefined, errors: [{ message, range: rangeAt(tooDeepAt, 1), code: 'too-deep' }], rangeOf: (node) => rangeAt(node.offset, node.length) };
  }
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const errors = parseErrors.map((error) => {
    const code = printParseErrorCode(error.error);
    return { message: READABLE_ERRORS[code] ?? code, range: rangeAt(error.offset, error.length) };
  });
  return { root, errors, rangeOf: (node) => rangeAt(node.offset, node.length) };
}

/** The offset of the first `[` or `{` that opens level `maxDepth + 1`, skipping strings and comments. */
function offsetBeyondDepth(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') {
      for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (char === ']' || char === '}') {
      depth -= 1;
    }
  }
  return undefined;
}

/** A property's value node; ARM property names are case-insensitive. */
export function propertyNode(object: Node | undefined, name: string): Node | undefined {
  if (object?.type !== 'object') return undefined;
  const key = name.toLowerCase();
  const property = object.children?.find((p) => String(p.children?.[0]?.value).toLowerCase() === key);
  return property?.children?.[1];
}

/** The [key, value] pairs of an object node, in source order. */
export function entriesOf(object: Node | undefined): [string, Node][] {
  if (object?.type !== 'object') return [];
  const entries: [string, Node][] = [];
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode && valueNode) entries.push([String(keyNode.value), valueNode]);
  }
  return entries;
}

export function itemsOf(array: Node | undefined): Node[] {
  return array?.type === 'array' ? (array.children ?? []) : [];
}
