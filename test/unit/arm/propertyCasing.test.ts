// ARM matches property names case-insensitively (docs/check-decisions.md, "Property names"): a
// key spelled with other capitals than the API's is the same property, never an absent one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armResourceId } from '../../support/arm';

const vnetId = armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub']);
const subnetId = `${vnetId}/subnets/AzureBastionSubnet`;
const pipId = armResourceId('Microsoft.Network/publicIPAddresses', ['pip-bastion']);
const nsgId = armResourceId('Microsoft.Network/networkSecurityGroups', ['nsg-bastion']);

const mapped = mapArmResources([
  {
    id: armResourceId('Microsoft.Network/bastionHosts', ['bas-hub']),
    name: 'bas-hub',
    type: 'Microsoft.Network/bastionHosts',
    SKU: { Name: 'Standard' },
    Properties: {
      EnableTunneling: true,
      IpConfigurations: [{ Name: 'IpConf', properties: { Subnet: { ID: subnetId }, PublicIpAddress: { Id: pipId } } }],
    },
  },
  {
    id: vnetId,
    name: 'vnet-hub',
    type: 'Microsoft.Network/virtualNetworks',
    properties: {
      AddressSpace: { addressprefixes: ['10.1.0.0/16'] },
      Subnets: [{ name: 'AzureBastionSubnet', Properties: { AddressPrefix: '10.1.1.0/27', NetworkSecurityGroup: { id: nsgId } } }],
    },
  },
  {
    id: pipId,
    name: 'pip-bastion',
    type: 'Microsoft.Network/publicIPAddresses',
    sku: { name: 'Standard' },
    properties: { publicIpAllocationMethod: 'Dynamic' },
  },
  {
    id: nsgId,
    name: 'nsg-bastion',
    type: 'Microsoft.Network/networkSecurityGroups',
    properties: {
      SecurityRules: [{ name: 'AllowHttpsInbound', properties: { Priority: 120, Direction: 'inbound', ACCESS: 'allow', Protocol: 'tcp', SourceAddressPrefix: 'Internet', destinationPortRange: '443' } }],
    },
  },
]);

const cases: { field: string; actual: () => unknown; expected: unknown }[] = [
  { field: 'sku.name as SKU.Name', actual: () => mapped.bastionHosts[0].sku, expected: 'Standard' },
  { field: 'enableTunneling as EnableTunneling', actual: () => mapped.bastionHosts[0].features.enableTunneling, expected: true },
  { field: 'ipConfigurations[0].name as Name', actual: () => mapped.bastionHosts[0].ipConfigurations[0]?.name, expected: 'IpConf' },
  { field: 'ipConfigurations subnet.id as Subnet.ID', actual: () => mapped.bastionHosts[0].ipConfigurations[0]?.subnetId, expected: subnetId },
  { field: 'publicIPAddress.id as PublicIpAddress.Id', actual: () => mapped.bastionHosts[0].ipConfigurations[0]?.publicIpId, expected: pipId },
  { field: 'addressSpace.addressPrefixes', actual: () => mapped.virtualNetworks[0].addressPrefixes, expected: ['10.1.0.0/16'] },
  { field: 'subnet addressPrefix as AddressPrefix', actual: () => mapped.virtualNetworks[0].subnets[0]?.addressPrefixes, expected: ['10.1.1.0/27'] },
  { field: 'subnet networkSecurityGroup as NetworkSecurityGroup', actual: () => mapped.virtualNetworks[0].subnets[0]?.networkSecurityGroupId, expected: nsgId },
  { field: 'publicIPAllocationMethod as publicIpAllocationMethod', actual: () => mapped.publicIpAddresses[0].allocationMethod, expected: 'Dynamic' },
  { field: 'rule priority as Priority', actual: () => mapped.networkSecurityGroups[0].securityRules[0]?.priority, expected: 120 },
  { field: 'rule direction as Direction', actual: () => mapped.networkSecurityGroups[0].securityRules[0]?.direction, expected: 'Inbound' },
  { field: 'rule access as ACCESS', actual: () => mapped.networkSecurityGroups[0].securityRules[0]?.access, expected: 'Allow' },
  { field: 'rule protocol as Protocol', actual: () => mapped.networkSecurityGroups[0].securityRules[0]?.protocol, expected: 'Tcp' },
  { field: 'rule sourceAddressPrefix as SourceAddressPrefix', actual: () => mapped.networkSecurityGroups[0].securityRules[0]?.sourceAddressPrefixes, expected: ['Internet'] },
];

for (const { field, actual, expected } of cases) {
  test(`a property spelled with other capitals is read: ${field}`, () => {
    assert.deepEqual(actual(), expected);
  });
}

test('a rule with every placing value spelled otherwise has nothing unresolved', () => {
  const [rule] = mapped.networkSecurityGroups[0].securityRules;
  assert.ok(rule, 'the rule is read');
  assert.equal(rule.unresolved, undefined);
  assert.deepEqual(mapped.problems, []);
});

test('the exact spelling wins over another capitalisation of the same key', () => {
  const [address] = mapArmResources([
    { id: pipId, name: 'pip-bastion', type: 'Microsoft.Network/publicIPAddresses', properties: { PublicIPAllocationMethod: 'Dynamic', publicIPAllocationMethod: 'Static' } },
  ]).publicIpAddresses;
  assert.equal(address.allocationMethod, 'Static');
});
