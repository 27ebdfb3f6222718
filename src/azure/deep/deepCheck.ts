// The Deep check of one (Bastion host, VM) pair: every deep source at once, each explicit and
// reporting progress, all under one cancellation. What the platform says (IP flow verify,
// effective rules and routes) and the audit log become DeepEvidence, which the core checks
// vm-ip-flow-denied, bastion-forced-tunnel and bastion-audit-log-failures read: put it on the
// topology and run diagnose() again. The findings returned here are the ones no core check makes.
import type { Finding } from '../../core/findings';
import type { DeepEvidence, Topology } from '../../core/model';
import { countRequests, type AzureClients } from '../clients';
import { listActiveSessions, type ActiveSession } from './activeSessions';
import { queryAuditLogs, type AuditLogOutcome, type AuditLogSummary, type LogsAccess } from './auditLogs';
import { probeClientPath, type ClientPathOptions, type ClientPathResult } from './clientPath';
import { clientPathFindings } from './clientPathFindings';
import { disagreementFindings } from './disagreement';
import { readEffectiveRoutes, readEffectiveSecurityRules, type EffectiveSecurityRules } from './effectiveNic';
import { armRef, prerequisiteMissing, type DeepContext } from './findings';
import { checkNativeClient, nativeClientFindings, type Exec, type NativeClientReadiness } from './nativeClient';
import { runIpFlowVerify } from './networkWatcher';
import { inspectGuest, type GuestOutcome } from './runCommand';
import { stepContext } from './step';
import { resolveTarget, type DeepTarget } from './target';

export type DeepStepId = 'ip-flow' | 'effective-security-rules' | 'effective-routes' | 'audit-logs' | 'active-sessions' | 'guest-os' | 'client-path' | 'native-client';

export const DEEP_STEP_TITLES: Record<DeepStepId, string> = {
  'ip-flow': 'IP flow verify (Network Watcher)',
  'effective-security-rules': 'Effective security rules of the VM NIC',
  'effective-routes': 'Effective routes of the VM NIC',
  'audit-logs': 'Bastion audit log (Log Analytics)',
  'active-sessions': 'Active Bastion sessions',
  'guest-os': 'Guest OS (Run Command)',
  'client-path': 'Client path from this machine',
  'native-client': 'Native client readiness (Azure CLI)',
};

export interface DeepProgress {
  step: DeepStepId;
  title: string;
  state: 'started' | 'done' | 'incomplete' | 'skipped';
  completed: number;
  total: number;
}

export interface DeepCheckOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DeepProgress) => void;
  /** Per call, default 120 s (IP flow verify and Run Command can take a minute). */
  timeoutMs?: number;
  /** Polling interval of long-running operations; default the clients' own. */
  updateIntervalInMs?: number;
  customPort?: number;
  /** Log Analytics access; absent: the audit log step reports check-incomplete. */
  logs?: LogsAccess;
  auditLogHours?: number;
  /** Opt-in: the user confirmed the exact script (see guestScriptFor). */
  runGuestScript?: boolean;
  /** false skips the probe; an object tunes it (proxy from VS Code, tests' port/resolver/CA). */
  clientPath?: false | Omit<ClientPathOptions, 'signal'>;
  /** Which native-client commands to check for; absent skips the step. */
  nativeClient?: { wants: ('ssh' | 'rdp' | 'tunnel')[]; exec?: Exec; platform?: NodeJS.Platform };
  /** Steps to leave out, e.g. ['active-sessions']. */
  skip?: DeepStepId[];
}

export interface DeepCheckResult {
  deep: DeepEvidence;
  findings: Finding[];
  activeSessions?: ActiveSession[];
  kql: AuditLogOutcome['kql'];
  auditLogSummary?: AuditLogSummary;
  effectiveSecurityRules?: EffectiveSecurityRules;
  guest?: GuestOutcome;
  clientPath?: ClientPathResult;
  nativeClient?: NativeClientReadiness;
  /** ARM and Log Analytics requests of this run (retries and polls included). */
  requestCount: number;
  steps: { step: DeepStepId; state: DeepProgress['state']; elapsedMs: number }[];
}

const DEFAULT_TIMEOUT_MS = 120_000;

