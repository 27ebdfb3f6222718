// Generic "make it unknown" mutations over a topology, for the unknown-is-never-absent property:
// every field of every element (children included) can lose its value, recorded in the element's
// `unresolved` as a source would; and every top-level resource can be dropped as "not read".
// The walk is over the data, not a list of fields, so a field added to the model is covered.
import type { Topology, UnresolvedField } from '../../src/core/model';

type Key = string | number;

export type Mutation =
  | { kind: 'unknown'; element: Key[]; field: Key[]; style: 'delete' | 'placeholder' | 'empty' }
  | { kind: 'not-read'; list: keyof Topology; index: number };

/** What a Bicep/ARM source writes for an unresolved string: its expression text. */
export const PLACEHOLDER = '${unknown}';
const REASON = 'made unknown by the property test';

/** Fields that are bookkeeping, not values a check reads. */
const NOT_VALUES = new Set(['id', 'origin', 'unresolved']);

const ELEMENT_LISTS: (keyof Topology)[] = [
  'bastionHosts', 'virtualNetworks', 'networkSecurityGroups', 'routeTables', 'networkInterfaces',
  'virtualMachines', 'publicIpAddresses', 'diagnosticSettings', 'privateDnsZoneLinks',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isElement(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.id === 'string' && isRecord(value.origin);
}

/** Every mutation the topology allows, in a stable order. */
export function mutationsOf(topology: Topology): Mutation[] {
  const mutations: Mutation[] = [];
  const walkValue = (element: Key[], field: Key[], value: unknown): void => {
    if (typeof value === 'string') {
      mutations.push({ kind: 'unknown', element, field, style: 'delete' }, { kind: 'unknown', element, field, style: 'placeholder' });
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      mutations.push({ kind: 'unknown', element, field, style: 'delete' });
    } else if (Array.isArray(value)) {
      if (value.some(isElement)) {
        value.forEach((child, i) => { if (isElement(child)) walkElement([...element, ...field, i], child); });
      } else {
        value.forEach((item, i) => { if (isRecord(item)) walkFields(element, [...field, i], item); });
      }
      mutations.push({ kind: 'unknown', element, field, style: 'empty' });
    } else if (isRecord(value)) {
      walkFields(element, field, value);
    }
  };
  const walkFields = (element: Key[], prefix: Key[], record: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(record)) {
      if (NOT_VALUES.has(key) || key.endsWith('Origin')) continue;
      walkValue(element, [...prefix, key], value);
    }
  };
  const walkElement = (path: Key[], element: Record<string, unknown>): void => walkFields(path, [], element);
  for (const list of ELEMENT_LISTS) {
    (topology[list] as unknown as Record<string, unknown>[]).forEach((element, index) => {
      walkElement([list, index], element);
      mutations.push({ kind: 'not-read', list, index });
    });
  }
  return mutations;
}

function at(root: unknown, path: readonly Key[]): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<Key, unknown>)[key], root) as Record<string, unknown>;
}

/** `ipConfigurations[0].subnetId`: the model path, as a source names an unresolved field. */
export function fieldPath(field: readonly Key[]): string {
  return field.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function applyOne(topology: Topology, mutation: Mutation, dropped: Map<keyof Topology, Set<number>>): void {
  if (mutation.kind === 'not-read') {
    dropped.set(mutation.list, (dropped.get(mutation.list) ?? new Set()).add(mutation.index));
    return;
  }
  const element = at(topology, mutation.element) as { unresolved?: UnresolvedField[] };
  const holder = at(element, mutation.field.slice(0, -1));
  const key = mutation.field[mutation.field.length - 1];
  if (holder === undefined || !(key in holder)) return; // an earlier mutation removed it
  if (mutation.style === 'delete') delete holder[key];
  else holder[key] = mutation.style === 'placeholder' ? PLACEHOLDER : [];
  element.unresolved = [...(element.unresolved ?? []), { field: fieldPath(mutation.field), reason: REASON }];
}

/** A deep copy with the mutations applied; the original is left alone. */
export function mutated(topology: Topology, mutations: readonly Mutation[]): Topology {
  const copy = structuredClone(topology);
  const dropped = new Map<keyof Topology, Set<number>>();
  for (const mutation of mutations) applyOne(copy, mutation, dropped);
  for (const [list, indexes] of dropped) {
    (copy[list] as unknown) = (copy[list] as unknown as unknown[]).filter((_, i) => !indexes.has(i));
  }
  return copy;
}

export function describeMutation(topology: Topology, mutation: Mutation): string {
  if (mutation.kind === 'not-read') {
    const element = (topology[mutation.list] as unknown as { name: string }[])[mutation.index];
    return `${mutation.list} ${element.name} not read`;
  }
  const element = at(topology, mutation.element) as { name?: string };
  return `${element.name ?? mutation.element.join('.')}: ${fieldPath(mutation.field)} unknown (${mutation.style})`;
}
