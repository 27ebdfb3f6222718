import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, SelectionError, type DiagnoseOptions } from '../../../src/core/diagnose';
import type { Finding } from '../../../src/core/findings';
import type { Topology } from '../../../src/core/model';
import { runChecks } from '../../../src/core/checks/run';
import { ALL_CHECKS } from '../../../src/core/checks/registry';
import { bastionHost, healthyTopology, nsg, peering, rule, routeTable, subnet, virtualMachine, vnet } from '../../support/model';

const of = (topology: Topology, ruleId: string, options: DiagnoseOptions = {}): Finding[] =>
  diagnose(topology, options).findings.filter((f) => f.rule === ruleId);

function edit(change: (t: Topology) => void): Topology {
  const topology = healthyTopology();
  change(topology);
  return topology;
}

test('a healthy Standard host with tunnelling on gives no error or warning', () => {
  const topology = edit((t) => { t.bastionHosts[0].features.enableTunneling = true; });
  assert.deepEqual(diagnose(topology).findings.map((f) => f.message), []);
});

test('subnet too small: /27 is an error mentioning 2021-11-02, with a free /26 suggested', () => {
  const topology = edit((t) => { t.virtualNetworks[0].subnets[0].addressPrefixes = ['10.0.1.0/27']; });
  const [finding] = of(topology, 'bastion-subnet-too-small');
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /2021-11-02/);
  const remedy = finding.fixes[0].remedy;
  assert.ok(remedy.kind === 'resize-bastion-subnet' && remedy.suggestedPrefix === '10.0.1.0/26');
  assert.ok(finding.fixes[0].notes?.some((note) => /delete the Bastion host/.test(note)));
});

test('subnet too small: the /26 around the /27 is taken, so another free /26 is suggested', () => {
  const topology = edit((t) => {
    t.virtualNetworks[0].subnets[0].addressPrefixes = ['10.0.1.0/27'];
    t.virtualNetworks[0].subnets.push(subnet('vnet-hub', 'snet-neighbour', ['10.0.1.32/27']));
    t.virtualNetworks[0].addressPrefixes = ['10.0.0.0/22'];
  });
  const remedy = of(topology, 'bastion-subnet-too-small')[0].fixes[0].remedy;
  assert.ok(remedy.kind === 'resize-bastion-subnet' && remedy.suggestedPrefix === '10.0.0.0/26', JSON.stringify(remedy));
});

const routeCases = [
  { routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' }], severity: 'error' },
  { routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: 'None' }], severity: 'error' },
  { routes: [{ name: 'default', prefix: '0.0.0.0/0', nextHop: 'Internet' }], severity: 'warning' },
  { routes: [{ name: 'onprem', prefix: '192.168.0.0/16', nextHop: 'VirtualNetworkGateway' }], severity: 'warning' },
];
for (const c of routeCases) {
  test(`route table with ${c.routes[0].prefix} -> ${c.routes[0].nextHop} is ${c.severity}`, () => {
    const table = routeTable('rt-hub', c.routes);
    const topology = edit((t) => { t.routeTables.push(table); t.virtualNetworks[0].subnets[0].routeTableId = table.id; });
    const [finding] = of(topology, 'bastion-subnet-route-table');
    assert.equal(finding.severity, c.severity);
    assert.equal(finding.fixes[0].remedy.kind, 'dissociate-route-table');
  });
}

test('route table finding points at the association origin when there is one', () => {
  const table = routeTable('rt-hub', []);
  const association = { kind: 'file' as const, file: 'main.tf', range: { start: { line: 40, character: 0 }, end: { line: 44, character: 1 } } };
  const topology = edit((t) => { t.routeTables.push(table); Object.assign(t.virtualNetworks[0].subnets[0], { routeTableId: table.id, routeTableAssociationOrigin: association }); });
  assert.deepEqual(of(topology, 'bastion-subnet-route-table')[0].resource.origin, association);
});

