// An evaluated resource instance → ARM-shaped JSON with the origins of its inline children and
// associations, and every value it could not resolve.
import type { Origin, UnresolvedField } from '../../../core/model';
import { noteUnresolved, type UnresolvedAt } from '../../arm/armJson';
import { assignInlineIds, fieldOf, type InlineChild, inlineChildArrays, unresolvedByElement } from '../../arm/inlineChildren';
import type { ValueOrigins } from './origins';
import type { EmittedResource } from './session';
import { isPlainObject, isUnresolved, type ResourceIdentity, type TemplateValue } from './values';

/** Keys that steer the deployment rather than describe the resource. */
const DEPLOYMENT_KEYS = new Set(['name', 'parent', 'scope', 'dependson']);
const ASSOCIATED_TYPES = new Set(['microsoft.network/virtualnetworks/subnets', 'microsoft.network/networkinterfaces']);

export interface EmitInput {
  identity: ResourceIdentity;
  body: TemplateValue;
  origin: Origin;
  conditions: UnresolvedField[];
}

/** The fields that say where a rule is evaluated and what it does when it matches. */
function placesRule(field: UnresolvedField): boolean {
  const name = field.field.toLowerCase();
  return ['priority', 'direction', 'access'].some((placing) => name.endsWith(placing)) || name === '' || name === 'properties';
}

export function emitResource(input: EmitInput, origins: ValueOrigins): EmittedResource {
  const { id, name, type, apiVersion } = input.identity;
  const described: { [key: string]: TemplateValue } = {};
  if (isPlainObject(input.body)) {
    for (const [key, value] of Object.entries(input.body)) if (!DEPLOYMENT_KEYS.has(key.toLowerCase())) described[key] = value;
  }
  const unresolvedAt: UnresolvedAt[] = [];
  const json = toJson(described, '', unresolvedAt) as Record<string, unknown>;
  const children = inlineChildren(described, id, origins);
  assignInlineIds(json, children);
  const unresolved = unresolvedByElement(id, unresolvedAt, children);
  const own = [...input.conditions, ...(unresolved.get(id) ?? []), ...unknownCollections(type, unresolvedAt)];
  const unplaced = children.find((c) => c.segment === 'securityRules' && (unresolved.get(c.id) ?? []).some(placesRule));
  // A rule whose priority, direction or access is unknown could decide any flow. One whose prefix,
  // port or protocol is unknown is still placed: the evaluator leaves only what it may match open.
  if (unplaced) own.push({ field: 'securityRules', reason: `security rule ${unplaced.id.split('/').pop() ?? ''} has a priority, direction or access the template does not decide` });
  if (own.length > 0) unresolved.set(id, own);
  return {
    id,
    json: { id, name: name.split('/').pop() ?? name, type, ...(apiVersion ? { apiVersion } : {}), ...json },
    origin: input.origin,
    childOrigins: new Map(children.flatMap((c) => (c.origin ? [[c.id, c.origin] as const] : []))),
    unresolved,
    associations: associationsOf(id, type, fieldOf(described, 'properties'), children, origins),
  };
}

/**
 * A `properties` block that is not known at all (a spread or a parameter) hides its rules,
 * subnets, routes and peerings too: they are unknown, never an empty list.
 */
function unknownCollections(type: string, unresolvedAt: readonly UnresolvedAt[]): UnresolvedField[] {
  const whole = unresolvedAt.find((entry) => entry.path === 'properties');
  const fields = COLLECTIONS_BY_TYPE[type.toLowerCase()] ?? [];
  return whole ? fields.flatMap((field) => whole.reasons.map((reason) => ({ field, reason }))) : [];
}

const COLLECTIONS_BY_TYPE: Record<string, readonly string[]> = {
  'microsoft.network/networksecuritygroups': ['securityRules'],
  'microsoft.network/virtualnetworks': ['subnets', 'virtualNetworkPeerings'],
  'microsoft.network/routetables': ['routes'],
};

interface OriginChild extends InlineChild {
  origin?: Origin;
  value: TemplateValue;
  segment: string;
}

function inlineChildren(body: TemplateValue, resourceId: string, origins: ValueOrigins): OriginChild[] {
  const children: OriginChild[] = [];
  for (const { path, segment, items } of inlineChildArrays(body)) {
    items.forEach((item, index) => {
      const name = fieldOf(item, 'name');
      if (typeof name !== 'string') return;
      children.push({ path: `${path}[${index}]`, segment, id: `${resourceId}/${segment}/${name}`, origin: origins.originOf(item), value: item });
    });
  }
  return children;
}

function associationOf(properties: TemplateValue | undefined, origins: ValueOrigins): { networkSecurityGroup?: Origin; routeTable?: Origin } {
  if (!isPlainObject(properties)) return {};
  const association: { networkSecurityGroup?: Origin; routeTable?: Origin } = {};
  const nsg = origins.propertyOrigin(properties, 'networkSecurityGroup');
  const routeTable = origins.propertyOrigin(properties, 'routeTable');
  if (nsg) association.networkSecurityGroup = nsg;
  if (routeTable) association.routeTable = routeTable;
  return association;
}

function associationsOf(
  id: string,
  type: string,
  properties: TemplateValue | undefined,
  children: readonly OriginChild[],
  origins: ValueOrigins,
): EmittedResource['associations'] {
  const associations: EmittedResource['associations'] = new Map();
  if (ASSOCIATED_TYPES.has(type.toLowerCase())) associations.set(id, associationOf(properties, origins));
  for (const child of children) {
    if (child.segment !== 'subnets') continue;
    associations.set(child.id, associationOf(fieldOf(child.value, 'properties'), origins));
  }
  return associations;
}

/**
 * Plain JSON with every unresolved value noted by path. Only ids and names keep an unresolved
 * value's symbol (so references built from the same unknown still match); anywhere else the value
 * is left out, so no check reads a placeholder as a SKU, prefix or port.
 */
function toJson(value: TemplateValue, path: string, sink: UnresolvedAt[], key = ''): unknown {
  if (isUnresolved(value)) {
    sink.push(noteUnresolved(path, key, value));
    return key === 'id' || (key === 'name' && path !== 'sku.name') ? value.symbol : undefined;
  }
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${path}[${i}]`, sink) ?? null);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const converted = toJson(item, path === '' ? name : `${path}.${name}`, sink, name);
      if (converted !== undefined) out[name] = converted;
    }
    return out;
  }
  return value;
}
