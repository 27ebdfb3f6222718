// The Terraform built-in functions templates use to shape network resources. try/can/coalesce
// are lazy about unknowns and live in the evaluator; the rest are strict here.
import { cidrSubnet } from './cidr';
import {
  Unknown, asNumber, asString, failure, firstUnknown, isObject, typeName, valuesEqual,
  type ObjectValue, type Value,
} from './values';

type BuiltIn = (args: Value[]) => Value;

function listOf(value: Value, fn: string): Value[] | Unknown {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) return value;
  return failure(`${fn}() expects a list, got a ${typeName(value)}`);
}

function objectOf(value: Value, fn: string): ObjectValue | Unknown {
  if (value instanceof Unknown) return value;
  if (isObject(value)) return value;
  return failure(`${fn}() expects a map or object, got a ${typeName(value)}`);
}

function distinct(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const item of items) if (!out.some((seen) => valuesEqual(seen, item))) out.push(item);
  return out;
}

function length(value: Value): Value {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return failure(`length() of a ${typeName(value)}`);
}

function format(spec: string, args: Value[]): Value {
  let next = 0;
  let problem: Unknown | undefined;
  const text = spec.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?[sdvqft])/g, (_whole, verb: string) => {
    const width = /^0(\d+)/.exec(verb)?.[1];
    if (verb === '%') return '%';
    const arg = args[next++];
    if (arg === undefined) {
      problem = failure('format() has too few arguments');
      return '';
    }
    const kind = verb[verb.length - 1];
    if (kind === 'd') {
      const number = asNumber(arg);
      if (number instanceof Unknown) problem = number;
      return number instanceof Unknown ? '' : String(Math.trunc(number)).padStart(width ? Number(width) : 0, '0');
    }
    if (kind === 'q') return JSON.stringify(arg);
    const text = kind === 'v' && typeof arg === 'object' ? JSON.stringify(arg) : asString(arg);
    if (text instanceof Unknown) problem = text;
    return text instanceof Unknown ? '' : text;
  });
  return problem ?? text;
}

function element(list: Value[], index: number): Value {
  if (list.length === 0) return failure('element() of an empty list');
  return list[((Math.trunc(index) % list.length) + list.length) % list.length];
}

function lookup(map: ObjectValue, key: string, fallback: Value | undefined): Value {
  if (key in map) return map[key];
  return fallback === undefined ? failure(`lookup(): the map has no key "${key}"`) : fallback;
}

function flatten(items: Value[]): Value[] {
  return items.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item]));
}

/** A function over fully known arguments; the first unknown argument is the result otherwise. */
function strict(fn: BuiltIn): BuiltIn {
  return (args) => {
    for (const arg of args) {
      const unknown = firstUnknown(arg);
      if (unknown) return unknown;
    }
    return fn(args);
  };
}

function string1(fn: (text: string) => Value): BuiltIn {
  return strict(([value]) => {
    const text = asString(value ?? null);
    return text instanceof Unknown ? text : fn(text);
  });
}

