// The hops a Bastion connection takes from the user's client to the VM, each judged ok, blocked
// or unknown, with the rule that decided it. Computed from the topology with the NSG evaluator
// and from the report's findings (routing, public IP, power state), so the picture and the
// findings never disagree about the cause.
import { indexTopology, type TopologyIndex } from '../checks/topologyIndex';
import { assessReach } from '../checks/reachability';
import { skuOf, isPrivateOnly } from '../checks/sku';
import { unreadRulesReason } from '../checks/unreadRules';
import { placeVm } from '../checks/vmNetwork';
import type { DiagnosisReport, DiagnosisTarget } from '../diagnose';
import type { Finding } from '../findings';
import type { BastionHost, Subnet, Topology, VirtualMachine } from '../model';
import { rulesOf, evaluateFlow, type EvaluationContext, type FlowEvaluation, type FlowQuery } from '../nsg';
import { sameId } from '../resourceId';

export type HopStatus = 'ok' | 'blocked' | 'unknown';

export type HopKind =
  | 'client'
  | 'bastion-public-ip'
  | 'bastion-nsg-inbound'
  | 'bastion-nsg-outbound'
  | 'route'
  | 'target-subnet-nsg'
  | 'nic-nsg'
  | 'vm';

export interface ConnectionHop {
  kind: HopKind;
  title: string;
  status: HopStatus;
  /** What decided the status: an NSG rule ("DenyRdpFromHub (300, Deny)"), a rule id, a state. */
  decidedBy: string;
}

export interface ConnectionPath {
  bastionHostName: string;
  virtualMachineName: string;
  ports: string[];
  hops: ConnectionHop[];
}

export const HOP_TITLES: Record<HopKind, string> = {
  client: 'Client',
  'bastion-public-ip': 'Bastion public IP',
  'bastion-nsg-inbound': 'AzureBastionSubnet NSG inbound',
  'bastion-nsg-outbound': 'AzureBastionSubnet NSG outbound',
  route: 'Route',
  'target-subnet-nsg': 'Target subnet NSG',
  'nic-nsg': 'NIC NSG',
  vm: 'VM',
};

const DEVELOPER_SOURCE = '168.63.129.16';
const ROUTE_RULES = new Set(['bastion-subnet-route-table', 'bastion-forced-tunnel', 'vm-peering-not-connected', 'vm-not-reachable']);

interface PathContext {
  topology: Topology;
  index: TopologyIndex;
  findings: Finding[];
  host: BastionHost;
  vm: VirtualMachine;
  bastionSubnet?: Subnet;
  vmIps: string[];
  ports: string[];
}

/** Undefined when the target names no VM or the host / VM is not in the topology. */
export function buildConnectionPath(topology: Topology, report: DiagnosisReport, target: DiagnosisTarget): ConnectionPath | undefined {
  const host = topology.bastionHosts.find((candidate) => sameId(candidate.id, target.bastionHostId));
  const vm = topology.virtualMachines.find((candidate) => sameId(candidate.id, target.virtualMachineId));
  if (!host || !vm) return undefined;
  const index = indexTopology(topology);
  const subnetId = host.ipConfigurations.find((config) => config.subnetId)?.subnetId;
  const placement = placeVm(index, topology.networkInterfaces, vm);
  const context: PathContext = {
    topology,
    index,
    findings: report.findings.filter((finding) => concerns(finding, host, vm)),
    host,
    vm,
    bastionSubnet: index.subnet(subnetId),
    vmIps: placement.nics.flatMap((entry) => (entry.ipConfiguration?.privateIpAddress ? [entry.ipConfiguration.privateIpAddress] : [])),
    ports: vm.osType === 'Windows' ? ['3389'] : vm.osType === 'Linux' ? ['22'] : ['22', '3389'],
  };
  const hops: ConnectionHop[] = [
    hop('client', 'ok', 'start of the connection'),
    publicIpHop(context),
    bastionNsgHop(context, 'Inbound'),
    bastionNsgHop(context, 'Outbound'),
    routeHop(context),
    ...targetNsgHops(context, placement),
    vmHop(context),
  ];
  return { bastionHostName: host.name, virtualMachineName: vm.name, ports: context.ports, hops };
}

