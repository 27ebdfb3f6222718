// Plans the next wave of a diagnosis read from what the previous waves returned: every reference
// that is known and not yet read (host → VNet and its private DNS zone links, public IP,
// diagnostic settings; host VNet → its Bastion subnet's NSG and route table, peered VNets (whose
// own peerings are the other side); VM → NIC → its subnet's VNet, NSGs, route table). Peerings are followed one hop from the host's
// VNet only: Bastion reaches directly peered VNets, nothing beyond.
import type { Finding } from '../core/findings';
import { idKey } from '../core/resourceId';
import { getNetworkResource, getVirtualMachine, listDiagnosticSettings, type ArmRead } from './armReads';
import { listPrivateDnsZoneLinks } from './privateDnsLinks';
import type { RawArmResource } from './rawArm';
import { idOf, list, props, type Json } from './rawJson';

export interface DiagnosisState {
  subscriptionId: string;
  /** Successful reads by lower-cased id. */
  resources: Map<string, RawArmResource>;
  /** Keys of reads already made (successful or not). */
  requested: Set<string>;
  /** Lower-cased ids of reads that failed. */
  failed: Set<string>;
  incomplete: Finding[];
  hostId?: string;
  vmId?: string;
  /** Listings used only to find things: the host or VM by name, the NICs of reachable VMs. */
  hostListing?: RawArmResource[];
  vmListing?: RawArmResource[];
  nicListing?: RawArmResource[];
  maxVms: number;
  diagnosticSettingsRead: boolean;
  instanceViewRead: boolean;
  /** The private DNS zone links of every host VNet were listed. */
  privateDnsZoneLinksRead: boolean;
}

/** A NIC read with `$expand=ipConfigurations/subnet` carries the subnet's properties inline. */
function expandedProperties(subnet: Json | undefined): Json | undefined {
  const properties = subnet?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Json) : undefined;
}

/** `/…/virtualNetworks/v/subnets/s` → `/…/virtualNetworks/v`. */
export function vnetOfSubnet(subnetId: string): string {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, '');
}

function subnetIn(vnet: RawArmResource | undefined, subnetId: string): Json | undefined {
  return list(props(vnet).subnets).find((s) => typeof s.id === 'string' && idKey(s.id) === idKey(subnetId));
}

