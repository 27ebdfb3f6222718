// Values of evaluated Terraform expressions. What cannot be known statically is an Unknown that
// carries why; an error (a missing attribute) is an Unknown too, so `try()` can skip it.

/** An attribute of one resource instance: `azurerm_network_security_group.this[0]`, `name`. */
export interface InstanceAttribute {
  address: string;
  attribute: string;
}

export class Unknown {
  constructor(
    readonly reason: string,
    /** 'error': Terraform itself would reject the expression (try() falls through it). */
    readonly kind: 'unknown' | 'error' = 'unknown',
    /**
     * Set when the value is exactly this attribute of a resource instance (passed on unchanged,
     * not computed from it), so a child resource still finds its parent when the name is unknown.
     */
    readonly attributeOf?: InstanceAttribute,
  ) {}
}

/** The same unknown, no longer claiming to be an instance's attribute (a value computed from it). */
export function computedFrom(unknown: Unknown): Unknown {
  return unknown.attributeOf ? new Unknown(unknown.reason, unknown.kind) : unknown;
}

export type Value = null | string | number | boolean | Value[] | ObjectValue | Unknown;
export interface ObjectValue {
  [key: string]: Value;
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

export function isObject(value: Value | undefined): value is ObjectValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Unknown);
}

export function failure(reason: string): Unknown {
  return new Unknown(reason, 'error');
}

/** The first Unknown nested anywhere in a value, or undefined when fully known. */
export function firstUnknown(value: Value): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const item of Object.values(value)) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Unknown) return 'unknown';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** Terraform's automatic conversion to string: numbers and bools print, everything else cannot. */
export function asString(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return failure(`a ${typeName(value)} cannot be used as a string`);
}

export function asNumber(value: Value): number | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return failure(`a ${typeName(value)} cannot be used as a number`);
}

export function asBool(value: Value): boolean | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return failure(`a ${typeName(value)} cannot be used as a bool`);
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && valuesEqual(a[key], b[key]));
  }
  return a === b;
}
