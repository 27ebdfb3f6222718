// String functions. concat/format/toLower/toUpper/string keep an unresolved part's symbol so names
// and ids built from an unknown parameter stay comparable.
import type { FunctionDefinition } from '../context';
import { TemplateFunctionError } from '../context';
import { isUnresolved, mergeUnresolved, symbolText, type TemplateValue, unresolvedWithin } from '../value';
import { arity, asText, integerArg, stringArg } from './args';

/** Joins parts into a string, or into a symbolic Unresolved when some part is unknown. */
export function joinSymbolic(parts: readonly TemplateValue[], render: (part: TemplateValue) => string = asText): TemplateValue {
  const unknowns = parts.filter(isUnresolved);
  if (unknowns.length === 0) return parts.map(render).join('');
  const symbols = parts.map(symbolText);
  const symbol = symbols.every((s) => s !== undefined) ? symbols.join('') : undefined;
  return mergeUnresolved(unknowns, symbol);
}

function concat(args: TemplateValue[]): TemplateValue {
  if (args.length > 0 && args.every((a) => Array.isArray(a) || a === null)) {
    return args.flatMap((a) => (Array.isArray(a) ? a : []));
  }
  if (args.some((a) => Array.isArray(a) && !isUnresolved(a))) {
    const unknowns = args.filter(isUnresolved);
    if (unknowns.length > 0) return mergeUnresolved(unknowns);
    throw new TemplateFunctionError('cannot mix arrays and strings');
  }
  return joinSymbolic(args);
}

function format(args: TemplateValue[]): TemplateValue {
  arity(args, 1, Infinity);
  if (isUnresolved(args[0])) return mergeUnresolved([args[0]]);
  const pattern = stringArg(args, 0);
  const parts: TemplateValue[] = [];
  const token = /\{\{|\}\}|\{(\d+)(?::[^}]*)?\}/g;
  let last = 0;
  for (let match = token.exec(pattern); match; match = token.exec(pattern)) {
    parts.push(pattern.slice(last, match.index));
    if (match[0] === '{{') parts.push('{');
    else if (match[0] === '}}') parts.push('}');
    else {
      const argument = args[Number(match[1]) + 1];
      if (argument === undefined) throw new TemplateFunctionError(`format placeholder ${match[0]} has no argument`);
      parts.push(argument);
    }
    last = match.index + match[0].length;
  }
  parts.push(pattern.slice(last));
  return joinSymbolic(parts);
}

function mapSymbolic(transform: (text: string) => string): FunctionDefinition {
  return {
    acceptsUnresolved: true,
    apply: (args) => {
      arity(args, 1);
      const [value] = args;
      if (isUnresolved(value)) return value.withSymbol(value.symbol === undefined ? undefined : transform(value.symbol));
      return transform(stringArg(args, 0));
    },
  };
}

function stringFunction(args: TemplateValue[]): TemplateValue {
  arity(args, 1);
  const unknowns = unresolvedWithin(args[0]);
  if (isUnresolved(args[0])) return args[0];
  if (unknowns.length > 0) return mergeUnresolved(unknowns);
  return asText(args[0]);
}

export const STRING_FUNCTIONS: Record<string, FunctionDefinition> = {
  concat: { apply: concat, acceptsUnresolved: true },
  format: { apply: format, acceptsUnresolved: true },
  tolower: mapSymbolic((s) => s.toLowerCase()),
  toupper: mapSymbolic((s) => s.toUpperCase()),
  string: { apply: stringFunction, acceptsUnresolved: true },
  trim: { apply: (args) => (arity(args, 1), stringArg(args, 0).trim()) },
  split: {
    apply: (args) => {
      arity(args, 2);
      const text = stringArg(args, 0);
      const delimiters = Array.isArray(args[1]) ? args[1].map(asText) : [stringArg(args, 1)];
      return delimiters.reduce<string[]>((pieces, d) => pieces.flatMap((p) => p.split(d)), [text]);
    },
  },
  replace: { apply: (args) => (arity(args, 3), stringArg(args, 0).split(stringArg(args, 1)).join(stringArg(args, 2))) },
  substring: {
    apply: (args) => {
      arity(args, 1, 3);
      const text = stringArg(args, 0);
      const start = args.length > 1 ? integerArg(args, 1) : 0;
      const length = args.length > 2 ? integerArg(args, 2) : text.length - start;
      if (start < 0 || length < 0 || start + length > text.length) throw new TemplateFunctionError('index and length must lie inside the string');
      return text.substr(start, length);
    },
  },
  startswith: { apply: (args) => (arity(args, 2), stringArg(args, 0).toLowerCase().startsWith(stringArg(args, 1).toLowerCase())) },
  endswith: { apply: (args) => (arity(args, 2), stringArg(args, 0).toLowerCase().endsWith(stringArg(args, 1).toLowerCase())) },
  indexof: { apply: (args) => (arity(args, 2), stringArg(args, 0).toLowerCase().indexOf(stringArg(args, 1).toLowerCase())) },
  lastindexof: { apply: (args) => (arity(args, 2), stringArg(args, 0).toLowerCase().lastIndexOf(stringArg(args, 1).toLowerCase())) },
  padleft: {
    apply: (args) => {
      arity(args, 2, 3);
      const pad = args.length > 2 ? stringArg(args, 2) : ' ';
      return asText(args[0]).padStart(integerArg(args, 1), pad);
    },
  },
  json: {
    apply: (args) => {
      arity(args, 1);
      try {
        return JSON.parse(stringArg(args, 0)) as TemplateValue;
      } catch {
        throw new TemplateFunctionError('the argument is not valid JSON');
      }
    },
  },
};
