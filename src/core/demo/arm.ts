// Small builders for the demo's raw ARM JSON, shaped exactly as ARM GET returns each resource
// (properties nested, references as { id }), so the demo goes through the same mapper as a snapshot.

export type ArmResource = Record<string, unknown>;

export const DEMO_SUBSCRIPTION_ID = 'de300000-0000-4000-8000-000000000001';
/** The second made-up subscription: a landing zone's spoke, apart from the hub's. */
export const DEMO_SPOKE_SUBSCRIPTION_ID = 'de300000-0000-4000-8000-000000000002';
export const DEMO_LOCATION = 'westeurope';

const DEMO_TAGS = { environment: 'demo', 'managed-by': 'bastion-doctor-sample' };

export interface ResourceGroup {
  subscriptionId: string;
  name: string;
}

export function resourceGroup(name: string, subscriptionId = DEMO_SUBSCRIPTION_ID): ResourceGroup {
  return { subscriptionId, name };
}

export function groupId(group: ResourceGroup): string {
  return `/subscriptions/${group.subscriptionId}/resourceGroups/${group.name}`;
}

export function networkId(resourceGroup: ResourceGroup, type: string, name: string): string {
  return `${groupId(resourceGroup)}/providers/Microsoft.Network/${type}/${name}`;
}

export function computeId(resourceGroup: ResourceGroup, type: string, name: string): string {
  return `${groupId(resourceGroup)}/providers/Microsoft.Compute/${type}/${name}`;
}

/** A stable GUID-shaped value derived from a seed, so the demo is identical on every run. */
function demoGuid(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return `${hash.toString(16).padStart(8, '0')}-d3e0-4000-8000-000000000000`;
}

function etag(id: string): string {
  return `W/"${demoGuid(id)}"`;
}

function topLevel(id: string, name: string, type: string, properties: Record<string, unknown>): ArmResource {
  return { name, id, etag: etag(id), type, location: DEMO_LOCATION, tags: { ...DEMO_TAGS }, properties };
}

function child(id: string, name: string, type: string, properties: Record<string, unknown>): ArmResource {
  return { name, id, etag: etag(id), type, properties: { provisioningState: 'Succeeded', ...properties } };
}

const ref = (id: string) => ({ id });

// ----- network security -----

export interface RuleSpec {
  name: string;
  priority: number;
  direction: 'Inbound' | 'Outbound';
  access: 'Allow' | 'Deny';
  protocol: 'Tcp' | 'Udp' | '*';
  source: string;
  destination: string;
  ports: string[];
  description?: string;
}

function securityRule(nsgId: string, spec: RuleSpec, collection: 'securityRules' | 'defaultSecurityRules'): ArmResource {
  const id = `${nsgId}/${collection}/${spec.name}`;
  const ports = spec.ports.length === 1 ? { destinationPortRange: spec.ports[0], destinationPortRanges: [] } : { destinationPortRanges: spec.ports };
  return child(id, spec.name, `Microsoft.Network/networkSecurityGroups/${collection}`, {
    ...(spec.description ? { description: spec.description } : {}),
    protocol: spec.protocol,
    sourcePortRange: '*',
    sourceAddressPrefix: spec.source,
    destinationAddressPrefix: spec.destination,
    ...ports,
    sourcePortRanges: [],
    sourceAddressPrefixes: [],
    destinationAddressPrefixes: [],
    access: spec.access,
    priority: spec.priority,
    direction: spec.direction,
  });
}

/** Azure's six default rules, as every NSG GET lists them under defaultSecurityRules. */
const DEFAULT_RULES: RuleSpec[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['*'], description: 'Allow inbound traffic from all VMs in VNET' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', protocol: '*', source: 'AzureLoadBalancer', destination: '*', ports: ['*'], description: 'Allow inbound traffic from azure load balancer' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', protocol: '*', source: '*', destination: '*', ports: ['*'], description: 'Deny all inbound traffic' },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['*'], description: 'Allow outbound traffic from all VMs to all VMs in VNET' },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow', protocol: '*', source: '*', destination: 'Internet', ports: ['*'], description: 'Allow outbound traffic from all VMs to Internet' },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', protocol: '*', source: '*', destination: '*', ports: ['*'], description: 'Deny all outbound traffic' },
];

export function nsg(resourceGroup: ResourceGroup, name: string, rules: RuleSpec[], subnetIds: string[]): ArmResource {
  const id = networkId(resourceGroup, 'networkSecurityGroups', name);
  return topLevel(id, name, 'Microsoft.Network/networkSecurityGroups', {
    provisioningState: 'Succeeded',
    resourceGuid: demoGuid(`guid:${id}`),
    securityRules: rules.map((rule) => securityRule(id, rule, 'securityRules')),
    defaultSecurityRules: DEFAULT_RULES.map((rule) => securityRule(id, rule, 'defaultSecurityRules')),
    subnets: subnetIds.map(ref),
  });
}