const skuCases: { sku: string; features: Record<string, unknown>; scaleUnits?: number; expect: string[] }[] = [
  { sku: 'Basic', features: { enableTunneling: true }, expect: ['error:enableTunneling'] },
  { sku: 'Basic', features: {}, scaleUnits: 4, expect: ['error:scaleUnits'] },
  { sku: 'Standard', features: { enableSessionRecording: true, enableTunneling: true }, expect: ['error:enableSessionRecording'] },
  { sku: 'Premium', features: { enableSessionRecording: true, enableTunneling: true }, expect: [] },
  { sku: 'Basic', features: { enableKerberos: true }, expect: ['info:enableKerberos'] },
  { sku: 'Standard', features: { enableKerberos: true, enableTunneling: true }, expect: [] },
];
for (const c of skuCases) {
  test(`${c.sku} with ${JSON.stringify(c.features)}${c.scaleUnits ? ` scaleUnits ${c.scaleUnits}` : ''}`, () => {
    const topology = edit((t) => Object.assign(t.bastionHosts[0], { sku: c.sku, features: c.features, scaleUnits: c.scaleUnits }));
    const found = of(topology, 'bastion-sku-feature-mismatch').map((f) => `${f.severity}:${/(enable\w+|scaleUnits)/.exec(f.message)?.[1]}`);
    assert.deepEqual(found, c.expect);
  });
}

test('Kerberos on Developer/Basic is stated as unclear, not asserted', () => {
  const topology = edit((t) => Object.assign(t.bastionHosts[0], { sku: 'Basic', features: { enableKerberos: true } }));
  assert.match(of(topology, 'bastion-sku-feature-mismatch')[0].message, /unclear/);
});

test('native client: info when off, error when requested; Basic asked for it gets a SKU mismatch', () => {
  assert.equal(of(healthyTopology(), 'bastion-native-client-disabled')[0].severity, 'info');
  assert.equal(of(healthyTopology(), 'bastion-native-client-disabled', { nativeClient: true })[0].severity, 'error');
  const basic = edit((t) => { t.bastionHosts[0].sku = 'Basic'; });
  assert.deepEqual(of(basic, 'bastion-native-client-disabled'), []);
  assert.equal(of(basic, 'bastion-sku-feature-mismatch', { nativeClient: true })[0].fixes[0].remedy.kind, 'upgrade-bastion-sku');
});

for (const [state, severity] of [['Failed', 'error'], ['Updating', 'warning'], ['Deleting', 'warning'], ['Succeeded', undefined]] as const) {
  test(`provisioning state ${state}`, () => {
    const findings = of(edit((t) => { t.bastionHosts[0].provisioningState = state; }), 'bastion-provisioning-state');
    assert.equal(findings[0]?.severity, severity);
    if (state === 'Failed') {
      assert.equal(findings[0].fixes[0].remedy.kind, 'reapply-bastion');
      assert.ok(findings[0].fixes[0].notes?.some((n) => /GET/.test(n)));
    }
  });
}

test('public IP: missing, Basic/Dynamic, and private-only Premium exempt', () => {
  assert.equal(of(edit((t) => { t.bastionHosts[0].ipConfigurations[0].publicIpId = undefined; }), 'bastion-public-ip')[0].severity, 'error');
  const basicIp = of(edit((t) => Object.assign(t.publicIpAddresses[0], { skuName: 'Basic', allocationMethod: 'Dynamic' })), 'bastion-public-ip');
  assert.equal(basicIp[0].resource.name, 'pip-bastion');
  const privateOnly = edit((t) => Object.assign(t.bastionHosts[0], { sku: 'Premium', features: { enablePrivateOnlyBastion: true, enableTunneling: true } }));
  privateOnly.bastionHosts[0].ipConfigurations[0].publicIpId = undefined;
  assert.deepEqual(of(privateOnly, 'bastion-public-ip'), []);
});

test('what was not read: live says which read access decides it, a lint says which template would', () => {
  const unread = () => edit((t) => { t.publicIpAddresses = []; t.networkSecurityGroups = []; });
  const messages = (source: 'live' | 'template') => of(unread(), 'check-incomplete', { source }).map((f) => f.message);
  const live = messages('live');
  const template = messages('template');
  assert.ok(live.some((m) => /public IP pip-bastion .* was not read, .*; Reader on it would decide them\.$/.test(m)), live.join('\n'));
  assert.ok(live.some((m) => /NSG .* was not read, .*; Reader on the NSG would decide them\.$/.test(m)), live.join('\n'));
  assert.equal(template.length, live.length);
  for (const message of template) {
    assert.doesNotMatch(message, /Reader/);
    assert.match(message, /\(the files linted do not declare it; linting them together with the template that does would decide (it|them)\)\.$/);
  }
});

test('subnet missing: host on a subnet with another name', () => {
  const topology = edit((t) => { t.bastionHosts[0].ipConfigurations[0].subnetId = t.virtualNetworks[0].subnets[1].id; });
  assert.match(of(topology, 'bastion-subnet-missing')[0].message, /snet-workload/);
});

