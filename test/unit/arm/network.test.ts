import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armNsg, armPeering, armResourceId, armRouteTable, armSubnet, armVirtualNetwork } from '../../support/arm';

const nsg = armNsg({ name: 'nsg-bastion' });
const routeTable = armRouteTable({ name: 'rt-hub' });
const spoke = armVirtualNetwork({ name: 'vnet-spoke', rg: 'rg-contoso-spoke', addressPrefixes: ['10.1.0.0/16'], subnets: [] });

test('a VNet maps its address space, DNS servers and inline subnets', () => {
  const vnet = armVirtualNetwork({
    addressPrefixes: ['10.0.0.0/16', '10.10.0.0/16'],
    dnsServers: ['10.0.0.4'],
    subnets: [
      armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26', nsg, routeTable }),
      armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' }),
    ],
  });
  const [mapped] = mapArmResources([vnet, nsg, routeTable]).virtualNetworks;
  assert.deepEqual(mapped.addressPrefixes, ['10.0.0.0/16', '10.10.0.0/16']);
  assert.deepEqual(mapped.dnsServers, ['10.0.0.4']);
  assert.deepEqual(mapped.subnets[0], {
    id: `${vnet.id}/subnets/AzureBastionSubnet`,
    name: 'AzureBastionSubnet',
    origin: { kind: 'arm', id: `${vnet.id}/subnets/AzureBastionSubnet` },
    virtualNetworkId: vnet.id,
    addressPrefixes: ['10.0.1.0/26'],
    networkSecurityGroupId: nsg.id,
    routeTableId: routeTable.id,
    provisioningState: 'Succeeded',
  });
  assert.equal(mapped.subnets[1].networkSecurityGroupId, undefined);
});

test('subnet address prefixes: singular and plural fields merge without duplicates', () => {
  const cases: { properties: Record<string, unknown>; expected: string[] }[] = [
    { properties: { addressPrefix: '10.0.1.0/26' }, expected: ['10.0.1.0/26'] },
    { properties: { addressPrefixes: ['10.0.1.0/26', 'fd00:db8::/64'] }, expected: ['10.0.1.0/26', 'fd00:db8::/64'] },
    { properties: { addressPrefix: '10.0.1.0/26', addressPrefixes: ['10.0.1.0/26', '10.0.9.0/26'] }, expected: ['10.0.1.0/26', '10.0.9.0/26'] },
    { properties: {}, expected: [] },
  ];
  for (const { properties, expected } of cases) {
    const vnet = armVirtualNetwork({ subnets: [{ name: 'AzureBastionSubnet', properties }] });
    assert.deepEqual(mapArmResources([vnet]).virtualNetworks[0].subnets[0].addressPrefixes, expected, JSON.stringify(properties));
  }
});

test('an inline peering maps state, sync level, remote prefixes and flags', () => {
  const vnet = armVirtualNetwork({
    peerings: [armPeering({ name: 'hub-to-spoke', remoteVnet: spoke, state: 'Initiated', syncLevel: 'LocalNotInSync', allowForwardedTraffic: true })],
  });
  const [peering] = mapArmResources([vnet, spoke]).virtualNetworks[0].peerings;
  assert.deepEqual(peering, {
    id: `${vnet.id}/virtualNetworkPeerings/hub-to-spoke`,
    name: 'hub-to-spoke',
    origin: { kind: 'arm', id: `${vnet.id}/virtualNetworkPeerings/hub-to-spoke` },
    remoteVirtualNetworkId: spoke.id,
    peeringState: 'Initiated',
    peeringSyncLevel: 'LocalNotInSync',
    remoteAddressPrefixes: ['10.1.0.0/16'],
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: true,
    allowGatewayTransit: false,
    useRemoteGateways: false,
  });
});

test('peering remote prefixes merge remoteAddressSpace and remoteVirtualNetworkAddressSpace', () => {
  const properties = {
    remoteVirtualNetwork: { id: spoke.id },
    remoteAddressSpace: { addressPrefixes: ['10.1.0.0/16'] },
    remoteVirtualNetworkAddressSpace: { addressPrefixes: ['10.1.0.0/16', '10.2.0.0/16'] },
  };
  const vnet = armVirtualNetwork({ peerings: [{ name: 'p', properties }] });
  assert.deepEqual(mapArmResources([vnet, spoke]).virtualNetworks[0].peerings[0].remoteAddressPrefixes, ['10.1.0.0/16', '10.2.0.0/16']);
});

