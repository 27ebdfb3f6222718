// Findings made by the deep checks, with the catalog's defaults and the diagnosis context, and
// the check-incomplete findings for deep calls that could not run.
import type { RuleId } from '../../core/catalog';
import { findingFor } from '../../core/checks/finding';
import type { Evidence, Finding, Fix, Layer, ResourceRef, Severity } from '../../core/findings';
import { buildFix } from '../../core/fixes/index';
import { parseResourceId } from '../../core/resourceId';
import { isAbortError, readFailureFinding, statusOf, type ReadTarget } from '../errors';

export interface DeepContext {
  bastionHostId?: string;
  virtualMachineId?: string;
}

export interface DeepFindingInput {
  rule: RuleId;
  message: string;
  resource: ResourceRef;
  severity?: Severity;
  layer?: Layer;
  evidence?: Evidence[];
  fixes?: Fix[];
}

export function deepFinding(context: DeepContext, input: DeepFindingInput): Finding {
  return findingFor(context, input);
}

export function armRef(id: string, type: string, name?: string): ResourceRef {
  return { id, name: name ?? (parseResourceId(id).name || id), type, origin: { kind: 'arm', id } };
}

/** A deep check that could not run for a reason known before calling (VM stopped, no Network Watcher). */
export function prerequisiteMissing(context: DeepContext, resource: ResourceRef, layer: Layer, message: string, evidence: Evidence[] = []): Finding {
  return deepFinding(context, { rule: 'check-incomplete', layer, resource, message, evidence });
}

/** A manual fix: the steps a person takes, rendered for every language that applies. */
export function manualFix(title: string, steps: string[]): Fix {
  return buildFix(title, { kind: 'manual', steps });
}

export class DeepStepTimeout extends Error {
  override readonly name = 'DeepStepTimeout';
}

/**
 * The finding for a deep call that failed: a timeout or an ARM error (403 names the action).
 * A user cancellation, a lost sign-in or no network is rethrown: those stop the whole run.
 */
export function deepFailureFinding(context: DeepContext, error: unknown, target: ReadTarget, endpoint: string): Finding {
  if (error instanceof DeepStepTimeout) {
    return prerequisiteMissing(context, armRef(target.id, target.type, target.name), target.layer,
      `${capitalise(target.kind)} ${target.name} did not answer within ${error.message}, so ${target.decides} could not be checked; run the deep check again.`);
  }
  if (isAbortError(error)) throw error;
  const finding = readFailureFinding(error, target, endpoint);
  const status = statusOf(error);
  if (status === 403) {
    const { subscriptionId } = parseResourceId(target.id);
    finding.message = `${capitalise(target.kind)} ${target.name} was denied (403): the signed-in identity lacks ${target.action}${subscriptionId ? ` in subscription ${subscriptionId}` : ''}, which the Reader role does not grant, so ${target.decides} could not be checked.`;
  } else if (status === 404) {
    finding.message = `${capitalise(target.kind)} ${target.name} answered 404 (${target.id} not found), so ${target.decides} could not be checked.`;
  }
  if (context.bastionHostId || context.virtualMachineId) finding.context = { ...context };
  return finding;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