test('diagnostics: only reported when diagnostic settings were read', () => {
  assert.deepEqual(of(healthyTopology(), 'bastion-diagnostics-disabled'), []);
  const read = edit((t) => { t.coverage.diagnosticSettings = true; });
  assert.equal(of(read, 'bastion-diagnostics-disabled').length, 1);
  const setting = (logs: { category?: string; categoryGroup?: string; enabled: boolean }[]) => edit((t) => {
    t.coverage.diagnosticSettings = true;
    const id = `${t.bastionHosts[0].id}/providers/Microsoft.Insights/diagnosticSettings/to-law`;
    t.diagnosticSettings.push({ id, name: 'to-law', origin: { kind: 'arm', id }, targetResourceId: t.bastionHosts[0].id.toUpperCase(), logs });
  });
  assert.deepEqual(of(setting([{ category: 'BastionAuditLogs', enabled: true }]), 'bastion-diagnostics-disabled'), []);
  assert.deepEqual(of(setting([{ categoryGroup: 'allLogs', enabled: true }]), 'bastion-diagnostics-disabled'), []);
  assert.equal(of(setting([{ category: 'BastionAuditLogs', enabled: false }]), 'bastion-diagnostics-disabled').length, 1);
});

test('private DNS: exact reserved names (any case, trailing dot) conflict; suffixes do not; needs coverage', () => {
  const link = (zoneName: string, covered = true) => edit((t) => {
    t.coverage.privateDnsZoneLinks = covered;
    const id = `${t.virtualNetworks[0].id.replace('/virtualNetworks/vnet-hub', '')}/privateDnsZones/${zoneName}/virtualNetworkLinks/hub`;
    t.privateDnsZoneLinks.push({ id, name: 'hub', origin: { kind: 'arm', id }, zoneName, virtualNetworkId: t.virtualNetworks[0].id });
  });
  assert.equal(of(link('Blob.Core.Windows.Net.'), 'bastion-private-dns-conflict').length, 1);
  assert.equal(of(link('azure.com'), 'bastion-private-dns-conflict').length, 1);
  assert.deepEqual(of(link('privatelink.blob.core.windows.net'), 'bastion-private-dns-conflict'), []);
  assert.deepEqual(of(link('azure.com', false), 'bastion-private-dns-conflict'), []);
});

for (const [powerState, expected] of [['PowerState/deallocated', 'start-vm'], ['stopped', 'start-vm'], ['starting', 'none'], ['running', undefined]] as const) {
  test(`VM power state ${powerState}`, () => {
    const findings = of(edit((t) => { t.virtualMachines[0].powerState = powerState; }), 'vm-not-running');
    assert.equal(findings.length > 0 ? findings[0].fixes[0]?.remedy.kind ?? 'none' : undefined, expected);
  });
}

function spoke(state: string, reverseState: string | undefined, hostSku = 'Standard'): Topology {
  return edit((t) => {
    t.bastionHosts[0].sku = hostSku;
    if (hostSku === 'Developer') Object.assign(t.bastionHosts[0], { ipConfigurations: [], virtualNetworkId: t.virtualNetworks[0].id });
    const spokeSubnet = subnet('vnet-spoke', 'snet-app', ['10.1.0.0/24']);
    const spokeVnet = vnet('vnet-spoke', ['10.1.0.0/16'], [spokeSubnet]);
    t.virtualNetworks[0].peerings.push(peering('vnet-hub', spokeVnet, state));
    if (reverseState) spokeVnet.peerings.push(peering('vnet-spoke', t.virtualNetworks[0], reverseState));
    t.virtualNetworks.push(spokeVnet);
    const { vm, nic } = virtualMachine('vm-app', spokeSubnet, '10.1.0.4');
    t.virtualMachines.push(vm);
    t.networkInterfaces.push(nic);
  });
}

test('peered VM with Connected peering is reachable', () => {
  const report = diagnose(spoke('Connected', 'Connected'), { vm: 'vm-app' });
  assert.deepEqual(report.findings.filter((f) => f.rule.startsWith('vm-')), []);
});

test('peering Initiated gives peering-not-connected only', () => {
  const findings = diagnose(spoke('Initiated', undefined), { vm: 'VM-APP' }).findings;
  assert.deepEqual(findings.filter((f) => f.rule.startsWith('vm-')).map((f) => f.rule), ['vm-peering-not-connected']);
});

test('Developer host with a peered VM: not reachable', () => {
  const findings = of(spoke('Connected', 'Connected', 'Developer'), 'vm-not-reachable', { bastion: 'bas-hub', vm: 'vm-app' });
  assert.match(findings[0].message, /Developer/);
});

