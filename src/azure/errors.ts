// What a failed ARM read means for the user. A read that fails on its own (403, 404, throttling,
// a server error, a reset connection, a timeout, a paging limit, a link to another host) becomes
// a check-incomplete finding naming the resource and why (for 403, the exact permission);
// failures that stop the whole run (sign-in, no network at all, cancellation) are thrown.
import { CATALOG } from '../core/catalog';
import type { Finding, Layer } from '../core/findings';
import { parseResourceId } from '../core/resourceId';
import { cappedRetryAfterOf, ForeignOriginError, RequestTimeoutError, seconds } from './pipelineBounds';

/** The resource a read was about, and what the read needs and decides. */
export interface ReadTarget {
  id: string;
  name: string;
  /** ARM type, e.g. Microsoft.Network/networkSecurityGroups. */
  type: string;
  /** How messages name it: "network security group", "diagnostic settings of". */
  kind: string;
  /** The RBAC action the read needs (reference §11), e.g. Microsoft.Network/networkSecurityGroups/read. */
  action: string;
  layer: Layer;
  /** What cannot be checked without it, e.g. "the AzureBastionSubnet NSG rules". */
  decides: string;
  /**
   * What points at it, e.g. "peering hub-to-spoke of virtual network vnet-hub": a 404 then means
   * the reference leads to nothing the identity can see, not that a resource the user named is gone.
   */
  referencedBy?: string;
}

export class NotSignedInError extends Error {
  override readonly name = 'NotSignedInError';
}

export class AzureUnreachableError extends Error {
  override readonly name = 'AzureUnreachableError';
}

/** The action a plain GET of a resource type needs (Reader grants it). */
export function readActionOf(armType: string): string {
  return `${armType}/read`;
}

/** Actions of the POST operations (reference §11.2); Reader does not grant them. */
export const ACTION_PERMISSIONS = {
  effectiveRouteTable: 'Microsoft.Network/networkInterfaces/effectiveRouteTable/action',
  effectiveNetworkSecurityGroups: 'Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action',
  ipFlowVerify: 'Microsoft.Network/networkWatchers/ipFlowVerify/action',
  networkConfigurationDiagnostic: 'Microsoft.Network/networkWatchers/networkConfigurationDiagnostic/action',
  nextHop: 'Microsoft.Network/networkWatchers/nextHop/action',
  connectivityCheck: 'Microsoft.Network/networkWatchers/connectivityCheck/action',
} as const;

/** The endpoint cannot be reached at all: every read would fail the same way, so the run stops. */
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A connection that broke during one read: that read is lost, the others go on. */
const TRANSIENT_TRANSPORT_ERRORS: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EPIPE: 'the connection was closed while sending',
  ECONNABORTED: 'the connection was aborted',
};

/** A read that Bastion Doctor itself stopped (a paging loop, the page limit, a link to another host). */
export class ReadStoppedError extends Error {
  override readonly name = 'ReadStoppedError';
}

