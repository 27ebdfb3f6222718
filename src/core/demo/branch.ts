// The branch: a VNet not peered with the hub, with its own Basic Bastion. Its AzureBastionSubnet
// carries a forced-tunnel route table, the host has native client support switched on (which
// Basic cannot do), and no diagnostic setting collects its audit logs.
import { bastionHost, publicIp, routeTable, subnetId, vnet, type ArmResource } from './arm';
import { BRANCH, BRANCH_BASTION_PREFIX, BRANCH_RG } from './layout';

const BASTION_SUBNET = subnetId(BRANCH.id, 'AzureBastionSubnet');

export function branchResources(): ArmResource[] {
  const forcedTunnel = routeTable(
    BRANCH_RG,
    'rt-demo-branch-egress',
    [{ name: 'default-via-firewall', prefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIp: '10.40.2.4' }],
    [BASTION_SUBNET],
  );
  const pip = publicIp(BRANCH_RG, 'pip-demo-branch-bastion', '203.0.113.40');
  return [
    vnet(BRANCH_RG, 'vnet-demo-branch', BRANCH.prefixes, [
      { name: 'AzureBastionSubnet', prefix: BRANCH_BASTION_PREFIX, routeTableId: forcedTunnel.id as string },
      { name: 'snet-demo-branch-app', prefix: '10.40.1.0/24' },
      { name: 'snet-demo-branch-firewall', prefix: '10.40.2.0/26' },
    ]),
    forcedTunnel,
    pip,
    bastionHost({
      resourceGroup: BRANCH_RG,
      name: 'bas-demo-branch',
      sku: 'Basic',
      vnetId: BRANCH.id,
      publicIpId: pip.id as string,
      dnsLabel: 'd3e01a2b-0000-4000-8000-000000000040',
      features: { enableTunneling: true },
      scaleUnits: 2,
    }),
  ];
}
