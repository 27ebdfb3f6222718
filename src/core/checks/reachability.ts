// Whether a host can reach a VM: same VNet, or a directly peered one (not on Developer, not
// across tenants), with the peering Connected on both sides (bastion-reference.md §6). A template
// declares no peering state (Azure sets it): there both halves declared is a peering that will
// connect, and one half alone is undecided (the other may be deployed elsewhere).
import type { BastionHost, NetworkInterface, VirtualMachine, VirtualNetwork, VirtualNetworkPeering } from '../model';
import { parseResourceId, sameId } from '../resourceId';
import { skuOf } from './sku';
import type { TopologyIndex } from './topologyIndex';
import type { DiagnosisSource } from './types';
import { placeVm } from './vmNetwork';
import { unknownReason } from './unknowns';

export type Reach =
  | { kind: 'same-vnet'; vnetId: string }
  | { kind: 'peered'; forward?: VirtualNetworkPeering; reverse?: VirtualNetworkPeering }
  | { kind: 'peering-not-connected'; forward?: VirtualNetworkPeering; reverse?: VirtualNetworkPeering; hostVnet?: VirtualNetwork; vmVnet?: VirtualNetwork }
  /** Template sources only: one half of the peering is declared, the other is not in the files. */
  | { kind: 'one-half-declared'; declared: VirtualNetworkPeering; from: string; to: string }
  | { kind: 'not-reachable'; reason: 'developer-peered' | 'not-peered' | 'cross-tenant'; hostVnetId: string; vmVnetId: string; peering?: VirtualNetworkPeering }
  | { kind: 'unknown'; reason: string };

/** The VNet a host serves: a Developer host's virtualNetwork, else its AzureBastionSubnet's VNet. */
export function hostVirtualNetworkId(index: TopologyIndex, host: BastionHost): string | undefined {
  if (skuOf(host) === 'Developer') return host.virtualNetworkId;
  const subnetId = host.ipConfigurations.find((config) => config.subnetId)?.subnetId;
  return subnetId ? index.virtualNetworkIdOfSubnet(subnetId) : host.virtualNetworkId;
}

function peeringTo(vnet: VirtualNetwork | undefined, remoteId: string): VirtualNetworkPeering | undefined {
  return vnet?.peerings.find((peering) => sameId(peering.remoteVirtualNetworkId, remoteId));
}

/** Why the peerings of a VNet are not all known (a remote VNet unresolved, the list itself unknown). */
function peeringsUnknownOf(vnet: VirtualNetwork | undefined): string | undefined {
  if (!vnet) return undefined;
  const own = unknownReason(vnet, 'peerings');
  if (own !== undefined) return `the peerings of ${vnet.name} are not known (${own})`;
  const peering = vnet.peerings.find((candidate) => unknownReason(candidate, 'remoteVirtualNetworkId') !== undefined);
  return peering ? `the remote VNet of peering ${peering.name} is not known (${unknownReason(peering, 'remoteVirtualNetworkId')})` : undefined;
}

function isConnected(peering: VirtualNetworkPeering | undefined): boolean {
  return peering?.peeringState?.toLowerCase() === 'connected';
}

export function assessReach(index: TopologyIndex, networkInterfaces: readonly NetworkInterface[], host: BastionHost, vm: VirtualMachine, source: DiagnosisSource = 'live'): Reach {
  const hostVnetId = hostVirtualNetworkId(index, host);
  if (!hostVnetId) return { kind: 'unknown', reason: `the virtual network of Bastion host ${host.name} is not known` };
  const vmVnetId = placeVm(index, networkInterfaces, vm).virtualNetworkId;
  if (!vmVnetId) return { kind: 'unknown', reason: `the virtual network of VM ${vm.name} is not known (its network interface was not read)` };
  if (sameId(hostVnetId, vmVnetId)) return { kind: 'same-vnet', vnetId: hostVnetId };
  if (skuOf(host) === 'Developer') return { kind: 'not-reachable', reason: 'developer-peered', hostVnetId, vmVnetId };
  const hostVnet = index.virtualNetwork(hostVnetId);
  const vmVnet = index.virtualNetwork(vmVnetId);
  const forward = peeringTo(hostVnet, vmVnetId);
  const reverse = peeringTo(vmVnet, hostVnetId);
  const peeringsUnknown = [hostVnet, vmVnet].map(peeringsUnknownOf).find((reason) => reason !== undefined);
  if (source === 'template') return declaredReach(forward, reverse, peeringsUnknown, hostVnet ?? hostVnetId, vmVnet ?? vmVnetId);
  if (peeringsUnknown && !(isConnected(forward) || isConnected(reverse))) return { kind: 'unknown', reason: peeringsUnknown };
  const stateUnknown = [forward, reverse].find((peering) => peering && peering.peeringState === undefined);
  if (stateUnknown) return { kind: 'unknown', reason: `the state of peering ${stateUnknown.name} is not known` };
  if (!forward && !reverse) {
    if (!hostVnet) return { kind: 'unknown', reason: `the peerings of ${hostVnetId} were not read` };
    return { kind: 'not-reachable', reason: 'not-peered', hostVnetId, vmVnetId };
  }
  const crossTenant = [forward, reverse].find((peering) => peering?.remoteTenantId);
  if (crossTenant) return { kind: 'not-reachable', reason: 'cross-tenant', hostVnetId, vmVnetId, peering: crossTenant };
  // Connected means Azure sees both halves, so the other half need not have been read.
  const forwardOk = forward ? isConnected(forward) : isConnected(reverse);
  const reverseOk = reverse ? isConnected(reverse) : isConnected(forward);
  if (forwardOk && reverseOk) return { kind: 'peered', forward, reverse };
  return { kind: 'peering-not-connected', forward, reverse, hostVnet, vmVnet };
}

function nameOf(vnet: VirtualNetwork | string): string {
  return typeof vnet === 'string' ? parseResourceId(vnet).name : vnet.name;
}

/** Template sources: what the declared halves of a peering will make of it once deployed. */
function declaredReach(forward: VirtualNetworkPeering | undefined, reverse: VirtualNetworkPeering | undefined, peeringsUnknown: string | undefined,
  hostVnet: VirtualNetwork | string, vmVnet: VirtualNetwork | string): Reach {
  if (forward && reverse) return { kind: 'peered', forward, reverse };
  if (peeringsUnknown) return { kind: 'unknown', reason: peeringsUnknown };
  const hostVnetId = typeof hostVnet === 'string' ? hostVnet : hostVnet.id;
  const vmVnetId = typeof vmVnet === 'string' ? vmVnet : vmVnet.id;
  if (forward) return { kind: 'one-half-declared', declared: forward, from: nameOf(vmVnet), to: nameOf(hostVnet) };
  if (reverse) return { kind: 'one-half-declared', declared: reverse, from: nameOf(hostVnet), to: nameOf(vmVnet) };
  if (typeof hostVnet === 'string') return { kind: 'unknown', reason: `the peerings of ${hostVnetId} are not in the files read` };
  return { kind: 'not-reachable', reason: 'not-peered', hostVnetId, vmVnetId };
}

/** VMs a host would be diagnosed against when no VM is named: its own VNet, plus directly peered ones. */
export function isCandidateTarget(reach: Reach): boolean {
  return reach.kind === 'same-vnet' || reach.kind === 'peered' || reach.kind === 'peering-not-connected' || reach.kind === 'one-half-declared';
}
