import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { bicepSource, bicepToTopology } from '../../../../src/templates/bicep';
import { lintDocuments } from '../../../../src/templates/lint';
import { fixture, lineOf } from './fixtureText';

interface Expected {
  rule: string;
  severity: string;
  flow?: string;
  resource: string;
  /** Text on the line the finding must start at (the first line containing it). */
  at: string;
  above?: string;
}

function summary(f: Finding) {
  const origin = f.resource.origin;
  return { rule: f.rule, severity: f.severity, flow: f.flow, resource: f.resource.name, line: origin?.kind === 'file' ? origin.range.start.line : -1 };
}

const cases: { name: string; files: string[]; expected: Expected[] }[] = [
  { name: 'a compliant Bastion with the eight NSG rules', files: ['compliant/main.bicep'], expected: [] },
  {
    name: 'missing rules: load balancer and HTTP outbound allowed only by default rules',
    files: ['missing-rules/main.bicep'],
    expected: [
      { rule: 'bastion-nsg-missing-rule', severity: 'warning', flow: 'in-azureloadbalancer-443', resource: 'nsg-hub-bastion', at: 'resource bastionNsg' },
      { rule: 'bastion-nsg-missing-rule', severity: 'warning', flow: 'out-internet-80', resource: 'nsg-hub-bastion', at: 'resource bastionNsg' },
    ],
  },
  {
    name: 'a deny on Internet shadows the Internet and GatewayManager allows',
    files: ['deny-shadowing/main.bicep'],
    expected: [
      { rule: 'bastion-nsg-rule-shadowed', severity: 'error', flow: 'in-internet-443', resource: 'AllowHttpsInbound', at: '{', above: "name: 'AllowHttpsInbound'" },
      { rule: 'bastion-nsg-rule-shadowed', severity: 'error', flow: 'in-gatewaymanager-443', resource: 'AllowGatewayManagerInbound', at: '{', above: "name: 'AllowGatewayManagerInbound'" },
    ],
  },
  {
    name: 'a route table with 0.0.0.0/0 to an appliance on AzureBastionSubnet points at the association',
    files: ['route-table/main.bicep'],
    expected: [{ rule: 'bastion-subnet-route-table', severity: 'error', resource: 'AzureBastionSubnet', at: 'routeTable: {' }],
  },
  {
    name: 'a /27 AzureBastionSubnet',
    files: ['small-subnet/main.bicep'],
    expected: [{ rule: 'bastion-subnet-too-small', severity: 'error', resource: 'AzureBastionSubnet', at: '{', above: "name: 'AzureBastionSubnet'" }],
  },
  {
    name: 'property names with other capitals (IpConfigurations, AddressPrefix, publicIpAllocationMethod) are read as ARM reads them',
    files: ['property-casing/main.bicep'],
    expected: [
      { rule: 'bastion-public-ip', severity: 'error', resource: 'pip-bastion', at: 'resource pip ' },
      { rule: 'bastion-subnet-too-small', severity: 'error', resource: 'AzureBastionSubnet', at: '{', above: "name: 'AzureBastionSubnet'" },
      { rule: 'bastion-diagnostics-disabled', severity: 'info', resource: 'bas-hub', at: 'resource bastion ' },
    ],
  },
  { name: 'traps: an NSG named bastion elsewhere, a workload route table, outbound-only deny, SKU ternaries, rules from a loop', files: ['traps/main.bicep'], expected: [] },
  {
    name: 'a suppression comment silences the finding on the next line only',
    files: ['suppressed/main.bicep'],
    expected: [{ rule: 'bastion-nsg-rule-shadowed', severity: 'error', flow: 'in-gatewaymanager-443', resource: 'AllowGatewayManagerInbound', at: '{', above: "name: 'AllowGatewayManagerInbound'" }],
  },
  {
    name: 'a .bicepparam switching the SKU to Basic makes tunneling a mismatch',
    files: ['bicepparam/main.bicep', 'bicepparam/main.bicepparam'],
    expected: [{ rule: 'bastion-sku-feature-mismatch', severity: 'error', resource: 'bas-hub', at: 'resource bastion ' }],
  },
  { name: 'the same template without the .bicepparam uses the Standard default', files: ['bicepparam/main.bicep'], expected: [] },
  {
    name: 'a SKU param without a default: check-incomplete saying what decides it, no guessed SKU findings',
    files: ['no-default/main.bicep'],
    // The unresolved sku.name, and the SKU feature check saying it decided nothing.
    expected: [1, 2].map(() => ({ rule: 'check-incomplete', severity: 'info', resource: 'bas-hub', at: 'resource bastion ' })),
  },
  {
    name: 'a syntax error mid-file: one diagnostic at its line, the rest still checked',
    files: ['broken/main.bicep'],
    expected: [{ rule: 'check-incomplete', severity: 'info', resource: 'main.bicep', at: 'var brokenLine' }],
  },
];

