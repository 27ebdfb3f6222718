import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armTemplateSource, armTemplateToTopology } from '../../../../src/templates/arm';
import { fixture, objectStartLine } from './fixtureText';

const RG = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/template-rg/providers';
const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

function read(relativePath: string) {
  const doc = fixture(relativePath);
  return { doc, ...armTemplateToTopology(doc, []) };
}

function inline(template: object) {
  const doc = { path: 'inline/main.json', text: JSON.stringify({ $schema: SCHEMA, contentVersion: '1.0.0.0', ...template }, null, 2) };
  return armTemplateToTopology(doc, []);
}

describe('ARM template source', () => {
  it('recognises templates by $schema and parameters files as companions', () => {
    const cases: [string, string, boolean, boolean][] = [
      ['a/azuredeploy.json', `{"$schema": "${SCHEMA}"}`, true, false],
      ['a/main.json', '{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"}', true, false],
      ['a/azuredeploy.parameters.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#"}', false, true],
      ['a/package.json', '{"name": "x"}', false, false],
      ['a/main.bicep', `// "$schema": "${SCHEMA}"`, false, false],
    ];
    for (const [path, text, template, companion] of cases) {
      assert.equal(armTemplateSource.matches(path, text), template, path);
      assert.equal(armTemplateSource.isCompanion?.(path, text) ?? false, companion, path);
    }
  });

  it('builds real ARM ids in the placeholder scope so references match', () => {
    const { topology } = read('compliant/azuredeploy.json');
    const [host] = topology.bastionHosts;
    assert.equal(host.id, `${RG}/Microsoft.Network/bastionHosts/bas-hub`);
    assert.equal(host.ipConfigurations[0].subnetId, `${RG}/Microsoft.Network/virtualNetworks/vnet-hub/subnets/AzureBastionSubnet`);
    assert.equal(host.ipConfigurations[0].publicIpId, `${RG}/Microsoft.Network/publicIPAddresses/bas-hub-pip`);
    assert.equal(topology.virtualNetworks[0].subnets[0].networkSecurityGroupId, `${RG}/Microsoft.Network/networkSecurityGroups/nsg-bastion-subnet`);
    assert.equal(topology.diagnosticSettings[0].targetResourceId.toLowerCase(), host.id.toLowerCase());
    assert.equal(host.apiVersion, '2023-09-01');
    assert.deepEqual(host.declaredProperties, ['ipConfigurations', 'enableTunneling']);
  });

  it('gives every inline rule and subnet its own range', () => {
    const { doc, topology } = read('compliant/azuredeploy.json');
    const rule = topology.networkSecurityGroups[0].securityRules.find((r) => r.name === 'AllowGatewayManagerInbound');
    assert.equal(rule?.origin.kind === 'file' && rule.origin.range.start.line, objectStartLine(doc.text, '"name": "AllowGatewayManagerInbound"'));
    const subnet = topology.virtualNetworks[0].subnets[0];
    assert.equal(subnet.origin.kind === 'file' && subnet.origin.range.start.line, objectStartLine(doc.text, '"name": "AzureBastionSubnet"'));
  });

  it('expands property and resource copy loops over variables, rules pointing at their source', () => {
    const { doc, topology } = read('copy-loops/azuredeploy.json');
    const rules = topology.networkSecurityGroups[0].securityRules;
    assert.deepEqual(rules.map((r) => `${r.name}:${r.priority}:${r.direction}`).sort(), [
      'AllowAzureCloudOutbound:110:Outbound',
      'AllowAzureLoadBalancerInbound:140:Inbound',
      'AllowBastionCommunication:120:Outbound',
      'AllowBastionHostCommunication:150:Inbound',
      'AllowGatewayManagerInbound:130:Inbound',
      'AllowHttpOutbound:130:Outbound',
      'AllowHttpsInbound:120:Inbound',
      'AllowSshRdpOutbound:100:Outbound',
    ]);
    const bastionComm = rules.find((r) => r.name === 'AllowBastionHostCommunication');
    assert.deepEqual(bastionComm?.destinationPortRanges, ['8080', '5701']);
    const outbound = rules.find((r) => r.name === 'AllowSshRdpOutbound');
    assert.equal(outbound?.origin.kind === 'file' && outbound.origin.range.start.line, objectStartLine(doc.text, '"type": "Microsoft.Network/networkSecurityGroups/securityRules"'));
  });

  it('reads languageVersion 2.0 symbolic resources and skips existing ones', () => {
    const { topology } = read('language-version-2/azuredeploy.json');
    assert.equal(topology.bastionHosts.length, 1);
    assert.equal(topology.networkSecurityGroups.length, 1);
    assert.deepEqual(topology.problems, []);
  });

  it('deploys inner-scoped nested templates into their resource group with passed parameters, outer ones with the parent scope', () => {
    const { topology, parseDiagnostics } = read('nested-deployment/azuredeploy.json');
    assert.deepEqual(parseDiagnostics, []);
    assert.equal(topology.virtualNetworks[0].id, '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke');
    assert.deepEqual(topology.virtualNetworks[0].subnets[0].addressPrefixes, ['10.1.1.0/27']);
    assert.equal(topology.routeTables[0].id, `${RG}/Microsoft.Network/routeTables/rt-spoke`);
  });

  it('uses the parameters file beside the template', () => {
    const doc = fixture('sku-conditioned/azuredeploy.json');
    const withoutFile = armTemplateToTopology(doc, []).topology.bastionHosts[0];
    const withFile = armTemplateToTopology(doc, [fixture('sku-conditioned/azuredeploy.parameters.json')]).topology.bastionHosts[0];
    assert.deepEqual([withoutFile.sku, withoutFile.features], ['Basic', { enableTunneling: false, enableFileCopy: false }]);
    assert.deepEqual([withFile.sku, withFile.features], ['Premium', { enableTunneling: false, enableFileCopy: false }]);
  });

  it('marks values a parameter without default decides, keeping the expression text', () => {
    const { topology } = inline({
      parameters: { sku: { type: 'string' }, name: { type: 'string' } },
      resources: [{ type: 'Microsoft.Network/bastionHosts', apiVersion: '2023-09-01', name: "[parameters('name')]", sku: { name: "[parameters('sku')]" }, properties: { enableTunneling: "[equals(parameters('sku'), 'Standard')]" } }],
    });
    const [host] = topology.bastionHosts;
    assert.equal(host.name, "[parameters('name')]");
    assert.equal(host.sku, "[parameters('sku')]");
    assert.deepEqual(host.unresolved?.map((u) => u.field).sort(), ['enableTunneling', 'name', 'sku.name']);
    assert.match(host.unresolved?.find((u) => u.field === 'sku.name')?.reason ?? '', /parameter 'sku' has no default value/);
  });

  it('skips resources whose condition is false and marks those whose condition is unknown', () => {
    const { topology } = inline({
      parameters: { deployNsg: { type: 'bool' } },
      resources: [
        { type: 'Microsoft.Network/routeTables', apiVersion: '2023-09-01', name: 'rt-off', condition: "[equals('a', 'b')]", properties: {} },
        { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: 'nsg-maybe', condition: "[parameters('deployNsg')]", properties: { securityRules: [] } },
      ],
    });
    assert.equal(topology.routeTables.length, 0);
    assert.deepEqual(topology.networkSecurityGroups[0].unresolved?.map((u) => u.field), ['condition']);
  });

  it('joins nested child resources to their parent by ARM rules', () => {
    const { topology } = inline({
      resources: [{
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2023-09-01', name: 'vnet-a',
        properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] } },
        resources: [{ type: 'subnets', apiVersion: '2023-09-01', name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.0.0/26' } }],
      }],
    });
    assert.equal(topology.virtualNetworks[0].subnets[0].id, `${RG}/Microsoft.Network/virtualNetworks/vnet-a/subnets/AzureBastionSubnet`);
  });

  it('reports what it cannot expand instead of guessing', () => {
    const { parseDiagnostics, topology } = inline({
      parameters: { count: { type: 'int' } },
      resources: [
        { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name: "[concat('nsg-', copyIndex())]", copy: { name: 'nsgs', count: "[parameters('count')]" }, properties: {} },
        { type: 'Microsoft.Resources/deployments', apiVersion: '2022-09-01', name: 'linked', properties: { mode: 'Incremental', templateLink: { uri: 'https://example.invalid/t.json' } } },
      ],
    });
    assert.equal(topology.networkSecurityGroups.length, 0);
    assert.deepEqual(parseDiagnostics.map((d) => d.message), [
      "The copy loop of this resource cannot be expanded (parameter 'count' has no default value; a parameters file would decide it); its instances were not checked",
      "Nested deployment 'linked' was not checked: its template is linked, not inline",
    ]);
  });

  it('gives inline children shared through one variable the ids of each resource that declares them', () => {
    const rule = { name: 'AllowHttpsInbound', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: 'Internet', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '443' } };
    const nsg = (name: string) => ({
      type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2023-09-01', name,
      properties: { securityRules: "[variables('rules')]", flowLogs: "[variables('shared')]" },
    });
    const { topology } = inline({
      parameters: { unknown: { type: 'string' } },
      variables: { rules: [rule], shared: { known: 'yes', open: "[parameters('unknown')]" } },
      resources: [nsg('nsg-a'), nsg('nsg-b')],
    });
    const ruleIds = topology.networkSecurityGroups.map((n) => n.securityRules.map((r) => r.id));
    assert.deepEqual(ruleIds, [
      [`${RG}/Microsoft.Network/networkSecurityGroups/nsg-a/securityRules/AllowHttpsInbound`],
      [`${RG}/Microsoft.Network/networkSecurityGroups/nsg-b/securityRules/AllowHttpsInbound`],
    ]);
    assert.deepEqual(topology.networkSecurityGroups.map((n) => n.unresolved?.map((u) => u.field)), [['flowLogs.open'], ['flowLogs.open']]);
  });

  it('accepts comments and trailing commas', () => {
    const text = `{\n  // hub\n  "$schema": "${SCHEMA}",\n  "resources": [\n    /* nsg */ { "type": "Microsoft.Network/networkSecurityGroups", "apiVersion": "2023-09-01", "name": "nsg-a", "properties": { "securityRules": [], }, },\n  ],\n}\n`;
    const { topology, parseDiagnostics } = armTemplateToTopology({ path: 'c/main.json', text }, []);
    assert.deepEqual(parseDiagnostics, []);
    const nsg = topology.networkSecurityGroups[0];
    assert.deepEqual([nsg.name, nsg.origin.kind === 'file' && nsg.origin.range.start], ['nsg-a', { line: 4, character: 14 }]);
  });

  it('collects metadata suppressions with the resource range', () => {
    const { doc, suppressions } = read('suppressed/azuredeploy.json');
    assert.equal(suppressions.length, 1);
    assert.deepEqual(suppressions[0].rules, ['bastion-nsg-missing-rule']);
    assert.equal(suppressions[0].range.start.line, objectStartLine(doc.text, `"name": "[variables('nsgName')]"`));
  });
});
