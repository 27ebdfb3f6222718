// Evaluates Bicep expressions. Never throws: what the file alone cannot decide becomes Unresolved
// with a reason, and operations on it stay unresolved (keeping a symbol while only text is joined).
import type { SourceRange } from '../../../core/model';
import type { EvaluationBudget } from '../../budget';
import { templateEquals, mergeUnresolved, unresolvedWithin } from '../../arm/expression/value';
import { joinSymbolic } from '../../arm/expression/functions/strings';
import type { ArrayExpression, BinaryExpression, Expression, ForExpression, ObjectExpression, SpreadExpression, TernaryExpression } from '../syntax/ast';
import { evaluateCall } from './functions';
import type { ValueOrigins } from './origins';
import { isHandle, isPlainObject, isUnresolved, materialize, unresolved, type Evaluated, type TemplateValue } from './values';
import { Unresolved } from './values';
import type { Origin } from '../../../core/model';
import type { ResourceHandle } from './values';

export type Locals = ReadonlyMap<string, Evaluated>;

export interface EvaluationScope {
  readonly file: string;
  /** Shared by every file of the lint: how much evaluation may produce and how deep it may nest. */
  readonly budget: EvaluationBudget;
  readonly origins: ValueOrigins;
  /** A param, var, resource, module or output symbol of the file. */
  lookup(name: string): Evaluated | undefined;
  /** Why a call is not evaluated when it names a user-defined function; undefined for anything else. */
  userFunction?(name: string, namespace?: string): string | undefined;
  sourceText(range: SourceRange): string;
}

export function evaluateValue(expression: Expression, scope: EvaluationScope, locals: Locals): TemplateValue {
  return materialize(evaluate(expression, scope, locals));
}

export function evaluate(expression: Expression, scope: EvaluationScope, locals: Locals): Evaluated {
  return scope.budget.nested(() => {
    const value = evaluateUnbounded(expression, scope, locals);
    return PRODUCING.has(expression.kind) && !isHandle(value) ? scope.budget.admit(value) : value;
  }, unresolved);
}

/** Expressions that make new values (the rest only read, pass on, or compute a scalar). */
const PRODUCING = new Set<Expression['kind']>(['string', 'object', 'array', 'call', 'for']);

function evaluateUnbounded(expression: Expression, scope: EvaluationScope, locals: Locals): Evaluated {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'string':
      return interpolate(expression.segments, expression.holes.map((h) => evaluateValue(h, scope, locals)));
    case 'identifier':
      return identifier(expression.name, scope, locals);
    case 'object':
      return evaluateObject(expression, scope, locals);
    case 'array':
      return evaluateArray(expression, scope, locals);
    case 'member':
      return member(evaluate(expression.target, scope, locals), expression.name, expression.safe);
    case 'nested': {
      const target = evaluate(expression.target, scope, locals);
      return isHandle(target) && target.handle === 'resource' ? target.nested(expression.name) : unresolved(`'${expression.name}' is not a nested resource`);
    }
    case 'index':
      return index(evaluate(expression.target, scope, locals), evaluateValue(expression.index, scope, locals), expression.safe);
    case 'call':
      return evaluateCall(expression, scope, locals);
    case 'unary':
      return unary(expression.operator, evaluateValue(expression.operand, scope, locals));
    case 'nonNull':
      return evaluate(expression.operand, scope, locals);
    case 'binary':
      return binary(expression, scope, locals);
    case 'ternary':
      return ternary(expression, scope, locals);
    case 'for':
      return evaluateFor(expression, scope, locals, (body, itemLocals) => evaluateValue(body, scope, itemLocals));
    case 'if': {
      const condition = evaluateValue(expression.condition, scope, locals);
      return condition === false ? null : evaluate(expression.body, scope, locals);
    }
    case 'lambda':
      return unresolved('a lambda is only evaluated as the argument of filter() or map()');
    case 'spread':
      return unresolved('a spread (...) is only read inside an array or an object');
    case 'error':
      return unresolved(`the expression at line ${expression.range.start.line + 1} does not parse`);
  }
}

function identifier(name: string, scope: EvaluationScope, locals: Locals): Evaluated {
  if (locals.has(name)) return locals.get(name) ?? null;
  const symbol = scope.lookup(name);
  return symbol === undefined ? unresolved(`'${name}' is not declared in ${scope.file}`) : symbol;
}

