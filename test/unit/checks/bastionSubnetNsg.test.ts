import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../../src/core/diagnose';
import type { Finding, NewSecurityRule } from '../../../src/core/findings';
import type { SecurityRule, Topology } from '../../../src/core/model';
import { bastionNsgOf, healthyTopology, rule } from '../../support/model';

function nsgFindings(topology: Topology, options = {}): Finding[] {
  return diagnose(topology, options).findings.filter((f) => f.rule.startsWith('bastion-nsg') || (f.rule === 'check-incomplete' && f.flow));
}

function withRules(edit: (rules: ReturnType<typeof bastionNsgOf>['securityRules']) => ReturnType<typeof bastionNsgOf>['securityRules']): Topology {
  const topology = healthyTopology();
  const group = bastionNsgOf(topology);
  group.securityRules = edit(group.securityRules);
  return topology;
}

const without = (name: string) => withRules((rules) => rules.filter((r) => r.name !== name));
const addedRule = (finding: Finding): NewSecurityRule | undefined => {
  const remedy = finding.fixes.find((fix) => fix.remedy.kind === 'add-security-rules')?.remedy;
  return remedy?.kind === 'add-security-rules' ? remedy.rules[0] : undefined;
};

test('a compliant NSG gives no NSG finding', () => {
  assert.deepEqual(nsgFindings(healthyTopology()), []);
});

test('no NSG on AzureBastionSubnet gives no NSG finding', () => {
  const topology = healthyTopology();
  topology.virtualNetworks[0].subnets[0].networkSecurityGroupId = undefined;
  assert.deepEqual(nsgFindings(topology), []);
});

const removals: { removed: string; flow: string; severity: 'error' | 'warning'; decidedBy: string }[] = [
  { removed: 'AllowHttpsInbound', flow: 'in-internet-443', severity: 'error', decidedBy: 'DenyAllInBound' },
  { removed: 'AllowAzureLoadBalancerInbound', flow: 'in-azureloadbalancer-443', severity: 'warning', decidedBy: 'AllowVnetInBound' },
  { removed: 'AllowBastionHostCommunication', flow: 'in-vnet-8080-5701', severity: 'warning', decidedBy: 'AllowVnetInBound' },
  { removed: 'AllowSshRdpOutbound', flow: 'out-vnet-22-3389', severity: 'warning', decidedBy: 'AllowVnetOutBound' },
  { removed: 'AllowAzureCloudOutbound', flow: 'out-azurecloud-443', severity: 'warning', decidedBy: 'AllowInternetOutBound' },
  { removed: 'AllowBastionCommunication', flow: 'out-vnet-8080-5701', severity: 'warning', decidedBy: 'AllowVnetOutBound' },
  { removed: 'AllowHttpOutbound', flow: 'out-internet-80', severity: 'warning', decidedBy: 'AllowInternetOutBound' },
];

for (const c of removals) {
  test(`removing ${c.removed} gives missing-rule ${c.severity} for ${c.flow}`, () => {
    const findings = nsgFindings(without(c.removed));
    assert.equal(findings.length, 1, JSON.stringify(findings.map((f) => f.message)));
    const [finding] = findings;
    assert.equal(finding.rule, 'bastion-nsg-missing-rule');
    assert.equal(finding.flow, c.flow);
    assert.equal(finding.severity, c.severity);
    assert.match(finding.message, new RegExp(c.decidedBy, 'i'));
    assert.equal(finding.resource.name, 'nsg-bastion');
    const added = addedRule(finding);
    assert.equal(added?.name, c.removed);
    if (added?.direction === 'Inbound') assert.notEqual(added.sourceAddressPrefix, '*', 'inbound sources are service tags, never *');
  });
}

test('GatewayManager is inside Internet: the Internet allow on 443 also covers it', () => {
  assert.deepEqual(nsgFindings(without('AllowGatewayManagerInbound')), []);
});

