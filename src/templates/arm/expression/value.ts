// Values template expressions evaluate to: JSON, or a marker for what the template alone cannot decide.

export type TemplateValue =
  | string
  | number
  | boolean
  | null
  | TemplateValue[]
  | { [key: string]: TemplateValue }
  | Unresolved;

/**
 * A value that depends on something outside the template (a parameter without a default, a
 * reference() to a deployed resource). `reasons` say what would decide it. `symbol` is a stable
 * textual stand-in, kept while the value is only concatenated into names and ids, so that two
 * ids built from the same unknown parameter still match without guessing the parameter.
 */
export class Unresolved {
  readonly reasons: string[];
  readonly symbol: string | undefined;

  constructor(reasons: readonly string[], symbol?: string) {
    this.reasons = [...new Set(reasons)];
    this.symbol = symbol;
  }

  withSymbol(symbol: string | undefined): Unresolved {
    return new Unresolved(this.reasons, symbol);
  }
}

export function isUnresolved(value: unknown): value is Unresolved {
  return value instanceof Unresolved;
}

export function unresolved(reason: string, symbol?: string): Unresolved {
  return new Unresolved([reason], symbol);
}

export function isPlainObject(value: TemplateValue | undefined): value is { [key: string]: TemplateValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isUnresolved(value);
}

/** The key of `object` ARM reads as `name` (property names are case-insensitive): exact spelling first. */
export function keyOf(object: Readonly<Record<string, unknown>>, name: string): string | undefined {
  if (name in object) return name;
  const wanted = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === wanted);
}

/** Every Unresolved anywhere inside a value (for functions whose result depends on all of it). */
export function unresolvedWithin(value: TemplateValue): Unresolved[] {
  if (isUnresolved(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(unresolvedWithin);
  if (isPlainObject(value)) return Object.values(value).flatMap(unresolvedWithin);
  return [];
}

export function mergeUnresolved(parts: readonly Unresolved[], symbol?: string): Unresolved {
  return new Unresolved(parts.flatMap((p) => p.reasons), symbol);
}

/** The text an unresolved value stands for inside a name or id: its symbol, else undefined. */
export function symbolText(value: TemplateValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isUnresolved(value)) return value.symbol;
  return undefined;
}

export function typeName(value: TemplateValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (isUnresolved(value)) return 'unresolved';
  return typeof value;
}

/** Deep equality as equals() and contains() use it (strings compare case-sensitively). */
export function templateEquals(a: TemplateValue, b: TemplateValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => templateEquals(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((k) => k in b && templateEquals(a[k], b[k]));
  }
  return a === b;
}
