// azapi_resource declares a resource in ARM's own shape (type@apiVersion, parent_id, name, body);
// the network types Bastion Doctor models are read through the ARM mapping, origins on the HCL.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Finding } from '../../../../src/core/findings';
import { editableFixes } from '../../../../src/templates/edits';
import { lint, loadParsers } from '../edits/fixtureLint';
import { lineOf } from './fixtureModule';

const RG = '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub';

const BASIC_ON_DEFAULT = `resource "azapi_resource" "bastion" {
  type      = "Microsoft.Network/bastionHosts@2024-05-01"
  name      = "bastion"
  location  = "westeurope"
  parent_id = "${RG}"
  body = {
    sku = { name = "Basic" }
    properties = {
      enableTunneling = true
      ipConfigurations = [{ name = "ip", properties = { subnet = { id = "${RG}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default" } } }]
    }
  }
}
`;

function azapi(label: string, type: string, name: string, body: string): string {
  return `
resource "azapi_resource" "${label}" {
  type      = "Microsoft.Network/${type}@2024-05-01"
  name      = "${name}"
  location  = "westeurope"
  parent_id = "${RG}"
  body = ${body}
}
`;
}

/** A whole hub in azapi: VNet with an AzureBastionSubnet whose NSG lacks the outbound HTTP rule, public IP, host. */
function hub(body: (inner: string) => string, nsgRules: string): string {
  return [
    azapi('nsg', 'networkSecurityGroups', 'nsg-bastion', body(`{ properties = { securityRules = [${nsgRules}] } }`)),
    azapi('vnet', 'virtualNetworks', 'hub', body(`{
    properties = {
      addressSpace = { addressPrefixes = ["10.0.0.0/16"] }
      subnets = [{ name = "AzureBastionSubnet", properties = { addressPrefix = "10.0.0.0/26", networkSecurityGroup = { id = azapi_resource.nsg.id } } }]
    }
  }`)),
    azapi('pip', 'publicIPAddresses', 'pip', body('{ sku = { name = "Standard" }, properties = { publicIPAllocationMethod = "Static" } }')),
    azapi('bastion', 'bastionHosts', 'bastion', body(`{
    sku = { name = "Standard" }
    properties = {
      enableTunneling  = true
      ipConfigurations = [{ name = "ip", properties = { subnet = { id = "\${azapi_resource.vnet.id}/subnets/AzureBastionSubnet" }, publicIPAddress = { id = azapi_resource.pip.id } } }]
    }
  }`)),
  ].join('');
}

const RULE = (name: string, priority: number, direction: string, source: string, destination: string, port: string) =>
  `{ name = "${name}", properties = { priority = ${priority}, direction = "${direction}", access = "Allow", protocol = "Tcp", sourceAddressPrefix = "${source}", sourcePortRange = "*", destinationAddressPrefix = "${destination}", destinationPortRanges = [${port.split(',').map((p) => `"${p}"`).join(', ')}] } }`;

const RULES_WITHOUT_HTTP_OUT = [
  RULE('in-https', 100, 'Inbound', 'Internet', '*', '443'),
  RULE('in-gm', 110, 'Inbound', 'GatewayManager', '*', '443'),
  RULE('in-lb', 120, 'Inbound', 'AzureLoadBalancer', '*', '443'),
  RULE('in-vnet', 130, 'Inbound', 'VirtualNetwork', 'VirtualNetwork', '8080,5701'),
  RULE('out-vm', 100, 'Outbound', '*', 'VirtualNetwork', '22,3389'),
  RULE('out-vnet', 110, 'Outbound', 'VirtualNetwork', 'VirtualNetwork', '8080,5701'),
  RULE('out-cloud', 120, 'Outbound', '*', 'AzureCloud', '443'),
].join(',\n');

const rulesOf = (findings: Finding[]) => findings.map((f) => `${f.rule}${f.flow ? `:${f.flow}` : ''}`).filter((r) => r !== 'bastion-diagnostics-disabled').sort();

