// Typed builders for ARM resource JSON as GET returns it, modelled on the example payloads in
// Azure/azure-rest-api-specs (Microsoft.Network 2026-01-01: BastionHostGet, BastionHostDeveloperPut,
// NetworkSecurityGroupGet, VirtualNetworkGet, VirtualNetworkPeeringGet; Microsoft.Compute
// VirtualMachineGet with instanceView). Every builder takes a small options object with defaults
// that describe one coherent hub: subscription SUBSCRIPTION_ID, resource group DEFAULT_RG.
// References accept an id or a built resource: `armNic({ subnet: bastionSubnet })`.
import type { BastionFeatures } from '../../src/core/model';

export const SUBSCRIPTION_ID = '8c56d827-5f07-45ce-8f2b-6c5001db5c6f';
export const DEFAULT_RG = 'rg-contoso-hub';
export const DEFAULT_LOCATION = 'westeurope';
export const WORKSPACE_ID =
  `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-contoso-monitor/providers/Microsoft.OperationalInsights/workspaces/log-contoso-prod`;

export interface ArmSubResource {
  id: string;
}

/** A top-level or standalone child resource (a type alias, so it is assignable to Record<string, unknown>). */
export type ArmResource = {
  id: string;
  name: string;
  type: string;
  location?: string;
  etag?: string;
  sku?: { name: string; tier?: string };
  zones?: string[];
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
};

/** An element inline in its parent's properties (a subnet in a VNet, a rule in an NSG). */
export type ArmChild = {
  id?: string;
  name: string;
  type?: string;
  etag?: string;
  properties: Record<string, unknown>;
};

export type Ref = string | { id?: string };

export function refId(ref: Ref): string {
  const id = typeof ref === 'string' ? ref : ref.id;
  if (id === undefined) throw new Error('refId: the referenced element has no id (build it with its parent first)');
  return id;
}

function sub(ref: Ref | undefined): ArmSubResource | undefined {
  return ref === undefined ? undefined : { id: refId(ref) };
}

const ETAG = 'W/"2f6d7c1e-4a3b-4c8d-9e0f-1a2b3c4d5e6f"';

/** `/subscriptions/<sub>/resourceGroups/<rg>/providers/<provider>/<type>/<name>[/<type>/<name>...]` */
export function armResourceId(type: string, names: string[], options: { rg?: string; subscription?: string } = {}): string {
  const [provider, ...types] = type.split('/');
  const path = types.map((t, i) => `${t}/${names[i]}`).join('/');
  return `/subscriptions/${options.subscription ?? SUBSCRIPTION_ID}/resourceGroups/${options.rg ?? DEFAULT_RG}/providers/${provider}/${path}`;
}

/** Drops undefined values so payloads look like what ARM sends. */
function defined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

/** One value as ARM writes it: the singular field for one value, the plural for several. */
function singularOrPlural(single: string, plural: string, value: string | string[] | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value === 'string') return { [single]: value };
  if (value.length === 1) return { [single]: value[0] };
  return { [plural]: value };
}

interface Placement {
  rg?: string;
  subscription?: string;
  location?: string;
  tags?: Record<string, string>;
}

// ---------------------------------------------------------------- NSG rules and NSGs

export interface SecurityRuleOptions {
  name: string;
  priority?: number | string;
  direction?: 'Inbound' | 'Outbound' | string;
  access?: 'Allow' | 'Deny' | string;
  protocol?: string;
  /** A string becomes the singular ARM field, an array of two or more the plural one. */
  source?: string | string[];
  destination?: string | string[];
  sourcePort?: string | string[];
  destinationPort?: string | string[];
  sourceAsgs?: Ref[];
  destinationAsgs?: Ref[];
  description?: string;
  /** The NSG, when the rule is a standalone child resource (networkSecurityGroups/securityRules). */
  nsg?: string;
  rg?: string;
  /** Raw property overrides, e.g. `{ priority: null }` for malformed-input tests. */
  properties?: Record<string, unknown>;
}

