// Separate azurerm_network_security_rule resources on counted and for_each NSGs: each rule joins
// the NSG instance it names; a rule whose NSG is not known leaves the flows it could decide
// undecided, and no finding assumes it absent.
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { editableFixes } from '../../../../src/templates/edits';
import type { TemplateDocument } from '../../../../src/templates/source';
import type { NetworkSecurityGroup, Topology } from '../../../../src/core/model';
import { fixtureDocuments, lint, loadParsers } from '../edits/fixtureLint';
import { lineOf, loadFixture } from './fixtureModule';

const BASTION_FLOWS = [
  'in-azureloadbalancer-443', 'in-gatewaymanager-443', 'in-internet-443', 'in-vnet-8080-5701',
  'out-azurecloud-443', 'out-internet-80', 'out-vnet-22-3389', 'out-vnet-8080-5701',
];

/** The NSG findings: no fixture here declares a diagnostic setting, which other tests cover. */
function nsgFindings(documents: readonly TemplateDocument[]): Finding[] {
  return lint(documents).filter((f) => f.rule !== 'bastion-diagnostics-disabled');
}

/** `rule:flow@file:line` (zero-based line of the finding's resource), sorted. */
function located(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const origin = f.resource.origin;
    const file = origin?.kind === 'file' ? basename(origin.file) : '?';
    return `${f.rule}${f.flow ? `:${f.flow}` : ''}@${file}:${lineOf(origin)}`;
  }).sort();
}

function nsgAt(topology: Topology, address: string): NetworkSecurityGroup {
  const found = topology.networkSecurityGroups.find((n) => n.name === address);
  assert.ok(found, `NSG ${address} in ${topology.networkSecurityGroups.map((n) => n.name).join(', ')}`);
  return found;
}

/** for-each-map with the rules' map left to the caller: the variable has no default. */
function withoutRulesDefault(): TemplateDocument[] {
  return fixtureDocuments('terraform', 'for-each-map').map((doc) => {
    if (!doc.path.endsWith('variables.tf')) return doc;
    const start = doc.text.indexOf('  default = {', doc.text.indexOf('variable "nsg_rules"'));
    assert.ok(start > 0);
    return { ...doc, text: `${doc.text.slice(0, start)}}\n` };
  });
}

/** What lint reports on each module: every finding, with where it points. */
const LINT_EXPECTED: [string, () => TemplateDocument[], string[]][] = [
  // Counted NSG whose name is a variable without a default, rules for_each over a map default.
  ['for-each-map', () => fixtureDocuments('terraform', 'for-each-map'), ['bastion-diagnostics-disabled@main.tf:51']],
  // The rules' map has no default: every required flow is undecided, none is reported missing.
  ['for-each-map, rules without a default', withoutRulesDefault, [
    ...BASTION_FLOWS.map((flow) => `check-incomplete:${flow}@main.tf:15`),
    'check-incomplete@main.tf:15',
    'bastion-diagnostics-disabled@main.tf:51',
  ]],
  // NSGs for_each over subnets, rules from a tfvars map through a for expression; the tfvars
  // leaves out AllowHttpOutbound, which only the Azure default then allows.
  ['for-each-nsgs', () => fixtureDocuments('terraform', 'for-each-nsgs'), ['bastion-diagnostics-disabled@main.tf:96', 'bastion-nsg-missing-rule:out-internet-80@main.tf:46']],
  // Two rules whose NSG is a variable without a default: AllowHttpOutbound may or may not be in
  // the Bastion NSG, so out-internet-80 is undecided; the DenyAllInbound at 4096 decides nothing.
  ['unknown-rule-nsg', () => fixtureDocuments('terraform', 'unknown-rule-nsg'), ['bastion-diagnostics-disabled@main.tf:152', 'check-incomplete:out-internet-80@main.tf:21']],
];

