// The Azure SDK clients for one subscription, each loaded on first use: importing all five SDK
// packages costs about half a second, which must never be paid at start-up or by a command that
// does not talk to Azure.
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { MonitorClient } from '@azure/arm-monitor';
import type { NetworkManagementClient } from '@azure/arm-network';
import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';

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
}

export interface AzureClients {
  readonly subscriptionId: string;
  readonly endpoint: string;
  readonly updateIntervalInMs?: number;
  /** HTTP requests sent so far by every client of this set (retries included). */
  readonly requestCount: number;
  network(): Promise<NetworkManagementClient>;
  compute(): Promise<ComputeManagementClient>;
  monitor(): Promise<MonitorClient>;
  resourceGraph(): Promise<ResourceGraphClient>;
  /** The same credential, endpoint and options for another subscription; requests count here too. */
  forSubscription(subscriptionId: string): AzureClients;
}

export function createAzureClients(options: AzureClientsOptions): AzureClients {
  const counter = { value: 0 };
  return clientSet(options, counter);
}

function clientSet(options: AzureClientsOptions, counter: { value: number }): AzureClients {
  const endpoint = (options.endpoint ?? PUBLIC_ARM_ENDPOINT).replace(/\/+$/, '');
  const countingPolicy: PipelinePolicy = {
    name: 'bastionDoctorRequestCounter',
    sendRequest(request, next) {
      counter.value += 1;
      return next(request);
    },
  };
  const clientOptions = {
    endpoint,
    credentials: { scopes: [`${endpoint}/.default`] },
    ...(options.tlsCa !== undefined ? { tlsOptions: { ca: options.tlsCa } } : {}),
    ...(options.retryOptions !== undefined ? { retryOptions: options.retryOptions } : {}),
    additionalPolicies: [...(options.additionalPolicies ?? []), { policy: countingPolicy, position: 'perRetry' as const }],
    userAgentOptions: { userAgentPrefix: 'bastion-doctor' },
  };
  const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
    let loaded: Promise<T> | undefined;
    return () => (loaded ??= load());
  };
  const { credential, subscriptionId } = options;
  return {
    subscriptionId,
    endpoint,
    updateIntervalInMs: options.updateIntervalInMs,
    get requestCount() {
      return counter.value;
    },
    network: once(async () => new (await import('@azure/arm-network')).NetworkManagementClient(credential, subscriptionId, clientOptions)),
    compute: once(async () => new (await import('@azure/arm-compute')).ComputeManagementClient(credential, subscriptionId, clientOptions)),
    monitor: once(async () => new (await import('@azure/arm-monitor')).MonitorClient(credential, subscriptionId, clientOptions)),
    resourceGraph: once(async () => new (await import('@azure/arm-resourcegraph')).ResourceGraphClient(credential, clientOptions)),
    forSubscription: (other) => clientSet({ ...options, subscriptionId: other }, counter),
  };
}
