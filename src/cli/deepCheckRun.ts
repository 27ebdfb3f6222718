// `diagnose --deep`: the slower platform checks after the live read. Progress goes to stderr (so a
// JSON or SARIF stdout stays clean), then the KQL used and the active sessions. The guest script
// runs only with --guest, after the user saw it and confirmed (or passed --yes).
import type { AzureClients } from '../azure/clients';
import type { TokenCredential } from '@azure/core-auth';
import { guestScriptOf } from '../azure/deep/runCommand';
import { resolveTarget } from '../azure/deep/target';
import { runDeepCheck, withDeepEvidence, type DeepCheckResult } from '../azure/deep/deepCheck';
import type { Finding } from '../core/findings';
import type { Topology } from '../core/model';
import { sameId } from '../core/resourceId';
import type { CliIo } from './io';

export interface CliDeepOptions {
  guest: boolean;
  /** --yes: the guest script may run without asking. */
  assumeYes: boolean;
  customPort?: number;
  /**
   * Where Log Analytics is: `{}` for the SDK's public endpoint; undefined on a cloud whose endpoint
   * is not known here, and the audit-log step then says it could not run.
   */
  logs?: { endpoint?: string };
  signal?: AbortSignal;
}

export interface CliDeepResult {
  topology: Topology;
  findings: Finding[];
}

export async function runCliDeepCheck(
  clients: AzureClients,
  credential: TokenCredential,
  topology: Topology,
  selection: { bastion?: string; vm?: string },
  options: CliDeepOptions,
  io: CliIo,
): Promise<CliDeepResult> {
  if (selection.bastion === undefined) return { topology, findings: [] };
  const vm = topology.virtualMachines.find((v) => sameId(v.id, selection.vm));
  const runGuestScript = options.guest && (await confirmGuestScript(topology, { bastion: selection.bastion, vm: selection.vm }, options, io));
  io.stderr('Deep check:\n');
  const result = await runDeepCheck(clients, topology, { bastionHostId: selection.bastion, virtualMachineId: selection.vm }, {
    signal: options.signal,
    customPort: options.customPort,
    runGuestScript,
    logs: options.logs === undefined ? undefined : { credential, ...options.logs },
    clientPath: {},
    nativeClient: { wants: vm?.osType === 'Windows' ? ['rdp', 'tunnel'] : ['ssh', 'tunnel'] },
    onProgress: (progress) => {
      if (progress.state !== 'started') io.stderr(`  ${progress.title}: ${progress.state}\n`);
    },
  });
  printEvidence(result, io);
  return { topology: withDeepEvidence(topology, result.deep), findings: result.findings };
}

async function confirmGuestScript(topology: Topology, selection: { bastion: string; vm?: string }, options: CliDeepOptions, io: CliIo): Promise<boolean> {
  // Exactly what inspectGuest will send, port included: what the user confirms is what runs.
  const target = resolveTarget(topology, { bastionHostId: selection.bastion, virtualMachineId: selection.vm }, options.customPort);
  const guest = guestScriptOf(target);
  if (!guest || !target.vm) return false;
  io.stderr(`The guest check runs this read-only script on ${target.vm.name} through VM Run Command:\n\n${guest.script.script}\n\n`);
  if (options.assumeYes) return true;
  if (!io.confirm) {
    io.stderr('Not run: pass --yes to run it without a terminal to confirm in.\n');
    return false;
  }
  return io.confirm(`Run it on ${target.vm.name}?`);
}

function printEvidence(result: DeepCheckResult, io: CliIo): void {
  if (result.kql) io.stderr(`\nAudit log queries (Log Analytics, resource context on the Bastion host):\n${result.kql.recent}\n\n${result.kql.failedLogins}\n`);
  if (result.activeSessions) {
    io.stderr(`\nActive sessions: ${result.activeSessions.length}\n`);
    for (const session of result.activeSessions) io.stderr(`  ${session.userName ?? '?'} → ${session.targetIpAddress ?? '?'} (${session.protocol ?? '?'}, ${session.sessionDurationInMins ?? '?'} min)\n`);
  }
  io.stderr('\n');
}
