// A template declares a peering's remote VNet, not the address space Azure copies onto the peering
// once deployed (remoteAddressSpace). Without it the VirtualNetwork tag of a peered VNet would
// cover the VNet alone, so it is taken from the remote VNet when the files declare it, and left
// unknown (never empty) when they do not.
import type { Topology, VirtualNetwork, VirtualNetworkPeering } from '../core/model';
import { idKey } from '../core/resourceId';
import { unknownReason } from '../core/checks/unknowns';

function withRemoteSpace(peering: VirtualNetworkPeering, vnets: ReadonlyMap<string, VirtualNetwork>): VirtualNetworkPeering {
  if (peering.remoteAddressPrefixes.length > 0 || unknownReason(peering, 'remoteVirtualNetworkId') !== undefined) return peering;
  if (unknownReason(peering, 'remoteAddressPrefixes') !== undefined || peering.remoteVirtualNetworkId === undefined) return peering;
  const remote = vnets.get(idKey(peering.remoteVirtualNetworkId));
  const remoteUnknown = remote ? unknownReason(remote, 'addressPrefixes') : undefined;
  if (remote && remoteUnknown === undefined && remote.addressPrefixes.length > 0) return { ...peering, remoteAddressPrefixes: [...remote.addressPrefixes] };
  const reason = remote
    ? `the address space of the remote virtual network ${remote.name} is not known${remoteUnknown ? ` (${remoteUnknown})` : ''}`
    : `the remote virtual network ${peering.remoteVirtualNetworkId} is not in the files read`;
  return { ...peering, unresolved: [...(peering.unresolved ?? []), { field: 'remoteAddressPrefixes', reason }] };
}

/** The topology the checks see: each peering with its remote VNet's declared address space. */
export function withPeeredAddressSpaces(topology: Topology): Topology {
  if (!topology.virtualNetworks.some((vnet) => vnet.peerings.length > 0)) return topology;
  const vnets = new Map(topology.virtualNetworks.map((vnet) => [idKey(vnet.id), vnet]));
  return {
    ...topology,
    virtualNetworks: topology.virtualNetworks.map((vnet) => (vnet.peerings.length === 0 ? vnet
      : { ...vnet, peerings: vnet.peerings.map((peering) => withRemoteSpace(peering, vnets)) })),
  };
}
