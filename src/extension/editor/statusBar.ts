// "$(shield) Bastion: 2 errors, 1 warning" for the active template; hidden for other files.
import * as vscode from 'vscode';
import type { Finding } from '../../core/findings';
import type { TemplateLinter } from './templateLinter';

export function findingsSummary(findings: readonly Finding[]): string {
  const count = (severity: Finding['severity'], singular: string) => {
    const n = findings.filter((f) => f.severity === severity).length;
    return n === 0 ? [] : [`${n} ${singular}${n === 1 ? '' : 's'}`];
  };
  const parts = [...count('error', 'error'), ...count('warning', 'warning'), ...count('info', 'info')];
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

export function registerStatusBar(linter: TemplateLinter): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bastionDoctor.templateFindings', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Bastion Doctor template findings';
  item.command = 'workbench.actions.view.problems';
  item.tooltip = 'Bastion Doctor findings in this template (click for the Problems panel)';
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && linter.resultFor(document);
    if (!result) {
      item.hide();
      return;
    }
    item.text = `$(shield) Bastion: ${findingsSummary(result.findings)}`;
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
