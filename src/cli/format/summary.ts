// Counts shared by the text and JSON reports.
import type { DiagnosisReport } from '../../core/diagnose';
import type { Severity } from '../../core/findings';
import { idKey } from '../../core/resourceId';

export interface ReportSummary {
  errors: number;
  warnings: number;
  info: number;
  bastionHosts: number;
  virtualMachines: number;
}

export function summarize(report: DiagnosisReport): ReportSummary {
  const count = (severity: Severity) => report.findings.filter((f) => f.severity === severity).length;
  const hosts = new Set(report.targets.map((t) => idKey(t.bastionHostId)));
  const vms = new Set(report.targets.flatMap((t) => (t.virtualMachineId ? [idKey(t.virtualMachineId)] : [])));
  return { errors: count('error'), warnings: count('warning'), info: count('info'), bastionHosts: hosts.size, virtualMachines: vms.size };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "3 errors, 2 warnings, 1 info across 2 Bastion hosts and 6 VMs"; with `scope` (lint: "in 4
 * templates") that replaces the hosts and VMs, which templates rarely declare.
 */
export function summaryLine(summary: ReportSummary, scope?: string): string {
  const counts = [plural(summary.errors, 'error', 'errors'), plural(summary.warnings, 'warning', 'warnings'), `${summary.info} info`].join(', ');
  if (scope !== undefined) return `${counts} ${scope}`;
  return `${counts} across ${plural(summary.bastionHosts, 'Bastion host', 'Bastion hosts')} and ${plural(summary.virtualMachines, 'VM', 'VMs')}`;
}

export function templatesScope(count: number): string {
  return `in ${plural(count, 'template', 'templates')}`;
}
