// Parses one .tf / .tfvars file into the plain syntax tree, with its syntax errors and its
// suppression comments. Never throws on malformed input: what parsed is kept.
import type { Node, Parser } from 'web-tree-sitter';
import type { Attribute, Block, Body, ParseDiagnostic, ParsedFile, SuppressionComment } from './ast';
import { rangeOf, stringLiteralText, toExpr } from './expressions';
import { copySubtree, SubtreeCopier, type SyntaxNode } from './syntaxNode';
import { BodyReader, type SyntaxConversions } from './bodyReader';
import { LineIndex } from '../../core/lineIndex';

const SUPPRESSION_MARKER = 'bastion-doctor-disable-next-line';
const SUPPRESSION = /^\s*(?:#|\/\/|\/\*)\s*bastion-doctor-disable-next-line\s+([^*]*)/;

export interface ParseOptions {
  /** Read plain values from the text where the tree has no error (bodyReader.ts). Off only to compare both readings in tests. */
  readSimpleValuesFromText?: boolean;
}

export function parseTerraformFile(parser: Parser, path: string, text: string, options: ParseOptions = {}): ParsedFile {
  const tree = parser.parse(text);
  if (!tree) {
    return { path, body: emptyBody(), suppressions: [], diagnostics: [{ path, range: wholeFile(), message: 'The Terraform parser returned no tree', unparsed: true }] };
  }
  try {
    const root = tree.rootNode;
    const bodyNode = root.namedChildren.find((child) => child?.type === 'body') ?? null;
    return {
      path,
      body: bodyNode ? readBody(bodyNode, text, options.readSimpleValuesFromText ?? true) : emptyBody(),
      diagnostics: syntaxErrors(root, path),
      // Walking every comment node costs a full tree walk; most files hold no suppression at all.
      suppressions: text.includes(SUPPRESSION_MARKER) ? suppressionComments(root, path) : [],
    };
  } finally {
    tree.delete();
  }
}

const CONVERSIONS: SyntaxConversions = { attribute: toAttribute, block: toBlock, label: toLabel };

function readBody(bodyNode: Node, text: string, fromText: boolean): Body {
  if (!fromText) return toBody(copySubtree(bodyNode, text));
  const cursor = bodyNode.walk();
  try {
    const lines = new LineIndex(text);
    const hasErrors = bodyNode.hasError;
    const copier = new SubtreeCopier(cursor, bodyNode.tree.language, text, lines, hasErrors);
    return new BodyReader(cursor, bodyNode.tree.language.types, text, lines, copier, CONVERSIONS, hasErrors).body();
  } finally {
    cursor.delete();
  }
}

function wholeFile() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function emptyBody(): Body {
  return { attributes: new Map(), blocks: [] };
}

function toBody(node: SyntaxNode): Body {
  const body = emptyBody();
  for (const child of node.namedChildren) {
    if (child?.type === 'attribute') {
      const attribute = toAttribute(child);
      if (attribute) body.attributes.set(attribute.name, attribute);
    }
    else if (child?.type === 'block') body.blocks.push(toBlock(child));
  }
  return body;
}

function toAttribute(node: SyntaxNode): Attribute | undefined {
  const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text;
  const valueNode = node.namedChildren.find((c) => c?.type === 'expression');
  if (!name || !valueNode) return undefined;
  return { name, value: toExpr(valueNode), range: rangeOf(node) };
}

/** A block label: an identifier, or a string whose literal parts are joined. */
function toLabel(node: SyntaxNode): string {
  return node.type === 'string_lit' ? stringLiteralText(node) : node.text;
}

function toBlock(node: SyntaxNode): Block {
  const children = node.namedChildren;
  const type = children[0]?.type === 'identifier' ? children[0].text : '';
  const labels = children
    .slice(1)
    .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
    .map(toLabel);
  const bodyNode = children.find((c) => c.type === 'body');
  return { type, labels, body: bodyNode ? toBody(bodyNode) : emptyBody(), range: rangeOf(node) };
}

/** Outermost ERROR nodes and every MISSING node, each once. */
function syntaxErrors(root: Node, path: string): ParseDiagnostic[] {
  const diagnostics: ParseDiagnostic[] = [];
  if (!root.hasError) return diagnostics;
  const visit = (node: Node): void => {
    if (node.isMissing) {
      diagnostics.push({ path, range: rangeOf(node), message: `Syntax error: missing "${node.type}"`, unparsed: true });
      return;
    }
    if (node.isError) {
      const snippet = node.text.split('\n')[0].slice(0, 40);
      diagnostics.push({ path, range: rangeOf(node), message: `Syntax error: unexpected "${snippet}"`, unparsed: true });
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) if (child) visit(child);
  };
  visit(root);
  return diagnostics.filter((d, i) => diagnostics.findIndex((o) => o.message === d.message && JSON.stringify(o.range) === JSON.stringify(d.range)) === i);
}

function suppressionComments(root: Node, path: string): SuppressionComment[] {
  const found: SuppressionComment[] = [];
  for (const comment of root.descendantsOfType('comment')) {
    const match = comment ? SUPPRESSION.exec(comment.text) : null;
    if (!comment || !match) continue;
    const ruleIds = match[1].split(/[\s,]+/).filter((id) => id.length > 0);
    if (ruleIds.length > 0) found.push({ path, line: comment.endPosition.row + 1, ruleIds });
  }
  return found;
}