const BUILT_INS: Record<string, BuiltIn> = {
  concat: strict((args) => {
    const lists = args.map((arg) => listOf(arg, 'concat'));
    const bad = lists.find((list) => list instanceof Unknown);
    return bad ?? (lists as Value[][]).flat(1);
  }),
  merge: strict((args) => {
    const merged: ObjectValue = {};
    for (const arg of args) {
      if (arg === null) continue;
      const object = objectOf(arg, 'merge');
      if (object instanceof Unknown) return object;
      Object.assign(merged, object);
    }
    return merged;
  }),
  lookup: strict(([map, key, fallback]) => {
    const object = objectOf(map ?? null, 'lookup');
    const name = asString(key ?? null);
    if (object instanceof Unknown) return object;
    return name instanceof Unknown ? name : lookup(object, name, fallback);
  }),
  tolist: strict(([value]) => (isObject(value ?? null) ? failure('tolist() of a map') : listOf(value ?? null, 'tolist'))),
  toset: strict(([value]) => {
    const list = listOf(value ?? null, 'toset');
    return list instanceof Unknown ? list : distinct(list);
  }),
  tomap: strict(([value]) => objectOf(value ?? null, 'tomap')),
  tostring: strict(([value]) => (value === null ? null : asString(value ?? null))),
  tonumber: strict(([value]) => (value === null ? null : asNumber(value ?? null))),
  distinct: strict(([value]) => {
    const list = listOf(value ?? null, 'distinct');
    return list instanceof Unknown ? list : distinct(list);
  }),
  flatten: strict(([value]) => {
    const list = listOf(value ?? null, 'flatten');
    return list instanceof Unknown ? list : flatten(list);
  }),
  keys: strict(([value]) => {
    const object = objectOf(value ?? null, 'keys');
    return object instanceof Unknown ? object : Object.keys(object).sort();
  }),
  values: strict(([value]) => {
    const object = objectOf(value ?? null, 'values');
    return object instanceof Unknown ? object : Object.keys(object).sort().map((key) => object[key]);
  }),
  contains: strict(([list, item]) => {
    const items = listOf(list ?? null, 'contains');
    return items instanceof Unknown ? items : items.some((candidate) => valuesEqual(candidate, item ?? null));
  }),
  // Not strict: the one element is the result even when it is unknown.
  one: ([value]) => {
    const list = listOf(value ?? null, 'one');
    if (list instanceof Unknown) return list;
    return list.length > 1 ? failure('one() of a list with more than one element') : list[0] ?? null;
  },
  length: strict(([value]) => length(value ?? null)),
  element: strict(([list, index]) => {
    const items = listOf(list ?? null, 'element');
    const at = asNumber(index ?? null);
    if (items instanceof Unknown) return items;
    return at instanceof Unknown ? at : element(items, at);
  }),
  join: strict(([separator, list]) => {
    const items = listOf(list ?? null, 'join');
    if (items instanceof Unknown) return items;
    const texts = items.map(asString);
    return texts.find((text) => text instanceof Unknown) ?? texts.join(asString(separator ?? '') as string);
  }),
  split: strict(([separator, text]) => String(text).split(String(separator))),
  replace: strict(([text, search, replacement]) => String(text).split(String(search)).join(String(replacement))),
  lower: string1((text) => text.toLowerCase()),
  upper: string1((text) => text.toUpperCase()),
  trimspace: string1((text) => text.trim()),
  format: strict(([spec, ...args]) => {
    const text = asString(spec ?? null);
    return text instanceof Unknown ? text : format(text, args);
  }),
  cidrsubnet: strict(([prefix, newbits, netnum]) => {
    const base = asString(prefix ?? null);
    const bits = asNumber(newbits ?? null);
    const number = asNumber(netnum ?? null);
    if (base instanceof Unknown) return base;
    if (bits instanceof Unknown) return bits;
    if (number instanceof Unknown) return number;
    return cidrSubnet(base, bits, number);
  }),
  jsonencode: strict(([value]) => JSON.stringify(value ?? null)),
  min: strict((args) => Math.min(...args.map((arg) => Number(arg)))),
  max: strict((args) => Math.max(...args.map((arg) => Number(arg)))),
  range: strict((args) => {
    const [start, end, step] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
    if (!Number.isFinite(start) || !Number.isFinite(end) || step === 0 || Math.abs((end - start) / step) > 1024) return failure('range() arguments out of bounds');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i);
    return out;
  }),
};

export function callBuiltIn(name: string, args: Value[]): Value {
  const fn = BUILT_INS[name];
  if (!fn) return new Unknown(`function ${name}() is not evaluated by Bastion Doctor`);
  try {
    return fn(args);
  } catch (error) {
    return failure(`${name}(): ${(error as Error).message}`);
  }
}
