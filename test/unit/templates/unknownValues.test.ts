// Values only known at deployment, in the shapes real templates use, in all three formats: each
// host's subnet and public IP are check-incomplete, never bastion-subnet-missing or
// bastion-public-ip; resolved values keep their errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDocuments } from '../../../src/templates/lint';
import { prepareTemplateFormats } from '../../../src/templates/formats';

const FIXTURES = 'test/fixtures/templates';

function lintFolder(folder: string) {
  const dir = join(FIXTURES, folder);
  const docs = readdirSync(dir).sort().map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
  return lintDocuments(docs).report.findings;
}

const unknownCases: { folder: string; hosts: { name: string; subnet: boolean; publicIp: boolean }[] }[] = [
  // parameter without a default; reference() of a deployment's output; an undecidable condition
  { folder: 'arm/unknown-values', hosts: [{ name: 'bas-param', subnet: true, publicIp: true }, { name: 'bas-conditional', subnet: false, publicIp: true }] },
  // parameter; registry module output and reference(); a conditional existing subnet
  { folder: 'bicep/unknown-values', hosts: [{ name: 'bas-param', subnet: true, publicIp: false }, { name: 'bas-module', subnet: true, publicIp: true }, { name: 'bas-conditional', subnet: true, publicIp: false }] },
  // variable without a default, registry module output, data source; a count that is not known
  { folder: 'terraform/unknown-values', hosts: [{ name: 'bas-a', subnet: true, publicIp: true }, { name: 'bas-b', subnet: true, publicIp: true }, { name: 'bas-c', subnet: true, publicIp: true }] },
];

test.before(() => prepareTemplateFormats());

for (const { folder, hosts } of unknownCases) {
  test(`${folder}: unknown subnets and public IPs are check-incomplete, with no error or warning`, () => {
    const findings = lintFolder(folder);
    assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), []);
    for (const host of hosts) {
      const about = (what: string) => findings.some((f) => f.rule === 'check-incomplete' && f.message.startsWith(`Whether Bastion host ${host.name} has the ${what} it needs is not decided`));
      assert.equal(about('AzureBastionSubnet'), host.subnet, `${host.name}: subnet undecided`);
      assert.equal(about('public IP'), host.publicIp, `${host.name}: public IP undecided`);
    }
  });
}

test('resolved values keep their findings: a subnet named otherwise, a host without ipConfigurations', () => {
  const errors = lintFolder('bicep/wrong-subnet').filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.resource.name}`);
  assert.deepEqual(errors.sort(), ['bastion-subnet-missing bas-no-configuration', 'bastion-subnet-missing bas-wrong-subnet']);
});

test('an unknown value in one rule leaves open only the flows that rule could decide; an unknown priority leaves all open', () => {
  const findings = lintFolder('bicep/unknown-rule-values');
  assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), []);
  const undecided = (nsg: string) => findings.filter((f) => f.rule === 'check-incomplete' && f.flow !== undefined && f.resource.name === nsg).map((f) => f.flow).sort();
  // DenySomething is inbound with an unknown source: the four inbound flows are open, the outbound ones decided (allowed).
  assert.deepEqual(undecided('nsg'), ['in-azureloadbalancer-443', 'in-gatewaymanager-443', 'in-internet-443', 'in-vnet-8080-5701']);
  // DenyAudit's priority is unknown: it may come before any allow, so no flow is decided.
  assert.equal(undecided('nsg-two').length, 8);
});

for (const { folder, hosts, sku } of [
  { folder: 'bicep/unknown-properties', hosts: ['bas', 'bas2'], sku: 'Standard' },
  { folder: 'arm/unknown-properties', hosts: ['bas'], sku: 'Basic' },
]) {
  test(`${folder}: a host whose whole properties object is unknown: every check says so, none fails or guesses`, () => {
    const findings = lintFolder(folder);
    assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`), []);
    assert.deepEqual(findings.filter((f) => /failed and decided nothing/.test(f.message)).map((f) => f.message), []);
    for (const host of hosts) {
      const incomplete = findings.filter((f) => f.rule === 'check-incomplete' && f.resource.name === host).map((f) => f.message);
      assert.ok(incomplete.some((m) => m.startsWith(`Whether Bastion host ${host} has the AzureBastionSubnet it needs is not decided`)), `${host}: subnet`);
      // The SKU sits outside properties and stays known; what it cannot do is undecided, not passed.
      assert.ok(incomplete.some((m) => m.startsWith(`Whether Bastion host ${host} (${sku}) sets `)), `${host}: SKU features`);
    }
  });
}

