// Parses one .tf / .tfvars file into the plain syntax tree, with its syntax errors and its
// suppression comments. Never throws on malformed input: what parsed is kept.
import type { Node, Parser } from 'web-tree-sitter';
import type { Attribute, Block, Body, ParseDiagnostic, ParsedFile, SuppressionComment } from './ast';
import { rangeOf, toExpr, unescapeTemplate } from './expressions';
import { copySubtree, type SyntaxNode } from './syntaxNode';

const SUPPRESSION_MARKER = 'bastion-doctor-disable-next-line';
const SUPPRESSION = /^\s*(?:#|\/\/|\/\*)\s*bastion-doctor-disable-next-line\s+([^*]*)/;

export function parseTerraformFile(parser: Parser, path: string, text: string): ParsedFile {
  const tree = parser.parse(text);
  if (!tree) {
    return { path, body: emptyBody(), suppressions: [], diagnostics: [{ path, range: wholeFile(), message: 'The Terraform parser returned no tree' }] };
  }
  try {
    const root = tree.rootNode;
    const bodyNode = root.namedChildren.find((child) => child?.type === 'body') ?? null;
    return {
      path,
      body: bodyNode ? toBody(copySubtree(bodyNode, text)) : emptyBody(),
      diagnostics: syntaxErrors(root, path),
      // Walking every comment node costs a full tree walk; most files hold no suppression at all.
      suppressions: text.includes(SUPPRESSION_MARKER) ? suppressionComments(root, path) : [],
    };
  } finally {
    tree.delete();
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
    if (child?.type === 'attribute') addAttribute(body, child);
    else if (child?.type === 'block') body.blocks.push(toBlock(child));
  }
  return body;
}

function addAttribute(body: Body, node: SyntaxNode): void {
  const name = node.namedChildren.find((c) => c?.type === 'identifier')?.text;
  const valueNode = node.namedChildren.find((c) => c?.type === 'expression');
  if (!name || !valueNode) return;
  const attribute: Attribute = { name, value: toExpr(valueNode), range: rangeOf(node) };
  body.attributes.set(name, attribute);
}

function toBlock(node: SyntaxNode): Block {
  const children = node.namedChildren;
  const type = children[0]?.type === 'identifier' ? children[0].text : '';
  const labels = children
    .slice(1)
    .filter((c) => c.type === 'string_lit' || c.type === 'identifier')
    .map((c) => (c.type === 'string_lit' ? c.namedChildren.filter((p) => p?.type === 'template_literal').map((p) => unescapeTemplate(p?.text ?? '')).join('') : c.text));
  const bodyNode = children.find((c) => c.type === 'body');
  return { type, labels, body: bodyNode ? toBody(bodyNode) : emptyBody(), range: rangeOf(node) };
}

/** Outermost ERROR nodes and every MISSING node, each once. */
function syntaxErrors(root: Node, path: string): ParseDiagnostic[] {
  const diagnostics: ParseDiagnostic[] = [];
  if (!root.hasError) return diagnostics;
  const visit = (node: Node): void => {
    if (node.isMissing) {
      diagnostics.push({ path, range: rangeOf(node), message: `Syntax error: missing "${node.type}"` });
      return;
    }
    if (node.isError) {
      const snippet = node.text.split('\n')[0].slice(0, 40);
      diagnostics.push({ path, range: rangeOf(node), message: `Syntax error: unexpected "${snippet}"` });
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
