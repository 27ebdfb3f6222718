// Function calls: the ARM template function library (Bicep compiles to it) plus what only Bicep
// has: lambdas in filter()/map(), any(), resourceGroup('name'), flatten().
import { resourceGroupScopeId } from '../../arm/armIds';
import { TEMPLATE_DEPLOYMENT_SCOPE } from '../../arm/armTemplateSource';
import { type EvaluationContext, TemplateFunctionError } from '../../arm/expression/context';
import { TEMPLATE_FUNCTIONS } from '../../arm/expression/functions';
import { mergeUnresolved } from '../../arm/expression/value';
import type { CallExpression, Expression, LambdaExpression } from '../syntax/ast';
import { evaluateValue, type EvaluationScope, type Locals } from './expressions';
import { isUnresolved, materialize, unresolved, type Evaluated, type TemplateValue } from './values';

const FILE_READERS = new Set(['loadtextcontent', 'loadjsoncontent', 'loadyamlcontent', 'loadfileasbase64']);

export function evaluateCall(call: CallExpression, scope: EvaluationScope, locals: Locals): Evaluated {
  const name = call.name.toLowerCase();
  if (call.namespace === undefined) {
    const userDefined = scope.userFunction?.(call.name, call.target?.kind === 'identifier' ? call.target.name : undefined);
    if (userDefined) return unresolved(userDefined);
  }
  if (call.target) return unresolved(`${call.name}() is only known after deployment`);
  if (name === 'filter' || name === 'map') return withLambda(name, call.args, scope, locals);
  if (FILE_READERS.has(name)) return unresolved(`${call.name}() reads a file the diagnosis does not load`);
  const args = call.args.map((arg) => evaluateValue(arg, scope, locals));
  if (name === 'any') return args[0] ?? null;
  if (name === 'resourcegroup' && args.length > 0) return namedResourceGroup(args);
  if (name === 'flatten') return flatten(args);
  const definition = TEMPLATE_FUNCTIONS[name];
  if (!definition) return unresolved(`the function ${call.name}() is not evaluated by Bastion Doctor`);
  if (!definition.acceptsUnresolved) {
    const unknowns = args.filter(isUnresolved);
    if (unknowns.length > 0) return mergeUnresolved(unknowns);
  }
  try {
    return definition.apply(args, contextFor(scope));
  } catch (error) {
    if (error instanceof TemplateFunctionError) return unresolved(`${call.name}(): ${error.message}`);
    throw error;
  }
}

function contextFor(scope: EvaluationScope): EvaluationContext {
  const symbol = (name: string): TemplateValue => {
    const value = scope.lookup(name);
    return value === undefined ? unresolved(`'${name}' is not declared`) : materialize(value);
  };
  return {
    scope: TEMPLATE_DEPLOYMENT_SCOPE,
    parameter: symbol,
    variable: symbol,
    copyIndex: () => unresolved('copyIndex() is not used in Bicep'),
  };
}

/** `resourceGroup('other-rg')` as a scope: its id in the placeholder subscription. */
function namedResourceGroup(args: TemplateValue[]): TemplateValue {
  const [first, second] = args;
  const name = args.length > 1 ? second : first;
  const subscriptionId = args.length > 1 ? first : TEMPLATE_DEPLOYMENT_SCOPE.subscriptionId;
  if (isUnresolved(name)) return name;
  if (isUnresolved(subscriptionId)) return subscriptionId;
  if (typeof name !== 'string' || typeof subscriptionId !== 'string') return unresolved('resourceGroup() takes names');
  return { id: resourceGroupScopeId(subscriptionId, name), name, type: 'Microsoft.Resources/resourceGroups' };
}

function flatten(args: TemplateValue[]): TemplateValue {
  const [list] = args;
  if (isUnresolved(list)) return list;
  if (!Array.isArray(list)) return unresolved('flatten() takes an array of arrays');
  return list.flatMap((item) => (Array.isArray(item) ? item : [item]));
}

function withLambda(name: 'filter' | 'map', argExpressions: Expression[], scope: EvaluationScope, locals: Locals): TemplateValue {
  const [sourceExpression, lambda] = argExpressions;
  if (!sourceExpression || lambda?.kind !== 'lambda') return unresolved(`${name}() takes an array and a lambda`);
  const source = evaluateValue(sourceExpression, scope, locals);
  if (isUnresolved(source)) return source;
  if (!Array.isArray(source)) return unresolved(`${name}() takes an array`);
  const results: TemplateValue[] = [];
  for (const [i, item] of source.entries()) {
    const value = applyLambda(lambda, [item, i], scope, locals);
    if (name === 'map') results.push(value);
    else if (value === true) results.push(item);
    else if (value !== false) return isUnresolved(value) ? value : unresolved('the filter() lambda does not return a boolean');
  }
  return results;
}

function applyLambda(lambda: LambdaExpression, args: TemplateValue[], scope: EvaluationScope, locals: Locals): TemplateValue {
  const inner = new Map(locals);
  lambda.parameters.forEach((parameter, i) => inner.set(parameter, args[i] ?? null));
  return evaluateValue(lambda.body, scope, inner);
}