test('without --vm a Developer host is diagnosed against its own VNet only', () => {
  const report = diagnose(spoke('Connected', 'Connected', 'Developer'));
  assert.deepEqual(report.targets.map((target) => target.virtualMachineName), ['vm-web']);
});

test('cross-tenant peering: not reachable', () => {
  const topology = spoke('Connected', 'Connected');
  topology.virtualNetworks[0].peerings[0].remoteTenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  assert.match(of(topology, 'vm-not-reachable', { vm: 'vm-app' })[0].message, /tenant/);
});

test('VM NSG: a deny-all at 4096 on the NIC blocks SSH from AzureBastionSubnet', () => {
  const blocking = nsg('nsg-vm', (n) => [rule(n, 'DenyAllInbound', 4096, 'Inbound', 'Deny')]);
  const topology = edit((t) => { t.networkSecurityGroups.push(blocking); t.networkInterfaces[0].networkSecurityGroupId = blocking.id; });
  const [finding] = of(topology, 'vm-nsg-blocks-bastion');
  assert.match(finding.message, /nsg-vm.*DenyAllInbound \(priority 4096/);
  const remedy = finding.fixes[0].remedy;
  assert.ok(remedy.kind === 'add-security-rules');
  if (remedy.kind !== 'add-security-rules') return;
  assert.equal(remedy.rules[0].sourceAddressPrefix, '10.0.1.0/26');
  assert.deepEqual(remedy.rules[0].destinationPortRanges, ['22']);
  assert.ok(remedy.rules[0].priority < 4096);
});

test('VM NSG: a NIC NSG some of whose rules were not read is check-incomplete, not a block', () => {
  const partlyRead = nsg('nsg-vm', (n) => [rule(n, 'DenyAllInbound', 4096, 'Inbound', 'Deny')]);
  partlyRead.unresolved = [{ field: 'securityRules', reason: 'count of azurerm_network_security_rule.vm is not known' }];
  const topology = edit((t) => { t.networkSecurityGroups.push(partlyRead); t.networkInterfaces[0].networkSecurityGroupId = partlyRead.id; });
  assert.deepEqual(of(topology, 'vm-nsg-blocks-bastion'), []);
  const incomplete = of(topology, 'check-incomplete').filter((f) => f.resource.id === partlyRead.id);
  assert.equal(incomplete.length, 1);
  assert.match(incomplete[0].message, /nsg-vm allows Bastion to .*could not be read \(count of azurerm_network_security_rule\.vm is not known\)/);
});

test('VM NSG: Developer source is 168.63.129.16, which the default AzureLoadBalancer rule admits', () => {
  const allowVnetOnly = nsg('nsg-vm', (n) => [rule(n, 'DenyLb', 200, 'Inbound', 'Deny', { source: 'AzureLoadBalancer' })]);
  const topology = edit((t) => {
    Object.assign(t.bastionHosts[0], { sku: 'Developer', ipConfigurations: [], virtualNetworkId: t.virtualNetworks[0].id });
    t.networkSecurityGroups.push(allowVnetOnly);
    t.networkInterfaces[0].networkSecurityGroupId = allowVnetOnly.id;
  });
  const [finding] = of(topology, 'vm-nsg-blocks-bastion');
  assert.match(finding.message, /168\.63\.129\.16/);
});

test('audit logs and IP flow verify (deep)', () => {
  const topology = edit((t) => {
    t.deep = {
      effectiveRouteTables: [{ networkInterfaceId: t.networkInterfaces[0].id, routes: [{ source: 'VirtualNetworkGateway', state: 'Active', addressPrefixes: ['0.0.0.0/0'], nextHopType: 'VirtualNetworkGateway', nextHopIpAddresses: ['10.255.0.4'] }] }],
      ipFlowVerifyResults: [{ virtualMachineId: t.virtualMachines[0].id, direction: 'Inbound', protocol: 'TCP', localIpAddress: '10.0.2.4', localPort: '22', remoteIpAddress: '10.0.1.4', remotePort: '50000', access: 'Deny', ruleName: 'UserRule_DenySsh' }],
      auditLogs: [{ bastionHostId: t.bastionHosts[0].id, query: 'MicrosoftAzureBastionAuditLogs | where Message has "Login Failed"', rows: [
        { timeGenerated: '2026-03-01T10:00:00Z', userName: 'azureuser', targetVmIpAddress: '10.0.2.4', message: 'Login Failed' },
        { timeGenerated: '2026-03-01T11:00:00Z', userName: 'azureuser', targetVmIpAddress: '10.0.2.4', message: 'Successfully Connected.' },
      ] }],
    };
  });
  assert.equal(of(topology, 'bastion-forced-tunnel').length, 1);
  assert.match(of(topology, 'vm-ip-flow-denied')[0].message, /UserRule_DenySsh/);
  assert.match(of(topology, 'bastion-audit-log-failures')[0].message, /^1 failed login/);
});

test('template mode: subnet checks without a host, and no live-only rules', () => {
  const topology = edit((t) => {
    t.bastionHosts = [];
    t.virtualNetworks[0].subnets[0].addressPrefixes = ['10.0.1.0/27'];
    t.virtualMachines[0].powerState = 'deallocated';
  });
  const rules = diagnose(topology, { source: 'template' }).findings.map((f) => f.rule);
  assert.deepEqual(rules, ['bastion-subnet-too-small']);
  assert.deepEqual(diagnose(topology).findings, []);
});

test('template mode: apiVersion older than a property', () => {
  const topology = edit((t) => Object.assign(t.bastionHosts[0], { apiVersion: '2022-01-01', declaredProperties: ['properties.enableTunneling', 'properties.enableKerberos'], features: { enableTunneling: true, enableKerberos: true } }));
  const [finding] = of(topology, 'bastion-property-api-version', { source: 'template' });
  assert.match(finding.message, /enableKerberos \(from 2022-11-01\)/);
  assert.doesNotMatch(finding.message, /enableTunneling/);
  assert.deepEqual(of(topology, 'bastion-property-api-version'), [], 'template-only rule');
});

test('selection: unknown names throw SelectionError listing what exists', () => {
  assert.throws(() => diagnose(healthyTopology(), { bastion: 'nope' }), (error: unknown) => error instanceof SelectionError && /bas-hub/.test(error.message));
  assert.throws(() => diagnose(healthyTopology(), { vm: 'nope' }), (error: unknown) => error instanceof SelectionError && /vm-web/.test(error.message));
});

test('selection: a VM named by id finds the host that reaches it; host findings once per host', () => {
  const topology = edit((t) => t.virtualMachines.push(virtualMachine('vm-two', t.virtualNetworks[0].subnets[1], '10.0.2.5').vm));
  topology.networkInterfaces.push(virtualMachine('vm-two', topology.virtualNetworks[0].subnets[1], '10.0.2.5').nic);
  const report = diagnose(topology, { vm: topology.virtualMachines[0].id.toUpperCase() });
  assert.deepEqual(report.targets.map((target) => [target.bastionHostName, target.virtualMachineName]), [['bas-hub', 'vm-web']]);
  const all = diagnose(topology);
  assert.equal(all.targets.length, 2);
  assert.equal(all.findings.filter((f) => f.rule === 'bastion-native-client-disabled').length, 1);
});

test('source problems become check-incomplete; a VM without its NIC is said, not skipped', () => {
  const topology = edit((t) => {
    t.problems.push({ resource: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-x', message: '403: Microsoft.Network/networkSecurityGroups/read missing' });
    t.networkInterfaces = [];
  });
  const messages = of(topology, 'check-incomplete').map((f) => f.message);
  assert.ok(messages.some((m) => /403/.test(m)));
  assert.ok(messages.some((m) => /vm-web/.test(m)));
});

test('a throwing check becomes check-incomplete naming it, and the others still run', () => {
  const broken = { name: 'Exploding check', level: 'host' as const, rules: ['bastion-public-ip' as const], run: () => { throw new Error('boom'); } };
  const { findings } = runChecks(edit((t) => { t.bastionHosts[0].provisioningState = 'Failed'; }), {}, [broken, ...ALL_CHECKS]);
  assert.ok(findings.some((f) => f.rule === 'check-incomplete' && /Exploding check.*boom/.test(f.message)));
  assert.ok(findings.some((f) => f.rule === 'bastion-provisioning-state'));
});

test('findings are sorted by layer, then severity', () => {
  const topology = edit((t) => {
    t.bastionHosts[0].provisioningState = 'Updating';
    t.virtualMachines[0].powerState = 'deallocated';
    t.virtualNetworks[0].subnets[0].addressPrefixes = ['10.0.1.0/27'];
  });
  const layers = diagnose(topology).findings.map((f) => `${f.layer}:${f.severity}`);
  assert.deepEqual(layers, ['host:warning', 'host:info', 'bastion-subnet:error', 'vm:error']);
});

test('another host in the same VNet is its own target', () => {
  const topology = edit((t) => t.bastionHosts.push(bastionHost('bas-second', { features: { enableTunneling: true } })));
  assert.deepEqual(diagnose(topology).targets.map((target) => target.bastionHostName), ['bas-hub', 'bas-second']);
});
