// Evaluates a JSON node of a template: every string may be an expression; `copy` arrays iterate.
import type { Node } from 'jsonc-parser';
import { EvaluationBudget } from '../budget';
import { copyCountProblem } from './copyLimits';
import type { EvaluationContext } from './expression/context';
import { evaluateTemplateString } from './expression/evaluator';
import { isPlainObject, isUnresolved, type TemplateValue, unresolved } from './expression/value';
import { itemsOf, propertyNode } from './jsonDocument';

/** Remembers which node produced each evaluated object, so inline rules and subnets keep their ranges. */
export class NodeOrigins {
  // A Map, not a WeakMap: it lives for one lint anyway, and recording into a WeakMap took 6% of a
  // 16 MB lint (2% now).
  private readonly nodes = new Map<object, Node>();
  /** Travels with the origins because they are shared by every evaluation of one template (nested deployments too). */
  readonly budget = new EvaluationBudget();

  /** Only objects are looked up (inline children are objects), so arrays are not worth an entry. */
  record<T extends TemplateValue>(value: T, node: Node): T {
    if (isPlainObject(value) && !this.nodes.has(value)) this.nodes.set(value, node);
    return value;
  }

  nodeOf(value: TemplateValue): Node | undefined {
    return typeof value === 'object' && value !== null ? this.nodes.get(value) : undefined;
  }
}

export function evaluateNode(node: Node, context: EvaluationContext, origins: NodeOrigins): TemplateValue {
  switch (node.type) {
    case 'string': {
      const raw = String(node.value);
      const value = evaluateTemplateString(raw, context);
      // An unknown without a symbol is written as its own expression text: readable, stable,
      // and recognised by the NSG evaluator as unresolved.
      if (isUnresolved(value) && value.symbol === undefined) return value.withSymbol(raw);
      return origins.record(origins.budget.admit(value), node);
    }
    case 'number':
    case 'boolean':
    case 'null':
      return node.value as TemplateValue;
    case 'array':
      return origins.record(origins.budget.admit(itemsOf(node).map((item) => evaluateNode(item, context, origins))), node);
    case 'object':
      return origins.record(origins.budget.admit(evaluateObject(node, context, origins)), node);
    default:
      return unresolved(`unexpected JSON ${node.type}`);
  }
}

function evaluateObject(node: Node, context: EvaluationContext, origins: NodeOrigins): { [key: string]: TemplateValue } {
  const out: { [key: string]: TemplateValue } = {};
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (valueNode.type === 'array' && key.toLowerCase() === 'copy') {
      Object.assign(out, evaluateCopyProperties(valueNode, context, origins));
    } else {
      out[key] = evaluateNode(valueNode, context, origins);
    }
  }
  return out;
}

/** `"copy": [{ "name": "securityRules", "count": 3, "input": {...} }]` → { securityRules: [...] }. */
export function evaluateCopyProperties(copyNode: Node, context: EvaluationContext, origins: NodeOrigins): { [key: string]: TemplateValue } {
  const out: { [key: string]: TemplateValue } = {};
  for (const loop of itemsOf(copyNode)) {
    const nameNode = propertyNode(loop, 'name');
    const countNode = propertyNode(loop, 'count');
    const inputNode = propertyNode(loop, 'input');
    const name = nameNode ? evaluateNode(nameNode, context, origins) : undefined;
    if (typeof name !== 'string' || !countNode || !inputNode) continue;
    const count = evaluateNode(countNode, context, origins);
    let overBudget: string | undefined;
    if (isUnresolved(count)) {
      out[name] = count;
    } else if (typeof count !== 'number' || copyCountProblem(count) !== undefined) {
      out[name] = unresolved(`the copy loop '${name}' cannot be expanded: ${copyCountProblem(count)}`);
    } else if ((overBudget = origins.budget.instances(count))) {
      out[name] = unresolved(`the copy loop '${name}' was not expanded: ${overBudget}`);
    } else {
      out[name] = origins.record(
        Array.from({ length: count }, (_, index) => evaluateNode(inputNode, withCopyIndex(context, name, index, false), origins)),
        copyNode,
      );
    }
  }
  return out;
}

/** A context in which copyIndex(name) (and copyIndex() for a resource loop) is `index`. */
export function withCopyIndex(context: EvaluationContext, loopName: string, index: number, isResourceLoop: boolean): EvaluationContext {
  return {
    scope: context.scope,
    parameter: (name) => context.parameter(name),
    variable: (name) => context.variable(name),
    copyIndex: (name) => {
      if (name === undefined ? isResourceLoop : name.toLowerCase() === loopName.toLowerCase()) return index;
      return context.copyIndex(name);
    },
  };
}
