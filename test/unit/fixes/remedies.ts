// One realistic remedy of every kind, with ids shaped like the ARM REST examples.
import type { NewSecurityRule, Remedy } from '../../../src/core/findings';

export const SUBSCRIPTION = '6a0d3b2c-1f4e-4c8a-9b7d-2e5f8a1c3d90';
const network = (rg: string, path: string): string =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/${path}`;

export const NSG_ID = network('rg-hub', 'networkSecurityGroups/nsg-bastion');
export const BASTION_ID = network('rg-hub', 'bastionHosts/bas-hub');
export const SUBNET_ID = network('rg-hub', 'virtualNetworks/vnet-hub/subnets/AzureBastionSubnet');
export const HUB_VNET_ID = network('rg-hub', 'virtualNetworks/vnet-hub');
export const SPOKE_VNET_ID = network('rg-spoke', 'virtualNetworks/vnet-spoke');
export const VM_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-spoke/providers/Microsoft.Compute/virtualMachines/vm-app01`;

export const HTTPS_INBOUND: NewSecurityRule = {
  name: 'AllowHttpsInbound',
  priority: 140,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  sourceAddressPrefix: 'Internet',
  destinationAddressPrefix: '*',
  destinationPortRanges: ['443'],
  description: 'Azure Bastion: browser and native-client sessions',
  placedBefore: { name: 'DenyAllInternet', priority: 150 },
};

export const DATA_PLANE_INBOUND: NewSecurityRule = {
  name: 'AllowBastionHostCommunication',
  priority: 141,
  direction: 'Inbound',
  access: 'Allow',
  protocol: '*',
  sourceAddressPrefix: 'VirtualNetwork',
  destinationAddressPrefix: 'VirtualNetwork',
  destinationPortRanges: ['8080', '5701'],
  description: 'Azure Bastion: data plane',
};

const nsg = { id: NSG_ID, name: 'nsg-bastion' };
const bastion = { id: BASTION_ID, name: 'bas-hub' };
const subnet = { id: SUBNET_ID, name: 'AzureBastionSubnet' };

export const REMEDIES: Record<Remedy['kind'], Remedy> = {
  'add-security-rules': { kind: 'add-security-rules', nsg, rules: [HTTPS_INBOUND, DATA_PLANE_INBOUND] },
  'set-rule-priority': {
    kind: 'set-rule-priority',
    nsg,
    ruleName: 'AllowGatewayManager',
    direction: 'Inbound',
    fromPriority: 4000,
    toPriority: 140,
    placedBefore: { name: 'DenyAllInbound', priority: 150 },
  },
  'dissociate-route-table': {
    kind: 'dissociate-route-table',
    subnet,
    routeTable: { id: network('rg-hub', 'routeTables/rt-firewall'), name: 'rt-firewall' },
  },
  'set-bastion-property': { kind: 'set-bastion-property', bastion, property: 'enableTunneling', value: true },
  'upgrade-bastion-sku': { kind: 'upgrade-bastion-sku', bastion, fromSku: 'Basic', toSku: 'Standard' },
  'reapply-bastion': { kind: 'reapply-bastion', bastion },
  'enable-bastion-diagnostics': { kind: 'enable-bastion-diagnostics', bastion },
  'start-vm': { kind: 'start-vm', vm: { id: VM_ID, name: 'vm-app01' } },
  'resize-bastion-subnet': { kind: 'resize-bastion-subnet', subnet, bastion, currentPrefix: '10.0.1.0/27', suggestedPrefix: '10.0.1.0/26' },
  'create-vnet-peering': {
    kind: 'create-vnet-peering',
    localVnet: { id: HUB_VNET_ID, name: 'vnet-hub' },
    remoteVnet: { id: SPOKE_VNET_ID, name: 'vnet-spoke' },
    missingDirection: 'both',
  },
  'unlink-private-dns-zone': {
    kind: 'unlink-private-dns-zone',
    link: { id: network('rg-dns', 'privateDnsZones/blob.core.windows.net/virtualNetworkLinks/hub-link'), name: 'hub-link' },
    zoneName: 'blob.core.windows.net',
  },
  'use-public-ip': { kind: 'use-public-ip', bastion, problem: 'missing' },
  'set-api-version': {
    kind: 'set-api-version',
    resource: { id: '/providers/Microsoft.Network/bastionHosts/bas-hub', name: 'bas-hub', type: 'Microsoft.Network/bastionHosts' },
    fromApiVersion: '2020-11-01',
    toApiVersion: '2024-05-01',
  },
  manual: { kind: 'manual', steps: ['Allow WebSockets to *.bastion.azure.com in the client firewall.'] },
};
