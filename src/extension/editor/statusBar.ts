// "$(shield) Bastion: 2 errors, 1 warning" for the active template; hidden for other files.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { TemplateLinter } from './templateLinter';

export function findingsSummary(findings: readonly Finding[]): string {
  const n = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const [errors, warnings, infos] = [n('error'), n('warning'), n('info')];
  const parts = [
    ...(errors === 0 ? [] : [errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors)]),
    ...(warnings === 0 ? [] : [warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings)]),
    ...(infos === 0 ? [] : [infos === 1 ? vscode.l10n.t('1 info') : vscode.l10n.t('{0} infos', infos)]),
  ];
  return parts.length > 0 ? parts.join(', ') : vscode.l10n.t('no problems');
}

export function registerStatusBar(linter: TemplateLinter): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bastionDoctor.templateFindings', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Bastion Doctor template findings');
  item.command = 'workbench.actions.view.problems';
  item.tooltip = vscode.l10n.t('Bastion Doctor findings in this template (click for the Problems panel)');
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && linter.resultFor(document);
    if (!result) {
      item.hide();
      return;
    }
    item.text = `$(shield) ${vscode.l10n.t('Bastion: {0}', findingsSummary(result.findings))}`;
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    linter.onDidLint((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) update();
    }),
  );
}
