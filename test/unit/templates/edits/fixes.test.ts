// Every fix the editor offers on the template fixtures removes its finding and adds none.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyFileEdits, editableFixes, type FormatId } from '../../../../src/templates/edits';
import { findingKey, fixtureDocuments, fixtureFolders, lint, loadParsers } from './fixtureLint';

const FORMATS: FormatId[] = ['arm', 'terraform', 'bicep'];

/** Each editable fix per fixture, by rule: a fix that silently disappears fails here. */
const EXPECTED_EDITABLE: Record<string, string[]> = {
  'arm/deny-shadowing': ['bastion-nsg-rule-shadowed', 'bastion-nsg-rule-shadowed'],
  'arm/language-version-2': ['bastion-nsg-missing-rule'],
  'arm/missing-rules': ['bastion-nsg-missing-rule', 'bastion-nsg-missing-rule'],
  'arm/peered-spoke': ['vm-nsg-blocks-bastion'],
  'arm/property-casing': ['bastion-subnet-too-small'],
  'arm/route-table': ['bastion-subnet-route-table'],
  'arm/sku-mismatch': ['bastion-sku-feature-mismatch', 'bastion-sku-feature-mismatch'],
  'arm/small-subnet': ['bastion-subnet-too-small'],
  'bicep/bicepparam': ['bastion-sku-feature-mismatch'],
  'bicep/conditional-ids': ['bastion-nsg-missing-rule'],
  'bicep/deny-shadowing': ['bastion-nsg-rule-shadowed', 'bastion-nsg-rule-shadowed'],
  'bicep/missing-rules': ['bastion-nsg-missing-rule', 'bastion-nsg-missing-rule'],
  'bicep/peered-spoke': ['vm-nsg-blocks-bastion'],
  'bicep/property-casing': ['bastion-subnet-too-small'],
  'bicep/route-table': ['bastion-subnet-route-table'],
  'bicep/suppressed': ['bastion-nsg-rule-shadowed'],
  'terraform/for-each-nsgs': ['bastion-nsg-missing-rule'],
  'terraform/peered-spoke': ['vm-nsg-blocks-bastion'],
  'terraform/variable-files': ['bastion-sku-feature-mismatch'],
  'terraform/missing-rules': ['bastion-native-client-disabled', ...Array<string>(6).fill('bastion-nsg-missing-rule')],
};

describe('fix edits on the template fixtures', () => {
  before(loadParsers);

  for (const format of FORMATS) {
    for (const folder of fixtureFolders(format)) {
      it(`${format}/${folder}: each edit removes its finding and introduces none`, () => {
        const documents = fixtureDocuments(format, folder);
        const findings = lint(documents);
        const edited: string[] = [];
        for (const finding of findings) {
          for (const { fix, edits } of editableFixes(finding, documents, format)) {
            edited.push(finding.rule);
            const after = lint(applyFileEdits(documents, edits)).map(findingKey);
            const beforeKeys = new Set(findings.map(findingKey));
            assert.ok(!after.includes(findingKey(finding)), `${fix.title}: ${finding.message} is still reported`);
            assert.deepEqual(after.filter((key) => !beforeKeys.has(key)), [], `${fix.title} introduced findings`);

          }
        }
        assert.deepEqual(edited.sort(), (EXPECTED_EDITABLE[`${format}/${folder}`] ?? []).slice().sort());
      });
    }
  }
});

describe('fix edits on keys spelled with other capitals', () => {
  before(loadParsers);

  for (const format of ['arm', 'bicep'] as const) {
    it(`${format}: the resize edits AddressPrefix where it is, adding no second addressPrefix`, () => {
      const documents = fixtureDocuments(format, 'property-casing');
      const finding = lint(documents).find((f) => f.rule === 'bastion-subnet-too-small');
      assert.ok(finding, 'the /27 is reported');
      const [{ edits }] = editableFixes(finding, documents, format);
      const [edited] = applyFileEdits(documents, edits);
      assert.deepEqual(edited.text.match(/addressPrefix\b/gi), ['AddressPrefix']);
      assert.match(edited.text, /AddressPrefix"?: '?"?10\.1\.1\.0\/26/);
    });
  }
});
