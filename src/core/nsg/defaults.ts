// Azure's six default rules (reference §2.2) and the rule list an NSG is evaluated with.
import type { Direction, NetworkSecurityGroup, SecurityRule } from '../model';

interface DefaultRuleSpec {
  name: string;
  priority: number;
  direction: Direction;
  access: 'Allow' | 'Deny';
  source: string;
  destination: string;
  description: string;
}

const DEFAULT_RULES: readonly DefaultRuleSpec[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', source: 'VirtualNetwork', destination: 'VirtualNetwork', description: 'Allow inbound traffic from all VMs in VNET' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', source: 'AzureLoadBalancer', destination: '0.0.0.0/0', description: 'Allow inbound traffic from azure load balancer' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', source: '0.0.0.0/0', destination: '0.0.0.0/0', description: 'Deny all inbound traffic' },
  { name: 'AllowVnetOutBound', priority: 65000, direction: 'Outbound', access: 'Allow', source: 'VirtualNetwork', destination: 'VirtualNetwork', description: 'Allow outbound traffic from all VMs to all VMs in VNET' },
  { name: 'AllowInternetOutBound', priority: 65001, direction: 'Outbound', access: 'Allow', source: '0.0.0.0/0', destination: 'Internet', description: 'Allow outbound traffic from all VMs to Internet' },
  { name: 'DenyAllOutBound', priority: 65500, direction: 'Outbound', access: 'Deny', source: '0.0.0.0/0', destination: '0.0.0.0/0', description: 'Deny all outbound traffic' },
];

/** The six default rules of the NSG with this id, as `defaultSecurityRules` lists them. */
export function azureDefaultRules(nsgId: string): SecurityRule[] {
  return DEFAULT_RULES.map((spec) => {
    const id = `${nsgId}/defaultSecurityRules/${spec.name}`;
    return {
      id,
      name: spec.name,
      origin: { kind: 'arm', id },
      priority: spec.priority,
      direction: spec.direction,
      access: spec.access,
      protocol: '*',
      sourceAddressPrefixes: [spec.source],
      destinationAddressPrefixes: [spec.destination],
      sourcePortRanges: ['*'],
      destinationPortRanges: ['*'],
      sourceApplicationSecurityGroupIds: [],
      destinationApplicationSecurityGroupIds: [],
      isDefault: true,
      description: spec.description,
    };
  });
}

/** Every rule the NSG is evaluated with: its own, then its defaults (Azure's when none are listed). */
export function rulesOf(nsg: NetworkSecurityGroup): SecurityRule[] {
  const defaults = nsg.defaultSecurityRules.length > 0 ? nsg.defaultSecurityRules : azureDefaultRules(nsg.id);
  return [...nsg.securityRules, ...defaults];
}

/** The NSG id a rule id belongs to ('' when the id does not say). */
export function nsgIdOfRule(ruleId: string): string {
  const match = /^(.*?)\/(?:default)?securityRules\//i.exec(ruleId);
  return match ? match[1] : '';
}
