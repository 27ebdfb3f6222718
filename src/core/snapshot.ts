// Snapshot files: ARM resource JSON saved from a live read, reopened offline. Parsing keeps every
// object's range, so problems and findings can point at the line a resource (or a rule) is on.
import { LineIndex } from './lineIndex';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Origin, SourceRange } from './model';
import { idKey } from './resourceId';
import { redactResource } from './snapshotRedaction';

export interface SnapshotParseError {
  /** `file:line:column: what is wrong`, ready to show. */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type SnapshotParseResult =
  | {
      ok: true;
      resources: Record<string, unknown>[];
      /** The range of each resource, index-aligned with `resources`. */
      positions: SourceRange[];
      /** The range of every object and array in the file (resources and anything inside them). */
      ranges: WeakMap<object, SourceRange>;
    }
  | { ok: false; error: SnapshotParseError };

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

export function parseSnapshot(text: string, fileName: string): SnapshotParseResult {
  const lines = new LineIndex(text);
  const fail = (offset: number, what: string): SnapshotParseResult => {
    const { line, character } = lines.positionAt(offset);
    return { ok: false, error: { message: `${fileName}:${line + 1}:${character + 1}: ${what}`, line: line + 1, column: character + 1 } };
  };
  if (text.trim() === '') return fail(0, 'the file is empty; expected a JSON array of ARM resources');
  const errors: ParseError[] = [];
  let root: Node | undefined;
  let ranges: WeakMap<object, SourceRange>;
  let value: unknown;
  try {
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    ranges = new WeakMap();
    value = root === undefined ? undefined : valueOf(root, lines, ranges);
  } catch (error) {
    // Only pathological input (nesting deep enough to exhaust the stack) gets here.
    return fail(0, `could not be parsed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (errors.length > 0) {
    const first = errors[0];
    const code = printParseErrorCode(first.error);
    const found = text.slice(first.offset, first.offset + Math.min(first.length, 40));
    const what = code === 'InvalidSymbol' && found !== '' ? `unexpected ${JSON.stringify(found)}` : (SYNTAX_MESSAGES[code] ?? code);
    return fail(first.offset, what);
  }
  if (root === undefined) return fail(0, 'expected a JSON array of ARM resources');

  const list = resourceList(root, value);
  if (list === undefined) {
    return fail(
      root.offset,
      `expected a JSON array of ARM resources, an object with a "value" array, or a single resource object with a "type"; found ${describe(value)}`,
    );
  }
  const resources: Record<string, unknown>[] = [];
  const positions: SourceRange[] = [];
  for (let i = 0; i < list.values.length; i++) {
    const item = list.values[i];
    const node = list.nodes[i];
    if (!isObject(item)) return fail(node.offset, `resource #${i} is ${describe(item)}, not an ARM resource object`);
    if (typeof item.type !== 'string') {
      return fail(node.offset, `resource #${i} has no "type" string${typeof item.name === 'string' ? ` (name "${item.name}")` : ''}`);
    }
    resources.push(item);
    positions.push(lines.rangeOf(node.offset, node.length));
  }
  return { ok: true, resources, positions, ranges };
}

/** An `originOf` for mapArmResources: each element points at its range in the snapshot file. */
export function resourceOrigins(
  fileName: string,
  parsed: { positions: readonly SourceRange[]; ranges: WeakMap<object, SourceRange> },
): (resource: Record<string, unknown>, index: number) => Origin {
  return (resource, index) => ({
    kind: 'file',
    file: fileName,
    range: parsed.ranges.get(resource) ?? parsed.positions[index] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  });
}

const LEADING_KEYS = ['id', 'name', 'type', 'kind', 'location', 'extendedLocation', 'sku', 'zones', 'tags', 'properties'];

/**
 * Pretty JSON for "Save Snapshot": resources sorted by id, the usual ARM keys first and other
 * keys alphabetically, so saving the same environment twice gives the same file.
 */
export function serializeSnapshot(resources: readonly object[]): string {
  // Secrets never reach the file (snapshotRedaction.ts lists what is dropped).
  const sorted = resources
    .map(redactResource)
    .map((resource, position) => ({ resource, position, key: sortKey(resource) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.position - b.position))
    .map(({ resource }) => orderKeys(resource, LEADING_KEYS));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

function sortKey(value: object): string {
  const resource = value as Record<string, unknown>;
  if (typeof resource.id === 'string') return idKey(resource.id);
  return `${String(resource.type ?? '')}/${String(resource.name ?? '')}`.toLowerCase();
}

function orderKeys(value: unknown, leading: readonly string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item));
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const first = leading.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !leading.includes(key)).sort();
  const ordered: Record<string, unknown> = {};
  for (const key of [...first, ...rest]) setOwn(ordered, key, orderKeys(value[key]));
  return ordered;
}

function resourceList(root: Node, value: unknown): { values: unknown[]; nodes: Node[] } | undefined {
  if (Array.isArray(value)) return { values: value, nodes: root.children ?? [] };
  if (!isObject(value)) return undefined;
  if (typeof value.type === 'string') return { values: [value], nodes: [root] };
  // The last "value" key wins, as it does in the parsed value.
  const valueProperty = [...(root.children ?? [])].reverse().find((property) => property.children?.[0]?.value === 'value');
  const listNode = valueProperty?.children?.[1];
  if (Array.isArray(value.value) && listNode !== undefined) return { values: value.value, nodes: listNode.children ?? [] };
  return undefined;
}

function valueOf(node: Node, lines: LineIndex, ranges: WeakMap<object, SourceRange>): unknown {
  switch (node.type) {
    case 'array': {
      const array = (node.children ?? []).map((child) => valueOf(child, lines, ranges));
      ranges.set(array, lines.rangeOf(node.offset, node.length));
      return array;
    }
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (keyNode === undefined || valueNode === undefined) continue;
        setOwn(object, String(keyNode.value), valueOf(valueNode, lines, ranges));
      }
      ranges.set(object, lines.rangeOf(node.offset, node.length));
      return object;
    }
    default:
      return node.value as unknown;
  }
}

/** Like `object[key] = value`, but a "__proto__" key stays an ordinary property, as with JSON.parse. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'value' in value ? 'an object whose "value" is not an array' : 'an object without "type" or "value"';
  return `a ${typeof value}`;
}
