// Environments served by the fake ARM: the healthy hub from test/support/arm.ts, plus a spoke
// VNet peered both ways with a VM in it, and a second spoke peered only to the first spoke
// (beyond the Bastion's reach).
import {
  armDiagnosticSetting,
  armNic,
  armNsg,
  armPeering,
  armResourceId,
  armSecurityRule,
  armSubnet,
  armVirtualNetwork,
  armVm,
  compliantBastionNsgRules,
  hubScenario,
  subnetIdOf,
  type ArmResource,
  type BastionHostOptions,
} from '../support/arm';

export interface HubAndSpoke {
  resources: ArmResource[];
  hostId: string;
  hubVmId: string;
  spokeVmId: string;
  farVmId: string;
  bastionNsgId: string;
  spokeVnetId: string;
  diagnosticSettingId: string;
}

const vnetId = (name: string) => armResourceId('Microsoft.Network/virtualNetworks', [name]);
const vmId = (name: string) => armResourceId('Microsoft.Compute/virtualMachines', [name]);

export function hubAndSpoke(options: { bastion?: BastionHostOptions; bastionRules?: ReturnType<typeof compliantBastionNsgRules>; spokeVmPower?: string } = {}): HubAndSpoke {
  const hub = hubScenario(options.bastion);
  const bastionNsg = armNsg({ name: 'nsg-bastion', rules: options.bastionRules ?? compliantBastionNsgRules() });
  const hubVnet = armVirtualNetwork({
    name: 'vnet-hub',
    subnets: [
      armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26', nsg: bastionNsg }),
      armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' }),
    ],
    peerings: [armPeering({ name: 'hub-to-spoke', remoteVnet: vnetId('vnet-spoke'), remoteAddressPrefixes: ['10.1.0.0/16'] })],
  });
  const spokeNsg = armNsg({
    name: 'nsg-spoke-workload',
    rules: [armSecurityRule({ name: 'AllowSshFromBastion', priority: 100, source: '10.0.1.0/26', destinationPort: '22' })],
  });
  const spokeVnet = armVirtualNetwork({
    name: 'vnet-spoke',
    addressPrefixes: ['10.1.0.0/16'],
    subnets: [armSubnet({ name: 'snet-app', addressPrefix: '10.1.1.0/24', nsg: spokeNsg })],
    peerings: [
      armPeering({ name: 'spoke-to-hub', remoteVnet: vnetId('vnet-hub'), remoteAddressPrefixes: ['10.0.0.0/16'] }),
      armPeering({ name: 'spoke-to-far', remoteVnet: vnetId('vnet-far'), remoteAddressPrefixes: ['10.2.0.0/16'] }),
    ],
  });
  const farVnet = armVirtualNetwork({
    name: 'vnet-far',
    addressPrefixes: ['10.2.0.0/16'],
    subnets: [armSubnet({ name: 'snet-far', addressPrefix: '10.2.1.0/24' })],
    peerings: [armPeering({ name: 'far-to-spoke', remoteVnet: vnetId('vnet-spoke'), remoteAddressPrefixes: ['10.1.0.0/16'] })],
  });
  const spokeNic = armNic({ name: 'nic-vm-app-01', subnet: subnetIdOf(spokeVnet, 'snet-app'), privateIp: '10.1.1.4', vm: vmId('vm-app-01') });
  const spokeVm = armVm({ name: 'vm-app-01', nics: [spokeNic], powerState: options.spokeVmPower ?? 'running' });
  const farNic = armNic({ name: 'nic-vm-far-01', subnet: subnetIdOf(farVnet, 'snet-far'), privateIp: '10.2.1.4', vm: vmId('vm-far-01') });
  const farVm = armVm({ name: 'vm-far-01', nics: [farNic] });
  const diagnostics = armDiagnosticSetting({ target: hub.bastion });
  return {
    resources: [hubVnet, bastionNsg, hub.publicIp, hub.bastion, hub.nic, hub.vm, spokeVnet, spokeNsg, spokeNic, spokeVm, farVnet, farNic, farVm, diagnostics],
    hostId: hub.bastion.id,
    hubVmId: hub.vm.id,
    spokeVmId: spokeVm.id,
    farVmId: farVm.id,
    bastionNsgId: bastionNsg.id,
    spokeVnetId: spokeVnet.id,
    diagnosticSettingId: diagnostics.id,
  };
}

/**
 * The Bastion NSG rules without AllowGatewayManagerInbound, with HTTPS limited to a public range
 * (an Internet allow on 443 would cover GatewayManager, which is inside Internet).
 */
export function rulesWithoutGatewayManager(): ReturnType<typeof compliantBastionNsgRules> {
  return compliantBastionNsgRules()
    .filter((rule) => rule.name !== 'AllowGatewayManagerInbound')
    .map((rule) => (rule.name === 'AllowHttpsInbound' ? armSecurityRule({ name: 'AllowHttpsInbound', priority: 120, source: '203.0.113.0/24', destinationPort: '443' }) : rule));
}