function concerns(finding: Finding, host: BastionHost, vm: VirtualMachine): boolean {
  const context = finding.context;
  if (!context) return false;
  if (context.virtualMachineId && !sameId(context.virtualMachineId, vm.id)) return false;
  return !context.bastionHostId || sameId(context.bastionHostId, host.id);
}

function hop(kind: HopKind, status: HopStatus, decidedBy: string): ConnectionHop {
  return { kind, title: HOP_TITLES[kind], status, decidedBy };
}

function blockingFinding(context: PathContext, matches: (finding: Finding) => boolean): Finding | undefined {
  return context.findings.find((finding) => finding.severity === 'error' && matches(finding));
}

function publicIpHop(context: PathContext): ConnectionHop {
  const { host } = context;
  const blocking = blockingFinding(context, (f) => f.rule === 'bastion-public-ip' || f.rule === 'bastion-provisioning-state');
  if (blocking) return hop('bastion-public-ip', 'blocked', blocking.rule);
  if (skuOf(host) === 'Developer') return hop('bastion-public-ip', 'ok', 'Developer SKU: shared endpoint, no public IP');
  if (isPrivateOnly(host)) return hop('bastion-public-ip', 'ok', 'private-only Bastion: no public IP');
  const publicIpId = host.ipConfigurations.find((config) => config.publicIpId)?.publicIpId;
  const publicIp = context.index.publicIpAddress(publicIpId);
  if (!publicIp) return hop('bastion-public-ip', 'unknown', publicIpId ? 'public IP not read' : 'no public IP configured');
  return hop('bastion-public-ip', 'ok', publicIp.ipAddress ? `${publicIp.name} (${publicIp.ipAddress})` : publicIp.name);
}

function bastionNsgHop(context: PathContext, direction: 'Inbound' | 'Outbound'): ConnectionHop {
  const kind: HopKind = direction === 'Inbound' ? 'bastion-nsg-inbound' : 'bastion-nsg-outbound';
  const prefix = direction === 'Inbound' ? 'in-' : 'out-';
  const blocking = blockingFinding(context, (f) => f.layer === 'bastion-subnet' && (f.flow?.startsWith(prefix) ?? false));
  if (skuOf(context.host) === 'Developer') return hop(kind, 'ok', 'Developer SKU: no AzureBastionSubnet');
  const subnet = context.bastionSubnet;
  if (!subnet) {
    const missing = blockingFinding(context, (f) => f.rule === 'bastion-subnet-missing');
    return missing ? hop(kind, 'blocked', missing.rule) : hop(kind, 'unknown', 'AzureBastionSubnet not read');
  }
  const query: FlowQuery = direction === 'Inbound'
    ? { direction, protocol: 'Tcp', sources: ['Internet'], destinations: subnet.addressPrefixes, destinationPorts: ['443'] }
    : { direction, protocol: 'Tcp', sources: subnet.addressPrefixes, destinations: targetsOf(context), destinationPorts: context.ports };
  const judged = judgeNsg(context, kind, subnet.networkSecurityGroupId, query, bastionVnetContext(context));
  if (blocking && judged.status !== 'blocked') return hop(kind, 'blocked', `${blocking.rule}: ${blocking.evidence[0]?.value ?? blocking.message}`);
  return judged;
}

function routeHop(context: PathContext): ConnectionHop {
  const blocking = blockingFinding(context, (f) => ROUTE_RULES.has(f.rule));
  if (blocking) return hop('route', 'blocked', blocking.rule);
  const reach = assessReach(context.index, context.topology.networkInterfaces, context.host, context.vm);
  switch (reach.kind) {
    case 'same-vnet':
      return hop('route', 'ok', 'same virtual network');
    case 'peered':
      return hop('route', 'ok', `peering ${reach.forward?.name ?? reach.reverse?.name ?? ''}`.trim());
    case 'peering-not-connected':
      return hop('route', 'blocked', 'peering not Connected');
    case 'not-reachable':
      return hop('route', 'blocked', `not reachable (${reach.reason})`);
    case 'one-half-declared':
      return hop('route', 'unknown', `no peering from ${reach.from} to ${reach.to} declared`);
    default:
      return hop('route', 'unknown', reach.reason);
  }
}

