// `diagnose --subscription ID` or `diagnose --bastion RESOURCE_ID`: read the Bastion host (and VM)
// fresh from ARM with the chosen credential, each resource in the subscription of its id,
// optionally save what was read as a snapshot, and map it to a topology.
// Tests point it at the local fake ARM through BASTION_DOCTOR_TEST_TOKEN / _CA, which are read
// only when BASTION_DOCTOR_TEST=1 (set by scripts/test.mjs), never in normal use.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createAzureClients, PUBLIC_ARM_ENDPOINT } from '../azure/clients';
import { AUTH_KINDS, createCredential, isAuthKind, staticTokenCredential } from '../azure/credentials';
import { RunDeadlineError } from '../azure/errors';
import { readForDiagnosis, ResourceSelectionError } from '../azure/readDiagnosis';
import { topologyFromRead } from '../azure/topology';
import type { Finding } from '../core/findings';
import { serializeSnapshot } from '../core/snapshot';
import type { Topology } from '../core/model';
import type { CliIo } from './io';
import type { CliDeepOptions } from './deepCheckRun';
import { UsageError } from './usageError';

export interface LiveSourceArgs {
  /** Where names are looked up and the host's VMs listed: --subscription, else the host id's. */
  subscription: string;
  bastion: string;
  vm?: string;
  /** Resource Manager endpoint of a cloud with its own (default https://management.azure.com). */
  armEndpoint?: string;
  /** cli (default) | env | device-code | managed-identity */
  auth?: string;
  /** Write the raw ARM JSON that was read to this file (snapshot format). */
  saveSnapshot?: string;
  /** One request's time limit (--request-timeout; default the clients' 60 s). */
  requestTimeoutMs?: number;
  /** The whole run's (--timeout; default 10 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Run the deep checks after the read (diagnose --deep). */
  deep?: Omit<CliDeepOptions, 'signal' | 'logs'>;
}

export interface LiveTopology {
  topology: Topology;
  /** check-incomplete findings of reads that failed (403 with the permission, 404, 429, 5xx). */
  incomplete: Finding[];
  /** What to pass to diagnose(): ids of what was actually read (vm absent when it could not be). */
  selection: { bastion?: string; vm?: string };
}

/**
 * Throws UsageError for a bad option or a host/VM name that matches nothing (or several);
 * NotSignedInError / AzureUnreachableError (src/azure/errors) when the run cannot go on;
 * an AbortError when `signal` fires.
 */
/** The CLI's whole-run time limit when --timeout is not given. */
export const DEFAULT_RUN_TIMEOUT_MS = 10 * 60_000;

export async function loadLiveTopology(args: LiveSourceArgs, io: CliIo): Promise<LiveTopology> {
  const timeoutMs = args.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const endpoint = parseEndpoint(args.armEndpoint);
  const auth = parseAuth(args.auth);
  const testMode = io.env.BASTION_DOCTOR_TEST === '1' && io.env.BASTION_DOCTOR_TEST_TOKEN !== undefined;
  const credential = testMode ? staticTokenCredential(io.env.BASTION_DOCTOR_TEST_TOKEN!) : await createCredential(auth, { prompt: (m) => io.stderr(`${m}\n`) });
  const tlsCa = testMode && io.env.BASTION_DOCTOR_TEST_CA ? await io.readTextFile(io.env.BASTION_DOCTOR_TEST_CA) : undefined;
  const clients = createAzureClients({
    credential,
    subscriptionId: args.subscription,
    endpoint,
    tlsCa,
    ...(args.requestTimeoutMs !== undefined ? { requestTimeoutMs: args.requestTimeoutMs } : {}),
    ...(testMode ? { retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 50 }, updateIntervalInMs: 5 } : {}),
  });
  let read;
  try {
    read = await readForDiagnosis(clients, { bastion: args.bastion, vm: args.vm, signal: args.signal, timeoutMs });
  } catch (error) {
    if (error instanceof ResourceSelectionError) throw new UsageError(error.message, 'diagnose');
    throw error;
  }
  if (args.saveSnapshot !== undefined) await writeFile(resolve(io.cwd, args.saveSnapshot), serializeSnapshot(read.resources), 'utf8');
  const selection = { bastion: read.bastionHostId, vm: read.virtualMachineId };
  const topology = topologyFromRead(read, `subscription ${args.subscription}`);
  if (!args.deep) return { topology, incomplete: read.incomplete, selection };
  const { runCliDeepCheck } = await import('./deepCheckRun');
  // Log Analytics has its own endpoint per cloud; only the public cloud's is known here.
  const logs = endpoint === PUBLIC_ARM_ENDPOINT ? {} : undefined;
  const deep = await withinDeadline(deadline, timeoutMs, args.signal, (signal) => runCliDeepCheck(clients, credential, topology, selection, { ...args.deep!, signal, logs }, io));
  return { topology: deep.topology, incomplete: [...read.incomplete, ...deep.findings], selection };
}

/**
 * Runs `operation` under the user's cancellation and what is left of the run's time limit; the
 * limit running out ends it with a RunDeadlineError rather than as a cancellation.
 */
async function withinDeadline<T>(deadline: number, timeoutMs: number, userSignal: AbortSignal | undefined, operation: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const limit = AbortSignal.timeout(Math.max(0, deadline - Date.now()));
  try {
    return await operation(userSignal === undefined ? limit : AbortSignal.any([userSignal, limit]));
  } catch (error) {
    if (limit.aborted && !userSignal?.aborted) throw new RunDeadlineError(timeoutMs);
    throw error;
  }
}

function parseEndpoint(value: string | undefined): string {
  if (value === undefined) return PUBLIC_ARM_ENDPOINT;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--arm-endpoint must be an https URL, got '${value}'`, 'diagnose');
  }
  if (url.protocol !== 'https:') throw new UsageError(`--arm-endpoint must be an https URL, got '${value}'`, 'diagnose');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseAuth(value: string | undefined) {
  if (value === undefined) return 'cli' as const;
  if (!isAuthKind(value)) throw new UsageError(`unknown --auth '${value}' (use ${AUTH_KINDS.join(', ')})`, 'diagnose');
  return value;
}
