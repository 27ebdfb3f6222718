import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkSecurityGroup, Topology } from '../../../../src/core/model';
import { lineOf, loadFixture } from './fixtureModule';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const REQUIRED_RULES = [
  'AllowHttpsInbound', 'AllowGatewayManagerInbound', 'AllowAzureLoadBalancerInbound', 'AllowBastionHostCommunication',
  'AllowSshRdpOutbound', 'AllowAzureCloudOutbound', 'AllowBastionCommunication', 'AllowHttpOutbound',
];

function counts(topology: Topology) {
  return {
    bastionHosts: topology.bastionHosts.length,
    virtualNetworks: topology.virtualNetworks.length,
    subnets: topology.virtualNetworks.flatMap((v) => v.subnets).length,
    networkSecurityGroups: topology.networkSecurityGroups.length,
    securityRules: topology.networkSecurityGroups.flatMap((n) => n.securityRules).length,
    routeTables: topology.routeTables.length,
    routes: topology.routeTables.flatMap((r) => r.routes).length,
    networkInterfaces: topology.networkInterfaces.length,
    virtualMachines: topology.virtualMachines.length,
    publicIpAddresses: topology.publicIpAddresses.length,
    problems: topology.problems.length,
  };
}

function subnet(topology: Topology, name: string) {
  const found = topology.virtualNetworks.flatMap((v) => v.subnets).find((s) => s.name === name);
  assert.ok(found, `subnet ${name}`);
  return found;
}

function nsgNamed(topology: Topology, name: string): NetworkSecurityGroup {
  const found = topology.networkSecurityGroups.find((n) => n.name === name);
  assert.ok(found, `nsg ${name}`);
  return found;
}