export function armSecurityRule(options: SecurityRuleOptions): ArmChild {
  const properties = defined({
    description: options.description,
    protocol: options.protocol ?? 'Tcp',
    ...singularOrPlural('sourcePortRange', 'sourcePortRanges', options.sourcePort ?? '*'),
    ...singularOrPlural('destinationPortRange', 'destinationPortRanges', options.destinationPort ?? '*'),
    ...singularOrPlural('sourceAddressPrefix', 'sourceAddressPrefixes', options.source ?? '*'),
    ...singularOrPlural('destinationAddressPrefix', 'destinationAddressPrefixes', options.destination ?? '*'),
    sourceApplicationSecurityGroups: options.sourceAsgs?.map((asg) => ({ id: refId(asg) })),
    destinationApplicationSecurityGroups: options.destinationAsgs?.map((asg) => ({ id: refId(asg) })),
    access: options.access ?? 'Allow',
    priority: options.priority ?? 100,
    direction: options.direction ?? 'Inbound',
    provisioningState: 'Succeeded',
    ...options.properties,
  });
  if (options.nsg === undefined) return { name: options.name, properties };
  return {
    id: armResourceId('Microsoft.Network/networkSecurityGroups/securityRules', [options.nsg, options.name], { rg: options.rg }),
    name: options.name,
    type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    etag: ETAG,
    properties,
  };
}

/** The six rules Azure puts in every NSG (NetworkSecurityGroupGet.json). */
export function armDefaultSecurityRules(nsgId: string): ArmChild[] {
  const rule = (name: string, description: string, direction: string, priority: number, access: string, source: string, destination: string): ArmChild => ({
    id: `${nsgId}/defaultSecurityRules/${name}`,
    name,
    type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
    properties: {
      description,
      access,
      destinationAddressPrefix: destination,
      destinationPortRange: '*',
      direction,
      priority,
      provisioningState: 'Succeeded',
      sourceAddressPrefix: source,
      sourcePortRange: '*',
      protocol: '*',
    },
  });
  return [
    rule('AllowVnetInBound', 'Allow inbound traffic from all VMs in VNET', 'Inbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowAzureLoadBalancerInBound', 'Allow inbound traffic from azure load balancer', 'Inbound', 65001, 'Allow', 'AzureLoadBalancer', '*'),
    rule('DenyAllInBound', 'Deny all inbound traffic', 'Inbound', 65500, 'Deny', '*', '*'),
    rule('AllowVnetOutBound', 'Allow outbound traffic from all VMs to all VMs in VNET', 'Outbound', 65000, 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowInternetOutBound', 'Allow outbound traffic from all VMs to Internet', 'Outbound', 65001, 'Allow', '*', 'Internet'),
    rule('DenyAllOutBound', 'Deny all outbound traffic', 'Outbound', 65500, 'Deny', '*', '*'),
  ];
}

/** The eight rules bastion-nsg.md requires on AzureBastionSubnet, at the doc's priorities. */
export function compliantBastionNsgRules(): ArmChild[] {
  return [
    armSecurityRule({ name: 'AllowHttpsInbound', priority: 120, source: 'Internet', destinationPort: '443' }),
    armSecurityRule({ name: 'AllowGatewayManagerInbound', priority: 130, source: 'GatewayManager', destinationPort: '443' }),
    armSecurityRule({ name: 'AllowAzureLoadBalancerInbound', priority: 140, source: 'AzureLoadBalancer', destinationPort: '443' }),
    armSecurityRule({
      name: 'AllowBastionHostCommunication',
      priority: 150,
      protocol: '*',
      source: 'VirtualNetwork',
      destination: 'VirtualNetwork',
      destinationPort: ['8080', '5701'],
    }),
    armSecurityRule({ name: 'AllowSshRdpOutbound', priority: 100, direction: 'Outbound', protocol: '*', destination: 'VirtualNetwork', destinationPort: ['22', '3389'] }),
    armSecurityRule({ name: 'AllowAzureCloudOutbound', priority: 110, direction: 'Outbound', destination: 'AzureCloud', destinationPort: '443' }),
    armSecurityRule({
      name: 'AllowBastionCommunication',
      priority: 120,
      direction: 'Outbound',
      protocol: '*',
      source: 'VirtualNetwork',
      destination: 'VirtualNetwork',
      destinationPort: ['8080', '5701'],
    }),
    armSecurityRule({ name: 'AllowHttpOutbound', priority: 130, direction: 'Outbound', protocol: '*', destination: 'Internet', destinationPort: '80' }),
  ];
}

export interface NsgOptions extends Placement {
  name?: string;
  rules?: ArmChild[];
  /** Include Azure's six default rules as GET returns them (default true). */
  withDefaultRules?: boolean;
}

export function armNsg(options: NsgOptions = {}): ArmResource {
  const name = options.name ?? 'nsg-bastion';
  const id = armResourceId('Microsoft.Network/networkSecurityGroups', [name], options);
  const rules = (options.rules ?? []).map((rule) => ({ ...rule, id: `${id}/securityRules/${rule.name}`, type: 'Microsoft.Network/networkSecurityGroups/securityRules' }));
  return defined({
    id,
    name,
    type: 'Microsoft.Network/networkSecurityGroups',
    location: options.location ?? DEFAULT_LOCATION,
    etag: ETAG,
    tags: options.tags,
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: '4e2b6c1d-8f3a-4b5c-9d7e-0a1b2c3d4e5f',
      securityRules: rules,
      ...(options.withDefaultRules === false ? {} : { defaultSecurityRules: armDefaultSecurityRules(id) }),
    },
  });
}

