// The diagnosis read through the real Azure SDK clients against the local fake ARM, asserted
// end to end: raw reads → topology → findings.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AzureUnreachableError, NotSignedInError } from '../../src/azure/errors';
import { loadInventory } from '../../src/azure/inventory';
import { readForDiagnosis, ResourceSelectionError, type ReadForDiagnosisOptions } from '../../src/azure/readDiagnosis';
import { topologyFromRead } from '../../src/azure/topology';
import { diagnose } from '../../src/core/diagnose';
import { armBastionHost, armPrivateDnsZoneLink, armResourceId, hubScenario, SUBSCRIPTION_ID } from '../support/arm';
import { fakeArmClients } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke, rulesWithoutGatewayManager } from './scenarios';

const fake = new FakeArm();
before(() => fake.start());
after(() => fake.close());
beforeEach(() => {
  fake.store.all().forEach((r) => fake.store.remove(r.id));
  fake.clearFaults();
  fake.resetLog();
  fake.latencyMs = 0;
  fake.pageSize = 50;
  fake.acceptedToken = undefined;
});

async function diagnoseLive(options: ReadForDiagnosisOptions, clients = fakeArmClients(fake)) {
  const read = await readForDiagnosis(clients, options);
  const topology = topologyFromRead(read, 'subscription test');
  const report = diagnose(topology, { bastion: read.bastionHostId, vm: read.virtualMachineId });
  return { read, topology, report, findings: [...read.incomplete, ...report.findings] };
}

