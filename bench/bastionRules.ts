// The eight rules Microsoft documents for an NSG on AzureBastionSubnet, as generated benchmark
// inputs write them (ARM and Terraform benches).

export interface BenchRule {
  name: string;
  priority: number;
  direction: 'Inbound' | 'Outbound';
  protocol: string;
  source: string;
  destination: string;
  ports: string[];
}

export const BASTION_RULES: BenchRule[] = [
  { name: 'AllowHttpsInbound', priority: 120, direction: 'Inbound', protocol: 'Tcp', source: 'Internet', destination: '*', ports: ['443'] },
  { name: 'AllowGatewayManagerInbound', priority: 130, direction: 'Inbound', protocol: 'Tcp', source: 'GatewayManager', destination: '*', ports: ['443'] },
  { name: 'AllowAzureLoadBalancerInbound', priority: 140, direction: 'Inbound', protocol: 'Tcp', source: 'AzureLoadBalancer', destination: '*', ports: ['443'] },
  { name: 'AllowBastionHostCommunication', priority: 150, direction: 'Inbound', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowSshRdpOutbound', priority: 100, direction: 'Outbound', protocol: '*', source: '*', destination: 'VirtualNetwork', ports: ['22', '3389'] },
  { name: 'AllowAzureCloudOutbound', priority: 110, direction: 'Outbound', protocol: 'Tcp', source: '*', destination: 'AzureCloud', ports: ['443'] },
  { name: 'AllowBastionCommunication', priority: 120, direction: 'Outbound', protocol: '*', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['8080', '5701'] },
  { name: 'AllowHttpOutbound', priority: 130, direction: 'Outbound', protocol: '*', source: '*', destination: 'Internet', ports: ['80'] },
];

/** Rules of a workload subnet's NSG: SSH/RDP from the Bastion subnet, the app's ports, a deny. */
export function workloadRules(bastionPrefix: string): BenchRule[] {
  return [
    { name: 'AllowSshFromBastion', priority: 100, direction: 'Inbound', protocol: 'Tcp', source: bastionPrefix, destination: 'VirtualNetwork', ports: ['22'] },
    { name: 'AllowRdpFromBastion', priority: 110, direction: 'Inbound', protocol: 'Tcp', source: bastionPrefix, destination: 'VirtualNetwork', ports: ['3389'] },
    { name: 'AllowHttpsFromVnet', priority: 200, direction: 'Inbound', protocol: 'Tcp', source: 'VirtualNetwork', destination: 'VirtualNetwork', ports: ['443', '8443'] },
    { name: 'AllowLoadBalancerProbe', priority: 300, direction: 'Inbound', protocol: '*', source: 'AzureLoadBalancer', destination: '*', ports: ['*'] },
    { name: 'DenyInternetInbound', priority: 4000, direction: 'Inbound', protocol: '*', source: 'Internet', destination: '*', ports: ['*'] },
    { name: 'AllowStorageOutbound', priority: 100, direction: 'Outbound', protocol: 'Tcp', source: 'VirtualNetwork', destination: 'Storage', ports: ['443'] },
  ];
}
