// Builds findings with the catalog's layer and the diagnosis context filled in.
import { CATALOG, type RuleId } from '../catalog';
import type { Evidence, Finding, Layer, ResourceRef, Severity } from '../findings';
import type { CheckContext } from './types';

export interface FindingInput {
  rule: RuleId;
  severity?: Severity;
  layer?: Layer;
  message: string;
  resource: ResourceRef;
  evidence?: Evidence[];
  fixes?: Finding['fixes'];
  flow?: Finding['flow'];
  related?: Finding['related'];
}

export function makeFinding(context: CheckContext, input: FindingInput): Finding {
  return findingFor({ bastionHostId: context.host?.id, virtualMachineId: context.vm?.id }, input);
}

/**
 * A finding with the catalog's defaults, about the (host, VM) pair it was found for. Shared by the
 * checks and by sources of findings outside the core (the deep checks).
 */
export function findingFor(target: { bastionHostId?: string; virtualMachineId?: string }, input: FindingInput): Finding {
  const metadata = CATALOG[input.rule];
  const finding: Finding = {
    rule: input.rule,
    severity: input.severity ?? metadata.defaultSeverity,
    layer: input.layer ?? metadata.layer,
    message: input.message,
    evidence: input.evidence ?? [],
    resource: input.resource,
    fixes: input.fixes ?? [],
  };
  if (input.flow) finding.flow = input.flow;
  if (input.related && input.related.length > 0) finding.related = input.related;
  const targetContext: Finding['context'] = {};
  if (target.bastionHostId) targetContext.bastionHostId = target.bastionHostId;
  if (target.virtualMachineId) targetContext.virtualMachineId = target.virtualMachineId;
  if (targetContext.bastionHostId || targetContext.virtualMachineId) finding.context = targetContext;
  return finding;
}

/** A check-incomplete finding: what could not be decided, and what would decide it. */
export function incomplete(context: CheckContext, layer: Layer, resource: ResourceRef, message: string, evidence: Evidence[] = []): Finding {
  return makeFinding(context, { rule: 'check-incomplete', layer, resource, message, evidence });
}

/**
 * The end of a message about a resource that was not read: what would decide the check: read access live, the template
 * that declares it in a lint (a template cannot be given more permissions).
 */
export function whatWouldDecide(context: CheckContext, liveAccess: string, object: 'it' | 'them'): string {
  return context.source === 'template'
    ? ` (the files linted do not declare it; linting them together with the template that does would decide ${object})`
    : `; ${liveAccess} would decide ${object}`;
}
