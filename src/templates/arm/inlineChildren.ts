// Children declared inline in a resource's properties (NSG rules, subnets, routes, peerings): their
// ids (as a GET would return them), ranges, and which unresolved values belong to them.
import type { SourceRange, UnresolvedField } from '../../core/model';
import type { UnresolvedAt } from './armJson';
import type { NodeOrigins } from './evaluateNode';
import { isPlainObject, keyOf, symbolText, type TemplateValue } from './expression/value';
import type { Node } from 'jsonc-parser';

/** properties.<array> → the child type segment in its id. */
const INLINE_CHILD_ARRAYS = ['securityRules', 'subnets', 'routes', 'virtualNetworkPeerings'] as const;

export interface InlineChildArray {
  /** The JSON path as the template spells it (`Properties.Subnets`): unresolved paths use that spelling. */
  path: string;
  /** The child type segment its ids use (`subnets`). */
  segment: (typeof INLINE_CHILD_ARRAYS)[number];
  items: TemplateValue[];
}

/** `object[name]` read as ARM reads it, whatever the capitals of the key. */
export function fieldOf(object: TemplateValue | undefined, name: string): TemplateValue | undefined {
  const key = isPlainObject(object) ? keyOf(object, name) : undefined;
  return key === undefined || !isPlainObject(object) ? undefined : object[key];
}

/** The inline child arrays of a resource body, found whatever capitals the template gives their keys. */
export function inlineChildArrays(body: TemplateValue | undefined): InlineChildArray[] {
  const propertiesKey = isPlainObject(body) ? keyOf(body, 'properties') : undefined;
  const properties = fieldOf(body, 'properties');
  if (propertiesKey === undefined || !isPlainObject(properties)) return [];
  return INLINE_CHILD_ARRAYS.flatMap((segment) => {
    const key = keyOf(properties, segment);
    const items = key === undefined ? undefined : properties[key];
    return key !== undefined && Array.isArray(items) ? [{ path: `${propertiesKey}.${key}`, segment, items }] : [];
  });
}

export interface InlineChild {
  /** `properties.subnets[1]` */
  path: string;
  id: string;
  range?: SourceRange;
}

export function inlineChildrenOf(
  body: TemplateValue | undefined,
  resourceId: string,
  origins: NodeOrigins,
  rangeOf: (node: Node) => SourceRange,
): InlineChild[] {
  const children: InlineChild[] = [];
  for (const { path, segment, items } of inlineChildArrays(body)) {
    items.forEach((item, index) => {
      const declared = fieldOf(item, 'name');
      const name = declared === undefined ? undefined : symbolText(declared);
      if (name === undefined) return;
      const node = origins.nodeOf(item);
      children.push({ path: `${path}[${index}]`, id: `${resourceId}/${segment}/${name}`, range: node ? rangeOf(node) : undefined });
    });
  }
  return children;
}

/**
 * Gives inline children in the ARM JSON the ids a GET response would carry. The JSON may share
 * objects with other resources (a variable used twice), so what gets an id is copied first.
 */
export function assignInlineIds(json: Record<string, unknown>, children: readonly InlineChild[]): void {
  const propertiesKey = /^(\w+)\./.exec(children[0]?.path ?? '')?.[1] ?? 'properties';
  let properties = json[propertiesKey] as Record<string, unknown> | undefined;
  const copiedArrays = new Set<string>();
  for (const child of children) {
    const match = /^\w+\.(\w+)\[(\d+)\]$/.exec(child.path);
    const items = match ? properties?.[match[1]] : undefined;
    const index = Number(match?.[2]);
    const item = Array.isArray(items) ? (items[index] as Record<string, unknown> | undefined) : undefined;
    if (!(item && typeof item === 'object' && keyOf(item, 'id') === undefined) || !match || !properties || !Array.isArray(items)) continue;
    if (copiedArrays.size === 0) json[propertiesKey] = properties = shallowCopy(properties);
    let owned = items;
    if (!copiedArrays.has(match[1])) {
      copiedArrays.add(match[1]);
      properties[match[1]] = owned = [...items];
    }
    const copy = shallowCopy(item);
    copy.id = child.id;
    owned[index] = copy;
  }
}

/** Own keys in order, same prototype: indistinguishable from the original to a reader. */
function shallowCopy(value: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>, value);
}

function fieldName(path: string): string {
  return path.replace(/^properties\./i, '');
}

/** Unresolved values grouped by the element (resource or inline child) they belong to. */
export function unresolvedByElement(
  resourceId: string,
  unresolved: readonly UnresolvedAt[],
  children: readonly InlineChild[],
): Map<string, UnresolvedField[]> {
  const byElement = new Map<string, UnresolvedField[]>();
  const add = (id: string, field: string, reasons: string[]) => {
    const list = byElement.get(id) ?? [];
    for (const reason of reasons) list.push({ field, reason });
    byElement.set(id, list);
  };
  for (const entry of unresolved) {
    const child = children.find((c) => entry.path.startsWith(`${c.path}.`));
    if (child) add(child.id, fieldName(entry.path.slice(child.path.length + 1)), entry.reasons);
    else add(resourceId, fieldName(entry.path), entry.reasons);
  }
  return byElement;
}
