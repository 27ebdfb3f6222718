// azapi_resource: a resource in ARM's own shape (`type = "<type>@<apiVersion>"`, `parent_id`,
// `name`, `body` as an HCL object or jsonencode(...)). The types the model knows are mapped
// through the shared ARM mapper, with the HCL block as origin; a value the module does not decide
// is left out of the ARM JSON and listed as unresolved on the element it belongs to.
import { mapArmResources, armTypeKey } from '../../../core/arm';
import type { Origin, Topology, UnresolvedField, VirtualNetwork } from '../../../core/model';
import { idKey } from '../../../core/resourceId';
import { elementsOf } from '../../topologyElements';
import type { ResourceInstance } from '../module';
import { Unknown, isObject, type Value } from '../values';
import { findById, type MappingContext } from './context';

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Inline children ARM lists in a parent's properties, each its own element in the model. */
const INLINE_CHILDREN = new Set(['subnets', 'securityRules', 'routes', 'virtualNetworkPeerings']);

interface Read {
  json: { [key: string]: Json };
  origin: Origin;
  unknowns: { path: Path; reason: string }[];
}

function toJson(value: Value, path: Path, unknowns: Read['unknowns']): Json | undefined {
  if (value instanceof Unknown) {
    unknowns.push({ path, reason: value.reason });
    return undefined;
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => { const json = toJson(item, [...path, index], unknowns); return json === undefined ? [] : [json]; });
  if (isObject(value)) {
    const object: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJson(item, [...path, key], unknowns);
      if (json !== undefined) object[key] = json;
    }
    return object;
  }
  return value;
}

/** `body`, with jsonencode(...) evaluated inside, so one unknown leaves the rest of it known. */
function bodyOf(context: MappingContext, instance: ResourceInstance): Value | undefined {
  const expression = instance.declaration.block.body.attributes.get('body')?.value;
  if (expression?.kind === 'call' && expression.name === 'jsonencode' && expression.args.length === 1) {
    return context.module.evaluator.evaluate(expression.args[0], instance.scope);
  }
  const body = instance.value.body;
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as Value;
  } catch {
    return new Unknown(`the body of ${instance.address} is not valid JSON`);
  }
}

function readInstance(context: MappingContext, instance: ResourceInstance): Read | undefined {
  const type = instance.value.type;
  if (type instanceof Unknown) {
    context.problem(instance, `the type of ${instance.address} is not known (${type.reason}); it was not read`);
    return undefined;
  }
  if (typeof type !== 'string') return undefined;
  const [armType, apiVersion] = type.split('@');
  if (armTypeKey(armType) === undefined) return undefined;
  const unknowns: Read['unknowns'] = [];
  const body = toJson(bodyOf(context, instance) ?? {}, [], unknowns);
  const json: Read['json'] = {
    ...(body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {}),
    type: armType,
    id: instance.value.id as string,
    name: typeof instance.value.name === 'string' ? instance.value.name : instance.address,
  };
  if (apiVersion) json.apiVersion = apiVersion;
  if (typeof instance.value.location === 'string') json.location = instance.value.location;
  return { json, origin: context.originOf(instance.declaration), unknowns };
}

function fieldOf(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('').replace(/\.\[/g, '[');
}

/** Each unknown on the element it decides: an inline child's own, else the resource's. */
function unresolvedById(read: Read): Map<string, UnresolvedField[]> {
  const byId = new Map<string, UnresolvedField[]>();
  const add = (id: string, field: UnresolvedField) => byId.set(idKey(id), [...(byId.get(idKey(id)) ?? []), field]);
  const properties = read.json.properties;
  for (const { path, reason } of read.unknowns) {
    const [first, collection, index] = path;
    const list = properties && typeof properties === 'object' && !Array.isArray(properties) && typeof collection === 'string' ? properties[collection] : undefined;
    const item = Array.isArray(list) && typeof index === 'number' ? list[index] : undefined;
    const childName = item && typeof item === 'object' && !Array.isArray(item) ? item.name : undefined;
    if (first === 'properties' && INLINE_CHILDREN.has(String(collection)) && typeof childName === 'string' && path.length > 3) {
      add(`${String(read.json.id)}/${String(collection)}/${childName}`, { field: fieldOf(path.slice(3)), reason });
    } else {
      add(String(read.json.id), { field: fieldOf(path.length > 0 ? path : ['properties']), reason });
    }
  }
  return byId;
}

const DANGLING = /(\/subscriptions\/[^\s(),']+)\)?, which is not among the resources read/;

/** Puts what the ARM mapper built into the module's topology; a stand-in parent joins the real one. */
function merge(target: Topology, read: Topology, declared: ReadonlySet<string>): void {
  target.bastionHosts.push(...read.bastionHosts);
  target.publicIpAddresses.push(...read.publicIpAddresses);
  target.networkInterfaces.push(...read.networkInterfaces);
  target.virtualMachines.push(...read.virtualMachines);
  target.diagnosticSettings.push(...read.diagnosticSettings);
  target.privateDnsZoneLinks.push(...read.privateDnsZoneLinks);
  for (const vnet of read.virtualNetworks) {
    const existing: VirtualNetwork | undefined = findById(target.virtualNetworks, vnet.id);
    if (!existing) {
      target.virtualNetworks.push(vnet);
      continue;
    }
    const subnets = [...existing.subnets, ...vnet.subnets.map((subnet) => ({ ...subnet, virtualNetworkId: existing.id }))];
    const peerings = [...existing.peerings, ...vnet.peerings];
    // The azurerm mapper stood in for a VNet it did not find (an azurerm_subnet in this azapi VNet).
    if (declared.has(idKey(vnet.id))) Object.assign(existing, { ...vnet, id: existing.id, unresolved: vnet.unresolved });
    Object.assign(existing, { subnets, peerings });
  }
  for (const nsg of read.networkSecurityGroups) {
    const existing = findById(target.networkSecurityGroups, nsg.id);
    if (existing) existing.securityRules.push(...nsg.securityRules);
    else target.networkSecurityGroups.push(nsg);
  }
  for (const table of read.routeTables) {
    const existing = findById(target.routeTables, table.id);
    if (existing) existing.routes.push(...table.routes);
    else target.routeTables.push(table);
  }
}

/**
 * Reads the module's azapi_resource instances into the topology. Runs after the azurerm mappers,
 * so an azapi child (a subnet) joins an azurerm parent, and a reference between the two is not
 * reported as dangling.
 */
export function mapAzapiResources(context: MappingContext): void {
  const reads = context.instancesOf('azapi_resource').flatMap((instance) => readInstance(context, instance) ?? []);
  if (reads.length === 0) return;
  const topology = mapArmResources(reads.map((read) => read.json), { originOf: (_resource, index) => reads[index].origin });
  const unresolved = new Map<string, UnresolvedField[]>();
  for (const read of reads) for (const [id, fields] of unresolvedById(read)) unresolved.set(id, [...(unresolved.get(id) ?? []), ...fields]);
  for (const element of elementsOf(topology)) {
    const fields = unresolved.get(idKey(element.id));
    if (fields) element.unresolved = [...(element.unresolved ?? []), ...fields];
  }
  merge(context.topology, topology, new Set(reads.map((read) => idKey(String(read.json.id)))));
  const known = new Set(elementsOf(context.topology).map((element) => idKey(element.id)));
  for (const problem of topology.problems) {
    const dangling = DANGLING.exec(problem.message)?.[1];
    if (dangling === undefined || !known.has(idKey(dangling))) context.topology.problems.push(problem);
  }
}