describe('Bicep fixtures through the lint engine (diagnose with source: template)', () => {
  for (const { name, files, expected } of cases) {
    it(name, () => {
      const docs = files.map(fixture);
      const { report, files: linted } = lintDocuments(docs, { now: () => new Date('2026-01-01T00:00:00Z') });
      assert.equal(linted[0].source, 'bicep');
      const text = docs[0].text;
      const want = expected.map((e) => ({ rule: e.rule, severity: e.severity, flow: e.flow, resource: e.resource, line: lineOf(text, e.at, e.above) }));
      const sort = (a: { rule: string; resource: string; line: number }, b: typeof a) => `${a.rule}${a.resource}${a.line}`.localeCompare(`${b.rule}${b.resource}${b.line}`);
      assert.deepEqual(report.findings.map(summary).sort(sort), want.sort(sort));
    });
  }

  it('the broken file still yields its NSG and VNet', () => {
    const { topology } = bicepToTopology(fixture('broken/main.bicep'));
    assert.equal(topology.networkSecurityGroups[0]?.securityRules.length, 8);
    assert.equal(topology.virtualNetworks[0]?.subnets[0]?.networkSecurityGroupId, topology.networkSecurityGroups[0].id);
  });

  it('a local NSG module with params: the rule the call leaves out is missing', () => {
    const main = fixture('module/main.bicep');
    const module = fixture('module/modules/nsg.bicep');
    const read = bicepToTopology(main, { readFile: (path) => (path.replace(/\\/g, '/').endsWith('modules/nsg.bicep') ? module.text : undefined) });
    const nsg = read.topology.networkSecurityGroups[0];
    assert.equal(nsg.name, 'nsg-hub-bastion');
    assert.equal(nsg.origin.kind === 'file' && nsg.origin.file.replace(/\\/g, '/'), 'test/fixtures/templates/bicep/module/modules/nsg.bicep');
    assert.deepEqual(nsg.securityRules.map((r) => r.name).sort(), ['AllowAzureCloudOutbound', 'AllowAzureLoadBalancerInbound', 'AllowBastionCommunication', 'AllowBastionHostCommunication', 'AllowGatewayManagerInbound', 'AllowHttpsInbound', 'AllowSshRdpOutbound']);
    assert.equal(read.topology.virtualNetworks[0].subnets[0].networkSecurityGroupId, nsg.id);
    assert.equal(read.parseDiagnostics.length, 1);
    assert.match(read.parseDiagnostics[0].message, /br\/public:avm/);
  });

  it('bicepSource matches .bicep, treats .bicepparam as a companion', () => {
    assert.equal(bicepSource.matches('a/main.bicep', ''), true);
    assert.equal(bicepSource.matches('a/main.json', ''), false);
    assert.equal(bicepSource.isCompanion?.('a/main.bicepparam', ''), true);
  });
});
