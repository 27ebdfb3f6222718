// The report's Deep check section (webview HTML and Markdown) from a recorded run: every part
// present, Azure-supplied text escaped, the KQL copyable, no credentials.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEEP_STEP_TITLES, type DeepCheckResult } from '../../../src/azure/deep/deepCheck';
import { demoTopology } from '../../../src/core/demo';
import { diagnose } from '../../../src/core/diagnose';
import type { DeepCheckRecord } from '../../../src/extension/deep/record';
import { renderDeepSectionHtml } from '../../../src/extension/report/deepHtml';
import { renderDeepSectionMarkdown } from '../../../src/extension/report/deepMarkdown';
import { buildDeepSection } from '../../../src/extension/report/deepSection';
import { deepSectionHtml, reportMarkdown } from '../../../src/extension/report/fullReport';
import { renderReportHtml } from '../../../src/extension/report/html';

const VM_ID = '/subscriptions/8c56d827-5f07-45ce-8f2b-6c5001db5c6f/resourceGroups/rg-spoke/providers/Microsoft.Compute/virtualMachines/vm-app-01';
const NSG_ID = '/subscriptions/8c56d827-5f07-45ce-8f2b-6c5001db5c6f/resourceGroups/rg-spoke/providers/Microsoft.Network/networkSecurityGroups/nsg-app';
const TITLES = DEEP_STEP_TITLES;

function record(overrides: Partial<DeepCheckResult> = {}): DeepCheckRecord {
  const result: DeepCheckResult = {
    deep: {
      effectiveRouteTables: [],
      auditLogs: [],
      ipFlowVerifyResults: [{ virtualMachineId: VM_ID, direction: 'Inbound', protocol: 'TCP', localIpAddress: '10.1.1.4', localPort: '22', remoteIpAddress: '10.0.1.4', remotePort: '*', access: 'Deny', ruleName: 'securityRules/Deny<SSH>' }],
    },
    findings: [],
    kql: { recent: "MicrosoftAzureBastionAuditLogs\n| where TargetVMIPAddress in ('10.1.1.4')", failedLogins: "MicrosoftAzureBastionAuditLogs\n| where Message has 'login failed' and UserName == 'a<b>'", azureDiagnosticsFallback: 'AzureDiagnostics\n| where Category == "BastionAuditLogs"' },
    activeSessions: [{ userName: 'alice@contoso.com', targetHostName: 'vm-app-01', targetIpAddress: '10.1.1.4', protocol: 'SSH', startTime: '2026-05-01T09:00:00Z', sessionDurationInMins: 12 }, { userName: '<img src=x onerror=alert(1)>|pipe', protocol: 'RDP' }],
    auditLogSummary: { rows: 7, failedLogins: 3, lastSuccess: '2026-05-01T08:00:00Z', clientIps: ['203.0.113.7', '198.51.100.2'], users: ['alice@contoso.com'] },
    effectiveSecurityRules: { networkInterfaceId: `${VM_ID}-nic`, groups: [{ networkSecurityGroupId: NSG_ID, appliedTo: 'networkInterface', rules: [{ name: 'securityRules/Deny<SSH>', priority: 100, direction: 'Inbound', access: 'Deny', protocol: 'Tcp', sourcePrefixes: ['VirtualNetwork'], destinationPrefixes: ['0.0.0.0/0'], destinationPorts: ['22-22'] }] }] },
    clientPath: { host: 'bst-1234.bastion.azure.com', port: 443, proxy: 'http://user:s3cret@proxy.contoso.com:8080', outcome: 'upgrade-refused', httpStatus: 403, stages: [{ stage: 'dns', ok: true, detail: 'resolved to 20.1.2.3', elapsedMs: 4 }, { stage: 'upgrade', ok: false, detail: 'proxy answered 403', elapsedMs: 30 }] },
    nativeClient: { cliVersion: '2.61.0', bastionExtension: '1.3.1', signedIn: false, platform: 'linux' },
    requestCount: 11,
    steps: [{ step: 'ip-flow', state: 'done', elapsedMs: 900 }, { step: 'audit-logs', state: 'incomplete', elapsedMs: 120 }, { step: 'client-path', state: 'done', elapsedMs: 40 }],
    ...overrides,
  };
  return { result, stepTitles: TITLES, notRun: { 'guest-os': 'the read-only script was not confirmed' } };
}

const report = diagnose(demoTopology(), { vm: 'vm-demo-app-win01' });

