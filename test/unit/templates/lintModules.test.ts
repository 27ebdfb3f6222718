// The lint engine across files: a Bicep module in a subfolder is read through its caller, and its
// findings are reported (at the module's lines) even though the module is linted on its own too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintDocuments } from '../../../src/templates/lint';

const folder = 'test/fixtures/templates/bicep/module';
const docs = ['main.bicep', 'modules/nsg.bicep'].map((file) => ({ path: `${folder}/${file}`, text: readFileSync(`${folder}/${file}`, 'utf8') }));

test('a missing rule in a local Bicep module is reported once, at the module', () => {
  const { report } = lintDocuments(docs);
  const missing = report.findings.filter((f) => f.rule === 'bastion-nsg-missing-rule');
  assert.equal(missing.length, 1, JSON.stringify(report.findings.map((f) => [f.rule, f.message])));
  assert.equal(missing[0].flow, 'out-internet-80');
  const origin = missing[0].resource.origin;
  assert.ok(origin?.kind === 'file' && origin.file.endsWith('modules/nsg.bicep'), JSON.stringify(origin));
});

test('the module alone is not attached to AzureBastionSubnet, so it gives no NSG finding', () => {
  const { report } = lintDocuments([docs[1]]);
  assert.deepEqual(report.findings.filter((f) => f.rule.startsWith('bastion-nsg')), []);
});
