// Live Azure in the real editor against the local fake ARM: Sign In, the Bastion Hosts tree from
// Resource Graph, Diagnose Bastion and Deep Check on a VM, all through the extension's own
// commands. As in a landing zone, the spoke VNet and its VM live in another subscription than
// the hub and its Bastion host, and the fake ARM serves each resource only under its own one. The runner (run.mjs) points a custom cloud at the fake, makes the extension host trust
// its certificate, disables the built-in Microsoft sign-in so this suite provides the session,
// records the sign-in consent a user would give (tests may not show the dialog) and loads the
// network guard: any attempt to reach a host other than 127.0.0.1 fails the suite here.
import * as assert from 'node:assert/strict';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { serve } from '../../integration/deep/fixtures';
import { hubAndSpoke, rulesWithoutGatewayManager, SPOKE_SUBSCRIPTION_ID } from '../../integration/scenarios';
import { SUBSCRIPTION_ID } from '../../support/arm';
import { TEST_TOKEN } from '../../support/fakeArm/harness';
import { FakeLogAnalytics } from '../../support/fakeArm/logAnalytics';
import { FakeArm } from '../../support/fakeArm/server';
import { withAnswers } from './stubs';
import { activatedExtension, waitFor, walk } from './support';

interface ExtensionApi {
  hosts: vscode.TreeDataProvider<unknown>;
  diagnosis: {
    report?: { isDemo: boolean; findings: { rule: string; message: string }[] };
    diagnosis?: {
      sourceKind: string;
      rawResources?: unknown[];
      deep?: { result: { steps: { step: string; state: string }[]; findings: { rule: string }[] }; notRun: Record<string, string> };
    };
  };
}

const PROVIDER_ID = 'microsoft-sovereign-cloud';
/** The hub's Bastion NSG has no GatewayManager rule; tunnelling is off (an info). */
const EXPECTED_DIAGNOSIS_RULES = ['bastion-native-client-disabled', 'bastion-nsg-missing-rule'];
const guardWarnings: string[] = [];
const onWarning = (warning: Error) => {
  if (/network guard/.test(warning.message)) guardWarnings.push(warning.message);
};

/** The session VS Code's Microsoft sign-in would give, with a token the fake ARM accepts. */
function registerFakeMicrosoftSignIn(): vscode.Disposable {
  const account = { id: 'alex@contoso.com', label: 'alex@contoso.com' };
  const changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  const session = (scopes: readonly string[]): vscode.AuthenticationSession => ({ id: `fake-${scopes.join(' ')}`, accessToken: TEST_TOKEN, account, scopes });
  return vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, 'Microsoft (fake ARM)', {
    onDidChangeSessions: changed.event,
    getSessions: (scopes) => Promise.resolve([session(scopes ?? [])]),
    createSession: (scopes) => Promise.resolve(session(scopes)),
    removeSession: () => Promise.resolve(),
  });
}

