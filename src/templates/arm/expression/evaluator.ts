// Evaluates a parsed expression against a context. Never throws: what it cannot decide becomes Unresolved.
import type { Expression } from './ast';
import { ExpressionSyntaxError } from './ast';
import type { EvaluationContext } from './context';
import { TemplateFunctionError } from './context';
import { TEMPLATE_FUNCTIONS } from './functions';
import { classifyTemplateString, excerpt, parseExpression } from './parser';
import { isPlainObject, isUnresolved, mergeUnresolved, type TemplateValue, unresolved, Unresolved } from './value';

/** Evaluates a JSON string from a template: a literal stays as written, `[...]` is evaluated. */
export function evaluateTemplateString(raw: string, context: EvaluationContext): TemplateValue {
  // Most strings are literals: only a leading `[` can start an expression.
  if (raw.charCodeAt(0) !== 0x5b) return raw;
  const parsed = parsedExpression(raw);
  if (typeof parsed === 'string') return parsed;
  return parsed instanceof ExpressionSyntaxError ? unresolved(`the expression '${excerpt(raw)}' is malformed: ${parsed.message}`) : evaluateExpression(parsed, context);
}

/**
 * Copy loops and repeated resources evaluate the same expression text many times; its syntax tree
 * is parsed once. Bounded (in entries and text length) so an editor session does not keep every expression it ever saw.
 */
const PARSED_CACHE_LIMIT = 10_000;
const CACHED_TEXT_LIMIT = 2_000;
const parsedCache = new Map<string, Expression | ExpressionSyntaxError | string>();

function parsedExpression(raw: string): Expression | ExpressionSyntaxError | string {
  const cached = parsedCache.get(raw);
  if (cached !== undefined) return cached;
  const classified = classifyTemplateString(raw);
  let parsed: Expression | ExpressionSyntaxError | string;
  if (classified.kind === 'literal') {
    parsed = classified.value;
  } else {
    try {
      parsed = parseExpression(classified.text);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      parsed = error;
    }
  }
  if (raw.length > CACHED_TEXT_LIMIT) return parsed;
  if (parsedCache.size >= PARSED_CACHE_LIMIT) parsedCache.clear();
  parsedCache.set(raw, parsed);
  return parsed;
}

export function evaluateExpression(expression: Expression, context: EvaluationContext): TemplateValue {
  switch (expression.kind) {
    case 'string':
    case 'number':
      return expression.value;
    case 'property':
      return accessMember(evaluateExpression(expression.target, context), expression.name);
    case 'index':
      return accessMember(evaluateExpression(expression.target, context), evaluateExpression(expression.index, context));
    case 'call':
      return evaluateCall(expression.name, expression.args, context);
  }
}

function evaluateCall(name: string, argExpressions: Expression[], context: EvaluationContext): TemplateValue {
  const key = name.toLowerCase().replace(/^sys\./, '');
  // if() evaluates only the branch it takes, as ARM does.
  if (key === 'if') return evaluateIf(argExpressions, context);
  const definition = TEMPLATE_FUNCTIONS[key];
  if (!definition) return unresolved(`the template function '${name}' is not evaluated by Bastion Doctor`);
  const args = argExpressions.map((arg) => evaluateExpression(arg, context));
  if (!definition.acceptsUnresolved) {
    const unknowns = args.filter(isUnresolved);
    if (unknowns.length > 0) return mergeUnresolved(unknowns);
  }
  try {
    return definition.apply(args, context);
  } catch (error) {
    if (error instanceof TemplateFunctionError) return unresolved(`${name}(): ${error.message}`);
    throw error;
  }
}

function evaluateIf(argExpressions: Expression[], context: EvaluationContext): TemplateValue {
  if (argExpressions.length !== 3) return unresolved('if() takes exactly three arguments');
  const condition = evaluateExpression(argExpressions[0], context);
  if (typeof condition === 'boolean') return evaluateExpression(argExpressions[condition ? 1 : 2], context);
  const whenTrue = evaluateExpression(argExpressions[1], context);
  const whenFalse = evaluateExpression(argExpressions[2], context);
  if (!isUnresolved(whenTrue) && !isUnresolved(whenFalse) && JSON.stringify(whenTrue) === JSON.stringify(whenFalse)) return whenTrue;
  if (isUnresolved(condition)) return new Unresolved(condition.reasons);
  return unresolved(`if() needs a boolean condition, got ${JSON.stringify(condition)}`);
}

function accessMember(target: TemplateValue, member: TemplateValue): TemplateValue {
  if (isUnresolved(target)) return new Unresolved(target.reasons);
  if (isUnresolved(member)) return new Unresolved(member.reasons);
  if (Array.isArray(target) && typeof member === 'number') {
    return member >= 0 && member < target.length ? target[member] : unresolved(`index ${member} is outside an array of ${target.length}`);
  }
  if (isPlainObject(target) && typeof member === 'string') {
    if (member in target) return target[member];
    // Property names in ARM are case-insensitive.
    const match = Object.keys(target).find((k) => k.toLowerCase() === member.toLowerCase());
    return match !== undefined ? target[match] : unresolved(`the object has no property '${member}'`);
  }
  return unresolved(`cannot read ${JSON.stringify(member)} of ${JSON.stringify(target)}`);
}
