// An NSG some of whose rules could not be read (a template rule set whose size, or a rule whose
// priority or direction, is not known): no flow through it can be decided from the rules read.
import type { Finding, ResourceRef } from '../findings';
import type { NetworkSecurityGroup } from '../model';
import { incomplete } from './finding';
import type { RequiredFlow } from './requiredFlows';
import type { CheckContext } from './types';

/** Why the NSG may have rules that were not read, or undefined when every rule was read. */
export function unreadRulesReason(nsg: NetworkSecurityGroup): string | undefined {
  const reasons = (nsg.unresolved ?? []).filter((u) => u.field === 'securityRules').map((u) => u.reason);
  return reasons.length > 0 ? [...new Set(reasons)].join('; ') : undefined;
}

/** One check-incomplete per required flow: the unread rules could allow or deny any of them. */
export function unreadRulesFindings(context: CheckContext, nsg: NetworkSecurityGroup, ref: ResourceRef, flows: readonly RequiredFlow[], reason: string): Finding[] {
  return flows.map((flow) => {
    const finding = incomplete(context, 'bastion-subnet', ref,
      `Cannot decide whether NSG ${nsg.name} allows ${flow.description}: rules that may belong to it could not be read (${reason}).`,
      [{ label: 'Rules not read', value: reason }]);
    finding.flow = flow.id;
    return finding;
  });
}
