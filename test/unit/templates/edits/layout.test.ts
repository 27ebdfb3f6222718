// Edits keep the file's own layout (exact text), fix-all converges, separate TF rules stay separate.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyFileEdits, editableFixes, fixAllEdits, lintFile } from '../../../../src/templates/edits';
import { fixtureDocuments, lint, loadParsers, SOURCES } from './fixtureLint';

describe('fix edits keep the layout', () => {
  before(loadParsers);

  it('ARM: a missing rule is appended to securityRules at the array indentation', () => {
    const documents = fixtureDocuments('arm', 'missing-rules');
    const finding = lint(documents).find((f) => f.rule === 'bastion-nsg-missing-rule' && f.flow === 'in-azureloadbalancer-443');
    assert.ok(finding);
    const [{ edits }] = editableFixes(finding, documents, 'arm');
    assert.equal(edits[0].newText, [
      ',',
      '          {',
      '            "name": "AllowAzureLoadBalancerInbound",',
      '            "properties": {',
      '              "description": "Azure Bastion: Azure Load Balancer health probes",',
      '              "protocol": "Tcp",',
      '              "sourcePortRange": "*",',
      '              "sourceAddressPrefix": "AzureLoadBalancer",',
      '              "destinationAddressPrefix": "*",',
      '              "destinationPortRange": "443",',
      '              "access": "Allow",',
      '              "priority": 4000,',
      '              "direction": "Inbound"',
      '            }',
      '          }',
    ].join('\n'));
  });

  it('Terraform: a missing rule becomes a security_rule block aligned like terraform fmt', () => {
    const documents = fixtureDocuments('terraform', 'missing-rules');
    const finding = lint(documents).find((f) => f.rule === 'bastion-nsg-missing-rule' && f.flow === 'out-vnet-22-3389');
    assert.ok(finding);
    const [{ edits }] = editableFixes(finding, documents, 'terraform');
    assert.match(edits[0].newText, /^\n\n {2}security_rule \{\n {4}name {23}= "AllowSshRdpOutbound"\n {4}priority {19}= \d+\n/);
    assert.match(edits[0].newText, /\n {4}destination_port_ranges {4}= \["22", "3389"\]\n/);
    assert.match(edits[0].newText, /\n {2}\}$/);
  });

  it('Terraform: a module of separate azurerm_network_security_rule resources gets new resources', () => {
    const documents = fixtureDocuments('terraform', 'separate-rules');
    const rules = documents.find((d) => d.path.endsWith('nsg-rules.tf'));
    assert.ok(rules);
    const withoutHttps = rules.text.replace(/resource "azurerm_network_security_rule" "https_inbound" \{[^}]*\}\n\n?/, '');
    assert.notEqual(withoutHttps, rules.text);
    const broken = documents.map((d) => (d === rules ? { ...d, text: withoutHttps } : d));
    const finding = lint(broken).find((f) => f.rule === 'bastion-nsg-missing-rule');
    assert.ok(finding, 'removing the HTTPS rule makes the rule missing');
    const [{ edits }] = editableFixes(finding, broken, 'terraform');
    assert.match(edits[0].newText, /resource "azurerm_network_security_rule" "allow_https_inbound" \{/);
    assert.match(edits[0].newText, /network_security_group_name = azurerm_network_security_group\.bastion\.name/);
    const after = lint(applyFileEdits(broken, edits));
    assert.equal(after.filter((f) => f.rule === 'bastion-nsg-missing-rule').length, 0);
  });

  for (const [format, folder] of [['arm', 'missing-rules'], ['terraform', 'missing-rules'], ['arm', 'deny-shadowing']] as const) {
    it(`fix-all on ${format}/${folder} leaves no fixable finding and distinct priorities`, () => {
      const documents = fixtureDocuments(format, folder);
      const lintAll = (docs: readonly { path: string; text: string }[]) => lintFile(docs[0], docs.slice(1), { sources: SOURCES });
      const edits = fixAllEdits(documents, format, lintAll);
      assert.ok(edits.length > 0);
      const fixed = applyFileEdits(documents, edits);
      const remaining = lint(fixed);
      assert.deepEqual(remaining.filter((f) => editableFixes(f, fixed, format).length > 0).map((f) => f.message), []);
      // Inbound and outbound rules may share a number; a fix must not add another shared one.
      const repeats = (text: string) => {
        const priorities = [...text.matchAll(/"?priority"?\s*[:=]\s*(\d+)/g)].map((m) => m[1]);
        return priorities.length - new Set(priorities).size;
      };
      assert.ok(repeats(fixed[0].text) <= repeats(documents[0].text));
    });
  }
});
