// A full Deep check (IP flow verify, effective rules and routes, audit log, active sessions,
// guest script) against the local fake ARM and fake Log Analytics with 50 ms on every request:
// the steps run in parallel, so the wall time follows the longest chain (watcher listing, then
// IP flow verify's POST and polls), not the sum of the requests.
import { performance } from 'node:perf_hooks';
import { staticTokenCredential } from '../src/azure/credentials';
import { runDeepCheck } from '../src/azure/deep/deepCheck';
import { readForDiagnosis } from '../src/azure/readDiagnosis';
import { topologyFromRead } from '../src/azure/topology';
import { env, serve } from '../test/integration/deep/fixtures';
import { fakeArmClients, loopbackOnlyPolicy, TEST_TOKEN } from '../test/support/fakeArm/harness';
import { FakeLogAnalytics } from '../test/support/fakeArm/logAnalytics';
import { FakeArm } from '../test/support/fakeArm/server';
import type { BenchRow } from './types';

const LATENCY_MS = 50;
const RUNS = 5;

export default async function run(): Promise<BenchRow[]> {
  const fake = await new FakeArm().start();
  const logs = await new FakeLogAnalytics().start();
  try {
    serve(fake, logs);
    const clients = fakeArmClients(fake, { updateIntervalInMs: 0 });
    const read = await readForDiagnosis(clients, { bastion: env.hostId, vm: env.spokeVmId });
    const topology = topologyFromRead(read, 'bench');
    const deep = () => runDeepCheck(clients, topology, { bastionHostId: env.hostId, virtualMachineId: env.spokeVmId }, {
      clientPath: false,
      runGuestScript: true,
      logs: { credential: staticTokenCredential(TEST_TOKEN), endpoint: logs.url, tlsCa: fake.certificate, additionalPolicies: [{ policy: loopbackOnlyPolicy, position: 'perCall' }] },
    });
    await deep(); // loads the SDK packages
    fake.latencyMs = LATENCY_MS;
    logs.latencyMs = LATENCY_MS;
    const times: number[] = [];
    let armRequests = 0;
    let logRequests = 0;
    for (let i = 0; i < RUNS; i++) {
      const before = logs.requests.length;
      const start = performance.now();
      const result = await deep();
      times.push(performance.now() - start);
      armRequests = result.requestCount;
      logRequests = logs.requests.length - before;
    }
    times.sort((a, b) => a - b);
    const ms = times[Math.floor(times.length / 2)];
    return [{
      benchmark: 'deep check (all steps, parallel)',
      input: `${LATENCY_MS} ms per request; ${armRequests} ARM + ${logRequests} Log Analytics requests`,
      result: `${ms.toFixed(0)} ms`,
      target: `≤ ${8 * LATENCY_MS} ms`,
      verdict: ms <= 8 * LATENCY_MS ? 'ok' : 'over',
    }];
  } finally {
    await fake.close();
    await logs.close();
  }
}