// ---------------------------------------------------------------- route tables

export interface RouteOptions {
  name: string;
  addressPrefix?: string;
  nextHopType?: 'VirtualNetworkGateway' | 'VnetLocal' | 'Internet' | 'VirtualAppliance' | 'None' | string;
  nextHopIpAddress?: string;
  /** The route table, when the route is a standalone child resource (routeTables/routes). */
  routeTable?: string;
  rg?: string;
}

export function armRoute(options: RouteOptions): ArmChild {
  const properties = defined({
    addressPrefix: options.addressPrefix ?? '0.0.0.0/0',
    nextHopType: options.nextHopType ?? 'VirtualAppliance',
    nextHopIpAddress: options.nextHopIpAddress ?? ((options.nextHopType ?? 'VirtualAppliance') === 'VirtualAppliance' ? '10.0.100.4' : undefined),
    provisioningState: 'Succeeded',
  });
  if (options.routeTable === undefined) return { name: options.name, properties };
  return {
    id: armResourceId('Microsoft.Network/routeTables/routes', [options.routeTable, options.name], { rg: options.rg }),
    name: options.name,
    type: 'Microsoft.Network/routeTables/routes',
    properties,
  };
}

export interface RouteTableOptions extends Placement {
  name?: string;
  routes?: ArmChild[];
  disableBgpRoutePropagation?: boolean;
}

export function armRouteTable(options: RouteTableOptions = {}): ArmResource {
  const name = options.name ?? 'rt-spoke-default';
  const id = armResourceId('Microsoft.Network/routeTables', [name], options);
  const routes = (options.routes ?? []).map((route) => ({ ...route, id: `${id}/routes/${route.name}`, type: 'Microsoft.Network/routeTables/routes' }));
  return defined({
    id,
    name,
    type: 'Microsoft.Network/routeTables',
    location: options.location ?? DEFAULT_LOCATION,
    tags: options.tags,
    properties: { disableBgpRoutePropagation: options.disableBgpRoutePropagation ?? false, provisioningState: 'Succeeded', routes },
  });
}

// ---------------------------------------------------------------- virtual networks

export interface SubnetOptions {
  name?: string;
  addressPrefix?: string;
  /** Several prefixes: written as addressPrefixes (ARM's plural field). */
  addressPrefixes?: string[];
  nsg?: Ref;
  routeTable?: Ref;
  /** The VNet, when the subnet is a standalone child resource (virtualNetworks/subnets). */
  vnet?: string;
  rg?: string;
  subscription?: string;
}

