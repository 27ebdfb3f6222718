// Separately declared children (a subnet, a security rule, a route) join their parent element.
// When the resource set lacks the parent, an empty one stands in and the gap is reported.
import type { Origin } from '../model';
import { parentOf } from './children';
import type { ArmInput, ElementIndex, MapContext } from './context';
import { KIND_LABELS } from './types';

export interface ParentKind<T extends { id: string }> {
  label: string;
  index: ElementIndex<T>;
  list: T[];
  /** An empty parent; `consequence` says what is unknown because of it. */
  placeholder: (parent: { id: string; name: string; origin: Origin }) => T;
  consequence: string;
}

export function parentElement<T extends { id: string }>(input: ArmInput, ctx: MapContext, kind: ParentKind<T>): T | undefined {
  const child = `${KIND_LABELS[input.typeKey]} '${input.name}' (${input.id})`;
  const parent = parentOf(input.id);
  if (parent === undefined) {
    ctx.problem(input.id, `${child} does not name the ${kind.label} it belongs to; ignored`, input.origin);
    return undefined;
  }
  const existing = kind.index.get(parent.id);
  if (existing !== undefined) return existing;
  const placeholder = kind.placeholder({ ...parent, origin: ctx.originOf(input.raw, input.index, parent.id) });
  kind.index.put(kind.list, placeholder);
  ctx.problem(
    input.id,
    `${child} belongs to ${kind.label} '${parent.name}' (${parent.id}), which is not among the resources read; ${kind.consequence}`,
    input.origin,
  );
  return placeholder;
}