describe('deep check section', () => {
  it('lists the steps that ran with their state, and those left out with the reason; none it knows nothing of', () => {
    const section = buildDeepSection(record(), report);
    assert.deepEqual(section.steps, [
      { title: TITLES['ip-flow'], state: 'done' },
      { title: TITLES['audit-logs'], state: 'incomplete: see the check-incomplete finding' },
      { title: TITLES['guest-os'], state: 'not run: the read-only script was not confirmed' },
      { title: TITLES['client-path'], state: 'done' },
    ]);
  });

  it('puts the static verdict beside what IP flow verify said', () => {
    const section = buildDeepSection(record(), report);
    assert.match(section.staticVerdict, report.findings.some((f) => f.rule === 'vm-nsg-blocks-bastion') ? /^denied: / : /^allowed: /);
    assert.deepEqual(section.platformVerdicts, ['Inbound TCP 10.0.1.4 → 10.1.1.4:22: Deny (rule securityRules/Deny<SSH>)']);
    const allowed = buildDeepSection(record(), { ...report, findings: [] });
    assert.match(allowed.staticVerdict, /^allowed/);
  });

  it('the webview section: every part, escaped, a copy button per query keyed (not carrying the text)', () => {
    const html = renderDeepSectionHtml(buildDeepSection(record(), report));
    for (const expected of ['Audit log queries (KQL)', 'Active sessions', 'alice@contoso.com', 'Failed logins: 3', 'Last successful connection: 2026-05-01T08:00:00Z', '203.0.113.7, 198.51.100.2', 'nsg-app', 'networkInterface', 'Client path from this machine', 'upgrade-refused (HTTP 403)', 'Native client readiness', '2.61.0', 'Signed in: no']) {
      assert.ok(html.includes(expected), expected);
    }
    assert.deepEqual([...html.matchAll(/data-kql="([^"]+)"/g)].map((m) => m[1]), ['recent', 'failedLogins', 'azureDiagnosticsFallback']);
    assert.ok(!html.includes('<img src=x'), 'a user name cannot inject markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes("UserName == &#39;a&lt;b&gt;&#39;"), 'the KQL is shown escaped');
    assert.ok(html.includes('Deny&lt;SSH&gt;'));
  });

  it('the Markdown section: KQL in kusto fences, sessions as a table with pipes escaped', () => {
    const markdown = renderDeepSectionMarkdown(buildDeepSection(record(), report));
    assert.match(markdown, /^## Deep check$/m);
    assert.ok(markdown.includes("```kusto\nMicrosoftAzureBastionAuditLogs\n| where TargetVMIPAddress in ('10.1.1.4')\n```"));
    assert.match(markdown, /^\| alice@contoso\.com \| vm-app-01 \| SSH \| 2026-05-01T09:00:00Z \| 12 \|$/m);
    assert.ok(markdown.includes('\\<img src=x onerror=alert\\(1\\)\\>\\|pipe'), 'a cell cannot break the table');
    assert.match(markdown, /^- Failed logins: 3$/m);
  });

  it('never shows proxy credentials or tokens', () => {
    const deep = record();
    const both = `${reportMarkdown(report, deep)}\n${deepSectionHtml(report, deep)}`;
    assert.ok(both.includes('proxy.contoso.com:8080'));
    assert.ok(!both.includes('s3cret') && !both.includes('user:'), 'the proxy user info is removed');
    assert.doesNotMatch(both, /eyJ[A-Za-z0-9_-]{5,}\./);
  });

  it('leaves out what was not read, and says when no session is active', () => {
    const bare = record({ activeSessions: [], auditLogSummary: undefined, effectiveSecurityRules: undefined, clientPath: undefined, nativeClient: undefined, kql: { recent: '', failedLogins: '', azureDiagnosticsFallback: '' } });
    const html = renderDeepSectionHtml(buildDeepSection(bare, report));
    assert.match(html, /No active sessions on the host/);
    assert.match(html, /Effective security rules were not read/);
    for (const absent of ['data-kql', '<h3>Audit log summary', '<h3>Client path', '<h3>Native client']) assert.ok(!html.includes(absent), absent);
  });

  it('the full report carries the section only after a Deep check, inside the page and in the Markdown', () => {
    assert.ok(!reportMarkdown(report, undefined).includes('## Deep check'));
    assert.equal(deepSectionHtml(report, undefined), undefined);
    const page = renderReportHtml(report, { nonce: 'n0nce', pathSvgs: [], deepSection: deepSectionHtml(report, record()) });
    assert.match(page, /<h2 id="deep-check">Deep check<\/h2>/);
    assert.equal((page.match(/<script/g) ?? []).length, 1, 'the copy buttons need no extra script');
    assert.match(reportMarkdown(report, record()), /^# Bastion Doctor diagnosis[\s\S]*^## Deep check$/m);
  });
});
