// vm-not-reachable / vm-peering-not-connected. A peering that exists but is not Connected gives
// only vm-peering-not-connected. Both rules are live only; in a template the check says only what
// it cannot decide (a peering declared in one direction, a remote VNet not known).
import { buildFix } from '../fixes/index';
import type { Finding, ResourceRef } from '../findings';
import type { VirtualNetworkPeering } from '../model';
import { incomplete, makeFinding } from './finding';
import { assessReach } from './reachability';
import { ARM_TYPES, refOf, refOfId } from './refs';
import type { Check } from './types';

function vnetRef(context: Parameters<Check['run']>[0], id: string): ResourceRef {
  const vnet = context.index.virtualNetwork(id);
  return vnet ? refOf(vnet, ARM_TYPES.virtualNetwork) : refOfId(id, ARM_TYPES.virtualNetwork);
}

function describePeering(peering: VirtualNetworkPeering | undefined, side: string): string {
  return peering ? `${peering.name} (${side}): ${peering.peeringState ?? 'state unknown'}${peering.peeringSyncLevel ? `, ${peering.peeringSyncLevel}` : ''}` : `none (${side})`;
}

export const vmReachabilityCheck: Check = {
  name: 'VM reachable from the Bastion VNet',
  level: 'target',
  // check-incomplete listed too, so the check runs for templates, where only its notes are kept.
  rules: ['vm-not-reachable', 'vm-peering-not-connected', 'check-incomplete'],
  run(context) {
    const { host, vm } = context;
    if (!host || !vm) return [];
    const reach = assessReach(context.index, context.topology.networkInterfaces, host, vm, context.source);
    const vmRef = refOf(vm, ARM_TYPES.virtualMachine);
    switch (reach.kind) {
      case 'same-vnet':
      case 'peered':
        return [];
      case 'unknown':
        return [incomplete(context, 'vm', vmRef, `Cannot decide whether ${host.name} reaches ${vm.name}: ${reach.reason}.`)];
      case 'one-half-declared':
        return [incomplete(context, 'vm', refOf(reach.declared, ARM_TYPES.peering),
          `Peering ${reach.declared.name} is declared, but no peering from ${reach.from} to ${reach.to} is in the files linted; a peering connects only when both directions exist, so unless that half is deployed elsewhere, ${host.name} cannot reach ${vm.name}.`)];
      case 'peering-not-connected': {
        const hostSide = reach.hostVnet ? refOf(reach.hostVnet, ARM_TYPES.virtualNetwork) : undefined;
        const peeringRef = reach.forward ? refOf(reach.forward, ARM_TYPES.peering) : reach.reverse ? refOf(reach.reverse, ARM_TYPES.peering) : vmRef;
        const missingDirection = !reach.forward ? 'local-to-remote' : !reach.reverse && reach.vmVnet ? 'remote-to-local' : undefined;
        const remoteId = reach.forward?.remoteVirtualNetworkId ?? reach.vmVnet?.id;
        const fixes = missingDirection && hostSide && remoteId
          ? [buildFix(`Create the missing peering between ${hostSide.name} and ${vnetRef(context, remoteId).name}`, { kind: 'create-vnet-peering', localVnet: hostSide, remoteVnet: vnetRef(context, remoteId), missingDirection })]
          : [buildFix('Re-establish the peering', { kind: 'manual', steps: ['Sync the peering from the VNet where it shows "LocalNotInSync"/"RemoteNotInSync", or delete both halves and peer the VNets again.'] })];
        return [makeFinding(context, {
          rule: 'vm-peering-not-connected',
          message: `The peering between ${hostSide?.name ?? 'the Bastion VNet'} and ${vm.name}'s VNet is not Connected in both directions, so ${host.name} cannot reach ${vm.name}.`,
          resource: peeringRef,
          evidence: [{ label: 'Bastion VNet side', value: describePeering(reach.forward, 'Bastion VNet to VM VNet'), origin: reach.forward?.origin },
            { label: 'VM VNet side', value: describePeering(reach.reverse, 'VM VNet to Bastion VNet'), origin: reach.reverse?.origin }],
          fixes,
        })];
      }
      case 'not-reachable':
        return [notReachable(context, reach, vmRef)];
    }
  },
};

function notReachable(context: Parameters<Check['run']>[0], reach: Extract<ReturnType<typeof assessReach>, { kind: 'not-reachable' }>, vmRef: ResourceRef): Finding {
  const host = context.host!;
  const vm = context.vm!;
  const hostVnet = vnetRef(context, reach.hostVnetId);
  const vmVnet = vnetRef(context, reach.vmVnetId);
  const evidence = [{ label: 'Bastion VNet', value: reach.hostVnetId }, { label: 'VM VNet', value: reach.vmVnetId }, { label: 'SKU', value: host.sku ?? 'Standard' }];
  const common = { rule: 'vm-not-reachable' as const, resource: vmRef, evidence };
  if (reach.reason === 'developer-peered') {
    return makeFinding(context, { ...common,
      message: `${vm.name} is in ${vmVnet.name}, but Developer SKU host ${host.name} only reaches VMs in its own VNet ${hostVnet.name} (Developer does not support VNet peering).`,
      fixes: [buildFix(`Reach ${vm.name} another way`, { kind: 'manual', steps: [`Deploy a Developer Bastion in ${vmVnet.name}, or upgrade ${host.name} to Basic or higher (AzureBastionSubnet /26 and a Standard static public IP first) and peer ${hostVnet.name} with ${vmVnet.name}.`] })] });
  }
  if (reach.reason === 'cross-tenant') {
    return makeFinding(context, { ...common,
      message: `${vm.name}'s VNet ${vmVnet.name} is peered with ${hostVnet.name} across Entra tenants (remote tenant ${reach.peering?.remoteTenantId}); Bastion does not support cross-tenant peering.`,
      fixes: [buildFix(`Deploy Bastion in ${vm.name}'s tenant`, { kind: 'manual', steps: [`Deploy a Bastion host in ${vmVnet.name} or in a VNet of the same tenant peered with it.`] })] });
  }
  return makeFinding(context, { ...common,
    message: `${vm.name}'s VNet ${vmVnet.name} is neither ${host.name}'s VNet ${hostVnet.name} nor directly peered with it.`,
    fixes: [buildFix(`Peer ${hostVnet.name} with ${vmVnet.name}`, { kind: 'create-vnet-peering', localVnet: hostVnet, remoteVnet: vmVnet, missingDirection: 'both' })] });
}
