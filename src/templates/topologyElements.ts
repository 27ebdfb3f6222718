// Every element of a topology with an id, children included, for post-mapping adjustments.
import type { Origin, Topology, UnresolvedField } from '../core/model';

export interface TopologyElement {
  id: string;
  name: string;
  origin: Origin;
  unresolved?: UnresolvedField[];
}

export function elementsOf(topology: Topology): TopologyElement[] {
  return [
    ...topology.bastionHosts,
    ...topology.virtualNetworks.flatMap((vnet) => [vnet, ...vnet.subnets, ...vnet.peerings]),
    ...topology.networkSecurityGroups.flatMap((nsg) => [nsg, ...nsg.securityRules]),
    ...topology.routeTables.flatMap((table) => [table, ...table.routes]),
    ...topology.networkInterfaces,
    ...topology.virtualMachines,
    ...topology.publicIpAddresses,
    ...topology.diagnosticSettings,
    ...topology.privateDnsZoneLinks,
  ];
}
