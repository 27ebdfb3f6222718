// How far copy loops are expanded: ARM's own per-loop limit; the template-wide budget (nested
// loops multiply) is the evaluation budget's.
import { EVALUATION_LIMITS } from '../budget';

/** ARM refuses a copy count above 800, for resource, property and variable loops alike. */
export const MAX_COPY_COUNT = 800;

/** Copy instances expanded per template, all loops together: the evaluation budget's loop instances. */
export const MAX_COPY_INSTANCES = EVALUATION_LIMITS.instances;

/** Why a copy count is not expanded, or undefined when it is a count ARM accepts. */
export function copyCountProblem(count: unknown): string | undefined {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return `count ${JSON.stringify(count)} is not a non-negative integer`;
  if (count > MAX_COPY_COUNT) return `count ${count} is above ARM's limit of ${MAX_COPY_COUNT}`;
  return undefined;
}