/** The whole run's time limit ran out before the read answered. */
export class RunDeadlineError extends Error {
  override readonly name = 'RunDeadlineError';
  constructor(readonly timeoutMs: number) {
    super(`the run's time limit (${seconds(timeoutMs)}) ran out`);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The ARM error code from a RestError's body (`{ error: { code } }`), or its own code. */
function armCodeOf(error: unknown): string | undefined {
  const details = (error as { details?: { error?: { code?: unknown } } } | undefined)?.details;
  const code = details?.error?.code ?? (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "403 AuthorizationFailed" (the HTTP status and ARM's error code), or undefined without a status. */
export function httpStatusText(error: unknown): string | undefined {
  const status = statusOf(error);
  if (status === undefined) return undefined;
  const code = armCodeOf(error);
  return code ? `${status} ${code}` : String(status);
}

function errorCodeIn(error: unknown, codes: ReadonlySet<string>): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  const message = error instanceof Error ? error.message : '';
  return [...codes].find((code) => message.includes(code));
}

const networkCodeOf = (error: unknown) => errorCodeIn(error, NETWORK_ERROR_CODES);
const TRANSIENT_CODES = new Set(Object.keys(TRANSIENT_TRANSPORT_ERRORS));
const transientCodeOf = (error: unknown) => (statusOf(error) === undefined ? errorCodeIn(error, TRANSIENT_CODES) : undefined);

/**
 * Throws the run-stopping failures (abort: rethrown as is; 401 or a credential that cannot sign
 * in: NotSignedInError; no network: AzureUnreachableError); otherwise returns nothing.
 */
export function throwIfFatal(error: unknown, endpoint: string): void {
  if (isAbortError(error)) throw error;
  const name = error instanceof Error ? error.name : '';
  if (statusOf(error) === 401 || name === 'CredentialUnavailableError' || name === 'AuthenticationRequiredError' || name === 'AuthenticationError') {
    const detail = statusOf(error) === 401 ? 'Azure Resource Manager rejected the access token (HTTP 401)' : (error as Error).message.split('\n')[0];
    throw new NotSignedInError(`Not signed in to Azure: ${detail}. Sign in again and retry.`);
  }
  const networkCode = statusOf(error) === undefined ? networkCodeOf(error) : undefined;
  if (networkCode !== undefined) throw new AzureUnreachableError(`cannot reach ${endpoint}: no network? (${networkCode})`);
}

/**
 * " on <id> in subscription <s>": the subscription is said on its own because in a landing zone
 * the role is usually missing on a whole spoke subscription.
 */
export function inSubscription(id: string): string {
  const { subscriptionId, resourceGroup, provider } = parseResourceId(id);
  if (subscriptionId === undefined) return ` on ${id}`;
  const subscriptionScope = resourceGroup === undefined && provider === undefined;
  return subscriptionScope ? ` in subscription ${subscriptionId}` : ` on ${id} in subscription ${subscriptionId}`;
}

/** The check-incomplete finding for a read that failed on its own; fatal failures are thrown. */
export function readFailureFinding(error: unknown, target: ReadTarget, endpoint: string): Finding {
  throwIfFatal(error, endpoint);
  const status = statusOf(error);
  const evidence = [{ label: 'Resource', value: target.id }];
  const statusText = httpStatusText(error);
  if (statusText !== undefined) evidence.push({ label: 'HTTP status', value: statusText });
  const { subscriptionId } = parseResourceId(target.id);
  let message: string;
  if (status === 403) {
    evidence.push({ label: 'Missing permission', value: target.action });
    if (subscriptionId !== undefined) evidence.push({ label: 'Subscription', value: subscriptionId });
    message = `Reading the ${target.kind} ${target.name} was denied (403): the signed-in identity lacks ${target.action}${inSubscription(target.id)}, so ${target.decides} could not be checked.`;
  } else if (status === 404 && target.referencedBy !== undefined) {
    evidence.push({ label: 'Referenced by', value: target.referencedBy });
    message = `The ${target.referencedBy} points at a ${target.kind} that does not exist or that you cannot see (404): ${target.id}; ${target.decides} could not be checked.`;
  } else if (status === 404) {
    message = `The ${target.kind} ${target.name} no longer exists (404): ${target.id}; ${target.decides} could not be checked.`;
  } else if (error instanceof RequestTimeoutError) {
    message = `The ${target.kind} ${target.name} did not answer within ${seconds(error.timeoutMs)} (the per-request timeout), so ${target.decides} could not be checked; run the diagnosis again.`;
  } else if (error instanceof RunDeadlineError) {
    message = `The ${target.kind} ${target.name} was not read within the run's time limit (${seconds(error.timeoutMs)}), so ${target.decides} could not be checked.`;
  } else if (error instanceof ReadStoppedError || error instanceof ForeignOriginError) {
    message = `Reading the ${target.kind} ${target.name} stopped: ${error.message}, so ${target.decides} could not be checked.`;
  } else if (transientCodeOf(error) !== undefined) {
    const code = transientCodeOf(error)!;
    message = `Reading the ${target.kind} ${target.name} failed: ${TRANSIENT_TRANSPORT_ERRORS[code]} (${code}) after the SDK's retries, so ${target.decides} could not be checked; run the diagnosis again.`;
  } else if (status === 429) {
    const capped = cappedRetryAfterOf(error);
    const cap = capped === undefined ? '' : ` (Azure asked to wait ${seconds(capped.askedMs)}; Bastion Doctor waits at most ${seconds(capped.capMs)})`;
    message = `Azure kept throttling the read of the ${target.kind} ${target.name} (429)${cap} after the SDK's retries, so ${target.decides} could not be checked; run the diagnosis again in a minute.`;
  } else if (status !== undefined && status >= 500) {
    message = `Azure Resource Manager answered ${status} for the ${target.kind} ${target.name} after the SDK's retries, so ${target.decides} could not be checked; try again later.`;
  } else {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    message = `Reading the ${target.kind} ${target.name} failed${status !== undefined ? ` (${status})` : ''}: ${reason}; ${target.decides} could not be checked.`;
  }
  return {
    rule: 'check-incomplete',
    severity: CATALOG['check-incomplete'].defaultSeverity,
    layer: target.layer,
    message,
    evidence,
    resource: { id: target.id, name: target.name, type: target.type, origin: { kind: 'arm', id: target.id } },
    fixes: [],
  };
}
