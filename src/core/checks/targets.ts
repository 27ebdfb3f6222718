// Which hosts, Bastion subnets and VMs a diagnosis covers (--bastion / --vm, or everything).
import type { DiagnoseOptions } from '../diagnose';
import { SelectionError } from './selectionError';
import type { BastionHost, Subnet, Topology, VirtualMachine, VirtualNetwork } from '../model';
import { idKey, sameId } from '../resourceId';
import { BASTION_SUBNET_NAME } from './bastionSubnet';
import { assessReach, hostVirtualNetworkId, isCandidateTarget } from './reachability';
import type { TopologyIndex } from './topologyIndex';
import type { DiagnosisSource } from './types';
import { placeVm } from './vmNetwork';

export interface HostScope {
  host: BastionHost;
  bastionSubnet?: Subnet;
  bastionVnet?: VirtualNetwork;
  vms: VirtualMachine[];
}

export interface Selection {
  hosts: HostScope[];
  /** Template sources: AzureBastionSubnets no selected host uses, checked on their own. */
  hostlessSubnets: { subnet: Subnet; vnet?: VirtualNetwork }[];
  /** VMs no host could be matched with because their network interface was not read. */
  unplacedVms: VirtualMachine[];
}

function matches(element: { id: string; name: string }, wanted: string): boolean {
  return sameId(element.id, wanted) || element.name.toLowerCase() === wanted.trim().toLowerCase();
}

function listOf(kind: string, names: string[], topology: Topology): string {
  const where = topology.sourceLabel ? ` in ${topology.sourceLabel}` : '';
  return names.length > 0 ? `${kind}${where}: ${names.join(', ')}` : `there are no ${kind}${where}`;
}

function scopeOf(index: TopologyIndex, host: BastionHost, vms: VirtualMachine[]): HostScope {
  const subnetId = host.ipConfigurations.find((config) => config.subnetId)?.subnetId;
  const subnet = index.subnet(subnetId);
  return {
    host,
    bastionSubnet: subnet?.name === BASTION_SUBNET_NAME ? subnet : undefined,
    bastionVnet: index.virtualNetwork(hostVirtualNetworkId(index, host)),
    vms,
  };
}

export function selectTargets(topology: Topology, index: TopologyIndex, options: DiagnoseOptions, source: DiagnosisSource): Selection {
  let hosts = topology.bastionHosts;
  if (options.bastion) {
    hosts = hosts.filter((host) => matches(host, options.bastion as string));
    if (hosts.length === 0) {
      throw new SelectionError(`No Bastion host matches "${options.bastion}"; ${listOf('Bastion hosts', topology.bastionHosts.map((h) => h.name), topology)}.`);
    }
  }
  const reaches = (host: BastionHost, vm: VirtualMachine): boolean => isCandidateTarget(assessReach(index, topology.networkInterfaces, host, vm, source));
  let scopes: HostScope[];
  if (options.vm) {
    const vms = topology.virtualMachines.filter((vm) => matches(vm, options.vm as string));
    if (vms.length === 0) {
      throw new SelectionError(`No VM matches "${options.vm}"; ${listOf('VMs', topology.virtualMachines.map((vm) => vm.name), topology)}.`);
    }
    if (hosts.length === 0) {
      throw new SelectionError(`VM ${vms[0].name} can only be diagnosed through a Bastion host, and ${listOf('Bastion hosts', [], topology)}.`);
    }
    if (!options.bastion) {
      const reaching = hosts.filter((host) => vms.some((vm) => reaches(host, vm)));
      if (reaching.length > 0) hosts = reaching;
    }
    scopes = hosts.map((host) => scopeOf(index, host, vms));
  } else {
    scopes = hosts.map((host) => scopeOf(index, host, topology.virtualMachines.filter((vm) => reaches(host, vm))));
  }
  // A set, not a list: a template may declare thousands of hubs, each with its Bastion subnet.
  const usedSubnets = new Set(scopes.flatMap((scope) => (scope.bastionSubnet ? [idKey(scope.bastionSubnet.id)] : [])));
  const hostlessSubnets = source === 'template' && !options.bastion && !options.vm
    ? topology.virtualNetworks.flatMap((vnet) => vnet.subnets
      .filter((subnet) => subnet.name === BASTION_SUBNET_NAME && !usedSubnets.has(idKey(subnet.id)))
      .map((subnet) => ({ subnet, vnet })))
    : [];
  const unplacedVms = options.vm || hosts.length === 0 ? [] : topology.virtualMachines
    .filter((vm) => placeVm(index, topology.networkInterfaces, vm).virtualNetworkId === undefined);
  return { hosts: scopes, hostlessSubnets, unplacedVms };
}
