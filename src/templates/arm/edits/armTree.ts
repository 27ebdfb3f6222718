// Navigating an ARM template's jsonc tree from the origins the ARM source put on the model.
import { findNodeAtLocation, getNodeValue, parseTree, type Node } from 'jsonc-parser';
import type { SourceRange } from '../../../core/model';
import { propertyNode } from '../jsonDocument';
import { LineIndex } from '../../edits/text';

export interface ArmText {
  text: string;
  index: LineIndex;
  root: Node;
}

export function readArmText(text: string): ArmText | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return root ? { text, index: new LineIndex(text), root } : undefined;
}

/** The object an origin range starts at (the ARM source ranges begin at the object's brace). */
export function objectAt(arm: ArmText, range: SourceRange): Node | undefined {
  const offset = arm.index.offsetAt(range.start);
  let innermost: Node | undefined;
  const visit = (node: Node): Node | undefined => {
    if (offset < node.offset || offset > node.offset + node.length) return undefined;
    if (node.type === 'object') {
      if (node.offset === offset) return node;
      innermost = node;
    }
    for (const child of node.children ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(arm.root) ?? innermost;
}

/** ARM reads property names case-insensitively, so an edit finds the key as the user spelled it. */
export function property(node: Node | undefined, name: string): Node | undefined {
  return node?.type === 'object' ? (findNodeAtLocation(node, [name]) ?? propertyNode(node, name)) : undefined;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** A literal the template states directly, not an ARM expression `[...]` to be evaluated. */
export function isLiteral(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return !isExpression(node.value as string);
  return node.type === 'number' || node.type === 'boolean';
}

export function isExpression(value: string): boolean {
  return value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');
}

export function valueOf(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}

/** Every object in the template, outermost first. */
export function allObjects(node: Node, into: Node[] = []): Node[] {
  if (node.type === 'object') into.push(node);
  for (const child of node.children ?? []) allObjects(child, into);
  return into;
}

/** The resource object (has `type` and `apiVersion`) that contains `node`, innermost. */
export function enclosingResource(node: Node | undefined): Node | undefined {
  for (let current = node; current; current = current.parent) {
    if (current.type === 'object' && property(current, 'type') && property(current, 'apiVersion')) return current;
  }
  return undefined;
}
