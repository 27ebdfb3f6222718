// A hub whose AzureBastionSubnet gets its NSG from a shared module in another folder
// (../modules/bastion-nsg.bicep). The problem is in the module, and only this caller puts it on
// AzureBastionSubnet: Bastion Doctor follows the module and shows the finding here, on the module
// declaration; the quick fix edits the module.
param location string = resourceGroup().location

module bastionNsg '../modules/bastion-nsg.bicep' = {
  name: 'bastion-nsg'
  params: {
    name: 'nsg-sample-hub-bastion'
    location: location
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2023-09-01' = {
  name: 'vnet-sample-hub'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'AzureBastionSubnet'
        properties: {
          addressPrefix: '10.40.1.0/26'
          networkSecurityGroup: {
            id: bastionNsg.outputs.id
          }
        }
      }
    ]
  }
}

resource publicIp 'Microsoft.Network/publicIPAddresses@2023-09-01' = {
  name: 'pip-sample-hub-bastion'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
  }
}

resource bastion 'Microsoft.Network/bastionHosts@2023-09-01' = {
  name: 'bas-sample-hub'
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    enableTunneling: true
    ipConfigurations: [
      {
        name: 'IpConf'
        properties: {
          subnet: {
            id: '${vnet.id}/subnets/AzureBastionSubnet'
          }
          publicIPAddress: {
            id: publicIp.id
          }
        }
      }
    ]
  }
}

resource bastionAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'bastion-audit'
  scope: bastion
  properties: {
    workspaceId: resourceId('Microsoft.OperationalInsights/workspaces', 'law-sample-hub')
    logs: [
      {
        category: 'BastionAuditLogs'
        enabled: true
      }
    ]
  }
}
