// The normalized, source-independent topology every check reads.
// Sources (ARM GETs, snapshots, ARM/Bicep/Terraform templates) translate into it; nothing
// here knows where the data came from except through `origin`.

/** Zero-based position, as editors count. */
export interface Position {
  line: number;
  character: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

/** Where an element came from, so a finding can point at it and a fix can edit it. */
export type Origin =
  | { kind: 'arm'; id: string }
  | { kind: 'file'; file: string; range: SourceRange };

/**
 * A value a template source could not resolve (a parameter without a default, a remote module).
 * Elements list such fields by name in `unresolved`, with what would decide them.
 */
export interface UnresolvedField {
  field: string;
  reason: string;
}

interface Element {
  /** ARM resource id (live, snapshot) or a synthetic id a template source builds the same way. */
  id: string;
  name: string;
  origin: Origin;
  unresolved?: UnresolvedField[];
}

export type BastionSkuName = 'Developer' | 'Basic' | 'Standard' | 'Premium';

export interface BastionFeatures {
  enableTunneling?: boolean;
  enableIpConnect?: boolean;
  enableShareableLink?: boolean;
  enableFileCopy?: boolean;
  disableCopyPaste?: boolean;
  enableKerberos?: boolean;
  enableSessionRecording?: boolean;
  enablePrivateOnlyBastion?: boolean;
}

export const BASTION_FEATURE_NAMES: readonly (keyof BastionFeatures)[] = [
  'enableTunneling',
  'enableIpConnect',
  'enableShareableLink',
  'enableFileCopy',
  'disableCopyPaste',
  'enableKerberos',
  'enableSessionRecording',
  'enablePrivateOnlyBastion',
];

export interface BastionIpConfiguration {
  name: string;
  subnetId?: string;
  publicIpId?: string;
  privateIpAllocationMethod?: string;
  provisioningState?: string;
}

export interface BastionHost extends Element {
  location?: string;
  /** As written in the source; an unknown value stays as written so a check can name it. */
  sku?: BastionSkuName | string;
  provisioningState?: string;
  features: BastionFeatures;
  scaleUnits?: number;
  ipConfigurations: BastionIpConfiguration[];
  dnsName?: string;
  /** Developer SKU only: the VNet it serves. */
  virtualNetworkId?: string;
  /** Developer SKU only: networkAcls.ipRules[].addressPrefix. */
  networkAclAddressPrefixes?: string[];
  zones?: string[];
  /** Template sources: the apiVersion the resource is declared with. */
  apiVersion?: string;
  /** Template sources: the ARM property names set on the resource (for api-version checks). */
  declaredProperties?: string[];
  tags?: Record<string, string>;
}

export type PeeringState = 'Connected' | 'Initiated' | 'Disconnected' | string;

export interface VirtualNetworkPeering extends Element {
  remoteVirtualNetworkId?: string;
  peeringState?: PeeringState;
  /** peeringSyncLevel, e.g. FullyInSync, LocalNotInSync. */
  peeringSyncLevel?: string;
  remoteAddressPrefixes: string[];
  allowVirtualNetworkAccess?: boolean;
  allowForwardedTraffic?: boolean;
  allowGatewayTransit?: boolean;
  useRemoteGateways?: boolean;
  /** Set when the remote VNet belongs to another Entra tenant (remoteVirtualNetwork carries it). */
  remoteTenantId?: string;
}

export interface Subnet extends Element {
  virtualNetworkId: string;
  addressPrefixes: string[];
  networkSecurityGroupId?: string;
  routeTableId?: string;
  /** Origin of the NSG association itself, when declared apart from the subnet (Terraform). */
  networkSecurityGroupAssociationOrigin?: Origin;
  routeTableAssociationOrigin?: Origin;
  provisioningState?: string;
}

export interface VirtualNetwork extends Element {
  location?: string;
  addressPrefixes: string[];
  subnets: Subnet[];
  peerings: VirtualNetworkPeering[];
  dnsServers?: string[];
}

export type Direction = 'Inbound' | 'Outbound';
export type Access = 'Allow' | 'Deny';
/** SecurityRuleProtocol from the spec, plus 'All' as the effective-rules API spells Any. */
export type RuleProtocol = 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | '*' | string;

export interface SecurityRule extends Element {
  priority: number;
  direction: Direction;
  access: Access;
  protocol: RuleProtocol;
  /** Singular and plural ARM fields merged: sourceAddressPrefix ∪ sourceAddressPrefixes. */
  sourceAddressPrefixes: string[];
  destinationAddressPrefixes: string[];
  sourcePortRanges: string[];
  destinationPortRanges: string[];
  sourceApplicationSecurityGroupIds: string[];
  destinationApplicationSecurityGroupIds: string[];
  /** True for the six Azure default rules (defaultSecurityRules). */
  isDefault: boolean;
  description?: string;
  /**
   * Set when the source cannot tell whether the rule belongs to this NSG (a template rule whose
   * NSG reference is not resolved is listed in every NSG it could belong to): why. A flow the rule
   * would decide is undecided, never decided by it or without it.
   */
  membershipUnknown?: string;
}

export interface NetworkSecurityGroup extends Element {
  location?: string;
  /**
   * The rules read. An `unresolved` entry with field 'securityRules' says more rules may exist
   * that could not be read (their number, priority or direction is not known): every flow through
   * the NSG is then undecided.
   */
  securityRules: SecurityRule[];
  /** As read; when a source omits them the evaluator supplies Azure's six defaults. */
  defaultSecurityRules: SecurityRule[];
}

export type NextHopType =
  | 'VirtualNetworkGateway'
  | 'VnetLocal'
  | 'Internet'
  | 'VirtualAppliance'
  | 'None'
  | string;

export interface Route extends Element {
  addressPrefix?: string;
  nextHopType?: NextHopType;
  nextHopIpAddress?: string;
}

export interface RouteTable extends Element {
  routes: Route[];
  disableBgpRoutePropagation?: boolean;
}

export interface NicIpConfiguration {
  name: string;
  subnetId?: string;
  privateIpAddress?: string;
  primary?: boolean;
  applicationSecurityGroupIds: string[];
}

export interface NetworkInterface extends Element {
  virtualMachineId?: string;
  networkSecurityGroupId?: string;
  networkSecurityGroupAssociationOrigin?: Origin;
  ipConfigurations: NicIpConfiguration[];
}

export type OsType = 'Linux' | 'Windows';

export interface VirtualMachine extends Element {
  location?: string;
  /** The primary NIC first (the checks and Bastion use it); the others in their declared order. */
  networkInterfaceIds: string[];
  /** From the instance view, e.g. 'running', 'deallocated', 'stopped', 'starting'; undefined = not read. */
  powerState?: string;
  osType?: OsType;
  provisioningState?: string;
}

export interface PublicIpAddress extends Element {
  location?: string;
  skuName?: string;
  allocationMethod?: string;
  ipAddress?: string;
  ipVersion?: string;
}

export interface DiagnosticLogSetting {
  category?: string;
  categoryGroup?: string;
  enabled: boolean;
}

export interface DiagnosticSetting extends Element {
  /** The resource the setting is attached to (the part of the id before /providers/Microsoft.Insights). */
  targetResourceId: string;
  logs: DiagnosticLogSetting[];
  workspaceId?: string;
  storageAccountId?: string;
  eventHubAuthorizationRuleId?: string;
}

export interface PrivateDnsZoneLink extends Element {
  zoneName: string;
  virtualNetworkId: string;
}

// ----- deep data: evidence the platform itself gives, gathered by the slower checks -----

export interface EffectiveRoute {
  source: string; // Default | User | VirtualNetworkGateway | ...
  state?: string; // Active | Invalid
  addressPrefixes: string[];
  nextHopType: string;
  nextHopIpAddresses: string[];
}

export interface EffectiveRouteTable {
  networkInterfaceId: string;
  routes: EffectiveRoute[];
}

export interface IpFlowVerifyResult {
  virtualMachineId: string;
  networkInterfaceId?: string;
  direction: Direction;
  protocol: 'TCP' | 'UDP';
  localIpAddress: string;
  localPort: string;
  remoteIpAddress: string;
  remotePort: string;
  access: Access;
  ruleName: string;
}

export interface AuditLogRow {
  timeGenerated: string;
  userName?: string;
  clientIpAddress?: string;
  protocol?: string;
  targetResourceId?: string;
  targetVmIpAddress?: string;
  message?: string;
  operationName?: string;
}

export interface AuditLogQueryResult {
  bastionHostId: string;
  /** The KQL that produced the rows, shown to the user. */
  query: string;
  rows: AuditLogRow[];
}

export interface DeepEvidence {
  effectiveRouteTables: EffectiveRouteTable[];
  ipFlowVerifyResults: IpFlowVerifyResult[];
  auditLogs: AuditLogQueryResult[];
}

/** A problem found while building the topology (a dangling reference, a malformed resource). */
export interface SourceProblem {
  /** The resource id or name the problem is about. */
  resource: string;
  message: string;
  origin?: Origin;
}

export interface Topology {
  bastionHosts: BastionHost[];
  virtualNetworks: VirtualNetwork[];
  networkSecurityGroups: NetworkSecurityGroup[];
  routeTables: RouteTable[];
  networkInterfaces: NetworkInterface[];
  virtualMachines: VirtualMachine[];
  publicIpAddresses: PublicIpAddress[];
  diagnosticSettings: DiagnosticSetting[];
  privateDnsZoneLinks: PrivateDnsZoneLink[];
  deep?: DeepEvidence;
  /**
   * Which reads were made. A check only reports an absence (no diagnostic setting, no DNS link)
   * when the source actually read that kind of resource.
   */
  coverage: TopologyCoverage;
  problems: SourceProblem[];
  /** Set for the built-in demo environment, so every presenter can label it. */
  isDemo?: boolean;
  /** A short description of the source: "snapshot contoso.json", "demo", "subscription ...". */
  sourceLabel?: string;
}

export interface TopologyCoverage {
  diagnosticSettings: boolean;
  privateDnsZoneLinks: boolean;
  /** True when VMs carry their instance view (power state). */
  instanceView: boolean;
}

export function emptyTopology(): Topology {
  return {
    bastionHosts: [],
    virtualNetworks: [],
    networkSecurityGroups: [],
    routeTables: [],
    networkInterfaces: [],
    virtualMachines: [],
    publicIpAddresses: [],
    diagnosticSettings: [],
    privateDnsZoneLinks: [],
    coverage: { diagnosticSettings: false, privateDnsZoneLinks: false, instanceView: false },
    problems: [],
  };
}
