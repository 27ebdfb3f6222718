// One evaluation budget per lint of a template (ARM, Bicep, Terraform): how much a small file may
// make the evaluator produce before it stops. Values can share parts (`concat(v, v)`, a variable
// used twice), so a value's size is counted as written out in full: 30 doublings of a one-item
// array are a billion items, whatever the heap holds. Past a limit the value becomes unresolved
// with a reason naming the limit, so what depends on it is check-incomplete, never a crash.
import { type TemplateValue, unresolved, Unresolved } from './arm/expression/value';
import type { ParseDiagnostic } from './source';

const FILE_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const EVALUATION_LIMITS = {
  /**
   * Items, properties and string characters (per 64) of one value written out in full. A 1 MB
   * ARM template is about 100,000 of them; ARM itself refuses a template above 4 MB expanded.
   */
  valueSize: 1_000_000,
  /** The same, summed over every value the lint creates: the total work, not just the largest value. */
  produced: 20_000_000,
  /** Nested expressions or calls being evaluated at once (a real template nests a few dozen). */
  depth: 500,
  /**
   * Loop instances (ARM copy, Bicep `for`, Terraform count/for_each), all loops together. ARM caps
   * a template at 4 MB after expansion; a rule, subnet or resource takes a few hundred bytes of
   * it, so a template that ARM would deploy stays well below this.
   */
  instances: 20_000,
  /** Module or nested-deployment calls evaluated per lint (calls with equal arguments count once). */
  moduleCalls: 500,
} as const;

/** Characters of a string that count as one value: names and ids are one, a script body a few. */
const CHARACTERS_PER_VALUE = 64;

export function limitReason(what: string): string {
  return `evaluation stopped: ${what} (a limit that keeps a small file from expanding without bound)`;
}

export class EvaluationBudget {
  private produced = 0;
  private depth = 0;
  private moduleCalls = 0;
  private instancesLeft: number = EVALUATION_LIMITS.instances;
  /** Sizes of values already counted; values are immutable once made. A Map: it lives for one lint, and is faster than a WeakMap. */
  private readonly sizes = new Map<object, number>();
  /** The first limit reached, reported once for the whole source. */
  exceeded: string | undefined;
  /** Set once the total is spent: from then on every new value is unresolved. */
  private spent: string | undefined;

  /**
   * Counts a value just made; returns it, or an Unresolved naming the limit when it (or all values
   * so far) is past the budget. Only the parts not seen before are walked.
   */
  admit<T extends TemplateValue>(value: T): T | Unresolved {
    const refused = this.refusal(value);
    return refused ? unresolved(refused) : value;
  }

  /** Counts a value just made (of any format's value type); why it must not be used when past the budget. */
  refusal(value: unknown): string | undefined {
    if (this.spent) return this.spent;
    const size = this.sizeOf(value, EVALUATION_LIMITS.valueSize);
    if (this.spent) return this.spent;
    if (size > EVALUATION_LIMITS.valueSize) return this.note(limitReason(`a value would have more than ${EVALUATION_LIMITS.valueSize.toLocaleString('en-US')} items, properties or characters/${CHARACTERS_PER_VALUE}`));
    return undefined;
  }

  /** Runs `evaluate` one level deeper; past the depth limit the result is unresolved instead. */
  nested<T>(evaluate: () => T, tooDeep: (reason: string) => T): T {
    const refused = this.enter();
    if (refused) return tooDeep(refused);
    try {
      return evaluate();
    } finally {
      this.leave();
    }
  }

  /** One level deeper (pair with leave()); the reason not to go on when past the depth limit. No closure: for hot loops. */
  enter(): string | undefined {
    if (this.depth >= EVALUATION_LIMITS.depth) return this.note(limitReason(`expressions are nested more than ${EVALUATION_LIMITS.depth} deep`));
    this.depth++;
    return undefined;
  }

  leave(): void {
    this.depth--;
  }

  /** Reserves `count` loop instances; the reason they are not expanded when past the limit (nothing reserved then). */
  instances(count: number): string | undefined {
    if (count > this.instancesLeft) return this.note(limitReason(`its ${count} instances would take the template past ${EVALUATION_LIMITS.instances} expanded loop instances, more than ARM deploys`));
    this.instancesLeft -= count;
    return undefined;
  }

  /** Reserves one module or nested-deployment call; the reason it is not followed when past the limit. */
  moduleCall(): string | undefined {
    if (this.moduleCalls >= EVALUATION_LIMITS.moduleCalls) return this.note(limitReason(`more than ${EVALUATION_LIMITS.moduleCalls} module deployments`));
    this.moduleCalls++;
    return undefined;
  }

  private note(reason: string): string {
    this.exceeded ??= reason;
    return reason;
  }

  /** The written-out size of `value`, walking at most until `cap` is passed. */
  private sizeOf(value: unknown, cap: number): number {
    if (typeof value === 'string') return 1 + Math.floor(value.length / CHARACTERS_PER_VALUE);
    if (typeof value !== 'object' || value === null || !isContainer(value)) return 1;
    const known = this.sizes.get(value);
    if (known !== undefined) return known;
    let size = 1;
    const parts: unknown[] = Array.isArray(value) ? value : Object.values(value);
    for (const part of parts) {
      size += this.sizeOf(part, cap - size);
      if (size > cap) break;
    }
    if (size <= cap) this.sizes.set(value, size);
    // New parts are work done; a part already counted is a shared reference, not a copy.
    this.produced += parts.length;
    if (this.produced > EVALUATION_LIMITS.produced) {
      this.spent = this.note(limitReason(`more than ${EVALUATION_LIMITS.produced.toLocaleString('en-US')} values were produced`));
      return Number.POSITIVE_INFINITY;
    }
    return size;
  }
}

/** An array or plain object; an unknown marker (a class instance) counts as one value. */
function isContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The limit a source reached, as one check-incomplete diagnostic at the top of `file` (none when within budget). */
export function budgetDiagnostics(budget: EvaluationBudget, file: string, label = file): ParseDiagnostic[] {
  if (!budget.exceeded) return [];
  return [{ file, range: FILE_START, message: `${label}: ${budget.exceeded}; what depends on it was not checked` }];
}