test('with HTTPS limited to public ranges, a missing GatewayManager rule is an error', () => {
  const topology = withRules((rules) => rules.filter((r) => r.name !== 'AllowGatewayManagerInbound')
    .map((r) => (r.name === 'AllowHttpsInbound' ? { ...r, sourceAddressPrefixes: ['203.0.113.0/24'] } : r)));
  const findings = nsgFindings(topology);
  assert.deepEqual(findings.map((f) => [f.rule, f.flow, f.severity]), [['bastion-nsg-missing-rule', 'in-gatewaymanager-443', 'error']]);
  assert.equal(addedRule(findings[0])?.name, 'AllowGatewayManagerInbound');
  assert.equal(addedRule(findings[0])?.sourceAddressPrefix, 'GatewayManager');
});

test('the inbound 443 fix uses the Internet service tag as source', () => {
  const [finding] = nsgFindings(without('AllowHttpsInbound'));
  assert.equal(addedRule(finding)?.sourceAddressPrefix, 'Internet');
  assert.deepEqual(addedRule(finding)?.destinationPortRanges, ['443']);
});

test('a deny-all at 4096 after the allows changes nothing', () => {
  const topology = withRules((rules) => [...rules,
    rule('nsg-bastion', 'DenyAllInbound', 4096, 'Inbound', 'Deny'),
    rule('nsg-bastion', 'DenyAllOutbound', 4096, 'Outbound', 'Deny')]);
  assert.deepEqual(nsgFindings(topology), []);
});

test('a deny-all at 4096 turns a default-only flow into an error, fixed before the deny', () => {
  const topology = withRules((rules) => [...rules.filter((r) => r.name !== 'AllowAzureCloudOutbound'),
    rule('nsg-bastion', 'DenyAllOutbound', 4096, 'Outbound', 'Deny')]);
  const [finding] = nsgFindings(topology);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /DenyAllOutbound \(priority 4096/);
  const added = addedRule(finding);
  assert.ok(added && added.priority < 4096 && ![100, 110, 120, 130].includes(added.priority));
  assert.deepEqual(added?.placedBefore, { name: 'DenyAllOutbound', priority: 4096 });
});

test('an Internet deny at 100 shadows the HTTPS and GatewayManager allows and blocks AzureCloud', () => {
  const topology = withRules((rules) => [
    ...rules.map((r) => (r.priority === 100 ? { ...r, priority: 150 } : r)),
    rule('nsg-bastion', 'DenyInternetInbound', 100, 'Inbound', 'Deny', { source: 'Internet' }),
    rule('nsg-bastion', 'DenyInternetOutbound', 105, 'Outbound', 'Deny', { destination: 'Internet' }),
  ].filter((r) => r.name !== 'AllowAzureCloudOutbound'));
  const findings = nsgFindings(topology);
  const byFlow = new Map(findings.map((f) => [f.flow, f]));
  const https = byFlow.get('in-internet-443');
  assert.equal(https?.rule, 'bastion-nsg-rule-shadowed');
  assert.equal(https?.resource.name, 'AllowHttpsInbound');
  assert.match(https?.message ?? '', /DenyInternetInbound \(priority 100\)/);
  assert.ok(https?.related?.some((r) => r.origin.kind === 'arm' && r.origin.id.endsWith('/DenyInternetInbound')));
  assert.equal(byFlow.get('in-gatewaymanager-443')?.rule, 'bastion-nsg-rule-shadowed');
  const cloud = byFlow.get('out-azurecloud-443');
  assert.equal(cloud?.rule, 'bastion-nsg-missing-rule');
  assert.equal(cloud?.severity, 'error');
  assert.equal(byFlow.get('in-azureloadbalancer-443'), undefined, 'Internet does not contain 168.63.129.16');
  assert.equal(byFlow.get('out-internet-80')?.rule, 'bastion-nsg-rule-shadowed');
});

const httpsFromPublicRange = (r: SecurityRule): SecurityRule => (r.name === 'AllowHttpsInbound' ? { ...r, sourceAddressPrefixes: ['203.0.113.0/24'] } : r);

