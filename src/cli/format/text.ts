// The human-readable report: per Bastion host, findings grouped by layer in LAYER_ORDER, with
// VM-level findings under the VM they concern, each followed by its fix.
import type { DiagnosisReport } from '../../core/diagnose';
import { LAYER_ORDER, LAYER_TITLES, compareSeverity, type Finding, type Fix, type Severity, type SnippetLanguage } from '../../core/findings';
import { idKey, parseResourceId } from '../../core/resourceId';
import { ANSI_STYLER, PLAIN_STYLER, type Styler } from './color';
import { summarize, summaryLine } from './summary';
import { escapeControlsDeep } from './terminalText';

export interface TextFormatOptions {
  color: boolean;
  /** Replaces "across N Bastion hosts and N VMs" in the last line (lint: "in 3 templates"). */
  summaryScope?: string;
}

const LANGUAGE_NAMES: Record<SnippetLanguage, string> = {
  azcli: 'az CLI',
  powershell: 'PowerShell',
  arm: 'ARM',
  bicep: 'Bicep',
  terraform: 'Terraform',
};

interface HostGroup {
  hostId: string | undefined;
  title: string;
  findings: Finding[];
  /** VMs diagnosed through this host, in target order. */
  vmIds: string[];
}

export function formatText(unsafeReport: DiagnosisReport, options: TextFormatOptions): string {
  // Names, tags and messages come from templates and Azure: no control character reaches the terminal.
  const report = escapeControlsDeep(unsafeReport);
  const style = options.color ? ANSI_STYLER : PLAIN_STYLER;
  const names = nameIndex(report);
  const lines: string[] = [...header(report, style)];
  for (const group of hostGroups(report, names)) {
    lines.push('', style.bold(group.title));
    lines.push(...groupLines(group, names, style));
  }
  lines.push('', style.bold(summaryLine(summarize(report), options.summaryScope)));
  return lines.join('\n') + '\n';
}

function header(report: DiagnosisReport, style: Styler): string[] {
  const lines = [style.bold('Bastion Doctor diagnosis')];
  if (report.isDemo) lines.push(`${style.magenta(style.bold('DEMO'))}  ${report.sourceLabel}`);
  else lines.push(`Source: ${report.sourceLabel}`);
  lines.push(style.dim(`Generated ${report.generatedAt}`));
  return lines;
}

function nameIndex(report: DiagnosisReport): Map<string, string> {
  const names = new Map<string, string>();
  for (const target of report.targets) {
    names.set(idKey(target.bastionHostId), target.bastionHostName);
    if (target.virtualMachineId && target.virtualMachineName) names.set(idKey(target.virtualMachineId), target.virtualMachineName);
  }
  return names;
}

const displayName = (id: string, names: Map<string, string>) => names.get(idKey(id)) ?? (parseResourceId(id).name || id);

