// Inline nested deployments (Microsoft.Resources/deployments with properties.template).
// Inner scope: the nested template sees only the parameters passed to it. Outer scope (ARM's
// default): its expressions see the parent's parameters and variables.
import type { Node } from 'jsonc-parser';
import type { UnresolvedField } from '../../core/model';
import type { DeploymentScope, EvaluationContext } from './expression/context';
import { isUnresolved, type TemplateValue, unresolved } from './expression/value';
import { entriesOf, propertyNode } from './jsonDocument';
import type { ResourceExpander } from './resources';
import { TemplateScope } from './templateScope';

export function expandNestedDeployment(
  expander: ResourceExpander,
  node: Node,
  context: EvaluationContext,
  parentTarget: DeploymentScope,
  conditions: UnresolvedField[],
): void {
  const properties = propertyNode(node, 'properties');
  const template = propertyNode(properties, 'template');
  const name = expander.evaluate(propertyNode(node, 'name'), context);
  const label = typeof name === 'string' ? `'${name}'` : 'a nested deployment';
  if (template?.type !== 'object') {
    const linked = propertyNode(properties, 'templateLink') ? 'its template is linked, not inline' : 'it has no inline template';
    expander.problem(`Nested deployment ${label} was not checked: ${linked}`, node);
    return;
  }
  const target: DeploymentScope = {
    ...parentTarget,
    subscriptionId: knownString(expander.evaluate(propertyNode(node, 'subscriptionId'), context)) ?? parentTarget.subscriptionId,
    resourceGroupName: knownString(expander.evaluate(propertyNode(node, 'resourceGroup'), context)) ?? parentTarget.resourceGroupName,
    deploymentName: typeof name === 'string' ? name : parentTarget.deploymentName,
  };
  const scopeSetting = expander.evaluate(propertyNode(propertyNode(properties, 'expressionEvaluationOptions'), 'scope'), context);
  const innerScope = typeof scopeSetting === 'string' && scopeSetting.toLowerCase() === 'inner';
  const nestedContext = innerScope
    ? new TemplateScope(template, target, passedParameters(expander, properties, context), expander.origins, `deployment ${label} does not pass it`)
    : context;
  expander.expandTemplate(template, nestedContext, target, conditions);
}

function knownString(value: TemplateValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `parameters: { name: { value: ... } }`, evaluated in the parent; Key Vault references stay unknown. */
function passedParameters(expander: ResourceExpander, properties: Node | undefined, context: EvaluationContext): Map<string, TemplateValue> {
  const passed = new Map<string, TemplateValue>();
  for (const [name, declaration] of entriesOf(propertyNode(properties, 'parameters'))) {
    const valueNode = propertyNode(declaration, 'value');
    if (valueNode) {
      const value = expander.evaluate(valueNode, context) as TemplateValue;
      passed.set(name, isUnresolved(value) ? value.withSymbol(value.symbol ?? `[parameters('${name}')]`) : value);
    } else if (propertyNode(declaration, 'reference')) {
      passed.set(name, unresolved(`parameter '${name}' comes from a Key Vault secret`, `[parameters('${name}')]`));
    }
  }
  return passed;
}
