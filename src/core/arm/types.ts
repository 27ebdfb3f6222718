// Lower-cased ARM resource types the mapper reads; ARM compares types case-insensitively.
export const ARM_TYPES = {
  bastionHost: 'microsoft.network/bastionhosts',
  virtualNetwork: 'microsoft.network/virtualnetworks',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  peering: 'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  networkSecurityGroup: 'microsoft.network/networksecuritygroups',
  securityRule: 'microsoft.network/networksecuritygroups/securityrules',
  defaultSecurityRule: 'microsoft.network/networksecuritygroups/defaultsecurityrules',
  routeTable: 'microsoft.network/routetables',
  route: 'microsoft.network/routetables/routes',
  networkInterface: 'microsoft.network/networkinterfaces',
  virtualMachine: 'microsoft.compute/virtualmachines',
  publicIpAddress: 'microsoft.network/publicipaddresses',
  diagnosticSetting: 'microsoft.insights/diagnosticsettings',
  privateDnsZoneLink: 'microsoft.network/privatednszones/virtualnetworklinks',
} as const;

export type ArmTypeKey = (typeof ARM_TYPES)[keyof typeof ARM_TYPES];

/** How messages name each kind of resource. */
export const KIND_LABELS: Record<ArmTypeKey, string> = {
  [ARM_TYPES.bastionHost]: 'Bastion host',
  [ARM_TYPES.virtualNetwork]: 'Virtual network',
  [ARM_TYPES.subnet]: 'Subnet',
  [ARM_TYPES.peering]: 'Peering',
  [ARM_TYPES.networkSecurityGroup]: 'Network security group',
  [ARM_TYPES.securityRule]: 'Security rule',
  [ARM_TYPES.defaultSecurityRule]: 'Default security rule',
  [ARM_TYPES.routeTable]: 'Route table',
  [ARM_TYPES.route]: 'Route',
  [ARM_TYPES.networkInterface]: 'Network interface',
  [ARM_TYPES.virtualMachine]: 'Virtual machine',
  [ARM_TYPES.publicIpAddress]: 'Public IP address',
  [ARM_TYPES.diagnosticSetting]: 'Diagnostic setting',
  [ARM_TYPES.privateDnsZoneLink]: 'Private DNS zone link',
};

const KNOWN = new Set<string>(Object.values(ARM_TYPES));

export function armTypeKey(type: string): ArmTypeKey | undefined {
  const key = type.trim().toLowerCase();
  return KNOWN.has(key) ? (key as ArmTypeKey) : undefined;
}