function targetNsgHops(context: PathContext, placement: ReturnType<typeof placeVm>): ConnectionHop[] {
  const primary = placement.nics[0];
  const subnet = context.index.subnet(primary?.ipConfiguration?.subnetId);
  const sources = skuOf(context.host) === 'Developer' ? [DEVELOPER_SOURCE] : (context.bastionSubnet?.addressPrefixes ?? []);
  const query: FlowQuery = { direction: 'Inbound', protocol: 'Tcp', sources, destinations: targetsOf(context), destinationPorts: context.ports };
  const evaluation = vmVnetContext(context, subnet);
  const unknownSource = sources.length === 0;
  const subnetHop = !subnet
    ? hop('target-subnet-nsg', 'unknown', 'VM subnet not read')
    : unknownSource ? hop('target-subnet-nsg', 'unknown', 'Bastion subnet prefix not known')
      : judgeNsg(context, 'target-subnet-nsg', subnet.networkSecurityGroupId, query, evaluation);
  const nicHop = !primary
    ? hop('nic-nsg', 'unknown', 'network interface not read')
    : unknownSource ? hop('nic-nsg', 'unknown', 'Bastion subnet prefix not known')
      : judgeNsg(context, 'nic-nsg', primary.nic.networkSecurityGroupId, query, evaluation);
  return [subnetHop, nicHop];
}

function vmHop(context: PathContext): ConnectionHop {
  const state = context.vm.powerState;
  if (state === undefined) return hop('vm', 'unknown', 'power state not read');
  return hop('vm', state.toLowerCase() === 'running' ? 'ok' : 'blocked', `power state: ${state}`);
}

function targetsOf(context: PathContext): string[] {
  return context.vmIps.length > 0 ? context.vmIps : ['VirtualNetwork'];
}

function judgeNsg(context: PathContext, kind: HopKind, nsgId: string | undefined, query: FlowQuery, evaluation: EvaluationContext): ConnectionHop {
  if (!nsgId) return hop(kind, 'ok', 'no NSG');
  const nsg = context.index.networkSecurityGroup(nsgId);
  if (!nsg) return hop(kind, 'unknown', 'NSG not read');
  if (unreadRulesReason(nsg) !== undefined) return hop(kind, 'unknown', `${nsg.name}: some rules not read`);
  const result = evaluateFlow(rulesOf(nsg), query, evaluation);
  return hop(kind, statusOf(result), `${nsg.name}: ${decidingRule(result)}`);
}

function statusOf(evaluation: FlowEvaluation): HopStatus {
  if (evaluation.verdict === 'allow') return 'ok';
  if (evaluation.verdict === 'unknown') return 'unknown';
  return 'blocked';
}

/** The rule behind the verdict: the first denying part's rule, else the first part's. */
function decidingRule(evaluation: FlowEvaluation): string {
  const wanted = evaluation.verdict === 'allow' ? 'allow' : evaluation.verdict === 'unknown' ? 'unknown' : 'deny';
  const part = evaluation.parts.find((candidate) => candidate.verdict === wanted) ?? evaluation.parts[0];
  const rule = part?.decidedBy ?? part?.undecided?.[0]?.rule;
  if (!rule) return 'no rule decides';
  return `${rule.name} (${rule.priority}, ${rule.access}${rule.isDefault ? ', Azure default' : ''})`;
}

function bastionVnetContext(context: PathContext): EvaluationContext {
  return { virtualNetworkPrefixes: vnetPrefixes(context, context.bastionSubnet?.virtualNetworkId) };
}

function vmVnetContext(context: PathContext, subnet: Subnet | undefined): EvaluationContext {
  return { virtualNetworkPrefixes: vnetPrefixes(context, subnet?.virtualNetworkId) };
}

/** The VirtualNetwork tag: the VNet's space plus its peers'; undefined when the VNet was not read. */
function vnetPrefixes(context: PathContext, vnetId: string | undefined): string[] | undefined {
  const vnet = context.index.virtualNetwork(vnetId);
  if (!vnet) return undefined;
  return [...vnet.addressPrefixes, ...vnet.peerings.flatMap((peering) => peering.remoteAddressPrefixes)];
}
