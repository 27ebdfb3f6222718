import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armBastionHost, armPublicIp, armResourceId, armVirtualNetwork, subnetIdOf } from '../../support/arm';

const vnet = armVirtualNetwork();
const publicIp = armPublicIp();

test('a Standard Bastion host maps every field of the GET payload', () => {
  const resource = armBastionHost({
    sku: 'Standard',
    features: { enableTunneling: true, enableShareableLink: true },
    scaleUnits: 4,
    zones: ['1', '2', '3'],
    tags: { env: 'prod' },
    subnet: subnetIdOf(vnet),
    publicIp,
  });
  const [host] = mapArmResources([resource, vnet, publicIp]).bastionHosts;
  assert.equal(host.id, resource.id);
  assert.equal(host.name, 'bas-contoso-hub');
  assert.equal(host.location, 'westeurope');
  assert.equal(host.sku, 'Standard');
  assert.equal(host.provisioningState, 'Succeeded');
  assert.equal(host.scaleUnits, 4);
  assert.deepEqual(host.zones, ['1', '2', '3']);
  assert.deepEqual(host.tags, { env: 'prod' });
  assert.match(host.dnsName ?? '', /\.bastion\.azure\.com$/);
  assert.deepEqual(host.features, {
    disableCopyPaste: false,
    enableIpConnect: false,
    enableKerberos: false,
    enablePrivateOnlyBastion: false,
    enableSessionRecording: false,
    enableShareableLink: true,
    enableTunneling: true,
  });
  assert.deepEqual(host.ipConfigurations, [
    { name: 'IpConf', subnetId: subnetIdOf(vnet), publicIpId: publicIp.id, privateIpAllocationMethod: 'Dynamic', provisioningState: 'Succeeded' },
  ]);
  assert.deepEqual(host.origin, { kind: 'arm', id: resource.id });
  assert.equal(host.virtualNetworkId, undefined);
  assert.equal(host.apiVersion, undefined, 'a GET payload has no apiVersion');
});

test('a Developer Bastion host maps its VNet and network ACL prefixes', () => {
  const resource = armBastionHost({ sku: 'Developer', virtualNetwork: vnet, ipRules: ['203.0.113.0/24', '198.51.100.7/32'] });
  const [host] = mapArmResources([resource, vnet]).bastionHosts;
  assert.equal(host.sku, 'Developer');
  assert.equal(host.virtualNetworkId, vnet.id);
  assert.deepEqual(host.networkAclAddressPrefixes, ['203.0.113.0/24', '198.51.100.7/32']);
  assert.deepEqual(host.ipConfigurations, []);
  assert.deepEqual(host.features, {});
});

test('feature flags absent from the payload stay absent; string booleans are read', () => {
  const resource = armBastionHost({ sku: 'Basic', properties: { enableTunneling: 'true', enableKerberos: undefined } });
  delete (resource.properties as Record<string, unknown>).enableIpConnect;
  const [host] = mapArmResources([resource]).bastionHosts;
  assert.equal(host.features.enableTunneling, true);
  assert.equal('enableIpConnect' in host.features, false);
  assert.equal('enableKerberos' in host.features, false);
});

test('an unknown SKU name is kept as written for the checks to name', () => {
  const resource = armBastionHost({ sku: 'Ultra' });
  assert.equal(mapArmResources([resource]).bastionHosts[0].sku, 'Ultra');
});

test('a template declaration records its apiVersion and declared property names', () => {
  const declared = {
    type: 'Microsoft.Network/bastionHosts',
    apiVersion: '2022-01-01',
    name: 'bas-template',
    location: 'westeurope',
    sku: { name: 'Standard' },
    properties: { enableTunneling: true, ipConfigurations: [] },
  };
  const [host] = mapArmResources([declared]).bastionHosts;
  assert.equal(host.id, '/providers/Microsoft.Network/bastionHosts/bas-template');
  assert.equal(host.apiVersion, '2022-01-01');
  assert.deepEqual(host.declaredProperties, ['enableTunneling', 'ipConfigurations']);
});

test('Bastion host resource types match case-insensitively', () => {
  for (const type of ['microsoft.network/bastionhosts', 'MICROSOFT.NETWORK/BASTIONHOSTS', 'Microsoft.Network/BastionHosts']) {
    const resource = { ...armBastionHost({ publicIp: null }), type };
    const topology = mapArmResources([resource]);
    assert.equal(topology.bastionHosts.length, 1, type);
  }
});

test('a Bastion ipConfiguration without a public IP (private-only) maps without one', () => {
  const resource = armBastionHost({ sku: 'Premium', publicIp: null, features: { enablePrivateOnlyBastion: true } });
  const [host] = mapArmResources([resource, vnet]).bastionHosts;
  assert.equal(host.ipConfigurations[0].publicIpId, undefined);
  assert.equal(host.features.enablePrivateOnlyBastion, true);
  assert.equal(armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub']), vnet.id);
});
