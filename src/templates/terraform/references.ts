// Which resources an expression refers to, read from its syntax alone: what a reference could
// point at even when its value (an instance key, a name) cannot be evaluated.
import type { Expr } from './ast';

/** Labels of the `type` resources the expression names anywhere (`azurerm_x.label`, `azurerm_x.label[0]`, `one(azurerm_x.label[*].name)`). */
export function referencedLabels(expr: Expr, type: string): string[] {
  const labels = new Set<string>();
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'getAttr':
        if (node.target.kind === 'variable' && node.target.name === type) labels.add(node.name);
        else visit(node.target);
        return;
      case 'index':
        visit(node.target);
        visit(node.key);
        return;
      case 'splat':
        visit(node.target);
        for (const step of node.path) if (step.kind === 'index') visit(step.key);
        return;
      case 'template':
        for (const part of node.parts) if (typeof part !== 'string') visit(part);
        return;
      case 'tuple':
        node.items.forEach(visit);
        return;
      case 'object':
        for (const entry of node.entries) {
          visit(entry.key);
          visit(entry.value);
        }
        return;
      case 'call':
        node.args.forEach(visit);
        return;
      case 'conditional':
        [node.condition, node.whenTrue, node.whenFalse].forEach(visit);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'unary':
        visit(node.operand);
        return;
      case 'for':
        [node.collection, node.key, node.value, node.condition].forEach((part) => part && visit(part));
        return;
      default:
        return;
    }
  };
  visit(expr);
  return [...labels];
}
