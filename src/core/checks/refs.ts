// ResourceRefs for findings and remedies: id, name, ARM type and origin of a model element.
import type { Origin } from '../model';
import type { ResourceRef } from '../findings';
import { parseResourceId } from '../resourceId';

export const ARM_TYPES = {
  bastionHost: 'Microsoft.Network/bastionHosts',
  virtualNetwork: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  networkSecurityGroup: 'Microsoft.Network/networkSecurityGroups',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  networkInterface: 'Microsoft.Network/networkInterfaces',
  publicIpAddress: 'Microsoft.Network/publicIPAddresses',
  virtualMachine: 'Microsoft.Compute/virtualMachines',
  privateDnsZoneLink: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  diagnosticSetting: 'Microsoft.Insights/diagnosticSettings',
} as const;

export function refOf(element: { id: string; name: string; origin?: Origin }, type: string, origin?: Origin): ResourceRef {
  return { id: element.id, name: element.name, type, origin: origin ?? element.origin };
}

/** A ref for something known only by id (a resource the topology does not hold). */
export function refOfId(id: string, type?: string): ResourceRef {
  return { id, name: parseResourceId(id).name || id, type };
}
