// Evaluates HCL expressions to values. Names outside the local scope (var., local., resources,
// data., module.) go through a Namespace the module supplies, so each is looked up only when used.
import type { EvaluationBudget } from '../budget';
import type { Expr } from './ast';
import { callBuiltIn } from './functions';
import {
  Unknown, asBool, asNumber, asString, computedFrom, failure, firstUnknown, isObject, typeName, valuesEqual,
  type ObjectValue, type Value,
} from './values';

/** A name that is not a value by itself: `var`, `local`, `azurerm_subnet`, `data.azurerm_subnet`. */
export class Namespace {
  constructor(readonly label: string, readonly member: (name: string) => Value | Namespace) {}
}

export type Scope = ReadonlyMap<string, Value>;
export type RootResolver = (name: string) => Value | Namespace;

/** Resource instance objects: a missing attribute is "known after apply", not an error. */
const resourceAddresses = new WeakMap<object, string>();

export function markResourceInstance(object: ObjectValue, address: string): void {
  resourceAddresses.set(object, address);
}

/** Expressions that make new values (the rest only read, pass on, or compute a scalar). */
const PRODUCING = new Set<Expr['kind']>(['template', 'tuple', 'object', 'call', 'for']);

export class Evaluator {
  constructor(
    private readonly resolveRoot: RootResolver,
    /** Shared by the module: how much evaluation may produce and how deep it may nest. */
    readonly budget: EvaluationBudget,
  ) {}

  evaluate(expr: Expr, scope: Scope): Value {
    const result = this.evaluateAny(expr, scope);
    return result instanceof Namespace ? failure(`'${result.label}' cannot be used as a value`) : result;
  }

  private evaluateAny(expr: Expr, scope: Scope): Value | Namespace {
    const tooDeep = this.budget.enter();
    if (tooDeep) return new Unknown(tooDeep);
    try {
      const value = this.evaluateUnbounded(expr, scope);
      const refused = PRODUCING.has(expr.kind) && !(value instanceof Namespace) ? this.budget.refusal(value) : undefined;
      return refused ? new Unknown(refused) : value;
    } finally {
      this.budget.leave();
    }
  }

