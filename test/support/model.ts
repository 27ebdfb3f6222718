// Small builders of model objects (not ARM JSON) for check tests, with real-looking ids.
import type {
  BastionHost, Direction, NetworkInterface, NetworkSecurityGroup, PublicIpAddress, RouteTable, SecurityRule, Subnet,
  Topology, VirtualMachine, VirtualNetwork, VirtualNetworkPeering,
} from '../../src/core/model';
import { emptyTopology } from '../../src/core/model';

export const SUBSCRIPTION = '/subscriptions/6b0f2d5e-3c1a-4a8e-9f6b-2c7d8e9a0b1c';
export const RG = `${SUBSCRIPTION}/resourceGroups/rg-hub`;
const NETWORK = `${RG}/providers/Microsoft.Network`;
const COMPUTE = `${RG}/providers/Microsoft.Compute`;

const arm = (id: string) => ({ kind: 'arm' as const, id });

export interface RuleSpec {
  protocol?: string;
  source?: string | string[];
  destination?: string | string[];
  ports?: string | string[];
}

const list = (value: string | string[] | undefined, fallback: string): string[] =>
  value === undefined ? [fallback] : Array.isArray(value) ? value : [value];

export function rule(nsgName: string, name: string, priority: number, direction: Direction, access: 'Allow' | 'Deny', spec: RuleSpec = {}): SecurityRule {
  const id = `${NETWORK}/networkSecurityGroups/${nsgName}/securityRules/${name}`;
  return {
    id, name, origin: arm(id), priority, direction, access,
    protocol: spec.protocol ?? '*',
    sourceAddressPrefixes: list(spec.source, '*'),
    destinationAddressPrefixes: list(spec.destination, '*'),
    sourcePortRanges: ['*'],
    destinationPortRanges: list(spec.ports, '*'),
    sourceApplicationSecurityGroupIds: [],
    destinationApplicationSecurityGroupIds: [],
    isDefault: false,
  };
}

export function nsg(name: string, rules: (nsgName: string) => SecurityRule[] = () => []): NetworkSecurityGroup {
  const id = `${NETWORK}/networkSecurityGroups/${name}`;
  return { id, name, origin: arm(id), location: 'westeurope', securityRules: rules(name), defaultSecurityRules: [] };
}

/** The eight rules of bastion-nsg.md, inbound 100-130, outbound 100-130. */
export function compliantBastionRules(nsgName: string): SecurityRule[] {
  return [
    rule(nsgName, 'AllowHttpsInbound', 100, 'Inbound', 'Allow', { protocol: 'Tcp', source: 'Internet', ports: '443' }),
    rule(nsgName, 'AllowGatewayManagerInbound', 110, 'Inbound', 'Allow', { protocol: 'Tcp', source: 'GatewayManager', ports: '443' }),
    rule(nsgName, 'AllowAzureLoadBalancerInbound', 120, 'Inbound', 'Allow', { protocol: 'Tcp', source: 'AzureLoadBalancer', ports: '443' }),
    rule(nsgName, 'AllowBastionHostCommunication', 130, 'Inbound', 'Allow', { source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] }),
    rule(nsgName, 'AllowSshRdpOutbound', 100, 'Outbound', 'Allow', { destination: 'VirtualNetwork', ports: ['22', '3389'] }),
    rule(nsgName, 'AllowAzureCloudOutbound', 110, 'Outbound', 'Allow', { protocol: 'Tcp', destination: 'AzureCloud', ports: '443' }),
    rule(nsgName, 'AllowBastionCommunication', 120, 'Outbound', 'Allow', { source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] }),
    rule(nsgName, 'AllowHttpOutbound', 130, 'Outbound', 'Allow', { destination: 'Internet', ports: '80' }),
  ];
}

export function subnet(vnetName: string, name: string, prefixes: string[], extra: Partial<Subnet> = {}): Subnet {
  const virtualNetworkId = `${NETWORK}/virtualNetworks/${vnetName}`;
  const id = `${virtualNetworkId}/subnets/${name}`;
  return { id, name, origin: arm(id), virtualNetworkId, addressPrefixes: prefixes, ...extra };
}

export function vnet(name: string, prefixes: string[], subnets: Subnet[], peerings: VirtualNetworkPeering[] = []): VirtualNetwork {
  const id = `${NETWORK}/virtualNetworks/${name}`;
  return { id, name, origin: arm(id), location: 'westeurope', addressPrefixes: prefixes, subnets, peerings };
}