test('a shadowed allow gets a fix that moves it to a free slot before the deny', () => {
  const topology = withRules((rules) => [
    ...rules.map(httpsFromPublicRange).map((r) => (r.name === 'AllowGatewayManagerInbound' ? { ...r, priority: 300 } : r)),
    rule('nsg-bastion', 'DenyGatewayManager', 200, 'Inbound', 'Deny', { source: 'GatewayManager' }),
  ]);
  const [finding] = nsgFindings(topology);
  assert.equal(finding.rule, 'bastion-nsg-rule-shadowed');
  const remedy = finding.fixes[0].remedy;
  assert.equal(remedy.kind, 'set-rule-priority');
  if (remedy.kind !== 'set-rule-priority') return;
  assert.equal(remedy.ruleName, 'AllowGatewayManagerInbound');
  assert.ok(remedy.toPriority < 200 && ![100, 110, 120, 130].includes(remedy.toPriority), `got ${remedy.toPriority}`);
});

test('a deny at 100 with no room before it: the deny moves, the new rule takes its slot', () => {
  const topology = withRules((rules) => [
    ...rules.filter((r) => r.name !== 'AllowGatewayManagerInbound').map(httpsFromPublicRange).map((r) => (r.direction === 'Inbound' && r.priority === 100 ? { ...r, priority: 140 } : r)),
    rule('nsg-bastion', 'DenyGatewayManager', 100, 'Inbound', 'Deny', { source: 'GatewayManager' }),
  ]);
  const [finding] = nsgFindings(topology);
  assert.equal(finding.rule, 'bastion-nsg-missing-rule');
  assert.deepEqual(finding.fixes.map((fix) => fix.remedy.kind), ['set-rule-priority', 'add-security-rules']);
  const move = finding.fixes[0].remedy;
  assert.ok(move.kind === 'set-rule-priority' && move.fromPriority === 100 && move.toPriority > 100 && move.toPriority < 120, 'the deny moves no further than the next rule');
  assert.equal(addedRule(finding)?.priority, 100);
});

test('an outbound-only deny leaves the inbound flows alone', () => {
  const topology = withRules((rules) => [...rules.filter((r) => r.name !== 'AllowSshRdpOutbound'),
    rule('nsg-bastion', 'DenyVnetOutbound', 200, 'Outbound', 'Deny', { destination: 'VirtualNetwork' })]);
  const findings = nsgFindings(topology);
  assert.deepEqual(findings.map((f) => [f.rule, f.flow, f.severity]), [
    ['bastion-nsg-missing-rule', 'out-vnet-22-3389', 'error'],
  ]);
});

test('Tcp where the table says Any satisfies the flow', () => {
  const topology = withRules((rules) => rules.map((r) => (r.protocol === '*' ? { ...r, protocol: 'Tcp' } : r)));
  assert.deepEqual(nsgFindings(topology), []);
});

test('a Udp-only allow does not satisfy a flow', () => {
  const topology = withRules((rules) => rules.map((r) => (r.name === 'AllowHttpOutbound' ? { ...r, protocol: 'Udp' } : r)));
  const [finding] = nsgFindings(topology);
  assert.equal(finding.flow, 'out-internet-80');
  assert.equal(finding.severity, 'warning');
});

test('explicit public source ranges satisfy in-internet-443', () => {
  const topology = withRules((rules) => rules.map((r) => (r.name === 'AllowHttpsInbound' ? { ...r, sourceAddressPrefixes: ['203.0.113.0/24', '198.51.100.7'] } : r)));
  assert.deepEqual(nsgFindings(topology), []);
});

test('custom port on Standard is required outbound; not on Basic', () => {
  const standard = nsgFindings(healthyTopology(), { customPort: 2222 });
  assert.equal(standard.length, 1);
  assert.equal(standard[0].flow, 'out-vnet-22-3389');
  assert.deepEqual(addedRule(standard[0])?.destinationPortRanges, ['22', '3389', '2222']);
  const basic = healthyTopology();
  basic.bastionHosts[0].sku = 'Basic';
  assert.deepEqual(nsgFindings(basic, { customPort: 2222 }), []);
});

