// The Deep check through the real SDK clients against the local fake ARM (long-running POSTs
// polled with a shortened interval) and the fake Log Analytics API: evidence, findings, the
// core checks that read the evidence, and 403 / 404 / timeouts turned into check-incomplete.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runDeepCheck, withDeepEvidence, type DeepCheckOptions, type DeepProgress } from '../../../src/azure/deep/deepCheck';
import { staticTokenCredential } from '../../../src/azure/credentials';
import { readForDiagnosis } from '../../../src/azure/readDiagnosis';
import { topologyFromRead } from '../../../src/azure/topology';
import { diagnose } from '../../../src/core/diagnose';
import { fakeArmClients, loopbackOnlyPolicy, TEST_TOKEN } from '../../support/fakeArm/harness';
import { FakeLogAnalytics } from '../../support/fakeArm/logAnalytics';
import { FakeArm } from '../../support/fakeArm/server';
import { hubAndSpoke, SPOKE_SUBSCRIPTION_ID, type HubAndSpoke } from '../scenarios';
import { SUBSCRIPTION_ID } from '../../support/arm';
import { env, serve } from './fixtures';

const fake = new FakeArm();
const logs = new FakeLogAnalytics();
before(async () => {
  await fake.start();
  await logs.start();
});
after(async () => {
  await fake.close();
  await logs.close();
});

beforeEach(() => {
  fake.store.all().forEach((r) => fake.store.remove(r.id));
  fake.actions.clear();
  fake.clearFaults();
  fake.resetLog();
  fake.latencyMs = 0;
  logs.rows.clear();
  logs.requests.length = 0;
  logs.failWith = undefined;
  logs.latencyMs = 0;
});

async function deepCheck(options: DeepCheckOptions = {}, scenario: HubAndSpoke = env) {
  const clients = fakeArmClients(fake);
  const read = await readForDiagnosis(clients, { bastion: scenario.hostId, vm: scenario.spokeVmId });
  const topology = topologyFromRead(read, 'subscription test');
  const result = await runDeepCheck(clients, topology, { bastionHostId: scenario.hostId, virtualMachineId: scenario.spokeVmId }, {
    clientPath: false,
    logs: { credential: staticTokenCredential(TEST_TOKEN), endpoint: logs.url, tlsCa: fake.certificate, additionalPolicies: [{ policy: loopbackOnlyPolicy, position: 'perCall' }], retryOptions: { maxRetries: 1, retryDelayInMs: 5, maxRetryDelayInMs: 10 } },
    ...options,
  });
  const report = diagnose(withDeepEvidence(topology, result.deep), { bastion: scenario.hostId, vm: scenario.spokeVmId });
  return { result, report, topology };
}

const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule).sort();

