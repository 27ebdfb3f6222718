// One client set per subscription: made on first use, reused after, so a landing zone's many
// spoke reads share connections and the request count.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clientsFor, createAzureClients } from '../../../src/azure/clients';
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
