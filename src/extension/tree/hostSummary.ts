// What the Bastion Hosts tree shows about a host and its VMs, computed without vscode so it can
// be tested: description, a quick static health verdict, tooltip lines, the VMs the host reaches.
import { indexTopology } from '../../core/checks/topologyIndex';
import { assessReach, isCandidateTarget } from '../../core/checks/reachability';
import { skuLabel } from '../../core/checks/sku';
import { diagnose } from '../../core/diagnose';
import { BASTION_FEATURE_NAMES, type BastionHost, type Topology, type VirtualMachine } from '../../core/model';
import { parseResourceId } from '../../core/resourceId';
import { applySeverityOverrides, type SeverityOverrides } from '../../core/severity';
import type { Health, HostNodeData } from './nodeData';

export { matchesFilter, page, type Health } from './nodeData';

export interface HostSummary {
  host: BastionHost;
  /** "Standard · Succeeded" */
  description: string;
  health: Health;
  /** Markdown-free lines for the tooltip: VNet, subnet, features. */
  details: { label: string; value: string }[];
  vms: VmSummary[];
}

export interface VmSummary {
  vm: VirtualMachine;
  /** "running", "deallocated", or "power state not read". */
  description: string;
  /** "same VNet" / "peered VNet". */
  reach: string;
}

/** One diagnosis per host over the whole topology; checks are pure and fast, so this is the quick check. */
export function summarizeHosts(topology: Topology, overrides: SeverityOverrides = {}): HostSummary[] {
  const index = indexTopology(topology);
  return topology.bastionHosts.map((host) => {
    const vms = topology.virtualMachines
      .map((vm) => ({ vm, reach: assessReach(index, topology.networkInterfaces, host, vm) }))
      .filter(({ reach }) => isCandidateTarget(reach))
      .map(({ vm, reach }) => ({ vm, description: vm.powerState ?? 'power state not read', reach: reach.kind === 'same-vnet' ? 'same VNet' : 'peered VNet' }));
    return {
      host,
      description: `${skuLabel(host).split(' ')[0]} · ${host.provisioningState ?? 'state not read'}`,
      health: quickHealth(topology, host, overrides),
      details: hostDetails(host),
      vms,
    };
  });
}

function quickHealth(topology: Topology, host: BastionHost, overrides: SeverityOverrides): Health {
  let findings;
  try {
    findings = applySeverityOverrides(diagnose(topology, { bastion: host.id }).findings, overrides);
  } catch {
    return 'warning';
  }
  if (findings.some((finding) => finding.severity === 'error')) return 'error';
  if (findings.some((finding) => finding.severity === 'warning')) return 'warning';
  return 'pass';
}

function hostDetails(host: BastionHost): { label: string; value: string }[] {
  const subnetId = host.ipConfigurations.find((config) => config.subnetId)?.subnetId;
  const subnet = subnetId ? parseResourceId(subnetId) : undefined;
  const vnetName = subnet?.names[0] ?? (host.virtualNetworkId ? parseResourceId(host.virtualNetworkId).name : undefined);
  const features = BASTION_FEATURE_NAMES.filter((name) => host.features[name] === true);
  return [
    { label: 'SKU', value: skuLabel(host) },
    { label: 'VNet', value: vnetName ?? 'not known' },
    { label: 'Subnet', value: subnet?.name ?? (subnetId ? subnetId : 'none') },
    { label: 'Features', value: features.length > 0 ? features.join(', ') : 'none enabled' },
    ...(host.location ? [{ label: 'Location', value: host.location }] : []),
  ];
}

/** The tree's node data for a host of a whole topology (demo, snapshot). */
export function hostNodeData(summary: HostSummary): HostNodeData {
  return {
    id: summary.host.id,
    name: summary.host.name,
    description: summary.description,
    health: summary.health,
    healthReason: 'quick check of the whole topology; run Diagnose for the findings',
    details: summary.details,
    vms: summary.vms.map(({ vm, description, reach }) => ({
      id: vm.id,
      name: vm.name,
      powerState: vm.powerState,
      description,
      reach,
      details: [vm.osType ?? 'OS not read'],
    })),
  };
}
