// What the deep checks need to know about one (Bastion host, VM) pair, taken from the topology
// the ordinary diagnosis already read: the VM's primary NIC and private IP, its NSG hops, the
// address Bastion connects from, and the ports.
import { indexTopology, type TopologyIndex } from '../../core/checks/topologyIndex';
import { isStandardOrAbove, skuOf } from '../../core/checks/sku';
import { placeVm } from '../../core/checks/vmNetwork';
import type { BastionHost, NetworkInterface, Subnet, Topology, VirtualMachine } from '../../core/model';
import { parseCidr, formatIPv4 } from '../../core/nsg/index';
import { sameId } from '../../core/resourceId';

export interface DeepTarget {
  bastionHostId: string;
  virtualMachineId?: string;
}

export interface ResolvedTarget {
  topology: Topology;
  index: TopologyIndex;
  host: BastionHost;
  vm?: VirtualMachine;
  nic?: NetworkInterface;
  privateIp?: string;
  vmSubnet?: Subnet;
  bastionSubnet?: Subnet;
  /** The address Bastion connects from: inside AzureBastionSubnet, or 168.63.129.16 for Developer. */
  bastionSourceIp?: string;
  ports: string[];
}

export const DEVELOPER_SOURCE_IP = '168.63.129.16';

export function resolveTarget(topology: Topology, target: DeepTarget, customPort?: number): ResolvedTarget {
  const index = indexTopology(topology);
  const host = topology.bastionHosts.find((candidate) => sameId(candidate.id, target.bastionHostId));
  if (!host) throw new Error(`The Bastion host ${target.bastionHostId} is not in the topology.`);
  const vm = target.virtualMachineId ? index.virtualMachine(target.virtualMachineId) : undefined;
  const resolved: ResolvedTarget = { topology, index, host, vm, ports: [] };
  const bastionSubnetId = host.ipConfigurations.map((config) => config.subnetId).find((id) => id !== undefined);
  resolved.bastionSubnet = index.subnet(bastionSubnetId);
  const developer = skuOf(host) === 'Developer';
  resolved.bastionSourceIp = developer ? DEVELOPER_SOURCE_IP : firstUsableAddress(resolved.bastionSubnet?.addressPrefixes[0]);
  if (vm) {
    const entry = placeVm(index, topology.networkInterfaces, vm).nics[0];
    resolved.nic = entry?.nic;
    resolved.privateIp = entry?.ipConfiguration?.privateIpAddress;
    resolved.vmSubnet = index.subnet(entry?.ipConfiguration?.subnetId);
    resolved.ports = vm.osType === 'Linux' ? ['22'] : vm.osType === 'Windows' ? ['3389'] : ['22', '3389'];
    if (customPort !== undefined && isStandardOrAbove(skuOf(host)) && !resolved.ports.includes(String(customPort))) resolved.ports.push(String(customPort));
  }
  return resolved;
}

/** Azure keeps the first four addresses of a subnet; the first instance address is network + 4. */
export function firstUsableAddress(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const cidr = parseCidr(prefix);
  if (!cidr) return undefined;
  return formatIPv4(cidr[0] + 4);
}

/** True when the VM's power state is known and is not running. */
export function isVmStopped(vm: VirtualMachine | undefined): boolean {
  return vm?.powerState !== undefined && vm.powerState.toLowerCase() !== 'running';
}
