// Live Azure reads against the local fake ARM through the real SDK clients:
// - one diagnosis with latency injected on every ARM call (target: wall time ≤ 5× one call),
// - a spoke in another subscription than the hub's (target: no more request waves than a spoke
//   in the hub's own subscription), for one VM and for every VM the host reaches,
// - the inventory of 200 subscriptions × 50 VMs, Resource Graph versus the ARM fallback.
import { performance } from 'node:perf_hooks';
import { loadInventory } from '../src/azure/inventory';
import { readForDiagnosis } from '../src/azure/readDiagnosis';
import { armBastionHost, armNic, armResourceId, armSubnet, armVirtualNetwork, armVm, subnetIdOf, type ArmResource } from '../test/support/arm';
import { fakeArmClients } from '../test/support/fakeArm/harness';
import { FakeArm } from '../test/support/fakeArm/server';
import { hubAndSpoke, SPOKE_SUBSCRIPTION_ID, type HubAndSpoke } from '../test/integration/scenarios';
import type { BenchRow } from './types';

const CALL_LATENCY_MS = 50;
const SUBSCRIPTIONS = 200;
const VMS_PER_SUBSCRIPTION = 50;
const INVENTORY_LATENCY_MS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function diagnosisRow(fake: FakeArm): Promise<BenchRow> {
  const env = hubAndSpoke();
  fake.put(...env.resources);
  const clients = fakeArmClients(fake);
  await readForDiagnosis(clients, { bastion: env.hostId, vm: env.hubVmId }); // loads the SDK packages
  fake.latencyMs = CALL_LATENCY_MS;
  const times: number[] = [];
  let requests = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const read = await readForDiagnosis(clients, { bastion: env.hostId, vm: env.hubVmId });
    times.push(performance.now() - start);
    requests = read.requestCount;
  }
  fake.latencyMs = 0;
  const ms = median(times);
  const target = 5 * CALL_LATENCY_MS;
  return {
    benchmark: 'live diagnosis read (host + VM, real SDK)',
    input: `${CALL_LATENCY_MS} ms latency per ARM call, ${requests} requests`,
    result: `${ms.toFixed(0)} ms`,
    target: `≤ ${target} ms (5× one call)`,
    verdict: ms <= target ? 'ok' : 'over',
  };
}

interface SpokeRead {
  waves: number;
  requests: number;
  ms: number;
}

async function spokeRead(fake: FakeArm, env: HubAndSpoke, vm: string | undefined): Promise<SpokeRead> {
  fake.put(...env.resources);
  const clients = fakeArmClients(fake);
  await readForDiagnosis(clients, { bastion: env.hostId, vm }); // loads the SDK packages
  fake.latencyMs = CALL_LATENCY_MS;
  const runs: SpokeRead[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const read = await readForDiagnosis(clients, { bastion: env.hostId, vm });
    runs.push({ waves: read.waves, requests: read.requestCount, ms: performance.now() - start });
  }
  fake.latencyMs = 0;
  return { waves: Math.max(...runs.map((r) => r.waves)), requests: runs[0].requests, ms: median(runs.map((r) => r.ms)) };
}

async function crossSubscriptionRows(fake: FakeArm): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const selection of ['one spoke VM', 'every reachable VM'] as const) {
    const pick = (env: HubAndSpoke) => (selection === 'one spoke VM' ? env.spokeVmId : undefined);
    const sameEnv = hubAndSpoke();
    const same = await spokeRead(fake, sameEnv, pick(sameEnv));
    const crossEnv = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID });
    const cross = await spokeRead(fake, crossEnv, pick(crossEnv));
    rows.push({
      benchmark: `live read, spoke in another subscription (${selection})`,
      input: `${CALL_LATENCY_MS} ms per ARM call; spoke in the hub's subscription: ${same.waves} waves, ${same.requests} requests, ${same.ms.toFixed(0)} ms`,
      result: `${cross.waves} waves, ${cross.requests} requests, ${cross.ms.toFixed(0)} ms`,
      target: `≤ ${same.waves} waves`,
      verdict: cross.waves <= same.waves ? 'ok' : 'over',
    });
  }
  return rows;
}

function subscriptionId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

function subscriptionResources(subscription: string): ArmResource[] {
  const placement = { subscription, rg: 'rg-workload' };
  const vnet = armVirtualNetwork({ ...placement, name: 'vnet-hub', subnets: [armSubnet({ name: 'AzureBastionSubnet' }), armSubnet({ name: 'snet-vms', addressPrefix: '10.0.4.0/22' })] });
  const host = armBastionHost({ ...placement, subnet: subnetIdOf(vnet) });
  const resources: ArmResource[] = [vnet, host];
  for (let i = 0; i < VMS_PER_SUBSCRIPTION; i++) {
    const name = `vm-${String(i).padStart(3, '0')}`;
    const vmId = armResourceId('Microsoft.Compute/virtualMachines', [name], placement);
    const nic = armNic({ ...placement, name: `nic-${name}`, subnet: subnetIdOf(vnet, 'snet-vms'), vm: vmId, privateIp: `10.0.4.${i + 4}` });
    resources.push(nic, armVm({ ...placement, name, nics: [nic], powerState: i % 5 === 0 ? 'deallocated' : 'running' }));
  }
  return resources;
}

async function inventoryRows(fake: FakeArm): Promise<BenchRow[]> {
  const subscriptionIds = Array.from({ length: SUBSCRIPTIONS }, (_, i) => subscriptionId(i));
  for (const id of subscriptionIds) fake.put(...subscriptionResources(id));
  fake.latencyMs = INVENTORY_LATENCY_MS;
  const input = `${SUBSCRIPTIONS} subscriptions × ${VMS_PER_SUBSCRIPTION} VMs, ${INVENTORY_LATENCY_MS} ms per call`;
  const rows: BenchRow[] = [];
  for (const forceArm of [false, true]) {
    const clients = fakeArmClients(fake);
    const start = performance.now();
    const inventory = await loadInventory(clients, { subscriptionIds, forceArm });
    const ms = performance.now() - start;
    const vms = inventory.subscriptions.reduce((n, s) => n + s.bastions.reduce((m, b) => m + b.reachableVms.length, 0), 0);
    if (vms !== SUBSCRIPTIONS * VMS_PER_SUBSCRIPTION) throw new Error(`inventory found ${vms} VMs`);
    rows.push({
      benchmark: `inventory tree via ${inventory.path === 'arm' ? 'ARM fallback' : 'Resource Graph'}`,
      input,
      result: `${inventory.requestCount} requests, ${ms.toFixed(0)} ms`,
      target: '',
      verdict: '',
    });
  }
  fake.latencyMs = 0;
  return rows;
}

export default async function run(): Promise<BenchRow[]> {
  const fake = await new FakeArm().start();
  try {
    return [await diagnosisRow(fake), ...(await crossSubscriptionRows(fake)), ...(await inventoryRows(fake))];
  } finally {
    await fake.close();
  }
}
