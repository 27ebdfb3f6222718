// A Terraform fix may change a variable's default only when no variable file sets that variable:
// otherwise the file's value still wins and the finding stays. JSON variable files count too.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { applyFileEdits, editableFixes } from '../../../../src/templates/edits';
import type { TemplateDocument } from '../../../../src/templates/source';
import { lint, loadParsers } from './fixtureLint';

const MAIN = `variable "bastion_prefix" {
  type    = string
  default = "10.60.1.0/27"
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-edit"
  location            = "westeurope"
  resource_group_name = "rg-edit"
  address_space       = ["10.60.0.0/16"]
}

resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = "rg-edit"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = [var.bastion_prefix]
}

resource "azurerm_public_ip" "bastion" {
  name                = "pip-edit"
  location            = "westeurope"
  resource_group_name = "rg-edit"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_bastion_host" "hub" {
  name                = "bas-edit"
  location            = "westeurope"
  resource_group_name = "rg-edit"

  ip_configuration {
    name                 = "configuration"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
}
`;

const resizeFixes = (documents: TemplateDocument[]) =>
  lint(documents).filter((f) => f.rule === 'bastion-subnet-too-small').flatMap((finding) => editableFixes(finding, documents, 'terraform').map((fix) => ({ finding, ...fix })));

describe('Terraform fixes and variable files', () => {
  before(loadParsers);

  it('widen the subnet through the variable default when nothing else sets it', () => {
    const documents = [{ path: '/m/main.tf', text: MAIN }];
    const [fix] = resizeFixes(documents);
    assert.ok(fix, 'a fix that edits the default');
    assert.deepEqual(lint(applyFileEdits(documents, fix.edits)).filter((f) => f.rule === 'bastion-subnet-too-small'), []);
  });

  for (const [name, text] of [['terraform.tfvars', 'bastion_prefix = "10.60.1.0/27"\n'], ['terraform.tfvars.json', '{ "bastion_prefix": "10.60.1.0/27" }\n']]) {
    it(`offer no edit of the default when ${name} sets the variable`, () => {
      const documents = [{ path: '/m/main.tf', text: MAIN }, { path: `/m/${name}`, text }];
      assert.equal(lint(documents).filter((f) => f.rule === 'bastion-subnet-too-small').length, 1, 'the /27 comes from the variable file');
      assert.deepEqual(resizeFixes(documents), []);
    });
  }
});
