// End-to-end: `bastion-doctor diagnose --subscription` as a user runs it, the built dist/cli.js
// reading through the real Azure SDK from the local TLS fake ARM. The child process loads the
// same network guard as the tests, so it too can reach nothing but 127.0.0.1.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SUBSCRIPTION_ID } from '../support/arm';
import { TEST_TOKEN } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke, rulesWithoutGatewayManager, SPOKE_SUBSCRIPTION_ID } from '../integration/scenarios';
import { serve as serveDeepCheck } from '../integration/deep/fixtures';
import { FakeLogAnalytics } from '../support/fakeArm/logAnalytics';

const CLI = resolve('dist/cli.js');
const GUARD = resolve('test/support/network-guard.mjs');
const fake = new FakeArm();
// --deep probes the client path to the host's DNS name: a name under .invalid (RFC 6761) resolves
// nowhere, so no run asks a real DNS server (the network guard fails the suite if one does).
const putResources = fake.put.bind(fake);
fake.put = (...resources) =>
  putResources(...resources.map((r) => (r.type === 'Microsoft.Network/bastionHosts' ? { ...r, properties: { ...(r as { properties?: object }).properties, dnsName: `${r.name}.bastion.invalid` } } : r)));
const dir = mkdtempSync(join(tmpdir(), 'cli-live-'));
const caFile = join(dir, 'ca.pem');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Asynchronous, so the fake ARM in this process can answer while the CLI waits. */
function cli(args: string[], token = TEST_TOKEN): Promise<Run> {
  const env = { ...process.env, NO_COLOR: '1', BASTION_DOCTOR_TEST: '1', BASTION_DOCTOR_TEST_TOKEN: token, BASTION_DOCTOR_TEST_CA: caFile };
  const child = spawn(process.execPath, ['--import', GUARD, CLI, ...args], { cwd: dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

const live = (...extra: string[]) => ['diagnose', '--subscription', SUBSCRIPTION_ID, '--arm-endpoint', fake.url, ...extra];
/** Without --subscription: the host's id says where it is. */
const byId = (...extra: string[]) => ['diagnose', '--arm-endpoint', fake.url, ...extra];
const rulesOf = (json: string) => new Set((JSON.parse(json) as { findings: { rule: string }[] }).findings.map((f) => f.rule));

before(async () => {
  await fake.start();
  fake.acceptedToken = TEST_TOKEN;
  writeFileSync(caFile, fake.certificate);
});
beforeEach(() => {
  fake.clearFaults();
  fake.put(...hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() }).resources);
});
after(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bastion-doctor diagnose --subscription', () => {
  it('finds the missing GatewayManager rule live, and the saved snapshot diagnoses the same offline', async () => {
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--format', 'json', '--save-snapshot', 'snap.json'));
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; flow?: string }[]; isDemo: boolean };
    assert.equal(report.isDemo, false);
    assert.ok(report.findings.some((f) => f.rule === 'bastion-nsg-missing-rule' && f.flow === 'in-gatewaymanager-443'), run.stdout);

    const snapshot = JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')) as { type: string }[];
    assert.ok(snapshot.some((r) => r.type === 'Microsoft.Network/bastionHosts'));
    const offline = await cli(['diagnose', '--snapshot', 'snap.json', '--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--format', 'json']);
    assert.equal(offline.status, 1, offline.stderr);
    const liveRules = [...rulesOf(run.stdout)].filter((r) => r !== 'check-incomplete');
    assert.deepEqual([...rulesOf(offline.stdout)].filter((r) => r !== 'check-incomplete').sort(), liveRules.sort());
  });

  it('names the missing permission when an NSG read is forbidden, and still reports the rest', async () => {
    fake.inject({ path: 'networkSecurityGroups/nsg-bastion', status: 403 });
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--format', 'json'));
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    const forbidden = report.findings.find((f) => f.rule === 'check-incomplete' && f.message.includes('Microsoft.Network/networkSecurityGroups/read'));
    assert.ok(forbidden, run.stdout);
    assert.match(forbidden.message, /nsg-bastion/);
  });

  it('exits 2, never 0, when neither the Bastion host nor the VM could be read: nothing was checked', async () => {
    const { hostId, spokeVmId: vmId } = hubAndSpoke();
    fake.inject({ path: 'bastionHosts/', status: 403 });
    fake.inject({ path: 'virtualMachines/', status: 403 });
    const run = await cli(live('--bastion', hostId, '--vm', vmId, '--format', 'json'));
    assert.equal(run.status, 2, run.stdout + run.stderr);
    assert.match(run.stderr, /nothing could be checked/);
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[] };
    assert.ok(report.findings.length > 0 && report.findings.every((f) => f.rule === 'check-incomplete'), run.stdout);
  });

  it('says which resource is gone when the VM no longer exists', async () => {
    fake.inject({ path: 'virtualMachines/vm-app-01', status: 404 });
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', '/subscriptions/' + SUBSCRIPTION_ID + '/resourceGroups/rg-contoso-spoke/providers/Microsoft.Compute/virtualMachines/vm-app-01'));
    assert.match(run.stdout + run.stderr, /vm-app-01/);
    assert.match(run.stdout + run.stderr, /not found|no longer exists|does not exist/i);
  });

  const spokeRuns: [string, (...extra: string[]) => string[]][] = [
    ['--subscription HUB --vm <id in a spoke subscription>', live],
    ['no --subscription, a host id and a spoke VM id', byId],
  ];
  for (const [label, invocation] of spokeRuns) {
    it(`${label}: reads the spoke there, finds its half-made peering, --deep uses its Network Watcher, and saves it in the snapshot`, async () => {
      const spoke = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID, spokeToHubState: 'Initiated' });
      serveDeepCheck(fake, new FakeLogAnalytics(), { scenario: spoke });
      fake.resetLog();
      const run = await cli(invocation('--bastion', spoke.hostId, '--vm', spoke.spokeVmId, '--deep', '--format', 'json', '--save-snapshot', 'spoke.json'));
      const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
      const rules = new Set(report.findings.map((f) => f.rule));
      assert.ok(rules.has('vm-peering-not-connected'), run.stdout + run.stderr);
      // Only what cannot run on this machine (client path, Azure CLI, Log Analytics) is incomplete.
      assert.ok(!report.findings.some((f) => f.rule === 'check-incomplete' && /\((403|404)\)|no longer exists|Network Watcher/.test(f.message)), report.findings.map((f) => f.message).join('\n'));
      assert.match(run.stderr, /IP flow verify \(Network Watcher\): done/);
      assert.ok(fake.requestsTo(`/subscriptions/${SPOKE_SUBSCRIPTION_ID}/resourceGroups/NetworkWatcherRG`).length > 0, 'the spoke subscription\'s Network Watcher');
      const saved = JSON.parse(readFileSync(join(dir, 'spoke.json'), 'utf8')) as { id: string }[];
      assert.ok([spoke.hostId, spoke.spokeVmId, spoke.spokeVnetId].every((id) => saved.some((r) => r.id === id)), 'the snapshot holds the host and the spoke subscription\'s resources');
    });
  }

  it('without --subscription or --vm, the VMs the host reaches are listed in the host\'s subscription', async () => {
    fake.resetLog();
    const run = await cli(byId('--bastion', hubAndSpoke().hostId, '--format', 'json'));
    assert.equal(run.status, 1, run.stderr);
    assert.ok(rulesOf(run.stdout).has('bastion-nsg-missing-rule'), run.stdout);
    assert.ok(fake.requestsTo(`/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Network/networkInterfaces`).length > 0, 'NICs listed in the host\'s subscription');
  });

  it('asks to sign in again when Azure refuses the token (401)', async () => {
    const run = await cli(live('--bastion', 'bas-contoso-hub'), 'an-expired-token');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /az login/);
    assert.doesNotMatch(run.stderr + run.stdout, /an-expired-token/, 'the token never shows');
  });

  it('exits 2 when the host could not be read (nothing could be checked), with the report of why', async () => {
    const hostId = hubAndSpoke().hostId;
    fake.inject({ path: 'bastionHosts/bas-contoso-hub', status: 403 });
    const run = await cli(byId('--bastion', hostId, '--format', 'json'));
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /nothing could be checked/);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    assert.ok(report.findings.some((f) => f.rule === 'check-incomplete' && /bas-contoso-hub was denied \(403\)/.test(f.message)), run.stdout);
  });

  it('--request-timeout ends a stalled NSG read as check-incomplete and the run still reports', async () => {
    fake.inject({ path: 'networkSecurityGroups/nsg-bastion', transport: 'stall' });
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--format', 'json', '--request-timeout', '2'));
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    assert.ok(report.findings.some((f) => f.rule === 'check-incomplete' && /nsg-bastion did not answer within 2 s/.test(f.message)), run.stdout);
  });

  it('--timeout ends the run at its limit and reports what was read', async () => {
    fake.inject({ path: 'networkSecurityGroups/nsg-bastion', transport: 'stall' });
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--format', 'json', '--timeout', '3'));
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    assert.ok(report.findings.some((f) => f.rule === 'check-incomplete' && /nsg-bastion was not read within the run's time limit \(3 s\)/.test(f.message)), run.stdout);
  });

  it('says plainly when Resource Manager cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((done) => closed.close(() => done()));
    const run = await cli(['diagnose', '--subscription', SUBSCRIPTION_ID, '--arm-endpoint', `https://127.0.0.1:${port}`, '--bastion', 'bas-contoso-hub']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /cannot reach https:\/\/127\.0\.0\.1:\d+/);
  });

  it('--deep adds what the platform says: IP flow verify denies, and disagrees with the NSG evaluation', async () => {
    serveDeepCheck(fake, new FakeLogAnalytics(), { ipFlow: { access: 'Deny', ruleName: 'securityRules/DenyAllInbound' } });
    const run = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--deep', '--format', 'json'));
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] };
    const rules = new Set(report.findings.map((f) => f.rule));
    assert.ok(rules.has('vm-ip-flow-denied'), run.stdout);
    assert.ok(rules.has('vm-ip-flow-disagreement'), 'the platform denies what the static evaluation allows');
    assert.match(run.stderr, /IP flow verify \(Network Watcher\): done/);
    assert.match(run.stderr, /Active sessions: 1/);
    assert.ok(fake.requests.some((r) => r.method === 'POST' && /ipflowverify/i.test(r.path)), 'IP flow verify was asked');
    assert.ok(!fake.requests.some((r) => /runcommand/i.test(r.path)), 'the guest script never runs without --guest');
  });

  it('--guest shows the exact read-only script and runs it only with --yes when there is no terminal', async () => {
    serveDeepCheck(fake, new FakeLogAnalytics());
    const refused = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--deep', '--guest', '--format', 'json'));
    assert.match(refused.stderr, /read-only script on vm-app-01/);
    assert.match(refused.stderr, /Not run: pass --yes/);
    assert.ok(!fake.requests.some((r) => /runcommand/i.test(r.path)), 'nothing ran without confirmation');

    const confirmed = await cli(live('--bastion', 'bas-contoso-hub', '--vm', 'vm-app-01', '--deep', '--guest', '--yes', '--format', 'json'));
    assert.ok(fake.requests.some((r) => r.method === 'POST' && /runcommand/i.test(r.path)), 'the guest script ran');
    const report = JSON.parse(confirmed.stdout) as { findings: { rule: string }[] };
    assert.ok(report.findings.some((f) => f.rule === 'vm-guest-not-listening'), 'sshd inactive in the fixture becomes a finding');
  });

  const usage: [string, string[], RegExp][] = [
    ['--subscription without --bastion', ['diagnose', '--subscription', SUBSCRIPTION_ID], /--bastion/],
    ['a subscription that is not a GUID', ['diagnose', '--subscription', 'contoso', '--bastion', 'x'], /GUID/],
    ['--deep on the demo', ['diagnose', '--demo', '--deep'], /--deep works only with --subscription/],
    ['--arm-endpoint over http', ['diagnose', '--subscription', SUBSCRIPTION_ID, '--bastion', 'x', '--arm-endpoint', 'http://127.0.0.1:1'], /https URL/],
    ['two sources', ['diagnose', '--demo', '--subscription', SUBSCRIPTION_ID], /not --demo and --subscription|one of/],
    ['a host name without --subscription', ['diagnose', '--bastion', 'bas-contoso-hub'], /--bastion 'bas-contoso-hub' is a name.*--subscription ID/],
    ['a VM name without --subscription', ['diagnose', '--bastion', hubAndSpoke().hostId, '--vm', 'vm-app-01'], /--vm 'vm-app-01' is a name.*--subscription ID/],
    ['--timeout that is not a number of seconds', ['diagnose', '--subscription', SUBSCRIPTION_ID, '--bastion', 'x', '--timeout', '10m'], /--timeout must be a number of seconds/],
    ['--request-timeout 0', ['diagnose', '--subscription', SUBSCRIPTION_ID, '--bastion', 'x', '--request-timeout', '0'], /--request-timeout must be a number of seconds greater than 0/],
    ['--timeout on a snapshot', ['diagnose', '--demo', '--timeout', '5'], /--timeout works only with --subscription/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 on ${name}`, async () => {
      const run = await cli(args);
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, message);
    });
  }
});
