// Turns evaluated template values into plain ARM JSON, noting every unresolved value by its path.
import { isPlainObject, isUnresolved, type TemplateValue } from './expression/value';

export interface UnresolvedAt {
  /** JSON path inside the resource, e.g. `properties.securityRules[2].properties.priority`. */
  path: string;
  reasons: string[];
}

/** An unresolved value is written as its symbol (its expression text), so it stays visible and never looks known. */
export function toArmJson(value: TemplateValue, path: string, sink: UnresolvedAt[]): unknown {
  if (isUnresolved(value)) {
    sink.push({ path, reasons: value.reasons });
    return value.symbol;
  }
  if (Array.isArray(value)) return value.map((item, i) => toArmJson(item, `${path}[${i}]`, sink));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toArmJson(item, path === '' ? key : `${path}.${key}`, sink);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  return value;
}
