// The spokes: spoke-app is peered both ways, but its subnet NSG denies RDP from the hub's
// AzureBastionSubnet; spoke-data only has the hub's half of the peering (Initiated); spoke-corp,
// in a second subscription, is peered both ways and lets Bastion in (healthy).
import { nsg, subnetId, vnet, type ArmResource, type RuleSpec } from './arm';
import { HUB, HUB_BASTION_PREFIX, SPOKE_APP, SPOKE_APP_RG, SPOKE_CORP, SPOKE_CORP_RG, SPOKE_DATA, SPOKE_DATA_RG } from './layout';

const APP_SUBNET = subnetId(SPOKE_APP.id, 'snet-demo-app');
const CORP_SUBNET = subnetId(SPOKE_CORP.id, 'snet-demo-corp');

const CORP_RULES: RuleSpec[] = [
  { name: 'AllowSshRdpFromBastion', priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: HUB_BASTION_PREFIX, destination: '*', ports: ['22', '3389'], description: 'Bastion sessions from the hub' },
  { name: 'DenyAllOtherInbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*', source: '*', destination: '*', ports: ['*'] },
];

const APP_RULES: RuleSpec[] = [
  { name: 'DenyRdpFromHub', priority: 300, direction: 'Inbound', access: 'Deny', protocol: 'Tcp', source: HUB_BASTION_PREFIX, destination: '*', ports: ['3389'], description: 'CHG-1042: block RDP from the hub' },
  { name: 'AllowSshFromBastion', priority: 310, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: HUB_BASTION_PREFIX, destination: '*', ports: ['22'] },
  { name: 'AllowHttpsFromVnet', priority: 400, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', source: 'VirtualNetwork', destination: '*', ports: ['443'] },
];

export function spokeResources(): ArmResource[] {
  const appNsg = nsg(SPOKE_APP_RG, 'nsg-demo-spoke-app', APP_RULES, [APP_SUBNET]);
  const corpNsg = nsg(SPOKE_CORP_RG, 'nsg-demo-spoke-corp', CORP_RULES, [CORP_SUBNET]);
  return [
    vnet(
      SPOKE_APP_RG,
      'vnet-demo-spoke-app',
      SPOKE_APP.prefixes,
      [{ name: 'snet-demo-app', prefix: '10.20.1.0/24', nsgId: appNsg.id as string }],
      [{ name: 'peer-spoke-app-to-hub', remoteVnetId: HUB.id, remotePrefixes: HUB.prefixes, state: 'Connected' }],
    ),
    appNsg,
    vnet(SPOKE_DATA_RG, 'vnet-demo-spoke-data', SPOKE_DATA.prefixes, [{ name: 'snet-demo-data', prefix: '10.30.1.0/24' }]),
    vnet(
      SPOKE_CORP_RG,
      'vnet-demo-spoke-corp',
      SPOKE_CORP.prefixes,
      [{ name: 'snet-demo-corp', prefix: '10.50.1.0/24', nsgId: corpNsg.id as string }],
      [{ name: 'peer-spoke-corp-to-hub', remoteVnetId: HUB.id, remotePrefixes: HUB.prefixes, state: 'Connected' }],
    ),
    corpNsg,
  ];
}