function fileOrigin(scope: EvaluationScope, range: SourceRange): Origin {
  return { kind: 'file', file: scope.file, range };
}

function record<T extends object>(scope: EvaluationScope, range: SourceRange, value: T, properties?: Map<string, Origin>): T {
  scope.origins.record(value, fileOrigin(scope, range), properties);
  return value;
}

export function evaluateObject(expression: ObjectExpression, scope: EvaluationScope, locals: Locals): TemplateValue {
  const value: { [key: string]: TemplateValue } = {};
  const propertyOrigins = new Map<string, Origin>();
  const spreads = expression.spreads;
  let nextSpread = 0;
  // Spreads and properties in written order: a later one overrides an earlier one.
  const spreadUpTo = (count: number): Unresolved | undefined => {
    for (; nextSpread < spreads.length && spreads[nextSpread].before <= count; nextSpread++) {
      const { spread } = spreads[nextSpread];
      const spreadValue = spreadOperand(spread, scope, locals, 'object');
      if (isUnresolved(spreadValue)) return spreadValue;
      for (const [key, item] of Object.entries(spreadValue)) {
        value[key] = item;
        propertyOrigins.set(key, fileOrigin(scope, spread.range));
      }
    }
    return undefined;
  };
  for (const [i, property] of expression.properties.entries()) {
    const unknownSpread = spreadUpTo(i);
    if (unknownSpread) return unknownSpread;
    const key = typeof property.key === 'string' ? property.key : evaluateValue(property.key, scope, locals);
    if (typeof key !== 'string') continue;
    value[key] = evaluateValue(property.value, scope, locals);
    propertyOrigins.set(key, fileOrigin(scope, property.range));
  }
  const unknownSpread = spreadUpTo(Number.POSITIVE_INFINITY);
  if (unknownSpread) return unknownSpread;
  return record(scope, expression.range, value, propertyOrigins);
}

function evaluateArray(expression: ArrayExpression, scope: EvaluationScope, locals: Locals): TemplateValue {
  const items: TemplateValue[] = [];
  for (const item of expression.items) {
    if (item.kind !== 'spread') {
      items.push(evaluateValue(item, scope, locals));
      continue;
    }
    const spreadValue = spreadOperand(item, scope, locals, 'array');
    if (isUnresolved(spreadValue)) return spreadValue;
    items.push(...spreadValue);
  }
  return record(scope, expression.range, items);
}

/**
 * `...(cond ? { a: 1 } : {})` with an unknown condition: only the branches' keys can be set, so
 * the others stay known; a key the branches disagree on is unknown.
 */
function eitherBranch(expression: TernaryExpression, unknown: Unresolved, scope: EvaluationScope, locals: Locals): { [key: string]: TemplateValue } | undefined {
  const whenTrue = evaluateValue(expression.whenTrue, scope, locals);
  const whenFalse = evaluateValue(expression.whenFalse, scope, locals);
  if (!isPlainObject(whenTrue) || !isPlainObject(whenFalse)) return undefined;
  const merged: { [key: string]: TemplateValue } = {};
  for (const key of new Set([...Object.keys(whenTrue), ...Object.keys(whenFalse)])) {
    const same = key in whenTrue && key in whenFalse && templateEquals(whenTrue[key], whenFalse[key]);
    merged[key] = same ? whenTrue[key] : mergeUnresolved([unresolved(`'${key}' is set only on one side of ${scope.sourceText(expression.condition.range)}`), unknown]);
  }
  return merged;
}

/**
 * What a spread contributes. When it is not known, neither is the object or array around it:
 * any property (or item) could come from it, so none can be said to be absent.
 */
