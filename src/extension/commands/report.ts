import * as vscode from 'vscode';
import type { App } from '../app';
import { reportMarkdown } from '../report/fullReport';

export async function copyReportMarkdown(app: App): Promise<void> {
  const report = app.diagnosis.report;
  if (!report) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no diagnosis yet. Run Diagnose Bastion first.'));
    return;
  }
  await vscode.env.clipboard.writeText(reportMarkdown(report, app.diagnosis.diagnosis?.deep));
  void vscode.window.showInformationMessage(report.isDemo ? vscode.l10n.t('Copied the diagnosis (demo data) as Markdown.') : vscode.l10n.t('Copied the diagnosis as Markdown.'));
}
