// Bastion host and VM nodes. contextValue is `<kind>;<source>` (bastionHost;live,
// virtualMachine;demo) as the view/item/context menus in package.json expect.
import * as vscode from 'vscode';
import type { DiagnosisSelection } from '../sources/source';
import type { HostSummary, VmSummary } from './hostSummary';
import type { TreeNode } from './node';

const HEALTH_ICONS = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

export interface ResourceNode extends TreeNode {
  readonly kind: 'bastionHost' | 'virtualMachine';
  readonly selection: DiagnosisSelection;
}

export function isResourceNode(value: unknown): value is ResourceNode {
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  return (kind === 'bastionHost' || kind === 'virtualMachine') && typeof (value as { selection?: unknown }).selection === 'object';
}

export function bastionHostNode(summary: HostSummary, selection: DiagnosisSelection, children: (summary: HostSummary, parentId: string) => TreeNode[]): ResourceNode {
  const id = `${selection.source.kind}:${summary.host.id.toLowerCase()}`;
  const demo = selection.source.kind === 'demo';
  return {
    kind: 'bastionHost',
    id,
    selection,
    getTreeItem: () => {
      const item = new vscode.TreeItem(summary.host.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = demo ? `${summary.description} · ${vscode.l10n.t('Demo')}` : summary.description;
      item.iconPath = HEALTH_ICONS[summary.health];
      item.contextValue = `bastionHost;${selection.source.kind}`;
      const tooltip = new vscode.MarkdownString();
      if (demo) tooltip.appendMarkdown(`**${vscode.l10n.t('Demo data')}**, ${vscode.l10n.t('not your Azure')}\n\n`);
      tooltip.appendMarkdown(`**`).appendText(summary.host.name).appendMarkdown(`**\n\n`);
      for (const detail of summary.details) tooltip.appendMarkdown(`- ${detail.label}: `).appendText(detail.value).appendMarkdown('\n');
      item.tooltip = tooltip;
      return item;
    },
    getChildren: () => children(summary, id),
  };
}

export function virtualMachineNode(vm: VmSummary, selection: DiagnosisSelection, parentId: string): ResourceNode {
  const demo = selection.source.kind === 'demo';
  return {
    kind: 'virtualMachine',
    id: `${parentId}/${vm.vm.id.toLowerCase()}`,
    selection,
    getTreeItem: () => {
      const item = new vscode.TreeItem(vm.vm.name, vscode.TreeItemCollapsibleState.None);
      item.description = [vm.description, vm.reach, ...(demo ? [vscode.l10n.t('Demo')] : [])].join(' · ');
      item.iconPath = new vscode.ThemeIcon(vm.vm.powerState === undefined ? 'vm' : vm.vm.powerState.toLowerCase() === 'running' ? 'vm-running' : 'vm-outline');
      item.contextValue = `virtualMachine;${selection.source.kind}`;
      item.tooltip = `${vm.vm.name} (${vm.vm.osType ?? vscode.l10n.t('OS not read')}) · ${vm.description}${demo ? ` · ${vscode.l10n.t('Demo data')}` : ''}`;
      return item;
    },
  };
}