describe('Terraform rules on count / for_each NSGs', () => {
  before(loadParsers);

  for (const [name, documents, expected] of LINT_EXPECTED) {
    it(`${name}: ${expected.length ? expected.join(', ') : 'no findings'}`, () => {
      const findings = lint(documents());
      assert.deepEqual(located(findings), [...expected].sort());
      assert.ok(findings.every((f) => f.severity === 'info' || f.rule !== 'check-incomplete'));
    });
  }

  it('for-each-map: the nine rules join azurerm_network_security_group.this[0], whose name is unknown', async () => {
    const { topology } = await loadFixture('for-each-map');
    const nsg = nsgAt(topology, 'azurerm_network_security_group.this[0]');
    assert.equal(nsg.securityRules.length, 9);
    assert.ok(nsg.securityRules.every((rule) => rule.membershipUnknown === undefined));
    assert.deepEqual(nsg.securityRules.filter((r) => r.access === 'Deny').map((r) => [r.name, r.priority]), [['DenyAllInbound', 4096]]);
    assert.ok(nsg.securityRules.every((rule) => lineOf(rule.origin) === 22), 'each rule points at its resource');
    const abs = topology.virtualNetworks[0].subnets.find((s) => s.name === 'AzureBastionSubnet');
    assert.equal(abs?.networkSecurityGroupId, nsg.id);
    assert.deepEqual(topology.problems, []);
  });

  it('for-each-nsgs: rules join the instance their key names, associations the subnet instance', async () => {
    const { topology } = await loadFixture('for-each-nsgs');
    const bastion = nsgAt(topology, 'azurerm_network_security_group.nsg["AzureBastionSubnet"]');
    const jump = nsgAt(topology, 'azurerm_network_security_group.nsg["snet-jump"]');
    assert.equal(bastion.securityRules.length, 7);
    assert.deepEqual(jump.securityRules.map((r) => r.name), ['AllowSshFromBastion']);
    const subnets = Object.fromEntries(topology.virtualNetworks[0].subnets.map((s) => [s.name, s.networkSecurityGroupId]));
    assert.deepEqual(subnets, { AzureBastionSubnet: bastion.id, 'snet-jump': jump.id });
    assert.deepEqual(topology.problems, []);
  });

  it('unknown-rule-nsg: a rule whose NSG is not known is listed, as possibly there, in every NSG of the module', async () => {
    const { topology } = await loadFixture('unknown-rule-nsg');
    const nsg = nsgAt(topology, 'nsg-hub-frc-bastion');
    const uncertain = nsg.securityRules.filter((r) => r.membershipUnknown !== undefined);
    assert.deepEqual(uncertain.map((r) => r.name), ['AllowHttpOutbound', 'DenyAllInbound']);
    assert.match(uncertain[0].membershipUnknown ?? '', /variable 'existing_nsg_name' has no default/);
    assert.deepEqual(topology.problems, []);
  });

  it('for-each-nsgs: the fix adds a separate rule resource on the NSG instance, not an inline block on every instance', () => {
    const documents = fixtureDocuments('terraform', 'for-each-nsgs');
    const [finding] = lint(documents);
    const [{ edits }] = editableFixes(finding, documents, 'terraform');
    assert.equal(edits.length, 1);
    assert.doesNotMatch(edits[0].newText, /security_rule \{/);
    assert.match(edits[0].newText, /^resource "azurerm_network_security_rule" "allow_http_outbound" \{$/m);
    assert.match(edits[0].newText, /^ {2}network_security_group_name = azurerm_network_security_group\.nsg\["AzureBastionSubnet"\]\.name$/m);
    assert.match(edits[0].newText, /^ {2}resource_group_name {9}= azurerm_network_security_group\.nsg\["AzureBastionSubnet"\]\.resource_group_name$/m);
  });

  it('a counted NSG (count 0 or 1) with separate for_each rules: the new rule names this[0], never each.value', () => {
    const documents = fixtureDocuments('terraform', 'for-each-map').map((doc) => (doc.path.endsWith('variables.tf')
      ? { ...doc, text: doc.text.replace(/\n {4}AllowHttpOutbound .*\n/, '\n') }
      : { ...doc, text: doc.text.replace('resource_group_name         = azurerm_network_security_group.this[0].resource_group_name', 'resource_group_name         = each.value.rg') }));
    const findings = nsgFindings(documents);
    assert.deepEqual(findings.map((f) => f.flow), ['out-internet-80']);
    const [{ edits }] = editableFixes(findings[0], documents, 'terraform');
    assert.match(edits[0].newText, /^ {2}network_security_group_name = azurerm_network_security_group\.this\[0\]\.name$/m);
    assert.match(edits[0].newText, /^ {2}resource_group_name {9}= azurerm_network_security_group\.this\[0\]\.resource_group_name$/m);
  });

  it('a for_each NSG with inline rules gets no rule edit: an inline block would change every instance', () => {
    const documents = fixtureDocuments('terraform', 'unknown-rule-nsg').map((doc) => ({
      ...doc,
      text: doc.text
        .replace('resource "azurerm_network_security_group" "bastion" {\n', 'resource "azurerm_network_security_group" "bastion" {\n  for_each            = toset(["frc"])\n')
        .replace('name                = "nsg-hub-frc-bastion"', 'name                = "nsg-hub-${each.key}-bastion"')
        .replace('azurerm_network_security_group.bastion.id', 'azurerm_network_security_group.bastion["frc"].id')
        .replace(/\nresource "azurerm_network_security_rule" "http_outbound" \{[^}]*\}\n/, '\n'),
    }));
    const findings = nsgFindings(documents);
    assert.deepEqual(located(findings), ['bastion-nsg-missing-rule:out-internet-80@main.tf:21']);
    assert.deepEqual(editableFixes(findings[0], documents, 'terraform'), []);
  });
});

