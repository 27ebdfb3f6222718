// Sorts the parts of an evaluated flow into what each means for a required flow.
import type { FlowEvaluation, FlowPart, RuleRef } from '../nsg/types';

export interface ClassifiedFlow {
  /** Allowed by an explicit custom allow: compliant. */
  explicitlyAllowed: FlowPart[];
  /** Allowed only by one of Azure's default rules. */
  defaultAllowed: FlowPart[];
  /** Denied with no explicit allow behind the deny. */
  denied: FlowPart[];
  /** Denied although an explicit allow matches further down: the allow is shadowed. */
  shadowed: { part: FlowPart; deny: RuleRef; allows: RuleRef[] }[];
  unknown: FlowPart[];
}

export function classifyFlow(evaluation: FlowEvaluation): ClassifiedFlow {
  const result: ClassifiedFlow = { explicitlyAllowed: [], defaultAllowed: [], denied: [], shadowed: [], unknown: [] };
  for (const part of evaluation.parts) {
    if (part.verdict === 'unknown') result.unknown.push(part);
    else if (part.verdict === 'allow') (part.decidedBy?.isDefault ? result.defaultAllowed : result.explicitlyAllowed).push(part);
    else {
      const customAllows = part.shadowedAllows.filter((allow) => !allow.isDefault);
      if (part.decidedBy && !part.decidedBy.isDefault && customAllows.length > 0) {
        result.shadowed.push({ part, deny: part.decidedBy, allows: customAllows });
      } else result.denied.push(part);
    }
  }
  return result;
}

export function isCompliant(classified: ClassifiedFlow): boolean {
  return classified.defaultAllowed.length === 0 && classified.denied.length === 0 &&
    classified.shadowed.length === 0 && classified.unknown.length === 0;
}
