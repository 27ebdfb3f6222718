// The report as Markdown and the webview's deep section, with the Deep check when the current
// diagnosis has one. Shared by "Copy as Markdown" in the palette and in the report panel.
import type { DiagnosisReport } from '../../core/diagnose';
import { renderReportMarkdown } from '../../core/report/markdown';
import type { DeepCheckRecord } from '../deep/record';
import { renderDeepSectionHtml } from './deepHtml';
import { renderDeepSectionMarkdown } from './deepMarkdown';
import { buildDeepSection } from './deepSection';

export function reportMarkdown(report: DiagnosisReport, deep: DeepCheckRecord | undefined): string {
  const main = renderReportMarkdown(report);
  return deep ? `${main}\n${renderDeepSectionMarkdown(buildDeepSection(deep, report))}` : main;
}

export function deepSectionHtml(report: DiagnosisReport, deep: DeepCheckRecord | undefined): string | undefined {
  return deep ? renderDeepSectionHtml(buildDeepSection(deep, report)) : undefined;
}
