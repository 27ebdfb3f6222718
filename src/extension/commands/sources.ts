// Source and tree commands: demo, snapshots, sign-in with tenant choice, subscription filter,
// the tree's text filter.
import * as vscode from 'vscode';
import { serializeSnapshot } from '../../core/snapshot';
import type { App } from '../app';
import { reportError } from '../log';
import { withDelayedProgress } from '../progress';
import { setSubscriptionFilterEntries, subscriptionFilterEntries } from '../settings';
import { demoSource } from '../sources/demo';
import { loadSnapshot, pickSnapshotFile } from '../sources/snapshot';
import { filterEntry, updatedFilter } from '../subscriptionFilter';

export async function openDemo(app: App): Promise<void> {
  app.hosts.setSource(demoSource());
  await vscode.commands.executeCommand('bastionDoctor.hosts.focus');
  void vscode.window.showInformationMessage(vscode.l10n.t('Showing the demo environment: built-in sample data, not your Azure.'));
}

export async function openSnapshot(app: App): Promise<void> {
  const uri = await pickSnapshotFile();
  if (!uri) return;
  const loaded = await loadSnapshot(uri);
  if (!loaded.ok) {
    app.log.error(loaded.message);
    void vscode.window.showErrorMessage(loaded.message);
    return;
  }
  for (const problem of loaded.source.kind === 'snapshot' ? loaded.source.topology.problems : []) app.log.warn(problem.message);
  app.hosts.setSource(loaded.source);
  await vscode.commands.executeCommand('bastionDoctor.hosts.focus');
}

export async function saveSnapshot(app: App): Promise<void> {
  const resources = app.diagnosis.diagnosis?.rawResources;
  if (!resources || resources.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Save Snapshot needs a diagnosis of live Azure resources; demo and snapshot diagnoses have nothing new to save.'));
    return;
  }
  const uri = await vscode.window.showSaveDialog({ filters: { [vscode.l10n.t('Snapshot (JSON)')]: ['json'] }, saveLabel: vscode.l10n.t('Save Snapshot') });
  if (!uri) return;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeSnapshot(resources)));
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} resources to {1}. It holds resource configuration, no credentials.', resources.length, uri.fsPath));
}

export async function signIn(app: App): Promise<void> {
  try {
    const tenants = await withDelayedProgress(vscode.l10n.t('Signing in to Azure…'), (signal) => app.live.tenants(signal));
    if (tenants.length > 1) {
      const picked = await vscode.window.showQuickPick(
        tenants.map((tenant) => ({ label: tenant.displayName ?? tenant.tenantId, description: tenant.defaultDomain, detail: tenant.tenantId, tenant })),
        { placeHolder: vscode.l10n.t('Directory (tenant)') },
      );
      if (!picked) return;
      await app.signIn.setTenant(picked.tenant.tenantId);
      await app.signIn.interactiveSession(picked.tenant.tenantId);
    } else {
      await app.signIn.setTenant(tenants[0]?.tenantId);
    }
    app.hosts.setSource({ kind: 'live' });
  } catch (error) {
    reportError(app.log, vscode.l10n.t('Sign-in failed'), error);
  }
}

export async function selectSubscriptions(app: App): Promise<void> {
  try {
    const subscriptions = await withDelayedProgress(vscode.l10n.t('Listing subscriptions…'), (signal) => app.live.subscriptions(signal));
    if (subscriptions === undefined) {
      await signIn(app);
      return;
    }
    const entries = subscriptionFilterEntries();
    const selected = new Set(entries.filter((e): e is string => typeof e === 'string').map((e) => e.toLowerCase()));
    const picked = await vscode.window.showQuickPick(
      subscriptions.map((subscription) => ({
        label: subscription.displayName,
        description: subscription.subscriptionId,
        picked: selected.has(filterEntry(subscription).toLowerCase()),
        subscription,
      })),
      { canPickMany: true, placeHolder: vscode.l10n.t('Subscriptions to show (shared with the Azure Resources extension)') },
    );
    if (!picked) return;
    await setSubscriptionFilterEntries(updatedFilter(entries, subscriptions, picked.map((item) => item.subscription)));
    app.hosts.setSource({ kind: 'live' });
  } catch (error) {
    reportError(app.log, vscode.l10n.t('Could not list subscriptions'), error);
  }
}

export async function filterHosts(app: App): Promise<void> {
  const value = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Show Bastion hosts and VMs whose name contains this text (empty: show all)'),
    value: app.hosts.filter ?? '',
  });
  if (value === undefined) return;
  app.hosts.setFilter(value);
}
