// Reads typed fields out of an evaluated resource or block; whatever is not known is recorded
// as unresolved (with its reason) instead of being guessed.
import type { UnresolvedField } from '../../core/model';
import { Unknown, asBool, asNumber, firstUnknown, isObject, type ObjectValue, type Value } from './values';

export class FieldReader {
  readonly unresolved: UnresolvedField[] = [];

  constructor(readonly value: ObjectValue) {}

  has(key: string): boolean {
    return this.value[key] !== undefined && this.value[key] !== null;
  }

  private note(field: string, unknown: Unknown): undefined {
    if (!this.unresolved.some((u) => u.field === field)) this.unresolved.push({ field, reason: unknown.reason });
    return undefined;
  }

  string(key: string, field = key): string | undefined {
    const value = this.value[key];
    if (value instanceof Unknown) return this.note(field, value);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  }

  number(key: string, field = key): number | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    const number = asNumber(value);
    return number instanceof Unknown ? this.note(field, number) : number;
  }

  bool(key: string, field = key): boolean | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    const bool = asBool(value);
    return bool instanceof Unknown ? this.note(field, bool) : bool;
  }

  /** Singular and plural attributes merged (`source_port_range` + `source_port_ranges`). */
  strings(keys: string[], field: string): string[] {
    const out: string[] = [];
    for (const key of keys) {
      const value = this.value[key];
      const unknown = value === undefined ? undefined : firstUnknown(value);
      if (unknown) {
        this.note(field, unknown);
        continue;
      }
      const items: Value[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
      for (const item of items) if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
    }
    return out;
  }

  /** Nested blocks (or a list-of-objects attribute) of one type. */
  blocks(key: string, field = key): ObjectValue[] {
    const value = this.value[key];
    if (value instanceof Unknown) return this.note(field, value) ?? [];
    if (!Array.isArray(value)) return isObject(value) ? [value] : [];
    const out: ObjectValue[] = [];
    for (const item of value) {
      if (item instanceof Unknown) this.note(field, item);
      else if (isObject(item)) out.push(item);
    }
    return out;
  }

  stringMap(key: string): Record<string, string> | undefined {
    const value = this.value[key];
    if (!isObject(value)) return undefined;
    const out: Record<string, string> = {};
    for (const [name, item] of Object.entries(value)) if (typeof item === 'string') out[name] = item;
    return out;
  }
}

export function withUnresolved<T extends { unresolved?: UnresolvedField[] }>(element: T, ...readers: FieldReader[]): T {
  const unresolved = readers.flatMap((reader) => reader.unresolved);
  if (unresolved.length > 0) element.unresolved = [...(element.unresolved ?? []), ...unresolved];
  return element;
}
