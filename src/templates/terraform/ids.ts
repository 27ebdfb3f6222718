// Synthetic ARM-shaped ids for Terraform resources, so references (`azurerm_subnet.x.id`) and the
// model agree on one id. A segment that is not known statically is the Terraform address, which
// stays unique and stable; the subscription is the all-zero GUID, since a template names none.
import { Unknown, isObject, type ObjectValue, type Value } from './values';

export const TEMPLATE_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
export const UNRESOLVED_RESOURCE_GROUP = 'unresolved-resource-group';

const TOP_LEVEL: Record<string, string> = {
  azurerm_virtual_network: 'Microsoft.Network/virtualNetworks',
  azurerm_network_security_group: 'Microsoft.Network/networkSecurityGroups',
  azurerm_route_table: 'Microsoft.Network/routeTables',
  azurerm_bastion_host: 'Microsoft.Network/bastionHosts',
  azurerm_network_interface: 'Microsoft.Network/networkInterfaces',
  azurerm_public_ip: 'Microsoft.Network/publicIPAddresses',
  azurerm_virtual_machine: 'Microsoft.Compute/virtualMachines',
  azurerm_linux_virtual_machine: 'Microsoft.Compute/virtualMachines',
  azurerm_windows_virtual_machine: 'Microsoft.Compute/virtualMachines',
};

/** Child resources: the attribute naming the parent, the parent's type path, the child segment. */
const CHILDREN: Record<string, { parentAttribute: string; parentType: string; childType: string }> = {
  azurerm_subnet: { parentAttribute: 'virtual_network_name', parentType: 'Microsoft.Network/virtualNetworks', childType: 'subnets' },
  azurerm_network_security_rule: { parentAttribute: 'network_security_group_name', parentType: 'Microsoft.Network/networkSecurityGroups', childType: 'securityRules' },
  azurerm_virtual_network_peering: { parentAttribute: 'virtual_network_name', parentType: 'Microsoft.Network/virtualNetworks', childType: 'virtualNetworkPeerings' },
  azurerm_route: { parentAttribute: 'route_table_name', parentType: 'Microsoft.Network/routeTables', childType: 'routes' },
};

function known(value: Value | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The parent's name segment of a child's id: the name, or the parent instance's address when the
 * child names an instance whose name is not known (that instance's own id uses its address too).
 */
function parentSegment(value: Value | undefined): string | undefined {
  if (value instanceof Unknown && value.attributeOf?.attribute === 'name') return value.attributeOf.address;
  return known(value);
}

export function resourceGroupPrefix(attributes: ObjectValue): string {
  const group = known(attributes.resource_group_name) ?? UNRESOLVED_RESOURCE_GROUP;
  return `/subscriptions/${TEMPLATE_SUBSCRIPTION}/resourceGroups/${group}`;
}

/**
 * An azapi_resource's ARM id from its type, parent_id and name: a top-level or extension type
 * sits below `providers/<type>` of its parent, a child type below its parent's id.
 */
function azapiId(attributes: ObjectValue, address: string): string {
  const armType = known(attributes.type)?.split('@')[0];
  if (!armType) return `terraform:${address}`;
  const name = known(attributes.name) ?? address;
  const [namespace, ...types] = armType.split('/');
  const parent = known(attributes.parent_id);
  if (types.length <= 1) return `${parent ?? resourceGroupPrefix({})}/providers/${armType}/${name}`;
  const parentPath = parent ?? `${resourceGroupPrefix({})}/providers/${namespace}/${types.slice(0, -1).map((t) => `${t}/${address}.parent_id`).join('/')}`;
  return `${parentPath}/${types[types.length - 1]}/${name}`;
}

export function syntheticId(type: string, attributes: ObjectValue, address: string): string {
  if (type === 'azapi_resource') return azapiId(attributes, address);
  const name = known(attributes.name) ?? address;
  if (type === 'azurerm_resource_group') return `/subscriptions/${TEMPLATE_SUBSCRIPTION}/resourceGroups/${name}`;
  const topLevel = TOP_LEVEL[type];
  if (topLevel) return `${resourceGroupPrefix(attributes)}/providers/${topLevel}/${name}`;
  const child = CHILDREN[type];
  if (child) {
    const parent = parentSegment(attributes[child.parentAttribute]) ?? `${address}.${child.parentAttribute}`;
    return `${resourceGroupPrefix(attributes)}/providers/${child.parentType}/${parent}/${child.childType}/${name}`;
  }
  return `terraform:${address}`;
}

/** The id of an inline `subnet {}` block of a virtual network. */
export function inlineSubnetId(virtualNetworkId: string, subnet: Value): string | undefined {
  const name = isObject(subnet) ? known(subnet.name) : undefined;
  return name ? `${virtualNetworkId}/subnets/${name}` : undefined;
}