test('separate subnet and peering resources join their VNet, even when listed before it', () => {
  const vnet = armVirtualNetwork({ subnets: [armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' })] });
  const subnet = armSubnet({ vnet: 'vnet-hub', name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26' });
  const peering = armPeering({ vnet: 'vnet-hub', name: 'hub-to-spoke', remoteVnet: spoke });
  const topology = mapArmResources([subnet, peering, vnet, spoke]);
  const mapped = topology.virtualNetworks.find((v) => v.id === vnet.id);
  assert.deepEqual(mapped?.subnets.map((s) => s.name), ['snet-workload', 'AzureBastionSubnet']);
  assert.deepEqual(mapped?.peerings.map((p) => p.name), ['hub-to-spoke']);
  assert.deepEqual(topology.problems, []);
});

test('a separate subnet resource replaces the inline subnet with the same id (case-insensitive)', () => {
  const vnet = armVirtualNetwork({ subnets: [armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/27' })] });
  const subnet = armSubnet({ vnet: 'vnet-hub', name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26' });
  subnet.id = subnet.id?.toLowerCase();
  const [mapped] = mapArmResources([vnet, subnet]).virtualNetworks;
  assert.equal(mapped.subnets.length, 1);
  assert.deepEqual(mapped.subnets[0].addressPrefixes, ['10.0.1.0/26']);
});

test('a subnet whose VNet is absent creates the VNet from its id and records a problem', () => {
  const subnet = armSubnet({ vnet: 'vnet-missing', name: 'AzureBastionSubnet' });
  const topology = mapArmResources([subnet]);
  const vnetId = armResourceId('Microsoft.Network/virtualNetworks', ['vnet-missing']);
  assert.equal(topology.virtualNetworks.length, 1);
  assert.equal(topology.virtualNetworks[0].id, vnetId);
  assert.equal(topology.virtualNetworks[0].name, 'vnet-missing');
  assert.deepEqual(topology.virtualNetworks[0].addressPrefixes, []);
  assert.equal(topology.virtualNetworks[0].subnets[0].name, 'AzureBastionSubnet');
  assert.equal(topology.problems.length, 1);
  assert.equal(topology.problems[0].resource, subnet.id);
  assert.match(topology.problems[0].message, /vnet-missing/);
  assert.match(topology.problems[0].message, /AzureBastionSubnet/);
});

test('template-style subnets without ids get ids built below their VNet', () => {
  const declared = [
    { type: 'Microsoft.Network/virtualNetworks', name: 'vnet-hub', properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'snet-a', properties: { addressPrefix: '10.0.3.0/24' } }] } },
    { type: 'Microsoft.Network/virtualNetworks/subnets', name: 'vnet-hub/AzureBastionSubnet', properties: { addressPrefix: '10.0.1.0/26' } },
  ];
  const topology = mapArmResources(declared);
  const [vnet] = topology.virtualNetworks;
  assert.equal(vnet.id, '/providers/Microsoft.Network/virtualNetworks/vnet-hub');
  assert.deepEqual(
    vnet.subnets.map((s) => [s.id, s.name]),
    [
      ['/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/snet-a', 'snet-a'],
      ['/providers/Microsoft.Network/virtualNetworks/vnet-hub/subnets/AzureBastionSubnet', 'AzureBastionSubnet'],
    ],
  );
  assert.deepEqual(topology.problems, []);
});

test('virtual network types match case-insensitively, children included', () => {
  const vnet = { ...armVirtualNetwork({ subnets: [] }), type: 'MICROSOFT.NETWORK/virtualnetworks' };
  const subnet = { ...armSubnet({ vnet: 'vnet-hub', name: 'AzureBastionSubnet' }), type: 'microsoft.network/VIRTUALNETWORKS/subnets' };
  const [mapped] = mapArmResources([vnet, subnet]).virtualNetworks;
  assert.equal(mapped.subnets.length, 1);
});