suite('live Azure (fake ARM)', () => {
  const fake = new FakeArm();
  const logs = new FakeLogAnalytics();
  // The host's DNS name resolves to this machine, so the client-path step stays on 127.0.0.1. The
  // spoke VM runs (IP flow verify and the effective rules need that) with no OS type on record, so
  // the guest step is left out without the confirmation dialog, which extension tests cannot show.
  const scenario = hubAndSpoke({ bastion: { dnsName: 'localhost' }, bastionRules: rulesWithoutGatewayManager(), spokeSubscription: SPOKE_SUBSCRIPTION_ID });
  const spokeVm = scenario.resources.find((r) => r.id === scenario.spokeVmId) as { properties: { osProfile?: unknown; storageProfile?: { osDisk?: { osType?: string } } } } | undefined;
  delete spokeVm?.properties.storageProfile?.osDisk?.osType;
  delete spokeVm?.properties.osProfile;
  let api: ExtensionApi;
  let signIn: vscode.Disposable | undefined;

  suiteSetup(async () => {
    process.on('warning', onWarning);
    const port = Number(process.env.BASTION_DOCTOR_E2E_ARM_PORT);
    assert.ok(port > 0, 'the runner names the fake ARM port (BASTION_DOCTOR_E2E_ARM_PORT)');
    await fake.start(port);
    await logs.start(Number(process.env.BASTION_DOCTOR_E2E_LOGS_PORT));
    fake.subscriptionNames.set(SUBSCRIPTION_ID, 'Contoso Production');
    fake.subscriptionNames.set(SPOKE_SUBSCRIPTION_ID, 'Contoso Spoke');
    serve(fake, logs, { scenario });
    signIn = registerFakeMicrosoftSignIn();
    api = (await activatedExtension()).exports as ExtensionApi;
  });

  suiteTeardown(async () => {
    signIn?.dispose();
    await fake.close();
    await logs.close();
    process.off('warning', onWarning);
    assert.deepEqual(guardWarnings, [], 'nothing in the extension host tried to reach a host other than 127.0.0.1');
  });

  test('Sign In fills the Bastion Hosts tree from Resource Graph: subscription, host, reachable VMs', async () => {
    await vscode.commands.executeCommand('bastionDoctor.signIn');
    let seen: string[] = [];
    const labels = await waitFor('bas-contoso-hub in the live tree', async () => {
      seen = (await walk(api.hosts)).map((s) => s.label);
      return seen.some((l) => l.includes('bas-contoso-hub')) && seen.some((l) => l.includes('vm-app-01')) ? seen : undefined;
    }, 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; the tree shows:\n${seen.join('\n')}\nrequests to the fake ARM: ${fake.requests.map((r) => `${r.method} ${r.path} ${r.status ?? ''}`).join('\n') || 'none'}`);
    });
    assert.ok(labels.some((l) => l.includes('Contoso Production')), `the subscription by name; the tree shows:\n${labels.join('\n')}`);
    assert.ok(labels.some((l) => l.includes('vm-web-01')));
    assert.ok(fake.requests.some((r) => /microsoft\.resourcegraph\/resources/i.test(r.path)), 'the inventory came from Resource Graph');
  });

  test('Select Subscriptions offers the signed-in subscriptions and keeps the picked ones in the shared filter', async () => {
    let offered: string[] = [];
    await withAnswers({
      showQuickPick: async (items) => {
        const list = (await items) as { label: string; picked?: boolean }[];
        offered = list.map((item) => item.label);
        return list.filter((item) => item.picked);
      },
    }, () => vscode.commands.executeCommand('bastionDoctor.selectSubscriptions'));
    assert.deepEqual(offered.sort(), ['Contoso Production', 'Contoso Spoke']);
    const filter = vscode.workspace.getConfiguration('azureResourceGroups').get<string[]>('selectedSubscriptions') ?? [];
    assert.ok(filter.some((entry) => entry.endsWith(SUBSCRIPTION_ID)) && filter.some((entry) => entry.endsWith(SPOKE_SUBSCRIPTION_ID)), filter.join(', '));
    await waitFor('bas-contoso-hub back in the tree', async () => ((await walk(api.hosts)).some((s) => s.label.includes('bas-contoso-hub')) ? true : undefined), 20_000);
  });

  test('Diagnose Bastion on the live host reads ARM fresh and runs every check', async () => {
    const host = (await walk(api.hosts)).find((s) => s.label.includes('bas-contoso-hub'));
    assert.ok(host, 'the host in the tree');
    fake.resetLog();
    await vscode.commands.executeCommand('bastionDoctor.diagnose', host.node);
    const current = await waitFor('a live diagnosis', () => (api.diagnosis.diagnosis?.sourceKind === 'live' ? api.diagnosis.diagnosis : undefined), 20_000);
    assert.ok((current.rawResources?.length ?? 0) > 5, 'the raw ARM resources are kept for Save Snapshot');
    assert.equal(api.diagnosis.report?.isDemo, false);
    const rules = [...new Set(api.diagnosis.report?.findings.map((f) => f.rule) ?? [])].sort();
    assert.deepEqual(rules, EXPECTED_DIAGNOSIS_RULES, `findings: ${rules.join(', ')}`);
    assert.ok(fake.requests.some((r) => r.path.toLowerCase().endsWith('/bastionhosts/bas-contoso-hub')), 'the host was read again');
  });

  test('Diagnose on the VM of the spoke subscription reads it, its NIC and its VNet there, and keeps them for Save Snapshot', async () => {
    const vm = (await walk(api.hosts)).find((s) => s.label.includes('vm-app-01'));
    assert.ok(vm, 'the spoke VM in the tree, under the hub host');
    const previous = api.diagnosis.diagnosis;
    fake.resetLog();
    await vscode.commands.executeCommand('bastionDoctor.diagnose', vm.node);
    const current = await waitFor('a live diagnosis of the spoke VM', () => (api.diagnosis.diagnosis !== previous && api.diagnosis.diagnosis?.sourceKind === 'live' ? api.diagnosis.diagnosis : undefined), 20_000);
    const findings = api.diagnosis.report?.findings ?? [];
    assert.deepEqual(findings.filter((f) => f.rule === 'check-incomplete').map((f) => f.message), [], 'every read succeeded');
    for (const name of ['virtualMachines/vm-app-01', 'networkInterfaces/nic-vm-app-01', 'virtualNetworks/vnet-spoke']) {
      assert.ok(fake.requestsTo(name).every((r) => r.path.toLowerCase().startsWith(`/subscriptions/${SPOKE_SUBSCRIPTION_ID}/`) && r.status === 200), `${name} read in the spoke subscription: ${fake.requestsTo(name).map((r) => `${r.path} ${r.status ?? ''}`).join(', ')}`);
    }
    const raw = (current.rawResources ?? []) as { id: string }[];
    assert.ok(raw.some((r) => r.id === scenario.spokeVmId), 'the spoke VM is in what Save Snapshot writes');
  });

  test('Deep Check on the spoke VM runs Network Watcher, the audit log, the sessions, the client path and the CLI check', async () => {
    const vm = (await walk(api.hosts)).find((s) => s.label.includes('vm-app-01'));
    assert.ok(vm, 'the spoke VM in the tree');
    await vscode.commands.executeCommand('bastionDoctor.deepCheck', vm.node);
    const deep = await waitFor('the deep check record', () => api.diagnosis.diagnosis?.deep, 30_000);
    const state = Object.fromEntries(deep.result.steps.map((s) => [s.step, s.state]));
    const why = () => `${JSON.stringify(state)}\n${(deep.result.findings as { rule: string; message?: string }[]).map((f) => `${f.rule}: ${f.message ?? ''}`).join('\n')}`;
    for (const step of ['ip-flow', 'effective-security-rules', 'effective-routes', 'active-sessions', 'audit-logs']) assert.equal(state[step], 'done', `${step}: ${why()}`);
    assert.ok(state['client-path'] !== undefined && state['native-client'] !== undefined, JSON.stringify(state));
    assert.match(deep.notRun['guest-os'] ?? '', /OS type of vm-app-01 is not known/);
    assert.ok(logs.requests.some((r) => /MicrosoftAzureBastionAuditLogs/.test(r.query)), 'the audit-log KQL went to the fake Log Analytics');
    assert.ok(fake.requests.some((r) => /networkwatchers\/.*\/ipflowverify/i.test(r.path) && r.path.toLowerCase().startsWith(`/subscriptions/${SPOKE_SUBSCRIPTION_ID}/`)), 'IP flow verify went to the Network Watcher of the VM\'s subscription');
  });
});
