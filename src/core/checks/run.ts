// Runs every check at its level for the selected targets; a check that throws becomes a
// check-incomplete finding naming it, so one failure never hides the others.
import { CATALOG, type RuleId } from '../catalog';
import type { DiagnoseOptions, DiagnosisTarget } from '../diagnose';
import { LAYER_ORDER, compareSeverity, type Finding, type ResourceRef } from '../findings';
import type { Topology } from '../model';
import { whatWouldDecide, incomplete } from './finding';
import { ARM_TYPES, refOf } from './refs';
import { ALL_CHECKS } from './registry';
import { selectTargets } from './targets';
import { indexTopology } from './topologyIndex';
import { withoutUnknownValues } from './knownValues';
import type { Check, CheckContext, DiagnosisSource } from './types';

export function ruleRunsFor(rule: RuleId, source: DiagnosisSource): boolean {
  const scopes = CATALOG[rule].scopes;
  return source === 'template' ? scopes.includes('template') : scopes.includes('live') || scopes.includes('deep');
}

function subjectOf(context: CheckContext): ResourceRef {
  if (context.vm) return refOf(context.vm, ARM_TYPES.virtualMachine);
  if (context.bastionSubnet && !context.host) return refOf(context.bastionSubnet, ARM_TYPES.subnet);
  if (context.host) return refOf(context.host, ARM_TYPES.bastionHost);
  const label = context.topology.sourceLabel ?? 'topology';
  return { id: label, name: label };
}

export function runCheck(check: Check, context: CheckContext): Finding[] {
  try {
    return check.run(context).filter((finding) => ruleRunsFor(finding.rule, context.source));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const layer = check.rules.length > 0 ? CATALOG[check.rules[0]].layer : 'host';
    return [incomplete(context, layer, subjectOf(context), `The check "${check.name}" failed and decided nothing: ${reason}`)];
  }
}

function findingKey(finding: Finding): string {
  return JSON.stringify([finding.rule, finding.severity, finding.flow, finding.resource.id.toLowerCase(), finding.message, finding.context?.virtualMachineId]);
}

/** Layer order first, then severity; the run order is kept otherwise. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, position) => ({ finding, position }))
    .sort((a, b) => LAYER_ORDER.indexOf(a.finding.layer) - LAYER_ORDER.indexOf(b.finding.layer) ||
      compareSeverity(a.finding.severity, b.finding.severity) || a.position - b.position)
    .map(({ finding }) => finding);
}

export function runChecks(read: Topology, options: DiagnoseOptions, checks: readonly Check[] = ALL_CHECKS): { targets: DiagnosisTarget[]; findings: Finding[] } {
  const topology = withoutUnknownValues(read);
  const source: DiagnosisSource = options.source ?? 'live';
  const index = indexTopology(topology);
  const selection = selectTargets(topology, index, options, source);
  const active = checks.filter((check) => check.rules.length === 0 || check.rules.some((rule) => ruleRunsFor(rule, source)));
  const atLevel = (level: Check['level']): Check[] => active.filter((check) => check.level === level);
  const base = { topology, index, options, source };
  const findings: Finding[] = [];
  const targets: DiagnosisTarget[] = [];

  for (const check of atLevel('topology')) findings.push(...runCheck(check, base));
  for (const vm of selection.unplacedVms) {
    findings.push(incomplete(base, 'vm', refOf(vm, ARM_TYPES.virtualMachine),
      `The network interface of VM ${vm.name} was not read, so no Bastion host can be matched with it${whatWouldDecide(base, `Reader on ${vm.networkInterfaceIds.join(', ') || 'its NIC'}`, 'it')}.`));
  }
  for (const scope of selection.hosts) {
    const hostContext: CheckContext = { ...base, host: scope.host, bastionSubnet: scope.bastionSubnet, bastionVnet: scope.bastionVnet };
    for (const check of atLevel('host')) findings.push(...runCheck(check, hostContext));
    if (scope.bastionSubnet) for (const check of atLevel('subnet')) findings.push(...runCheck(check, hostContext));
    if (scope.vms.length === 0) targets.push({ bastionHostId: scope.host.id, bastionHostName: scope.host.name });
    for (const vm of scope.vms) {
      targets.push({ bastionHostId: scope.host.id, bastionHostName: scope.host.name, virtualMachineId: vm.id, virtualMachineName: vm.name });
      for (const check of atLevel('target')) findings.push(...runCheck(check, { ...hostContext, vm }));
    }
  }
  for (const { subnet, vnet } of selection.hostlessSubnets) {
    for (const check of atLevel('subnet')) findings.push(...runCheck(check, { ...base, bastionSubnet: subnet, bastionVnet: vnet }));
  }
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const key = findingKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { targets, findings: sortFindings(unique) };
}