test('the id of a Bicep resource whose condition is false is known; the resource is not deployed', () => {
  const findings = lintFolder('bicep/conditional-ids');
  const says = (pattern: RegExp) => findings.filter((f) => pattern.test(f.message)).map((f) => `${f.rule}: ${f.message}`);
  // subnet.id is the new VNet's AzureBastionSubnet: nothing about it is undecided, and its NSG is evaluated.
  assert.deepEqual(says(/bas-new-or-existing has the AzureBastionSubnet|not deployed/), []);
  assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.flow} ${f.resource.name}`), ['bastion-nsg-missing-rule in-azureloadbalancer-443 nsg-bastion']);
  // hubSubnet.id names AzureBastionSubnet of a VNet the file does not deploy: the name passes, the VNet is unread.
  assert.equal(says(/^The virtual network of bas-hub's subnet .*\/virtualNetworks\/\$\{hubVnetName\}\/subnets\/AzureBastionSubnet was not read/).length, 1);
});

for (const format of ['arm', 'bicep']) {
  test(`${format}: a subnet id written below an unknown VNet id names its subnet; the VNet stays unread`, () => {
    const findings = lintFolder(`${format}/subnet-id-strings`);
    const messages = (host: string) => findings.filter((f) => f.message.includes(`${host}'s subnet`) || f.message.includes(`host ${host} `)).map((f) => `${f.severity} ${f.rule}: ${f.message}`);
    const named = messages('bas-named');
    assert.equal(named.filter((m) => m.startsWith('info check-incomplete: The virtual network of bas-named\'s subnet') && m.includes('/subnets/AzureBastionSubnet was not read')).length, 1, named.join('\n'));
    assert.deepEqual(named.filter((m) => !m.startsWith('info')), []);
    assert.deepEqual(named.filter((m) => m.includes('has the AzureBastionSubnet it needs is not decided')), []);
    assert.deepEqual(messages('bas-default').filter((m) => !m.startsWith('info')), [
      'error bastion-subnet-missing: Bastion host bas-default is attached to subnet "default", not to a subnet named exactly AzureBastionSubnet.',
    ]);
  });
}

test('a subnet id that is a virtual network id is reported as such', () => {
  const errors = lintFolder('bicep/subnet-id-strings').filter((f) => f.resource.name === 'bas-vnet-id' && f.severity === 'error');
  assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), [
    "bastion-subnet-missing: Bastion host bas-vnet-id: the ipConfiguration's subnet id points at a virtual network (vnet-hub), not a subnet; dedicated SKUs need AzureBastionSubnet.",
  ]);
});

test('diagnostic settings in a loop over an unknown parameter leave the audit logs undecided', () => {
  const findings = lintFolder('bicep/diagnostics-loop');
  assert.deepEqual(findings.filter((f) => f.rule === 'bastion-diagnostics-disabled').map((f) => f.message), []);
  const undecided = findings.filter((f) => f.rule === 'check-incomplete' && f.message.startsWith("Whether a diagnostic setting sends bas-hub's BastionAuditLogs is not decided"));
  assert.equal(undecided.length, 1, findings.map((f) => f.message).join('\n'));
  assert.ok(findings.some((f) => f.rule === 'check-incomplete' && /how many settings the loop of 'diag' declares/.test(f.message)));
});
