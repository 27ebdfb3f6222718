// Reads, fresh from ARM, everything a diagnosis of one Bastion host (and optionally one VM)
// needs. Reads run in waves: every read whose inputs are known goes out at once, and the next
// wave is planned from what came back, so the critical path is as short as the references allow
// (host+VM → VNet/NIC/public IP/diagnostic settings → NSGs/route tables/peered VNets).
// A read that fails becomes a check-incomplete finding; it never stops the others.
import type { Finding } from '../core/findings';
import type { TopologyCoverage } from '../core/model';
import { isResourceId } from '../core/resourceId';
import { getNetworkResource, getVirtualMachine, listBastionHosts, listNetworkInterfaces, listVirtualMachines, type ArmRead } from './armReads';
import { countRequests, type AzureClients } from './clients';
import { readFailureFinding, RunDeadlineError } from './errors';
import { planNextReads, type DiagnosisState } from './diagnosisPlan';
import type { RawArmResource } from './rawArm';

export type { RawArmResource } from './rawArm';

export interface ReadForDiagnosisOptions {
  /** A Bastion host name (searched in the subscription) or ARM id. */
  bastion: string;
  /** A VM name (searched in the subscription) or ARM id. Absent: every VM the host can reach. */
  vm?: string;
  signal?: AbortSignal;
  /** Without --vm: at most this many reachable VMs are read (default 50). */
  maxVms?: number;
  /**
   * The whole read's time limit: what has not answered by then is check-incomplete and the run
   * reports what it has (absent: no limit beyond the per-request timeout).
   */
  timeoutMs?: number;
}

export interface DiagnosisRead {
  /** Raw ARM JSON of every successful read, once per resource. */
  resources: RawArmResource[];
  /** One check-incomplete finding per failed read. */
  incomplete: Finding[];
  /** HTTP requests made (retries included). */
  requestCount: number;
  /** Sequential round trips on the critical path. */
  waves: number;
  coverage: Partial<TopologyCoverage>;
  /** The ids to diagnose: absent when the host / VM could not be read. */
  bastionHostId?: string;
  virtualMachineId?: string;
}

/** The user named a host or VM that is not there, or a name that matches several. */
export class ResourceSelectionError extends Error {
  override readonly name = 'ResourceSelectionError';
}

const DEFAULT_MAX_VMS = 50;

export async function readForDiagnosis(clients: AzureClients, options: ReadForDiagnosisOptions): Promise<DiagnosisRead> {
  const { result, requestCount } = await countRequests(() => readInWaves(clients, options));
  return { ...result, requestCount };
}

