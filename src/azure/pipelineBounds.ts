// Pipeline policies that bound what a request can cost and where it can go. They sit after the
// SDK's Sign phase, right before the transport, so they see every attempt with its token:
// - originGuard refuses a request for any origin but the configured endpoints: the bearer policy
//   signs whatever URL it is given (a nextLink, a polling URL), and the token must never leave;
// - requestTimeout ends an attempt that does not answer in time (a stalled response hangs
//   forever otherwise), with an error the retry policy does not retry;
// - retryAfterCap shortens a Retry-After beyond the cap (ARM may say 3600 s, and the SDK waits
//   silently), and marks the response so the finding can say Azure asked for more.
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { createClientLogger } from '@azure/logger';

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;
export const DEFAULT_MAX_PAGES = 1000;

/** Set on a response whose Retry-After was capped: what Azure asked for, in ms. */
export const RETRY_AFTER_ASKED_HEADER = 'x-bastion-doctor-retry-after-asked-ms';

const logger = createClientLogger('bastion-doctor');

/** "0.2 s", "60 s": how messages say a duration given in ms. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** A request that was refused before it was sent: its origin is not the endpoint's. */
export class ForeignOriginError extends Error {
  override readonly name = 'ForeignOriginError';
  constructor(readonly host: string) {
    super(`a request went to another host (${host}); not sent, so the sign-in token stays with Azure Resource Manager`);
  }
}

/** An attempt that got no (complete) answer within the per-request timeout. */
export class RequestTimeoutError extends Error {
  override readonly name = 'RequestTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${seconds(timeoutMs)} (the per-request timeout)`);
  }
}

export function originGuardPolicy(allowedOrigins: readonly string[]): PipelinePolicy {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return {
    name: 'bastionDoctorOriginGuard',
    sendRequest(request, next) {
      const url = new URL(request.url);
      if (!allowed.has(url.origin)) return Promise.reject(new ForeignOriginError(url.host));
      return next(request);
    },
  };
}

export function requestTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'bastionDoctorRequestTimeout',
    async sendRequest(request, next) {
      const outer = request.abortSignal;
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      request.abortSignal = outer === undefined ? timeout.signal : AbortSignal.any([outer as AbortSignal, timeout.signal]);
      try {
        return await next(request);
      } catch (error) {
        if (timeout.signal.aborted && !outer?.aborted) throw new RequestTimeoutError(timeoutMs);
        throw error;
      } finally {
        clearTimeout(timer);
        request.abortSignal = outer;
      }
    },
  };
}

export function retryAfterCapPolicy(maxRetryAfterMs: number): PipelinePolicy {
  return {
    name: 'bastionDoctorRetryAfterCap',
    async sendRequest(request, next) {
      const response = await next(request);
      const asked = retryAfterMsOf(response);
      if (asked !== undefined && asked > maxRetryAfterMs) {
        for (const header of RETRY_AFTER_HEADERS) response.headers.delete(header);
        response.headers.set('retry-after-ms', String(maxRetryAfterMs));
        response.headers.set(RETRY_AFTER_ASKED_HEADER, String(asked));
        logger.warning(`Azure answered ${response.status} with Retry-After ${seconds(asked)}; waiting ${seconds(maxRetryAfterMs)} instead (the cap)`);
      }
      return response;
    },
  };
}

const RETRY_AFTER_HEADERS = ['retry-after-ms', 'x-ms-retry-after-ms', 'retry-after'] as const;

/** The wait a response asks for, in ms, read as the SDK's retry strategies read it. */
export function retryAfterMsOf(response: Pick<PipelineResponse, 'headers'>): number | undefined {
  for (const header of RETRY_AFTER_HEADERS) {
    const value = response.headers.get(header);
    if (value === undefined || value.trim() === '') continue;
    const number = Number(value);
    if (Number.isFinite(number)) return header === 'retry-after' ? number * 1000 : number;
    if (header !== 'retry-after') continue;
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return undefined;
}

/** What Azure asked to wait and what was waited instead, in ms, when a failed read's Retry-After was capped. */
export function cappedRetryAfterOf(error: unknown): { askedMs: number; capMs: number } | undefined {
  const headers = (error as { response?: Pick<PipelineResponse, 'headers'> } | undefined)?.response?.headers;
  const asked = headers?.get(RETRY_AFTER_ASKED_HEADER);
  return asked === undefined ? undefined : { askedMs: Number(asked), capMs: Number(headers?.get('retry-after-ms')) };
}
