# A Bastion host, its VNet and AzureBastionSubnet; the subnet's NSG is declared in nsg.tf. The
# folder is one Terraform module, and Bastion Doctor reads it as one.
resource "azurerm_virtual_network" "hub" {
  name                = "vnet-sample-tfmod"
  location            = "westeurope"
  resource_group_name = "rg-sample-tfmod"
  address_space       = ["10.21.0.0/16"]
}

resource "azurerm_subnet" "bastion" {
  name                 = "AzureBastionSubnet"
  resource_group_name  = "rg-sample-tfmod"
  virtual_network_name = azurerm_virtual_network.hub.name
  address_prefixes     = ["10.21.1.0/26"]
}

resource "azurerm_subnet_network_security_group_association" "bastion" {
  subnet_id                 = azurerm_subnet.bastion.id
  network_security_group_id = azurerm_network_security_group.bastion.id
}

resource "azurerm_public_ip" "bastion" {
  name                = "pip-sample-tfmod-bastion"
  location            = "westeurope"
  resource_group_name = "rg-sample-tfmod"
  allocation_method   = "Static"
  sku                 = "Standard"
}

resource "azurerm_bastion_host" "hub" {
  name                = "bas-sample-tfmod"
  location            = "westeurope"
  resource_group_name = "rg-sample-tfmod"
  sku                 = "Standard"
  tunneling_enabled   = true

  ip_configuration {
    name                 = "configuration"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
}

resource "azurerm_monitor_diagnostic_setting" "bastion_audit" {
  name                       = "bastion-audit"
  target_resource_id         = azurerm_bastion_host.hub.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sample-tfmod/providers/Microsoft.OperationalInsights/workspaces/law-sample-tfmod"

  enabled_log {
    category = "BastionAuditLogs"
  }
}
