import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredFlows } from '../../../../src/core/checks/requiredFlows';
import type { Finding } from '../../../../src/core/findings';
import { lintDocuments } from '../../../../src/templates/lint';
import { fixture, objectStartLine } from './fixtureText';

interface Expected {
  rule: string;
  severity: string;
  flow?: string;
  resource: string;
  /** Marker inside the object the finding must point at (its `{` line). */
  at: string;
}

function summary(f: Finding) {
  const origin = f.resource.origin;
  return { rule: f.rule, severity: f.severity, flow: f.flow, resource: f.resource.name, line: origin?.kind === 'file' ? origin.range.start.line : -1 };
}

function lint(...paths: string[]) {
  const docs = paths.map(fixture);
  return { docs, result: lintDocuments(docs, { now: () => new Date('2026-01-01T00:00:00Z') }) };
}

const REQUIRED_FLOW_IDS = requiredFlows().map((flow) => flow.id);

const cases: { name: string; files: string[]; expected: Expected[] }[] = [
  { name: 'a compliant Bastion NSG template', files: ['compliant/azuredeploy.json'], expected: [] },
  {
    name: 'missing rules: one denied by a custom deny, one allowed only by a default rule',
    files: ['missing-rules/azuredeploy.json'],
    expected: [
      { rule: 'bastion-nsg-missing-rule', severity: 'error', flow: 'in-azureloadbalancer-443', resource: 'nsg-bastion-subnet', at: `"name": "[variables('nsgName')]"` },
      { rule: 'bastion-nsg-missing-rule', severity: 'warning', flow: 'out-azurecloud-443', resource: 'nsg-bastion-subnet', at: `"name": "[variables('nsgName')]"` },
    ],
  },
  {
    name: 'a deny on Internet shadows the Internet and GatewayManager allows',
    files: ['deny-shadowing/azuredeploy.json'],
    expected: [
      { rule: 'bastion-nsg-rule-shadowed', severity: 'error', flow: 'in-internet-443', resource: 'AllowHttpsInbound', at: '"name": "AllowHttpsInbound"' },
      { rule: 'bastion-nsg-rule-shadowed', severity: 'error', flow: 'in-gatewaymanager-443', resource: 'AllowGatewayManagerInbound', at: '"name": "AllowGatewayManagerInbound"' },
    ],
  },
  {
    name: 'a route table with 0.0.0.0/0 to an appliance on AzureBastionSubnet',
    files: ['route-table/azuredeploy.json'],
    expected: [{ rule: 'bastion-subnet-route-table', severity: 'error', resource: 'AzureBastionSubnet', at: '"name": "AzureBastionSubnet"' }],
  },
  {
    name: 'a /27 AzureBastionSubnet',
    files: ['small-subnet/azuredeploy.json'],
    expected: [{ rule: 'bastion-subnet-too-small', severity: 'error', resource: 'AzureBastionSubnet', at: '"name": "AzureBastionSubnet"' }],
  },
  { name: 'traps: nsg-bastion and a route table on a workload subnet, outbound-only denies', files: ['traps/azuredeploy.json'], expected: [] },
  { name: 'SKU-conditioned features with the default Basic SKU', files: ['sku-conditioned/azuredeploy.json'], expected: [] },
  {
    name: 'a parameters file switching the SKU to Premium turns the condition false',
    files: ['sku-conditioned/azuredeploy.json', 'sku-conditioned/azuredeploy.parameters.json'],
    expected: [{ rule: 'bastion-native-client-disabled', severity: 'info', resource: 'bas-hub', at: `"name": "[parameters('bastionHostName')]"` }],
  },
  {
    name: 'tunneling enabled on a Basic host',
    files: ['sku-mismatch/azuredeploy.json'],
    expected: [{ rule: 'bastion-sku-feature-mismatch', severity: 'error', resource: 'bas-hub', at: `"name": "[parameters('bastionHostName')]"` }],
  },
  { name: 'rules built from variables with a property copy loop and a resource copy loop', files: ['copy-loops/azuredeploy.json'], expected: [] },
  {
    name: 'languageVersion 2.0 symbolic resources',
    files: ['language-version-2/azuredeploy.json'],
    expected: [{ rule: 'bastion-nsg-missing-rule', severity: 'error', flow: 'out-internet-80', resource: 'nsg-bastion-subnet', at: `"name": "[variables('nsgName')]"` }],
  },
  {
    name: 'a /27 subnet inside an inner-scoped nested deployment',
    files: ['nested-deployment/azuredeploy.json'],
    expected: [{ rule: 'bastion-subnet-too-small', severity: 'error', resource: 'AzureBastionSubnet', at: '"name": "AzureBastionSubnet"' }],
  },
  {
    name: 'NSG rules from a parameter without a default: check-incomplete (the NSG, and each required flow), no guessed findings',
    files: ['parameter-without-default/azuredeploy.json'],
    expected: [undefined, ...REQUIRED_FLOW_IDS].map((flow) => ({ rule: 'check-incomplete', severity: 'info', flow, resource: 'nsg-bastion-subnet', at: `"name": "[variables('nsgName')]"` })),
  },
  { name: 'missing rules silenced through resource metadata', files: ['suppressed/azuredeploy.json'], expected: [] },
  {
    name: 'property names with other capitals (IpConfigurations, AddressPrefix, publicIpAllocationMethod) are read as ARM reads them',
    files: ['property-casing/azuredeploy.json'],
    expected: [
      { rule: 'bastion-public-ip', severity: 'error', resource: 'pip-bastion', at: '"name": "pip-bastion"' },
      { rule: 'bastion-subnet-too-small', severity: 'error', resource: 'AzureBastionSubnet', at: '"name": "AzureBastionSubnet"' },
      { rule: 'bastion-diagnostics-disabled', severity: 'info', resource: 'bas-hub', at: '"name": "bas-hub"' },
    ],
  },
];

