// What a Deep check run leaves on the current diagnosis, for the report and its Markdown: the
// result as runDeepCheck returned it, the step titles (so the renderers need nothing from
// src/azure at run time) and why a step did not run.
import type { DeepCheckResult, DeepStepId } from '../../azure/deep/deepCheck';

export interface DeepCheckRecord {
  result: DeepCheckResult;
  stepTitles: Readonly<Record<DeepStepId, string>>;
  /** Steps left out of this run, each with the reason shown to the user. */
  notRun: Partial<Record<DeepStepId, string>>;
}

export type KqlKey = keyof DeepCheckResult['kql'];

export const KQL_KEYS: readonly KqlKey[] = ['recent', 'failedLogins', 'azureDiagnosticsFallback'];

export function isKqlKey(value: unknown): value is KqlKey {
  return typeof value === 'string' && (KQL_KEYS as readonly string[]).includes(value);
}