test('two missing flows get different priorities and unique names', () => {
  const topology = withRules((rules) => [...rules.filter((r) => !r.name.startsWith('AllowHttps') && !r.name.startsWith('AllowGateway')),
    rule('nsg-bastion', 'AllowHttpsInbound', 200, 'Inbound', 'Allow', { source: '10.9.9.0/24', ports: '22' })]);
  const added = nsgFindings(topology).map(addedRule);
  assert.equal(added.length, 2);
  assert.notEqual(added[0]?.priority, added[1]?.priority);
  assert.ok(added.every((r) => r && r.priority !== 200 && r.name !== 'AllowHttpsInbound' || r?.name === 'AllowGatewayManagerInbound'));
  assert.ok(added.some((r) => r?.name === 'AllowHttpsInbound-2'));
});

test('an ASG rule in the way gives check-incomplete for that flow', () => {
  const topology = withRules((rules) => [...rules,
    { ...rule('nsg-bastion', 'DenyAsg', 90 + 15, 'Inbound', 'Deny', { ports: '443' }), sourceApplicationSecurityGroupIds: [`${'/subscriptions/x'}/asg-admins`], sourceAddressPrefixes: [] }]);
  const findings = nsgFindings(topology);
  assert.ok(findings.some((f) => f.rule === 'check-incomplete' && f.severity === 'info' && /DenyAsg/.test(f.message)), JSON.stringify(findings.map((f) => f.message)));
});

test('a deny at 100 shadowing two allows moves behind both, the same way in every finding', () => {
  const topology = withRules((rules) => [
    ...rules.map((r) => (r.name === 'AllowHttpsInbound' ? { ...r, priority: 120 } : r.name === 'AllowGatewayManagerInbound' ? { ...r, priority: 130 } : r)),
    rule('nsg-bastion', 'DenyInternetHttps', 100, 'Inbound', 'Deny', { source: 'Internet', ports: ['443'] }),
  ]);
  const shadowed = nsgFindings(topology).filter((f) => f.rule === 'bastion-nsg-rule-shadowed');
  assert.deepEqual(shadowed.map((f) => f.flow).sort(), ['in-gatewaymanager-443', 'in-internet-443']);
  const moves = shadowed.map((f) => f.fixes[0].remedy);
  for (const move of moves) {
    assert.ok(move.kind === 'set-rule-priority' && move.ruleName === 'DenyInternetHttps', JSON.stringify(move));
    if (move.kind === 'set-rule-priority') assert.ok(move.toPriority > 130, `the deny must land behind both allows, got ${move.toPriority}`);
  }
  assert.equal(new Set(moves.map((m) => (m.kind === 'set-rule-priority' ? m.toPriority : 0))).size, 1, 'every finding proposes the same move');
});

test('an NSG whose rules were not all read: every required flow is check-incomplete, none missing or shadowed', () => {
  const topology = without('AllowHttpsInbound');
  const nsg = bastionNsgOf(topology);
  // A known deny before everything: the unread rules still decide whether the other flows pass.
  nsg.securityRules.unshift(rule(nsg.name, 'DenyInternetInbound', 101, 'Inbound', 'Deny', { source: 'Internet' }));
  nsg.unresolved = [{ field: 'securityRules', reason: "for_each of azurerm_network_security_rule.x is not known: variable 'rules' has no default" }];
  const findings = nsgFindings(topology);
  assert.deepEqual(findings.map((f) => [f.rule, f.severity]), Array(8).fill(['check-incomplete', 'info']));
  assert.equal(new Set(findings.map((f) => f.flow)).size, 8);
  assert.match(findings[0].message, /rules that may belong to it could not be read \(for_each of azurerm_network_security_rule\.x is not known/);
});

test('a rule that may not be in the NSG: only the flow it could decide is check-incomplete', () => {
  const topology = without('AllowHttpOutbound');
  const nsg = bastionNsgOf(topology);
  const http = bastionNsgOf(healthyTopology()).securityRules.find((r) => r.name === 'AllowHttpOutbound');
  assert.ok(http);
  nsg.securityRules.push({ ...http, membershipUnknown: "the NSG of azurerm_network_security_rule.http is not known (variable 'nsg' has no default)" });
  const findings = nsgFindings(topology);
  assert.deepEqual(findings.map((f) => [f.rule, f.flow]), [['check-incomplete', 'out-internet-80']]);
  assert.match(findings[0].message, /AllowHttpOutbound .*the NSG of azurerm_network_security_rule\.http is not known/);
});
