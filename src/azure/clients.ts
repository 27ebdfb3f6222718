// The Azure SDK clients for one subscription, each loaded on first use: importing all five SDK
// packages costs about half a second, which must never be paid at start-up or by a command that
// does not talk to Azure. A resource is read through the clients of the subscription in its own
// id (clientsFor): in a landing zone the Bastion host, the spoke VNets and the VMs sit in
// different subscriptions. The set of each subscription is made once and reused, by operations
// that may run at the same time (a tree refresh during a diagnosis): each counts its own requests
// (countRequests).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { MonitorClient } from '@azure/arm-monitor';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { HttpClient, PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import { parseResourceId } from '../core/resourceId';
import { DEFAULT_MAX_PAGES, DEFAULT_MAX_RETRY_AFTER_MS, DEFAULT_REQUEST_TIMEOUT_MS, originGuardPolicy, requestTimeoutPolicy, retryAfterCapPolicy } from './pipelineBounds';

export const PUBLIC_ARM_ENDPOINT = 'https://management.azure.com';

export interface RetryOptions {
  maxRetries?: number;
  retryDelayInMs?: number;
  maxRetryDelayInMs?: number;
}

export interface AdditionalPolicy {
  policy: PipelinePolicy;
  position: 'perCall' | 'perRetry';
}

export interface AzureClientsOptions {
  credential: TokenCredential;
  subscriptionId: string;
  /** Resource Manager endpoint for clouds with their own (default: public Azure). */
  endpoint?: string;
  /** PEM of a CA to trust in addition to the system's (the tests' local fake ARM). */
  tlsCa?: string;
  retryOptions?: RetryOptions;
  additionalPolicies?: AdditionalPolicy[];
  /** Polling interval of long-running operations (tests shorten the SDK's 2 s). */
  updateIntervalInMs?: number;
  /** The transport (default: the SDK's); unit tests answer from memory. */
  httpClient?: HttpClient;
  /** How long one attempt may wait for its whole answer (default 60 s). */
  requestTimeoutMs?: number;
  /** The longest Retry-After honoured; a longer one is shortened to it (default 60 s). */
  maxRetryAfterMs?: number;
  /** Pages one listing or query may have before it ends as check-incomplete (default 1000). */
  maxPages?: number;
}

export interface AzureClients {
  readonly subscriptionId: string;
  readonly endpoint: string;
  readonly updateIntervalInMs?: number;
  /** Pages one listing or query may have (a longer one ends as check-incomplete). */
  readonly maxPages: number;
  network(): Promise<NetworkManagementClient>;
  compute(): Promise<ComputeManagementClient>;
  monitor(): Promise<MonitorClient>;
  resourceGraph(): Promise<ResourceGraphClient>;
  /**
   * The same credential, endpoint and options for another subscription, made on first use and
   * reused after (this set itself for its own subscription).
   */
  forSubscription(subscriptionId: string): AzureClients;
}

/** What every subscription's set of one createAzureClients call shares. */
interface SharedState {
  /** By lower-cased subscription id. */
  sets: Map<string, AzureClients>;
}

export function createAzureClients(options: AzureClientsOptions): AzureClients {
  return clientSet(options, { sets: new Map() });
}

/** The counters of the operations a request is sent from, outermost first. */
const operationCounters = new AsyncLocalStorage<readonly { value: number }[]>();

/**
 * Runs `operation` and counts the HTTP requests (retries and polls included) it sends through any
 * client set, and only those: what another operation sends meanwhile on the same clients is not
 * counted. The count follows the operation's async calls; an operation run inside another counts
 * for both.
 */
export async function countRequests<T>(operation: () => Promise<T>): Promise<{ result: T; requestCount: number }> {
  const counter = { value: 0 };
  const result = await operationCounters.run([...(operationCounters.getStore() ?? []), counter], operation);
  return { result, requestCount: counter.value };
}

/** The clients of the subscription in a resource id (`/subscriptions/<id>/...`); without one, `clients`. */
export function clientsFor(clients: AzureClients, resourceId: string): AzureClients {
  const { subscriptionId } = parseResourceId(resourceId);
  return subscriptionId === undefined ? clients : clients.forSubscription(subscriptionId);
}

function clientSet(options: AzureClientsOptions, shared: SharedState): AzureClients {
  const endpoint = (options.endpoint ?? PUBLIC_ARM_ENDPOINT).replace(/\/+$/, '');
  const countingPolicy: PipelinePolicy = {
    name: 'bastionDoctorRequestCounter',
    sendRequest(request, next) {
      for (const counter of operationCounters.getStore() ?? []) counter.value += 1;
      return next(request);
    },
  };
  const clientOptions = {
    endpoint,
    credentials: { scopes: [`${endpoint}/.default`] },
    ...(options.tlsCa !== undefined ? { tlsOptions: { ca: options.tlsCa } } : {}),
    ...(options.retryOptions !== undefined ? { retryOptions: options.retryOptions } : {}),
    additionalPolicies: [
      ...(options.additionalPolicies ?? []),
      { policy: countingPolicy, position: 'perRetry' as const },
      ...boundingPolicies(options, [endpoint]),
    ],
    userAgentOptions: { userAgentPrefix: 'bastion-doctor' },
    ...(options.httpClient !== undefined ? { httpClient: options.httpClient } : {}),
  };
  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let loaded: Promise<T> | undefined;
    return () => (loaded ??= load());
  };
  const { credential, subscriptionId } = options;
  const set: AzureClients = {
    subscriptionId,
    endpoint,
    updateIntervalInMs: options.updateIntervalInMs,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    network: once(async () => new (await import('@azure/arm-network')).NetworkManagementClient(credential, subscriptionId, clientOptions)),
    compute: once(async () => new (await import('@azure/arm-compute')).ComputeManagementClient(credential, subscriptionId, clientOptions)),
    monitor: once(async () => new (await import('@azure/arm-monitor')).MonitorClient(credential, subscriptionId, clientOptions)),
    resourceGraph: once(async () => new (await import('@azure/arm-resourcegraph')).ResourceGraphClient(credential, clientOptions)),
    forSubscription(other) {
      const key = other.toLowerCase();
      let found = shared.sets.get(key);
      if (found === undefined) {
        found = clientSet({ ...options, subscriptionId: other }, shared);
        shared.sets.set(key, found);
      }
      return found;
    },
  };
  if (!shared.sets.has(subscriptionId.toLowerCase())) shared.sets.set(subscriptionId.toLowerCase(), set);
  return set;
}

/**
 * The policies every client of Bastion Doctor carries (Log Analytics' too): after Sign, so they
 * act on each attempt just before it is sent (pipelineBounds.ts). The origin guard comes last:
 * nothing after it can send a request it has not seen.
 */
export function boundingPolicies(
  options: Pick<AzureClientsOptions, 'requestTimeoutMs' | 'maxRetryAfterMs'>,
  allowedOrigins: readonly string[],
): AdditionalPolicy[] {
  return [
    { policy: retryAfterCapPolicy(options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS), position: 'perRetry' },
    { policy: requestTimeoutPolicy(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS), position: 'perRetry' },
    { policy: originGuardPolicy(allowedOrigins), position: 'perRetry' },
  ];
}
