// Extension entry point. Activation stays cheap: commands and views are registered here, and
// everything that parses or talks to Azure is loaded when first used.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Bastion Doctor', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('bastionDoctor.showLogs', () => log.show()),
  );
}

export function deactivate(): void {}
