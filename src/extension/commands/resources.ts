// Actions on a Bastion host or VM node: native-client command, portal link, resource id.
import * as vscode from 'vscode';
import type { App } from '../app';
import { portalResourceUrl } from '../cloud';
import { nativeClientCommand } from '../nativeClient';
import { isResourceNode, type ResourceNode } from '../tree/hostNodes';

function resourceIdOf(node: ResourceNode): string {
  return node.kind === 'virtualMachine' && node.selection.virtualMachineId ? node.selection.virtualMachineId : node.selection.bastionHostId;
}

export async function copyNativeClientCommand(_app: App, node: unknown): Promise<void> {
  if (!isResourceNode(node) || !node.selection.virtualMachineId) return;
  const { topology, bastionHostId, virtualMachineId } = node.selection;
  const host = topology.bastionHosts.find((candidate) => candidate.id === bastionHostId);
  const vm = topology.virtualMachines.find((candidate) => candidate.id === virtualMachineId);
  if (!host || !vm) return;
  const result = nativeClientCommand(host, vm);
  if (!result.ok) {
    void vscode.window.showInformationMessage(result.reason);
    return;
  }
  await vscode.env.clipboard.writeText(result.command);
  const demo = node.selection.source.kind === 'demo' ? ` ${vscode.l10n.t('(demo data: these resources do not exist)')}` : '';
  void vscode.window.showInformationMessage(`${vscode.l10n.t('Copied: {0}', result.command)}${demo}${result.note ? ` ${result.note}` : ''}`);
}

export async function openInPortal(app: App, node: unknown): Promise<void> {
  if (!isResourceNode(node)) return;
  if (node.selection.source.kind !== 'live') {
    void vscode.window.showInformationMessage(node.selection.source.kind === 'demo'
      ? vscode.l10n.t('This is demo data; the resource does not exist in the Azure portal.')
      : vscode.l10n.t('This resource comes from a snapshot file; open it in the portal of the Azure it was saved from.'));
    return;
  }
  const url = portalResourceUrl(app.signIn.cloud(), resourceIdOf(node), node.selection.subscription?.tenantId);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export async function copyResourceId(_app: App, node: unknown): Promise<void> {
  if (!isResourceNode(node)) return;
  await vscode.env.clipboard.writeText(resourceIdOf(node));
}