async function readInWaves(clients: AzureClients, options: ReadForDiagnosisOptions): Promise<Omit<DiagnosisRead, 'requestCount'>> {
  // One controller for the whole read: the caller's cancellation, a fatal failure (sign-in, no
  // network) or the time limit stops every request still in flight.
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = options.timeoutMs === undefined ? undefined : setTimeout(() => controller.abort(new RunDeadlineError(options.timeoutMs!)), options.timeoutMs);
  const state = initialState(clients, options);
  let waves = 0;
  try {
    for (let reads = initialReads(clients, options); reads.length > 0; reads = planNextReads(state)) {
      waves += 1;
      for (const read of reads) state.requested.add(read.key);
      await Promise.all(reads.map((read) => runRead(read, clients, controller, state)));
      resolveSelection(state, options);
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    clearTimeout(deadline);
  }
  if (options.signal?.aborted) throw abortError(options.signal);
  return {
    resources: [...state.resources.values()],
    incomplete: state.incomplete,
    waves,
    coverage: { diagnosticSettings: state.diagnosticSettingsRead, privateDnsZoneLinks: state.privateDnsZoneLinksRead, instanceView: state.instanceViewRead },
    bastionHostId: readId(state, state.hostId),
    virtualMachineId: readId(state, state.vmId),
  };
}

/** The id, when that resource was actually read. */
function readId(state: DiagnosisState, id: string | undefined): string | undefined {
  return id !== undefined && state.resources.has(id.toLowerCase()) ? state.resources.get(id.toLowerCase())!.id : undefined;
}

function initialState(clients: AzureClients, options: ReadForDiagnosisOptions): DiagnosisState {
  return {
    subscriptionId: clients.subscriptionId,
    resources: new Map(),
    requested: new Set(),
    failed: new Set(),
    incomplete: [],
    hostId: isResourceId(options.bastion) ? options.bastion : undefined,
    vmId: options.vm !== undefined && isResourceId(options.vm) ? options.vm : undefined,
    maxVms: options.maxVms ?? DEFAULT_MAX_VMS,
    diagnosticSettingsRead: false,
    instanceViewRead: false,
    privateDnsZoneLinksRead: false,
  };
}

function initialReads(clients: AzureClients, options: ReadForDiagnosisOptions): ArmRead[] {
  const reads: ArmRead[] = [];
  reads.push(isResourceId(options.bastion)
    ? getNetworkResource('bastionHost', options.bastion, 'every check of the Bastion host', 'host')
    : listBastionHosts(clients.subscriptionId));
  if (options.vm === undefined) reads.push(listNetworkInterfaces(clients.subscriptionId));
  else if (isResourceId(options.vm)) reads.push(getVirtualMachine(options.vm));
  else reads.push(listVirtualMachines(clients.subscriptionId, false));
  return reads;
}

async function runRead(read: ArmRead, clients: AzureClients, controller: AbortController, state: DiagnosisState): Promise<void> {
  try {
    const raws = await read.run(clients, controller.signal);
    record(read, raws, state);
  } catch (error) {
    // Past the time limit the SDK reports an abort: the limit is what the user needs to hear.
    const reason: unknown = controller.signal.reason;
    const cause = reason instanceof RunDeadlineError ? reason : error;
    try {
      state.incomplete.push(readFailureFinding(cause, read.target, clients.endpoint));
      state.failed.add(read.target.id.toLowerCase());
    } catch (fatal) {
      controller.abort(fatal);
      throw fatal;
    }
  }
}

/** Keeps the raw JSON; list reads that only serve to find something are kept aside. */
function record(read: ArmRead, raws: RawArmResource[], state: DiagnosisState): void {
  if (read.key.startsWith('list microsoft.compute/virtualmachines')) {
    state.vmListing = raws;
    return;
  }
  if (read.key.startsWith('list microsoft.network/networkinterfaces')) {
    state.nicListing = [...(state.nicListing ?? []), ...raws];
    return;
  }
  if (read.key.startsWith('list bastionHosts')) {
    state.hostListing = raws;
    return;
  }
  if (read.key.startsWith('diagnosticSettings')) state.diagnosticSettingsRead = true;
  if (read.key.startsWith('privateDnsZoneLinks')) state.privateDnsZoneLinksRead = true;
  for (const raw of raws) {
    const key = raw.id.toLowerCase();
    if (raw.type.toLowerCase() === 'microsoft.compute/virtualmachines' && isInstanceViewRead(raw)) state.instanceViewRead = true;
    state.resources.set(key, raw);
  }
}

function isInstanceViewRead(vm: RawArmResource): boolean {
  const properties = vm.properties as { instanceView?: unknown } | undefined;
  return typeof properties?.instanceView === 'object' && properties.instanceView !== null;
}

/** Turns name look-ups into ids once their listing is back. */
function resolveSelection(state: DiagnosisState, options: ReadForDiagnosisOptions): void {
  if (state.hostId === undefined && state.hostListing !== undefined) {
    const host = matchByName(state.hostListing, options.bastion, 'Bastion host', state.subscriptionId);
    state.resources.set(host.id.toLowerCase(), host);
    state.hostId = host.id;
  }
  if (options.vm !== undefined && state.vmId === undefined && state.vmListing !== undefined) {
    state.vmId = matchByName(state.vmListing, options.vm, 'virtual machine', state.subscriptionId).id;
  }
}

function matchByName(listing: RawArmResource[], name: string, kind: string, subscriptionId: string): RawArmResource {
  const matches = listing.filter((r) => r.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new ResourceSelectionError(`No ${kind} named '${name}' in subscription ${subscriptionId}.`);
  throw new ResourceSelectionError(`Several ${kind}s are named '${name}' in subscription ${subscriptionId}; pass one of these ids instead: ${matches.map((m) => m.id).join(', ')}`);
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The diagnosis was cancelled.');
  error.name = 'AbortError';
  return error;
}
