// References that point outside the resource set are kept (a check may still use the id) and
// reported, naming both ends, so the user knows the picture is incomplete.
import type { Origin } from '../model';
import type { ElementIndex, MapContext } from './context';
import type { Registry } from './registry';

interface Referrer {
  name: string;
  id: string;
  origin: Origin;
}

export function reportDanglingReferences(ctx: MapContext, registry: Registry): void {
  // Runs for every reference of every element; the referrer is only described when one dangles.
  const check = <T extends { id: string }>(label: string, from: Referrer, targetId: string | undefined, targetLabel: string, index: ElementIndex<T>) => {
    if (targetId === undefined || targetId.trim() === '' || index.has(targetId)) return;
    ctx.problem(
      from.id,
      `${label} '${from.name}' (${from.id}) references ${targetLabel} ${targetId}, which is not among the resources read`,
      from.origin,
    );
  };
  const { topology } = registry;
  for (const vnet of topology.virtualNetworks) {
    for (const subnet of vnet.subnets) {
      check('Subnet', subnet, subnet.networkSecurityGroupId, 'network security group', registry.networkSecurityGroups);
      check('Subnet', subnet, subnet.routeTableId, 'route table', registry.routeTables);
    }
    for (const peering of vnet.peerings) {
      check('Peering', peering, peering.remoteVirtualNetworkId, 'remote virtual network', registry.virtualNetworks);
    }
  }
  for (const nic of topology.networkInterfaces) {
    check('Network interface', nic, nic.networkSecurityGroupId, 'network security group', registry.networkSecurityGroups);
    for (const config of nic.ipConfigurations) check('Network interface', nic, config.subnetId, 'subnet', registry.subnets);
  }
  for (const host of topology.bastionHosts) {
    for (const config of host.ipConfigurations) {
      check('Bastion host', host, config.subnetId, 'subnet', registry.subnets);
      check('Bastion host', host, config.publicIpId, 'public IP address', registry.publicIpAddresses);
    }
    check('Bastion host', host, host.virtualNetworkId, 'virtual network', registry.virtualNetworks);
  }
  for (const vm of topology.virtualMachines) {
    for (const nicId of vm.networkInterfaceIds) check('Virtual machine', vm, nicId, 'network interface', registry.networkInterfaces);
  }
}
