import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapArmResources } from '../../../src/core/arm';
import type { Origin } from '../../../src/core/model';
import { armBastionHost, armNsg, armSecurityRule, armVirtualNetwork, armVm, hubScenario } from '../../support/arm';

const NO_INTERNAL_ERRORS = (messages: string[]) => assert.ok(!messages.some((m) => m.includes('internal error')), messages.join('\n'));

test('malformed resources become problems, never exceptions', () => {
  const nsgId = armNsg().id;
  const cases: { name: string; input: unknown[]; problems: number }[] = [
    { name: 'not an object', input: [42, 'text', null, [1]], problems: 4 },
    { name: 'no type', input: [{ id: nsgId, name: 'nsg' }], problems: 1 },
    { name: 'type not a string', input: [{ id: nsgId, type: 7 }], problems: 1 },
    { name: 'no id, no name', input: [{ type: 'Microsoft.Network/networkSecurityGroups' }], problems: 1 },
    { name: 'child name without parent segment', input: [{ type: 'Microsoft.Network/virtualNetworks/subnets', name: 'lonely' }], problems: 1 },
    { name: 'null properties', input: [{ id: nsgId, type: 'Microsoft.Network/networkSecurityGroups', properties: null }], problems: 1 },
    { name: 'properties a string', input: [{ id: nsgId, type: 'Microsoft.Network/networkSecurityGroups', properties: 'x' }], problems: 1 },
    { name: 'rules not an array', input: [{ id: nsgId, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: {} } }], problems: 1 },
    { name: 'rule not an object', input: [{ id: nsgId, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [5] } }], problems: 1 },
    { name: 'rule without id or name', input: [{ id: nsgId, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [{ properties: {} }] } }], problems: 1 },
    { name: 'prefix list with a number', input: [armNsg({ rules: [armSecurityRule({ name: 'r', properties: { sourceAddressPrefixes: ['10.0.0.0/8', 5] } })] })], problems: 1 },
    { name: 'sku a string', input: [{ ...armBastionHost({ publicIp: null }), sku: 'Standard' }], problems: 2 },
    { name: 'scaleUnits text', input: [armBastionHost({ publicIp: null, properties: { scaleUnits: 'two' } })], problems: 2 },
  ];
  for (const { name, input, problems } of cases) {
    const topology = mapArmResources(input);
    const messages = topology.problems.map((p) => p.message);
    // Every case but the dangling-subnet ones has exactly the expected problems; Bastion cases add one for the unread subnet.
    assert.equal(messages.length, problems, `${name}:\n${messages.join('\n')}`);
    NO_INTERNAL_ERRORS(messages);
  }
});

test('field-level problems name the resource and the JSON path', () => {
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'r', properties: { sourceAddressPrefix: undefined, sourceAddressPrefixes: ['10.0.0.0/8', 5] } })] });
  const topology = mapArmResources([nsg]);
  assert.equal(topology.problems[0].resource, nsg.id);
  assert.match(topology.problems[0].message, /nsg-bastion.*properties\.securityRules\[0\]\.properties\.sourceAddressPrefixes\[1\]/);
  assert.deepEqual(topology.networkSecurityGroups[0].securityRules[0].sourceAddressPrefixes, ['10.0.0.0/8']);
});

test('not an array at all is one problem', () => {
  const topology = mapArmResources({ value: [] } as unknown as unknown[]);
  assert.equal(topology.problems.length, 1);
});

test('unknown resource types are ignored without problems', () => {
  const topology = mapArmResources([
    { id: '/subscriptions/8c56d827-5f07-45ce-8f2b-6c5001db5c6f/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stlogs', type: 'Microsoft.Storage/storageAccounts', properties: null },
    { type: 'Microsoft.KeyVault/vaults' },
  ]);
  assert.deepEqual(topology.problems, []);
});

test('a resource listed twice is reported and the first one kept', () => {
  const first = armNsg({ rules: [armSecurityRule({ name: 'a' })] });
  const second = armNsg({ rules: [armSecurityRule({ name: 'b' })] });
  const topology = mapArmResources([first, second]);
  assert.equal(topology.networkSecurityGroups.length, 1);
  assert.deepEqual(topology.networkSecurityGroups[0].securityRules.map((r) => r.name), ['a']);
  assert.match(topology.problems[0].message, /more than once/);
});

