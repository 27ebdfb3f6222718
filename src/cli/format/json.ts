// The machine-readable report: findings in the checks.md finding shape, plus where they came from.
import { ruleDocUrl } from '../../core/catalog';
import type { DiagnosisReport } from '../../core/diagnose';
import { summarize } from './summary';
import { escapeJsonControls } from './terminalText';

export const JSON_REPORT_SCHEMA_VERSION = 1;

export function formatJson(report: DiagnosisReport): string {
  const document = {
    schemaVersion: JSON_REPORT_SCHEMA_VERSION,
    generatedAt: report.generatedAt,
    source: report.sourceLabel,
    isDemo: report.isDemo,
    summary: summarize(report),
    targets: report.targets,
    findings: report.findings.map((finding) => ({ ...finding, helpUri: ruleDocUrl(finding.rule) })),
  };
  return escapeJsonControls(JSON.stringify(document, null, 2)) + '\n';
}
