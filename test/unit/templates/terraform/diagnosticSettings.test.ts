// azurerm_monitor_diagnostic_setting is read, so a Terraform Bastion host gets the same
// bastion-diagnostics-disabled answer as an ARM or Bicep one.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { lint, loadParsers } from '../edits/fixtureLint';

const HOST = `
variable "target" {
  type = string
}

resource "azurerm_virtual_network" "hub" {
  name                = "hub"
  location            = "westeurope"
  resource_group_name = "rg"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = "rg"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.0.0.0/26"]
}

resource "azurerm_public_ip" "bastion" {
  name                = "bastion-pip"
  location            = "westeurope"
  resource_group_name = "rg"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_bastion_host" "bastion" {
  name                = "bastion"
  location            = "westeurope"
  resource_group_name = "rg"
  sku                 = "Standard"
  tunneling_enabled   = true
  ip_configuration {
    name                 = "ip"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
}
`;

function setting(target: string, logs: string): string {
  return `
resource "azurerm_monitor_diagnostic_setting" "bastion" {
  name                       = "to-law"
  target_resource_id         = ${target}
  log_analytics_workspace_id = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
${logs}
  metric {
    category = "AllMetrics"
  }
}
`;
}

const HOST_ID = 'azurerm_bastion_host.bastion.id';

const CASES: { name: string; extra: string; expected: string[]; message?: RegExp }[] = [
  { name: 'no setting', extra: '', expected: ['bastion-diagnostics-disabled'], message: /files linted declare no diagnostic setting for Bastion host bastion/ },
  { name: 'enabled_log BastionAuditLogs', extra: setting(HOST_ID, '  enabled_log {\n    category = "BastionAuditLogs"\n  }'), expected: [] },
  { name: 'enabled_log category_group allLogs', extra: setting(HOST_ID, '  enabled_log {\n    category_group = "allLogs"\n  }'), expected: [] },
  { name: 'legacy log block, enabled by default', extra: setting(HOST_ID, '  log {\n    category = "BastionAuditLogs"\n  }'), expected: [] },
  { name: 'legacy log block, disabled', extra: setting(HOST_ID, '  log {\n    category = "BastionAuditLogs"\n    enabled  = false\n  }'), expected: ['bastion-diagnostics-disabled'], message: /No diagnostic setting on Bastion host bastion sends BastionAuditLogs/ },
  { name: 'metrics only', extra: setting(HOST_ID, ''), expected: ['bastion-diagnostics-disabled'], message: /No diagnostic setting on Bastion host bastion sends/ },
  { name: 'another resource', extra: setting('azurerm_public_ip.bastion.id', '  enabled_log {\n    category_group = "allLogs"\n  }'), expected: ['bastion-diagnostics-disabled'], message: /declare no diagnostic setting/ },
  { name: 'target unknown', extra: setting('var.target', '  enabled_log {\n    category_group = "allLogs"\n  }'), expected: ['check-incomplete', 'check-incomplete'], message: /Whether a diagnostic setting sends bastion's BastionAuditLogs is not decided/ },
  { name: 'for_each not known', extra: setting(HOST_ID, '  enabled_log {\n    category_group = "allLogs"\n  }').replace('name                       = "to-law"', 'for_each                   = var.settings\n  name                       = each.key')
    + 'variable "settings" {\n  type = map(string)\n}\n', expected: ['check-incomplete', 'check-incomplete'], message: /Whether a diagnostic setting sends bastion's BastionAuditLogs is not decided/ },
];

describe('Terraform diagnostic settings', () => {
  before(loadParsers);
  for (const { name, extra, expected, message } of CASES) {
    it(`${name}: ${expected.join(', ') || 'no diagnostics finding'}`, () => {
      const findings = lint([{ path: 'diag/main.tf', text: HOST + extra }]).filter((f) => f.layer === 'logs');
      assert.deepEqual(findings.map((f) => f.rule), expected, JSON.stringify(findings.map((f) => f.message)));
      if (message) assert.ok(findings.some((f) => message.test(f.message)), JSON.stringify(findings.map((f) => f.message)));
    });
  }

  it('the setting found is shown with its origin', () => {
    const findings = lint([{ path: 'diag/main.tf', text: HOST + setting(HOST_ID, '') }]).filter((f) => f.rule === 'bastion-diagnostics-disabled');
    const origin = findings[0].evidence[0]?.origin;
    assert.ok(origin?.kind === 'file' && origin.file === 'diag/main.tf', JSON.stringify(findings[0].evidence));
  });
});

describe('Terraform element names', () => {
  before(loadParsers);
  it('a name that evaluates to "" (a module default its caller overrides) is shown as the Terraform address', () => {
    const text = HOST.replace('name                = "bastion"\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku', 'name                = lower(var.bastion_name)\n  location            = "westeurope"\n  resource_group_name = "rg"\n  sku')
      + 'variable "bastion_name" {\n  default = ""\n}\n';
    const findings = lint([{ path: 'diag/main.tf', text }]).filter((f) => f.rule === 'bastion-diagnostics-disabled');
    assert.match(findings[0]?.message ?? '', /for Bastion host azurerm_bastion_host\.bastion;/);
  });
});
