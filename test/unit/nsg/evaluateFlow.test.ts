import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { azureDefaultRules, evaluateFlow, rulesOf } from '../../../src/core/nsg/index';
import type { EvaluationContext, FlowEvaluation, FlowQuery } from '../../../src/core/nsg/types';
import type { SecurityRule } from '../../../src/core/model';
import { NSG_ID, flow, rule } from './rules';
import { partLines } from './summary';

const VNET: EvaluationContext = { virtualNetworkPrefixes: ['10.0.0.0/16'] };
const NO_VNET: EvaluationContext = {};

interface Case {
  name: string;
  rules: SecurityRule[];
  flow: FlowQuery;
  context?: EvaluationContext;
  verdict: FlowEvaluation['verdict'];
  parts: string[];
}

function check(c: Case): FlowEvaluation {
  const evaluation = evaluateFlow(c.rules, c.flow, c.context ?? VNET);
  assert.deepEqual(partLines(evaluation), [...c.parts].sort(), c.name);
  assert.equal(evaluation.verdict, c.verdict, c.name);
  return evaluation;
}

function table(cases: Case[]): void {
  for (const c of cases) it(c.name, () => void check(c));
}

describe('evaluateFlow: order and first match', () => {
  table([
    {
      name: 'the first matching rule decides',
      rules: [rule({ priority: 100, access: 'Allow', ports: ['443'] }), rule({ priority: 200, access: 'Deny', ports: ['443'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by Allow-100'],
    },
    {
      name: 'priority order, not array order',
      rules: [rule({ priority: 300, access: 'Allow', ports: ['443'] }), rule({ priority: 150, access: 'Deny', ports: ['443'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'deny',
      parts: ['deny Internet -> * 443 Tcp by Deny-150'],
    },
    {
      name: 'a rule that does not match passes the flow on',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['22'] }), rule({ priority: 200, access: 'Allow', ports: ['443'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'rules of the other direction are ignored',
      rules: [rule({ priority: 100, access: 'Allow', direction: 'Outbound' })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'deny',
      parts: ['deny Internet -> * 443 Tcp by DenyAllInBound'],
    },
    {
      name: 'priorities outside 100-4096 are still evaluated in order',
      rules: [rule({ priority: 5000, access: 'Allow' }), rule({ priority: 50, access: 'Deny', ports: ['443'] })],
      flow: flow({ from: ['Internet'], ports: ['443', '444'] }),
      verdict: 'partial',
      parts: ['deny Internet -> * 443 Tcp by Deny-50', 'allow Internet -> * 444 Tcp by Allow-5000'],
    },
  ]);
});

describe('evaluateFlow: Azure default rules', () => {
  table([
    {
      name: 'DenyAllInBound denies inbound Internet 443',
      rules: [],
      flow: flow({ from: ['Internet'] }),
      verdict: 'deny',
      parts: ['deny Internet -> * 443 Tcp by DenyAllInBound'],
    },
    {
      name: 'AllowVnetInBound allows VirtualNetwork to VirtualNetwork',
      rules: [],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['8080', '5701'], protocol: '*' }),
      verdict: 'allow',
      parts: ['allow VirtualNetwork -> VirtualNetwork 5701,8080 * by AllowVnetInBound'],
    },
    {
      name: 'AllowAzureLoadBalancerInBound allows the load balancer',
      rules: [],
      flow: flow({ from: ['AzureLoadBalancer'], to: ['10.1.0.4'] }),
      verdict: 'allow',
      parts: ['allow AzureLoadBalancer -> 10.1.0.4 443 Tcp by AllowAzureLoadBalancerInBound'],
    },
    {
      name: 'AllowVnetOutBound allows outbound to VirtualNetwork from VirtualNetwork only',
      rules: [],
      flow: flow({ direction: 'Outbound', from: ['*'], to: ['VirtualNetwork'], ports: ['22', '3389'], protocol: '*' }),
      verdict: 'partial',
      parts: ['allow 10.0.0.0/16, 168.63.129.16 -> VirtualNetwork 22,3389 * by AllowVnetOutBound', 'deny * -> VirtualNetwork 22,3389 * by DenyAllOutBound'],
    },
    {
      name: 'AllowInternetOutBound allows AzureCloud 443 (AzureCloud is inside Internet)',
      rules: [],
      flow: flow({ direction: 'Outbound', from: ['*'], to: ['AzureCloud'] }),
      verdict: 'allow',
      parts: ['allow * -> AzureCloud 443 Tcp by AllowInternetOutBound'],
    },
    {
      name: 'DenyAllOutBound denies what neither VNet nor Internet covers',
      rules: [],
      flow: flow({ direction: 'Outbound', from: ['10.0.1.4'], to: ['192.168.5.0/24'] }),
      verdict: 'deny',
      parts: ['deny 10.0.1.4 -> 192.168.5.0/24 443 Tcp by DenyAllOutBound'],
    },
    {
      name: 'defaults listed by the caller are used as given',
      rules: [...azureDefaultRules(NSG_ID).filter((r) => r.name !== 'DenyAllInBound'), rule({ priority: 65500, access: 'Allow', isDefault: true, name: 'PermissiveDefault' })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by PermissiveDefault'],
    },
  ]);

  it('azureDefaultRules gives the six rules of reference §2.2', () => {
    const rules = azureDefaultRules(NSG_ID);
    assert.deepEqual(
      rules.map((r) => [r.direction, r.name, r.priority, r.sourceAddressPrefixes[0], r.destinationAddressPrefixes[0], r.access, r.isDefault]),
      [
        ['Inbound', 'AllowVnetInBound', 65000, 'VirtualNetwork', 'VirtualNetwork', 'Allow', true],
        ['Inbound', 'AllowAzureLoadBalancerInBound', 65001, 'AzureLoadBalancer', '0.0.0.0/0', 'Allow', true],
        ['Inbound', 'DenyAllInBound', 65500, '0.0.0.0/0', '0.0.0.0/0', 'Deny', true],
        ['Outbound', 'AllowVnetOutBound', 65000, 'VirtualNetwork', 'VirtualNetwork', 'Allow', true],
        ['Outbound', 'AllowInternetOutBound', 65001, '0.0.0.0/0', 'Internet', 'Allow', true],
        ['Outbound', 'DenyAllOutBound', 65500, '0.0.0.0/0', '0.0.0.0/0', 'Deny', true],
      ],
    );
    assert.ok(rules.every((r) => r.protocol === '*' && r.destinationPortRanges[0] === '*' && r.id.startsWith(`${NSG_ID}/defaultSecurityRules/`)));
  });

  it('rulesOf adds Azure defaults only when the NSG lists none', () => {
    const custom = rule({ priority: 100, access: 'Allow' });
    const base = { id: NSG_ID, name: 'nsg-test', origin: { kind: 'arm' as const, id: NSG_ID }, securityRules: [custom] };
    assert.deepEqual(rulesOf({ ...base, defaultSecurityRules: [] }).map((r) => r.name), ['Allow-100', ...azureDefaultRules(NSG_ID).map((r) => r.name)]);
    const own = rule({ priority: 65500, access: 'Deny', isDefault: true, name: 'DenyAllInBound' });
    assert.deepEqual(rulesOf({ ...base, defaultSecurityRules: [own] }), [custom, own]);
  });
});

describe('evaluateFlow: fields, ports, protocols', () => {
  table([
    {
      name: 'plural prefixes: any listed prefix matches',
      rules: [rule({ priority: 100, access: 'Allow', from: ['10.0.1.0/24', '10.0.2.0/24'] })],
      flow: flow({ from: ['10.0.2.7'], to: ['10.0.3.4'] }),
      verdict: 'allow',
      parts: ['allow 10.0.2.7 -> 10.0.3.4 443 Tcp by Allow-100'],
    },
    {
      name: 'port lists: one port of two matches',
      rules: [rule({ priority: 100, access: 'Allow', ports: ['22', '80'] })],
      flow: flow({ from: ['Internet'], ports: ['22', '3389'] }),
      verdict: 'partial',
      parts: ['allow Internet -> * 22 Tcp by Allow-100', 'deny Internet -> * 3389 Tcp by DenyAllInBound'],
    },
    {
      name: 'a port range covers the ports inside it',
      rules: [rule({ priority: 100, access: 'Allow', ports: ['5000-6000'] })],
      flow: flow({ from: ['Internet'], ports: ['5701', '8080'] }),
      verdict: 'partial',
      parts: ['allow Internet -> * 5701 Tcp by Allow-100', 'deny Internet -> * 8080 Tcp by DenyAllInBound'],
    },
    {
      name: 'a query range split by a rule range',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['20-22'] })],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['10-30'] }),
      verdict: 'partial',
      parts: ['deny VirtualNetwork -> VirtualNetwork 20-22 Tcp by Deny-100', 'allow VirtualNetwork -> VirtualNetwork 10-19,23-30 Tcp by AllowVnetInBound'],
    },
    {
      name: "the effective-rules API's 3389-3389 and 'All'",
      rules: [rule({ priority: 100, access: 'Deny', ports: ['3389-3389'], protocol: 'All' })],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['3389'], protocol: '*' }),
      verdict: 'deny',
      parts: ['deny VirtualNetwork -> VirtualNetwork 3389 * by Deny-100'],
    },
    {
      name: 'Any flow against a Tcp-only allow: the Tcp part is allowed, the rest goes on',
      rules: [rule({ priority: 100, access: 'Allow', protocol: 'Tcp', ports: ['80'] })],
      flow: flow({ direction: 'Inbound', from: ['Internet'], ports: ['80'], protocol: '*' }),
      verdict: 'partial',
      parts: ['allow Internet -> * 80 Tcp by Allow-100', 'deny Internet -> * 80 Udp,Icmp,Esp,Ah,Other by DenyAllInBound'],
    },
    {
      name: 'a Udp rule does not match a Tcp flow',
      rules: [rule({ priority: 100, access: 'Deny', protocol: 'Udp' })],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'] }),
      verdict: 'allow',
      parts: ['allow VirtualNetwork -> VirtualNetwork 443 Tcp by AllowVnetInBound'],
    },
    {
      name: 'Esp and Ah rules split an Any flow',
      rules: [rule({ priority: 100, access: 'Deny', protocol: 'Esp' }), rule({ priority: 110, access: 'Deny', protocol: 'Ah' })],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'], protocol: '*' }),
      verdict: 'partial',
      parts: ['deny VirtualNetwork -> VirtualNetwork 443 Esp by Deny-100', 'deny VirtualNetwork -> VirtualNetwork 443 Ah by Deny-110', 'allow VirtualNetwork -> VirtualNetwork 443 Tcp,Udp,Icmp,Other by AllowVnetInBound'],
    },
    {
      name: 'protocol, tags and prefixes match case-insensitively',
      rules: [rule({ priority: 100, access: 'Allow', protocol: 'TCP', from: ['internet'], to: ['VIRTUALNETWORK'] })],
      flow: flow({ from: ['Internet'], to: ['VirtualNetwork'] }),
      verdict: 'allow',
      parts: ['allow Internet -> VirtualNetwork 443 Tcp by Allow-100'],
    },
    {
      name: 'a rule restricted to source ports splits the flow by source port',
      rules: [rule({ priority: 100, access: 'Allow', sourcePorts: ['1024-65535'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'partial',
      parts: ['allow Internet -> * 443 Tcp from ports 1024-65535 by Allow-100', 'deny Internet -> * 443 Tcp from ports 0-1023 by DenyAllInBound'],
    },
  ]);
});

describe('evaluateFlow: address sets', () => {
  table([
    {
      name: 'a /28 of a /26 splits the flow',
      rules: [rule({ priority: 100, access: 'Deny', from: ['10.0.1.16/28'] })],
      flow: flow({ from: ['10.0.1.0/26'], to: ['10.0.2.4'] }),
      verdict: 'partial',
      parts: ['deny 10.0.1.16/28 -> 10.0.2.4 443 Tcp by Deny-100', 'allow 10.0.1.0/28, 10.0.1.32/27 -> 10.0.2.4 443 Tcp by AllowVnetInBound'],
    },
    {
      name: '* and 0.0.0.0/0 are everything',
      rules: [rule({ priority: 100, access: 'Deny', from: ['0.0.0.0/0'] })],
      flow: flow({ from: ['*'] }),
      verdict: 'deny',
      parts: ['deny * -> * 443 Tcp by Deny-100'],
    },
    {
      name: 'a single IP inside a prefix',
      rules: [rule({ priority: 100, access: 'Allow', from: ['203.0.113.0/24'] })],
      flow: flow({ from: ['203.0.113.9'] }),
      verdict: 'allow',
      parts: ['allow 203.0.113.9 -> * 443 Tcp by Allow-100'],
    },
    {
      name: 'host bits of a prefix are ignored',
      rules: [rule({ priority: 100, access: 'Allow', from: ['203.0.113.77/24'] })],
      flow: flow({ from: ['203.0.113.9'] }),
      verdict: 'allow',
      parts: ['allow 203.0.113.9 -> * 443 Tcp by Allow-100'],
    },
    {
      name: 'IPv6 prefixes match no IPv4 flow',
      rules: [rule({ priority: 100, access: 'Allow', from: ['2001:db8::/32'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'deny',
      parts: ['deny Internet -> * 443 Tcp by DenyAllInBound'],
    },
  ]);
});

describe('evaluateFlow: service tags', () => {
  const denyInternet = rule({ priority: 100, access: 'Deny', from: ['Internet'] });
  const allowAll443 = rule({ priority: 200, access: 'Allow', ports: ['443'] });
  table([
    {
      name: 'a deny on Internet blocks GatewayManager',
      rules: [denyInternet, allowAll443],
      flow: flow({ from: ['GatewayManager'] }),
      verdict: 'deny',
      parts: ['deny GatewayManager -> * 443 Tcp by Deny-100'],
    },
    {
      name: 'a deny on Internet blocks AzureCloud and its regions',
      rules: [denyInternet, allowAll443],
      flow: flow({ from: ['AzureCloud', 'AzureCloud.westeurope'] }),
      verdict: 'deny',
      parts: ['deny AzureCloud | AzureCloud.westeurope -> * 443 Tcp by Deny-100'],
    },
    {
      name: 'a deny on Internet does not block AzureLoadBalancer',
      rules: [denyInternet, allowAll443],
      flow: flow({ from: ['AzureLoadBalancer'] }),
      verdict: 'allow',
      parts: ['allow AzureLoadBalancer -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a deny on Internet does not block AzureLoadBalancer without VNet context either',
      rules: [denyInternet, allowAll443],
      flow: flow({ from: ['AzureLoadBalancer'] }),
      context: NO_VNET,
      verdict: 'allow',
      parts: ['allow AzureLoadBalancer -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a deny on AzureCloud blocks GatewayManager but only part of Internet',
      rules: [rule({ priority: 100, access: 'Deny', from: ['AzureCloud'] }), allowAll443],
      flow: flow({ from: ['Internet', 'GatewayManager'] }),
      verdict: 'partial',
      parts: ['deny AzureCloud | GatewayManager -> * 443 Tcp by Deny-100', 'allow Internet except AzureCloud -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a GatewayManager allow covers GatewayManager inside an Internet flow',
      rules: [rule({ priority: 100, access: 'Allow', from: ['GatewayManager'] })],
      flow: flow({ from: ['Internet'] }),
      verdict: 'partial',
      parts: ['allow GatewayManager -> * 443 Tcp by Allow-100', 'deny Internet except GatewayManager -> * 443 Tcp by DenyAllInBound'],
    },
    {
      name: 'query Internet against a deny on 52.0.0.0/8 (VNet known)',
      rules: [rule({ priority: 100, access: 'Deny', from: ['52.0.0.0/8'] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'partial',
      parts: ['deny Internet ∩ 52.0.0.0/8 -> * 443 Tcp by Deny-100', 'allow Internet except 52.0.0.0/8 -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'query Internet against a deny on 52.0.0.0/8 (VNet not known)',
      rules: [rule({ priority: 100, access: 'Deny', from: ['52.0.0.0/8'] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      context: NO_VNET,
      verdict: 'partial',
      parts: ['deny Internet ∩ 52.0.0.0/8 -> * 443 Tcp by Deny-100', 'allow Internet except 52.0.0.0/8 -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a public prefix against GatewayManager is not decidable',
      rules: [rule({ priority: 100, access: 'Deny', from: ['52.0.0.0/8'] }), allowAll443],
      flow: flow({ from: ['GatewayManager'] }),
      verdict: 'unknown',
      parts: ['unknown GatewayManager ∩ 52.0.0.0/8 -> * 443 Tcp by Deny-100', 'allow GatewayManager except 52.0.0.0/8 -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'private ranges never overlap GatewayManager',
      rules: [rule({ priority: 100, access: 'Deny', from: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'] }), allowAll443],
      flow: flow({ from: ['GatewayManager'] }),
      verdict: 'allow',
      parts: ['allow GatewayManager -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a VNet prefix is inside VirtualNetwork and outside Internet',
      rules: [rule({ priority: 100, access: 'Deny', from: ['Internet'] }), rule({ priority: 200, access: 'Allow', from: ['VirtualNetwork'] })],
      flow: flow({ from: ['10.0.5.0/24'] }),
      verdict: 'allow',
      parts: ['allow 10.0.5.0/24 -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'a prefix partly in the VNet',
      rules: [rule({ priority: 100, access: 'Allow', from: ['VirtualNetwork'] })],
      flow: flow({ from: ['10.0.0.0/15'] }),
      verdict: 'partial',
      parts: ['allow 10.0.0.0/16 -> * 443 Tcp by Allow-100', 'deny 10.1.0.0/16 -> * 443 Tcp by DenyAllInBound'],
    },
    {
      name: 'without VNet context, a prefix against VirtualNetwork is unknown',
      rules: [rule({ priority: 100, access: 'Deny', from: ['VirtualNetwork'] }), allowAll443],
      flow: flow({ from: ['10.0.5.0/24'] }),
      context: NO_VNET,
      verdict: 'unknown',
      parts: ['unknown 10.0.5.0/24 ∩ VirtualNetwork -> * 443 Tcp by Deny-100', 'allow 10.0.5.0/24 except VirtualNetwork -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'without VNet context, VirtualNetwork against VirtualNetwork is a full match',
      rules: [rule({ priority: 100, access: 'Deny', from: ['VirtualNetwork'], to: ['VirtualNetwork'] })],
      flow: flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'] }),
      context: NO_VNET,
      verdict: 'deny',
      parts: ['deny VirtualNetwork -> VirtualNetwork 443 Tcp by Deny-100'],
    },
    {
      name: 'without VNet context, 168.63.129.16 is still in VirtualNetwork',
      rules: [rule({ priority: 100, access: 'Deny', from: ['VirtualNetwork'] })],
      flow: flow({ from: ['168.63.129.16'] }),
      context: NO_VNET,
      verdict: 'deny',
      parts: ['deny 168.63.129.16 -> * 443 Tcp by Deny-100'],
    },
    {
      name: 'without VNet context, Internet and VirtualNetwork stay disjoint',
      rules: [rule({ priority: 100, access: 'Deny', from: ['VirtualNetwork'] }), allowAll443],
      flow: flow({ from: ['Internet', 'GatewayManager'] }),
      context: NO_VNET,
      verdict: 'allow',
      parts: ['allow Internet | GatewayManager -> * 443 Tcp by Allow-200'],
    },
    {
      name: 'the whole address space against a tag: the tag, then the rest',
      rules: [rule({ priority: 100, access: 'Allow', from: ['VirtualNetwork'] })],
      flow: flow({ from: ['*'] }),
      context: NO_VNET,
      verdict: 'partial',
      parts: ['allow VirtualNetwork -> * 443 Tcp by Allow-100', 'deny * except VirtualNetwork -> * 443 Tcp by DenyAllInBound'],
    },
  ]);
});

describe('evaluateFlow: what cannot be decided', () => {
  const allowAll443 = rule({ priority: 200, access: 'Allow', ports: ['443'] });
  const cases: (Case & { reason: RegExp })[] = [
    {
      name: 'an unknown tag',
      rules: [rule({ priority: 100, access: 'Deny', from: ['Storage'] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet ∩ Storage -> * 443 Tcp by Deny-100', 'allow Internet except Storage -> * 443 Tcp by Allow-200'],
      reason: /overlap of Internet with the Storage tag is not known/,
    },
    {
      name: 'a regional tag not in the known hierarchy',
      rules: [rule({ priority: 100, access: 'Deny', from: ['AzureFrontDoor.Backend'] }), allowAll443],
      flow: flow({ from: ['GatewayManager'] }),
      verdict: 'unknown',
      parts: ['unknown GatewayManager ∩ AzureFrontDoor.Backend -> * 443 Tcp by Deny-100', 'allow GatewayManager except AzureFrontDoor.Backend -> * 443 Tcp by Allow-200'],
      reason: /GatewayManager and AzureFrontDoor\.Backend tags is not known/,
    },
    {
      name: 'sibling tags',
      rules: [rule({ priority: 100, access: 'Deny', from: ['AzureCloud.westeurope'] }), allowAll443],
      flow: flow({ from: ['GatewayManager'] }),
      verdict: 'unknown',
      parts: ['unknown GatewayManager ∩ AzureCloud.westeurope -> * 443 Tcp by Deny-100', 'allow GatewayManager except AzureCloud.westeurope -> * 443 Tcp by Allow-200'],
      reason: /not known/,
    },
    {
      name: 'a source ASG',
      rules: [rule({ priority: 100, access: 'Deny', from: [], sourceAsgs: ['/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/applicationSecurityGroups/asg-web'] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /application security group asg-web/,
    },
    {
      name: 'an ASG rule on other ports does not make the flow unknown',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['22'], destinationAsgs: ['asg-db'], to: [] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by Allow-200'],
      reason: /$^/,
    },
    {
      name: 'an unresolved template value in a prefix',
      rules: [rule({ priority: 100, access: 'Deny', from: ["[parameters('allowedRange')]"] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /\[parameters\('allowedRange'\)\] is not resolved/,
    },
    {
      name: 'Terraform interpolation in a port',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['${var.port}'] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /port range \$\{var\.port\} is not resolved/,
    },
    {
      name: 'a rule listing an unresolved field',
      rules: [rule({ priority: 100, access: 'Deny', unresolved: [{ field: 'sourceAddressPrefix', reason: 'parameter blockedRange has no default' }] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /sourceAddressPrefix is not resolved \(parameter blockedRange has no default\)/,
    },
    {
      name: 'an unresolved field is still excluded by a known one',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['22'], unresolved: [{ field: 'sourceAddressPrefix', reason: 'no default' }] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by Allow-200'],
      reason: /$^/,
    },
    {
      name: 'a rule that may not be in this NSG leaves what it matches undecided',
      rules: [{ ...rule({ priority: 100, access: 'Deny', ports: ['443'] }), membershipUnknown: 'the NSG of rule r is not known' }, allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /^the NSG of rule r is not known$/,
    },
    {
      name: 'a rule that may not be in this NSG decides nothing it cannot match',
      rules: [{ ...rule({ priority: 100, access: 'Deny', ports: ['22'] }), membershipUnknown: 'the NSG of rule r is not known' }, allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'allow',
      parts: ['allow Internet -> * 443 Tcp by Allow-200'],
      reason: /$^/,
    },
    {
      name: 'an unresolved priority leaves the rule open everywhere it could match',
      rules: [rule({ priority: 100, access: 'Deny', ports: ['22'], unresolved: [{ field: 'priority', reason: 'no default' }] }), allowAll443],
      flow: flow({ from: ['Internet'] }),
      verdict: 'unknown',
      parts: ['unknown Internet -> * 443 Tcp by Deny-100'],
      reason: /priority is not resolved/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const evaluation = check(c);
      for (const part of evaluation.parts.filter((p) => p.verdict === 'unknown')) {
        assert.equal(part.undecided?.length, 1);
        assert.match(part.undecided[0].reason, c.reason);
        assert.equal(part.undecided[0].rule.name, part.decidedBy?.name);
      }
    });
  }
});

describe('evaluateFlow: shadowed allows', () => {
  it('names the later custom allows a deny shadows, not the defaults', () => {
    const rules = [
      rule({ priority: 100, access: 'Deny', from: ['Internet'] }),
      rule({ priority: 200, access: 'Allow', from: ['GatewayManager'], ports: ['443'], name: 'AllowGatewayManagerInbound' }),
      rule({ priority: 300, access: 'Allow', from: ['10.0.0.0/8'], ports: ['443'], name: 'AllowPrivate' }),
      rule({ priority: 400, access: 'Allow', from: ['Internet'], ports: ['80'], name: 'AllowHttp' }),
    ];
    const evaluation = evaluateFlow(rules, flow({ from: ['GatewayManager'] }), VNET);
    assert.equal(evaluation.verdict, 'deny');
    assert.deepEqual(evaluation.parts.map((p) => p.shadowedAllows.map((r) => r.name)), [['AllowGatewayManagerInbound']]);
  });

  it('an allow matching part of the denied part counts', () => {
    const rules = [rule({ priority: 100, access: 'Deny', from: ['10.0.1.0/24'] }), rule({ priority: 200, access: 'Allow', from: ['10.0.1.128/25'], name: 'AllowHalf' })];
    const evaluation = evaluateFlow(rules, flow({ from: ['10.0.1.0/24'] }), VNET);
    assert.deepEqual(evaluation.parts.map((p) => [p.verdict, p.shadowedAllows.map((r) => r.name)]), [['deny', ['AllowHalf']]]);
  });

  it('an allow that may not be in this NSG is never named as shadowed', () => {
    const maybe = { ...rule({ priority: 200, access: 'Allow', from: ['GatewayManager'], ports: ['443'], name: 'AllowGatewayManagerInbound' }), membershipUnknown: 'not known' };
    const evaluation = evaluateFlow([rule({ priority: 100, access: 'Deny', from: ['Internet'] }), maybe], flow({ from: ['GatewayManager'] }), VNET);
    assert.deepEqual(evaluation.parts.map((p) => [p.verdict, p.shadowedAllows.map((r) => r.name)]), [['deny', []]]);
  });

  it('an unknown part lists the allows behind it too; allowed parts list none', () => {
    const rules = [rule({ priority: 100, access: 'Deny', from: ['52.0.0.0/8'] }), rule({ priority: 200, access: 'Allow', from: ['GatewayManager'], name: 'AllowGM' })];
    const evaluation = evaluateFlow(rules, flow({ from: ['GatewayManager'] }), VNET);
    assert.deepEqual(evaluation.parts.map((p) => [p.verdict, p.shadowedAllows.map((r) => r.name)]), [['unknown', ['AllowGM']], ['allow', []]]);
  });
});

describe('evaluateFlow: merging and the Bastion flows', () => {
  it('parts decided by the same rule merge into one', () => {
    const rules = [rule({ priority: 100, access: 'Deny', ports: ['22'], from: ['10.0.1.0/24'] })];
    const evaluation = evaluateFlow(rules, flow({ from: ['10.0.1.0/24', '10.0.2.0/24'], to: ['10.0.3.4'], ports: ['22', '3389'] }), VNET);
    assert.deepEqual(partLines(evaluation), [
      'allow 10.0.1.0/24, 10.0.2.0/24 -> 10.0.3.4 3389 Tcp by AllowVnetInBound',
      'allow 10.0.2.0/24 -> 10.0.3.4 22 Tcp by AllowVnetInBound',
      'deny 10.0.1.0/24 -> 10.0.3.4 22 Tcp by Deny-100',
    ].sort());
  });

  it('the doc rule set allows all eight required flows', () => {
    const docRules = [
      rule({ priority: 120, access: 'Allow', protocol: 'Tcp', from: ['Internet'], ports: ['443'] }),
      rule({ priority: 130, access: 'Allow', protocol: 'Tcp', from: ['GatewayManager'], ports: ['443'] }),
      rule({ priority: 140, access: 'Allow', protocol: 'Tcp', from: ['AzureLoadBalancer'], ports: ['443'] }),
      rule({ priority: 150, access: 'Allow', protocol: '*', from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['8080', '5701'] }),
      rule({ priority: 4096, access: 'Deny' }),
      rule({ priority: 100, access: 'Allow', direction: 'Outbound', to: ['VirtualNetwork'], ports: ['22', '3389'] }),
      rule({ priority: 110, access: 'Allow', direction: 'Outbound', protocol: 'Tcp', to: ['AzureCloud'], ports: ['443'] }),
      rule({ priority: 120, access: 'Allow', direction: 'Outbound', from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['8080', '5701'] }),
      rule({ priority: 130, access: 'Allow', direction: 'Outbound', to: ['Internet'], ports: ['80'] }),
      rule({ priority: 4096, access: 'Deny', direction: 'Outbound' }),
    ];
    for (const context of [VNET, NO_VNET]) {
      for (const q of BASTION_FLOWS) {
        const evaluation = evaluateFlow(docRules, q, context);
        assert.equal(evaluation.verdict, 'allow', JSON.stringify(q));
        assert.ok(evaluation.parts.every((p) => !p.decidedBy?.rule.isDefault && p.decidedBy?.priority !== 4096));
      }
    }
  });
});

const BASTION_FLOWS: FlowQuery[] = [
  flow({ from: ['Internet'], ports: ['443'] }),
  flow({ from: ['GatewayManager'], ports: ['443'] }),
  flow({ from: ['AzureLoadBalancer'], ports: ['443'] }),
  flow({ from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['8080', '5701'], protocol: '*' }),
  flow({ direction: 'Outbound', from: ['*'], to: ['VirtualNetwork'], ports: ['22', '3389'], protocol: '*' }),
  flow({ direction: 'Outbound', from: ['VirtualNetwork'], to: ['VirtualNetwork'], ports: ['8080', '5701'], protocol: '*' }),
  flow({ direction: 'Outbound', from: ['*'], to: ['AzureCloud'], ports: ['443'] }),
  flow({ direction: 'Outbound', from: ['*'], to: ['Internet'], ports: ['80'], protocol: '*' }),
];
