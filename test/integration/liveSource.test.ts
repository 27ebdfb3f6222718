// `diagnose --subscription` glue: the injected test credential, the fake ARM endpoint, Save
// Snapshot writing the raw ARM JSON that reopens to the same diagnosis.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapArmResources } from '../../src/core/arm';
import { diagnose } from '../../src/core/diagnose';
import { parseSnapshot } from '../../src/core/snapshot';
import { loadLiveTopology } from '../../src/cli/liveSource';
import { UsageError } from '../../src/cli/usageError';
import { SUBSCRIPTION_ID } from '../support/arm';
import { TEST_TOKEN } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { fakeIo } from '../unit/cli/fakeIo';
import { hubAndSpoke, rulesWithoutGatewayManager } from './scenarios';

const fake = new FakeArm();
const dir = mkdtempSync(join(tmpdir(), 'live-source-'));
before(async () => {
  await fake.start();
  fake.acceptedToken = TEST_TOKEN;
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function testIo() {
  return fakeIo({ '/ca.pem': fake.certificate }, {
    cwd: dir,
    env: { BASTION_DOCTOR_TEST: '1', BASTION_DOCTOR_TEST_TOKEN: TEST_TOKEN, BASTION_DOCTOR_TEST_CA: '/ca.pem' },
  });
}

describe('loadLiveTopology', () => {
  it('reads through the fake ARM, reports failed reads, and saves a snapshot that diagnoses the same', async () => {
    const env = hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() });
    fake.put(...env.resources);
    fake.inject({ path: 'diagnosticSettings', status: 403 });
    const live = await loadLiveTopology({ subscription: SUBSCRIPTION_ID, bastion: 'bas-contoso-hub', vm: 'vm-app-01', armEndpoint: fake.url, saveSnapshot: 'snap.json' }, testIo());
    fake.clearFaults();
    assert.equal(live.topology.sourceLabel, `subscription ${SUBSCRIPTION_ID}`);
    assert.deepEqual(live.selection, { bastion: env.hostId, vm: env.spokeVmId });
    assert.equal(live.incomplete.length, 1);
    assert.match(live.incomplete[0].message, /Microsoft\.Insights\/diagnosticSettings\/read/);
    // A reopened snapshot also reports references to what the live read skipped (check-incomplete).
    const verdicts = (topology: typeof live.topology) => diagnose(topology, live.selection).findings.filter((f) => f.rule !== 'check-incomplete').map((f) => [f.rule, f.flow, f.message]);
    const liveRules = verdicts(live.topology);
    assert.ok(liveRules.some(([rule]) => rule === 'bastion-nsg-missing-rule'));

    const text = readFileSync(join(dir, 'snap.json'), 'utf8');
    const parsed = parseSnapshot(text, 'snap.json');
    assert.ok(parsed.ok);
    const reopened = mapArmResources(parsed.resources, { coverage: live.topology.coverage });
    assert.deepEqual(verdicts(reopened), liveRules);
  });

  const mistakes: [string, object, RegExp][] = [
    ['an http endpoint', { armEndpoint: 'http://127.0.0.1:1' }, /--arm-endpoint must be an https URL/],
    ['an unknown auth kind', { auth: 'password' }, /unknown --auth 'password' \(use cli, env, device-code, managed-identity\)/],
    ['a host that does not exist', { bastion: 'bas-missing' }, /No Bastion host named 'bas-missing'/],
  ];
  for (const [label, overrides, message] of mistakes) {
    it(`turns ${label} into a usage error`, async () => {
      fake.put(...hubAndSpoke().resources);
      await assert.rejects(loadLiveTopology({ subscription: SUBSCRIPTION_ID, bastion: 'bas-contoso-hub', armEndpoint: fake.url, ...overrides }, testIo()),
        (e: Error) => e instanceof UsageError && message.test(e.message));
    });
  }
});