export function planNextReads(state: DiagnosisState): ArmRead[] {
  const planned = new Map<string, ArmRead>();
  const get = (id: string | undefined) => (id === undefined ? undefined : state.resources.get(idKey(id)));
  const add = (read: ArmRead) => {
    const alreadyHave = read.key.startsWith('get ') && state.resources.has(idKey(read.target.id));
    if (!state.requested.has(read.key) && !planned.has(read.key) && !alreadyHave) planned.set(read.key, read);
  };
  const subnetReads = (subnetId: string, nsgDecides: string, layer: 'bastion-subnet' | 'target-nsg', expanded?: Json) => {
    const subnet = expanded ?? props(subnetIn(get(vnetOfSubnet(subnetId)), subnetId) as RawArmResource | undefined);
    const nsgId = idOf(subnet.networkSecurityGroup);
    const routeTableId = idOf(subnet.routeTable);
    if (nsgId) add(getNetworkResource('networkSecurityGroup', nsgId, nsgDecides, layer));
    if (routeTableId) add(getNetworkResource('routeTable', routeTableId, `the routes of subnet ${subnetId.split('/').pop()}`, 'route'));
  };
  const peeredVnets = (vnetId: string): string[] => list(props(get(vnetId)).virtualNetworkPeerings)
    .map((p) => idOf(props(p as RawArmResource).remoteVirtualNetwork))
    .filter((id): id is string => id !== undefined);

  const host = get(state.hostId);
  const reachable = new Set<string>();
  if (host) {
    const developer = (host.sku as { name?: unknown } | undefined)?.name === 'Developer';
    const bastionSubnets: string[] = [];
    for (const config of list(props(host).ipConfigurations)) {
      const configProps = props(config as RawArmResource);
      const subnetId = idOf(configProps.subnet);
      const publicIpId = idOf(configProps.publicIPAddress);
      if (subnetId) bastionSubnets.push(subnetId);
      if (publicIpId) add(getNetworkResource('publicIpAddress', publicIpId, 'the public IP checks', 'host'));
    }
    const hostVnets = [...bastionSubnets.map(vnetOfSubnet), ...[idOf(props(host).virtualNetwork)].filter((id): id is string => id !== undefined)];
    for (const vnetId of hostVnets) {
      reachable.add(idKey(vnetId));
      add(getNetworkResource('virtualNetwork', vnetId, 'the AzureBastionSubnet checks and the peerings', 'bastion-subnet'));
      // Needs only the VNet id, so it goes out with the VNet read and adds no round trip.
      add(listPrivateDnsZoneLinks(vnetId));
      if (developer) continue;
      for (const remote of peeredVnets(vnetId)) {
        reachable.add(idKey(remote));
        add(getNetworkResource('virtualNetwork', remote, 'the remote side of the peering and the VMs there', 'vm'));
      }
    }
    for (const subnetId of bastionSubnets) subnetReads(subnetId, 'the AzureBastionSubnet NSG rules', 'bastion-subnet');
    add(listDiagnosticSettings(host.id));
  }

  for (const vmId of targetVms(state, reachable)) {
    const vm = get(vmId) ?? state.vmListing?.find((r) => idKey(r.id) === idKey(vmId));
    if (!get(vmId)) add(getVirtualMachine(vmId));
    const networkProfile = props(vm).networkProfile as Json | undefined;
    for (const nicId of list(networkProfile?.networkInterfaces).map(idOf).filter((id): id is string => id !== undefined)) {
      add(getNetworkResource('networkInterface', nicId, 'which subnet and NSGs apply to the VM', 'vm'));
      const nic = get(nicId);
      const nicNsgId = idOf(props(nic).networkSecurityGroup);
      if (nicNsgId) add(getNetworkResource('networkSecurityGroup', nicNsgId, "the VM network interface's NSG rules", 'target-nsg'));
      for (const config of list(props(nic).ipConfigurations)) {
        const subnet = props(config as RawArmResource).subnet as Json | undefined;
        const subnetId = idOf(subnet);
        if (!subnetId) continue;
        const vnetId = vnetOfSubnet(subnetId);
        add(getNetworkResource('virtualNetwork', vnetId, "the VM subnet's NSG and route table", 'target-nsg'));
        subnetReads(subnetId, "the VM subnet's NSG rules", 'target-nsg', expandedProperties(subnet));
      }
    }
  }
  return [...planned.values()];
}

/**
 * The selected VM, or without one every VM whose NIC sits in a VNet the host reaches (its own,
 * and directly peered ones unless Developer), up to maxVms. Those NICs are taken from the
 * listing, so they need no GET of their own.
 */
function targetVms(state: DiagnosisState, reachable: Set<string>): string[] {
  if (state.vmId !== undefined) return [state.vmId];
  if (state.nicListing === undefined || reachable.size === 0) return [];
  const vmIds = new Map<string, string>();
  for (const nic of state.nicListing) {
    const vmId = idOf(props(nic).virtualMachine);
    const inReach = list(props(nic).ipConfigurations).some((config) => {
      const subnetId = idOf(props(config as RawArmResource).subnet);
      return subnetId !== undefined && reachable.has(idKey(vnetOfSubnet(subnetId)));
    });
    if (!vmId || !inReach) continue;
    if (!vmIds.has(idKey(vmId)) && vmIds.size >= state.maxVms) continue;
    vmIds.set(idKey(vmId), vmId);
    state.resources.set(idKey(nic.id), nic);
  }
  return [...vmIds.values()];
}
