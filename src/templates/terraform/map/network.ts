// azurerm_virtual_network (inline subnets), azurerm_subnet, azurerm_virtual_network_peering and the
// subnet associations.
import type { Subnet, VirtualNetwork, VirtualNetworkPeering } from '../../../core/model';
import { parentId, parseResourceId } from '../../../core/resourceId';
import { FieldReader, withUnresolved } from '../fields';
import type { ResourceInstance } from '../module';
import { MappingContext, findById, nameOr } from './context';

const PREFIX_KEYS = ['address_prefixes', 'address_prefix'];

function inlineSubnets(context: MappingContext, instance: ResourceInstance, vnetId: string, fields: FieldReader): Subnet[] {
  return fields.blocks('subnet', 'subnets').map((block) => {
    const subnetFields = new FieldReader(block);
    const name = subnetFields.string('name') ?? '';
    const subnet: Subnet = {
      id: `${vnetId}/subnets/${name}`,
      name,
      origin: context.blockOrigin(instance, block),
      virtualNetworkId: vnetId,
      addressPrefixes: subnetFields.strings(PREFIX_KEYS, 'addressPrefixes'),
      networkSecurityGroupId: subnetFields.string('security_group', 'networkSecurityGroupId'),
      routeTableId: subnetFields.string('route_table_id', 'routeTableId'),
    };
    return withUnresolved(subnet, subnetFields);
  });
}

function mapVirtualNetworks(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_virtual_network')) {
    const fields = new FieldReader(instance.value);
    const id = instance.value.id as string;
    const vnet: VirtualNetwork = {
      id,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      location: fields.string('location'),
      addressPrefixes: fields.strings(['address_space'], 'addressPrefixes'),
      subnets: [],
      peerings: [],
    };
    const dnsServers = fields.strings(['dns_servers'], 'dnsServers');
    if (dnsServers.length > 0) vnet.dnsServers = dnsServers;
    vnet.subnets = inlineSubnets(context, instance, id, fields);
    context.topology.virtualNetworks.push(withUnresolved(vnet, fields));
  }
}

/** A subnet (or peering) whose VNet is not declared here still gets checked; its VNet says what is missing. */
function parentNetwork(context: MappingContext, childId: string, instance: ResourceInstance, unknownName?: string): VirtualNetwork {
  const vnetId = parentId(childId) ?? childId;
  const existing = findById(context.topology.virtualNetworks, vnetId);
  if (existing) return existing;
  const name = parseResourceId(vnetId).name;
  const vnet: VirtualNetwork = {
    id: vnetId,
    name,
    origin: context.originOf(instance.declaration),
    addressPrefixes: [],
    subnets: [],
    peerings: [],
    unresolved: [{ field: 'addressPrefixes', reason: unknownName ?? `virtual network "${name}" is not declared in this module` }],
  };
  context.topology.virtualNetworks.push(vnet);
  return vnet;
}

/** The VNet a child names in `virtual_network_name` (a subnet, a peering). */
function namedParentNetwork(context: MappingContext, instance: ResourceInstance, fields: FieldReader): VirtualNetwork {
  fields.string('virtual_network_name', 'virtualNetworkId');
  const vnetUnknown = fields.unresolved.find((u) => u.field === 'virtualNetworkId')?.reason;
  return parentNetwork(context, instance.value.id as string, instance, vnetUnknown && `the virtual network of ${instance.address} is not known: ${vnetUnknown}`);
}

function mapSubnets(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_subnet')) {
    const fields = new FieldReader(instance.value);
    const id = instance.value.id as string;
    const vnet = namedParentNetwork(context, instance, fields);
    const subnet: Subnet = {
      id,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      virtualNetworkId: vnet.id,
      addressPrefixes: fields.strings(PREFIX_KEYS, 'addressPrefixes'),
    };
    vnet.subnets.push(withUnresolved(subnet, fields));
  }
}

/** A peering's state is Azure's, not the module's: it stays undefined (the checks know templates declare none). */
function mapPeerings(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_virtual_network_peering')) {
    const fields = new FieldReader(instance.value);
    const id = instance.value.id as string;
    const vnet = namedParentNetwork(context, instance, fields);
    const peering: VirtualNetworkPeering = {
      id,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      remoteVirtualNetworkId: fields.string('remote_virtual_network_id', 'remoteVirtualNetworkId'),
      remoteAddressPrefixes: [],
      allowVirtualNetworkAccess: fields.bool('allow_virtual_network_access', 'allowVirtualNetworkAccess'),
      allowForwardedTraffic: fields.bool('allow_forwarded_traffic', 'allowForwardedTraffic'),
      allowGatewayTransit: fields.bool('allow_gateway_transit', 'allowGatewayTransit'),
      useRemoteGateways: fields.bool('use_remote_gateways', 'useRemoteGateways'),
    };
    vnet.peerings.push(withUnresolved(peering, fields));
  }
}

function allSubnets(context: MappingContext): Subnet[] {
  return context.topology.virtualNetworks.flatMap((vnet) => vnet.subnets);
}

function mapAssociations(context: MappingContext): void {
  const associations = [
    { type: 'azurerm_subnet_network_security_group_association', target: 'network_security_group_id', kind: 'nsg' as const },
    { type: 'azurerm_subnet_route_table_association', target: 'route_table_id', kind: 'routeTable' as const },
  ];
  // Associations attach to subnets but add none, so one list (and its id index) serves them all.
  const subnets = allSubnets(context);
  for (const association of associations) {
    for (const instance of context.instancesOf(association.type)) {
      const fields = new FieldReader(instance.value);
      const subnetId = fields.string('subnet_id');
      const targetId = fields.string(association.target);
      const subnet = findById(subnets, subnetId);
      if (!subnet) {
        const why = fields.unresolved.find((u) => u.field === 'subnet_id')?.reason ?? `subnet ${subnetId ?? '(none)'} is not declared in this module`;
        context.problem(instance, `the association's subnet is not known: ${why}`);
        continue;
      }
      const origin = context.originOf(instance.declaration);
      const unresolvedTarget = fields.unresolved.find((u) => u.field === association.target);
      if (association.kind === 'nsg') {
        subnet.networkSecurityGroupId = targetId;
        subnet.networkSecurityGroupAssociationOrigin = origin;
        if (unresolvedTarget) subnet.unresolved = [...(subnet.unresolved ?? []), { field: 'networkSecurityGroupId', reason: unresolvedTarget.reason }];
      } else {
        subnet.routeTableId = targetId;
        subnet.routeTableAssociationOrigin = origin;
        if (unresolvedTarget) subnet.unresolved = [...(subnet.unresolved ?? []), { field: 'routeTableId', reason: unresolvedTarget.reason }];
      }
    }
  }
}

export function mapNetworks(context: MappingContext): void {
  mapVirtualNetworks(context);
  mapSubnets(context);
  mapPeerings(context);
  mapAssociations(context);
}
