// State shared while one resource set is mapped: problems, origins, and elements by id.
import type { Origin, SourceProblem } from '../model';
import { idKey } from '../resourceId';
import { Fields, type JsonObject } from './fields';
import type { MapOptions } from './options';
import { KIND_LABELS, type ArmTypeKey } from './types';

/** One top-level resource with its identity settled. */
export interface ArmInput {
  raw: JsonObject;
  fields: Fields;
  index: number;
  id: string;
  name: string;
  typeKey: ArmTypeKey;
  origin: Origin;
}

export class MapContext {
  readonly problems: SourceProblem[] = [];

  constructor(private readonly options: MapOptions) {}

  originOf(source: JsonObject, index: number, elementId: string): Origin {
    return this.options.originOf ? this.options.originOf(source, index) : { kind: 'arm', id: elementId };
  }

  problem(resource: string, message: string, origin?: Origin): void {
    this.problems.push(origin === undefined ? { resource, message } : { resource, message, origin });
  }

  input(raw: JsonObject, index: number, id: string, name: string, typeKey: ArmTypeKey): ArmInput {
    const origin = this.originOf(raw, index, id);
    const fields = new Fields(raw, '', (message) => this.problem(id, `${KIND_LABELS[typeKey]} '${name}': ${message}`, origin));
    return { raw, fields, index, id, name, typeKey, origin };
  }
}

/** Elements by case-insensitive id, each remembering the list it sits in so a later declaration replaces it in place. */
export class ElementIndex<T extends { id: string }> {
  private readonly slots = new Map<string, { list: T[]; position: number }>();

  get(id: string | undefined): T | undefined {
    if (id === undefined) return undefined;
    const slot = this.slots.get(idKey(id));
    return slot?.list[slot.position];
  }

  has(id: string): boolean {
    return this.slots.has(idKey(id));
  }

  /** Adds `element` to `list`, or replaces the element with the same id; true when it replaced one. */
  put(list: T[], element: T): boolean {
    const key = idKey(element.id);
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      slot.list[slot.position] = element;
      return true;
    }
    this.slots.set(key, { list, position: list.length });
    list.push(element);
    return false;
  }
}
