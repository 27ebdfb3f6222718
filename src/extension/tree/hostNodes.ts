// Bastion host and VM nodes. contextValue is `<kind>;<source>` (bastionHost;live,
// virtualMachine;demo) as the view/item/context menus in package.json expect.
import * as vscode from 'vscode';
import type { DiagnosisSelection } from '../sources/source';
import type { HostNodeData, VmNodeData } from './nodeData';
import type { TreeNode } from './node';

const HEALTH_ICONS = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  unknown: new vscode.ThemeIcon('question'),
};

export interface ResourceNode extends TreeNode {
  readonly kind: 'bastionHost' | 'virtualMachine';
  readonly selection: DiagnosisSelection;
}

export function isResourceNode(value: unknown): value is ResourceNode {
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  return (kind === 'bastionHost' || kind === 'virtualMachine') && typeof (value as { selection?: unknown }).selection === 'object';
}

export function bastionHostNode(host: HostNodeData, selection: DiagnosisSelection, children: (host: HostNodeData, parentId: string) => TreeNode[]): ResourceNode {
  const id = `${selection.source.kind}:${host.id.toLowerCase()}`;
  const demo = selection.source.kind === 'demo';
  return {
    kind: 'bastionHost',
    id,
    selection,
    getTreeItem: () => {
      const item = new vscode.TreeItem(host.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = demo ? `${host.description} · ${vscode.l10n.t('Demo')}` : host.description;
      item.iconPath = HEALTH_ICONS[host.health];
      item.contextValue = `bastionHost;${selection.source.kind}`;
      const tooltip = new vscode.MarkdownString();
      if (demo) tooltip.appendMarkdown(`**${vscode.l10n.t('Demo data')}**, ${vscode.l10n.t('not your Azure')}\n\n`);
      tooltip.appendMarkdown(`**`).appendText(host.name).appendMarkdown(`**\n\n`);
      for (const detail of host.details) tooltip.appendMarkdown(`- ${detail.label}: `).appendText(detail.value).appendMarkdown('\n');
      tooltip.appendMarkdown(`- ${vscode.l10n.t('Health')}: `).appendText(host.healthReason).appendMarkdown('\n');
      item.tooltip = tooltip;
      return item;
    },
    getChildren: () => children(host, id),
  };
}

export function virtualMachineNode(vm: VmNodeData, selection: DiagnosisSelection, parentId: string): ResourceNode {
  const demo = selection.source.kind === 'demo';
  return {
    kind: 'virtualMachine',
    id: `${parentId}/${vm.id.toLowerCase()}`,
    selection,
    getTreeItem: () => {
      const item = new vscode.TreeItem(vm.name, vscode.TreeItemCollapsibleState.None);
      item.description = [vm.description, vm.reach, ...(demo ? [vscode.l10n.t('Demo')] : [])].join(' · ');
      item.iconPath = new vscode.ThemeIcon(vm.powerState === undefined ? 'vm' : vm.powerState.toLowerCase() === 'running' ? 'vm-running' : 'vm-outline');
      item.contextValue = `virtualMachine;${selection.source.kind}`;
      item.tooltip = [vm.name, vm.description, vm.reach, ...vm.details, ...(demo ? [vscode.l10n.t('Demo data')] : [])].join(' · ');
      return item;
    },
  };
}
