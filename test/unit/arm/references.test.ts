import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armNic, armPeering, armResourceId, armVirtualNetwork, armVm, hubScenario, subnetIdOf } from '../../support/arm';

test('a complete hub has no problems', () => {
  assert.deepEqual(mapArmResources(hubScenario().resources).problems, []);
});

test('each dangling reference is kept and reported naming both resources', () => {
  const scenario = hubScenario();
  const cases: { drop: keyof ReturnType<typeof hubScenario>; referrer: string; target: string }[] = [
    { drop: 'nsg', referrer: 'AzureBastionSubnet', target: 'nsg-bastion' },
    { drop: 'publicIp', referrer: 'bas-contoso-hub', target: 'pip-bastion' },
    { drop: 'nic', referrer: 'vm-web-01', target: 'nic-vm-web-01' },
  ];
  for (const { drop, referrer, target } of cases) {
    const dropped = scenario[drop] as { id: string };
    const topology = mapArmResources(scenario.resources.filter((r) => r !== dropped));
    assert.equal(topology.problems.length, 1, drop);
    assert.match(topology.problems[0].message, new RegExp(referrer), drop);
    assert.match(topology.problems[0].message, new RegExp(target), drop);
    assert.ok(topology.problems[0].message.includes(dropped.id), drop);
  }
  const withoutNsg = mapArmResources(scenario.resources.filter((r) => r !== scenario.nsg));
  assert.equal(withoutNsg.virtualNetworks[0].subnets[0].networkSecurityGroupId, scenario.nsg.id, 'the reference itself is kept');
});

test('a NIC in a subnet that is not in the set, a peering to an unread VNet, a subnet with an unread route table', () => {
  const vnet = armVirtualNetwork({
    subnets: [{ name: 'AzureBastionSubnet', properties: { addressPrefix: '10.0.1.0/26', routeTable: { id: armResourceId('Microsoft.Network/routeTables', ['rt-x']) } } }],
    peerings: [armPeering({ name: 'to-remote', remoteVnet: armResourceId('Microsoft.Network/virtualNetworks', ['vnet-remote'], { rg: 'rg-other' }) })],
  });
  const nic = armNic({ subnet: subnetIdOf(vnet, 'snet-gone') });
  const vm = armVm({ nics: [nic] });
  const topology = mapArmResources([vnet, nic, vm]);
  const messages = topology.problems.map((p) => p.message);
  assert.equal(messages.length, 3, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('rt-x') && m.includes('AzureBastionSubnet')));
  assert.ok(messages.some((m) => m.includes('vnet-remote') && m.includes('to-remote')));
  assert.ok(messages.some((m) => m.includes('snet-gone') && m.includes('nic-vm-web-01')));
  assert.deepEqual(topology.problems.map((p) => p.resource).sort(), [nic.id, `${vnet.id}/subnets/AzureBastionSubnet`, `${vnet.id}/virtualNetworkPeerings/to-remote`].sort());
});

test('references match ids case-insensitively', () => {
  const scenario = hubScenario();
  const nsg = { ...scenario.nsg, id: scenario.nsg.id.toUpperCase() };
  const topology = mapArmResources(scenario.resources.map((r) => (r === scenario.nsg ? nsg : r)));
  assert.deepEqual(topology.problems, []);
});

test('a Developer Bastion pointing at an unread VNet is reported', () => {
  const scenario = hubScenario({ sku: 'Developer', virtualNetwork: armResourceId('Microsoft.Network/virtualNetworks', ['vnet-dev']) });
  const topology = mapArmResources(scenario.resources);
  assert.equal(topology.problems.length, 1);
  assert.match(topology.problems[0].message, /vnet-dev/);
});