describe('runDeepCheck against the fake ARM', () => {
  it('gathers IP flow verify, effective rules and routes, the audit log and active sessions through long-running operations', async () => {
    serve(fake, logs);
    const progress: DeepProgress[] = [];
    const { result, report } = await deepCheck({ onProgress: (p) => progress.push(p) });
    assert.deepEqual(result.findings, [], JSON.stringify(result.findings.map((f) => f.message)));
    assert.deepEqual(result.deep.ipFlowVerifyResults.map((r) => [r.localIpAddress, r.localPort, r.remoteIpAddress, r.access]), [['10.1.1.4', '22', '10.0.1.4', 'Allow']]);
    assert.equal(result.deep.effectiveRouteTables[0].routes.length, 2);
    assert.equal(result.effectiveSecurityRules?.groups[0].rules[0].name, 'securityRules/AllowSshFromBastion');
    assert.equal(result.activeSessions?.[0].userName, 'alex@contoso.com');
    assert.deepEqual(result.auditLogSummary, { rows: 3, failedLogins: 2, lastSuccess: '2026-01-10T08:00:00.000Z', lastFailure: '2026-01-10T08:31:00.000Z', clientIps: ['198.51.100.7', '203.0.113.10'], users: ['alex@contoso.com', 'mallory'] });
    assert.match(logs.requests[0].query, /^MicrosoftAzureBastionAuditLogs\n/);
    assert.equal(logs.requests[0].query, result.kql.recent, 'the KQL shown is the KQL sent');
    assert.equal(logs.requests[0].path.toLowerCase(), `${env.hostId}/query`.toLowerCase());
    // The core check reads the audit evidence.
    assert.ok(rules(report.findings).includes('bastion-audit-log-failures'));
    // Long-running operations were polled, not answered inline.
    assert.ok(fake.requestsTo('/operations/').length >= 4, `polls: ${fake.requestsTo('/operations/').length}`);
    assert.equal(fake.requestsTo('/getActiveSessions').length, 1);
    const done = progress.filter((p) => p.state !== 'started');
    assert.deepEqual(done.map((p) => p.step).sort(), ['active-sessions', 'audit-logs', 'effective-routes', 'effective-security-rules', 'ip-flow']);
    assert.equal(done.at(-1)!.completed, 5);
  });

  it('a VM in another subscription is checked through that subscription: its Network Watcher, its NIC, its Run Command', async () => {
    const spoke = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID });
    // Only the spoke subscription has a Network Watcher in westeurope: the hub's must not be used.
    serve(fake, logs, { scenario: spoke });
    const { result } = await deepCheck({ runGuestScript: true }, spoke);
    const state = Object.fromEntries(result.steps.map((s) => [s.step, s.state]));
    assert.deepEqual(state, { 'ip-flow': 'done', 'effective-security-rules': 'done', 'effective-routes': 'done', 'guest-os': 'done', 'audit-logs': 'done', 'active-sessions': 'done' }, result.findings.map((f) => f.message).join('\n'));
    assert.equal(result.deep.ipFlowVerifyResults[0].access, 'Allow');
    const subscriptionOf = (path: string) => /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
    for (const fragment of ['/networkWatchers', '/effectiveRouteTable', '/effectiveNetworkSecurityGroups', '/runCommand']) {
      const calls = fake.requestsTo(fragment).filter((r) => !/\/operations|operationResults/i.test(r.path));
      assert.ok(calls.length > 0, fragment);
      assert.ok(calls.every((r) => subscriptionOf(r.path) === SPOKE_SUBSCRIPTION_ID), `${fragment}: ${calls.map((r) => r.path).join(', ')}`);
    }
    assert.ok(fake.requestsTo('/getActiveSessions').every((r) => subscriptionOf(r.path) === SUBSCRIPTION_ID), 'the host is asked in its own subscription');
  });

  it('a platform deny is vm-ip-flow-denied, and against an allowing NSG also a disagreement naming both verdicts', async () => {
    serve(fake, logs, { ipFlow: { access: 'Deny', ruleName: 'SecurityAdminRule_DenySsh' } });
    const { result, report } = await deepCheck();
    assert.deepEqual(rules(result.findings), ['vm-ip-flow-disagreement']);
    const [disagreement] = result.findings;
    assert.match(disagreement.message, /IP flow verify says DENY \(rule SecurityAdminRule_DenySsh\) but the NSGs as read ALLOW it \(subnet NSG nsg-spoke-workload: AllowSshFromBastion \(priority 100\)\)/);
    assert.match(disagreement.message, /Azure Virtual Network Manager/);
    assert.ok(rules(report.findings).includes('vm-ip-flow-denied'));
  });

  it('a 0.0.0.0/0 from a gateway in the effective routes is bastion-forced-tunnel only in the Bastion VNet (the spoke NIC is not)', async () => {
    serve(fake, logs, { routes: [{ source: 'VirtualNetworkGateway', state: 'Active', addressPrefix: ['0.0.0.0/0'], nextHopType: 'VirtualNetworkGateway', nextHopIpAddress: ['10.255.0.4'] }] });
    const { result, report } = await deepCheck();
    assert.equal(result.deep.effectiveRouteTables[0].routes[0].source, 'VirtualNetworkGateway');
    assert.ok(!rules(report.findings).includes('bastion-forced-tunnel'));
  });

  it('no Network Watcher in the region is a clear check-incomplete with the command that enables it', async () => {
    serve(fake, logs, { watcher: false });
    const { result } = await deepCheck();
    const [finding] = result.findings.filter((f) => f.rule === 'check-incomplete');
    assert.match(finding.message, /No Network Watcher exists in westeurope.*az network watcher configure --locations westeurope/);
    assert.deepEqual(result.deep.ipFlowVerifyResults, []);
  });

  it('403 on every action names each missing permission', async () => {
    serve(fake, logs);
    fake.inject({ path: /\/(ipFlowVerify|effectiveRouteTable|effectiveNetworkSecurityGroups|getActiveSessions)$/i, method: 'POST', status: 403 });
    logs.failWith = 403;
    const { result } = await deepCheck();
    const text = result.findings.map((f) => f.message).join('\n');
    for (const permission of ['Microsoft.Network/networkWatchers/ipFlowVerify/action', 'Microsoft.Network/networkInterfaces/effectiveRouteTable/action', 'Microsoft.Network/networkInterfaces/effectiveNetworkSecurityGroups/action', 'Microsoft.Network/bastionHosts/getActiveSessions/action', 'Microsoft.Insights/logs/MicrosoftAzureBastionAuditLogs/read']) {
      assert.ok(text.includes(permission), `${permission} in\n${text}`);
    }
    assert.ok(result.findings.every((f) => f.rule === 'check-incomplete'));
    assert.equal(result.steps.filter((s) => s.state === 'incomplete').length, 5);
  });

  it('404 on the NIC action and a missing audit table (400) are check-incomplete, the latter with the AzureDiagnostics fallback', async () => {
    serve(fake, logs);
    fake.inject({ path: /effectiveRouteTable$/i, method: 'POST', status: 404 });
    logs.failWith = 400;
    const { result } = await deepCheck();
    const messages = result.findings.map((f) => f.message);
    assert.ok(messages.some((m) => /effective routes of network interface nic-vm-app-01 answered 404/i.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /MicrosoftAzureBastionAuditLogs does not exist.*AzureDiagnostics/.test(m)), messages.join('\n'));
    assert.match(result.kql.azureDiagnosticsFallback, /Category == "BastionAuditLogs"/);
  });

  it('a call slower than the timeout is check-incomplete and the rest still arrive', async () => {
    serve(fake, logs);
    fake.inject({ path: /ipFlowVerify$/i, method: 'POST', latencyMs: 2000 });
    const { result } = await deepCheck({ timeoutMs: 300 });
    assert.match(result.findings.map((f) => f.message).join('\n'), /IP flow verify \(port 22\) on Network Watcher NetworkWatcher_westeurope did not answer within 300 ms/);
    assert.equal(result.deep.effectiveRouteTables.length, 1);
  });

  it('a stopped VM skips the platform calls with check-incomplete saying why', async () => {
    const stopped = hubAndSpoke({ spokeVmPower: 'deallocated' });
    fake.put(...stopped.resources);
    const clients = fakeArmClients(fake);
    const read = await readForDiagnosis(clients, { bastion: stopped.hostId, vm: stopped.spokeVmId });
    const topology = topologyFromRead(read, 'test');
    fake.resetLog();
    const result = await runDeepCheck(clients, topology, { bastionHostId: stopped.hostId, virtualMachineId: stopped.spokeVmId }, { clientPath: false, skip: ['audit-logs', 'active-sessions'] });
    assert.equal(result.findings.length, 3);
    assert.ok(result.findings.every((f) => f.rule === 'check-incomplete' && /deallocated/.test(f.message)));
    assert.equal(fake.requests.length, 0, 'nothing was called');
  });

  it('the opt-in guest script runs through Run Command and reports sshd stopped with the fix', async () => {
    serve(fake, logs);
    const { result } = await deepCheck({ runGuestScript: true, skip: ['audit-logs', 'active-sessions', 'effective-routes', 'effective-security-rules', 'ip-flow'] });
    assert.deepEqual(rules(result.findings), ['vm-guest-not-listening']);
    assert.match(result.findings[0].message, /sshd on vm-app-01 is inactive/);
    assert.match(JSON.stringify(result.findings[0].fixes), /systemctl enable --now sshd/);
    const runCommand = fake.requestsTo('/runCommand')[0];
    assert.equal(runCommand.method, 'POST');
    assert.equal(result.guest?.script?.commandId, 'RunShellScript');
  });

  it('cancellation stops the run with an AbortError', async () => {
    serve(fake, logs);
    const clients = fakeArmClients(fake);
    const read = await readForDiagnosis(clients, { bastion: env.hostId, vm: env.spokeVmId });
    const topology = topologyFromRead(read, 'test');
    fake.latencyMs = 300;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(runDeepCheck(clients, topology, { bastionHostId: env.hostId, virtualMachineId: env.spokeVmId }, { clientPath: false, signal: controller.signal, skip: ['audit-logs'] }), (e: Error) => e.name === 'AbortError');
  });
});