export function armSubnet(options: SubnetOptions = {}): ArmChild {
  const name = options.name ?? 'AzureBastionSubnet';
  const properties = defined({
    addressPrefix: options.addressPrefixes === undefined ? (options.addressPrefix ?? '10.0.1.0/26') : undefined,
    addressPrefixes: options.addressPrefixes,
    networkSecurityGroup: sub(options.nsg),
    routeTable: sub(options.routeTable),
    privateEndpointNetworkPolicies: 'Disabled',
    privateLinkServiceNetworkPolicies: 'Enabled',
    provisioningState: 'Succeeded',
  });
  if (options.vnet === undefined) return { name, properties };
  return {
    id: armResourceId('Microsoft.Network/virtualNetworks/subnets', [options.vnet, name], options),
    name,
    type: 'Microsoft.Network/virtualNetworks/subnets',
    etag: ETAG,
    properties,
  };
}

export interface PeeringOptions {
  name?: string;
  remoteVnet: Ref;
  remoteAddressPrefixes?: string[];
  state?: 'Connected' | 'Initiated' | 'Disconnected' | string;
  syncLevel?: 'FullyInSync' | 'LocalNotInSync' | 'RemoteNotInSync' | 'LocalAndRemoteNotInSync' | string;
  allowVirtualNetworkAccess?: boolean;
  allowForwardedTraffic?: boolean;
  allowGatewayTransit?: boolean;
  useRemoteGateways?: boolean;
  /** The local VNet, when the peering is a standalone child resource (virtualNetworks/virtualNetworkPeerings). */
  vnet?: string;
  rg?: string;
}

export function armPeering(options: PeeringOptions): ArmChild {
  const name = options.name ?? `peer-to-${refId(options.remoteVnet).split('/').pop() ?? 'remote'}`;
  const remoteSpace = { addressPrefixes: options.remoteAddressPrefixes ?? ['10.1.0.0/16'] };
  const properties = {
    allowVirtualNetworkAccess: options.allowVirtualNetworkAccess ?? true,
    allowForwardedTraffic: options.allowForwardedTraffic ?? false,
    allowGatewayTransit: options.allowGatewayTransit ?? false,
    useRemoteGateways: options.useRemoteGateways ?? false,
    remoteVirtualNetwork: { id: refId(options.remoteVnet) },
    remoteAddressSpace: remoteSpace,
    remoteVirtualNetworkAddressSpace: remoteSpace,
    peeringState: options.state ?? 'Connected',
    peeringSyncLevel: options.syncLevel ?? 'FullyInSync',
    provisioningState: 'Succeeded',
  };
  if (options.vnet === undefined) return { name, properties };
  return {
    id: armResourceId('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', [options.vnet, name], { rg: options.rg }),
    name,
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    etag: ETAG,
    properties,
  };
}

export interface VirtualNetworkOptions extends Placement {
  name?: string;
  addressPrefixes?: string[];
  subnets?: ArmChild[];
  peerings?: ArmChild[];
  dnsServers?: string[];
}

export function armVirtualNetwork(options: VirtualNetworkOptions = {}): ArmResource {
  const name = options.name ?? 'vnet-hub';
  const id = armResourceId('Microsoft.Network/virtualNetworks', [name], options);
  const subnets = (options.subnets ?? [armSubnet()]).map((subnet) => ({
    ...subnet,
    id: `${id}/subnets/${subnet.name}`,
    type: 'Microsoft.Network/virtualNetworks/subnets',
  }));
  const peerings = (options.peerings ?? []).map((peering) => ({
    ...peering,
    id: `${id}/virtualNetworkPeerings/${peering.name}`,
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  }));
  return defined({
    id,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: options.location ?? DEFAULT_LOCATION,
    etag: ETAG,
    tags: options.tags,
    properties: defined({
      addressSpace: { addressPrefixes: options.addressPrefixes ?? ['10.0.0.0/16'] },
      dhcpOptions: options.dnsServers === undefined ? undefined : { dnsServers: options.dnsServers },
      provisioningState: 'Succeeded',
      resourceGuid: '6b1e3f0a-2c4d-4e5f-8a9b-0c1d2e3f4a5b',
      subnets,
      virtualNetworkPeerings: peerings,
    }),
  });
}

