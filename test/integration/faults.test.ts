// The live path under a flaky or hostile network, through the real SDK clients against the fake
// ARM: a reset connection, a stalled answer, a Retry-After of an hour, a nextLink that loops, one
// on another origin, a listing longer than the page limit and a run past its deadline. Each
// faulty read becomes its own check-incomplete naming the resource and why; the other reads and
// checks still report; the token never reaches another origin. Every test is bounded (a hang fails).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { AzureClientsOptions } from '../../src/azure/clients';
import { loadInventory } from '../../src/azure/inventory';
import { readForDiagnosis, type ReadForDiagnosisOptions } from '../../src/azure/readDiagnosis';
import { topologyFromRead } from '../../src/azure/topology';
import { diagnose } from '../../src/core/diagnose';
import type { Finding } from '../../src/core/findings';
import { SUBSCRIPTION_ID } from '../support/arm';
import { fakeArmClients } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke } from './scenarios';
import { runDeepCheck } from '../../src/azure/deep/deepCheck';
import { env as deepEnv, serve as serveDeepCheck } from './deep/fixtures';

const fake = new FakeArm();
const foreign = new FakeArm();
before(async () => {
  await fake.start();
  await foreign.start();
});
after(async () => {
  await fake.close();
  await foreign.close();
});
beforeEach(() => {
  fake.store.all().forEach((r) => fake.store.remove(r.id));
  fake.clearFaults();
  fake.resetLog();
  foreign.resetLog();
  fake.pageSize = 50;
});

/**
 * Small bounds, so every fault resolves in seconds; the per-request timeout leaves room for a
 * loaded machine (TLS handshakes on 2 shared cores), so only the stalled read reaches it.
 */
const BOUNDED: Partial<AzureClientsOptions> = { requestTimeoutMs: 1500, maxRetryAfterMs: 20, retryOptions: { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 10 } };
const TEST_BOUND = { timeout: 15_000 };

async function diagnoseLive(options: Omit<ReadForDiagnosisOptions, 'bastion'>, clientOptions: Partial<AzureClientsOptions> = {}) {
  const env = hubAndSpoke({ spokeVmPower: 'stopped' });
  fake.put(...env.resources);
  const started = performance.now();
  const read = await readForDiagnosis(fakeArmClients(fake, { ...BOUNDED, ...clientOptions }), { bastion: env.hostId, vm: env.spokeVmId, ...options });
  const elapsedMs = performance.now() - started;
  const report = diagnose(topologyFromRead(read, 'subscription test'), { bastion: read.bastionHostId, vm: read.virtualMachineId });
  return { env, read, elapsedMs, findings: [...read.incomplete, ...report.findings] };
}

const SPOKE_NSG_PATH = 'networkSecurityGroups/nsg-spoke-workload';
const NIC_LISTING_PATH = `/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Network/networkInterfaces`;

function incompleteFor(findings: Finding[], id: string): Finding {
  const found = findings.find((f) => f.rule === 'check-incomplete' && f.resource.id.toLowerCase() === id.toLowerCase());
  assert.ok(found, `no check-incomplete for ${id} among: ${findings.map((f) => `${f.rule} ${f.resource.id}`).join('; ')}`);
  return found;
}

/** The host and the VM were read and their own checks still ran. */
function assertOtherChecksRan(read: { bastionHostId?: string; virtualMachineId?: string }, findings: Finding[]): void {
  assert.ok(read.bastionHostId && read.virtualMachineId, 'host and VM read');
  const rules = findings.map((f) => f.rule);
  assert.ok(rules.includes('vm-not-running'), rules.join(', '));
  assert.ok(rules.includes('bastion-native-client-disabled'), rules.join(', '));
}