function hostGroups(report: DiagnosisReport, names: Map<string, string>): HostGroup[] {
  const groups = new Map<string, HostGroup>();
  const groupFor = (hostId: string | undefined) => {
    const key = hostId ? idKey(hostId) : '';
    let group = groups.get(key);
    if (!group) {
      group = { hostId, title: hostId ? `Bastion ${displayName(hostId, names)}` : 'Other findings', findings: [], vmIds: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const target of report.targets) {
    const group = groupFor(target.bastionHostId);
    if (target.virtualMachineId && !group.vmIds.some((id) => idKey(id) === idKey(target.virtualMachineId!))) group.vmIds.push(target.virtualMachineId);
  }
  for (const finding of report.findings) groupFor(finding.context?.bastionHostId).findings.push(finding);
  // Findings tied to no host go last, after every host.
  return [...groups.values()].sort((a, b) => Number(a.hostId === undefined) - Number(b.hostId === undefined));
}

function groupLines(group: HostGroup, names: Map<string, string>, style: Styler): string[] {
  const lines: string[] = [];
  for (const layer of LAYER_ORDER) {
    const inLayer = group.findings.filter((f) => f.layer === layer);
    if (inLayer.length === 0) continue;
    lines.push(`  ${style.bold(LAYER_TITLES[layer])}`);
    for (const [vmId, findings] of byVirtualMachine(inLayer, group.vmIds)) {
      const indent = vmId ? '      ' : '    ';
      if (vmId) lines.push(`    ${style.cyan('→ ' + displayName(vmId, names))}`);
      for (const finding of findings) lines.push(...findingLines(finding, indent, style));
    }
  }
  const clean = group.vmIds.filter((vmId) => !group.findings.some((f) => f.context?.virtualMachineId && idKey(f.context.virtualMachineId) === idKey(vmId)));
  if (group.findings.length === 0) lines.push(`  ${style.green('✓')} No problems found for this host`);
  if (clean.length > 0) lines.push(`  ${style.green('✓')} No VM-level problems: ${clean.map((id) => displayName(id, names)).join(', ')}`);
  return lines;
}

/** Host-level findings first, then each VM in target order; most severe first within each. */
function byVirtualMachine(findings: Finding[], vmOrder: string[]): [string | undefined, Finding[]][] {
  const buckets = new Map<string, [string | undefined, Finding[]]>();
  for (const finding of findings) {
    const vmId = finding.context?.virtualMachineId;
    const key = vmId ? idKey(vmId) : '';
    if (!buckets.has(key)) buckets.set(key, [vmId, []]);
    buckets.get(key)![1].push(finding);
  }
  const rank = (vmId: string | undefined) => {
    if (!vmId) return -1;
    const index = vmOrder.findIndex((id) => idKey(id) === idKey(vmId));
    return index < 0 ? vmOrder.length : index;
  };
  const ordered = [...buckets.values()].sort((a, b) => rank(a[0]) - rank(b[0]));
  for (const [, bucket] of ordered) bucket.sort((a, b) => compareSeverity(a.severity, b.severity));
  return ordered;
}

function badge(severity: Severity, style: Styler): string {
  if (severity === 'error') return style.red(style.bold('ERROR  '));
  if (severity === 'warning') return style.yellow(style.bold('WARNING'));
  return style.cyan(style.bold('INFO   '));
}

function findingLines(finding: Finding, indent: string, style: Styler): string[] {
  const where = location(finding);
  const lines = [`${indent}${badge(finding.severity, style)} ${style.dim(finding.rule)}${where ? `  ${where}` : ''}`, `${indent}  ${finding.message}`];
  for (const evidence of finding.evidence) lines.push(`${indent}  ${style.dim('•')} ${evidence.label}: ${evidence.value}`);
  for (const fix of finding.fixes) lines.push(...fixLines(fix, `${indent}  `, style));
  return lines;
}

/** `file:line:column` (1-based, as editors and terminals link it) for findings in a template. */
function location(finding: Finding): string | undefined {
  const origin = finding.resource.origin;
  if (origin?.kind !== 'file') return undefined;
  return `${origin.file}:${origin.range.start.line + 1}:${origin.range.start.character + 1}`;
}

function fixLines(fix: Fix, indent: string, style: Styler): string[] {
  const lines = [`${indent}${style.green('Fix:')} ${fix.title}`];
  if (fix.remedy.kind === 'manual') {
    fix.remedy.steps.forEach((step, i) => lines.push(`${indent}  ${i + 1}. ${step}`));
  }
  const azcli = fix.snippets.azcli;
  if (azcli) for (const line of azcli.trimEnd().split('\n')) lines.push(line.trim() === '' ? '' : `${indent}    ${line}`);
  for (const note of fix.notes ?? []) lines.push(`${indent}  ${style.dim('Note:')} ${note}`);
  const others = (Object.keys(fix.snippets) as SnippetLanguage[]).filter((language) => language !== 'azcli');
  if (others.length > 0) lines.push(`${indent}  ${style.dim(`(also as ${others.map((l) => LANGUAGE_NAMES[l]).join(', ')}: see --format json)`)}`);
  return lines;
}