export function peering(fromVnet: string, toVnet: VirtualNetwork, state: string, extra: Partial<VirtualNetworkPeering> = {}): VirtualNetworkPeering {
  const id = `${NETWORK}/virtualNetworks/${fromVnet}/virtualNetworkPeerings/${fromVnet}-to-${toVnet.name}`;
  return { id, name: `${fromVnet}-to-${toVnet.name}`, origin: arm(id), remoteVirtualNetworkId: toVnet.id, peeringState: state, remoteAddressPrefixes: toVnet.addressPrefixes, ...extra };
}

export function bastionHost(name: string, extra: Partial<BastionHost> = {}): BastionHost {
  const id = `${NETWORK}/bastionHosts/${name}`;
  return {
    id, name, origin: arm(id), location: 'westeurope', sku: 'Standard', provisioningState: 'Succeeded', features: {},
    ipConfigurations: [{ name: 'IpConf', subnetId: `${NETWORK}/virtualNetworks/vnet-hub/subnets/AzureBastionSubnet`, publicIpId: `${NETWORK}/publicIPAddresses/pip-bastion` }],
    ...extra,
  };
}

export function publicIp(name: string, extra: Partial<PublicIpAddress> = {}): PublicIpAddress {
  const id = `${NETWORK}/publicIPAddresses/${name}`;
  return { id, name, origin: arm(id), skuName: 'Standard', allocationMethod: 'Static', ipVersion: 'IPv4', ...extra };
}

export function routeTable(name: string, routes: { name: string; prefix: string; nextHop: string }[]): RouteTable {
  const id = `${NETWORK}/routeTables/${name}`;
  return {
    id, name, origin: arm(id),
    routes: routes.map((r) => ({ id: `${id}/routes/${r.name}`, name: r.name, origin: arm(`${id}/routes/${r.name}`), addressPrefix: r.prefix, nextHopType: r.nextHop })),
  };
}

export function virtualMachine(name: string, subnetOf: Subnet, privateIp: string, extra: Partial<VirtualMachine> = {}, nicExtra: Partial<NetworkInterface> = {}): { vm: VirtualMachine; nic: NetworkInterface } {
  const vmId = `${COMPUTE}/virtualMachines/${name}`;
  const nicId = `${NETWORK}/networkInterfaces/${name}-nic`;
  const nic: NetworkInterface = {
    id: nicId, name: `${name}-nic`, origin: arm(nicId), virtualMachineId: vmId,
    ipConfigurations: [{ name: 'ipconfig1', subnetId: subnetOf.id, privateIpAddress: privateIp, primary: true, applicationSecurityGroupIds: [] }],
    ...nicExtra,
  };
  const vm: VirtualMachine = { id: vmId, name, origin: arm(vmId), location: 'westeurope', networkInterfaceIds: [nicId], osType: 'Linux', powerState: 'running', ...extra };
  return { vm, nic };
}

/**
 * A healthy hub: Standard host bas-hub in vnet-hub (10.0.0.0/16) with a compliant NSG on its
 * /26, and Linux VM vm-web (10.0.2.4) in snet-workload.
 */
export function healthyTopology(): Topology {
  const bastionNsg = nsg('nsg-bastion', compliantBastionRules);
  const bastionSubnet = subnet('vnet-hub', 'AzureBastionSubnet', ['10.0.1.0/26'], { networkSecurityGroupId: bastionNsg.id });
  const workload = subnet('vnet-hub', 'snet-workload', ['10.0.2.0/24']);
  const hub = vnet('vnet-hub', ['10.0.0.0/16'], [bastionSubnet, workload]);
  const { vm, nic } = virtualMachine('vm-web', workload, '10.0.2.4');
  return {
    ...emptyTopology(),
    sourceLabel: 'test topology',
    bastionHosts: [bastionHost('bas-hub')],
    virtualNetworks: [hub],
    networkSecurityGroups: [bastionNsg],
    networkInterfaces: [nic],
    virtualMachines: [vm],
    publicIpAddresses: [publicIp('pip-bastion')],
  };
}

/** The test topology's Bastion NSG, to edit rules in place. */
export function bastionNsgOf(topology: Topology): NetworkSecurityGroup {
  return topology.networkSecurityGroups.find((group) => group.name === 'nsg-bastion') as NetworkSecurityGroup;
}
