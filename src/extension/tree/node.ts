// Tree nodes are plain objects, as in the Azure Resources extension: an id, a TreeItem, children.
import * as vscode from 'vscode';

export interface TreeNode {
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): TreeNode[] | Promise<TreeNode[]>;
}

/** A leaf that stands in for content: a call to action or the reason something is missing. */
export function placeholderNode(id: string, label: string, options: { command?: string; args?: unknown[]; icon?: string; tooltip?: string; description?: string } = {}): TreeNode {
  return {
    id,
    getTreeItem: () => {
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
      if (options.command) item.command = { command: options.command, title: label, arguments: options.args };
      if (options.icon) item.iconPath = new vscode.ThemeIcon(options.icon);
      if (options.tooltip) item.tooltip = options.tooltip;
      if (options.description) item.description = options.description;
      item.contextValue = 'placeholder';
      return item;
    },
  };
}
