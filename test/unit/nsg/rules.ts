// Builders for security rules and flows in the evaluator's tests.
import type { Direction, SecurityRule } from '../../../src/core/model';
import type { FlowQuery } from '../../../src/core/nsg/types';

export const NSG_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-test';

export interface RuleSpec {
  name?: string;
  priority: number;
  access: 'Allow' | 'Deny';
  direction?: Direction;
  protocol?: string;
  from?: string[];
  to?: string[];
  ports?: string[];
  sourcePorts?: string[];
  sourceAsgs?: string[];
  destinationAsgs?: string[];
  unresolved?: { field: string; reason: string }[];
  isDefault?: boolean;
}

export function rule(spec: RuleSpec): SecurityRule {
  const name = spec.name ?? `${spec.access}-${spec.priority}`;
  const id = `${NSG_ID}/securityRules/${name}`;
  return {
    id,
    name,
    origin: { kind: 'arm', id },
    priority: spec.priority,
    direction: spec.direction ?? 'Inbound',
    access: spec.access,
    protocol: spec.protocol ?? '*',
    sourceAddressPrefixes: spec.from ?? ['*'],
    destinationAddressPrefixes: spec.to ?? ['*'],
    sourcePortRanges: spec.sourcePorts ?? ['*'],
    destinationPortRanges: spec.ports ?? ['*'],
    sourceApplicationSecurityGroupIds: spec.sourceAsgs ?? [],
    destinationApplicationSecurityGroupIds: spec.destinationAsgs ?? [],
    isDefault: spec.isDefault ?? false,
    ...(spec.unresolved ? { unresolved: spec.unresolved } : {}),
  };
}

export function flow(spec: Partial<FlowQuery> & { from: string[]; to?: string[]; ports?: string[] }): FlowQuery {
  return {
    direction: spec.direction ?? 'Inbound',
    protocol: spec.protocol ?? 'Tcp',
    sources: spec.from,
    destinations: spec.to ?? ['*'],
    destinationPorts: spec.ports ?? ['443'],
  };
}
