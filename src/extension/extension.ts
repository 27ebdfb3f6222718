// Extension entry point. Activation stays cheap: views and commands are registered here, and
// everything that parses or talks to Azure is loaded when first used.
import * as vscode from 'vscode';
import type { App } from './app';
import { COMMAND_HANDLERS } from './commands/table';
import { DiagnosisTreeProvider } from './diagnosis/provider';
import { DiagnosisState } from './diagnosis/state';
import { registerTemplateLinting } from './editor/register';
import { LiveAzure } from './live/liveAzure';
import { AzureSignIn } from './live/session';
import { createLog, isCancellation, reportError } from './log';
import { diagnoseOnSelection } from './settings';
import { isResourceNode } from './tree/hostNodes';
import type { TreeNode } from './tree/node';
import { HostsTreeProvider } from './tree/provider';

/**
 * Returns the extension's state (the trees and the last diagnosis): the end-to-end tests inside
 * VS Code read it through `extensions.getExtension(...).exports`. Nothing else depends on it.
 */
export function activate(context: vscode.ExtensionContext): App {
  const log = createLog();
  const signIn = new AzureSignIn(context.globalState);
  const live = new LiveAzure(signIn, log);
  const hosts = new HostsTreeProvider(live, log);
  const diagnosis = new DiagnosisState();
  const hostsView = vscode.window.createTreeView<TreeNode>('bastionDoctor.hosts', { treeDataProvider: hosts, showCollapseAll: true });
  const app: App = { context, log, signIn, live, hosts, hostsView, diagnosis };
  const diagnosisView = vscode.window.createTreeView<TreeNode>('bastionDoctor.diagnosis', { treeDataProvider: new DiagnosisTreeProvider(diagnosis) });
  context.subscriptions.push(log, hosts, diagnosis, hostsView, diagnosisView);

  for (const [id, handler] of Object.entries(COMMAND_HANDLERS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await handler(app, ...args);
      } catch (error) {
        if (!isCancellation(error)) reportError(log, vscode.l10n.t('Bastion Doctor: {0} failed', id.replace('bastionDoctor.', '')), error);
      }
    }));
  }

  context.subscriptions.push(
    hostsView.onDidChangeSelection((event) => {
      const node = event.selection[0];
      if (diagnoseOnSelection() && isResourceNode(node)) void vscode.commands.executeCommand('bastionDoctor.diagnose', node);
    }),
    signIn.onDidChangeSessions(() => hosts.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('azureResourceGroups.selectedSubscriptions') || event.affectsConfiguration('microsoft-sovereign-cloud')) hosts.refresh();
      if (event.affectsConfiguration('bastionDoctor.rules')) diagnosis.refresh();
      if (event.affectsConfiguration('bastionDoctor.pageSize') || event.affectsConfiguration('bastionDoctor.rules')) hosts.refresh();
    }),
  );
  void vscode.commands.executeCommand('setContext', 'bastionDoctor.hasDiagnosis', false);
  void vscode.commands.executeCommand('setContext', 'bastionDoctor.hasLiveDiagnosis', false);

  registerTemplateLinting(context, log);
  if (vscode.workspace.getConfiguration('bastionDoctor').get<boolean>('showDemoOnStartup') === true) {
    void vscode.commands.executeCommand('bastionDoctor.openDemo');
  }
  return app;
}

export function deactivate(): void {}