const rulesOf = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('readForDiagnosis against the fake ARM', () => {
  it('counts its own requests while a tree refresh runs on the same clients (the extension shares them)', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.latencyMs = 5;
    const alone = await readForDiagnosis(fakeArmClients(fake), { bastion: env.hostId, vm: env.hubVmId });
    fake.resetLog();
    const shared = fakeArmClients(fake);
    const [read, inventory] = await Promise.all([
      readForDiagnosis(shared, { bastion: env.hostId, vm: env.hubVmId }),
      loadInventory(shared, { subscriptionIds: [SUBSCRIPTION_ID], forceArm: true }),
    ]);
    assert.equal(read.requestCount, alone.requestCount);
    assert.equal(read.requestCount + inventory.requestCount, fake.requests.length, 'every request counted once, by the operation that sent it');
  });

  it('reads host, VNet, NSG, public IP, NIC, VM with instance view and diagnostic settings of a healthy hub', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    const { read, topology, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    const types = new Set(read.resources.map((r) => r.type));
    for (const type of ['Microsoft.Network/bastionHosts', 'Microsoft.Network/virtualNetworks', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/publicIPAddresses', 'Microsoft.Network/networkInterfaces', 'Microsoft.Compute/virtualMachines', 'Microsoft.Insights/diagnosticSettings']) {
      assert.ok(types.has(type), `missing ${type}`);
    }
    assert.deepEqual(topology.coverage, { diagnosticSettings: true, privateDnsZoneLinks: true, instanceView: true });
    assert.equal(topology.virtualMachines[0].powerState, 'running');
    assert.deepEqual(read.incomplete, []);
    assert.equal(findings.filter((f) => f.severity === 'error').length, 0, JSON.stringify(findings.map((f) => f.message)));
    assert.ok(read.waves <= 3, `waves: ${read.waves}`);
  });

  it('keeps the raw ARM JSON (PascalCase keys, instance view) exactly as the server sent it', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    const { read } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    const vm = read.resources.find((r) => r.id === env.hubVmId) as unknown as { properties: { instanceView: { statuses: { code: string }[] } } };
    assert.equal(vm.properties.instanceView.statuses[1].code, 'PowerState/running');
    const pip = read.resources.find((r) => r.type === 'Microsoft.Network/publicIPAddresses') as unknown as { properties: Record<string, unknown> };
    assert.equal(pip.properties.publicIPAllocationMethod, 'Static');
  });

  it('finds a missing AzureBastionSubnet rule end to end (bastion-nsg-missing-rule)', async () => {
    const env = hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() });
    fake.put(...env.resources);
    const { findings } = await diagnoseLive({ bastion: 'bas-contoso-hub', vm: 'vm-web-01' });
    const missing = findings.filter((f) => f.rule === 'bastion-nsg-missing-rule');
    assert.equal(missing.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(missing[0].flow, 'in-gatewaymanager-443');
  });

  it('finds a deallocated VM in a peered spoke and reads both sides of the peering', async () => {
    const env = hubAndSpoke({ spokeVmPower: 'deallocated' });
    fake.put(...env.resources);
    const { read, topology, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
    assert.ok(rulesOf(findings).includes('vm-not-running'));
    const names = topology.virtualNetworks.map((v) => v.name).sort();
    assert.deepEqual(names, ['vnet-hub', 'vnet-spoke']);
    assert.ok(topology.virtualNetworks.every((v) => v.peerings.length > 0));
    assert.ok(topology.networkSecurityGroups.some((n) => n.name === 'nsg-spoke-workload'));
    // The NIC is read with its subnet expanded, so the spoke subnet's NSG is known one wave early.
    assert.ok(read.waves <= 3, `waves: ${read.waves}`);
  });

  it('without --vm reads every VM in the host VNet and directly peered VNets, none beyond', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    const { report } = await diagnoseLive({ bastion: env.hostId });
    const vms = report.targets.map((t) => t.virtualMachineName).sort();
    assert.deepEqual(vms, ['vm-app-01', 'vm-web-01']);
  });

  it('without --vm a Developer host reads only VMs in its own VNet', async () => {
    const env = hubAndSpoke();
    const developer = armBastionHost({ name: 'bas-dev', sku: 'Developer', virtualNetwork: armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub']) });
    fake.put(...env.resources, developer);
    const { report, read } = await diagnoseLive({ bastion: developer.id });
    assert.deepEqual(report.targets.map((t) => t.virtualMachineName), ['vm-web-01']);
    assert.ok(!read.resources.some((r) => r.name === 'vnet-spoke'));
  });

  it('follows nextLink pages to find a host by name', async () => {
    const env = hubAndSpoke();
    const others = ['bas-a', 'bas-b', 'bas-c', 'bas-d'].map((name) => armBastionHost({ name, rg: 'rg-aaa' }));
    fake.put(...env.resources, ...others);
    fake.pageSize = 2;
    const { read } = await diagnoseLive({ bastion: 'BAS-CONTOSO-HUB' });
    assert.equal(read.bastionHostId, env.hostId);
    const pages = fake.requests.filter((r) => /\/providers\/Microsoft\.Network\/bastionHosts$/i.test(r.path));
    assert.equal(pages.length, 3);
    assert.ok(pages.slice(1).every((p) => p.query.get('api-version') && p.query.get('$skiptoken')));
  });

  it('rejects a host name that matches nothing, and one that matches several', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources, armBastionHost({ name: 'bas-contoso-hub', rg: 'rg-other' }));
    await assert.rejects(readForDiagnosis(fakeArmClients(fake), { bastion: 'bas-nowhere' }), (e: Error) => e instanceof ResourceSelectionError && /No Bastion host named 'bas-nowhere'/.test(e.message));
    await assert.rejects(readForDiagnosis(fakeArmClients(fake), { bastion: 'bas-contoso-hub' }), (e: Error) => e instanceof ResourceSelectionError && /rg-other/.test(e.message));
  });

  const transient: [string, number][] = [['429 with retry-after-ms', 429], ['503', 503]];
  for (const [label, status] of transient) {
    it(`retries a ${label} and then reads the resource`, async () => {
      const env = hubAndSpoke();
      fake.put(...env.resources);
      fake.inject({ path: 'networkSecurityGroups/nsg-bastion', status, times: 1 });
      const { read, topology } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
      assert.deepEqual(read.incomplete, []);
      assert.ok(topology.networkSecurityGroups.some((n) => n.name === 'nsg-bastion'));
      assert.deepEqual(fake.requestsTo('networkSecurityGroups/nsg-bastion').map((r) => r.status), [status, 200]);
    });
  }

  it('reports 503 that outlasts the retries as check-incomplete with the status', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.inject({ path: 'publicIPAddresses/pip-bastion', status: 503 });
    const { read } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    assert.equal(read.incomplete.length, 1);
    assert.match(read.incomplete[0].message, /answered 503 for the public IP address pip-bastion after the SDK's retries/);
    assert.equal(fake.requestsTo('pip-bastion').length, 4);
  });

  it('403 on the Bastion NSG names Microsoft.Network/networkSecurityGroups/read while the other checks still report', async () => {
    const env = hubAndSpoke({ spokeVmPower: 'stopped' });
    fake.put(...env.resources);
    fake.inject({ path: 'networkSecurityGroups/nsg-bastion', status: 403 });
    const { read, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
    const denied = read.incomplete.find((f) => f.resource.id === env.bastionNsgId);
    assert.ok(denied);
    assert.equal(denied.rule, 'check-incomplete');
    assert.equal(denied.layer, 'bastion-subnet');
    assert.match(denied.message, /denied \(403\).*Microsoft\.Network\/networkSecurityGroups\/read/);
    assert.deepEqual(denied.evidence.find((e) => e.label === 'Missing permission')?.value, 'Microsoft.Network/networkSecurityGroups/read');
    assert.ok(rulesOf(findings).includes('vm-not-running'));
    assert.ok(rulesOf(findings).includes('bastion-native-client-disabled'));
  });

  it('403 on diagnostic settings names Microsoft.Insights/diagnosticSettings/read and leaves that coverage off', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.inject({ path: '/providers/Microsoft.Insights/diagnosticSettings', status: 403 });
    const { read, topology, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    assert.match(read.incomplete[0].message, /Microsoft\.Insights\/diagnosticSettings\/read/);
    assert.equal(read.incomplete[0].layer, 'logs');
    assert.equal(topology.coverage.diagnosticSettings, false);
    assert.ok(!rulesOf(findings).includes('bastion-diagnostics-disabled'));
  });

  it('a VM that no longer exists (404) becomes a finding naming it; the host checks still run', async () => {
    const env = hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() });
    fake.put(...env.resources);
    const gone = armResourceId('Microsoft.Compute/virtualMachines', ['vm-deleted-01']);
    const { read, findings } = await diagnoseLive({ bastion: env.hostId, vm: gone });
    assert.equal(read.virtualMachineId, undefined);
    const missing = read.incomplete.find((f) => f.resource.id === gone);
    assert.ok(missing);
    assert.match(missing.message, /virtual machine vm-deleted-01 no longer exists \(404\)/);
    assert.ok(rulesOf(findings).includes('bastion-nsg-missing-rule'));
  });

  it('401 stops the run with a sign-in-again error', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.acceptedToken = 'another-token';
    await assert.rejects(readForDiagnosis(fakeArmClients(fake), { bastion: env.hostId }), (e: Error) => e instanceof NotSignedInError && /Sign in again/.test(e.message));
  });

  it('no network: a clear message naming the endpoint', async () => {
    const closed = new FakeArm();
    await closed.start();
    const url = closed.url;
    await closed.close();
    const clients = fakeArmClients(fake, { endpoint: url, retryOptions: { maxRetries: 0 } });
    await assert.rejects(readForDiagnosis(clients, { bastion: hubScenario().bastion.id }),
      (e: Error) => e instanceof AzureUnreachableError && e.message.startsWith(`cannot reach ${url}: no network?`));
  });

  it('cancellation aborts every request in flight', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    fake.latencyMs = 1000;
    const controller = new AbortController();
    const started = performance.now();
    const reading = readForDiagnosis(fakeArmClients(fake), { bastion: env.hostId, vm: env.hubVmId, signal: controller.signal });
    setTimeout(() => controller.abort(), 60);
    await assert.rejects(reading, (e: Error) => e.name === 'AbortError');
    assert.ok(performance.now() - started < 900, 'the read did not wait for the slow answers');
    await new Promise((resolve) => setTimeout(resolve, 1050));
    assert.equal(fake.requests.length, 2);
    assert.ok(fake.requests.every((r) => r.aborted), JSON.stringify(fake.requests.map((r) => [r.path, r.aborted])));
  });

  it('finds a reserved private DNS zone linked to the host VNet, in another subscription, with one tenant-scope Resource Graph query', async () => {
    const env = hubAndSpoke();
    const hubVnet = armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub']);
    const connectivity = '11111111-2222-3333-4444-555555555555';
    fake.put(
      ...env.resources,
      // Reserved names conflict; names that only end in them, or links to other VNets, do not.
      armPrivateDnsZoneLink({ vnet: hubVnet, zone: 'blob.core.windows.net', rg: 'rg-dns' }),
      { ...armPrivateDnsZoneLink({ vnet: hubVnet, zone: 'core.windows.net', name: 'link-central' }), id: `/subscriptions/${connectivity}/resourceGroups/rg-connectivity/providers/Microsoft.Network/privateDnsZones/core.windows.net/virtualNetworkLinks/link-central` },
      armPrivateDnsZoneLink({ vnet: hubVnet, zone: 'privatelink.blob.core.windows.net', rg: 'rg-dns' }),
      armPrivateDnsZoneLink({ vnet: armResourceId('Microsoft.Network/virtualNetworks', ['vnet-spoke']), zone: 'azure.com', rg: 'rg-dns' }),
    );
    const { read, topology, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    const conflicts = findings.filter((f) => f.rule === 'bastion-private-dns-conflict').map((f) => f.message);
    assert.equal(conflicts.length, 2, conflicts.join('\n'));
    assert.ok(conflicts.some((m) => m.includes('blob.core.windows.net')) && conflicts.some((m) => /\bcore\.windows\.net/.test(m) && !m.includes('blob.')));
    assert.ok(!conflicts.some((m) => m.includes('privatelink.')));
    assert.equal(topology.coverage.privateDnsZoneLinks, true);
    const graph = fake.requests.filter((r) => /microsoft\.resourcegraph\/resources/i.test(r.path));
    assert.equal(graph.length, 1);
    assert.equal(JSON.parse(graph[0].body ?? '{}').subscriptions, undefined, 'tenant scope: zones often live in a connectivity subscription');
    assert.ok(read.waves <= 3, `waves: ${read.waves}`);
  });

  it('a failed private DNS link query is check-incomplete; the other checks still report and the DNS check stays silent', async () => {
    const env = hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() });
    fake.put(...env.resources, armPrivateDnsZoneLink({ vnet: armResourceId('Microsoft.Network/virtualNetworks', ['vnet-hub']), zone: 'azure.com' }));
    fake.inject({ path: /resourcegraph/i, status: 500 });
    const { topology, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.hubVmId });
    const incomplete = findings.filter((f) => f.rule === 'check-incomplete' && /private DNS zone links/.test(f.message));
    assert.equal(incomplete.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.match(incomplete[0].message, /whether the VNet links a private DNS zone Bastion cannot work with could not be checked/);
    assert.equal(topology.coverage.privateDnsZoneLinks, false);
    assert.ok(!rulesOf(findings).includes('bastion-private-dns-conflict'));
    assert.ok(rulesOf(findings).includes('bastion-nsg-missing-rule'));
  });

  it('makes at most three sequential round trips for a VM in the host VNet (request log timestamps)', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    const clients = fakeArmClients(fake);
    await readForDiagnosis(clients, { bastion: env.hostId, vm: env.hubVmId }); // loads the SDK packages
    fake.resetLog();
    const latency = 60;
    fake.latencyMs = latency;
    const read = await readForDiagnosis(clients, { bastion: env.hostId, vm: env.hubVmId });
    const starts = fake.requests.map((r) => r.startMs).sort((a, b) => a - b);
    const waves = starts.filter((t, i) => i === 0 || t - starts[i - 1] > latency / 2).length;
    assert.equal(read.waves, 3);
    assert.equal(waves, 3); // wall time with latency is a bench row (bench/live.bench.ts)
  });

  it('runs a long-running POST (effective NSGs) through 202 and polling', async () => {
    const env = hubAndSpoke();
    fake.put(...env.resources);
    const nicPath = `${armResourceId('Microsoft.Network/networkInterfaces', ['nic-vm-web-01'])}/effectiveNetworkSecurityGroups`.toLowerCase();
    fake.actions.set(nicPath, { value: [{ networkSecurityGroup: { id: env.bastionNsgId }, effectiveSecurityRules: [] }] });
    const network = await fakeArmClients(fake).network();
    const result = await network.networkInterfaces.listEffectiveNetworkSecurityGroups('rg-contoso-hub', 'nic-vm-web-01', { updateIntervalInMs: 5 });
    assert.equal(result.value?.[0].networkSecurityGroup?.id, env.bastionNsgId);
    assert.ok(fake.requests.some((r) => r.path.includes('/operations/')));
  });
});
