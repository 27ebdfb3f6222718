// Which private DNS zones are linked to the Bastion host's VNet. The zones can live in any
// resource group or subscription (often a central connectivity subscription), so listing them
// through ARM would mean reading every zone the identity can see; one Resource Graph query at
// tenant scope finds the links that point at the VNet instead. Rows come back as raw ARM JSON.
import type { AzureClients } from './clients';
import type { ArmRead } from './armReads';
import { kqlString } from './kql';
import type { RawArmResource } from './rawArm';
import { queryResourceGraph } from './resourceGraph';

export const PRIVATE_DNS_LINK_TYPE = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';

export function privateDnsLinksQuery(vnetId: string): string {
  return [
    'Resources',
    `| where type in~ ('${PRIVATE_DNS_LINK_TYPE.toLowerCase()}')`,
    `| where tolower(tostring(properties.virtualNetwork.id)) == ${kqlString(vnetId.toLowerCase())}`,
    '| project id, name, type, location, properties',
  ].join('\n');
}

export function listPrivateDnsZoneLinks(vnetId: string): ArmRead {
  return {
    key: `privateDnsZoneLinks ${vnetId.toLowerCase()}`,
    target: {
      id: vnetId,
      name: vnetId.split('/').pop() ?? vnetId,
      type: PRIVATE_DNS_LINK_TYPE,
      kind: 'private DNS zone links of the virtual network',
      action: `${PRIVATE_DNS_LINK_TYPE}/read`,
      layer: 'bastion-subnet',
      decides: 'whether the VNet links a private DNS zone Bastion cannot work with',
    },
    async run(clients: AzureClients, signal: AbortSignal): Promise<RawArmResource[]> {
      // No subscriptions: tenant scope, so zones in subscriptions outside the selection count too.
      const rows = await queryResourceGraph(clients, undefined, privateDnsLinksQuery(vnetId), signal);
      const links: RawArmResource[] = [];
      for (const row of rows as Record<string, unknown>[]) {
        if (typeof row.id !== 'string' || typeof row.name !== 'string') continue;
        // Resource Graph lower-cases types; the ARM type is what the mapper and reports expect.
        links.push({ ...row, id: row.id, name: row.name, type: PRIVATE_DNS_LINK_TYPE } as RawArmResource);
      }
      return links;
    },
  };
}
