// Expands a template's resource declarations into ARM-shaped resources: nested children, copy
// loops, conditions, languageVersion 2.0 symbolic resources and inline nested deployments.
import { getNodeValue, type Node } from 'jsonc-parser';
import type { SourceRange, UnresolvedField } from '../../core/model';
import { buildResourceId, extensionScopeId, resourceGroupScopeId } from './armIds';
import { toArmJson, type UnresolvedAt } from './armJson';
import { copyCountProblem } from './copyLimits';
import { evaluateNode, type NodeOrigins, withCopyIndex } from './evaluateNode';
import type { DeploymentScope, EvaluationContext } from './expression/context';
import { isUnresolved, symbolText, type TemplateValue } from './expression/value';
import { assignInlineIds, inlineChildrenOf, unresolvedByElement } from './inlineChildren';
import { entriesOf, itemsOf, type JsonDocument, propertyNode } from './jsonDocument';
import { expandNestedDeployment } from './nestedDeployment';

export interface TemplateResource {
  id: string;
  /** ARM-shaped JSON (id, name, type, apiVersion, properties, ...). */
  json: Record<string, unknown>;
  range: SourceRange;
  /** Ranges of inline children (rules, subnets, routes) by id. */
  childRanges: Map<string, SourceRange>;
  /** Unresolved fields by element id (the resource's own and its inline children's). */
  unresolved: Map<string, UnresolvedField[]>;
  /** JSON paths of the values written as their expression text because they are unresolved. */
  unresolvedPaths: string[];
  /** Rule ids silenced by `metadata["bastion-doctor"].disable`. */
  disabledRules: string[];
}

export interface TemplateProblem {
  message: string;
  range: SourceRange;
}

interface ParentResource {
  type: string;
  name: string;
}

/** Keys that steer the deployment rather than describe the resource. */
const DEPLOYMENT_KEYS = new Set(['resources', 'copy', 'condition', 'dependson', 'comments', 'existing', 'scope', 'metadata', 'resourcegroup', 'subscriptionid']);

export class ResourceExpander {
  readonly resources: TemplateResource[] = [];
  readonly problems: TemplateProblem[] = [];

  constructor(
    readonly document: JsonDocument,
    readonly origins: NodeOrigins,
  ) {}

  /** `context` evaluates expressions; `target` is where the resources deploy (their ids). */
  expandTemplate(template: Node, context: EvaluationContext, target: DeploymentScope, inherited: UnresolvedField[] = []): void {
    const resourcesNode = propertyNode(template, 'resources');
    const declarations =
      resourcesNode?.type === 'object' ? entriesOf(resourcesNode).map(([, node]) => node) : itemsOf(resourcesNode);
    for (const declaration of declarations) this.expandDeclaration(declaration, context, target, undefined, inherited);
  }

  private expandDeclaration(
    node: Node,
    context: EvaluationContext,
    target: DeploymentScope,
    parent: ParentResource | undefined,
    inherited: UnresolvedField[],
  ): void {
    if (node.type !== 'object') return;
    // languageVersion 2.0 `existing` resources are references, not declarations.
    if (propertyNode(node, 'existing')?.value === true) return;
    const copyNode = propertyNode(node, 'copy');
    if (copyNode?.type !== 'object') {
      this.expandInstance(node, context, target, parent, inherited);
      return;
    }
    const loopName = this.evaluate(propertyNode(copyNode, 'name'), context);
    const count = this.evaluate(propertyNode(copyNode, 'count'), context);
    const countProblem = copyCountProblem(count);
    if (typeof loopName !== 'string' || typeof count !== 'number' || countProblem !== undefined) {
      const why = isUnresolved(count) ? count.reasons.join('; ') : (countProblem ?? 'its name is not a string');
      this.problem(`The copy loop of this resource cannot be expanded (${why}); its instances were not checked`, copyNode);
      return;
    }
    const overBudget = this.origins.budget.instances(count);
    if (overBudget) {
      this.problem(`The copy loop of this resource was not expanded (${overBudget}); its instances were not checked`, copyNode);
      return;
    }
    for (let index = 0; index < count; index += 1) {
      this.expandInstance(node, withCopyIndex(context, loopName, index, true), target, parent, inherited);
    }
  }

