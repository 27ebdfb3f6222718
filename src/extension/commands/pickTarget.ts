// Quick picks for Diagnose Bastion from the palette: subscription (live) → Bastion host → VM,
// or a VM first, with the host that reaches it found for the user; and one pick of a host or VM
// for the actions on a node. They offer what the tree shows: the live inventory, or the demo /
// snapshot topology.
import * as vscode from 'vscode';
import type { Topology } from '../../core/model';
import type { App } from '../app';
import { withDelayedProgress } from '../progress';
import { severityOverrides } from '../settings';
import type { DiagnosisSelection, TopologySource } from '../sources/source';
import type { SubscriptionInfo } from '../subscriptionFilter';
import { hostNodeData, summarizeHosts } from '../tree/hostSummary';
import type { HostNodeData } from '../tree/nodeData';

/** Hosts to choose from, with what a selection of one needs. */
interface HostScope {
  hosts: HostNodeData[];
  topology: Topology;
  subscription?: SubscriptionInfo;
}

export async function pickSelection(app: App): Promise<DiagnosisSelection | undefined> {
  const scoped = await pickScope(app);
  return scoped && pickInScope(scoped.source, scoped.scope);
}

/** A Bastion host or VM of the current source, for the actions on one (copy id, portal, native client). */
export async function pickResource(app: App, only?: 'virtualMachine'): Promise<{ kind: 'bastionHost' | 'virtualMachine'; selection: DiagnosisSelection } | undefined> {
  const scoped = await pickScope(app);
  if (!scoped) return undefined;
  const { source, scope } = scoped;
  const base = { source, topology: scope.topology, subscription: scope.subscription };
  // Not `kind`: QuickPickItem has one (separator or default).
  type ResourceItem = vscode.QuickPickItem & { resourceKind: 'bastionHost' | 'virtualMachine'; selection: DiagnosisSelection };
  const items = scope.hosts.flatMap((host): ResourceItem[] => [
    ...(only ? [] : [{ label: `$(server) ${host.name}`, description: host.description, resourceKind: 'bastionHost' as const, selection: { ...base, bastionHostId: host.id } }]),
    ...host.vms.map((vm): ResourceItem => ({ label: `$(vm) ${vm.name}`, description: vscode.l10n.t('through {0}', host.name), resourceKind: 'virtualMachine', selection: { ...base, bastionHostId: host.id, virtualMachineId: vm.id } })),
  ]);
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No VMs that a Bastion host can reach.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: only ? vscode.l10n.t('Target VM (each listed with the Bastion host that reaches it)') : vscode.l10n.t('Bastion host or VM') });
  return picked && { kind: picked.resourceKind, selection: picked.selection };
}

/** The hosts of the current source: the demo / snapshot topology, or one live subscription. */
async function pickScope(app: App): Promise<{ source: TopologySource; scope: HostScope } | undefined> {
  const source = app.hosts.activeSource;
  if (source.kind !== 'live') {
    return { source, scope: { hosts: summarizeHosts(source.topology, severityOverrides()).map(hostNodeData), topology: source.topology } };
  }
  const inventory = await withDelayedProgress(vscode.l10n.t('Listing Bastion hosts…'), () => app.hosts.liveInventory());
  if (!inventory) {
    const signIn = vscode.l10n.t('Sign In to Azure…');
    const demo = vscode.l10n.t('Open Demo Environment');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sign in and select subscriptions to diagnose your Azure, or try the demo.'), signIn, demo);
    if (choice === signIn) await vscode.commands.executeCommand('bastionDoctor.signIn');
    if (choice === demo) await vscode.commands.executeCommand('bastionDoctor.openDemo');
    return undefined;
  }
  const withHosts = inventory.subscriptions.filter((data) => data.hosts.length > 0);
  if (withHosts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Bastion hosts in the selected subscriptions.'));
    return undefined;
  }
  const picked = withHosts.length === 1 ? withHosts[0] : (await vscode.window.showQuickPick(
    withHosts.map((data) => ({ label: data.subscription.displayName, description: data.subscription.subscriptionId, data })),
    { placeHolder: vscode.l10n.t('Subscription') },
  ))?.data;
  return picked && { source, scope: picked };
}

async function pickInScope(source: TopologySource, scope: HostScope): Promise<DiagnosisSelection | undefined> {
  const demo = source.kind === 'demo' ? ` · ${vscode.l10n.t('Demo')}` : '';
  const vmFirst = { label: `$(vm) ${vscode.l10n.t('Pick a VM first…')}`, host: undefined as HostNodeData | undefined };
  const hostPick = await vscode.window.showQuickPick(
    [vmFirst, ...scope.hosts.map((host) => ({ label: host.name, description: `${host.description}${demo}`, host }))],
    { placeHolder: vscode.l10n.t('Bastion host') },
  );
  if (!hostPick) return undefined;
  const { topology, subscription } = scope;
  if (!hostPick.host) return pickVmFirst(source, scope);
  const all = { label: vscode.l10n.t('All VMs this host can reach'), vmId: undefined as string | undefined };
  const vmPick = await vscode.window.showQuickPick(
    [all, ...hostPick.host.vms.map((vm) => ({ label: vm.name, description: `${vm.description} · ${vm.reach}${demo}`, vmId: vm.id as string | undefined }))],
    { placeHolder: vscode.l10n.t('Target VM') },
  );
  if (!vmPick) return undefined;
  return { source, topology, bastionHostId: hostPick.host.id, virtualMachineId: vmPick.vmId, subscription };
}

async function pickVmFirst(source: TopologySource, scope: HostScope): Promise<DiagnosisSelection | undefined> {
  const vms = scope.hosts.flatMap((host) => host.vms.map((vm) => ({ vm, host })));
  const picked = await vscode.window.showQuickPick(
    vms.map((entry) => ({ label: entry.vm.name, description: vscode.l10n.t('through {0}', entry.host.name), entry })),
    { placeHolder: vscode.l10n.t('Target VM (each listed with the Bastion host that reaches it)') },
  );
  if (!picked) return undefined;
  return { source, topology: scope.topology, bastionHostId: picked.entry.host.id, virtualMachineId: picked.entry.vm.id, subscription: scope.subscription };
}
