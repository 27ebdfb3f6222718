// Environments served by the fake ARM: the healthy hub from test/support/arm.ts, plus a spoke
// VNet peered both ways with a VM in it, and a second spoke peered only to the first spoke
// (beyond the Bastion's reach). With `spokeSubscription` both spokes and their VMs live in another
// subscription, as in a landing zone (hub in the connectivity subscription, spokes elsewhere).
import {
  armDiagnosticSetting,
  armNic,
  armBastionHost,
  armNsg,
  armPeering,
  armPublicIp,
  armResourceId,
  armSecurityRule,
  armSubnet,
  armVirtualNetwork,
  armVm,
  compliantBastionNsgRules,
  hubScenario,
  subnetIdOf,
  SUBSCRIPTION_ID,
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
  spokeNicId: string;
  spokeNsgId: string;
  /** The subscription of the spokes (the hub's unless `spokeSubscription` was given). */
  spokeSubscriptionId: string;
  diagnosticSettingId: string;
}

/** A second subscription of the same tenant, for the spokes of a landing zone. */
export const SPOKE_SUBSCRIPTION_ID = '3f9a4c2e-7b1d-4e6a-9c8f-2d5e7a1b4c90';

const vnetId = (name: string, subscription?: string) => armResourceId('Microsoft.Network/virtualNetworks', [name], { subscription });
const vmId = (name: string, subscription?: string) => armResourceId('Microsoft.Compute/virtualMachines', [name], { subscription });

export interface HubAndSpokeOptions {
  bastion?: BastionHostOptions;
  bastionRules?: ReturnType<typeof compliantBastionNsgRules>;
  spokeVmPower?: string;
  /** Put both spokes, their NSG, NICs and VMs in this subscription instead of the hub's. */
  spokeSubscription?: string;
  /** The spoke's side of the hub peering (default Connected). */
  spokeToHubState?: string;
}

export function hubAndSpoke(options: HubAndSpokeOptions = {}): HubAndSpoke {
  const hub = hubScenario(options.bastion);
  const subscription = options.spokeSubscription;
  const spoke = { subscription };
  const bastionNsg = armNsg({ name: 'nsg-bastion', rules: options.bastionRules ?? compliantBastionNsgRules() });
  const hubVnet = armVirtualNetwork({
    name: 'vnet-hub',
    subnets: [
      armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26', nsg: bastionNsg }),
      armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' }),
    ],
    peerings: [armPeering({ name: 'hub-to-spoke', remoteVnet: vnetId('vnet-spoke', subscription), remoteAddressPrefixes: ['10.1.0.0/16'] })],
  });
  const spokeNsg = armNsg({
    ...spoke,
    name: 'nsg-spoke-workload',
    rules: [armSecurityRule({ name: 'AllowSshFromBastion', priority: 100, source: '10.0.1.0/26', destinationPort: '22' })],
  });
  const spokeVnet = armVirtualNetwork({
    ...spoke,
    name: 'vnet-spoke',
    addressPrefixes: ['10.1.0.0/16'],
    subnets: [armSubnet({ name: 'snet-app', addressPrefix: '10.1.1.0/24', nsg: spokeNsg })],
    peerings: [
      armPeering({ name: 'spoke-to-hub', remoteVnet: vnetId('vnet-hub'), remoteAddressPrefixes: ['10.0.0.0/16'], state: options.spokeToHubState }),
      armPeering({ name: 'spoke-to-far', remoteVnet: vnetId('vnet-far', subscription), remoteAddressPrefixes: ['10.2.0.0/16'] }),
    ],
  });
  const farVnet = armVirtualNetwork({
    ...spoke,
    name: 'vnet-far',
    addressPrefixes: ['10.2.0.0/16'],
    subnets: [armSubnet({ name: 'snet-far', addressPrefix: '10.2.1.0/24' })],
    peerings: [armPeering({ name: 'far-to-spoke', remoteVnet: vnetId('vnet-spoke', subscription), remoteAddressPrefixes: ['10.1.0.0/16'] })],
  });
  const spokeNic = armNic({ ...spoke, name: 'nic-vm-app-01', subnet: subnetIdOf(spokeVnet, 'snet-app'), privateIp: '10.1.1.4', vm: vmId('vm-app-01', subscription) });
  const spokeVm = armVm({ ...spoke, name: 'vm-app-01', nics: [spokeNic], powerState: options.spokeVmPower ?? 'running' });
  const farNic = armNic({ ...spoke, name: 'nic-vm-far-01', subnet: subnetIdOf(farVnet, 'snet-far'), privateIp: '10.2.1.4', vm: vmId('vm-far-01', subscription) });
  const farVm = armVm({ ...spoke, name: 'vm-far-01', nics: [farNic] });
  const diagnostics = armDiagnosticSetting({ target: hub.bastion });
  return {
    resources: [hubVnet, bastionNsg, hub.publicIp, hub.bastion, hub.nic, hub.vm, spokeVnet, spokeNsg, spokeNic, spokeVm, farVnet, farNic, farVm, diagnostics],
    hostId: hub.bastion.id,
    hubVmId: hub.vm.id,
    spokeVmId: spokeVm.id,
    farVmId: farVm.id,
    bastionNsgId: bastionNsg.id,
    spokeVnetId: spokeVnet.id,
    spokeNicId: spokeNic.id,
    spokeNsgId: spokeNsg.id,
    spokeSubscriptionId: subscription ?? SUBSCRIPTION_ID,
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

/** A subscription the user did not select, holding what the hub's host points at. */
export const SHARED_SUBSCRIPTION_ID = '6d4b2f8e-1a3c-4e5d-9f7a-0b8c2d4e6f13';

/**
 * The hub host in the selected subscription, its Bastion NSG (missing the GatewayManager rule)
 * and its public IP in the shared one; with `vnetElsewhere` its VNet too.
 */
export function hubWithSharedParts(options: { vnetElsewhere?: boolean } = {}) {
  const shared = { subscription: SHARED_SUBSCRIPTION_ID, rg: 'rg-shared-network' };
  const nsg = armNsg({ ...shared, name: 'nsg-bastion-shared', rules: rulesWithoutGatewayManager() });
  const publicIp = armPublicIp({ ...shared, name: 'pip-bastion-shared' });
  const vnet = armVirtualNetwork({ ...(options.vnetElsewhere ? shared : {}), name: 'vnet-hub', subnets: [armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26', nsg })] });
  const host = armBastionHost({ subnet: subnetIdOf(vnet), publicIp });
  return { resources: [nsg, publicIp, vnet, host], nsg, publicIp, vnet, host };
}
