// Virtual networks with their subnets and peerings, inline or declared as child resources.
import type { Origin, Subnet, VirtualNetwork, VirtualNetworkPeering } from '../model';
import { inlineChildIdentity } from './children';
import type { ArmInput, MapContext } from './context';
import type { Fields } from './fields';
import type { Registry } from './registry';
import { parentElement } from './parents';
import { compact, mergeSingularPlural } from './values';

export function mapVirtualNetwork(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const vnet: VirtualNetwork = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    location: input.fields.string('location'),
    addressPrefixes: props.object('addressSpace')?.strings('addressPrefixes') ?? [],
    subnets: [],
    peerings: [],
    dnsServers: props.object('dhcpOptions')?.strings('dnsServers'),
  });
  registry.virtualNetworks.put(registry.topology.virtualNetworks, vnet);
  for (const item of props.objects('subnets')) {
    const identity = inlineChildIdentity(item, vnet.id, 'subnets');
    if (identity === undefined) {
      ctx.problem(vnet.id, `Virtual network '${vnet.name}': a subnet has neither an id nor a name; ignored`, input.origin);
      continue;
    }
    const origin = ctx.originOf(item.raw, input.index, identity.id);
    registry.subnets.put(vnet.subnets, subnetFrom(item, identity, vnet.id, origin));
  }
  for (const item of props.objects('virtualNetworkPeerings')) {
    const identity = inlineChildIdentity(item, vnet.id, 'virtualNetworkPeerings');
    if (identity === undefined) {
      ctx.problem(vnet.id, `Virtual network '${vnet.name}': a peering has neither an id nor a name; ignored`, input.origin);
      continue;
    }
    const origin = ctx.originOf(item.raw, input.index, identity.id);
    registry.peerings.put(vnet.peerings, peeringFrom(item, identity, origin));
  }
}

export function mapSubnetResource(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const vnet = parentVirtualNetwork(input, ctx, registry);
  if (vnet === undefined) return;
  registry.subnets.put(vnet.subnets, subnetFrom(input.fields, input, vnet.id, input.origin));
}

export function mapPeeringResource(input: ArmInput, ctx: MapContext, registry: Registry): void {
  const vnet = parentVirtualNetwork(input, ctx, registry);
  if (vnet === undefined) return;
  registry.peerings.put(vnet.peerings, peeringFrom(input.fields, input, input.origin));
}

function subnetFrom(item: Fields, identity: { id: string; name: string }, virtualNetworkId: string, origin: Origin): Subnet {
  const props = item.properties();
  return compact({
    id: identity.id,
    name: identity.name,
    origin,
    virtualNetworkId,
    addressPrefixes: mergeSingularPlural(props.string('addressPrefix'), props.strings('addressPrefixes')),
    networkSecurityGroupId: props.referenceId('networkSecurityGroup'),
    routeTableId: props.referenceId('routeTable'),
    provisioningState: props.string('provisioningState'),
  });
}

function peeringFrom(item: Fields, identity: { id: string; name: string }, origin: Origin): VirtualNetworkPeering {
  const props = item.properties();
  const remoteSpace = props.object('remoteAddressSpace')?.strings('addressPrefixes');
  const remoteVnetSpace = props.object('remoteVirtualNetworkAddressSpace')?.strings('addressPrefixes');
  return compact({
    id: identity.id,
    name: identity.name,
    origin,
    remoteVirtualNetworkId: props.referenceId('remoteVirtualNetwork'),
    peeringState: props.string('peeringState'),
    peeringSyncLevel: props.string('peeringSyncLevel'),
    remoteAddressPrefixes: mergeSingularPlural(undefined, [...(remoteSpace ?? []), ...(remoteVnetSpace ?? [])]),
    allowVirtualNetworkAccess: props.boolean('allowVirtualNetworkAccess'),
    allowForwardedTraffic: props.boolean('allowForwardedTraffic'),
    allowGatewayTransit: props.boolean('allowGatewayTransit'),
    useRemoteGateways: props.boolean('useRemoteGateways'),
  });
}

function parentVirtualNetwork(input: ArmInput, ctx: MapContext, registry: Registry): VirtualNetwork | undefined {
  return parentElement(input, ctx, {
    label: 'virtual network',
    index: registry.virtualNetworks,
    list: registry.topology.virtualNetworks,
    placeholder: (parent) => ({ ...parent, addressPrefixes: [], subnets: [], peerings: [] }),
    consequence: 'its address space is unknown',
  });
}
