// A compact, order-independent rendering of an evaluation for table tests.
import type { FlowEvaluation, FlowPart } from '../../../src/core/nsg/types';

/** "deny Internet ∩ 52.0.0.0/8 -> * 443 Tcp by Deny-200", sorted. */
export function partLines(evaluation: FlowEvaluation): string[] {
  return evaluation.parts.map(partLine).sort();
}

export function partLine(part: FlowPart): string {
  const by = part.decidedBy ? ` by ${part.decidedBy.name}` : '';
  const sourcePorts = part.sourcePorts ? ` from ports ${part.sourcePorts.join(',')}` : '';
  return `${part.verdict} ${part.sources.join(' | ')} -> ${part.destinations.join(' | ')} ${part.destinationPorts.join(',')} ${part.protocols.join(',')}${sourcePorts}${by}`;
}
