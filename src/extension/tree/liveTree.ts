// The live tree's content from loadInventory's result (Resource Graph or the ARM fallback, which
// give the same inventory): per selected subscription, its Bastion hosts with SKU, state, health
// and tooltip facts, the VMs each reaches, and the reasons a subscription could not be listed.
// No vscode here, so the integration tests check it against the real SDK and the fake ARM.
import type { Inventory, InventoryBastion, InventoryVm } from '../../azure/inventory';
import { applySeverityOverrides, type SeverityOverrides } from '../../core/severity';
import type { Finding } from '../../core/findings';
import { BASTION_FEATURE_NAMES, emptyTopology, type Topology } from '../../core/model';
import { parseResourceId, sameId, subscriptionOf } from '../../core/resourceId';
import type { SubscriptionInfo } from '../subscriptionFilter';
import type { Health, HostNodeData, VmNodeData } from './nodeData';

export interface LiveSubscriptionData {
  subscription: SubscriptionInfo;
  hosts: HostNodeData[];
  /** Why (part of) this subscription could not be listed: one line each, naming the permission. */
  errors: string[];
  /**
   * The hosts and VMs as model elements (only what the inventory holds), for what acts on a
   * node: the selection a diagnosis starts from, the native-client command.
   */
  topology: Topology;
}

export interface LiveTreeData {
  /** Selected subscriptions that have Bastion hosts or a read failure, in the selection's order. */
  subscriptions: LiveSubscriptionData[];
  /** Failures that name no selected subscription. */
  otherErrors: string[];
}

export function liveTreeData(selected: readonly SubscriptionInfo[], inventory: Pick<Inventory, 'subscriptions' | 'incomplete'>, overrides: SeverityOverrides = {}): LiveTreeData {
  const claimed = new Set<Finding>();
  const subscriptions = selected.flatMap((subscription) => {
    const listed = inventory.subscriptions.find((entry) => sameId(entry.subscriptionId, subscription.subscriptionId));
    const failures = inventory.incomplete.filter((finding) => sameId(subscriptionOf(finding.resource.id), subscription.subscriptionId));
    failures.forEach((finding) => claimed.add(finding));
    const bastions = listed?.bastions ?? [];
    if (bastions.length === 0 && failures.length === 0) return [];
    return [{
      subscription,
      hosts: bastions.map((bastion) => hostData(bastion, overrides)),
      errors: failures.map((finding) => finding.message),
      topology: inventoryTopology(bastions, subscription),
    }];
  });
  const otherErrors = inventory.incomplete.filter((finding) => !claimed.has(finding)).map((finding) => finding.message);
  return { subscriptions, otherErrors };
}

function hostData(bastion: InventoryBastion, overrides: SeverityOverrides): HostNodeData {
  const { health, reason } = hostHealth(bastion, overrides);
  return {
    id: bastion.id,
    name: bastion.name,
    description: `${bastion.sku ?? 'SKU not read'} · ${bastion.provisioningState ?? 'state not read'}`,
    health,
    healthReason: reason,
    details: hostDetails(bastion),
    vms: bastion.reachableVms.map(vmData),
  };
}

/**
 * The icon: the host's quick check (subnet, its NSG and route table, public IP, features) when it
 * ran, with the user's rule levels; else only whether Azure finished provisioning the host.
 * VMs are never judged here: Diagnose reads them fresh.
 */
function hostHealth(bastion: InventoryBastion, overrides: SeverityOverrides): { health: Health; reason: string } {
  const provisioning = provisioningHealth(bastion.provisioningState);
  if (bastion.quickFindings === undefined || provisioning.health === 'error') {
    return provisioning.health === 'pass' ? { health: 'unknown', reason: 'provisioned (Succeeded); the quick check of its subnet and NSG did not run (it needs Resource Graph); run Diagnose' } : provisioning;
  }
  const all = applySeverityOverrides(bastion.quickFindings, overrides);
  const findings = all.filter((finding) => finding.rule !== 'check-incomplete');
  const undecided = all.length - findings.length;
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : undefined;
  if (!worst) {
    if (provisioning.health !== 'pass') return provisioning;
    return {
      health: undecided === 0 ? 'pass' : 'unknown',
      reason: undecided === 0
        ? 'quick check passed (subnet, its NSG and route table, public IP, features); run Diagnose for the target VM'
        : `quick check found no problem in what it could read (${undecided} check${undecided === 1 ? '' : 's'} could not run); run Diagnose for the full check`,
    };
  }
  const rules = [...new Set(findings.filter((f) => f.severity === worst).map((f) => f.rule))];
  return { health: worst, reason: `quick check: ${rules.join(', ')}; run Diagnose for the details and the fixes` };
}

function provisioningHealth(state: string | undefined): { health: Health; reason: string } {
  if (state === undefined) return { health: 'warning', reason: 'provisioning state not read' };
  if (state.toLowerCase() === 'succeeded') return { health: 'pass', reason: 'provisioned (Succeeded); run Diagnose to check NSGs, routes and the target VM' };
  if (state.toLowerCase() === 'failed') return { health: 'error', reason: 'provisioning Failed: the host does not accept connections' };
  return { health: 'warning', reason: `provisioning ${state}: connections may fail until it finishes` };
}

function hostDetails(bastion: InventoryBastion): { label: string; value: string }[] {
  const features = BASTION_FEATURE_NAMES.filter((name) => bastion.features[name] === true);
  const subnet = bastion.subnetId ? parseResourceId(bastion.subnetId).name : bastion.sku === 'Developer' ? 'none (Developer SKU)' : 'not known';
  return [
    { label: 'SKU', value: bastion.sku ?? 'not read' },
    { label: 'VNet', value: bastion.virtualNetworkId ? parseResourceId(bastion.virtualNetworkId).name : 'not known' },
    { label: 'Subnet', value: subnet },
    { label: 'Features', value: features.length > 0 ? features.join(', ') : 'none enabled' },
    ...(bastion.location ? [{ label: 'Location', value: bastion.location }] : []),
  ];
}

function vmData(vm: InventoryVm): VmNodeData {
  return {
    id: vm.id,
    name: vm.name,
    powerState: vm.powerState,
    description: vm.powerState ?? 'power state not read',
    reach: vm.viaPeering ? 'peered VNet' : 'same VNet',
    details: [...(vm.osType ? [vm.osType] : []), `VNet ${parseResourceId(vm.virtualNetworkId).name}`, ...(vm.privateIpAddress ? [`private IP ${vm.privateIpAddress}`] : [])],
  };
}

function inventoryTopology(bastions: readonly InventoryBastion[], subscription: SubscriptionInfo): Topology {
  const topology = emptyTopology();
  topology.sourceLabel = `subscription ${subscription.displayName}`;
  topology.bastionHosts = bastions.map((bastion) => ({
    id: bastion.id,
    name: bastion.name,
    origin: { kind: 'arm', id: bastion.id },
    location: bastion.location,
    sku: bastion.sku,
    provisioningState: bastion.provisioningState,
    features: bastion.features,
    // The inventory keeps no IP configuration names; nothing that acts on a node needs them.
    ipConfigurations: [],
    virtualNetworkId: bastion.sku === 'Developer' ? bastion.virtualNetworkId : undefined,
  }));
  const vms = new Map(bastions.flatMap((bastion) => bastion.reachableVms).map((vm) => [vm.id.toLowerCase(), vm]));
  topology.virtualMachines = [...vms.values()].map((vm) => ({ id: vm.id, name: vm.name, origin: { kind: 'arm', id: vm.id }, networkInterfaceIds: [], powerState: vm.powerState, osType: vm.osType }));
  return topology;
}
