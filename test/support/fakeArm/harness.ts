// Real SDK clients pointed at a FakeArm, with a policy that fails any request leaving loopback:
// a wrong endpoint option otherwise silently falls back to the public ARM host.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { createAzureClients, type AzureClients, type AzureClientsOptions } from '../../../src/azure/clients';
import { staticTokenCredential } from '../../../src/azure/credentials';
import { SUBSCRIPTION_ID } from '../arm';
import type { FakeArm } from './server';

export const TEST_TOKEN = 'fake-arm-test-token';

export const loopbackOnlyPolicy: PipelinePolicy = {
  name: 'loopbackOnly',
  sendRequest(request, next) {
    const host = new URL(request.url).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`loopbackOnly: a request tried to leave the machine: ${request.url}`);
    return next(request);
  },
};

export function fakeArmClients(fake: FakeArm, overrides: Partial<AzureClientsOptions> = {}): AzureClients {
  return createAzureClients({
    credential: staticTokenCredential(TEST_TOKEN),
    subscriptionId: SUBSCRIPTION_ID,
    endpoint: fake.url,
    tlsCa: fake.certificate,
    retryOptions: { maxRetries: 3, retryDelayInMs: 10, maxRetryDelayInMs: 50 },
    updateIntervalInMs: 5,
    ...overrides,
    additionalPolicies: [{ policy: loopbackOnlyPolicy, position: 'perCall' }, ...(overrides.additionalPolicies ?? [])],
  });
}
