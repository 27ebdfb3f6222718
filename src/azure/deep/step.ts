// How one deep call runs: under the run's cancellation and its own timeout, with a failure turned
// into a check-incomplete finding that names the missing action (403), the missing resource
// (404) or the timeout. Cancellation, a lost sign-in and no network still stop the run.
import type { Finding } from '../../core/findings';
import type { AzureClients } from '../clients';
import type { ReadTarget } from '../errors';
import { deepFailureFinding, DeepStepTimeout, type DeepContext } from './findings';
import type { ResolvedTarget } from './target';

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; finding: Finding };

export interface StepContext {
  clients: AzureClients;
  target: ResolvedTarget;
  context: DeepContext;
  signal: AbortSignal;
  /** Polling interval of long-running operations; tests shorten the SDK's 2 s. */
  updateIntervalInMs?: number;
  call<T>(target: ReadTarget, run: (signal: AbortSignal) => PromiseLike<T>): Promise<CallOutcome<T>>;
}

export function stepContext(clients: AzureClients, target: ResolvedTarget, context: DeepContext, signal: AbortSignal, timeoutMs: number, updateIntervalInMs?: number): StepContext {
  return {
    clients,
    target,
    context,
    signal,
    updateIntervalInMs,
    async call(readTarget, run) {
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(new DeepStepTimeout(`${timeoutMs} ms`)), timeoutMs);
      const combined = AbortSignal.any([signal, timeout.signal]);
      try {
        return { ok: true, value: await run(combined) };
      } catch (error) {
        if (signal.aborted) throw error;
        const cause = timeout.signal.aborted ? (timeout.signal.reason as DeepStepTimeout) : error;
        return { ok: false, finding: deepFailureFinding(context, cause, readTarget, clients.endpoint) };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