describe('lintDocuments on ARM templates', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { docs, result } = lint(...testCase.files);
      const text = docs[0].text;
      const expected = testCase.expected.map((e) => ({ rule: e.rule, severity: e.severity, flow: e.flow, resource: e.resource, line: objectStartLine(text, e.at) }));
      assert.deepEqual(result.report.findings.map(summary), expected);
      for (const finding of result.report.findings) {
        assert.equal(finding.resource.origin?.kind === 'file' && finding.resource.origin.file, docs[0].path);
      }
    });
  }

  it('names the parameter a parameters file would decide', () => {
    const { result } = lint('parameter-without-default/azuredeploy.json');
    assert.match(result.report.findings[0].message, /securityRules .*parameter 'nsgRules' has no default value; a parameters file would decide it/);
  });

  it('reports a malformed file once, at the error position, and still lints the other files', () => {
    const { result } = lint('malformed/azuredeploy.json', 'small-subnet/azuredeploy.json');
    const [parse, ...rest] = result.report.findings;
    assert.equal(parse.rule, 'check-incomplete');
    assert.equal(parse.resource.origin?.kind === 'file' && parse.resource.origin.range.start.line, 9);
    assert.match(parse.message, /not valid JSON \(',' expected at line 10, column 7\)/);
    assert.deepEqual(rest.map((f) => f.rule), ['bastion-subnet-too-small']);
  });

  it('treats the parameters file as a companion, not a template', () => {
    const { result } = lint('sku-conditioned/azuredeploy.json', 'sku-conditioned/azuredeploy.parameters.json');
    assert.deepEqual(result.files.map((f) => f.kind), ['linted', 'companion']);
  });

  it('applies severity overrides, including off', () => {
    const docs = [fixture('missing-rules/azuredeploy.json')];
    const off = lintDocuments(docs, { severityOverrides: { 'bastion-nsg-missing-rule': 'off' } });
    assert.deepEqual(off.report.findings, []);
    const info = lintDocuments(docs, { severityOverrides: { 'bastion-nsg-missing-rule': 'info' } });
    assert.deepEqual(info.report.findings.map((f) => f.severity), ['info', 'info']);
  });

  it('skips files that are not templates', () => {
    const result = lintDocuments([{ path: 'package.json', text: '{"name":"x"}' }]);
    assert.deepEqual(result.files, [{ path: 'package.json', kind: 'not-a-template' }]);
    assert.deepEqual(result.report.findings, []);
  });
});
