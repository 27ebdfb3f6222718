// Module declarations: local modules are read through the session and evaluated with the
// arguments passed; registry and template-spec modules are reported as not checked.
import { dirname, join, normalize } from 'node:path';
import type { UnresolvedField } from '../../../core/model';
import type { Expression, ModuleDeclaration } from '../syntax/ast';
import { evaluateFor, evaluateValue, type Locals } from './expressions';
import type { FileEvaluator } from './fileEvaluator';
import { unwrapBody } from './resources';
import { MAX_MODULE_DEPTH } from './session';
import { isPlainObject, isUnresolved, unresolved, type Evaluated, type ModuleHandle, type TemplateValue, Unresolved } from './values';

const REMOTE_PREFIX = /^(br|ts)[:/]/i;

export class ModuleSymbol {
  private listed: { items: ModuleInstance[]; unknown?: Unresolved } | undefined;

  constructor(
    readonly declaration: ModuleDeclaration,
    readonly owner: FileEvaluator,
  ) {}

  /** Why the module cannot be followed, or undefined when it can. */
  get blocker(): string | undefined {
    const path = this.declaration.path;
    if (REMOTE_PREFIX.test(path)) return `module '${this.declaration.name}' comes from a registry or template spec (${path}); its resources were not checked (lint its source to check them)`;
    if (this.owner.depth >= MAX_MODULE_DEPTH) return `module '${this.declaration.name}' is nested more than ${MAX_MODULE_DEPTH} levels deep; it was not followed`;
    const file = this.file;
    if (this.owner.stack.includes(file)) return `module '${this.declaration.name}' (${path}) calls itself through a cycle; it was not followed`;
    if (!this.owner.session.parsed(file)) return `the module file ${path} of module '${this.declaration.name}' was not among the files read; its resources were not checked`;
    return undefined;
  }

  get file(): string {
    return normalize(join(dirname(this.owner.file), this.declaration.path));
  }

  instances(): { items: ModuleInstance[]; unknown?: Unresolved } {
    this.listed ??= this.list();
    return this.listed;
  }

  asEvaluated(): Evaluated {
    const { items, unknown } = this.instances();
    if (this.declaration.value.kind === 'for') return { handle: 'collection', items, unknown };
    return items[0] ?? unresolved(`module '${this.declaration.name}' is not deployed (its condition is false)`);
  }

  private list(): { items: ModuleInstance[]; unknown?: Unresolved } {
    const value = this.declaration.value;
    const none: Locals = new Map();
    if (value.kind === 'for') {
      const made = evaluateFor(value, this.owner, none, (body, locals, filterUnknown) => new ModuleInstance(this, body, locals, conditionsFrom(filterUnknown)));
      return isUnresolved(made) ? { items: [], unknown: made } : { items: made };
    }
    if (value.kind === 'if') {
      const condition = evaluateValue(value.condition, this.owner, none);
      if (condition === false) return { items: [] };
      const unknown = condition === true ? undefined : isUnresolved(condition) ? condition : unresolved('the module condition is not a boolean');
      return { items: [new ModuleInstance(this, value.body, none, conditionsFrom(unknown))] };
    }
    return { items: [new ModuleInstance(this, value, none, [])] };
  }
}

function conditionsFrom(unknown: Unresolved | undefined): UnresolvedField[] {
  return (unknown?.reasons ?? []).map((reason) => ({ field: 'condition', reason: `deployed only if the module's condition holds: ${reason}` }));
}

export class ModuleInstance implements ModuleHandle {
  readonly handle = 'module' as const;
  private evaluator: FileEvaluator | Unresolved | undefined;

  constructor(
    readonly symbol: ModuleSymbol,
    readonly body: Expression,
    readonly locals: Locals,
    readonly conditions: UnresolvedField[],
  ) {}

  run(): FileEvaluator | Unresolved {
    if (this.evaluator) return this.evaluator;
    const blocker = this.symbol.blocker;
    if (blocker) {
      this.evaluator = unresolved(blocker);
      return this.evaluator;
    }
    const owner = this.symbol.owner;
    const file = owner.session.parsed(this.symbol.file);
    if (!file) {
      this.evaluator = unresolved(`module ${this.symbol.declaration.path} could not be read`);
      return this.evaluator;
    }
    const supplied = this.arguments();
    const conditions = [...owner.conditions, ...this.conditions];
    // Equal arguments deploy the same resources: the module is evaluated once (a fan-out of
    // modules calling modules stays linear).
    const key = JSON.stringify([file.path, [...supplied], conditions]);
    const earlier = owner.session.moduleRuns.get(key);
    if (earlier) {
      this.evaluator = earlier;
      return earlier;
    }
    const overBudget = owner.session.budget.moduleCall();
    if (overBudget) {
      owner.session.problem(owner.file, this.symbol.declaration.range, `Module '${this.symbol.declaration.name}' was not followed: ${overBudget}`);
      this.evaluator = unresolved(overBudget);
      return this.evaluator;
    }
    const child = owner.child(file, supplied, conditions, this.symbol.declaration.name);
    owner.session.moduleRuns.set(key, child);
    this.evaluator = child;
    child.run();
    return child;
  }

  output(name: string): TemplateValue {
    const evaluator = this.run();
    return evaluator instanceof Unresolved ? evaluator : evaluator.output(name);
  }

  private arguments(): Map<string, TemplateValue> {
    const supplied = new Map<string, TemplateValue>();
    const object = unwrapBody(this.body);
    const params = object?.properties.find((p) => p.key === 'params');
    if (!params) return supplied;
    const value = evaluateValue(params.value, this.symbol.owner, this.locals);
    if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) supplied.set(key, item);
    return supplied;
  }
}
