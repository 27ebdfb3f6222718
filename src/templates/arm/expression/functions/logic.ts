// Comparison, logical and numeric functions. and/or decide from known arguments when they can.
import type { FunctionDefinition } from '../context';
import { TemplateFunctionError } from '../context';
import { isUnresolved, mergeUnresolved, templateEquals, type TemplateValue, typeName, unresolvedWithin } from '../value';
import { arity, booleanArg, integerArg } from './args';

function equals(args: TemplateValue[]): TemplateValue {
  arity(args, 2);
  const unknowns = args.flatMap(unresolvedWithin);
  return unknowns.length > 0 ? mergeUnresolved(unknowns) : templateEquals(args[0], args[1]);
}

function shortCircuit(decisive: boolean): FunctionDefinition {
  return {
    acceptsUnresolved: true,
    apply: (args) => {
      arity(args, 2, Infinity);
      const known = args.filter((a): a is boolean => !isUnresolved(a));
      args.forEach((a, i) => !isUnresolved(a) && booleanArg(args, i));
      if (known.includes(decisive)) return decisive;
      const unknowns = args.filter(isUnresolved);
      return unknowns.length > 0 ? mergeUnresolved(unknowns) : !decisive;
    },
  };
}

function coalesce(args: TemplateValue[]): TemplateValue {
  for (const arg of args) {
    if (isUnresolved(arg)) return arg;
    if (arg !== null) return arg;
  }
  return null;
}

function compare(args: TemplateValue[], test: (order: number) => boolean): boolean {
  arity(args, 2);
  const [a, b] = args;
  if (typeof a === 'number' && typeof b === 'number') return test(a - b);
  if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
  throw new TemplateFunctionError(`cannot compare ${typeName(a)} with ${typeName(b)}`);
}

function toBool(args: TemplateValue[]): boolean {
  arity(args, 1);
  const [value] = args;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new TemplateFunctionError(`cannot convert ${JSON.stringify(value)} to bool`);
}

function arithmetic(operation: (a: number, b: number) => number): FunctionDefinition {
  return {
    apply: (args) => {
      arity(args, 2);
      const b = integerArg(args, 1);
      return operation(integerArg(args, 0), b);
    },
  };
}

export const LOGIC_FUNCTIONS: Record<string, FunctionDefinition> = {
  equals: { apply: equals, acceptsUnresolved: true },
  not: { apply: (args) => (arity(args, 1), !booleanArg(args, 0)) },
  and: shortCircuit(false),
  or: shortCircuit(true),
  coalesce: { apply: coalesce, acceptsUnresolved: true },
  true: { apply: (args) => (arity(args, 0), true) },
  false: { apply: (args) => (arity(args, 0), false) },
  null: { apply: (args) => (arity(args, 0), null) },
  bool: { apply: toBool },
  int: { apply: (args) => (arity(args, 1), integerArg(args, 0)) },
  less: { apply: (args) => compare(args, (o) => o < 0) },
  lessorequals: { apply: (args) => compare(args, (o) => o <= 0) },
  greater: { apply: (args) => compare(args, (o) => o > 0) },
  greaterorequals: { apply: (args) => compare(args, (o) => o >= 0) },
  add: arithmetic((a, b) => a + b),
  sub: arithmetic((a, b) => a - b),
  mul: arithmetic((a, b) => a * b),
  div: arithmetic((a, b) => {
    if (b === 0) throw new TemplateFunctionError('division by zero');
    return Math.trunc(a / b);
  }),
  mod: arithmetic((a, b) => {
    if (b === 0) throw new TemplateFunctionError('division by zero');
    return a % b;
  }),
  min: { apply: (args) => Math.min(...(Array.isArray(args[0]) ? args[0] : args).map((_, i, all) => integerArg(all, i))) },
  max: { apply: (args) => Math.max(...(Array.isArray(args[0]) ? args[0] : args).map((_, i, all) => integerArg(all, i))) },
};