describe('azapi_resource', () => {
  before(loadParsers);

  it('a Basic host with enableTunneling on a subnet named default gives its findings, at the HCL block', () => {
    const findings = lint([{ path: 'azapi/main.tf', text: BASIC_ON_DEFAULT }]);
    const rules = rulesOf(findings);
    assert.ok(rules.includes('bastion-subnet-missing'), rules.join(', '));
    assert.ok(rules.includes('bastion-sku-feature-mismatch'), rules.join(', '));
    for (const finding of findings.filter((f) => f.rule !== 'check-incomplete')) {
      const origin = finding.resource.origin;
      assert.ok(origin?.kind === 'file' && origin.file === 'azapi/main.tf' && lineOf(origin) === 0, `${finding.rule}: ${JSON.stringify(origin)}`);
    }
  });

  for (const [shape, body] of [['HCL object', (inner: string) => inner], ['jsonencode()', (inner: string) => `jsonencode(${inner})`]] as const) {
    it(`${shape} body: a hub in azapi is read whole (VNet, subnet NSG, public IP, host), references between them resolved`, () => {
      const findings = lint([{ path: 'azapi/main.tf', text: hub(body, RULES_WITHOUT_HTTP_OUT) }]);
      assert.deepEqual(rulesOf(findings), ['bastion-nsg-missing-rule:out-internet-80'], JSON.stringify(findings.map((f) => f.message)));
    });
  }

  it('a fix on an azapi resource offers snippets, never a workspace edit (the edit builders write azurerm blocks)', () => {
    const documents = [{ path: 'azapi/main.tf', text: hub((inner) => inner, RULES_WITHOUT_HTTP_OUT) }];
    const sku = [{ path: 'azapi/main.tf', text: BASIC_ON_DEFAULT }];
    for (const [docs, finding] of [[documents, lint(documents).find((f) => f.rule === 'bastion-nsg-missing-rule')], [sku, lint(sku).find((f) => f.rule === 'bastion-sku-feature-mismatch')]] as const) {
      assert.ok(finding && finding.fixes.length > 0, 'the finding has fixes');
      assert.deepEqual(editableFixes(finding, docs, 'terraform'), [], finding.rule);
    }
  });

  it('an unknown value in the body is check-incomplete, never taken as absent', () => {
    const text = `variable "sku" {\n  type = string\n}\n${BASIC_ON_DEFAULT.replace('sku = { name = "Basic" }', 'sku = { name = var.sku }')}`;
    const rules = rulesOf(lint([{ path: 'azapi/main.tf', text }]));
    assert.ok(!rules.includes('bastion-sku-feature-mismatch'), rules.join(', '));
    assert.ok(rules.includes('check-incomplete'), rules.join(', '));
  });

  it('an azurerm subnet in an azapi VNet joins it (and an azapi subnet an azurerm VNet)', () => {
    const text = `resource "azurerm_resource_group" "rg" {
  name     = "rg-hub"
  location = "westeurope"
}
resource "azapi_resource" "vnet" {
  type      = "Microsoft.Network/virtualNetworks@2024-05-01"
  name      = "hub"
  location  = "westeurope"
  parent_id = azurerm_resource_group.rg.id
  body      = { properties = { addressSpace = { addressPrefixes = ["10.0.0.0/16"] } } }
}
resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = azurerm_resource_group.rg.name
  virtual_network_name = azapi_resource.vnet.name
  address_prefixes     = ["10.0.0.0/27"]
}
resource "azurerm_virtual_network" "spoke" {
  name                = "spoke"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.rg.name
  address_space       = ["10.1.0.0/16"]
}
resource "azapi_resource" "spoke_bastion" {
  type      = "Microsoft.Network/virtualNetworks/subnets@2024-05-01"
  name      = "AzureBastionSubnet"
  parent_id = azurerm_virtual_network.spoke.id
  body      = { properties = { addressPrefix = "10.1.0.0/28" } }
}
`;
    const findings = lint([{ path: 'azapi/main.tf', text }]);
    assert.deepEqual(rulesOf(findings), ['bastion-subnet-too-small', 'bastion-subnet-too-small'], JSON.stringify(findings.map((f) => f.message)));
  });

  it('a type not modelled (a storage account) is not read and adds nothing', () => {
    const text = `resource "azapi_resource" "sa" {\n  type      = "Microsoft.Storage/storageAccounts@2023-01-01"\n  name      = "sa"\n  parent_id = "${RG}"\n  body      = { kind = "StorageV2" }\n}\n`;
    assert.deepEqual(lint([{ path: 'azapi/main.tf', text }]), []);
  });
});
