// vm-nsg-blocks-bastion: inbound TCP 22/3389 (by OS) and the custom port from AzureBastionSubnet
// (Developer: 168.63.129.16) to the VM's private IP, through the subnet NSG then the NIC NSG.
import { buildFix } from '../fixes/index';
import type { Finding, NewSecurityRule } from '../findings';
import type { NetworkSecurityGroup, Subnet, VirtualMachine } from '../model';
import { evaluatePath, rulesOf } from '../nsg/index';
import type { FlowPart, FlowQuery, PathHop, RuleRef } from '../nsg/types';
import { describeRule, partEvidence, relatedRule, ruleEvidence } from './describe';
import { whatWouldDecide, incomplete, makeFinding } from './finding';
import { choosePriorities, uniqueRuleName } from './priority';
import { ARM_TYPES, refOf, refOfId } from './refs';
import { isStandardOrAbove, skuOf } from './sku';
import type { Check, CheckContext } from './types';
import { unreadRulesReason } from './unreadRules';
import { placeVm } from './vmNetwork';
import { unknownRules, virtualNetworkPrefixesOf } from './knownInputs';
import { unknownReason } from './unknowns';

const DEVELOPER_SOURCE = '168.63.129.16';

export function targetPorts(context: CheckContext, vm: VirtualMachine): string[] {
  const ports = vm.osType === 'Linux' ? ['22'] : vm.osType === 'Windows' ? ['3389'] : ['22', '3389'];
  const custom = context.options.customPort;
  if (custom !== undefined && context.host && isStandardOrAbove(skuOf(context.host)) && !ports.includes(String(custom))) ports.push(String(custom));
  return ports;
}

interface Hop {
  label: string;
  nsg?: NetworkSecurityGroup;
}

export const vmNsgCheck: Check = {
  name: 'Target VM NSGs',
  level: 'target',
  rules: ['vm-nsg-blocks-bastion'],
  run(context) {
    const { host, vm } = context;
    if (!host || !vm) return [];
    const vmRef = refOf(vm, ARM_TYPES.virtualMachine);
    const placement = placeVm(context.index, context.topology.networkInterfaces, vm);
    const entry = placement.nics[0];
    if (!entry?.ipConfiguration) {
      return [incomplete(context, 'target-nsg', vmRef, `The network interface of ${vm.name} was not read, so its NSGs cannot be checked${whatWouldDecide(context, 'Reader on the NIC', 'them')}.`)];
    }
    const developer = skuOf(host) === 'Developer';
    const sources = developer ? [DEVELOPER_SOURCE] : context.bastionSubnet?.addressPrefixes ?? [];
    if (sources.length === 0) {
      return [incomplete(context, 'target-nsg', vmRef, `The AzureBastionSubnet prefix of ${host.name} is not known, so ${vm.name}'s NSGs cannot be checked against it.`)];
    }
    const findings: Finding[] = [];
    const vmSubnet = context.index.subnet(entry.ipConfiguration.subnetId);
    const hops: Hop[] = [];
    const addHop = (label: string, nsgId: string | undefined): void => {
      if (!nsgId) return;
      const nsg = context.index.networkSecurityGroup(nsgId);
      if (!nsg) findings.push(incomplete(context, 'target-nsg', refOfId(nsgId, ARM_TYPES.networkSecurityGroup), `The ${label} of ${vm.name} was not read, so it is not evaluated${whatWouldDecide(context, 'Reader on it', 'it')}.`));
      hops.push({ label: `${label} ${nsg?.name ?? refOfId(nsgId).name}`, nsg });
    };
    addHop('subnet NSG', vmSubnet?.networkSecurityGroupId);
    addHop('NIC NSG', entry.nic.networkSecurityGroupId);
    if (hops.every((hop) => !hop.nsg)) return findings;
    const ipUnknown = unknownReason(entry.nic, 'ipConfigurations.privateIpAddress');
    const destination = entry.ipConfiguration.privateIpAddress ?? (ipUnknown === undefined ? vmSubnet?.addressPrefixes[0] : undefined);
    if (!destination) {
      return [...findings, incomplete(context, 'target-nsg', vmRef, `The private IP of ${vm.name} is not known, so its NSGs cannot be evaluated for Bastion traffic.`)];
    }
    const query: FlowQuery = { direction: 'Inbound', protocol: 'Tcp', sources, destinations: [destination], destinationPorts: targetPorts(context, vm) };
    const vnet = context.index.virtualNetwork(placement.virtualNetworkId);
    const pathHops: PathHop[] = hops.map((hop) => ({ label: hop.label, rules: hop.nsg ? rulesOf(hop.nsg) : undefined }));
    const path = evaluatePath(pathHops, query, { virtualNetworkPrefixes: virtualNetworkPrefixesOf(vnet) });
    const osUnknown = vm.osType === undefined ? unknownReason(vm, 'osType') : undefined;
    path.hops.forEach((evaluated, position) => {
      const nsg = hops[position]?.nsg;
      if (!nsg || !evaluated.evaluation) return;
      const unread = unreadRulesReason(nsg);
      if (unread !== undefined) {
        findings.push(incomplete(context, 'target-nsg', refOf(nsg, ARM_TYPES.networkSecurityGroup),
          `Cannot decide whether ${evaluated.label} allows Bastion to ${vm.name}: rules that may belong to it could not be read (${unread}).`));
        return;
      }
      const parts = evaluated.evaluation.parts;
      const denied = parts.filter((part) => part.verdict === 'deny');
      const unknown = parts.filter((part) => part.verdict === 'unknown');
      // A deny only counts when every rule is known, when no part of the same port is undecided (a
      // part "outside the VirtualNetwork tag" is hypothetical when the tag's extent is unknown), and,
      // with the OS unknown, on every port either OS may use.
      const undecidedPort = denied.flatMap((part) => part.destinationPorts).find((port) => unknown.some((part) => part.destinationPorts.includes(port)));
      const undecidedBecause = unknownRules(nsg) ??
        (undecidedPort !== undefined ? `whether port ${undecidedPort} is allowed by the other rules is undecided` : undefined) ??
        (osUnknown !== undefined && !query.destinationPorts.every((port) => denied.some((part) => part.destinationPorts.includes(port))) ? `the OS of ${vm.name} is not known (${osUnknown})` : undefined);
      if (undecidedBecause && denied.length > 0) {
        findings.push(incomplete(context, 'target-nsg', refOf(nsg, ARM_TYPES.networkSecurityGroup),
          `Cannot decide whether ${evaluated.label} allows Bastion to ${vm.name}: it denies TCP ${[...new Set(denied.flatMap((part) => part.destinationPorts))].join(', ')} by the rules that are known, and ${undecidedBecause}.`, denied.map(partEvidence)));
      } else {
        findings.push(...denyFindings(context, { vm, nsg, hopLabel: evaluated.label, query, vmSubnet, sources }, denied));
      }
      if (unknown.length > 0) {
        const reasons = unknown.flatMap((part) => part.undecided ?? []).map((entry) => `${entry.rule.name} (priority ${entry.rule.priority}): ${entry.reason}`);
        findings.push(incomplete(context, 'target-nsg', refOf(nsg, ARM_TYPES.networkSecurityGroup),
          `Cannot decide whether ${evaluated.label} allows Bastion to ${vm.name}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}.`, unknown.map(partEvidence)));
      }
    });
    return findings;
  },
};

