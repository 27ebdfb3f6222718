// Builds the inventory tree from resource rows, whether Resource Graph rows (lower-cased types,
// power state under properties.extended) or raw ARM list items (instance view statuses).
import { BASTION_FEATURE_NAMES, type BastionFeatures } from '../core/model';
import { idKey, parseResourceId } from '../core/resourceId';
import { vnetOfSubnet } from './diagnosisPlan';
import type { QuickFinding } from './quickCheck';
import { idOf, list, props, str, type Json } from './rawJson';

export type InventoryRow = Record<string, unknown> & { id: string; name: string; type: string };

export interface InventoryVm {
  id: string;
  name: string;
  resourceGroup: string;
  /** e.g. running, deallocated; undefined when the source did not say. */
  powerState?: string;
  privateIpAddress?: string;
  /** From storageProfile.osDisk.osType; what the native-client command (ssh or rdp) depends on. */
  osType?: 'Linux' | 'Windows';
  virtualNetworkId: string;
  /** Reached through a directly peered VNet rather than the host's own. */
  viaPeering: boolean;
}

export interface InventoryBastion {
  id: string;
  name: string;
  resourceGroup: string;
  location?: string;
  sku?: string;
  provisioningState?: string;
  virtualNetworkId?: string;
  subnetId?: string;
  features: BastionFeatures;
  reachableVms: InventoryVm[];
  /**
   * The host-level checks on what Resource Graph returned (subnet, its NSG and route table, the
   * public IP, SKU features); undefined when they did not run (the ARM fallback, a failed query).
   */
  quickFindings?: QuickFinding[];
}

export interface InventorySubscription {
  subscriptionId: string;
  bastions: InventoryBastion[];
}

const typeOf = (row: InventoryRow) => row.type.toLowerCase();

export function buildInventory(subscriptionIds: readonly string[], rows: readonly InventoryRow[]): InventorySubscription[] {
  const vnets = new Map<string, InventoryRow>();
  const vmRows = new Map<string, InventoryRow>();
  const vmPlacement = new Map<string, { vnetId: string; ip?: string }>();
  const hosts: InventoryRow[] = [];
  for (const row of rows) {
    const type = typeOf(row);
    if (type === 'microsoft.network/virtualnetworks') vnets.set(idKey(row.id), row);
    else if (type === 'microsoft.compute/virtualmachines') vmRows.set(idKey(row.id), row);
    else if (type === 'microsoft.network/bastionhosts') hosts.push(row);
  }
  for (const nic of rows.filter((row) => typeOf(row) === 'microsoft.network/networkinterfaces')) {
    const vmId = idOf(props(nic).virtualMachine);
    const config = list(props(nic).ipConfigurations).map(props).find((c) => idOf(c.subnet) !== undefined);
    const subnetId = idOf(config?.subnet);
    if (vmId && subnetId && !vmPlacement.has(idKey(vmId))) vmPlacement.set(idKey(vmId), { vnetId: vnetOfSubnet(subnetId), ip: str(config?.privateIPAddress) });
  }

  return subscriptionIds.map((subscriptionId) => ({
    subscriptionId,
    bastions: hosts
      .filter((host) => parseResourceId(host.id).subscriptionId?.toLowerCase() === subscriptionId.toLowerCase())
      .map((host) => bastionOf(host, vnets, vmRows, vmPlacement))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  }));
}

function bastionOf(host: InventoryRow, vnets: Map<string, InventoryRow>, vmRows: Map<string, InventoryRow>, placement: Map<string, { vnetId: string; ip?: string }>): InventoryBastion {
  const properties = props(host);
  const sku = str((host.sku as Json | undefined)?.name);
  const subnetId = list(properties.ipConfigurations).map((c) => idOf(props(c).subnet)).find((id) => id !== undefined);
  const vnetId = subnetId ? vnetOfSubnet(subnetId) : idOf(properties.virtualNetwork);
  const own = vnetId ? idKey(vnetId) : undefined;
  const reachable = new Set<string>(own ? [own] : []);
  if (own && sku !== 'Developer') {
    for (const peering of list(props(vnets.get(own)).virtualNetworkPeerings)) {
      const remote = idOf(props(peering).remoteVirtualNetwork);
      if (remote) reachable.add(idKey(remote));
    }
  }
  const reachableVms: InventoryVm[] = [];
  for (const [vmKey, place] of placement) {
    const vnetKey = idKey(place.vnetId);
    const vm = vmRows.get(vmKey);
    if (!vm || !reachable.has(vnetKey)) continue;
    reachableVms.push({
      id: vm.id,
      name: vm.name,
      resourceGroup: parseResourceId(vm.id).resourceGroup ?? '',
      powerState: powerStateOf(vm),
      privateIpAddress: place.ip,
      osType: osTypeOf(vm),
      virtualNetworkId: place.vnetId,
      viaPeering: vnetKey !== own,
    });
  }
  reachableVms.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const features: BastionFeatures = {};
  for (const name of BASTION_FEATURE_NAMES) if (typeof properties[name] === 'boolean') features[name] = properties[name] as boolean;
  return {
    id: host.id,
    name: host.name,
    resourceGroup: parseResourceId(host.id).resourceGroup ?? '',
    location: str(host.location),
    sku,
    provisioningState: str(properties.provisioningState),
    virtualNetworkId: vnetId,
    subnetId,
    features,
    reachableVms,
  };
}

function osTypeOf(vm: InventoryRow): 'Linux' | 'Windows' | undefined {
  const osDisk = ((props(vm).storageProfile as Json | undefined)?.osDisk as Json | undefined)?.osType;
  const value = str(osDisk)?.toLowerCase();
  return value === 'linux' ? 'Linux' : value === 'windows' ? 'Windows' : undefined;
}

/** `PowerState/running` → `running`, from ARM's instance view or Resource Graph's extended view. */
function powerStateOf(vm: InventoryRow): string | undefined {
  const properties = props(vm);
  const extended = (((properties.extended as Json | undefined)?.instanceView as Json | undefined)?.powerState as Json | undefined)?.code;
  const statuses = list((properties.instanceView as Json | undefined)?.statuses).map((s) => str(s.code));
  const code = str(extended) ?? statuses.find((c) => c?.startsWith('PowerState/'));
  return code?.replace(/^PowerState\//, '');
}
