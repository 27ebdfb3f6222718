// Variable files as Terraform loads them: terraform.tfvars, terraform.tfvars.json, then
// *.auto.tfvars and *.auto.tfvars.json by file name, then a named -var-file; later files win.
// JSON variable files are plain values (no templates) with their places in the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { variableFilesInOrder } from '../../../../src/templates/terraform/files';
import { parseTfvarsJson } from '../../../../src/templates/terraform/tfvarsJson';
import { loadFixture } from './fixtureModule';

describe('Terraform variable files', () => {
  it('are applied in Terraform\'s order, JSON and HCL alike, auto files sorted by name', () => {
    const paths = ['m/b.auto.tfvars.json', 'm/prod.tfvars', 'm/terraform.tfvars.json', 'm/a.auto.tfvars', 'm/terraform.tfvars', 'm/B.auto.tfvars', 'm/other.tfvars.json'];
    assert.deepEqual(variableFilesInOrder(paths), ['m/terraform.tfvars', 'm/terraform.tfvars.json', 'm/B.auto.tfvars', 'm/a.auto.tfvars', 'm/b.auto.tfvars.json']);
    assert.deepEqual(variableFilesInOrder(paths, 'm/prod.tfvars').at(-1), 'm/prod.tfvars', 'a named file comes last');
  });

  it('read JSON values literally, with the range of each property', () => {
    const text = '{\n  "sku": "Standard",\n  "prefix": "${not.a.template}",\n  "count": 2,\n  "on": true,\n  "none": null,\n  "rules": [{ "name": "a", "ports": ["443"] }]\n}\n';
    const file = parseTfvarsJson('terraform.tfvars.json', text);
    assert.deepEqual(file.diagnostics, []);
    const value = (name: string) => file.body.attributes.get(name)?.value;
    assert.deepEqual(value('sku'), { kind: 'literal', value: 'Standard', range: { start: { line: 1, character: 9 }, end: { line: 1, character: 19 } } });
    assert.deepEqual(value('prefix'), { kind: 'literal', value: '${not.a.template}', range: { start: { line: 2, character: 12 }, end: { line: 2, character: 31 } } });
    assert.equal((value('count') as { value: unknown }).value, 2);
    assert.equal((value('on') as { value: unknown }).value, true);
    assert.equal((value('none') as { value: unknown }).value, null);
    const rules = value('rules');
    assert.equal(rules?.kind, 'tuple');
    assert.deepEqual(file.body.attributes.get('sku')?.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 19 } });
  });

  it('give a positioned diagnostic for broken JSON and keep what parsed', () => {
    const broken = parseTfvarsJson('terraform.tfvars.json', '{\n  "sku": "Basic",\n  "prefix": \n}\n');
    assert.equal(broken.diagnostics.length, 1);
    assert.match(broken.diagnostics[0].message, /^Syntax error: ValueExpected/);
    assert.equal(broken.diagnostics[0].range.start.line, 3);
    assert.equal((broken.body.attributes.get('sku')?.value as { value: unknown }).value, 'Basic');
    const notAnObject = parseTfvarsJson('x.auto.tfvars.json', '["Basic"]');
    assert.deepEqual(notAnObject.diagnostics.map((d) => d.message), ['A .tfvars.json file must hold one JSON object of variable values']);
  });

  it('decide the module\'s values: the last file that sets a variable wins', async () => {
    const { topology, parseDiagnostics } = await loadFixture('variable-files');
    assert.deepEqual(parseDiagnostics, []);
    assert.equal(topology.bastionHosts[0]?.sku, 'Basic', 'b.auto.tfvars.json overrides terraform.tfvars.json and terraform.tfvars');
    const subnet = topology.virtualNetworks[0]?.subnets.find((s) => s.name === 'AzureBastionSubnet');
    assert.deepEqual(subnet?.addressPrefixes, ['10.50.1.0/26'], 'a.auto.tfvars overrides terraform.tfvars');
  });
});
