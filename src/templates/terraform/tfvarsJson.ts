// `terraform.tfvars.json` and `*.auto.tfvars.json`: one JSON object whose properties set input
// variables. Terraform takes their strings literally (no templates), so every value becomes a
// literal, tuple or object expression with its place in the file.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../../core/lineIndex';
import type { SourceRange } from '../../core/model';
import type { Attribute, Expr, ParsedFile } from './ast';

export function isJsonVariablesFile(path: string): boolean {
  return path.endsWith('.tfvars.json');
}

export function parseTfvarsJson(path: string, text: string): ParsedFile {
  const lines = new LineIndex(text);
  const range = (node: { offset: number; length: number }): SourceRange => lines.rangeOf(node.offset, node.length);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const file: ParsedFile = { path, body: { attributes: new Map(), blocks: [] }, suppressions: [], diagnostics: [] };
  for (const error of errors.slice(0, 1)) {
    file.diagnostics.push({ path, range: range(error), message: `Syntax error: ${printParseErrorCode(error.error)} (the file must be one JSON object)` });
  }
  if (root?.type !== 'object') {
    if (errors.length === 0) file.diagnostics.push({ path, range: lines.rangeOf(0, 0), message: 'A .tfvars.json file must hold one JSON object of variable values' });
    return file;
  }
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type !== 'string' || !value) continue;
    const attribute: Attribute = { name: String(key.value), value: toExpr(value, range), range: range(property) };
    file.body.attributes.set(attribute.name, attribute);
  }
  return file;
}

function toExpr(node: Node, range: (node: Node) => SourceRange): Expr {
  switch (node.type) {
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((item) => toExpr(item, range)), range: range(node) };
    case 'object':
      return {
        kind: 'object',
        entries: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? [];
          return key && value ? [{ key: { kind: 'literal' as const, value: String(key.value), range: range(key) }, value: toExpr(value, range) }] : [];
        }),
        range: range(node),
      };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'literal', value: node.value as string | number | boolean | null, range: range(node) };
    default:
      return { kind: 'unsupported', reason: 'the JSON value is incomplete', range: range(node) };
  }
}