// ----- virtual networks -----

export interface SubnetSpec {
  name: string;
  prefix: string;
  nsgId?: string;
  routeTableId?: string;
}

export interface PeeringSpec {
  name: string;
  remoteVnetId: string;
  remotePrefixes: string[];
  state: 'Connected' | 'Initiated' | 'Disconnected';
}

export function vnet(resourceGroup: ResourceGroup, name: string, prefixes: string[], subnets: SubnetSpec[], peerings: PeeringSpec[] = []): ArmResource {
  const id = networkId(resourceGroup, 'virtualNetworks', name);
  return topLevel(id, name, 'Microsoft.Network/virtualNetworks', {
    provisioningState: 'Succeeded',
    addressSpace: { addressPrefixes: prefixes },
    dhcpOptions: { dnsServers: [] },
    subnets: subnets.map((subnet) =>
      child(`${id}/subnets/${subnet.name}`, subnet.name, 'Microsoft.Network/virtualNetworks/subnets', {
        addressPrefix: subnet.prefix,
        ...(subnet.nsgId ? { networkSecurityGroup: ref(subnet.nsgId) } : {}),
        ...(subnet.routeTableId ? { routeTable: ref(subnet.routeTableId) } : {}),
        privateEndpointNetworkPolicies: 'Disabled',
        privateLinkServiceNetworkPolicies: 'Enabled',
      }),
    ),
    virtualNetworkPeerings: peerings.map((peering) =>
      child(`${id}/virtualNetworkPeerings/${peering.name}`, peering.name, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', {
        peeringState: peering.state,
        peeringSyncLevel: peering.state === 'Connected' ? 'FullyInSync' : 'RemoteNotInSync',
        remoteVirtualNetwork: ref(peering.remoteVnetId),
        remoteAddressSpace: { addressPrefixes: peering.remotePrefixes },
        remoteVirtualNetworkAddressSpace: { addressPrefixes: peering.remotePrefixes },
        allowVirtualNetworkAccess: true,
        allowForwardedTraffic: false,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      }),
    ),
    enableDdosProtection: false,
  });
}

export function subnetId(vnetId: string, subnetName: string): string {
  return `${vnetId}/subnets/${subnetName}`;
}

// ----- routing and DNS -----

export interface RouteSpec {
  name: string;
  prefix: string;
  nextHopType: 'VirtualAppliance' | 'VirtualNetworkGateway' | 'Internet' | 'VnetLocal' | 'None';
  nextHopIp?: string;
}

export function routeTable(resourceGroup: ResourceGroup, name: string, routes: RouteSpec[], subnetIds: string[]): ArmResource {
  const id = networkId(resourceGroup, 'routeTables', name);
  return topLevel(id, name, 'Microsoft.Network/routeTables', {
    provisioningState: 'Succeeded',
    disableBgpRoutePropagation: false,
    routes: routes.map((route) =>
      child(`${id}/routes/${route.name}`, route.name, 'Microsoft.Network/routeTables/routes', {
        addressPrefix: route.prefix,
        nextHopType: route.nextHopType,
        ...(route.nextHopIp ? { nextHopIpAddress: route.nextHopIp } : {}),
      }),
    ),
    subnets: subnetIds.map(ref),
  });
}

export function privateDnsZoneLink(resourceGroup: ResourceGroup, zoneName: string, linkName: string, vnetId: string): ArmResource {
  const id = `${groupId(resourceGroup)}/providers/Microsoft.Network/privateDnsZones/${zoneName}/virtualNetworkLinks/${linkName}`;
  return {
    id,
    name: linkName,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    etag: etag(id),
    location: 'global',
    tags: { ...DEMO_TAGS },
    properties: {
      virtualNetwork: ref(vnetId),
      registrationEnabled: false,
      virtualNetworkLinkState: 'Completed',
      provisioningState: 'Succeeded',
    },
  };
}

// ----- Bastion -----

export function publicIp(resourceGroup: ResourceGroup, name: string, ipAddress: string): ArmResource {
  const id = networkId(resourceGroup, 'publicIPAddresses', name);
  return {
    ...topLevel(id, name, 'Microsoft.Network/publicIPAddresses', {
      provisioningState: 'Succeeded',
      ipAddress,
      publicIPAddressVersion: 'IPv4',
      publicIPAllocationMethod: 'Static',
      idleTimeoutInMinutes: 4,
    }),
    sku: { name: 'Standard', tier: 'Regional' },
  };
}

