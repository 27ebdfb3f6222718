// Deep Check: the live read Diagnose makes, then the platform's own answers for the pair (IP flow
// verify, effective rules and routes, audit log, active sessions, the client path from here,
// native-client readiness, and opt-in the guest OS), then the diagnosis again with that evidence.
// Demo and snapshot data have no Azure behind them: Deep Check says so and offers Diagnose.
import * as vscode from 'vscode';
import type { DeepStepId } from '../../azure/deep/deepCheck';
import type { DeepTarget } from '../../azure/deep/target';
import { diagnose } from '../../core/diagnose';
import type { Topology, VirtualMachine } from '../../core/model';
import { sameId } from '../../core/resourceId';
import type { App } from '../app';
import { confirmGuestScript } from '../deep/guestConfirm';
import { clientPathOptions, nativeClientWants } from '../deep/deepOptions';
import { withDeepProgress } from '../deep/deepProgress';
import type { DeepCheckRecord } from '../deep/record';
import { loadAzure, type AzureLayer } from '../live/loadAzure';
import { withDelayedProgress } from '../progress';
import { customPort } from '../settings';
import type { DiagnosisSelection } from '../sources/source';
import { isResourceNode } from '../tree/hostNodes';
import { reportDiagnosisFailure, runDiagnosis } from './diagnose';
import { pickSelection } from './pickTarget';

export async function deepCheckCommand(app: App, node: unknown): Promise<void> {
  const source = isResourceNode(node) ? node.selection.source : app.hosts.activeSource;
  if (source.kind !== 'live') {
    await offerDiagnose(node, source.kind);
    return;
  }
  const selection = isResourceNode(node) ? node.selection : await pickSelection(app);
  if (!selection) return;
  try {
    await runDeepCheck(app, selection);
  } catch (error) {
    reportDiagnosisFailure(app, error, vscode.l10n.t('Deep check failed'));
  }
}

async function offerDiagnose(node: unknown, kind: 'demo' | 'snapshot'): Promise<void> {
  const diagnoseInstead = vscode.l10n.t('Diagnose');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('Deep checks ask live Azure (Network Watcher, Log Analytics, Run Command); the {0} data has no Azure behind it. Run the standard diagnosis instead?', kind === 'demo' ? vscode.l10n.t('demo') : vscode.l10n.t('snapshot')),
    diagnoseInstead,
  );
  if (choice === diagnoseInstead) await vscode.commands.executeCommand('bastionDoctor.diagnose', isResourceNode(node) ? node : undefined);
}

async function runDeepCheck(app: App, selection: DiagnosisSelection): Promise<void> {
  const subscription = selection.subscription;
  if (!subscription) throw new Error('the subscription of this Bastion host is not known; refresh the tree');
  const { topology, read } = await withDelayedProgress(vscode.l10n.t('Reading the Bastion configuration from Azure…'), (signal) =>
    app.live.readForDiagnosis(subscription, selection.bastionHostId, selection.virtualMachineId, signal));
  // A host whose read failed has nothing to check deeply: the diagnosis shows why.
  if (read.bastionHostId === undefined) {
    await runDiagnosis(app, selection);
    return;
  }
  const target = { bastionHostId: read.bastionHostId, virtualMachineId: read.virtualMachineId };
  const azure = await loadAzure();
  const vm = read.virtualMachineId === undefined ? undefined : topology.virtualMachines.find((candidate) => sameId(candidate.id, read.virtualMachineId));
  const guest = await decideGuest(azure, topology, target, vm);
  if (guest === 'cancel') return;
  const runGuestScript = guest.run;
  const notRun: DeepCheckRecord['notRun'] = guest.run ? {} : { 'guest-os': guest.reason };
  if (!vm) {
    for (const step of ['ip-flow', 'effective-security-rules', 'effective-routes'] as DeepStepId[]) notRun[step] = 'no VM was chosen';
  }

  const result = await withDeepProgress(app.log, (signal, onProgress) => app.live.deepCheck(subscription, topology, target, {
    signal,
    onProgress,
    customPort: customPort(),
    runGuestScript,
    clientPath: clientPathOptions(vscode.workspace.getConfiguration('http').get<string>('proxy')),
    nativeClient: { wants: nativeClientWants(vm?.osType) },
  }));
  const deepTopology = azure.withDeepEvidence(topology, result.deep);
  const report = diagnose(deepTopology, { bastion: target.bastionHostId, vm: target.virtualMachineId, customPort: customPort() });
  report.findings.unshift(...read.incomplete);
  report.findings.push(...result.findings);
  app.diagnosis.set({
    rawReport: report,
    topology: deepTopology,
    sourceKind: 'live',
    rawResources: read.resources,
    deep: { result, stepTitles: azure.DEEP_STEP_TITLES, notRun },
  });
  await vscode.commands.executeCommand('bastionDoctor.diagnosis.focus');
  const incomplete = result.steps.filter((step) => step.state === 'incomplete').length;
  const showReport = vscode.l10n.t('Show Report');
  const message = incomplete > 0
    ? vscode.l10n.t('Deep check finished; {0} step(s) could not run (see the check-incomplete findings). The report has the KQL used and the active sessions.', incomplete)
    : vscode.l10n.t('Deep check finished. The report has the KQL used and the active sessions.');
  void vscode.window.showInformationMessage(message, showReport).then((choice) => {
    if (choice === showReport) void vscode.commands.executeCommand('bastionDoctor.showReport');
  });
}

/** Whether the guest script runs: only for a running VM of known OS, after the user saw the exact script. */
async function decideGuest(azure: AzureLayer, topology: Topology, target: DeepTarget, vm: VirtualMachine | undefined): Promise<{ run: true } | { run: false; reason: string } | 'cancel'> {
  if (!vm) return { run: false, reason: 'no VM was chosen' };
  if (vm.osType === undefined) return { run: false, reason: `the OS type of ${vm.name} is not known` };
  if (vm.powerState !== undefined && vm.powerState.toLowerCase() !== 'running') return { run: false, reason: `${vm.name} is not running (${vm.powerState})` };
  const chosen = azure.guestScriptOf(azure.resolveTarget(topology, target, customPort()));
  if (!chosen) return { run: false, reason: `the OS type of ${vm.name} is not known` };
  const choice = await confirmGuestScript(vm.name, chosen.script);
  if (choice === 'cancel') return 'cancel';
  return choice === 'run' ? { run: true } : { run: false, reason: 'the read-only script was not confirmed' };
}
