// The target NIC as the platform applies it: effective routes (a 0.0.0.0/0 learned from a gateway
// is bastion-forced-tunnel, decided by the core check from this evidence) and effective security
// rules, shown beside the static evaluation. Both are only returned for a NIC of a running VM.
import type { EffectiveNetworkSecurityGroup, EffectiveRoute as SdkEffectiveRoute } from '@azure/arm-network';
import type { Finding } from '../../core/findings';
import type { EffectiveRoute, EffectiveRouteTable } from '../../core/model';
import { parseResourceId } from '../../core/resourceId';
import { clientsFor } from '../clients';
import { ACTION_PERMISSIONS } from '../errors';
import { armRef, prerequisiteMissing } from './findings';
import type { StepContext } from './step';
import { isVmStopped } from './target';

export interface EffectiveSecurityRuleView {
  name: string;
  priority?: number;
  direction?: string;
  access?: string;
  protocol?: string;
  sourcePrefixes: string[];
  destinationPrefixes: string[];
  destinationPorts: string[];
}

export interface EffectiveSecurityGroupView {
  networkSecurityGroupId?: string;
  /** What the NSG is applied to: subnet, networkInterface, or an Azure Virtual Network Manager. */
  appliedTo: string;
  rules: EffectiveSecurityRuleView[];
}

export interface EffectiveSecurityRules {
  networkInterfaceId: string;
  groups: EffectiveSecurityGroupView[];
}

type Outcome<T> = { value?: T; findings: Finding[] };

function notRunnable(step: StepContext, what: string, layer: 'route' | 'target-nsg'): Finding[] | undefined {
  const { vm, nic } = step.target;
  if (!vm) return [];
  const vmRef = armRef(vm.id, 'Microsoft.Compute/virtualMachines', vm.name);
  if (isVmStopped(vm)) return [prerequisiteMissing(step.context, vmRef, layer, `${what} are only returned for the network interface of a running VM; ${vm.name} is ${vm.powerState}.`)];
  if (!nic) return [prerequisiteMissing(step.context, vmRef, layer, `The network interface of ${vm.name} was not read, so its ${what.toLowerCase()} cannot be asked for.`)];
  return undefined;
}

export async function readEffectiveRoutes(step: StepContext): Promise<Outcome<EffectiveRouteTable>> {
  const blocked = notRunnable(step, 'Effective routes', 'route');
  if (blocked) return { findings: blocked };
  const nic = step.target.nic!;
  const client = await clientsFor(step.clients, nic.id).network();
  const { resourceGroup = '' } = parseResourceId(nic.id);
  const outcome = await step.call({ id: nic.id, name: nic.name, type: 'Microsoft.Network/networkInterfaces', kind: 'effective routes of network interface', action: ACTION_PERMISSIONS.effectiveRouteTable, layer: 'route', decides: 'forced tunnelling (bastion-forced-tunnel)' },
    (signal) => client.networkInterfaces.getEffectiveRouteTable(resourceGroup, nic.name, { abortSignal: signal, updateIntervalInMs: step.updateIntervalInMs }));
  if (!outcome.ok) return { findings: [outcome.finding] };
  return { value: { networkInterfaceId: nic.id, routes: (outcome.value.value ?? []).map(toRoute) }, findings: [] };
}

function toRoute(route: SdkEffectiveRoute): EffectiveRoute {
  return {
    source: route.source ?? 'Unknown',
    state: route.state,
    addressPrefixes: route.addressPrefix ?? [],
    nextHopType: route.nextHopType ?? 'None',
    nextHopIpAddresses: route.nextHopIpAddress ?? [],
  };
}

export async function readEffectiveSecurityRules(step: StepContext): Promise<Outcome<EffectiveSecurityRules>> {
  const blocked = notRunnable(step, 'Effective security rules', 'target-nsg');
  if (blocked) return { findings: blocked };
  const nic = step.target.nic!;
  const client = await clientsFor(step.clients, nic.id).network();
  const { resourceGroup = '' } = parseResourceId(nic.id);
  const outcome = await step.call({ id: nic.id, name: nic.name, type: 'Microsoft.Network/networkInterfaces', kind: 'effective security rules of network interface', action: ACTION_PERMISSIONS.effectiveNetworkSecurityGroups, layer: 'target-nsg', decides: 'the rules the platform applies to the VM' },
    (signal) => client.networkInterfaces.listEffectiveNetworkSecurityGroups(resourceGroup, nic.name, { abortSignal: signal, updateIntervalInMs: step.updateIntervalInMs }));
  if (!outcome.ok) return { findings: [outcome.finding] };
  return { value: { networkInterfaceId: nic.id, groups: (outcome.value.value ?? []).map(toGroup) }, findings: [] };
}

function toGroup(group: EffectiveNetworkSecurityGroup): EffectiveSecurityGroupView {
  const association = group.association;
  const appliedTo = association?.networkManager?.id ? `network manager ${association.networkManager.id}`
    : association?.subnet?.id ? `subnet ${association.subnet.id}`
      : association?.networkInterface?.id ? `network interface ${association.networkInterface.id}` : 'unknown';
  return {
    networkSecurityGroupId: group.networkSecurityGroup?.id,
    appliedTo,
    rules: (group.effectiveSecurityRules ?? []).map((rule) => ({
      name: rule.name ?? '(unnamed)',
      priority: rule.priority,
      direction: rule.direction,
      access: rule.access,
      protocol: rule.protocol,
      sourcePrefixes: rule.expandedSourceAddressPrefix ?? rule.sourceAddressPrefixes ?? (rule.sourceAddressPrefix ? [rule.sourceAddressPrefix] : []),
      destinationPrefixes: rule.expandedDestinationAddressPrefix ?? rule.destinationAddressPrefixes ?? (rule.destinationAddressPrefix ? [rule.destinationAddressPrefix] : []),
      destinationPorts: rule.destinationPortRanges ?? (rule.destinationPortRange ? [rule.destinationPortRange] : []),
    })),
  };
}
