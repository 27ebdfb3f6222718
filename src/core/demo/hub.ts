// The hub: a Standard Bastion with native client support and audit logs, and an NSG on
// AzureBastionSubnet that has every required rule except the explicit AzureLoadBalancer 443 allow
// (only Azure's default rule lets the health probes in: works today by accident).
import { bastionAuditLogSetting, bastionHost, groupId, nsg, privateDnsZoneLink, publicIp, subnetId, vnet, type ArmResource, type RuleSpec } from './arm';
import { HUB, HUB_BASTION_PREFIX, HUB_RG, SPOKE_APP, SPOKE_CORP, SPOKE_DATA } from './layout';

const BASTION_SUBNET = subnetId(HUB.id, 'AzureBastionSubnet');
const WORKLOAD_SUBNET = subnetId(HUB.id, 'snet-demo-hub-workload');

const BASTION_SUBNET_RULES: RuleSpec[] = [
  { name: 'AllowHttpsInbound', priority: 120, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: 'Internet', destination: '*', ports: ['443'] },
  { name: 'AllowGatewayManagerInbound', priority: 130, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: 'GatewayManager', destination: '*', ports: ['443'] },
  { name: 'AllowBastionHostCommunication', priority: 150, direction: 'Inbound', access: 'Allow', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowSshRdpOutbound', priority: 100, direction: 'Outbound', access: 'Allow', protocol: '*', source: '*', destination: 'VirtualNetwork', ports: ['22', '3389'] },
  { name: 'AllowAzureCloudOutbound', priority: 110, direction: 'Outbound', access: 'Allow', protocol: 'Tcp', source: '*', destination: 'AzureCloud', ports: ['443'] },
  { name: 'AllowBastionCommunication', priority: 120, direction: 'Outbound', access: 'Allow', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowHttpOutbound', priority: 130, direction: 'Outbound', access: 'Allow', protocol: '*', source: '*', destination: 'Internet', ports: ['80'] },
];

const WORKLOAD_RULES: RuleSpec[] = [
  { name: 'AllowSshRdpFromBastion', priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: HUB_BASTION_PREFIX, destination: 'VirtualNetwork', ports: ['22', '3389'], description: 'Bastion sessions from AzureBastionSubnet' },
  { name: 'DenyAllOtherInbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', source: '*', destination: '*', ports: ['*'] },
];

export function hubResources(): ArmResource[] {
  const bastionNsg = nsg(HUB_RG, 'nsg-demo-hub-bastion', BASTION_SUBNET_RULES, [BASTION_SUBNET]);
  const workloadNsg = nsg(HUB_RG, 'nsg-demo-hub-workload', WORKLOAD_RULES, [WORKLOAD_SUBNET]);
  const pip = publicIp(HUB_RG, 'pip-demo-hub-bastion', '203.0.113.10');
  const bastion = bastionHost({
    resourceGroup: HUB_RG,
    name: 'bas-demo-hub',
    sku: 'Standard',
    vnetId: HUB.id,
    publicIpId: pip.id as string,
    dnsLabel: 'd3e01a2b-0000-4000-8000-000000000010',
    features: { enableTunneling: true, enableFileCopy: true },
    scaleUnits: 2,
  });
  const workspaceId = `${groupId(HUB_RG)}/providers/Microsoft.OperationalInsights/workspaces/log-demo-hub`;
  return [
    vnet(
      HUB_RG,
      'vnet-demo-hub',
      HUB.prefixes,
      [
        { name: 'AzureBastionSubnet', prefix: HUB_BASTION_PREFIX, nsgId: bastionNsg.id as string },
        { name: 'snet-demo-hub-workload', prefix: '10.10.1.0/24', nsgId: workloadNsg.id as string },
      ],
      [
        { name: 'peer-hub-to-spoke-app', remoteVnetId: SPOKE_APP.id, remotePrefixes: SPOKE_APP.prefixes, state: 'Connected' },
        // The spoke-data team never created its half, so this side stays Initiated.
        { name: 'peer-hub-to-spoke-data', remoteVnetId: SPOKE_DATA.id, remotePrefixes: SPOKE_DATA.prefixes, state: 'Initiated' },
        // The corp spoke lives in its own subscription, as landing-zone spokes do.
        { name: 'peer-hub-to-spoke-corp', remoteVnetId: SPOKE_CORP.id, remotePrefixes: SPOKE_CORP.prefixes, state: 'Connected' },
      ],
    ),
    bastionNsg,
    workloadNsg,
    pip,
    bastion,
    bastionAuditLogSetting(bastion.id as string, 'diag-demo-hub-bastion', workspaceId),
    // Harmless: only zones named exactly e.g. blob.core.windows.net break Bastion.
    privateDnsZoneLink(HUB_RG, 'privatelink.blob.core.windows.net', 'link-demo-hub', HUB.id),
  ];
}