/** The id of a subnet inside a VNet built by armVirtualNetwork. */
export function subnetIdOf(vnet: Ref, subnetName = 'AzureBastionSubnet'): string {
  return `${refId(vnet)}/subnets/${subnetName}`;
}

// ---------------------------------------------------------------- Bastion and public IPs

export interface PublicIpOptions extends Placement {
  name?: string;
  sku?: 'Basic' | 'Standard' | string;
  allocationMethod?: 'Static' | 'Dynamic' | string;
  ipAddress?: string;
  version?: 'IPv4' | 'IPv6' | string;
  zones?: string[];
}

export function armPublicIp(options: PublicIpOptions = {}): ArmResource {
  const name = options.name ?? 'pip-bastion';
  return defined({
    id: armResourceId('Microsoft.Network/publicIPAddresses', [name], options),
    name,
    type: 'Microsoft.Network/publicIPAddresses',
    location: options.location ?? DEFAULT_LOCATION,
    etag: ETAG,
    sku: { name: options.sku ?? 'Standard', tier: 'Regional' },
    zones: options.zones,
    tags: options.tags,
    properties: defined({
      provisioningState: 'Succeeded',
      publicIPAddressVersion: options.version ?? 'IPv4',
      publicIPAllocationMethod: options.allocationMethod ?? 'Static',
      idleTimeoutInMinutes: 4,
      ipAddress: options.ipAddress ?? '20.61.14.22',
    }),
  });
}

export interface BastionHostOptions extends Placement {
  name?: string;
  sku?: 'Developer' | 'Basic' | 'Standard' | 'Premium' | string;
  /** Dedicated SKUs: the subnet the host sits in (default: AzureBastionSubnet of vnet-hub). */
  subnet?: Ref;
  publicIp?: Ref | null;
  features?: Partial<BastionFeatures>;
  scaleUnits?: number;
  provisioningState?: string;
  zones?: string[];
  /** Developer SKU: the VNet it serves, and its networkAcls.ipRules prefixes. */
  virtualNetwork?: Ref;
  ipRules?: string[];
  dnsName?: string;
  /** Raw property overrides. */
  properties?: Record<string, unknown>;
}