export interface BastionSpec {
  resourceGroup: ResourceGroup;
  name: string;
  sku: 'Basic' | 'Standard' | 'Premium';
  vnetId: string;
  publicIpId: string;
  dnsLabel: string;
  features: Record<string, boolean>;
  scaleUnits: number;
}

export function bastionHost(spec: BastionSpec): ArmResource {
  const id = networkId(spec.resourceGroup, 'bastionHosts', spec.name);
  return {
    ...topLevel(id, spec.name, 'Microsoft.Network/bastionHosts', {
      provisioningState: 'Succeeded',
      dnsName: `bst-${spec.dnsLabel}.bastion.azure.com`,
      scaleUnits: spec.scaleUnits,
      disableCopyPaste: false,
      enableFileCopy: false,
      enableIpConnect: false,
      enableKerberos: false,
      enableShareableLink: false,
      enableTunneling: false,
      enableSessionRecording: false,
      enablePrivateOnlyBastion: false,
      ...spec.features,
      ipConfigurations: [
        child(`${id}/bastionHostIpConfigurations/IpConf`, 'IpConf', 'Microsoft.Network/bastionHosts/bastionHostIpConfigurations', {
          privateIPAllocationMethod: 'Dynamic',
          publicIPAddress: ref(spec.publicIpId),
          subnet: ref(subnetId(spec.vnetId, 'AzureBastionSubnet')),
        }),
      ],
    }),
    sku: { name: spec.sku },
  };
}

/** A diagnostic setting is an extension resource: its id hangs off the resource it monitors. */
export function bastionAuditLogSetting(bastionId: string, name: string, workspaceId: string): ArmResource {
  return {
    id: `${bastionId}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
    name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: {
      workspaceId,
      logs: [{ category: 'BastionAuditLogs', categoryGroup: null, enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
      metrics: [{ category: 'AllMetrics', enabled: true, retentionPolicy: { enabled: false, days: 0 } }],
      logAnalyticsDestinationType: 'Dedicated',
    },
  };
}

// ----- compute -----

export interface VmSpec {
  resourceGroup: ResourceGroup;
  name: string;
  os: 'Linux' | 'Windows';
  subnetId: string;
  privateIp: string;
  powerState: 'running' | 'deallocated' | 'stopped';
  nicNsgId?: string;
}

const POWER_STATE_DISPLAY: Record<VmSpec['powerState'], string> = {
  running: 'VM running',
  deallocated: 'VM deallocated',
  stopped: 'VM stopped',
};

/** The VM (with its instance view, as GET ?$expand=instanceView returns it) and its NIC. */
export function vmWithNic(spec: VmSpec): ArmResource[] {
  const vmId = computeId(spec.resourceGroup, 'virtualMachines', spec.name);
  const nicName = `nic-${spec.name}`;
  const nicId = networkId(spec.resourceGroup, 'networkInterfaces', nicName);
  const nic = topLevel(nicId, nicName, 'Microsoft.Network/networkInterfaces', {
    provisioningState: 'Succeeded',
    ipConfigurations: [
      child(`${nicId}/ipConfigurations/ipconfig1`, 'ipconfig1', 'Microsoft.Network/networkInterfaces/ipConfigurations', {
        privateIPAddress: spec.privateIp,
        privateIPAllocationMethod: 'Static',
        privateIPAddressVersion: 'IPv4',
        subnet: ref(spec.subnetId),
        primary: true,
      }),
    ],
    ...(spec.nicNsgId ? { networkSecurityGroup: ref(spec.nicNsgId) } : {}),
    virtualMachine: ref(vmId),
    enableAcceleratedNetworking: true,
    enableIPForwarding: false,
    nicType: 'Standard',
  });
  const vm = topLevel(vmId, spec.name, 'Microsoft.Compute/virtualMachines', {
    vmId: demoGuid(`vm:${vmId}`),
    hardwareProfile: { vmSize: spec.os === 'Windows' ? 'Standard_D2s_v5' : 'Standard_B2s' },
    storageProfile: {
      osDisk: { osType: spec.os, name: `osdisk-${spec.name}`, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' } },
    },
    osProfile: { computerName: spec.name.replace(/^vm-demo-/, ''), adminUsername: 'demoadmin' },
    networkProfile: { networkInterfaces: [{ id: nicId, properties: { primary: true } }] },
    provisioningState: 'Succeeded',
    instanceView: {
      statuses: [
        { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded' },
        { code: `PowerState/${spec.powerState}`, level: 'Info', displayStatus: POWER_STATE_DISPLAY[spec.powerState] },
      ],
    },
  });
  return [vm, nic];
}
