import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTopology } from '../../../src/core/demo';
import { diagnose, type DiagnosisReport } from '../../../src/core/diagnose';
import { renderReportMarkdown } from '../../../src/core/report';

function demoReport(vm?: string): DiagnosisReport {
  return diagnose(demoTopology(), vm ? { vm } : {});
}

test('the demo report says it is demo data, with the source label and the time', () => {
  const report = demoReport('vm-demo-app-win01');
  const markdown = renderReportMarkdown(report);
  assert.match(markdown, /Demo data/);
  assert.match(markdown, /Source: Demo environment \\\(built-in sample data, not your Azure\\\) \(Demo\)/);
  assert.ok(markdown.includes(`Generated: ${report.generatedAt}`));
});

test('targets carry names and full resource ids', () => {
  const report = demoReport('vm-demo-app-win01');
  const markdown = renderReportMarkdown(report);
  const target = report.targets[0];
  assert.ok(markdown.includes(`\`${target.bastionHostId}\``));
  assert.ok(target.virtualMachineId && markdown.includes(`\`${target.virtualMachineId}\``));
});

test('findings come under their layer with evidence and az CLI + PowerShell fixes only', () => {
  const markdown = renderReportMarkdown(demoReport('vm-demo-app-win01'));
  assert.match(markdown, /## Target VM network security/);
  assert.match(markdown, /vm-nsg-blocks-bastion/);
  assert.match(markdown, /Deny rule: DenyRdpFromHub \\\(priority 300, Deny\\\)/);
  assert.match(markdown, /```bash\naz network nsg rule create/);
  assert.match(markdown, /```powershell\n/);
  assert.doesNotMatch(markdown, /```(hcl|bicep|json)/);
});

test('languages can be chosen', () => {
  const markdown = renderReportMarkdown(demoReport('vm-demo-app-win01'), { languages: ['terraform'] });
  assert.match(markdown, /```hcl/);
  assert.doesNotMatch(markdown, /```bash/);
});

test('a live report is not labelled demo, and markup in names is escaped', () => {
  const report: DiagnosisReport = {
    generatedAt: '2026-01-01T00:00:00.000Z',
    sourceLabel: 'subscription <img src=x>',
    isDemo: false,
    targets: [{ bastionHostId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b`x', bastionHostName: '*bold*' }],
    findings: [],
  };
  const markdown = renderReportMarkdown(report);
  assert.doesNotMatch(markdown, /Demo/);
  assert.doesNotMatch(markdown, /(^|[^\\])<img/m);
  assert.match(markdown, /\\<img src=x\\>/);
  assert.match(markdown, /\\\*bold\\\*/);
  assert.match(markdown, /``\/subscriptions\/s\/.*b`x``/);
  assert.match(markdown, /No problems found\./);
});

test('the report holds no credential material', () => {
  const markdown = renderReportMarkdown(demoReport());
  assert.doesNotMatch(markdown, /bearer|authorization|access_token/i);
});
