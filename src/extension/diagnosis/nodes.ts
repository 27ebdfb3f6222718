// Diagnosis view nodes: layers → findings → evidence and fixes. Plain objects with
// getTreeItem/getChildren, as the Azure Resources tree does it.
import * as vscode from 'vscode';
import { CATALOG } from '../../core/catalog';
import { compareSeverity, LAYER_ORDER, LAYER_TITLES, type Finding, type Fix, type Layer, type Severity } from '../../core/findings';
import type { DiagnosisReport } from '../../core/diagnose';
import type { TreeNode } from '../tree/node';

export type { TreeNode };

const SEVERITY_ICONS: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

export function diagnosisRoots(report: DiagnosisReport): TreeNode[] {
  const header: TreeNode = {
    id: 'diagnosis:source',
    getTreeItem: () => {
      const item = new vscode.TreeItem(report.isDemo ? vscode.l10n.t('Demo') : report.sourceLabel);
      item.description = report.isDemo ? report.sourceLabel : new Date(report.generatedAt).toLocaleString();
      item.tooltip = report.isDemo ? vscode.l10n.t('Demo data: the built-in sample environment, not your Azure.') : report.sourceLabel;
      item.iconPath = new vscode.ThemeIcon(report.isDemo ? 'beaker' : 'cloud');
      return item;
    },
  };
  const layers = LAYER_ORDER.filter((layer) => report.findings.some((finding) => finding.layer === layer)).map((layer) => layerNode(layer, report.findings));
  if (layers.length > 0) return [header, ...layers];
  return [header, { id: 'diagnosis:none', getTreeItem: () => new vscode.TreeItem(vscode.l10n.t('No problems found'), vscode.TreeItemCollapsibleState.None) }];
}

function layerNode(layer: Layer, all: readonly Finding[]): TreeNode {
  const findings = all.filter((finding) => finding.layer === layer).sort((a, b) => compareSeverity(a.severity, b.severity));
  const worst = findings[0].severity;
  return {
    id: `layer:${layer}`,
    getTreeItem: () => {
      const item = new vscode.TreeItem(LAYER_TITLES[layer], vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(findings.length);
      item.iconPath = SEVERITY_ICONS[worst];
      item.contextValue = 'layer';
      return item;
    },
    getChildren: () => findings.map((finding, index) => findingNode(finding, `layer:${layer}/${index}`)),
  };
}

export interface FindingNode extends TreeNode {
  readonly kind: 'finding';
  readonly finding: Finding;
}

function findingNode(finding: Finding, id: string): FindingNode {
  return {
    kind: 'finding',
    id,
    finding,
    getTreeItem: () => {
      const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = finding.rule;
      item.tooltip = new vscode.MarkdownString().appendText(`${CATALOG[finding.rule].title}\n\n${finding.message}`);
      item.iconPath = SEVERITY_ICONS[finding.severity];
      item.contextValue = 'finding';
      return item;
    },
    getChildren: () => [
      ...finding.evidence.map((evidence, index): TreeNode => ({
        id: `${id}/evidence/${index}`,
        getTreeItem: () => {
          const item = new vscode.TreeItem(evidence.label);
          item.description = evidence.value;
          item.tooltip = `${evidence.label}: ${evidence.value}`;
          item.iconPath = new vscode.ThemeIcon('circle-small');
          item.contextValue = 'evidence';
          return item;
        },
      })),
      ...finding.fixes.map((fix, index) => fixNode(fix, finding, `${id}/fix/${index}`)),
    ],
  };
}

export interface FixNode extends TreeNode {
  readonly kind: 'fix';
  readonly fix: Fix;
  readonly finding: Finding;
}

function fixNode(fix: Fix, finding: Finding, id: string): FixNode {
  const runnable = fix.snippets.azcli !== undefined || fix.snippets.powershell !== undefined;
  return {
    kind: 'fix',
    id,
    fix,
    finding,
    getTreeItem: () => {
      const item = new vscode.TreeItem(fix.title);
      item.iconPath = new vscode.ThemeIcon('wrench');
      item.tooltip = new vscode.MarkdownString().appendText([fix.title, ...(fix.notes ?? [])].join('\n\n'));
      item.contextValue = runnable ? 'fix;shell' : 'fix';
      return item;
    },
  };
}

export function isFindingNode(value: unknown): value is FindingNode {
  return (value as { kind?: unknown } | undefined)?.kind === 'finding';
}

export function isFixNode(value: unknown): value is FixNode {
  return (value as { kind?: unknown } | undefined)?.kind === 'fix';
}