describe('the live path under faults', () => {
  it('a reset connection on one NSG is that read\'s check-incomplete, naming the NSG and ECONNRESET', TEST_BOUND, async () => {
    fake.inject({ path: SPOKE_NSG_PATH, transport: 'reset' });
    const { env, read, findings } = await diagnoseLive({});
    const finding = incompleteFor(read.incomplete, env.spokeNsgId);
    assert.match(finding.message, /network security group nsg-spoke-workload.*connection was reset \(ECONNRESET\)/);
    assert.equal(fake.requestsTo(SPOKE_NSG_PATH).length, 2, 'retried once (maxRetries 1), then given up');
    assertOtherChecksRan(read, findings);
  });

  it('a stalled answer ends at the per-request timeout as that read\'s check-incomplete', TEST_BOUND, async () => {
    fake.inject({ path: SPOKE_NSG_PATH, transport: 'stall' });
    const { env, read, findings, elapsedMs } = await diagnoseLive({});
    assert.match(incompleteFor(read.incomplete, env.spokeNsgId).message, /nsg-spoke-workload did not answer within 1\.5 s \(the per-request timeout\)/);
    assert.ok(elapsedMs < 6000, `took ${Math.round(elapsedMs)} ms`);
    assertOtherChecksRan(read, findings);
  });

  it('Retry-After: 3600 is capped and the cap is said in the finding', TEST_BOUND, async () => {
    fake.inject({ path: SPOKE_NSG_PATH, status: 429, retryAfterSeconds: 3600 });
    const { env, read, findings, elapsedMs } = await diagnoseLive({});
    const finding = incompleteFor(read.incomplete, env.spokeNsgId);
    assert.match(finding.message, /throttling.*\(429\).*asked to wait 3600 s; Bastion Doctor waits at most 0\.02 s/);
    assert.equal(fake.requestsTo(SPOKE_NSG_PATH).length, 2);
    assert.ok(elapsedMs < 6000, `took ${Math.round(elapsedMs)} ms`);
    assertOtherChecksRan(read, findings);
  });

  it('a nextLink pointing at its own page ends that listing as check-incomplete (a loop), not forever', TEST_BOUND, async () => {
    fake.inject({ path: NIC_LISTING_PATH, method: 'GET', nextLink: 'self' });
    const { env, read, findings } = await diagnoseLive({ vm: undefined });
    const finding = incompleteFor(read.incomplete, `/subscriptions/${SUBSCRIPTION_ID}`);
    assert.match(finding.message, /network interfaces of subscription .*answered the same nextLink twice.*not followed/);
    assert.ok(fake.requestsTo(NIC_LISTING_PATH).length <= 3);
    assert.ok(read.bastionHostId === env.hostId);
    assert.ok(findings.some((f) => f.rule === 'bastion-native-client-disabled'));
  });

  it('a listing longer than the page limit ends as check-incomplete naming the limit', TEST_BOUND, async () => {
    fake.pageSize = 1;
    const { read } = await diagnoseLive({ vm: undefined }, { maxPages: 2 });
    const finding = incompleteFor(read.incomplete, `/subscriptions/${SUBSCRIPTION_ID}`);
    assert.match(finding.message, /network interfaces of subscription .*more than 2 pages/);
    assert.equal(fake.requestsTo(NIC_LISTING_PATH).length, 2);
  });

  it('a nextLink on another origin is not followed and that origin receives no request at all', TEST_BOUND, async () => {
    const elsewhere = `${foreign.url}${NIC_LISTING_PATH}?api-version=2024-05-01&$skiptoken=1`;
    fake.inject({ path: NIC_LISTING_PATH, method: 'GET', nextLink: elsewhere });
    const { read, findings } = await diagnoseLive({ vm: undefined });
    const finding = incompleteFor(read.incomplete, `/subscriptions/${SUBSCRIPTION_ID}`);
    assert.match(finding.message, new RegExp(`ARM answered with a nextLink on another host \\(${new URL(foreign.url).host.replace(/\./g, '\\.')}\\); not followed`));
    assert.deepEqual(foreign.requests.map((r) => ({ path: r.path, authorization: r.authorization })), []);
    assert.ok(findings.some((f) => f.rule === 'bastion-native-client-disabled'));
  });

  it('a request to another origin is refused by the pipeline itself, before any token leaves', TEST_BOUND, async () => {
    const clients = fakeArmClients(fake, BOUNDED);
    const network = await clients.network();
    const { createPipelineRequest, createDefaultHttpClient } = await import('@azure/core-rest-pipeline');
    const request = createPipelineRequest({ url: `${foreign.url}/subscriptions?api-version=2022-12-01`, method: 'GET' });
    await assert.rejects(network.pipeline.sendRequest(createDefaultHttpClient(), request), /another host \(127\.0\.0\.1:\d+\); not sent/);
    assert.equal(foreign.requests.length, 0);
  });

  it('the origin guard is the last policy before the transport, after the bearer token is set', TEST_BOUND, async () => {
    for (const client of [await fakeArmClients(fake).network(), await fakeArmClients(fake).resourceGraph()]) {
      const names = client.pipeline.getOrderedPolicies().map((policy) => policy.name);
      assert.equal(names.at(-1), 'bastionDoctorOriginGuard', names.join(' > '));
      assert.ok(names.indexOf('bearerTokenAuthenticationPolicy') < names.indexOf('bastionDoctorOriginGuard'));
      assert.ok(names.indexOf('retryPolicy') < names.indexOf('bastionDoctorRequestTimeout'), 'each attempt has its own timeout');
    }
  });

  it('a Resource Graph $skipToken that repeats ends the private DNS zone links as check-incomplete', TEST_BOUND, async () => {
    fake.inject({ path: /resourcegraph/i, body: /virtualnetworklinks/i, skipToken: 'c2FtZQ==' });
    const { env, read, findings } = await diagnoseLive({});
    const hubVnet = read.resources.find((r) => r.name === 'vnet-hub')!;
    const finding = incompleteFor(read.incomplete, hubVnet.id);
    assert.match(finding.message, /private DNS zone links .*answered the same \$skipToken twice/);
    assert.equal(read.coverage.privateDnsZoneLinks, false);
    assertOtherChecksRan(read, findings);
    void env;
  });

  it('the whole-run timeout ends the reads still out as check-incomplete and returns what was read', TEST_BOUND, async () => {
    fake.inject({ path: SPOKE_NSG_PATH, transport: 'stall' });
    const { env, read, findings, elapsedMs } = await diagnoseLive({ timeoutMs: 2000 }, { requestTimeoutMs: 60_000 });
    assert.match(incompleteFor(read.incomplete, env.spokeNsgId).message, /nsg-spoke-workload was not read within the run's time limit \(2 s\)/);
    assert.ok(elapsedMs < 6000, `took ${Math.round(elapsedMs)} ms`);
    assertOtherChecksRan(read, findings);
  });

  it('the inventory lists a subscription whose NIC listing resets as check-incomplete and keeps the rest', TEST_BOUND, async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.inject({ path: NIC_LISTING_PATH, method: 'GET', transport: 'reset' });
    const inventory = await loadInventory(fakeArmClients(fake, BOUNDED), { subscriptionIds: [SUBSCRIPTION_ID], forceArm: true });
    assert.equal(inventory.incomplete.length, 1);
    assert.match(inventory.incomplete[0].message, /network interfaces of subscription .*connection was reset \(ECONNRESET\)/);
    assert.deepEqual(inventory.subscriptions[0].bastions.map((b) => b.id), [env.hostId]);
  });

  it('the deep check\'s Network Watcher listing stops at a looping nextLink (SDK pager), the other deep calls still run', TEST_BOUND, async () => {
    serveDeepCheck(fake, undefined, { watcher: false });
    fake.inject({ path: '/providers/Microsoft.Network/networkWatchers', method: 'GET', nextLink: 'self' });
    const clients = fakeArmClients(fake, BOUNDED);
    const read = await readForDiagnosis(clients, { bastion: deepEnv.hostId, vm: deepEnv.spokeVmId });
    const result = await runDeepCheck(clients, topologyFromRead(read, 'subscription test'), { bastionHostId: deepEnv.hostId, virtualMachineId: deepEnv.spokeVmId }, { clientPath: false });
    const stopped = result.findings.find((f) => f.rule === 'check-incomplete' && /Network Watchers/.test(f.message));
    assert.ok(stopped, result.findings.map((f) => f.message).join('\n'));
    assert.match(stopped.message, /answered the same nextLink twice \(a paging loop\); not followed/);
    assert.ok(fake.requestsTo('/providers/Microsoft.Network/networkWatchers').length <= 3);
    assert.ok(fake.requestsTo('effectiveRouteTable').length > 0, 'the effective routes were still asked');
  });
});
