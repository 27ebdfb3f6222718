// Inputs of the NSG checks that unknown values leave open: the rules of an NSG, and the address
// space the VirtualNetwork tag stands for.
import type { NetworkSecurityGroup, VirtualNetwork } from '../model';
import { firstUnknown, unknownReason } from './unknowns';

/** Why the rules of the NSG are not all known (a rule with an unknown value, rules not attached). */
export function unknownRules(nsg: NetworkSecurityGroup): string | undefined {
  const own = unknownReason(nsg, 'securityRules', true);
  if (own !== undefined) return own;
  for (const rule of nsg.securityRules) {
    const field = rule.unresolved?.[0];
    if (field) return `rule ${rule.name}: ${field.field} is not known (${field.reason})`;
  }
  return undefined;
}

/**
 * The prefixes the VirtualNetwork tag covers for a VNet: its own and its peers'. Undefined when
 * the VNet was not read or a prefix is unknown, so the tag is evaluated as undecided, never as
 * a smaller address space.
 */
export function virtualNetworkPrefixesOf(vnet: VirtualNetwork | undefined): string[] | undefined {
  if (!vnet || firstUnknown(vnet, ['addressPrefixes', 'peerings']) !== undefined) return undefined;
  if (vnet.peerings.some((peering) => unknownReason(peering, 'remoteAddressPrefixes') !== undefined)) return undefined;
  return [...vnet.addressPrefixes, ...vnet.peerings.flatMap((peering) => peering.remoteAddressPrefixes)];
}
