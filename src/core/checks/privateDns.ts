// bastion-private-dns-conflict: zones named exactly one of the reserved names (zones that only
// end in them, like privatelink.blob.core.windows.net, are fine).
import { buildFix } from '../fixes/index';
import { sameId } from '../resourceId';
import { makeFinding } from './finding';
import { ARM_TYPES, refOf } from './refs';
import type { Check } from './types';

export const RESERVED_ZONE_NAMES = ['management.azure.com', 'blob.core.windows.net', 'core.windows.net', 'vaultcore.windows.net', 'vault.azure.net', 'azure.com'];

export function isReservedZoneName(zoneName: string): boolean {
  return RESERVED_ZONE_NAMES.includes(zoneName.trim().toLowerCase().replace(/\.$/, ''));
}

export const privateDnsCheck: Check = {
  name: 'Private DNS zones linked to the Bastion VNet',
  level: 'host',
  rules: ['bastion-private-dns-conflict'],
  run(context) {
    const { host, bastionVnet } = context;
    if (!host || !bastionVnet || !context.topology.coverage.privateDnsZoneLinks) return [];
    return context.topology.privateDnsZoneLinks
      .filter((link) => sameId(link.virtualNetworkId, bastionVnet.id) && isReservedZoneName(link.zoneName))
      .map((link) => {
        const linkRef = refOf(link, ARM_TYPES.privateDnsZoneLink);
        return makeFinding(context, {
          rule: 'bastion-private-dns-conflict',
          message: `Virtual network ${bastionVnet.name} of Bastion host ${host.name} is linked to private DNS zone ${link.zoneName}, a name that breaks Bastion.`,
          resource: linkRef,
          evidence: [{ label: 'Zone', value: link.zoneName }, { label: 'Linked VNet', value: bastionVnet.id }],
          fixes: [buildFix(`Unlink ${link.zoneName} from ${bastionVnet.name}`, { kind: 'unlink-private-dns-zone', link: linkRef, zoneName: link.zoneName })],
        });
      });
  },
};
