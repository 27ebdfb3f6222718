// One client set per subscription: made on first use, reused after, so a landing zone's many
// spoke reads share connections; each operation on them counts its own requests.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { createHttpHeaders, type HttpClient, type PipelineRequest } from '@azure/core-rest-pipeline';
import { clientsFor, countRequests, createAzureClients } from '../../../src/azure/clients';
import { staticTokenCredential } from '../../../src/azure/credentials';

const HUB = '8c56d827-5f07-45ce-8f2b-6c5001db5c6f';
const SPOKE = '3f9a4c2e-7b1d-4e6a-9c8f-2d5e7a1b4c90';
const hub = () => createAzureClients({ credential: staticTokenCredential('t'), subscriptionId: HUB, endpoint: 'https://127.0.0.1:1' });

describe('AzureClients per subscription', () => {
  it('returns the same set for a subscription every time, whatever its case, and itself for its own', () => {
    const clients = hub();
    const spoke = clients.forSubscription(SPOKE);
    assert.equal(spoke.subscriptionId, SPOKE);
    assert.equal(clients.forSubscription(SPOKE.toUpperCase()), spoke);
    assert.equal(spoke.forSubscription(SPOKE), spoke);
    assert.equal(clients.forSubscription(HUB), clients);
    assert.equal(spoke.forSubscription(HUB), clients, 'every set of one createAzureClients call shares the cache');
  });

  it('creates each SDK client of a set once', async () => {
    const spoke = hub().forSubscription(SPOKE);
    assert.equal(await spoke.network(), await spoke.network());
  });

  const ids: [string, string, string][] = [
    ['a VM in the spoke', `/subscriptions/${SPOKE}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm`, SPOKE],
    ['a subscription scope', `/subscriptions/${SPOKE}`, SPOKE],
    ['a hub NSG', `/subscriptions/${HUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg`, HUB],
    ['a tenant-level id (no subscription)', '/providers/Microsoft.Management/managementGroups/mg', HUB],
  ];
  for (const [label, id, expected] of ids) {
    it(`clientsFor ${label} is the set of ${expected === HUB ? 'the hub' : 'the spoke'}`, () => {
      const clients = hub();
      assert.equal(clientsFor(clients, id), clients.forSubscription(expected));
    });
  }
});

/** Answers every request from memory after a little while (so operations interleave); the first `failures` with 503. */
function memoryTransport(failures = 0): HttpClient {
  let failed = 0;
  return {
    async sendRequest(request: PipelineRequest) {
      await delay(2);
      const status = failed < failures ? 503 : 200;
      if (status === 503) failed += 1;
      const body = status === 200 ? { id: new URL(request.url).pathname, name: 'vnet', properties: {} } : { error: { code: 'ServerBusy', message: 'busy' } };
      return { request, status, headers: createHttpHeaders({ 'content-type': 'application/json', 'retry-after-ms': '1' }), bodyAsText: JSON.stringify(body) };
    },
  };
}

const inMemory = (failures = 0) => createAzureClients({
  credential: staticTokenCredential('t'),
  subscriptionId: HUB,
  endpoint: 'https://127.0.0.1:1',
  httpClient: memoryTransport(failures),
  retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
});

async function readVnets(clients: ReturnType<typeof inMemory>, subscription: string, count: number): Promise<void> {
  const network = await clients.forSubscription(subscription).network();
  for (let i = 0; i < count; i++) await network.virtualNetworks.get('rg', `vnet-${i}`);
}

describe('countRequests', () => {
  it('counts only the requests of its own operation while another runs on the same clients', async () => {
    const clients = inMemory();
    const [diagnosis, treeRefresh] = await Promise.all([
      countRequests(() => readVnets(clients, HUB, 3)),
      countRequests(() => Promise.all([readVnets(clients, HUB, 2), readVnets(clients, SPOKE, 4)])),
    ]);
    assert.equal(diagnosis.requestCount, 3);
    assert.equal(treeRefresh.requestCount, 6);
  });

  it('an operation inside another counts for both; requests outside any operation count for none', async () => {
    const clients = inMemory();
    await readVnets(clients, HUB, 1);
    const outer = await countRequests(async () => {
      await readVnets(clients, SPOKE, 1);
      return countRequests(() => readVnets(clients, HUB, 2));
    });
    assert.equal(outer.result.requestCount, 2);
    assert.equal(outer.requestCount, 3);
  });

  it('counts the retries the SDK sends', async () => {
    const clients = inMemory(1);
    assert.equal((await countRequests(() => readVnets(clients, HUB, 1))).requestCount, 2);
  });
});