  private expandInstance(
    node: Node,
    context: EvaluationContext,
    target: DeploymentScope,
    parent: ParentResource | undefined,
    inherited: UnresolvedField[],
  ): void {
    const conditions = [...inherited];
    const conditionNode = propertyNode(node, 'condition');
    if (conditionNode) {
      const condition = this.evaluate(conditionNode, context);
      if (condition === false) return;
      if (condition !== true) {
        const reasons = isUnresolved(condition) ? condition.reasons : [`condition ${JSON.stringify(condition)} is not a boolean`];
        conditions.push(...reasons.map((reason) => ({ field: 'condition', reason: `deployed only if its condition holds: ${reason}` })));
      }
    }
    const declaredType = this.evaluate(propertyNode(node, 'type'), context);
    if (typeof declaredType !== 'string') {
      this.problem('This resource has no literal type; it was not checked', node);
      return;
    }
    const type = parent && !declaredType.includes('/') ? `${parent.type}/${declaredType}` : declaredType;
    if (type.toLowerCase() === 'microsoft.resources/deployments') {
      expandNestedDeployment(this, node, context, target, conditions);
      return;
    }
    const nameValue = this.evaluate(propertyNode(node, 'name'), context) ?? null;
    const ownName = symbolText(nameValue) ?? String(propertyNode(node, 'name')?.value ?? '');
    const name = parent ? `${parent.name}/${ownName}` : ownName;
    const id = this.resourceIdOf(node, context, target, type, name);
    this.emit(node, context, { id, type, name, nameValue, conditions });
    for (const child of itemsOf(propertyNode(node, 'resources'))) {
      this.expandDeclaration(child, context, target, { type, name }, conditions);
    }
  }

  private resourceIdOf(node: Node, context: EvaluationContext, target: DeploymentScope, type: string, name: string): string {
    const groupScope = resourceGroupScopeId(target.subscriptionId, target.resourceGroupName);
    const scope = this.evaluate(propertyNode(node, 'scope'), context);
    const scopeText = scope === undefined ? undefined : symbolText(scope);
    if (scopeText !== undefined && scope !== null) {
      return buildResourceId(extensionScopeId(scopeText, groupScope), type, name.split('/'));
    }
    return buildResourceId(groupScope, type, name.split('/'));
  }

  private emit(
    node: Node,
    context: EvaluationContext,
    declared: { id: string; type: string; name: string; nameValue: TemplateValue; conditions: UnresolvedField[] },
  ): void {
    const evaluated: { [key: string]: TemplateValue } = {};
    for (const [key, valueNode] of entriesOf(node)) {
      if (DEPLOYMENT_KEYS.has(key.toLowerCase()) || ['type', 'name'].includes(key.toLowerCase())) continue;
      evaluated[key] = evaluateNode(valueNode, context, this.origins);
    }
    const unresolvedAt: UnresolvedAt[] = [];
    const json = toArmJson(evaluated, '', unresolvedAt) as Record<string, unknown>;
    const children = inlineChildrenOf(evaluated, declared.id, this.origins, this.document.rangeOf);
    assignInlineIds(json, children);
    if (isUnresolved(declared.nameValue)) unresolvedAt.push({ path: 'name', reasons: declared.nameValue.reasons });
    const unresolved = unresolvedByElement(declared.id, unresolvedAt, children);
    if (declared.conditions.length > 0) unresolved.set(declared.id, [...declared.conditions, ...(unresolved.get(declared.id) ?? [])]);
    this.resources.push({
      id: declared.id,
      json: { id: declared.id, name: declared.name.split('/').pop() ?? declared.name, type: declared.type, ...json },
      range: this.document.rangeOf(node),
      childRanges: new Map(children.flatMap((c) => (c.range ? [[c.id, c.range] as const] : []))),
      unresolved,
      unresolvedPaths: unresolvedAt.map((u) => u.path),
      disabledRules: disabledRulesOf(node),
    });
  }

  evaluate(node: Node | undefined, context: EvaluationContext): TemplateValue | undefined {
    return node ? evaluateNode(node, context, this.origins) : undefined;
  }

  problem(message: string, node: Node): void {
    this.problems.push({ message, range: this.document.rangeOf(node) });
  }
}

function disabledRulesOf(node: Node): string[] {
  const entry = propertyNode(propertyNode(node, 'metadata'), 'bastion-doctor');
  const disable: unknown = entry ? getNodeValue(propertyNode(entry, 'disable') ?? entry) : undefined;
  if (typeof disable === 'string') return [disable];
  return Array.isArray(disable) ? disable.filter((d): d is string => typeof d === 'string') : [];
}
