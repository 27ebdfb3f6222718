// Case-insensitive lookups over a topology, built once per diagnosis.
import type {
  NetworkInterface,
  NetworkSecurityGroup,
  PublicIpAddress,
  RouteTable,
  Subnet,
  Topology,
  VirtualMachine,
  VirtualNetwork,
} from '../model';
import { idKey, parentId } from '../resourceId';

export interface TopologyIndex {
  virtualNetwork(id: string | undefined): VirtualNetwork | undefined;
  subnet(id: string | undefined): Subnet | undefined;
  networkSecurityGroup(id: string | undefined): NetworkSecurityGroup | undefined;
  routeTable(id: string | undefined): RouteTable | undefined;
  networkInterface(id: string | undefined): NetworkInterface | undefined;
  virtualMachine(id: string | undefined): VirtualMachine | undefined;
  publicIpAddress(id: string | undefined): PublicIpAddress | undefined;
  /** The VNet a subnet id belongs to: the listed one, or the id's parent when the VNet was not read. */
  virtualNetworkIdOfSubnet(subnetId: string): string | undefined;
}

function byId<T extends { id: string }>(items: readonly T[]): (id: string | undefined) => T | undefined {
  const map = new Map(items.map((item) => [idKey(item.id), item]));
  return (id) => (id === undefined ? undefined : map.get(idKey(id)));
}

export function indexTopology(topology: Topology): TopologyIndex {
  const subnets = topology.virtualNetworks.flatMap((vnet) => vnet.subnets);
  const subnet = byId(subnets);
  return {
    virtualNetwork: byId(topology.virtualNetworks),
    subnet,
    networkSecurityGroup: byId(topology.networkSecurityGroups),
    routeTable: byId(topology.routeTables),
    networkInterface: byId(topology.networkInterfaces),
    virtualMachine: byId(topology.virtualMachines),
    publicIpAddress: byId(topology.publicIpAddresses),
    virtualNetworkIdOfSubnet: (subnetId) => subnet(subnetId)?.virtualNetworkId ?? parentId(subnetId),
  };
}
