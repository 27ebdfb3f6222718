// What the platform says about the Bastion flow to the VM: Network Watcher IP flow verify, for
// inbound TCP from an address inside AzureBastionSubnet (Developer: 168.63.129.16) to the VM's
// private IP on each port. It needs a Network Watcher in the VM's region and a running VM.
// Network Watcher is per region and per subscription: the one of the VM's own subscription is
// used (a spoke VM in a landing zone is not watched by the hub subscription's).
import type { NetworkManagementClient } from '@azure/arm-network';
import type { Finding } from '../../core/findings';
import type { IpFlowVerifyResult } from '../../core/model';
import { parseResourceId } from '../../core/resourceId';
import { clientsFor } from '../clients';
import { ACTION_PERMISSIONS } from '../errors';
import { boundedItems, type PagingBounds } from '../paging';
import { armRef, prerequisiteMissing } from './findings';
import type { StepContext } from './step';
import { isVmStopped } from './target';

/** Any ephemeral port: IP flow verify needs one, and Bastion's source ports are never constrained. */
export const BASTION_REMOTE_PORT = '50000';

export interface NetworkWatcherRef {
  id: string;
  name: string;
  resourceGroup: string;
  location: string;
}

function normaliseLocation(location: string | undefined): string {
  return (location ?? '').replace(/\s+/g, '').toLowerCase();
}

/** The Network Watcher of a region, listed across the subscription (NetworkWatcherRG by default, but not always). */
export async function findNetworkWatcher(client: NetworkManagementClient, location: string, bounds: PagingBounds, signal: AbortSignal): Promise<NetworkWatcherRef | undefined> {
  for await (const watcher of boundedItems(client.networkWatchers.listAll({ abortSignal: signal }), bounds)) {
    if (watcher.id && normaliseLocation(watcher.location) === normaliseLocation(location)) {
      return { id: watcher.id, name: watcher.name ?? parseResourceId(watcher.id).name, resourceGroup: parseResourceId(watcher.id).resourceGroup ?? '', location: watcher.location ?? location };
    }
  }
  return undefined;
}

export interface IpFlowOutcome {
  results: IpFlowVerifyResult[];
  findings: Finding[];
  networkWatcher?: NetworkWatcherRef;
}

export async function runIpFlowVerify(step: StepContext): Promise<IpFlowOutcome> {
  const { vm, nic, privateIp, bastionSourceIp, ports } = step.target;
  if (!vm) return { results: [], findings: [] };
  const vmRef = armRef(vm.id, 'Microsoft.Compute/virtualMachines', vm.name);
  const missing = (message: string) => ({ results: [], findings: [prerequisiteMissing(step.context, vmRef, 'target-nsg', message, [{ label: 'Deep check', value: 'IP flow verify' }])] });
  if (isVmStopped(vm)) return missing(`IP flow verify needs ${vm.name} running (power state: ${vm.powerState}); start it to have the platform's verdict on the Bastion flow.`);
  if (!privateIp || !nic) return missing(`The private IP of ${vm.name} is not known (its network interface was not read), so IP flow verify cannot be asked.`);
  if (!bastionSourceIp) return missing(`The AzureBastionSubnet prefix of ${step.target.host.name} is not known, so IP flow verify has no Bastion source address to test from.`);
  if (!vm.location) return missing(`The region of ${vm.name} is not known, so its Network Watcher cannot be found.`);
  const vmClients = clientsFor(step.clients, vm.id);
  const client = await vmClients.network();
  const watcher = await step.call({ id: `/subscriptions/${vmClients.subscriptionId}/providers/Microsoft.Network/networkWatchers`, name: `in subscription ${vmClients.subscriptionId}`, type: 'Microsoft.Network/networkWatchers', kind: 'listing the Network Watchers', action: 'Microsoft.Network/networkWatchers/read', layer: 'target-nsg', decides: 'IP flow verify' },
    (signal) => findNetworkWatcher(client, vm.location!, vmClients, signal));
  if (!watcher.ok) return { results: [], findings: [watcher.finding] };
  if (!watcher.value) {
    return missing(`No Network Watcher exists in ${vm.location} for subscription ${vmClients.subscriptionId} (the VM's), so IP flow verify cannot run. Enable it: az network watcher configure --locations ${normaliseLocation(vm.location)} --enabled true --resource-group NetworkWatcherRG --subscription ${vmClients.subscriptionId}`);
  }
  const networkWatcher = watcher.value;
  const results: IpFlowVerifyResult[] = [];
  const findings: Finding[] = [];
  // One call per port, in parallel: each is a long-running operation of its own.
  await Promise.all(ports.map(async (port) => {
    const outcome = await step.call({ id: networkWatcher.id, name: networkWatcher.name, type: 'Microsoft.Network/networkWatchers', kind: `IP flow verify (port ${port}) on Network Watcher`, action: ACTION_PERMISSIONS.ipFlowVerify, layer: 'target-nsg', decides: `the platform's verdict on Bastion to ${vm.name}:${port}` },
      (signal) => client.networkWatchers.verifyIPFlow(networkWatcher.resourceGroup, networkWatcher.name, {
        targetResourceId: vm.id,
        targetNicResourceId: nic.id,
        direction: 'Inbound',
        protocol: 'TCP',
        localIPAddress: privateIp,
        localPort: port,
        remoteIPAddress: bastionSourceIp,
        remotePort: BASTION_REMOTE_PORT,
      }, { abortSignal: signal, updateIntervalInMs: step.updateIntervalInMs }));
    if (!outcome.ok) {
      findings.push(outcome.finding);
      return;
    }
    const access = outcome.value.access === 'Allow' ? 'Allow' : 'Deny';
    results.push({
      virtualMachineId: vm.id,
      networkInterfaceId: nic.id,
      direction: 'Inbound',
      protocol: 'TCP',
      localIpAddress: privateIp,
      localPort: port,
      remoteIpAddress: bastionSourceIp,
      remotePort: BASTION_REMOTE_PORT,
      access,
      ruleName: outcome.value.ruleName ?? '(not named)',
    });
  }));
  results.sort((a, b) => Number(a.localPort) - Number(b.localPort));
  return { results, findings: dedupe(findings), networkWatcher };
}

/** The same failure (a 403, a timeout) for every port is said once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = finding.evidence.find((entry) => entry.label === 'HTTP status')?.value ?? finding.message.replace(/port \d+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