export function armBastionHost(options: BastionHostOptions = {}): ArmResource {
  const name = options.name ?? 'bas-contoso-hub';
  const sku = options.sku ?? 'Standard';
  const id = armResourceId('Microsoft.Network/bastionHosts', [name], options);
  const developer = sku === 'Developer';
  const subnet = options.subnet ?? subnetIdOf(armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub'], options));
  const publicIp = options.publicIp === undefined ? armResourceId('Microsoft.Network/publicIPAddresses', ['pip-bastion'], options) : options.publicIp;
  const ipConfigurations = developer
    ? []
    : [
        {
          name: 'IpConf',
          id: `${id}/bastionHostIpConfigurations/IpConf`,
          type: 'Microsoft.Network/bastionHosts/bastionHostIpConfigurations',
          etag: ETAG,
          properties: defined({
            privateIPAllocationMethod: 'Dynamic',
            provisioningState: 'Succeeded',
            publicIPAddress: publicIp === null ? undefined : { id: refId(publicIp) },
            subnet: { id: refId(subnet) },
          }),
        },
      ];
  const featureDefaults: BastionFeatures = developer
    ? {}
    : {
        disableCopyPaste: false,
        enableIpConnect: false,
        enableKerberos: false,
        enablePrivateOnlyBastion: false,
        enableSessionRecording: false,
        enableShareableLink: false,
        enableTunneling: false,
      };
  return defined({
    id,
    name,
    type: 'Microsoft.Network/bastionHosts',
    location: options.location ?? DEFAULT_LOCATION,
    etag: ETAG,
    sku: { name: sku },
    zones: options.zones ?? (developer ? undefined : []),
    tags: options.tags,
    properties: defined({
      ...featureDefaults,
      ...options.features,
      dnsName: options.dnsName ?? (developer ? 'omnibrain.westeurope.bastionglobal.azure.com' : 'bst-3f1c9a2e-7d4b-4e8a-b6c5-1a2b3c4d5e6f.bastion.azure.com'),
      ipConfigurations,
      networkAcls: developer ? { ipRules: (options.ipRules ?? []).map((addressPrefix) => ({ addressPrefix })) } : undefined,
      virtualNetwork: developer ? { id: refId(options.virtualNetwork ?? armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub'], options)) } : undefined,
      provisioningState: options.provisioningState ?? 'Succeeded',
      scaleUnits: developer ? undefined : (options.scaleUnits ?? 2),
      ...options.properties,
    }),
  });
}

// ---------------------------------------------------------------- NICs and VMs

export interface NicOptions extends Placement {
  name?: string;
  subnet?: Ref;
  privateIp?: string;
  nsg?: Ref;
  vm?: Ref;
  asgs?: Ref[];
}

export function armNic(options: NicOptions = {}): ArmResource {
  const name = options.name ?? 'nic-vm-web-01';
  const id = armResourceId('Microsoft.Network/networkInterfaces', [name], options);
  const subnet = options.subnet ?? `${armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub'], options)}/subnets/snet-workload`;
  return defined({
    id,
    name,
    type: 'Microsoft.Network/networkInterfaces',
    location: options.location ?? DEFAULT_LOCATION,
    etag: ETAG,
    tags: options.tags,
    properties: defined({
      provisioningState: 'Succeeded',
      ipConfigurations: [
        {
          name: 'ipconfig1',
          id: `${id}/ipConfigurations/ipconfig1`,
          properties: defined({
            provisioningState: 'Succeeded',
            privateIPAddress: options.privateIp ?? '10.0.2.4',
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: refId(subnet) },
            primary: true,
            privateIPAddressVersion: 'IPv4',
            applicationSecurityGroups: options.asgs?.map((asg) => ({ id: refId(asg) })),
          }),
        },
      ],
      networkSecurityGroup: sub(options.nsg),
      virtualMachine: sub(options.vm),
      enableAcceleratedNetworking: true,
      enableIPForwarding: false,
      primary: true,
    }),
  });
}

export interface VmOptions extends Placement {
  name?: string;
  nics?: Ref[];
  osType?: 'Linux' | 'Windows';
  /** e.g. 'running', 'deallocated', 'stopped'. */
  powerState?: string;
  /** Include properties.instanceView, as GET with $expand=instanceView returns it (default true). */
  withInstanceView?: boolean;
  provisioningState?: string;
}

export function armVm(options: VmOptions = {}): ArmResource {
  const name = options.name ?? 'vm-web-01';
  const osType = options.osType ?? 'Linux';
  const nics = options.nics ?? [armResourceId('Microsoft.Network/networkInterfaces', [`nic-${name}`], options)];
  const powerState = options.powerState ?? 'running';
  const osProfile =
    osType === 'Linux'
      ? { computerName: name, adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true } }
      : { computerName: name, adminUsername: 'azureuser', windowsConfiguration: { provisionVMAgent: true, enableAutomaticUpdates: true } };
  return defined({
    id: armResourceId('Microsoft.Compute/virtualMachines', [name], options),
    name,
    type: 'Microsoft.Compute/virtualMachines',
    location: options.location ?? DEFAULT_LOCATION,
    tags: options.tags,
    properties: defined({
      vmId: '0f47b100-583c-48e3-a4c0-aefc2c9bbcc1',
      hardwareProfile: { vmSize: 'Standard_D2s_v5' },
      storageProfile: {
        imageReference:
          osType === 'Linux'
            ? { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' }
            : { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
        osDisk: { osType, name: `${name}_OsDisk_1`, createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' }, diskSizeGB: 30 },
        dataDisks: [],
      },
      osProfile,
      networkProfile: { networkInterfaces: nics.map((nic, i) => ({ id: refId(nic), properties: { primary: i === 0 } })) },
      provisioningState: options.provisioningState ?? 'Succeeded',
      instanceView:
        options.withInstanceView === false
          ? undefined
          : {
              computerName: name,
              osName: osType === 'Linux' ? 'ubuntu' : 'Windows Server 2022 Datacenter Azure Edition',
              statuses: [
                { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time: '2026-03-02T09:14:27.5513714+00:00' },
                { code: `PowerState/${powerState}`, level: 'Info', displayStatus: `VM ${powerState}` },
              ],
            },
    }),
  });
}

// ---------------------------------------------------------------- monitoring and DNS

export interface DiagnosticSettingOptions {
  /** The resource the setting is attached to (typically the Bastion host). */
  target: Ref;
  name?: string;
  /** Log categories, e.g. ['BastionAuditLogs']; ignored when categoryGroup is given. */
  categories?: string[];
  categoryGroup?: string;
  enabled?: boolean;
  workspaceId?: string | null;
  storageAccountId?: string;
}

export function armDiagnosticSetting(options: DiagnosticSettingOptions): ArmResource {
  const name = options.name ?? 'send-to-log-analytics';
  const enabled = options.enabled ?? true;
  const logs =
    options.categoryGroup !== undefined
      ? [{ categoryGroup: options.categoryGroup, enabled }]
      : (options.categories ?? ['BastionAuditLogs']).map((category) => ({ category, enabled }));
  return {
    id: `${refId(options.target)}/providers/microsoft.insights/diagnosticSettings/${name}`,
    name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: defined({
      workspaceId: options.workspaceId === null ? undefined : (options.workspaceId ?? WORKSPACE_ID),
      storageAccountId: options.storageAccountId,
      logs,
      metrics: [],
      logAnalyticsDestinationType: null,
    }),
  };
}

export interface PrivateDnsZoneLinkOptions {
  vnet: Ref;
  zone?: string;
  name?: string;
  rg?: string;
  registrationEnabled?: boolean;
}

export function armPrivateDnsZoneLink(options: PrivateDnsZoneLinkOptions): ArmResource {
  const zone = options.zone ?? 'privatelink.westeurope.azure.com';
  const name = options.name ?? `link-${refId(options.vnet).split('/').pop() ?? 'vnet'}`;
  return {
    id: armResourceId('Microsoft.Network/privateDnsZones/virtualNetworkLinks', [zone, name], { rg: options.rg }),
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    etag: '"0c00f1e7-0000-0100-0000-65f0a1b20000"',
    properties: {
      provisioningState: 'Succeeded',
      registrationEnabled: options.registrationEnabled ?? false,
      virtualNetwork: { id: refId(options.vnet) },
      virtualNetworkLinkState: 'Completed',
    },
  };
}

// ---------------------------------------------------------------- a coherent environment

export interface HubScenario {
  vnet: ArmResource;
  nsg: ArmResource;
  publicIp: ArmResource;
  bastion: ArmResource;
  nic: ArmResource;
  vm: ArmResource;
  /** All of the above, in the order a resource-group listing returns them. */
  resources: ArmResource[];
}

/**
 * A healthy Standard Bastion in vnet-hub: AzureBastionSubnet (/26) with a compliant NSG, a public
 * IP, and one running Linux VM in snet-workload. Options pass through to the Bastion host.
 */
export function hubScenario(bastion: BastionHostOptions = {}): HubScenario {
  const nsg = armNsg({ name: 'nsg-bastion', rules: compliantBastionNsgRules() });
  const vnet = armVirtualNetwork({
    name: 'vnet-hub',
    subnets: [
      armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26', nsg }),
      armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' }),
    ],
  });
  const publicIp = armPublicIp({ name: 'pip-bastion' });
  const host = armBastionHost({ subnet: subnetIdOf(vnet), publicIp, ...bastion });
  const vmId = armResourceId('Microsoft.Compute/virtualMachines', ['vm-web-01']);
  const nic = armNic({ name: 'nic-vm-web-01', subnet: subnetIdOf(vnet, 'snet-workload'), vm: vmId });
  const vm = armVm({ name: 'vm-web-01', nics: [nic] });
  return { vnet, nsg, publicIp, bastion: host, nic, vm, resources: [vnet, nsg, publicIp, host, nic, vm] };
}
