// Actions on a Bastion host or VM: native-client command, portal link, resource id. From the
// tree's context menu they act on the node; from the palette (keyboard) a quick pick offers the
// hosts and VMs of the current source.
import * as vscode from 'vscode';
import type { App } from '../app';
import { portalResourceUrl } from '../cloud';
import { nativeClientCommand } from '../nativeClient';
import { isResourceNode, type ResourceNode } from '../tree/hostNodes';
import { pickResource } from './pickTarget';

type ResourceTarget = Pick<ResourceNode, 'kind' | 'selection'>;

async function targetOf(app: App, node: unknown, only?: 'virtualMachine'): Promise<ResourceTarget | undefined> {
  if (isResourceNode(node)) return node;
  return pickResource(app, only);
}

function resourceIdOf(target: ResourceTarget): string {
  return target.kind === 'virtualMachine' && target.selection.virtualMachineId ? target.selection.virtualMachineId : target.selection.bastionHostId;
}

export async function copyNativeClientCommand(app: App, node: unknown): Promise<void> {
  const target = await targetOf(app, node, 'virtualMachine');
  if (!target?.selection.virtualMachineId) return;
  const { topology, bastionHostId, virtualMachineId } = target.selection;
  const host = topology.bastionHosts.find((candidate) => candidate.id === bastionHostId);
  const vm = topology.virtualMachines.find((candidate) => candidate.id === virtualMachineId);
  if (!host || !vm) return;
  const result = nativeClientCommand(host, vm);
  if (!result.ok) {
    void vscode.window.showInformationMessage(result.reason);
    return;
  }
  await vscode.env.clipboard.writeText(result.command);
  const demo = target.selection.source.kind === 'demo' ? ` ${vscode.l10n.t('(demo data: these resources do not exist)')}` : '';
  void vscode.window.showInformationMessage(`${vscode.l10n.t('Copied: {0}', result.command)}${demo}${result.note ? ` ${result.note}` : ''}`);
}

export async function openInPortal(app: App, node: unknown): Promise<void> {
  const target = await targetOf(app, node);
  if (!target) return;
  if (target.selection.source.kind !== 'live') {
    void vscode.window.showInformationMessage(target.selection.source.kind === 'demo'
      ? vscode.l10n.t('This is demo data; the resource does not exist in the Azure portal.')
      : vscode.l10n.t('This resource comes from a snapshot file; open it in the portal of the Azure it was saved from.'));
    return;
  }
  const url = portalResourceUrl(app.signIn.cloud(), resourceIdOf(target), target.selection.subscription?.tenantId);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

export async function copyResourceId(app: App, node: unknown): Promise<void> {
  const target = await targetOf(app, node);
  if (!target) return;
  await vscode.env.clipboard.writeText(resourceIdOf(target));
}
