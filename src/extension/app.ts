// What every command handler works with; built once in activate().
import type * as vscode from 'vscode';
import type { DiagnosisState } from './diagnosis/state';
import type { TreeNode } from './tree/node';
import type { LiveAzure } from './live/liveAzure';
import type { AzureSignIn } from './live/session';
import type { HostsTreeProvider } from './tree/provider';

export interface App {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly signIn: AzureSignIn;
  readonly live: LiveAzure;
  readonly hosts: HostsTreeProvider;
  /** The Bastion Hosts view, to reveal what a palette command acted on. */
  readonly hostsView: vscode.TreeView<TreeNode>;
  readonly diagnosis: DiagnosisState;
}
