// A VM in a spoke peered with the Bastion hub is a target in template lint, in every format: its
// NSGs are checked; the peering's state is not in a template, so it is never reported as not
// Connected, and a peering declared in one direction only is a note, never an error.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../../src/core/findings';
import type { TemplateDocument } from '../../../src/templates/source';
import { fixtureDocuments, lint, loadParsers } from './edits/fixtureLint';

type Format = 'arm' | 'bicep' | 'terraform';

/** Per format: how to drop the spoke-to-hub half, and how to let the VirtualNetwork tag admit SSH. */
const EDITS: Record<Format, { oneWay: [RegExp, string]; vnetTag: [RegExp, string] }> = {
  arm: {
    oneWay: [/\{\s*"type": "Microsoft.Network\/virtualNetworks\/virtualNetworkPeerings", "apiVersion": "2023-09-01", "name": "spoke\/spoke-to-hub",\s*"properties": \{[^\n]*\n\s*\},/, ''],
    vnetTag: [/"sourceAddressPrefix": "10.1.0.0\/16"/, '"sourceAddressPrefix": "VirtualNetwork"'],
  },
  bicep: {
    oneWay: [/resource spokeToHub[\s\S]*?\n}\n/, ''],
    vnetTag: [/sourceAddressPrefix: '10.1.0.0\/16'/, "sourceAddressPrefix: 'VirtualNetwork'"],
  },
  terraform: {
    oneWay: [/resource "azurerm_virtual_network_peering" "spoke_to_hub"[\s\S]*?\n}\n/, ''],
    vnetTag: [/source_address_prefix {6}= "10.1.0.0\/16"/, 'source_address_prefix      = "VirtualNetwork"'],
  },
};

function variant(format: Format, edit?: [RegExp, string]): TemplateDocument[] {
  return fixtureDocuments(format, 'peered-spoke').map((doc) => {
    if (!edit) return doc;
    const text = doc.text.replace(edit[0], edit[1]);
    assert.notEqual(text, doc.text, `${format}: the edit ${edit[0]} did not apply`);
    return { ...doc, text };
  });
}

const rules = (findings: Finding[]): string[] => findings.map((f) => f.rule).filter((rule) => rule !== 'bastion-diagnostics-disabled').sort();
const peeringNotes = (findings: Finding[]): Finding[] => findings.filter((f) => f.rule === 'check-incomplete' && /peering/i.test(f.message));

describe('template lint: VMs in a peered spoke are targets', () => {
  before(loadParsers);
  for (const format of ['arm', 'bicep', 'terraform'] as const) {
    it(`${format}: the spoke NSG that admits SSH from the spoke only blocks Bastion`, () => {
      const findings = lint(variant(format));
      assert.deepEqual(rules(findings), ['vm-nsg-blocks-bastion'], JSON.stringify(findings.map((f) => f.message)));
      assert.match(findings.find((f) => f.rule === 'vm-nsg-blocks-bastion')!.message, /from 10\.0\.0\.0\/26 to vm/);
    });

    it(`${format}: a peering declared in one direction only is a note naming the missing half; the NSG is still checked`, () => {
      const findings = lint(variant(format, EDITS[format].oneWay));
      assert.deepEqual(rules(findings), ['check-incomplete', 'vm-nsg-blocks-bastion'], JSON.stringify(findings.map((f) => f.message)));
      const [note] = peeringNotes(findings);
      assert.ok(note, 'a note on the peering');
      assert.match(note.message, /hub-to-spoke/);
      assert.match(note.message, /from spoke to hub/);
    });

    it(`${format}: the VirtualNetwork tag of the spoke covers the peered hub, so an allow from VirtualNetwork admits Bastion`, () => {
      const findings = lint(variant(format, EDITS[format].vnetTag));
      assert.deepEqual(rules(findings), [], JSON.stringify(findings.map((f) => f.message)));
    });
  }
});
