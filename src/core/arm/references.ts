// References that point outside the resource set are kept (a check may still use the id) and
// reported, naming both ends, so the user knows the picture is incomplete.
import type { Origin } from '../model';
import type { ElementIndex, MapContext } from './context';
import type { Registry } from './registry';

interface Referrer {
  label: string;
  name: string;
  id: string;
  origin: Origin;
}

export function reportDanglingReferences(ctx: MapContext, registry: Registry): void {
  const check = <T extends { id: string }>(from: Referrer, targetId: string | undefined, targetLabel: string, index: ElementIndex<T>) => {
    if (targetId === undefined || targetId.trim() === '' || index.has(targetId)) return;
    ctx.problem(
      from.id,
      `${from.label} '${from.name}' (${from.id}) references ${targetLabel} ${targetId}, which is not among the resources read`,
      from.origin,
    );
  };
  const { topology } = registry;
  for (const vnet of topology.virtualNetworks) {
    for (const subnet of vnet.subnets) {
      const from = { label: 'Subnet', ...subnet };
      check(from, subnet.networkSecurityGroupId, 'network security group', registry.networkSecurityGroups);
      check(from, subnet.routeTableId, 'route table', registry.routeTables);
    }
    for (const peering of vnet.peerings) {
      check({ label: 'Peering', ...peering }, peering.remoteVirtualNetworkId, 'remote virtual network', registry.virtualNetworks);
    }
  }
  for (const nic of topology.networkInterfaces) {
    const from = { label: 'Network interface', ...nic };
    check(from, nic.networkSecurityGroupId, 'network security group', registry.networkSecurityGroups);
    for (const config of nic.ipConfigurations) check(from, config.subnetId, 'subnet', registry.subnets);
  }
  for (const host of topology.bastionHosts) {
    const from = { label: 'Bastion host', ...host };
    for (const config of host.ipConfigurations) {
      check(from, config.subnetId, 'subnet', registry.subnets);
      check(from, config.publicIpId, 'public IP address', registry.publicIpAddresses);
    }
    check(from, host.virtualNetworkId, 'virtual network', registry.virtualNetworks);
  }
  for (const vm of topology.virtualMachines) {
    for (const nicId of vm.networkInterfaceIds) check({ label: 'Virtual machine', ...vm }, nicId, 'network interface', registry.networkInterfaces);
  }
}
