// The report webview's "Deep check" section. Every text is escaped; each KQL block has a Copy
// button whose data-kql key the panel resolves against the stored query (the page never sends
// text to copy, so a page can only copy what the deep check produced).
import { escapeXml } from '../../core/report/escape';
import type { DeepSection, Fact } from './deepSection';

export function renderDeepSectionHtml(section: DeepSection): string {
  return [
    '<h2 id="deep-check">Deep check</h2>',
    '<table class="deep-steps"><tr><th>Step</th><th>State</th></tr>',
    ...section.steps.map((step) => `<tr><td>${escapeXml(step.title)}</td><td>${escapeXml(step.state)}</td></tr>`),
    '</table>',
    section.queries.length > 0 ? '<h3>Audit log queries (KQL)</h3>' : '',
    ...section.queries.map((query) => `<div class="kql"><p>${escapeXml(query.title)} <button type="button" data-kql="${escapeXml(query.key)}">Copy</button></p><pre><code>${escapeXml(query.text)}</code></pre></div>`),
    section.auditLog ? `<h3>Audit log summary</h3>${facts(section.auditLog)}` : '',
    activeSessions(section),
    securityRules(section),
    section.clientPath ? clientPath(section.clientPath) : '',
    section.nativeClient ? `<h3>Native client readiness</h3>${facts(section.nativeClient)}` : '',
    section.guest ? `<h3>Guest OS</h3>${facts(section.guest)}` : '',
  ].filter((part) => part !== '').join('\n');
}

function facts(list: readonly Fact[]): string {
  return `<ul>${list.map((fact) => `<li>${escapeXml(fact.label)}: ${escapeXml(fact.value)}</li>`).join('')}</ul>`;
}

function activeSessions(section: DeepSection): string {
  if (!section.activeSessions) return '';
  if (section.activeSessions.length === 0) return '<h3>Active sessions</h3><p>No active sessions on the host.</p>';
  const cell = (value: string | number | undefined) => `<td>${escapeXml(value === undefined ? '' : String(value))}</td>`;
  return [
    '<h3>Active sessions</h3><table><tr><th>User</th><th>Target</th><th>Protocol</th><th>Started</th><th>Minutes</th></tr>',
    ...section.activeSessions.map((s) => `<tr>${cell(s.userName)}${cell(s.targetHostName ?? s.targetIpAddress)}${cell(s.protocol)}${cell(s.startTime)}${cell(s.sessionDurationInMins)}</tr>`),
    '</table>',
  ].join('');
}

function securityRules(section: DeepSection): string {
  const verdicts = [
    `<li>Static verdict (NSG rules as read): ${escapeXml(section.staticVerdict)}</li>`,
    ...section.platformVerdicts.map((verdict) => `<li>IP flow verify (Azure): ${escapeXml(verdict)}</li>`),
  ];
  const groups = (section.effectiveGroups ?? []).map((group) => [
    `<h4>${escapeXml(group.networkSecurityGroupId ?? 'NSG')} (applied to ${escapeXml(group.appliedTo)})</h4>`,
    '<table><tr><th>Priority</th><th>Name</th><th>Direction</th><th>Access</th><th>Protocol</th><th>Source</th><th>Destination</th><th>Ports</th></tr>',
    ...group.rules.map((rule) => `<tr>${[rule.priority, rule.name, rule.direction, rule.access, rule.protocol, rule.sourcePrefixes.join(', '), rule.destinationPrefixes.join(', '), rule.destinationPorts.join(', ')]
      .map((value) => `<td>${escapeXml(value === undefined ? '' : String(value))}</td>`).join('')}</tr>`),
    '</table>',
  ].join(''));
  return `<h3>Network security of the VM NIC</h3><ul>${verdicts.join('')}</ul>${groups.length > 0 ? groups.join('') : '<p>Effective security rules were not read.</p>'}`;
}

function clientPath(path: NonNullable<DeepSection['clientPath']>): string {
  return `<h3>Client path from this machine</h3><p>${escapeXml(path.summary)}</p><ul>${path.stages.map((stage) => `<li>${stage.ok ? 'ok' : 'failed'} · ${escapeXml(stage.stage)}: ${escapeXml(stage.detail)}</li>`).join('')}</ul>`;
}
