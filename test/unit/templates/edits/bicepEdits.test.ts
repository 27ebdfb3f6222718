// Bicep fix edits: written in the file's own form (inline array, child resources, loop var,
// local module), they remove their finding and add none; where the value is not the file's to
// change safely, there is no edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { parseBicep } from '../../../../src/templates/bicep';
import { applyFileEdits, editableFixes } from '../../../../src/templates/edits';
import { bicepString } from '../../../../src/templates/bicep/edits/bicepFiles';
import type { TemplateDocument } from '../../../../src/templates/source';
import { findingKey, fixtureDocuments, lint } from './fixtureLint';

type Rule = [name: string, priority: number, direction: 'Inbound' | 'Outbound', protocol: string, source: string, destination: string, ports: string[]];

const BASTION_RULES: Rule[] = [
  ['AllowHttpsInbound', 120, 'Inbound', 'Tcp', 'Internet', '*', ['443']],
  ['AllowGatewayManagerInbound', 130, 'Inbound', 'Tcp', 'GatewayManager', '*', ['443']],
  ['AllowAzureLoadBalancerInbound', 140, 'Inbound', 'Tcp', 'AzureLoadBalancer', '*', ['443']],
  ['AllowBastionHostCommunication', 150, 'Inbound', '*', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701']],
  ['AllowSshRdpOutbound', 100, 'Outbound', '*', '*', 'VirtualNetwork', ['22', '3389']],
  ['AllowAzureCloudOutbound', 110, 'Outbound', 'Tcp', '*', 'AzureCloud', ['443']],
  ['AllowBastionCommunication', 120, 'Outbound', '*', 'VirtualNetwork', 'VirtualNetwork', ['8080', '5701']],
  ['AllowHttpOutbound', 130, 'Outbound', '*', '*', 'Internet', ['80']],
];
const WITHOUT_HTTP_OUTBOUND = BASTION_RULES.filter(([name]) => name !== 'AllowHttpOutbound');

function ruleProperties([, priority, direction, protocol, source, destination, ports]: Rule, indent: string): string {
  return [
    `${indent}properties: {`,
    `${indent}  priority: ${priority}`,
    `${indent}  direction: '${direction}'`,
    `${indent}  access: 'Allow'`,
    `${indent}  protocol: '${protocol}'`,
    `${indent}  sourceAddressPrefix: '${source}'`,
    `${indent}  sourcePortRange: '*'`,
    `${indent}  destinationAddressPrefix: '${destination}'`,
    `${indent}  destinationPortRanges: [${ports.map((p) => `'${p}'`).join(', ')}]`,
    `${indent}}`,
  ].join('\n');
}

function inlineRules(rules: Rule[]): string {
  return rules.map((rule) => `      {\n        name: '${rule[0]}'\n${ruleProperties(rule, '        ')}\n      }`).join('\n');
}

function nsg(rulesProperty: string, extra = ''): string {
  return `resource bastionNsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-hub-bastion'
  location: 'westeurope'
  properties: {
${rulesProperty}
  }
${extra}}
`;
}

function vnet(subnetProperties: string, prefixExpression = "'10.10.1.0/26'"): string {
  return `resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-hub'
  location: 'westeurope'
  properties: {
    addressSpace: {
      addressPrefixes: ['10.10.0.0/16']
    }
    subnets: [
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: ${prefixExpression}
${subnetProperties}
        }
      }
    ]
  }
}
`;
}

const NSG_ASSOCIATION = `          networkSecurityGroup: {
            id: bastionNsg.id
          }`;

function bastion(sku: string, properties: string): string {
  return `resource publicIp 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'pip-hub-bastion'
  location: 'westeurope'
  sku: { name: 'Standard' }
  properties: { publicIPAllocationMethod: 'Static' }
}

resource bastion 'Microsoft.Network/bastionHosts@2023-09-01' = {
  name: 'bas-hub'
  location: 'westeurope'
  sku: {
    name: ${sku}
  }
  properties: {
${properties}
    ipConfigurations: [
      {
        name: 'IpConf'
        properties: {
          subnet: { id: vnet.properties.subnets[0].id }
          publicIPAddress: { id: publicIp.id }
        }
      }
    ]
  }
}

resource bastionLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'bastion-audit'
  scope: bastion
  properties: {
    workspaceId: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/template-rg/providers/Microsoft.OperationalInsights/workspaces/law-hub'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}
`;
}

const doc = (path: string, text: string): TemplateDocument => ({ path, text });

function findingOf(documents: TemplateDocument[], rule: string, flow?: string): Finding {
  const finding = lint(documents).find((f) => f.rule === rule && (flow === undefined || f.flow === flow));
  assert.ok(finding, `${rule} ${flow ?? ''} is reported`);
  return finding;
}

/** Applies the preferred edit and checks the finding is gone and nothing new is reported. */
function applyPreferred(documents: TemplateDocument[], finding: Finding): TemplateDocument[] {
  const [preferred] = editableFixes(finding, documents, 'bicep');
  assert.ok(preferred, `${finding.rule} has an edit`);
  const fixed = applyFileEdits(documents, preferred.edits);
  const before = new Set(lint(documents).map(findingKey));
  const after = lint(fixed).map(findingKey);
  assert.ok(!after.includes(findingKey(finding)), `${finding.message} is still reported`);
  assert.deepEqual(after.filter((key) => !before.has(key)), []);
  return fixed;
}

describe('Bicep fix edits', () => {
  it('appends a missing rule to securityRules as a Bicep object at the array indentation', () => {
    const documents = fixtureDocuments('bicep', 'missing-rules');
    const finding = findingOf(documents, 'bastion-nsg-missing-rule', 'in-azureloadbalancer-443');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.deepEqual(edits[0].range, { start: { line: 94, character: 7 }, end: { line: 94, character: 7 } });
    assert.equal(edits[0].newText, [
      '',
      '      {',
      "        name: 'AllowAzureLoadBalancerInbound'",
      '        properties: {',
      "          description: 'Azure Bastion: Azure Load Balancer health probes'",
      "          protocol: 'Tcp'",
      "          sourcePortRange: '*'",
      "          sourceAddressPrefix: 'AzureLoadBalancer'",
      "          destinationAddressPrefix: '*'",
      "          destinationPortRange: '443'",
      "          access: 'Allow'",
      '          priority: 200',
      "          direction: 'Inbound'",
      '        }',
      '      }',
    ].join('\n'));
    applyPreferred(documents, finding);
  });

  it('adds a child securityRules resource after the last one, with a unique symbolic name', () => {
    const children = WITHOUT_HTTP_OUTBOUND.map((rule, i) =>
      `resource rule${i} 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {\n  parent: bastionNsg\n  name: '${rule[0]}'\n${ruleProperties(rule, '  ')}\n}\n`).join('\n');
    const text = [nsg("    securityRules: []").replace('    securityRules: []\n', ''), children, vnet(NSG_ASSOCIATION), 'var allowHttpOutbound = 1\n'].join('\n');
    const documents = [doc('/ws/children/main.bicep', text)];
    const finding = findingOf(documents, 'bastion-nsg-missing-rule', 'out-internet-80');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.equal(edits[0].newText, [
      '',
      '',
      "resource allowHttpOutbound2 'Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01' = {",
      '  parent: bastionNsg',
      "  name: 'AllowHttpOutbound'",
      '  properties: {',
      "    description: 'Azure Bastion: session validation, shareable links and certificate validation'",
      "    protocol: '*'",
      "    sourcePortRange: '*'",
      "    sourceAddressPrefix: '*'",
      "    destinationAddressPrefix: 'Internet'",
      "    destinationPortRange: '80'",
      "    access: 'Allow'",
      '    priority: 200',
      "    direction: 'Outbound'",
      '  }',
      '}',
    ].join('\n'));
    applyPreferred(documents, finding);
  });

  it('adds a nested child resource inside the NSG body at its indentation', () => {
    const nested = WITHOUT_HTTP_OUTBOUND.map((rule, i) => `  resource rule${i} 'securityRules' = {\n    name: '${rule[0]}'\n${ruleProperties(rule, '    ')}\n  }\n`).join('');
    const text = `${nsg("    securityRules: []").replace("    securityRules: []\n  }\n", "  }\n" + nested)}\n${vnet(NSG_ASSOCIATION)}`;
    const documents = [doc('/ws/nested/main.bicep', text)];
    const finding = findingOf(documents, 'bastion-nsg-missing-rule', 'out-internet-80');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.match(edits[0].newText, /^\n\n {2}resource allowHttpOutbound 'securityRules' = \{\n {4}name: 'AllowHttpOutbound'\n/);
    applyPreferred(documents, finding);
  });

  it('appends an item of the same shape to the var array a for loop builds the rules from', () => {
    const items = WITHOUT_HTTP_OUTBOUND.map(([name, priority, direction, protocol, source, destination, ports]) =>
      `  { name: '${name}', priority: ${priority}, direction: '${direction}', protocol: '${protocol}', source: '${source}', destination: '${destination}', ports: [${ports.map((p) => `'${p}'`).join(', ')}] }`);
    const loop = `    securityRules: [for rule in rules: {
      name: rule.name
      properties: {
        priority: rule.priority
        direction: rule.direction
        access: 'Allow'
        protocol: rule.protocol
        sourceAddressPrefix: rule.source
        sourcePortRange: '*'
        destinationAddressPrefix: rule.destination
        destinationPortRanges: rule.ports
      }
    }]`;
    const documents = [doc('/ws/loop/main.bicep', `var rules = [\n${items.join('\n')}\n]\n\n${nsg(loop)}\n${vnet(NSG_ASSOCIATION)}`)];
    const finding = findingOf(documents, 'bastion-nsg-missing-rule', 'out-internet-80');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.equal(edits[0].newText, "\n  { name: 'AllowHttpOutbound', priority: 200, direction: 'Outbound', protocol: '*', source: '*', destination: 'Internet', ports: ['80'] }");
    applyPreferred(documents, finding);
  });

  it('edits the local module file that declares the NSG', () => {
    const main = `module bastionNsg './modules/nsg.bicep' = {\n  name: 'bastion-nsg'\n  params: {\n    nsgName: 'nsg-hub-bastion'\n  }\n}\n\n${vnet(NSG_ASSOCIATION.replace('bastionNsg.id', 'bastionNsg.outputs.nsgId'))}`;
    const module = `param nsgName string\n\n${nsg(`    securityRules: [\n${inlineRules(WITHOUT_HTTP_OUTBOUND)}\n    ]`).replace("'nsg-hub-bastion'", 'nsgName')}\noutput nsgId string = bastionNsg.id\n`;
    const documents = [doc('/ws/mod/main.bicep', main), doc('/ws/mod/modules/nsg.bicep', module)];
    const finding = findingOf(documents, 'bastion-nsg-missing-rule', 'out-internet-80');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.deepEqual(edits.map((e) => e.file), ['/ws/mod/modules/nsg.bicep']);
    applyPreferred(documents, finding);

    const twice = `${main}\nmodule otherNsg './modules/nsg.bicep' = {\n  name: 'other-nsg'\n  params: {\n    nsgName: 'nsg-other'\n  }\n}\n`;
    const shared = [doc('/ws/mod/main.bicep', twice), documents[1]];
    assert.deepEqual(editableFixes(findingOf(shared, 'bastion-nsg-missing-rule', 'out-internet-80'), shared, 'bicep'), [], 'a module deployed twice is not edited for one of them');
  });

  it('offers no rule edit when the rule name already appears in a branch this deployment leaves out', () => {
    const documents = fixtureDocuments('bicep', 'module');
    assert.deepEqual(editableFixes(findingOf(documents, 'bastion-nsg-missing-rule'), documents, 'bicep'), []);
  });

  it('moves a deny priority held by a var used once, and leaves a var shared by two rules alone', () => {
    const documents = fixtureDocuments('bicep', 'deny-shadowing');
    const viaVar = documents.map((d) => ({ ...d, text: `var denyPriority = 100\n${d.text.replace('priority: 100\n          direction: \'Inbound\'', "priority: denyPriority\n          direction: 'Inbound'")}` }));
    const finding = findingOf(viaVar, 'bastion-nsg-rule-shadowed');
    const [{ edits }] = editableFixes(finding, viaVar, 'bicep');
    assert.deepEqual(edits[0].range, { start: { line: 0, character: 19 }, end: { line: 0, character: 22 } });
    applyPreferred(viaVar, finding);

    const shared = viaVar.map((d) => ({ ...d, text: d.text.replace('priority: 110', 'priority: denyPriority + 10') }));
    assert.deepEqual(editableFixes(findingOf(shared, 'bastion-nsg-rule-shadowed'), shared, 'bicep'), []);
  });

  it('removes the routeTable property with its lines', () => {
    const documents = fixtureDocuments('bicep', 'route-table');
    const fixed = applyPreferred(documents, findingOf(documents, 'bastion-subnet-route-table'));
    assert.match(fixed[0].text, /networkSecurityGroup: \{\n {12}id: bastionNsg\.id\n {10}\}\n {8}\}\n/);
    assert.doesNotMatch(fixed[0].text, /routeTable: \{/);
  });

  it('widens the subnet through the param default it comes from, unless a parameters file sets it', () => {
    const text = `param bastionPrefix string = '10.10.1.0/27'\n\n${vnet('', 'bastionPrefix')}\n${bastion("'Standard'", '    enableTunneling: true')}`;
    const documents = [doc('/ws/subnet/main.bicep', text)];
    const finding = findingOf(documents, 'bastion-subnet-too-small');
    const fixed = applyPreferred(documents, finding);
    assert.match(fixed[0].text, /^param bastionPrefix string = '10\.10\.1\.0\/26'\n/);

    const withParams = [...documents, doc('/ws/subnet/main.bicepparam', "using './main.bicep'\n\nparam bastionPrefix = '10.10.1.0/27'\n")];
    assert.deepEqual(editableFixes(findingOf(withParams, 'bastion-subnet-too-small'), withParams, 'bicep'), []);
  });

  it('inserts an absent Bastion property after the last one, and skips one set by an expression', () => {
    const text = `${vnet('')}\n${bastion("'Standard'", '    scaleUnits: 2')}`;
    const documents = [doc('/ws/host/main.bicep', text)];
    const finding = findingOf(documents, 'bastion-native-client-disabled');
    const [{ edits }] = editableFixes(finding, documents, 'bicep');
    assert.equal(edits[0].newText, '\n    enableTunneling: true');
    applyPreferred(documents, finding);

    const computed = [doc('/ws/host/main.bicep', text.replace('    scaleUnits: 2', '    enableTunneling: length(\'x\') > 5'))];
    assert.deepEqual(editableFixes(findingOf(computed, 'bastion-native-client-disabled'), computed, 'bicep'), []);
  });

  it('upgrades a literal SKU, and not a param whose @allowed list leaves the SKU out', () => {
    const text = `${vnet('')}\n${bastion("'Basic'", '    enableTunneling: true')}`;
    const documents = [doc('/ws/sku/main.bicep', text)];
    const finding = findingOf(documents, 'bastion-sku-feature-mismatch');
    const [preferred] = editableFixes(finding, documents, 'bicep');
    assert.equal(preferred.fix.remedy.kind, 'upgrade-bastion-sku');
    assert.equal(preferred.edits[0].newText, "'Standard'");
    applyPreferred(documents, finding);

    const restricted = [doc('/ws/sku/main.bicep', `@allowed(['Basic'])\nparam sku string = 'Basic'\n${text.replace("name: 'Basic'", 'name: sku')}`)];
    const kinds = editableFixes(findingOf(restricted, 'bastion-sku-feature-mismatch'), restricted, 'bicep').map((f) => f.fix.remedy.kind);
    assert.deepEqual(kinds, ['set-bastion-property']);
  });

  it('writes strings as Bicep literals: quote, backslash and interpolation escaped', () => {
    const cases: [string, string][] = [
      ["it's", "'it\\'s'"],
      ['${x}', "'\\${x}'"],
      ['a\\b', "'a\\\\b'"],
      ['10.0.0.0/26', "'10.0.0.0/26'"],
    ];
    for (const [value, written] of cases) {
      assert.equal(bicepString(value), written, value);
      const [declaration] = parseBicep(`var x = ${written}`).declarations;
      assert.ok(declaration.kind === 'var' && declaration.value.kind === 'string');
      assert.deepEqual([declaration.value.segments, declaration.value.holes.length], [[value], 0], 'the parser reads back the same text');
    }
  });
});
