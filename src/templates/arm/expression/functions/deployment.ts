// Scope, id and deployment functions. Ids use the placeholder subscription and group (armIds.ts).
import { buildResourceId, resourceGroupScopeId, subscriptionScopeId } from '../../armIds';
import type { EvaluationContext, FunctionDefinition } from '../context';
import { TemplateFunctionError } from '../context';
import { isUnresolved, mergeUnresolved, symbolText, type TemplateValue, unresolved } from '../value';
import { arity, asText, stringArg } from './args';

function looksLikeResourceType(value: TemplateValue): boolean {
  return typeof value === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[^/]/.test(value);
}

/** Splits `[scopeArgs..., type, names...]` at the resource type; unresolved names stay symbolic. */
function splitIdArguments(args: TemplateValue[], maxScopeArgs: number) {
  const typeIndex = args.findIndex(looksLikeResourceType);
  if (typeIndex < 0 || typeIndex > maxScopeArgs) {
    const unknowns = args.filter(isUnresolved);
    if (unknowns.length > 0) throw new UnresolvedArguments(mergeUnresolved(unknowns));
    throw new TemplateFunctionError('no resource type argument');
  }
  return { scopeArgs: args.slice(0, typeIndex), type: args[typeIndex] as string, names: args.slice(typeIndex + 1) };
}

/** The resource type itself is unknown: the id is unresolved for the arguments' reasons. */
class UnresolvedArguments extends Error {
  constructor(readonly value: TemplateValue) {
    super('unresolved arguments');
  }
}

function withUnresolvedType(build: (args: TemplateValue[], context: EvaluationContext) => TemplateValue): FunctionDefinition {
  return {
    acceptsUnresolved: true,
    apply: (args, context) => {
      try {
        return build(args, context);
      } catch (error) {
        if (error instanceof UnresolvedArguments) return error.value;
        throw error;
      }
    },
  };
}

function symbolicId(parts: TemplateValue[], build: (texts: string[]) => string): TemplateValue {
  const unknowns = parts.filter(isUnresolved);
  const texts = parts.map(symbolText);
  if (texts.some((t) => t === undefined)) return mergeUnresolved(unknowns.length > 0 ? unknowns : [unresolved('an id segment is not a string')]);
  const id = build(texts as string[]);
  return unknowns.length > 0 ? mergeUnresolved(unknowns, id) : id;
}

function resourceId(args: TemplateValue[], context: EvaluationContext): TemplateValue {
  arity(args, 2, Infinity);
  const { scopeArgs, type, names } = splitIdArguments(args, 2);
  const { subscriptionId, resourceGroupName } = context.scope;
  const scopeParts: TemplateValue[] =
    scopeArgs.length === 2 ? scopeArgs : scopeArgs.length === 1 ? [subscriptionId, scopeArgs[0]] : [subscriptionId, resourceGroupName];
  return symbolicId([...scopeParts, ...names], ([sub, rg, ...nameTexts]) =>
    buildResourceId(resourceGroupScopeId(sub, rg), type, nameTexts),
  );
}

function subscriptionResourceId(args: TemplateValue[], context: EvaluationContext): TemplateValue {
  arity(args, 2, Infinity);
  const { scopeArgs, type, names } = splitIdArguments(args, 1);
  const subscription = scopeArgs.length === 1 ? scopeArgs[0] : context.scope.subscriptionId;
  return symbolicId([subscription, ...names], ([sub, ...nameTexts]) => buildResourceId(subscriptionScopeId(sub), type, nameTexts));
}

function tenantResourceId(args: TemplateValue[]): TemplateValue {
  arity(args, 2, Infinity);
  const { type, names } = splitIdArguments(args, 0);
  return symbolicId(names, (nameTexts) => buildResourceId('', type, nameTexts));
}

function extensionResourceId(args: TemplateValue[]): TemplateValue {
  arity(args, 3, Infinity);
  const [scope, ...rest] = args;
  const { type, names } = splitIdArguments(rest, 0);
  return symbolicId([scope, ...names], ([scopeId, ...nameTexts]) => buildResourceId(scopeId.replace(/\/+$/, ''), type, nameTexts));
}

/**
 * uniqueString(): ARM's real hash is not published as a spec, so this is a deterministic stand-in
 * (13 lowercase characters, as ARM's are) that keeps equal inputs equal within one lint run.
 */
function uniqueString(args: TemplateValue[]): TemplateValue {
  arity(args, 1, Infinity);
  const text = args.map((_, i) => stringArg(args, i)).join('-');
  let hash = 0xcbf29ce484222325n;
  for (const char of text) hash = BigInt.asUintN(64, (hash ^ BigInt(char.codePointAt(0) ?? 0)) * 0x100000001b3n);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  for (let i = 0; i < 13; i += 1) out += alphabet[Number((hash >> BigInt(i * 5)) & 31n)];
  return out;
}

function knownOnlyAfterDeployment(name: string): FunctionDefinition {
  return {
    acceptsUnresolved: true,
    apply: (args) => {
      const target = args.length > 0 ? ` of ${symbolText(args[0]) ?? 'a resource'}` : '';
      return unresolved(`${name}()${target} is only known after deployment`);
    },
  };
}

export const DEPLOYMENT_FUNCTIONS: Record<string, FunctionDefinition> = {
  parameters: { apply: (args, context) => (arity(args, 1), context.parameter(stringArg(args, 0))) },
  variables: { apply: (args, context) => (arity(args, 1), context.variable(stringArg(args, 0))) },
  copyindex: {
    apply: (args, context) => {
      arity(args, 0, 2);
      const loopName = typeof args[0] === 'string' ? args[0] : undefined;
      const offsetArg = typeof args[0] === 'number' ? args[0] : args[1];
      const index = context.copyIndex(loopName);
      if (isUnresolved(index) || typeof index !== 'number') return index;
      return index + (typeof offsetArg === 'number' ? offsetArg : 0);
    },
  },
  resourceid: withUnresolvedType(resourceId),
  subscriptionresourceid: withUnresolvedType(subscriptionResourceId),
  tenantresourceid: withUnresolvedType(tenantResourceId),
  extensionresourceid: withUnresolvedType(extensionResourceId),
  resourcegroup: {
    apply: (args, context) => {
      arity(args, 0);
      const { subscriptionId, resourceGroupName, location } = context.scope;
      return {
        id: resourceGroupScopeId(subscriptionId, resourceGroupName),
        name: resourceGroupName,
        type: 'Microsoft.Resources/resourceGroups',
        location,
        properties: { provisioningState: 'Succeeded' },
      };
    },
  },
  subscription: {
    apply: (args, context) => {
      arity(args, 0);
      const { subscriptionId } = context.scope;
      return { id: subscriptionScopeId(subscriptionId), subscriptionId, displayName: 'template subscription' };
    },
  },
  deployment: {
    apply: (args, context) => (arity(args, 0), { name: context.scope.deploymentName, properties: { templateLink: null } }),
  },
  uniquestring: { apply: uniqueString },
  guid: {
    apply: (args) => {
      const hex = [0, 1, 2].map((salt) => String(uniqueString([...args.map(asText), String(salt)]))).join('');
      const digits = [...hex].map((c) => (c.charCodeAt(0) % 16).toString(16)).join('');
      return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20, 32)}`;
    },
  },
  reference: knownOnlyAfterDeployment('reference'),
  listkeys: knownOnlyAfterDeployment('listKeys'),
  utcnow: knownOnlyAfterDeployment('utcNow'),
  newguid: knownOnlyAfterDeployment('newGuid'),
};
