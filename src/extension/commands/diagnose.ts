// Diagnose Bastion: from a tree node, or from the palette through quick picks (host then VM, or
// VM first with the host that reaches it). Demo and snapshot topologies are diagnosed as they
// are; live ones are read fresh from ARM first, with delayed, cancellable progress.
import * as vscode from 'vscode';
import { diagnose, SelectionError } from '../../core/diagnose';
import { hasErrors } from '../../core/findings';
import type { App } from '../app';
import { isCancellation, reportError } from '../log';
import { withDelayedProgress } from '../progress';
import { customPort } from '../settings';
import type { DiagnosisSelection } from '../sources/source';
import { isResourceNode } from '../tree/hostNodes';
import { pickSelection } from './pickTarget';

export async function diagnoseCommand(app: App, node: unknown): Promise<void> {
  const fromTree = isResourceNode(node);
  const selection = fromTree ? node.selection : await pickSelection(app);
  if (!selection) return;
  try {
    await runDiagnosis(app, selection);
  } catch (error) {
    reportDiagnosisFailure(app, error, vscode.l10n.t('Diagnosis failed'));
  }
  if (!fromTree) await revealInTree(app, selection);
}

/** Picked in the palette: the host and VM are shown selected in the Bastion Hosts tree. */
async function revealInTree(app: App, selection: DiagnosisSelection): Promise<void> {
  try {
    const shown = await app.hosts.nodeOf(selection);
    if (shown) await app.hostsView.reveal(shown, { select: true, focus: false, expand: false });
  } catch (error) {
    app.log.warn(`Could not show the diagnosed host in the Bastion Hosts tree: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Cancellation is silent; a selection that no longer matches, a lost sign-in or no route to Azure say so. */
export function reportDiagnosisFailure(app: App, error: unknown, title: string): void {
  if (isCancellation(error)) return;
  if (error instanceof SelectionError) {
    void vscode.window.showWarningMessage(error.message);
    return;
  }
  if (reportAzureFailure(app, error)) return;
  reportError(app.log, title, error);
}

/**
 * The failures that stop a live read as a whole (src/azure/errors): an expired or missing sign-in
 * offers to sign in again; no route to Resource Manager says so. Returns whether it handled one.
 */
function reportAzureFailure(app: App, error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotSignedInError') {
    app.log.warn((error as Error).message);
    const signIn = vscode.l10n.t('Sign In Again');
    void vscode.window.showWarningMessage(vscode.l10n.t('Your Azure sign-in has expired or was revoked: sign in again to diagnose live resources.'), signIn).then((choice) => {
      if (choice === signIn) void vscode.commands.executeCommand('bastionDoctor.signIn');
    });
    return true;
  }
  if (name === 'AzureUnreachableError') {
    reportError(app.log, vscode.l10n.t('Azure Resource Manager is unreachable'), error);
    return true;
  }
  return false;
}

export async function runDiagnosis(app: App, selection: DiagnosisSelection): Promise<void> {
  const options = { bastion: selection.bastionHostId, vm: selection.virtualMachineId, customPort: customPort() };
  if (selection.source.kind === 'live') {
    const subscription = selection.subscription;
    if (!subscription) throw new Error('the subscription of this Bastion host is not known; refresh the tree');
    const { topology, read } = await withDelayedProgress(vscode.l10n.t('Reading the Bastion configuration from Azure…'), (signal) =>
      app.live.readForDiagnosis(subscription, selection.bastionHostId, selection.virtualMachineId, signal));
    // Diagnose what was actually read: a host (or VM) whose read failed has only its
    // check-incomplete finding, which names the missing permission or the 404.
    const report = read.bastionHostId === undefined
      ? { generatedAt: new Date().toISOString(), sourceLabel: topology.sourceLabel ?? 'Azure', isDemo: false, targets: [], findings: [] }
      : diagnose(topology, { ...options, bastion: read.bastionHostId, vm: read.virtualMachineId });
    report.findings.unshift(...read.incomplete);
    app.diagnosis.set({ rawReport: report, topology, sourceKind: 'live', rawResources: read.resources });
  } else {
    const report = diagnose(selection.topology, options);
    app.diagnosis.set({ rawReport: report, topology: selection.topology, sourceKind: selection.source.kind });
  }
  await vscode.commands.executeCommand('bastionDoctor.diagnosis.focus');
  const report = app.diagnosis.report;
  if (report) {
    const summary = hasErrors(report.findings)
      ? vscode.l10n.t('Bastion Doctor found {0} problem(s).', report.findings.filter((f) => f.severity === 'error').length)
      : vscode.l10n.t('Bastion Doctor found no blocking problem.');
    app.log.info(`${summary} (${report.sourceLabel})`);
  }
}
