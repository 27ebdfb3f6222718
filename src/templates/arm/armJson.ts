// Turns evaluated template values into plain ARM JSON, noting every unresolved value by its path.
import { isPlainObject, isUnresolved, type TemplateValue, type Unresolved } from './expression/value';

export interface UnresolvedAt {
  /** JSON path inside the resource, e.g. `properties.securityRules[2].properties.priority`. */
  path: string;
  reasons: string[];
}

/**
 * An id whose unknown part is only where it hangs (`${vnetId}/subnets/AzureBastionSubnet`) still
 * names its resource: the last type and name are literal. Its unknown part is noted as
 * `<path>.parent`, so the id stays in the model and checks can read the name from it.
 */
const LITERAL_CHILD_TAIL = /\/[A-Za-z][\w.]*\/[\w.-]+\/*$/;

export function noteUnresolved(path: string, key: string | number | undefined, value: Unresolved): UnresolvedAt {
  const literalTail = key === 'id' && value.symbol !== undefined && LITERAL_CHILD_TAIL.test(value.symbol);
  return { path: literalTail ? `${path}.parent` : path, reasons: value.reasons };
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

/**
 * Copy on write: a value with nothing unresolved inside is returned as it is, so a resource's
 * evaluated tree is not copied whole. Objects that a plain copy would not reproduce exactly
 * (another prototype, an own `__proto__` key) are still copied.
 */
function convert(value: TemplateValue, cursor: PathCursor, sink: UnresolvedAt[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isUnresolved(value)) {
    sink.push(noteUnresolved(pathText(cursor), cursor.segments[cursor.segments.length - 1], value));
    return value.symbol;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      cursor.segments.push(i);
      const converted = convert(value[i], cursor, sink);
      cursor.segments.pop();
      if (out === undefined && converted !== value[i]) out = value.slice(0, i);
      if (out !== undefined) out[i] = converted;
    }
    return out ?? value;
  }
  if (isPlainObject(value)) {
    let out: Record<string, unknown> | undefined = copiedAsIs(value) ? undefined : {};
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      cursor.segments.push(key);
      const converted = convert(value[key], cursor, sink);
      cursor.segments.pop();
      // An undefined is dropped, so it changes the object too.
      if (out === undefined && (converted !== value[key] || converted === undefined)) out = copyUpTo(value, key);
      if (out !== undefined && converted !== undefined) out[key] = converted;
    }
    return out ?? value;
  }
  return value;
}

function copiedAsIs(value: object): boolean {
  return Object.getPrototypeOf(value) === Object.prototype && !Object.prototype.hasOwnProperty.call(value, '__proto__');
}

/** The own keys of `value` before `stop`, as the copy would have them. */
function copyUpTo(value: { [key: string]: TemplateValue }, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (key === stop) break;
    if (Object.prototype.hasOwnProperty.call(value, key)) out[key] = value[key];
  }
  return out;
}