describe('Terraform fixtures → topology', () => {
  it('compliant-inline: 8 inline rules with their own block origins, association origin, Standard host', async () => {
    const { topology, parseDiagnostics } = await loadFixture('compliant-inline');
    assert.deepEqual(parseDiagnostics, []);
    assert.deepEqual(counts(topology), {
      bastionHosts: 1, virtualNetworks: 1, subnets: 2, networkSecurityGroups: 1, securityRules: 8, routeTables: 0,
      routes: 0, networkInterfaces: 1, virtualMachines: 1, publicIpAddresses: 1, problems: 0,
    });
    const nsg = nsgNamed(topology, 'nsg-bastion-weu');
    assert.equal(nsg.id, `${SUB}/resourceGroups/rg-hub-weu/providers/Microsoft.Network/networkSecurityGroups/nsg-bastion-weu`);
    assert.deepEqual(nsg.securityRules.map((r) => r.name), REQUIRED_RULES);
    assert.deepEqual(nsg.securityRules.map((r) => lineOf(r.origin)), [33, 45, 57, 69, 81, 93, 105, 117]);
    assert.equal(lineOf(nsg.origin), 28);
    const [https, , , dataPlane] = nsg.securityRules;
    assert.deepEqual(
      { priority: https.priority, direction: https.direction, access: https.access, protocol: https.protocol, src: https.sourceAddressPrefixes, dst: https.destinationAddressPrefixes, ports: https.destinationPortRanges, srcPorts: https.sourcePortRanges },
      { priority: 120, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', src: ['Internet'], dst: ['*'], ports: ['443'], srcPorts: ['*'] },
    );
    assert.deepEqual(dataPlane.destinationPortRanges, ['8080', '5701']);
    const bastionSubnet = subnet(topology, 'AzureBastionSubnet');
    assert.deepEqual(bastionSubnet.addressPrefixes, ['10.10.1.0/26']);
    assert.equal(bastionSubnet.networkSecurityGroupId, nsg.id);
    assert.equal(lineOf(bastionSubnet.origin), 14);
    assert.equal(lineOf(bastionSubnet.networkSecurityGroupAssociationOrigin), 130);
    const [host] = topology.bastionHosts;
    assert.equal(host.sku, 'Standard');
    assert.deepEqual(host.features, { enableTunneling: true, disableCopyPaste: false });
    assert.equal(host.scaleUnits, 2);
    assert.equal(host.ipConfigurations[0].subnetId, bastionSubnet.id);
    assert.equal(host.ipConfigurations[0].publicIpId, topology.publicIpAddresses[0].id);
    assert.deepEqual([topology.publicIpAddresses[0].skuName, topology.publicIpAddresses[0].allocationMethod], ['Standard', 'Static']);
    const [vm] = topology.virtualMachines;
    assert.equal(vm.osType, 'Linux');
    assert.deepEqual(vm.networkInterfaceIds, [topology.networkInterfaces[0].id]);
    assert.equal(topology.networkInterfaces[0].virtualMachineId, vm.id);
    assert.equal(topology.networkInterfaces[0].ipConfigurations[0].subnetId, subnet(topology, 'snet-workload').id);
  });

  it('separate-rules: azurerm_network_security_rule resources join their NSG; sku defaults to Basic', async () => {
    const { topology } = await loadFixture('separate-rules');
    assert.equal(counts(topology).securityRules, 8);
    const nsg = nsgNamed(topology, 'nsg-bastion-neu');
    assert.deepEqual([...nsg.securityRules.map((r) => r.name)].sort(), [...REQUIRED_RULES].sort());
    const ssh = nsg.securityRules.find((r) => r.name === 'AllowSshRdpOutbound');
    assert.equal(ssh?.origin.kind === 'file' && ssh.origin.file, 'separate-rules/nsg-rules.tf');
    assert.equal(lineOf(ssh?.origin), 56);
    assert.deepEqual(ssh?.destinationPortRanges, ['22', '3389']);
    assert.equal(topology.bastionHosts[0].sku, 'Basic');
    assert.deepEqual(topology.bastionHosts[0].features, {});
    assert.deepEqual(subnet(topology, 'AzureBastionSubnet').addressPrefixes, ['10.20.0.0/26']);
  });

  it('dynamic-rules: a dynamic block over a local list with an iterator, inline VNet subnets', async () => {
    const { topology } = await loadFixture('dynamic-rules');
    const nsg = nsgNamed(topology, 'nsg-conn-sec-bastion');
    assert.deepEqual(nsg.securityRules.map((r) => [r.name, r.priority, r.direction]), [
      ['AllowHttpsInbound', 120, 'Inbound'], ['AllowGatewayManagerInbound', 130, 'Inbound'],
      ['AllowAzureLoadBalancerInbound', 140, 'Inbound'], ['AllowBastionHostCommunication', 150, 'Inbound'],
      ['AllowSshRdpOutbound', 100, 'Outbound'], ['AllowAzureCloudOutbound', 110, 'Outbound'],
      ['AllowBastionCommunication', 120, 'Outbound'], ['AllowHttpOutbound', 130, 'Outbound'],
    ]);
    assert.ok(nsg.securityRules.every((r) => lineOf(r.origin) === 40), 'each expanded rule points at the dynamic block');
    const bastionSubnet = subnet(topology, 'AzureBastionSubnet');
    assert.equal(lineOf(bastionSubnet.origin), 23);
    assert.equal(bastionSubnet.networkSecurityGroupId, nsg.id);
    const [host] = topology.bastionHosts;
    assert.equal(host.sku, 'Premium');
    assert.equal(host.ipConfigurations[0].subnetId, bastionSubnet.id);
    assert.deepEqual(host.zones, ['1', '2', '3']);
    assert.deepEqual(host.features, { enableTunneling: true, enableIpConnect: true, enableFileCopy: true, enableSessionRecording: false });
  });

  it('route-table: inline and separate routes, for_each association origins on both subnets', async () => {
    const { topology } = await loadFixture('route-table');
    const [table] = topology.routeTables;
    assert.deepEqual(table.routes.map((r) => [r.name, r.addressPrefix, r.nextHopType, r.nextHopIpAddress]), [
      ['default-to-firewall', '0.0.0.0/0', 'VirtualAppliance', '10.0.0.4'],
      ['onprem-via-gateway', '192.168.0.0/16', 'VirtualNetworkGateway', undefined],
    ]);
    assert.equal(table.disableBgpRoutePropagation, true);
    for (const name of ['AzureBastionSubnet', 'snet-workload']) {
      assert.equal(subnet(topology, name).routeTableId, table.id);
      assert.equal(lineOf(subnet(topology, name).routeTableAssociationOrigin), 56);
    }
  });

  it('traps: for_each over a map of rules, tfvars SKU, look-alike NSG and route table on another subnet', async () => {
    const { topology, suppressions } = await loadFixture('traps');
    const bastionNsg = nsgNamed(topology, 'nsg-platform-abs');
    assert.equal(bastionNsg.securityRules.length, 9);
    assert.equal(subnet(topology, 'AzureBastionSubnet').networkSecurityGroupId, bastionNsg.id);
    assert.equal(subnet(topology, 'AzureBastionSubnet').routeTableId, undefined);
    assert.equal(subnet(topology, 'snet-apps').networkSecurityGroupId, nsgNamed(topology, 'nsg-bastion-apps').id);
    assert.equal(subnet(topology, 'snet-apps').routeTableId, topology.routeTables[0].id);
    const https = bastionNsg.securityRules.find((r) => r.name === 'AllowHttpsInbound');
    assert.deepEqual([https?.priority, https?.sourceAddressPrefixes, lineOf(https?.origin)], [120, ['Internet'], 56]);
    assert.equal(topology.bastionHosts[0].sku, 'Standard', 'terraform.tfvars overrides the default "Basic"');
    assert.equal(topology.bastionHosts[0].features.enableTunneling, true);
    assert.deepEqual(suppressions, [{ path: 'traps/main.tf', line: 133, ruleIds: ['bastion-native-client-disabled'] }]);
  });

  it('a named var file overrides terraform.tfvars', async () => {
    const { fixtureFiles } = await import('./fixtureModule');
    const files = [...fixtureFiles('traps'), { path: 'traps/dev.tfvars', text: 'bastion_sku = "Premium"\n' }];
    const { terraformModuleToTopology } = await import('../../../../src/templates/terraform');
    const withVarFile = await terraformModuleToTopology(files, { varFile: 'traps/dev.tfvars' });
    const withoutVarFile = await terraformModuleToTopology(files);
    assert.equal(withVarFile.topology.bastionHosts[0].sku, 'Premium');
    assert.equal(withoutVarFile.topology.bastionHosts[0].sku, 'Standard');
  });

  it('unresolved: variables without defaults, data sources and registry modules stay unresolved with reasons', async () => {
    const { topology } = await loadFixture('unresolved');
    const [host] = topology.bastionHosts;
    assert.equal(host.sku, undefined);
    assert.deepEqual(host.unresolved, [
      { field: 'sku', reason: "variable 'bastion_sku' has no default; terraform.tfvars would decide it" },
      { field: 'ipConfigurations.publicIpId', reason: "data source 'data.azurerm_public_ip.existing' is read from Azure at plan time" },
    ]);
    const bastionSubnet = subnet(topology, 'AzureBastionSubnet');
    assert.deepEqual(bastionSubnet.addressPrefixes, []);
    assert.deepEqual(bastionSubnet.unresolved?.find((u) => u.field === 'addressPrefixes'), {
      field: 'addressPrefixes', reason: "variable 'bastion_subnet_prefix' has no default; terraform.tfvars would decide it",
    });
    assert.match(topology.virtualNetworks[0].unresolved?.[0].reason ?? '', /data source 'data.azurerm_virtual_network.hub' is read from Azure at plan time/);
    const [nsg] = topology.networkSecurityGroups;
    assert.equal(nsg.name, 'azurerm_network_security_group.bastion');
    assert.match(nsg.unresolved?.[0].reason ?? '', /module 'naming' \(source "Azure\/naming\/azurerm"\) is not evaluated/);
    assert.equal(nsg.securityRules.length, 1);
  });

  it('syntax-error: reports the error with its range and keeps what parsed', async () => {
    const { topology, parseDiagnostics } = await loadFixture('syntax-error');
    assert.deepEqual(parseDiagnostics.map((d) => [d.path, d.range.start.line, d.range.start.character]), [['syntax-error/main.tf', 19, 19]]);
    assert.equal(topology.publicIpAddresses.length, 1);
    const [nsg] = topology.networkSecurityGroups;
    assert.deepEqual(nsg.securityRules.map((r) => r.name), ['AllowHttpsInbound']);
    assert.match(nsg.unresolved?.[0].reason ?? '', /security rule "Broken": direction, access missing or not known/);
  });
});
