// The "Deep check" section of the Markdown report: the same content as the webview's, with the
// KQL in fenced blocks ready to paste into Log Analytics.
import { codeBlock, escapeMarkdown } from '../../core/report/escape';
import type { DeepSection, Fact } from './deepSection';

export function renderDeepSectionMarkdown(section: DeepSection): string {
  const lines: string[] = ['## Deep check', ''];
  lines.push(...section.steps.map((step) => `- ${escapeMarkdown(step.title)}: ${escapeMarkdown(step.state)}`), '');
  if (section.queries.length > 0) {
    lines.push('### Audit log queries (KQL)', '');
    for (const query of section.queries) lines.push(escapeMarkdown(query.title), '', codeBlock(query.text, 'kusto'), '');
  }
  if (section.auditLog) lines.push('### Audit log summary', '', ...facts(section.auditLog), '');
  if (section.activeSessions) {
    lines.push('### Active sessions', '');
    if (section.activeSessions.length === 0) lines.push('No active sessions on the host.');
    else {
      lines.push('| User | Target | Protocol | Started | Minutes |', '| --- | --- | --- | --- | --- |');
      for (const s of section.activeSessions) lines.push(`| ${[s.userName, s.targetHostName ?? s.targetIpAddress, s.protocol, s.startTime, s.sessionDurationInMins].map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  lines.push('### Network security of the VM NIC', '', `- Static verdict (NSG rules as read): ${escapeMarkdown(section.staticVerdict)}`);
  lines.push(...section.platformVerdicts.map((verdict) => `- IP flow verify (Azure): ${escapeMarkdown(verdict)}`), '');
  for (const group of section.effectiveGroups ?? []) {
    lines.push(`${escapeMarkdown(group.networkSecurityGroupId ?? 'NSG')} (applied to ${escapeMarkdown(group.appliedTo)})`, '');
    lines.push('| Priority | Name | Direction | Access | Protocol | Source | Destination | Ports |', '| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const rule of group.rules) {
      lines.push(`| ${[rule.priority, rule.name, rule.direction, rule.access, rule.protocol, rule.sourcePrefixes.join(', '), rule.destinationPrefixes.join(', '), rule.destinationPorts.join(', ')].map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  if (section.clientPath) {
    lines.push('### Client path from this machine', '', escapeMarkdown(section.clientPath.summary), '');
    lines.push(...section.clientPath.stages.map((stage) => `- ${stage.ok ? 'ok' : 'failed'} · ${escapeMarkdown(stage.stage)}: ${escapeMarkdown(stage.detail)}`), '');
  }
  if (section.nativeClient) lines.push('### Native client readiness', '', ...facts(section.nativeClient), '');
  if (section.guest) lines.push('### Guest OS', '', ...facts(section.guest), '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function facts(list: readonly Fact[]): string[] {
  return list.map((fact) => `- ${escapeMarkdown(fact.label)}: ${escapeMarkdown(fact.value)}`);
}

function cell(value: string | number | undefined): string {
  return value === undefined ? '' : escapeMarkdown(String(value));
}