function spreadOperand(spread: SpreadExpression, scope: EvaluationScope, locals: Locals, into: 'object'): { [key: string]: TemplateValue } | Unresolved;
function spreadOperand(spread: SpreadExpression, scope: EvaluationScope, locals: Locals, into: 'array'): TemplateValue[] | Unresolved;
function spreadOperand(spread: SpreadExpression, scope: EvaluationScope, locals: Locals, into: 'object' | 'array'): { [key: string]: TemplateValue } | TemplateValue[] | Unresolved {
  const value = evaluateValue(spread.operand, scope, locals);
  const text = scope.sourceText(spread.range);
  if (isUnresolved(value) && into === 'object' && spread.operand.kind === 'ternary') {
    const either = eitherBranch(spread.operand, value, scope, locals);
    if (either) return either;
  }
  if (isUnresolved(value)) return mergeUnresolved([unresolved(`the ${into} spreads ${text}, which is not known`), value]);
  if (into === 'object' && isPlainObject(value)) return value;
  if (into === 'array' && Array.isArray(value)) return value;
  return unresolved(`${text} is not an ${into} and cannot be spread into one`);
}

export function interpolate(segments: readonly string[], holes: readonly TemplateValue[]): TemplateValue {
  if (holes.length === 0) return segments.join('');
  const parts: TemplateValue[] = [];
  segments.forEach((segment, i) => {
    parts.push(segment);
    if (i < holes.length) parts.push(holes[i]);
  });
  return joinSymbolic(parts, (part) => (typeof part === 'string' ? part : part === null ? '' : typeof part === 'object' ? JSON.stringify(part) : String(part)));
}

function member(target: Evaluated, name: string, safe: boolean): Evaluated {
  if (isHandle(target)) {
    if (target.handle === 'module') return name === 'outputs' ? { handle: 'outputs', module: target } : unresolved(`a module has no property '${name}' the diagnosis reads`);
    if (target.handle === 'outputs') return target.module.output(name);
    if (target.handle === 'resource') return resourceMember(target, name);
    return unresolved(`'${name}' of a resource or module collection needs an index`);
  }
  return index(target, name, safe);
}

function resourceMember(target: ResourceHandle, name: string): Evaluated {
  const identity = target.identity();
  switch (name) {
    case 'id':
      return identity.id;
    case 'name':
      return identity.ownName;
    case 'type':
      return identity.type;
    case 'apiVersion':
      return identity.apiVersion ?? null;
    default:
      if (target.existing) {
        return unresolved(`'${identity.ownName as string}' is an existing resource; its ${name} is not in the template`);
      }
      return index(target.body(), name, true);
  }
}

function index(target: Evaluated, key: TemplateValue, safe: boolean): Evaluated {
  if (isHandle(target)) {
    if (target.handle !== 'collection' || typeof key !== 'number') return unresolved('a resource or module is indexed with a non-number');
    if (target.unknown) return target.unknown;
    return target.items[key] ?? unresolved(`index ${key} is outside the loop's ${target.items.length} instances`);
  }
  if (isUnresolved(target)) return target;
  if (isUnresolved(key)) return key;
  if (Array.isArray(target) && typeof key === 'number') {
    return key >= 0 && key < target.length ? target[key] : safe ? null : unresolved(`index ${key} is outside an array of ${target.length}`);
  }
  if (isPlainObject(target) && typeof key === 'string') {
    if (key in target) return target[key];
    const match = Object.keys(target).find((k) => k.toLowerCase() === key.toLowerCase());
    if (match !== undefined) return target[match];
    return safe ? null : unresolved(`the property '${key}' does not exist`);
  }
  return safe && target === null ? null : unresolved(`cannot read ${JSON.stringify(key)} of ${target === null ? 'null' : typeof target}`);
}

function unary(operator: '!' | '-', operand: TemplateValue): TemplateValue {
  if (isUnresolved(operand)) return operand.withSymbol(undefined);
  if (operator === '!' && typeof operand === 'boolean') return !operand;
  if (operator === '-' && typeof operand === 'number') return -operand;
  return unresolved(`'${operator}' does not apply to ${JSON.stringify(operand)}`);
}

function binary(expression: BinaryExpression, scope: EvaluationScope, locals: Locals): TemplateValue {
  const left = evaluateValue(expression.left, scope, locals);
  const op = expression.operator;
  // Short-circuits decide even when the other side is unknown.
  if (op === '&&' && left === false) return false;
  if (op === '||' && left === true) return true;
  if (op === '??' && !isUnresolved(left)) return left === null ? evaluateValue(expression.right, scope, locals) : left;
  const right = evaluateValue(expression.right, scope, locals);
  if (op === '&&' && right === false) return false;
  if (op === '||' && right === true) return true;
  const unknowns = [left, right].filter(isUnresolved);
  if (unknowns.length > 0) return mergeUnresolved(unknowns);
  return applyBinary(op, left, right);
}

