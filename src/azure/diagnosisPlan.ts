// Plans the next wave of a diagnosis read from what the previous waves returned: every reference
// that is known and not yet read (host → VNet and its private DNS zone links, public IP,
// diagnostic settings; host VNet → its Bastion subnet's NSG and route table, peered VNets (whose
// own peerings are the other side); VM → NIC → its subnet's VNet, NSGs, route table). Peerings are followed one hop from the host's
// VNet only: Bastion reaches directly peered VNets, nothing beyond. Each read goes to the
// subscription of its own id (armReads), so a spoke in another subscription costs no extra wave.
import type { Finding } from '../core/findings';
import { idKey, parseResourceId } from '../core/resourceId';
import { getNetworkResource, getVirtualMachine, listDiagnosticSettings, listNetworkInterfaces, type ArmRead } from './armReads';
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
    const from = `subnet ${nameOf(subnetId)} of virtual network ${nameOf(vnetOfSubnet(subnetId))}`;
    if (nsgId) add(getNetworkResource('networkSecurityGroup', nsgId, nsgDecides, layer, from));
    if (routeTableId) add(getNetworkResource('routeTable', routeTableId, `the routes of subnet ${nameOf(subnetId)}`, 'route', from));
  };
  const peerings = (vnetId: string): { remote: string; from: string }[] => list(props(get(vnetId)).virtualNetworkPeerings).flatMap((peering) => {
    const remote = idOf(props(peering as RawArmResource).remoteVirtualNetwork);
    return remote === undefined ? [] : [{ remote, from: `peering ${String(peering.name ?? '')} of virtual network ${nameOf(vnetId)}` }];
  });
  // Without --vm the VMs are found through the NICs of every subscription a reachable VNet is in
  // (the spokes of a landing zone): listed with the VNet read, so no round trip is added.
  const listNicsWhere = (vnetId: string) => {
    const { subscriptionId } = parseResourceId(vnetId);
    if (state.vmId === undefined && subscriptionId !== undefined) add(listNetworkInterfaces(subscriptionId));
  };

  const host = get(state.hostId);
  const reachable = new Set<string>();
  if (host) {
    const developer = (host.sku as { name?: unknown } | undefined)?.name === 'Developer';
    const fromHost = `Bastion host ${host.name}`;
    const bastionSubnets: string[] = [];
    for (const config of list(props(host).ipConfigurations)) {
      const configProps = props(config as RawArmResource);
      const subnetId = idOf(configProps.subnet);
      const publicIpId = idOf(configProps.publicIPAddress);
      if (subnetId) bastionSubnets.push(subnetId);
      if (publicIpId) add(getNetworkResource('publicIpAddress', publicIpId, 'the public IP checks', 'host', fromHost));
    }
    const hostVnets = [...bastionSubnets.map(vnetOfSubnet), ...[idOf(props(host).virtualNetwork)].filter((id): id is string => id !== undefined)];
    for (const vnetId of hostVnets) {
      reachable.add(idKey(vnetId));
      add(getNetworkResource('virtualNetwork', vnetId, 'the AzureBastionSubnet checks and the peerings', 'bastion-subnet', fromHost));
      listNicsWhere(vnetId);
      // Needs only the VNet id, so it goes out with the VNet read and adds no round trip.
      add(listPrivateDnsZoneLinks(vnetId));
      if (developer) continue;
      for (const { remote, from } of peerings(vnetId)) {
        reachable.add(idKey(remote));
        add(getNetworkResource('virtualNetwork', remote, 'the remote side of the peering and the VMs there', 'vm', from));
        listNicsWhere(remote);
      }
    }
    for (const subnetId of bastionSubnets) subnetReads(subnetId, 'the AzureBastionSubnet NSG rules', 'bastion-subnet');
    add(listDiagnosticSettings(host.id));
  }

  for (const { vmId, from, listedNics } of targetVms(state, reachable)) {
    const vm = get(vmId) ?? state.vmListing?.find((r) => idKey(r.id) === idKey(vmId));
    if (!get(vmId)) add(getVirtualMachine(vmId, from));
    const networkProfile = props(vm).networkProfile as Json | undefined;
    const fromVm = `virtual machine ${nameOf(vmId)}`;
    // NICs from a listing are followed at once, without waiting for the VM's own read.
    const nicIds = new Map([...listedNics, ...list(networkProfile?.networkInterfaces).map(idOf).filter((id): id is string => id !== undefined)].map((id) => [idKey(id), id]));
    for (const nicId of nicIds.values()) {
      add(getNetworkResource('networkInterface', nicId, 'which subnet and NSGs apply to the VM', 'vm', fromVm));
      const nic = get(nicId);
      const fromNic = `network interface ${nameOf(nicId)}`;
      const nicNsgId = idOf(props(nic).networkSecurityGroup);
      if (nicNsgId) add(getNetworkResource('networkSecurityGroup', nicNsgId, "the VM network interface's NSG rules", 'target-nsg', fromNic));
      for (const config of list(props(nic).ipConfigurations)) {
        const subnet = props(config as RawArmResource).subnet as Json | undefined;
        const subnetId = idOf(subnet);
        if (!subnetId) continue;
        const vnetId = vnetOfSubnet(subnetId);
        add(getNetworkResource('virtualNetwork', vnetId, "the VM subnet's NSG and route table", 'target-nsg', fromNic));
        subnetReads(subnetId, "the VM subnet's NSG rules", 'target-nsg', expandedProperties(subnet));
      }
    }
  }
  return [...planned.values()];
}

function nameOf(id: string): string {
  return parseResourceId(id).name || id;
}

/**
 * The selected VM, or without one every VM whose NIC sits in a VNet the host reaches (its own,
 * and directly peered ones unless Developer), up to maxVms. Those NICs are taken from the
 * listing, so they need no GET of their own.
 */
function targetVms(state: DiagnosisState, reachable: Set<string>): { vmId: string; from?: string; listedNics: string[] }[] {
  if (state.vmId !== undefined) return [{ vmId: state.vmId, listedNics: [] }];
  if (state.nicListing === undefined || reachable.size === 0) return [];
  const vms = new Map<string, { vmId: string; from: string; listedNics: string[] }>();
  for (const nic of state.nicListing) {
    const vmId = idOf(props(nic).virtualMachine);
    const inReach = list(props(nic).ipConfigurations).some((config) => {
      const subnetId = idOf(props(config as RawArmResource).subnet);
      return subnetId !== undefined && reachable.has(idKey(vnetOfSubnet(subnetId)));
    });
    if (!vmId || !inReach) continue;
    if (!vms.has(idKey(vmId)) && vms.size >= state.maxVms) continue;
    const entry = vms.get(idKey(vmId)) ?? { vmId, from: `network interface ${nic.name}`, listedNics: [] };
    entry.listedNics.push(nic.id);
    vms.set(idKey(vmId), entry);
    state.resources.set(idKey(nic.id), nic);
  }
  return [...vms.values()];
}
