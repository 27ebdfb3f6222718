// Before the checks run, every value a source listed as unresolved is taken out of the model, so
// a check never reads a stand-in (Bicep and ARM keep an unresolved id as its expression text,
// `${subnetId}`) as if it were the value. What is left unknown is undefined (a list: empty), and
// `unknownReason` tells it apart from a value that is really absent.
import type { Topology } from '../model';
import { canonicalField, covers } from './unknowns';

/** Kept as written: findings need something to call the element by, and ids are its identity. */
const KEPT = new Set(['id', 'name', 'origin', 'unresolved']);

type Node = Record<string, unknown>;

function isRecord(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isElement(value: unknown): value is Node {
  return isRecord(value) && typeof value.id === 'string' && isRecord(value.origin);
}

function covered(path: string, unknownPaths: readonly string[]): boolean {
  return unknownPaths.some((unknown) => covers(unknown, path));
}

/** A copy of `record` without its unknown values; `path` is the canonical path of `record` itself. */
function strip(record: Node, path: string, unknownPaths: readonly string[]): Node {
  const copy: Node = { ...record };
  for (const [key, value] of Object.entries(record)) {
    if (KEPT.has(key) || key.endsWith('Origin')) continue;
    const at = canonicalField(path === '' ? key : `${path}.${key}`);
    // A container the model folds into its parent (Bastion `features`) keeps its shape; its fields are stripped.
    if (at === path && isRecord(value) && !isElement(value)) copy[key] = strip(value, at, unknownPaths);
    else if (covered(at, unknownPaths)) {
      if (Array.isArray(value)) copy[key] = [];
      else delete copy[key];
    } else if (Array.isArray(value) && value.some((item) => isRecord(item) && !isElement(item))) {
      copy[key] = value.map((item) => (isRecord(item) && !isElement(item) ? strip(item, at, unknownPaths) : item));
    } else if (isRecord(value) && !isElement(value)) {
      copy[key] = strip(value, at, unknownPaths);
    }
  }
  return copy;
}

function knownElement<T>(element: T): T {
  const unresolved = (element as { unresolved?: { field: string }[] }).unresolved;
  if (!unresolved || unresolved.length === 0) return element;
  return strip(element as Node, '', unresolved.map((entry) => canonicalField(entry.field))) as T;
}

function withChildren<T extends object>(element: T, lists: readonly (keyof T & string)[]): T {
  let result = knownElement(element);
  for (const list of lists) {
    const children = result[list] as unknown as Node[];
    const known = children.map(knownElement);
    if (known.some((child, i) => child !== children[i])) result = { ...result, [list]: known };
  }
  return result;
}

/** The topology with unresolved values removed; elements without any are shared, not copied. */
export function withoutUnknownValues(topology: Topology): Topology {
  return {
    ...topology,
    bastionHosts: topology.bastionHosts.map(knownElement),
    virtualNetworks: topology.virtualNetworks.map((vnet) => withChildren(vnet, ['subnets', 'peerings'])),
    networkSecurityGroups: topology.networkSecurityGroups.map((nsg) => withChildren(nsg, ['securityRules', 'defaultSecurityRules'])),
    routeTables: topology.routeTables.map((table) => withChildren(table, ['routes'])),
    networkInterfaces: topology.networkInterfaces.map(knownElement),
    virtualMachines: topology.virtualMachines.map(knownElement),
    publicIpAddresses: topology.publicIpAddresses.map(knownElement),
    diagnosticSettings: topology.diagnosticSettings.map(knownElement),
    privateDnsZoneLinks: topology.privateDnsZoneLinks.map(knownElement),
  };
}
