// The report webview: the current diagnosis as HTML with the connection path drawn for each VM.
// The page can only ask for "Copy as Markdown"; the extension renders and copies it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { buildConnectionPath, renderConnectionPathSvg } from '../../core/report';
import type { App } from '../app';
import { isKqlKey } from '../deep/record';
import { deepSectionHtml, reportMarkdown } from './fullReport';
import { renderReportHtml } from './html';

let panel: vscode.WebviewPanel | undefined;

export async function showReportPanel(app: App): Promise<void> {
  const report = app.diagnosis.report;
  const current = app.diagnosis.diagnosis;
  if (!report || !current) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no diagnosis yet. Run Diagnose Bastion first.'));
    return;
  }
  if (!panel) {
    panel = vscode.window.createWebviewPanel('bastionDoctor.report', vscode.l10n.t('Bastion Doctor Report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => (panel = undefined));
    panel.webview.onDidReceiveMessage(async (message: { type?: unknown; key?: unknown }) => {
      const latest = app.diagnosis.report;
      if (!latest) return;
      if (message?.type === 'copyMarkdown') {
        await vscode.env.clipboard.writeText(reportMarkdown(latest, app.diagnosis.diagnosis?.deep));
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the diagnosis as Markdown.'));
      }
      const kql = app.diagnosis.diagnosis?.deep?.result.kql;
      if (message?.type === 'copyKql' && isKqlKey(message.key) && kql?.[message.key]) {
        await vscode.env.clipboard.writeText(kql[message.key]);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the KQL query.'));
      }
    });
  }
  const pathSvgs = report.targets.flatMap((target) => {
    const path = buildConnectionPath(current.topology, report, target);
    return path ? [renderConnectionPathSvg(path)] : [];
  });
  panel.title = report.isDemo ? vscode.l10n.t('Bastion Doctor Report (Demo)') : vscode.l10n.t('Bastion Doctor Report');
  panel.webview.html = renderReportHtml(report, { nonce: randomBytes(16).toString('base64'), pathSvgs, deepSection: deepSectionHtml(report, current.deep) });
  panel.reveal();
}