export async function runDeepCheck(clients: AzureClients, topology: Topology, target: DeepTarget, options: DeepCheckOptions = {}): Promise<DeepCheckResult> {
  const signal = options.signal ?? new AbortController().signal;
  const resolved = resolveTarget(topology, target, options.customPort);
  const context: DeepContext = { bastionHostId: resolved.host.id, ...(resolved.vm ? { virtualMachineId: resolved.vm.id } : {}) };
  const step = stepContext(clients, resolved, context, signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.updateIntervalInMs ?? clients.updateIntervalInMs);
  const result: DeepCheckResult = { deep: { effectiveRouteTables: [], ipFlowVerifyResults: [], auditLogs: [] }, findings: [], kql: { recent: '', failedLogins: '', azureDiagnosticsFallback: '' }, requestCount: 0, steps: [] };
  const hostRef = armRef(resolved.host.id, 'Microsoft.Network/bastionHosts', resolved.host.name);

  const planned: [DeepStepId, () => Promise<Finding[]>][] = [];
  const plan = (id: DeepStepId, run: () => Promise<Finding[]>) => {
    if (!options.skip?.includes(id)) planned.push([id, run]);
  };
  if (resolved.vm) {
    plan('ip-flow', async () => {
      const outcome = await runIpFlowVerify(step);
      result.deep.ipFlowVerifyResults.push(...outcome.results);
      return [...outcome.findings, ...disagreementFindings(context, resolved, outcome.results)];
    });
    plan('effective-security-rules', async () => {
      const outcome = await readEffectiveSecurityRules(step);
      result.effectiveSecurityRules = outcome.value;
      return outcome.findings;
    });
    plan('effective-routes', async () => {
      const outcome = await readEffectiveRoutes(step);
      if (outcome.value) result.deep.effectiveRouteTables.push(outcome.value);
      return outcome.findings;
    });
    if (options.runGuestScript) {
      plan('guest-os', async () => {
        result.guest = await inspectGuest(step);
        return result.guest.findings;
      });
    }
  }
  plan('audit-logs', async () => {
    const outcome = await queryAuditLogs(step, options.logs, options.auditLogHours);
    result.kql = outcome.kql;
    result.auditLogSummary = outcome.summary;
    if (outcome.result) result.deep.auditLogs.push(outcome.result);
    return outcome.findings;
  });
  plan('active-sessions', async () => {
    const outcome = await listActiveSessions(step);
    result.activeSessions = outcome.sessions;
    return outcome.findings;
  });
  if (options.clientPath !== false) {
    plan('client-path', async () => {
      if (!resolved.host.dnsName) return [prerequisiteMissing(context, hostRef, 'host', `${resolved.host.name} has no dnsName in the data read, so the client path from this machine cannot be tested.`)];
      result.clientPath = await probeClientPath(resolved.host.dnsName, { ...(options.clientPath || {}), signal });
      return clientPathFindings(context, hostRef, result.clientPath);
    });
  }
  if (options.nativeClient) {
    const native = options.nativeClient;
    plan('native-client', async () => {
      result.nativeClient = await checkNativeClient({ ...native, signal });
      return nativeClientFindings(context, hostRef, result.nativeClient, native.wants);
    });
  }

  let completed = 0;
  const report = (id: DeepStepId, state: DeepProgress['state']) => options.onProgress?.({ step: id, title: DEEP_STEP_TITLES[id], state, completed, total: planned.length });
  const { result: outcomes, requestCount } = await countRequests(() => Promise.all(planned.map(async ([id, run]) => {
    const started = Date.now();
    report(id, 'started');
    const findings = await run();
    completed += 1;
    const state = findings.some((finding) => finding.rule === 'check-incomplete') ? 'incomplete' : 'done';
    result.steps.push({ step: id, state, elapsedMs: Date.now() - started });
    report(id, state);
    return findings;
  })));
  if (signal.aborted) throw abortError();
  result.findings = outcomes.flat();
  result.requestCount = requestCount;
  return result;
}

/** The topology with the deep evidence on it, for diagnose() to run the deep core checks. */
export function withDeepEvidence(topology: Topology, deep: DeepEvidence): Topology {
  return { ...topology, deep };
}

function abortError(): Error {
  const error = new Error('The deep check was cancelled.');
  error.name = 'AbortError';
  return error;
}
