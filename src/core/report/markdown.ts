// The diagnosis as Markdown, for pasting into a ticket or chat: where the data came from, what
// was diagnosed, every finding with its evidence and the az CLI / PowerShell fix. Built only from
// the report, which never holds credentials.
import { CATALOG } from '../catalog';
import type { DiagnosisReport, DiagnosisTarget } from '../diagnose';
import { compareSeverity, LAYER_ORDER, LAYER_TITLES, type Finding, type Fix, type SnippetLanguage } from '../findings';
import { codeBlock, codeSpan, escapeMarkdown } from './escape';

export interface MarkdownReportOptions {
  /** Snippet languages to include with each fix, in this order. Default: az CLI and PowerShell. */
  languages?: SnippetLanguage[];
  /** Link each rule id to its documentation page. */
  ruleDocumentationUrl?: (rule: string) => string;
}

const LANGUAGE_TITLES: Record<SnippetLanguage, { title: string; fence: string }> = {
  azcli: { title: 'Azure CLI', fence: 'bash' },
  powershell: { title: 'Azure PowerShell', fence: 'powershell' },
  arm: { title: 'ARM template', fence: 'json' },
  bicep: { title: 'Bicep', fence: 'bicep' },
  terraform: { title: 'Terraform', fence: 'hcl' },
};

const SEVERITY_LABELS = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function renderReportMarkdown(report: DiagnosisReport, options: MarkdownReportOptions = {}): string {
  const languages = options.languages ?? ['azcli', 'powershell'];
  const lines: string[] = ['# Bastion Doctor diagnosis', ''];
  if (report.isDemo) lines.push('> **Demo data.** This report was made from the built-in demo environment, not from your Azure.', '');
  lines.push(`- Source: ${escapeMarkdown(report.sourceLabel)}${report.isDemo ? ' (Demo)' : ''}`);
  lines.push(`- Generated: ${escapeMarkdown(report.generatedAt)}`);
  lines.push(`- Findings: ${summary(report.findings)}`, '');
  lines.push('## Targets', '');
  if (report.targets.length === 0) lines.push('No Bastion host was diagnosed.');
  for (const target of report.targets) lines.push(`- ${targetLine(target)}`);
  lines.push('');
  for (const layer of LAYER_ORDER) {
    const findings = report.findings.filter((finding) => finding.layer === layer).sort((a, b) => compareSeverity(a.severity, b.severity));
    if (findings.length === 0) continue;
    lines.push(`## ${LAYER_TITLES[layer]}`, '');
    for (const finding of findings) lines.push(...findingLines(finding, languages, options));
  }
  if (report.findings.length === 0) lines.push('No problems found.', '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function summary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'none';
  const counts = (['error', 'warning', 'info'] as const)
    .map((severity) => ({ severity, count: findings.filter((finding) => finding.severity === severity).length }))
    .filter((entry) => entry.count > 0);
  return counts.map((entry) => `${entry.count} ${entry.severity}${entry.count === 1 ? '' : 's'}`).join(', ');
}

function targetLine(target: DiagnosisTarget): string {
  const host = `Bastion host **${escapeMarkdown(target.bastionHostName)}** (${codeSpan(target.bastionHostId)})`;
  if (!target.virtualMachineId) return host;
  return `${host} → VM **${escapeMarkdown(target.virtualMachineName ?? target.virtualMachineId)}** (${codeSpan(target.virtualMachineId)})`;
}

function findingLines(finding: Finding, languages: SnippetLanguage[], options: MarkdownReportOptions): string[] {
  const rule = options.ruleDocumentationUrl ? `[${finding.rule}](${options.ruleDocumentationUrl(finding.rule)})` : codeSpan(finding.rule);
  const lines = [
    `### ${SEVERITY_LABELS[finding.severity]}: ${escapeMarkdown(CATALOG[finding.rule]?.title ?? finding.rule)}`,
    '',
    `${rule} · ${escapeMarkdown(finding.message)}`,
    '',
    `- Resource: ${escapeMarkdown(finding.resource.name)} (${codeSpan(finding.resource.id)})`,
  ];
  for (const evidence of finding.evidence) lines.push(`- ${escapeMarkdown(evidence.label)}: ${escapeMarkdown(evidence.value)}`);
  lines.push('');
  for (const fix of finding.fixes) lines.push(...fixLines(fix, languages));
  return lines;
}

function fixLines(fix: Fix, languages: SnippetLanguage[]): string[] {
  const lines = [`**Fix: ${escapeMarkdown(fix.title)}**`, ''];
  for (const note of fix.notes ?? []) lines.push(`> ${escapeMarkdown(note)}`, '');
  for (const language of languages) {
    const snippet = fix.snippets[language];
    if (snippet === undefined) continue;
    lines.push(`${LANGUAGE_TITLES[language].title}:`, '', codeBlock(snippet, LANGUAGE_TITLES[language].fence), '');
  }
  return lines;
}