interface HopTarget {
  vm: VirtualMachine;
  nsg: NetworkSecurityGroup;
  hopLabel: string;
  query: FlowQuery;
  vmSubnet?: Subnet;
  sources: string[];
}

function denyFindings(context: CheckContext, target: HopTarget, denied: FlowPart[]): Finding[] {
  const byRule = new Map<string, { rule: RuleRef; parts: FlowPart[] }>();
  for (const part of denied) {
    if (!part.decidedBy) continue;
    const key = `${part.decidedBy.name}@${part.decidedBy.priority}`;
    const group = byRule.get(key) ?? { rule: part.decidedBy, parts: [] };
    group.parts.push(part);
    byRule.set(key, group);
  }
  const claimed = new Set<number>();
  const names = new Set<string>();
  return [...byRule.values()].map(({ rule: deny, parts }) => {
    const nsgRef = refOf(target.nsg, ARM_TYPES.networkSecurityGroup);
    const ports = [...new Set(parts.flatMap((part) => part.destinationPorts))];
    const custom = target.nsg.securityRules.filter((rule) => !rule.isDefault);
    const priorities = choosePriorities(custom, 'Inbound', target.sources.length, deny.isDefault ? undefined : deny.priority, claimed);
    const fixes = priorities
      ? [buildFix(`Allow Bastion to ${target.vm.name} in ${target.nsg.name}`, {
        kind: 'add-security-rules',
        nsg: nsgRef,
        rules: target.sources.map((source, i): NewSecurityRule => {
          priorities.forEach((p) => claimed.add(p));
          const name = uniqueRuleName('AllowBastionInbound', custom, names);
          names.add(name);
          const rule: NewSecurityRule = {
            name, priority: priorities[i], direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
            sourceAddressPrefix: source, destinationAddressPrefix: target.query.destinations[0], destinationPortRanges: target.query.destinationPorts,
            description: `Azure Bastion to ${target.vm.name}`,
          };
          if (!deny.isDefault) rule.placedBefore = { name: deny.name, priority: deny.priority };
          return rule;
        }),
      })]
      : [buildFix(`Reorder ${target.nsg.name} by hand`, { kind: 'manual', steps: [`No inbound priority is free before ${deny.name} (priority ${deny.priority}) in ${target.nsg.name}: move ${deny.name} later, then allow TCP ${target.query.destinationPorts.join(', ')} from ${target.sources.join(', ')}.`] })];
    return makeFinding(context, {
      rule: 'vm-nsg-blocks-bastion',
      message: `${target.hopLabel} denies inbound TCP ${ports.join(', ')} from ${target.sources.join(', ')} to ${target.vm.name} (${target.query.destinations[0]}): ${describeRule(deny)}.`,
      resource: refOf(target.nsg, ARM_TYPES.networkSecurityGroup),
      evidence: [ruleEvidence('Deny rule', deny), ...parts.map(partEvidence)],
      related: deny.isDefault ? [] : [relatedRule(`Deny rule ${deny.name} (priority ${deny.priority})`, deny)],
      fixes,
    });
  });
}
