// Array and object functions.
import type { FunctionDefinition } from '../context';
import { TemplateFunctionError } from '../context';
import { isPlainObject, isUnresolved, mergeUnresolved, templateEquals, type TemplateValue, typeName, unresolvedWithin } from '../value';
import { arity, arrayArg, integerArg, objectArg, stringArg } from './args';

function lengthOf(value: TemplateValue): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isPlainObject(value)) return Object.keys(value).length;
  throw new TemplateFunctionError(`length of ${typeName(value)}`);
}

function empty(args: TemplateValue[]): TemplateValue {
  arity(args, 1);
  return args[0] === null || lengthOf(args[0]) === 0;
}

function contains(args: TemplateValue[]): TemplateValue {
  arity(args, 2);
  const [container, item] = args;
  if (typeof container === 'string') return container.includes(stringArg(args, 1));
  if (Array.isArray(container)) {
    if (container.some((x) => !isUnresolved(x) && unresolvedWithin(x).length === 0 && templateEquals(x, item))) return true;
    const unknowns = [...unresolvedWithin(container), ...unresolvedWithin(item)];
    return unknowns.length > 0 ? mergeUnresolved(unknowns) : false;
  }
  if (isPlainObject(container)) {
    const key = stringArg(args, 1).toLowerCase();
    return Object.keys(container).some((k) => k.toLowerCase() === key);
  }
  throw new TemplateFunctionError(`contains() on ${typeName(container)}`);
}

function union(args: TemplateValue[]): TemplateValue {
  arity(args, 1, Infinity);
  if (args.every(Array.isArray)) {
    const out: TemplateValue[] = [];
    for (const item of args.flat()) if (!out.some((x) => templateEquals(x, item))) out.push(item);
    return out;
  }
  const out: { [key: string]: TemplateValue } = {};
  args.forEach((_, i) => Object.assign(out, objectArg(args, i)));
  return out;
}

function intersection(args: TemplateValue[]): TemplateValue {
  arity(args, 2, Infinity);
  if (args.every(Array.isArray)) {
    const [first, ...rest] = args as TemplateValue[][];
    return first.filter((item) => rest.every((other) => other.some((x) => templateEquals(x, item))));
  }
  const [first, ...rest] = args.map((_, i) => objectArg(args, i));
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((o) => k in o && templateEquals(o[k], v))));
}

function createObject(args: TemplateValue[]): TemplateValue {
  if (args.length % 2 !== 0) throw new TemplateFunctionError('expects key/value pairs');
  const out: { [key: string]: TemplateValue } = {};
  for (let i = 0; i < args.length; i += 2) out[stringArg(args, i)] = args[i + 1];
  return out;
}

function sliceOf(args: TemplateValue[], fromStart: boolean): TemplateValue {
  arity(args, 2);
  const count = Math.max(0, integerArg(args, 1));
  const value = args[0];
  if (typeof value !== 'string' && !Array.isArray(value)) throw new TemplateFunctionError(`cannot slice ${typeName(value)}`);
  return fromStart ? value.slice(0, count) : value.slice(count);
}

function edge(args: TemplateValue[], pickFirst: boolean): TemplateValue {
  arity(args, 1);
  const value = args[0];
  if (typeof value === 'string') return pickFirst ? value.slice(0, 1) : value.slice(-1);
  const array = arrayArg(args, 0);
  if (array.length === 0) return null;
  return pickFirst ? array[0] : array[array.length - 1];
}

export const COLLECTION_FUNCTIONS: Record<string, FunctionDefinition> = {
  length: { apply: (args) => (arity(args, 1), lengthOf(args[0])) },
  empty: { apply: empty },
  contains: { apply: contains },
  union: { apply: union },
  intersection: { apply: intersection },
  createarray: { apply: (args) => [...args], acceptsUnresolved: true },
  createobject: { apply: createObject, acceptsUnresolved: true },
  array: { apply: (args) => (arity(args, 1), Array.isArray(args[0]) ? args[0] : [args[0]]) },
  first: { apply: (args) => edge(args, true) },
  last: { apply: (args) => edge(args, false) },
  take: { apply: (args) => sliceOf(args, true) },
  skip: { apply: (args) => sliceOf(args, false) },
  range: {
    apply: (args) => {
      arity(args, 2);
      const start = integerArg(args, 0);
      const count = integerArg(args, 1);
      if (count < 0 || count > 10000) throw new TemplateFunctionError('count must be between 0 and 10000');
      return Array.from({ length: count }, (_, i) => start + i);
    },
  },
  items: {
    apply: (args) => {
      arity(args, 1);
      const object = objectArg(args, 0);
      return Object.keys(object)
        .sort((a, b) => a.localeCompare(b))
        .map((key) => ({ key, value: object[key] }));
    },
  },
  join: { apply: (args) => (arity(args, 2), arrayArg(args, 0).map((x) => String(x)).join(stringArg(args, 1))) },
};
