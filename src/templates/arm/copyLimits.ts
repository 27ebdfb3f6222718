// How far copy loops are expanded: ARM's own per-loop limit, and a template-wide budget so nested
// loops (which multiply) cannot turn a small file into millions of evaluated instances.

/** ARM refuses a copy count above 800, for resource, property and variable loops alike. */
export const MAX_COPY_COUNT = 800;

/**
 * Copy instances expanded per template, all loops together. ARM caps a template at 4 MB after
 * expansion; a security rule, subnet or resource takes a few hundred bytes of it, so a template
 * that ARM would deploy stays well below this.
 */
export const MAX_COPY_INSTANCES = 20_000;

export class CopyBudget {
  private remaining = MAX_COPY_INSTANCES;

  /** Reserves `count` instances; false (nothing reserved) when the template's budget cannot cover them. */
  take(count: number): boolean {
    if (count > this.remaining) return false;
    this.remaining -= count;
    return true;
  }
}

/** Why a copy count is not expanded, or undefined when it is a count ARM accepts. */
export function copyCountProblem(count: unknown): string | undefined {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return `count ${JSON.stringify(count)} is not a non-negative integer`;
  if (count > MAX_COPY_COUNT) return `count ${count} is above ARM's limit of ${MAX_COPY_COUNT}`;
  return undefined;
}

export function budgetExceeded(count: number): string {
  return `its ${count} instances would take the template past ${MAX_COPY_INSTANCES} expanded copy instances, more than ARM deploys`;
}