  private evaluateUnbounded(expr: Expr, scope: Scope): Value | Namespace {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'variable':
        return scope.has(expr.name) ? (scope.get(expr.name) as Value) : this.resolveRoot(expr.name);
      case 'getAttr':
        return this.getAttr(this.evaluateAny(expr.target, scope), expr.name);
      case 'index':
        return this.index(this.evaluate(expr.target, scope), this.evaluate(expr.key, scope));
      case 'splat':
        return this.splat(expr, scope);
      case 'template':
        return this.template(expr.parts, scope);
      case 'tuple':
        return expr.items.map((item) => this.evaluate(item, scope));
      case 'object':
        return this.object(expr.entries, scope);
      case 'call':
        return this.call(expr, scope);
      case 'conditional':
        return this.conditional(expr, scope);
      case 'binary':
        return plain(binaryOperation(expr.operator, this.evaluate(expr.left, scope), () => this.evaluate(expr.right, scope)));
      case 'unary':
        return plain(unaryOperation(expr.operator, this.evaluate(expr.operand, scope)));
      case 'for':
        return this.forExpression(expr, scope);
      case 'unsupported':
        return new Unknown(expr.reason);
    }
  }

  private getAttr(target: Value | Namespace, name: string): Value | Namespace {
    if (target instanceof Namespace) return target.member(name);
    if (target instanceof Unknown) return computedFrom(target);
    if (isObject(target)) {
      const address = resourceAddresses.get(target);
      if (name in target) {
        const value = target[name];
        return address && value instanceof Unknown ? new Unknown(value.reason, value.kind, { address, attribute: name }) : value;
      }
      return address ? new Unknown(`${address}.${name} is known only after apply`, 'unknown', { address, attribute: name }) : failure(`the object has no attribute "${name}"`);
    }
    if (Array.isArray(target)) return failure(`a list has no attribute "${name}" (use [*].${name} or an index)`);
    return failure(`a ${typeName(target)} has no attribute "${name}"`);
  }

  private index(target: Value, key: Value): Value {
    if (target instanceof Unknown) return computedFrom(target);
    if (key instanceof Unknown) return computedFrom(key);
    if (Array.isArray(target)) {
      const at = asNumber(key);
      if (at instanceof Unknown) return at;
      return at >= 0 && at < target.length && Number.isInteger(at) ? target[at] : failure(`index ${at} is out of range`);
    }
    if (isObject(target)) {
      const name = asString(key);
      if (name instanceof Unknown) return name;
      const address = resourceAddresses.get(target);
      if (name in target) return target[name];
      return address ? new Unknown(`${address}.${name} is known only after apply`) : failure(`the map has no key "${name}"`);
    }
    return failure(`a ${typeName(target)} cannot be indexed`);
  }

  private splat(expr: Extract<Expr, { kind: 'splat' }>, scope: Scope): Value {
    const target = this.evaluate(expr.target, scope);
    if (target instanceof Unknown) return computedFrom(target);
    const items = target === null ? [] : Array.isArray(target) ? target : [target];
    return items.map((item) => {
      let value: Value | Namespace = item;
      for (const step of expr.path) {
        value = step.kind === 'attr' ? this.getAttr(value, step.name) : this.index(value as Value, this.evaluate(step.key, scope));
      }
      return value instanceof Namespace ? failure('a namespace inside a splat') : value;
    });
  }

  private template(parts: (string | Expr)[], scope: Scope): Value {
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.evaluate(parts[0], scope);
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const value = asString(this.evaluate(part, scope));
      if (value instanceof Unknown) return computedFrom(value);
      text += value;
    }
    return text;
  }

  private object(entries: { key: Expr; value: Expr }[], scope: Scope): Value {
    const object: ObjectValue = {};
    for (const entry of entries) {
      const key = asString(this.evaluate(entry.key, scope));
      if (key instanceof Unknown) return computedFrom(key);
      object[key] = this.evaluate(entry.value, scope);
    }
    return object;
  }

  private conditional(expr: Extract<Expr, { kind: 'conditional' }>, scope: Scope): Value {
    const condition = asBool(this.evaluate(expr.condition, scope));
    if (!(condition instanceof Unknown)) return this.evaluate(condition ? expr.whenTrue : expr.whenFalse, scope);
    const whenTrue = this.evaluate(expr.whenTrue, scope);
    const whenFalse = this.evaluate(expr.whenFalse, scope);
    return !firstUnknown(whenTrue) && valuesEqual(whenTrue, whenFalse) ? whenTrue : computedFrom(condition);
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, scope: Scope): Value {
    if (expr.name === 'try') return this.tryArguments(expr.args, scope);
    if (expr.name === 'can') {
      const value = this.evaluate(expr.args[0] ?? { kind: 'literal', value: null, range: expr.range }, scope);
      const unknown = firstUnknown(value);
      return unknown ? (unknown.kind === 'error' ? false : computedFrom(unknown)) : true;
    }
    let args = expr.args.map((arg) => this.evaluate(arg, scope));
    if (expr.expandLast && args.length > 0) {
      const last = args[args.length - 1];
      if (last instanceof Unknown) return computedFrom(last);
      if (!Array.isArray(last)) return failure(`${expr.name}(...): the expanded argument is not a list`);
      args = [...args.slice(0, -1), ...last];
    }
    if (expr.name === 'coalesce') return plain(coalesce(args));
    const result = callBuiltIn(expr.name, args);
    return PASS_THROUGH_FUNCTIONS.has(expr.name) ? result : plain(result);
  }

  private tryArguments(args: Expr[], scope: Scope): Value {
    for (const arg of args) {
      const value = this.evaluate(arg, scope);
      const unknown = firstUnknown(value);
      if (!unknown || unknown.kind !== 'error') return value;
    }
    return failure('try(): no argument could be evaluated');
  }

  private forExpression(expr: Extract<Expr, { kind: 'for' }>, scope: Scope): Value {
    const collection = this.evaluate(expr.collection, scope);
    if (collection instanceof Unknown) return computedFrom(collection);
    let pairs: [Value, Value][];
    if (Array.isArray(collection)) pairs = collection.map((item, i) => [i, item]);
    else if (isObject(collection)) pairs = Object.keys(collection).sort().map((key) => [key, collection[key]]);
    else return failure(`a for expression cannot iterate a ${typeName(collection)}`);
    const tuple: Value[] = [];
    const object: Record<string, Value[]> = {};
    for (const [key, value] of pairs) {
      const inner = new Map(scope);
      inner.set(expr.valueVar, value);
      if (expr.keyVar) inner.set(expr.keyVar, key);
      if (expr.condition) {
        const keep = asBool(this.evaluate(expr.condition, inner));
        if (keep instanceof Unknown) return computedFrom(keep);
        if (!keep) continue;
      }
      const item = this.evaluate(expr.value, inner);
      if (expr.shape === 'tuple' || !expr.key) {
        tuple.push(item);
        continue;
      }
      const name = asString(this.evaluate(expr.key, inner));
      if (name instanceof Unknown) return computedFrom(name);
      (object[name] ??= []).push(item);
    }
    if (expr.shape === 'tuple') return tuple;
    const result: ObjectValue = {};
    for (const [key, items] of Object.entries(object)) {
      if (!expr.grouping && items.length > 1) return failure(`duplicate key "${key}" in a for expression`);
      result[key] = expr.grouping ? items : items[0];
    }
    return result;
  }
}

/** Functions whose result is one of their arguments unchanged: an instance attribute stays one. */
const PASS_THROUGH_FUNCTIONS = new Set(['one', 'tostring']);

function plain(value: Value): Value {
  return value instanceof Unknown ? computedFrom(value) : value;
}

function coalesce(args: Value[]): Value {
  for (const arg of args) {
    if (arg instanceof Unknown) return arg;
    if (arg !== null && arg !== '') return arg;
  }
  return failure('coalesce(): every argument is null or empty');
}

function arithmetic(operator: string, a: number, b: number): Value {
  switch (operator) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? failure('division by zero') : a / b;
    case '%': return b === 0 ? failure('division by zero') : a % b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return failure(`unknown operator ${operator}`);
  }
}

function binaryOperation(operator: string, left: Value, right: () => Value): Value {
  if (operator === '&&' || operator === '||') {
    const a = asBool(left);
    if (a === false && operator === '&&') return false;
    if (a === true && operator === '||') return true;
    const b = asBool(right());
    if (a instanceof Unknown) return a;
    return b;
  }
  const b = right();
  if (operator === '==' || operator === '!=') {
    const unknown = firstUnknown(left) ?? firstUnknown(b);
    if (unknown) return unknown;
    return operator === '==' ? valuesEqual(left, b) : !valuesEqual(left, b);
  }
  const x = asNumber(left);
  const y = asNumber(b);
  if (x instanceof Unknown) return x;
  if (y instanceof Unknown) return y;
  return arithmetic(operator, x, y);
}

function unaryOperation(operator: string, operand: Value): Value {
  if (operator === '!') {
    const value = asBool(operand);
    return value instanceof Unknown ? value : !value;
  }
  const value = asNumber(operand);
  return value instanceof Unknown ? value : -value;
}
