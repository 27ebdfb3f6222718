import * as vscode from 'vscode';
import { diagnosisRoots, type TreeNode } from './nodes';
import type { DiagnosisState } from './state';

export class DiagnosisTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: DiagnosisState) {
    this.subscription = state.onDidChange(() => this.changed.fire());
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.getTreeItem();
    item.id = node.id;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return (await node.getChildren?.()) ?? [];
    const report = this.state.report;
    return report ? diagnosisRoots(report) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
