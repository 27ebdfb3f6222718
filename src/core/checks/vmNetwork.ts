// Where a VM sits on the network: its NICs, private IPs, subnets and VNet.
import type { NetworkInterface, NicIpConfiguration, VirtualMachine } from '../model';
import { sameId } from '../resourceId';
import type { TopologyIndex } from './topologyIndex';

export interface VmPlacement {
  /** NICs the topology holds, with their primary (or first) IPv4 configuration. */
  nics: { nic: NetworkInterface; ipConfiguration?: NicIpConfiguration }[];
  /** NIC ids the VM references that the topology does not hold. */
  missingNicIds: string[];
  /** The VNet of the primary NIC's subnet, when known. */
  virtualNetworkId?: string;
}

function primaryConfiguration(nic: NetworkInterface): NicIpConfiguration | undefined {
  return nic.ipConfigurations.find((config) => config.primary) ?? nic.ipConfigurations[0];
}

export function placeVm(index: TopologyIndex, networkInterfaces: readonly NetworkInterface[], vm: VirtualMachine): VmPlacement {
  const nics: VmPlacement['nics'] = [];
  const missingNicIds: string[] = [];
  const ids = vm.networkInterfaceIds.length > 0
    ? vm.networkInterfaceIds
    : networkInterfaces.filter((nic) => sameId(nic.virtualMachineId, vm.id)).map((nic) => nic.id);
  for (const id of ids) {
    const nic = index.networkInterface(id);
    if (nic) nics.push({ nic, ipConfiguration: primaryConfiguration(nic) });
    else missingNicIds.push(id);
  }
  const subnetId = nics.find((entry) => entry.ipConfiguration?.subnetId)?.ipConfiguration?.subnetId;
  return { nics, missingNicIds, virtualNetworkId: subnetId ? index.virtualNetworkIdOfSubnet(subnetId) : undefined };
}

export function privateIpsOf(context: { index: TopologyIndex; topology: { networkInterfaces: NetworkInterface[] } }, vm: VirtualMachine): string[] {
  return placeVm(context.index, context.topology.networkInterfaces, vm).nics
    .flatMap((entry) => entry.nic.ipConfigurations.flatMap((config) => (config.privateIpAddress ? [config.privateIpAddress] : [])));
}
