// Converts tree-sitter-hcl expression nodes (copied out of the tree) into the plain Expr tree.
import type { Point } from 'web-tree-sitter';
import type { SourceRange } from '../../core/model';
import type { Expr, SplatStep } from './ast';
import { SyntaxNode as Node } from './syntaxNode';
import { templateParts, type TemplateReaders } from './templateParts';

export function rangeOf(node: { startPosition: Point; endPosition: Point }): SourceRange {
  if (node instanceof Node) return node.range;
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

function unsupported(node: Node, reason: string): Expr {
  return { kind: 'unsupported', reason, range: rangeOf(node) };
}

/** An `expression` node, or any node that stands for one (a term, an operation). */
export function toExpr(node: Node): Expr {
  if (node.isError || node.isMissing) return unsupported(node, 'the expression has a syntax error');
  switch (node.type) {
    case 'expression':
      return termSequence(node, named(node));
    case 'operation':
      return named(node)[0] ? toExpr(named(node)[0]) : unsupported(node, 'empty operation');
    case 'binary_operation':
      return binary(node);
    case 'unary_operation':
      return unary(node);
    default:
      return termSequence(node, [node]);
  }
}

/** A primary term followed by postfix get_attr / index / splat nodes. */
function termSequence(whole: Node, parts: Node[]): Expr {
  if (parts.length === 0) return unsupported(whole, 'empty expression');
  let expr = primary(parts[0]);
  for (const postfix of parts.slice(1)) {
    const range = { start: expr.range.start, end: rangeOf(postfix).end };
    if (postfix.type === 'get_attr') {
      expr = { kind: 'getAttr', target: expr, name: identifierOf(postfix), range };
    } else if (postfix.type === 'index') {
      expr = { kind: 'index', target: expr, key: indexKey(postfix), range };
    } else if (postfix.type === 'splat') {
      expr = { kind: 'splat', target: expr, path: splatSteps(postfix), range };
    } else {
      return unsupported(postfix, `unexpected ${postfix.type}`);
    }
  }
  return expr;
}

function identifierOf(node: Node): string {
  return named(node).find((child) => child.type === 'identifier')?.text ?? '';
}

function indexKey(indexNode: Node): Expr {
  const inner = named(indexNode)[0];
  if (inner?.type === 'new_index') {
    const keyNode = named(inner)[0];
    return keyNode ? toExpr(keyNode) : unsupported(inner, 'empty index');
  }
  const digits = (inner?.text ?? indexNode.text).replace(/^\./, '');
  return { kind: 'literal', value: Number(digits), range: rangeOf(indexNode) };
}

function splatSteps(splatNode: Node): SplatStep[] {
  const inner = named(splatNode)[0];
  if (!inner) return [];
  return named(inner).map((step): SplatStep =>
    step.type === 'index' ? { kind: 'index', key: indexKey(step) } : { kind: 'attr', name: identifierOf(step) },
  );
}

function primary(node: Node): Expr {
  switch (node.type) {
    case 'expression':
    case 'operation':
    case 'binary_operation':
    case 'unary_operation':
      return toExpr(node);
    case 'literal_value':
      return literal(node);
    case 'variable_expr':
      return { kind: 'variable', name: identifierOf(node), range: rangeOf(node) };
    case 'collection_value':
      return collection(named(node)[0] ?? node);
    case 'template_expr':
      return template(named(node)[0] ?? node);
    case 'function_call':
      return call(node);
    case 'conditional': {
      const [condition, whenTrue, whenFalse] = named(node).map(toExpr);
      if (!condition || !whenTrue || !whenFalse) return unsupported(node, 'incomplete conditional');
      return { kind: 'conditional', condition, whenTrue, whenFalse, range: rangeOf(node) };
    }
    case 'for_expr':
      return forExpr(named(node)[0] ?? node);
    default:
      return unsupported(node, `unsupported syntax ${node.type}`);
  }
}

function literal(node: Node): Expr {
  const inner = named(node)[0];
  const range = rangeOf(node);
  switch (inner?.type) {
    case 'numeric_lit':
      return { kind: 'literal', value: Number(inner.text), range };
    case 'bool_lit':
      return { kind: 'literal', value: inner.text === 'true', range };
    case 'null_lit':
      return { kind: 'literal', value: null, range };
    case 'string_lit':
      return { kind: 'literal', value: stringLiteralText(inner), range };
    default:
      return unsupported(node, 'unknown literal');
  }
}

const TEMPLATE_READERS: TemplateReaders = {
  expression: (node) => toExpr(node),
  directive: (node) => unsupported(node, 'template directives (%{if}, %{for}) are not evaluated'),
};

/** A string without interpolation: its literal text, escapes applied. */
export function stringLiteralText(node: Node): string {
  return templateParts(node, TEMPLATE_READERS).filter((part): part is string => typeof part === 'string').join('');
}

function template(node: Node): Expr {
  return { kind: 'template', parts: templateParts(node, TEMPLATE_READERS), range: rangeOf(node) };
}

function collection(node: Node): Expr {
  if (node.type === 'tuple') return { kind: 'tuple', items: named(node).filter((c) => c.type === 'expression').map(toExpr), range: rangeOf(node) };
  if (node.type !== 'object') return unsupported(node, `unsupported collection ${node.type}`);
  const entries = named(node)
    .filter((c) => c.type === 'object_elem')
    .map((element) => {
      const keyNode = element.childForFieldName('key');
      const valueNode = element.childForFieldName('val');
      return { key: objectKey(keyNode, element), value: valueNode ? toExpr(valueNode) : unsupported(element, 'missing value') };
    });
  return { kind: 'object', entries, range: rangeOf(node) };
}

/** A bare identifier key names itself (`{ a = 1 }`); anything else is evaluated. */
function objectKey(keyNode: Node | null, element: Node): Expr {
  if (!keyNode) return unsupported(element, 'missing key');
  const parts = named(keyNode);
  if (keyNode.type === 'expression' && parts.length === 1 && parts[0].type === 'variable_expr') {
    return { kind: 'literal', value: identifierOf(parts[0]), range: rangeOf(keyNode) };
  }
  return toExpr(keyNode);
}

function call(node: Node): Expr {
  const argsNode = named(node).find((c) => c.type === 'function_arguments');
  const args = argsNode ? named(argsNode).filter((c) => c.type === 'expression').map(toExpr) : [];
  const expandLast = argsNode ? named(argsNode).some((c) => c.type === 'ellipsis') : false;
  return { kind: 'call', name: identifierOf(node), args, expandLast, range: rangeOf(node) };
}

function binary(node: Node): Expr {
  const children = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
  const operatorAt = children.findIndex((child) => !child.isNamed && child.type !== '(' && child.type !== ')');
  if (operatorAt <= 0 || operatorAt === children.length - 1) return unsupported(node, 'incomplete operation');
  const left = termSequence(node, children.slice(0, operatorAt).filter((c) => c.isNamed));
  const right = termSequence(node, children.slice(operatorAt + 1).filter((c) => c.isNamed));
  return { kind: 'binary', operator: children[operatorAt].text, left, right, range: rangeOf(node) };
}

function unary(node: Node): Expr {
  const children = node.children.filter((child): child is Node => child !== null && child.type !== 'comment');
  if (children.length < 2) return unsupported(node, 'incomplete operation');
  return { kind: 'unary', operator: children[0].text, operand: termSequence(node, children.slice(1).filter((c) => c.isNamed)), range: rangeOf(node) };
}

function forExpr(node: Node): Expr {
  const parts = named(node);
  const intro = parts.find((c) => c.type === 'for_intro');
  if (!intro) return unsupported(node, 'incomplete for expression');
  const names = named(intro).filter((c) => c.type === 'identifier').map((c) => c.text);
  const collectionNode = named(intro).find((c) => c.type === 'expression');
  const bodies = parts.filter((c) => c.type === 'expression').map(toExpr);
  const conditionNode = parts.find((c) => c.type === 'for_cond');
  const conditionExpr = conditionNode ? named(conditionNode).find((c) => c.type === 'expression') : undefined;
  const shape = node.type === 'for_object_expr' ? 'object' : 'tuple';
  const value = shape === 'object' ? bodies[1] : bodies[0];
  if (!collectionNode || !value || names.length === 0) return unsupported(node, 'incomplete for expression');
  return {
    kind: 'for',
    shape,
    keyVar: names.length > 1 ? names[0] : undefined,
    valueVar: names[names.length - 1],
    collection: toExpr(collectionNode),
    key: shape === 'object' ? bodies[0] : undefined,
    value,
    condition: conditionExpr ? toExpr(conditionExpr) : undefined,
    grouping: parts.some((c) => c.type === 'ellipsis'),
    range: rangeOf(node),
  };
}
