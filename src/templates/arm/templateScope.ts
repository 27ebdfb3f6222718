// The parameters and variables of one template (or one inner-scoped nested template).
import type { Node } from 'jsonc-parser';
import { evaluateCopyProperties, evaluateNode, type NodeOrigins } from './evaluateNode';
import type { DeploymentScope, EvaluationContext } from './expression/context';
import { type TemplateValue, unresolved } from './expression/value';
import { entriesOf, propertyNode } from './jsonDocument';

/** A parameter value supplied from outside: a parameters file, or a nested deployment's `parameters`. */
export type SuppliedParameters = ReadonlyMap<string, TemplateValue>;

export class TemplateScope implements EvaluationContext {
  private readonly parameterValues = new Map<string, TemplateValue>();
  private readonly variableValues = new Map<string, TemplateValue>();
  private readonly evaluating = new Set<string>();
  private readonly supplied = new Map<string, TemplateValue>();

  constructor(
    private readonly template: Node,
    readonly scope: DeploymentScope,
    supplied: SuppliedParameters,
    private readonly origins: NodeOrigins,
    /** Why a parameter nobody supplied and without a default is unknown, for the message. */
    private readonly missingParameterHint = 'a parameters file would decide it',
  ) {
    for (const [name, value] of supplied) this.supplied.set(name.toLowerCase(), value);
  }

  parameter(name: string): TemplateValue {
    const key = name.toLowerCase();
    if (this.supplied.has(key)) return this.supplied.get(key) as TemplateValue;
    return this.memo(this.parameterValues, `parameter:${key}`, key, () => {
      const declaration = propertyNode(propertyNode(this.template, 'parameters'), name);
      if (!declaration) return unresolved(`parameter '${name}' is not declared in the template`);
      const defaultValue = propertyNode(declaration, 'defaultValue');
      if (!defaultValue) {
        return unresolved(`parameter '${name}' has no default value; ${this.missingParameterHint}`, `[parameters('${name}')]`);
      }
      return evaluateNode(defaultValue, this, this.origins);
    });
  }

  variable(name: string): TemplateValue {
    const key = name.toLowerCase();
    return this.memo(this.variableValues, `variable:${key}`, key, () => {
      const variables = propertyNode(this.template, 'variables');
      const declaration = entriesOf(variables).find(([k]) => k.toLowerCase() === key && k.toLowerCase() !== 'copy');
      if (declaration) return evaluateNode(declaration[1], this, this.origins);
      const copyNode = propertyNode(variables, 'copy');
      if (copyNode) {
        const looped = evaluateCopyProperties(copyNode, this, this.origins);
        const match = Object.keys(looped).find((k) => k.toLowerCase() === key);
        if (match !== undefined) return looped[match];
      }
      return unresolved(`variable '${name}' is not declared in the template`);
    });
  }

  copyIndex(loopName: string | undefined): TemplateValue {
    return unresolved(loopName ? `copyIndex('${loopName}') is used outside its loop` : 'copyIndex() is used outside a copy loop');
  }

  private memo(cache: Map<string, TemplateValue>, guardKey: string, key: string, compute: () => TemplateValue): TemplateValue {
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    if (this.evaluating.has(guardKey)) return unresolved(`${guardKey.replace(':', " '")}' refers to itself`);
    this.evaluating.add(guardKey);
    try {
      // A variable defined by the next one, thousands of times over, would exhaust the stack.
      const value = this.origins.budget.nested(compute, unresolved);
      cache.set(key, value);
      return value;
    } finally {
      this.evaluating.delete(guardKey);
    }
  }
}
