// Turns evaluated template values into plain ARM JSON, noting every unresolved value by its path.
import { isPlainObject, isUnresolved, type TemplateValue } from './expression/value';

export interface UnresolvedAt {
  /** JSON path inside the resource, e.g. `properties.securityRules[2].properties.priority`. */
  path: string;
  reasons: string[];
}

/** An unresolved value is written as its symbol (its expression text), so it stays visible and never looks known. */
export function toArmJson(value: TemplateValue, path: string, sink: UnresolvedAt[]): unknown {
  return convert(value, { segments: [], root: path }, sink);
}

/** Where the conversion is; the path text is only built for the rare unresolved value. */
interface PathCursor {
  segments: (string | number)[];
  root: string;
}

function pathText(cursor: PathCursor): string {
  let path = cursor.root;
  for (const segment of cursor.segments) {
    if (typeof segment === 'number') path = `${path}[${segment}]`;
    else path = path === '' ? segment : `${path}.${segment}`;
  }
  return path;
}

function convert(value: TemplateValue, cursor: PathCursor, sink: UnresolvedAt[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isUnresolved(value)) {
    sink.push({ path: pathText(cursor), reasons: value.reasons });
    return value.symbol;
  }
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      cursor.segments.push(i);
      out[i] = convert(value[i], cursor, sink);
      cursor.segments.pop();
    }
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      cursor.segments.push(key);
      const converted = convert(value[key], cursor, sink);
      cursor.segments.pop();
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  return value;
}