test('random JSON never makes the mapper throw', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const resourceLike = fc.record(
    {
      id: fc.oneof(fc.constant(armVirtualNetwork().id), fc.constant(`${armNsg().id}/securityRules/x`), fc.string(), json),
      name: fc.oneof(fc.string(), json),
      type: fc.constantFrom(
        'Microsoft.Network/bastionHosts',
        'Microsoft.Network/virtualNetworks',
        'Microsoft.Network/virtualNetworks/subnets',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
        'Microsoft.Network/networkSecurityGroups',
        'Microsoft.Network/networkSecurityGroups/securityRules',
        'Microsoft.Network/routeTables',
        'Microsoft.Network/routeTables/routes',
        'Microsoft.Network/networkInterfaces',
        'Microsoft.Compute/virtualMachines',
        'Microsoft.Network/publicIPAddresses',
        'microsoft.insights/diagnosticSettings',
        'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      ),
      sku: json,
      zones: json,
      tags: json,
      properties: fc.oneof(
        json,
        fc.dictionary(
          fc.constantFrom('subnets', 'securityRules', 'defaultSecurityRules', 'ipConfigurations', 'routes', 'virtualNetworkPeerings', 'instanceView', 'networkProfile', 'logs', 'addressSpace', 'virtualNetwork', 'priority'),
          fc.oneof(json, fc.array(fc.record({ name: fc.oneof(fc.string(), json), properties: json }, { requiredKeys: [] }))),
        ),
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(json, resourceLike), { maxLength: 8 }), (resources) => {
      const topology = mapArmResources(resources);
      NO_INTERNAL_ERRORS(topology.problems.map((p) => p.message));
      JSON.stringify(topology);
    }),
    { numRuns: 400 },
  );
});

test('coverage: inferred from what is present, options win', () => {
  const scenario = hubScenario();
  assert.deepEqual(mapArmResources(scenario.resources).coverage, { diagnosticSettings: false, privateDnsZoneLinks: false, instanceView: true });
  const withoutView = scenario.resources.map((r) => (r === scenario.vm ? armVm({ withInstanceView: false, nics: [scenario.nic] }) : r));
  assert.equal(mapArmResources(withoutView).coverage.instanceView, false);
  const declared = mapArmResources(scenario.resources, { coverage: { diagnosticSettings: true, instanceView: false } }).coverage;
  assert.deepEqual(declared, { diagnosticSettings: true, privateDnsZoneLinks: false, instanceView: false });
});

test('sourceLabel and isDemo pass through', () => {
  const topology = mapArmResources([], { sourceLabel: 'snapshot contoso.json', isDemo: true });
  assert.equal(topology.sourceLabel, 'snapshot contoso.json');
  assert.equal(topology.isDemo, true);
  assert.equal('isDemo' in mapArmResources([]), false);
});

test('originOf is asked for every resource and every inline child, with the holder index', () => {
  const calls: { name: unknown; index: number }[] = [];
  const originOf = (resource: Record<string, unknown>, index: number): Origin => {
    calls.push({ name: resource.name, index });
    return { kind: 'file', file: 'main.json', range: { start: { line: index, character: 0 }, end: { line: index, character: 1 } } };
  };
  const nsg = armNsg({ rules: [armSecurityRule({ name: 'AllowHttpsInbound' })], withDefaultRules: false });
  const vnet = armVirtualNetwork();
  const topology = mapArmResources([vnet, nsg], { originOf });
  assert.deepEqual(calls, [
    { name: 'vnet-hub', index: 0 },
    { name: 'AzureBastionSubnet', index: 0 },
    { name: 'nsg-bastion', index: 1 },
    { name: 'AllowHttpsInbound', index: 1 },
  ]);
  assert.deepEqual(topology.networkSecurityGroups[0].securityRules[0].origin, {
    kind: 'file',
    file: 'main.json',
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } },
  });
});