function applyBinary(op: BinaryExpression['operator'], left: TemplateValue, right: TemplateValue): TemplateValue {
  switch (op) {
    case '==':
      return templateEquals(left, right);
    case '!=':
      return !templateEquals(left, right);
    case '=~':
    case '!~': {
      const equal = typeof left === 'string' && typeof right === 'string' ? left.toLowerCase() === right.toLowerCase() : templateEquals(left, right);
      return op === '=~' ? equal : !equal;
    }
    case '&&':
    case '||':
      if (typeof left === 'boolean' && typeof right === 'boolean') return op === '&&' ? left && right : left || right;
      break;
    case '??':
      return left ?? right;
    default:
      if (typeof left === 'number' && typeof right === 'number') return arithmetic(op, left, right);
      if (typeof left === 'string' && typeof right === 'string' && ['<', '>', '<=', '>='].includes(op)) return compare(op, left, right);
  }
  return unresolved(`'${op}' does not apply to ${JSON.stringify(left)} and ${JSON.stringify(right)}`);
}

function arithmetic(op: string, a: number, b: number): TemplateValue {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? unresolved('division by zero') : Math.trunc(a / b);
    case '%':
      return b === 0 ? unresolved('division by zero') : a % b;
    default:
      return compare(op, a, b);
  }
}

function compare(op: string, a: number | string, b: number | string): boolean {
  if (op === '<') return a < b;
  if (op === '>') return a > b;
  if (op === '<=') return a <= b;
  return a >= b;
}

function ternary(expression: TernaryExpression, scope: EvaluationScope, locals: Locals): Evaluated {
  const condition = evaluateValue(expression.condition, scope, locals);
  if (condition === true) return evaluate(expression.whenTrue, scope, locals);
  if (condition === false) return evaluate(expression.whenFalse, scope, locals);
  const whenTrue = evaluateValue(expression.whenTrue, scope, locals);
  const whenFalse = evaluateValue(expression.whenFalse, scope, locals);
  // Both branches agree: the condition does not matter.
  if (!isUnresolved(whenTrue) && templateEquals(whenTrue, whenFalse)) return whenTrue;
  const reasons = isUnresolved(condition) ? [condition] : [unresolved(`the condition ${scope.sourceText(expression.condition.range)} is not a boolean`)];
  return mergeUnresolved([...reasons, ...unresolvedWithin(whenTrue), ...unresolvedWithin(whenFalse)]);
}

/** `[for ...]` over a known array (or `range()`), the filter applied; an unknown filter keeps the item. */
export function evaluateFor<T>(
  expression: ForExpression,
  scope: EvaluationScope,
  locals: Locals,
  produce: (body: Expression, locals: Locals, filterUnknown: Unresolved | undefined) => T,
): T[] | Unresolved {
  const source = evaluateValue(expression.source, scope, locals);
  if (isUnresolved(source)) return source;
  const items: TemplateValue[] | undefined = Array.isArray(source) ? source : isPlainObject(source) ? Object.entries(source).map(([key, value]) => ({ key, value })) : undefined;
  if (!items) return unresolved(`the loop source ${scope.sourceText(expression.source.range)} is not an array`);
  const overBudget = scope.budget.instances(items.length);
  if (overBudget) return unresolved(`the loop ${scope.sourceText(expression.range)} was not expanded: ${overBudget}`);
  const results: T[] = [];
  items.forEach((item, i) => {
    const itemLocals = new Map(locals);
    if (expression.itemName) itemLocals.set(expression.itemName, item);
    if (expression.indexName) itemLocals.set(expression.indexName, i);
    const filter = expression.filter ? evaluateValue(expression.filter, scope, itemLocals) : true;
    if (filter === false) return;
    const filterUnknown = filter === true ? undefined : isUnresolved(filter) ? filter : unresolved('the loop filter is not a boolean');
    results.push(produce(expression.body, itemLocals, filterUnknown));
  });
  return results;
}

export { Unresolved };
