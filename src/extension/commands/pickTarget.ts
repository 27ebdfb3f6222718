// Quick picks for Diagnose Bastion from the palette: subscription (live) → Bastion host → VM,
// or a VM first, with the host that reaches it found for the user.
import * as vscode from 'vscode';
import type { Topology } from '../../core/model';
import { sameId, subscriptionOf } from '../../core/resourceId';
import type { App } from '../app';
import type { DiagnosisSelection, TopologySource } from '../sources/source';
import { summarizeHosts, type HostSummary } from '../tree/hostSummary';
import type { SubscriptionInfo } from '../subscriptionFilter';
import { withDelayedProgress } from '../progress';

export async function pickSelection(app: App): Promise<DiagnosisSelection | undefined> {
  const source = app.hosts.activeSource;
  if (source.kind !== 'live') return pickInTopology(source, source.topology, undefined);
  const inventory = await withDelayedProgress(vscode.l10n.t('Listing Bastion hosts…'), () => app.hosts.liveInventory());
  if (!inventory) {
    const signIn = vscode.l10n.t('Sign In to Azure…');
    const demo = vscode.l10n.t('Open Demo Environment');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Sign in and select subscriptions to diagnose your Azure, or try the demo.'), signIn, demo);
    if (choice === signIn) await vscode.commands.executeCommand('bastionDoctor.signIn');
    if (choice === demo) await vscode.commands.executeCommand('bastionDoctor.openDemo');
    return undefined;
  }
  const withHosts = inventory.subscriptions.filter((s) => inventory.topology.bastionHosts.some((h) => sameId(subscriptionOf(h.id), s.subscriptionId)));
  if (withHosts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Bastion hosts in the selected subscriptions.'));
    return undefined;
  }
  const subscription = withHosts.length === 1 ? withHosts[0] : (await vscode.window.showQuickPick(
    withHosts.map((s) => ({ label: s.displayName, description: s.subscriptionId, subscription: s })),
    { placeHolder: vscode.l10n.t('Subscription') },
  ))?.subscription;
  if (!subscription) return undefined;
  return pickInTopology(source, inventory.topology, subscription);
}

async function pickInTopology(source: TopologySource, topology: Topology, subscription: SubscriptionInfo | undefined): Promise<DiagnosisSelection | undefined> {
  const hosts = summarizeHosts(topology).filter((summary) => !subscription || sameId(subscriptionOf(summary.host.id), subscription.subscriptionId));
  const demo = source.kind === 'demo' ? ` · ${vscode.l10n.t('Demo')}` : '';
  const vmFirst = { label: `$(vm) ${vscode.l10n.t('Pick a VM first…')}`, summary: undefined as HostSummary | undefined };
  const hostPick = await vscode.window.showQuickPick(
    [vmFirst, ...hosts.map((summary) => ({ label: summary.host.name, description: `${summary.description}${demo}`, summary }))],
    { placeHolder: vscode.l10n.t('Bastion host') },
  );
  if (!hostPick) return undefined;
  if (!hostPick.summary) return pickVmFirst(source, topology, hosts, subscription);
  const all = { label: vscode.l10n.t('All VMs this host can reach'), vmId: undefined as string | undefined };
  const vmPick = await vscode.window.showQuickPick(
    [all, ...hostPick.summary.vms.map((vm) => ({ label: vm.vm.name, description: `${vm.description} · ${vm.reach}${demo}`, vmId: vm.vm.id as string | undefined }))],
    { placeHolder: vscode.l10n.t('Target VM') },
  );
  if (!vmPick) return undefined;
  return { source, topology, bastionHostId: hostPick.summary.host.id, virtualMachineId: vmPick.vmId, subscription };
}

async function pickVmFirst(source: TopologySource, topology: Topology, hosts: HostSummary[], subscription: SubscriptionInfo | undefined): Promise<DiagnosisSelection | undefined> {
  const vms = hosts.flatMap((summary) => summary.vms.map((vm) => ({ vm, host: summary.host })));
  const picked = await vscode.window.showQuickPick(
    vms.map((entry) => ({ label: entry.vm.vm.name, description: vscode.l10n.t('through {0}', entry.host.name), entry })),
    { placeHolder: vscode.l10n.t('Target VM (each listed with the Bastion host that reaches it)') },
  );
  if (!picked) return undefined;
  return { source, topology, bastionHostId: picked.entry.host.id, virtualMachineId: picked.entry.vm.vm.id, subscription };
}
