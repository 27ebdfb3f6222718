// A landing zone: the Bastion host in the hub (connectivity) subscription, spoke VNets and VMs in
// other subscriptions of the same tenant. The fake ARM serves a resource only under its own
// subscription's path, so a read through the wrong subscription's client answers 404.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readForDiagnosis, type ReadForDiagnosisOptions } from '../../src/azure/readDiagnosis';
import { topologyFromRead } from '../../src/azure/topology';
import { diagnose } from '../../src/core/diagnose';
import { SUBSCRIPTION_ID } from '../support/arm';
import { fakeArmClients } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke, rulesWithoutGatewayManager, SPOKE_SUBSCRIPTION_ID, type HubAndSpokeOptions } from './scenarios';

/** A subscription of the tenant the signed-in identity holds no role in. */
const DENIED_SUBSCRIPTION_ID = '9d2e6b10-4c3a-4f7e-8b21-6a0c5e9f3d47';

const fake = new FakeArm();
before(() => fake.start());
after(() => fake.close());
beforeEach(() => {
  fake.store.all().forEach((r) => fake.store.remove(r.id));
  fake.clearFaults();
  fake.resetLog();
});

async function diagnoseLive(options: ReadForDiagnosisOptions) {
  const read = await readForDiagnosis(fakeArmClients(fake), options);
  const report = diagnose(topologyFromRead(read, 'subscription hub'), { bastion: read.bastionHostId, vm: read.virtualMachineId });
  return { read, report, findings: [...read.incomplete, ...report.findings] };
}

const rulesOf = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))].sort();
const subscriptionOfPath = (path: string) => /^\/subscriptions\/([^/]+)/i.exec(path)?.[1]?.toLowerCase();
const messages = (findings: { message: string }[]) => findings.map((f) => f.message).join('\n');

describe('live reads across subscriptions (fake ARM)', () => {
  it('reads a VM, its NIC, its VNet and NSG in another subscription through that subscription', async () => {
    const env = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID });
    fake.put(...env.resources);
    const { read, report, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
    assert.deepEqual(read.incomplete, [], messages(read.incomplete));
    assert.equal(read.virtualMachineId, env.spokeVmId);
    assert.deepEqual(report.targets.map((t) => t.virtualMachineName), ['vm-app-01']);
    assert.ok(!findings.some((f) => f.rule === 'check-incomplete'), messages(findings));
    for (const name of ['virtualMachines/vm-app-01', 'networkInterfaces/nic-vm-app-01', 'virtualNetworks/vnet-spoke']) {
      const requests = fake.requestsTo(name);
      assert.ok(requests.length > 0, `${name} was read`);
      assert.deepEqual(requests.map((r) => [subscriptionOfPath(r.path), r.status]), requests.map(() => [SPOKE_SUBSCRIPTION_ID, 200]), `${name} is read under its own subscription`);
    }
    assert.ok(fake.requestsTo('bastionHosts/bas-contoso-hub').every((r) => subscriptionOfPath(r.path) === SUBSCRIPTION_ID));
  });

  it('a peering to a VNet in another subscription whose side is Initiated is vm-peering-not-connected', async () => {
    const env = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID, spokeToHubState: 'Initiated' });
    fake.put(...env.resources);
    const { read, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
    assert.deepEqual(read.incomplete, [], messages(read.incomplete));
    assert.ok(rulesOf(findings).includes('vm-peering-not-connected'), rulesOf(findings).join(', '));
  });

  it('without --vm finds the VMs of a peered spoke in another subscription, and none beyond it', async () => {
    const env = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID, spokeVmPower: 'deallocated' });
    fake.put(...env.resources);
    const { read, report, findings } = await diagnoseLive({ bastion: env.hostId });
    assert.deepEqual(read.incomplete, [], messages(read.incomplete));
    assert.deepEqual(report.targets.map((t) => t.virtualMachineName).sort(), ['vm-app-01', 'vm-web-01']);
    assert.ok(rulesOf(findings).includes('vm-not-running'));
  });

  it('a VM in a subscription the identity cannot read (403) is check-incomplete naming the permission and the subscription; the host checks still run', async () => {
    const env = hubAndSpoke({ spokeSubscription: DENIED_SUBSCRIPTION_ID, bastionRules: rulesWithoutGatewayManager() });
    fake.put(...env.resources);
    fake.inject({ path: `/subscriptions/${DENIED_SUBSCRIPTION_ID}/`, status: 403 });
    const { read, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
    assert.equal(read.virtualMachineId, undefined);
    const vm = read.incomplete.find((f) => f.resource.id === env.spokeVmId);
    assert.ok(vm, messages(read.incomplete));
    assert.equal(vm.rule, 'check-incomplete');
    assert.match(vm.message, /denied \(403\).*Microsoft\.Compute\/virtualMachines\/read.*subscription 9d2e6b10-4c3a-4f7e-8b21-6a0c5e9f3d47/);
    assert.equal(vm.evidence.find((e) => e.label === 'Missing permission')?.value, 'Microsoft.Compute/virtualMachines/read');
    assert.equal(vm.evidence.find((e) => e.label === 'Subscription')?.value, DENIED_SUBSCRIPTION_ID);
    assert.ok(!/no longer exists/.test(messages(findings)), messages(findings));
    assert.ok(rulesOf(findings).includes('bastion-nsg-missing-rule'));
  });

  const dangling: [string, (env: ReturnType<typeof hubAndSpoke>) => string, RegExp][] = [
    ['the peered VNet', (env) => env.spokeVnetId, /The peering hub-to-spoke of virtual network vnet-hub points at a virtual network that does not exist or that you cannot see \(404\)/],
    ['the NIC of the VM', (env) => env.spokeNicId, /The virtual machine vm-app-01 points at a network interface that does not exist or that you cannot see \(404\)/],
    ['the NSG of the VM subnet', (env) => env.spokeNsgId, /The subnet snet-app of virtual network vnet-spoke points at a network security group that does not exist or that you cannot see \(404\)/],
  ];
  for (const [label, missing, message] of dangling) {
    it(`a 404 on ${label} says the reference points at nothing the identity can see, never that the VM is gone`, async () => {
      const env = hubAndSpoke({ spokeSubscription: SPOKE_SUBSCRIPTION_ID });
      fake.put(...env.resources);
      fake.store.remove(missing(env));
      const { read, findings } = await diagnoseLive({ bastion: env.hostId, vm: env.spokeVmId });
      const finding = read.incomplete.find((f) => f.resource.id.toLowerCase() === missing(env).toLowerCase());
      assert.ok(finding, messages(read.incomplete));
      assert.match(finding.message, message);
      assert.ok(!/no longer exists/.test(messages(findings)), messages(findings));
    });
  }

  const selections: [string, (env: ReturnType<typeof hubAndSpoke>) => Omit<ReadForDiagnosisOptions, 'bastion'>][] = [
    ['--vm in the spoke', (env) => ({ vm: env.spokeVmId })],
    ['every reachable VM', () => ({})],
  ];
  for (const [label, selection] of selections) {
    it(`a spoke in another subscription takes no more request waves than one in the hub's (${label})`, async () => {
      const waves = async (options: HubAndSpokeOptions) => {
        fake.store.all().forEach((r) => fake.store.remove(r.id));
        const env = hubAndSpoke(options);
        fake.put(...env.resources);
        const read = await readForDiagnosis(fakeArmClients(fake), { bastion: env.hostId, ...selection(env) });
        assert.deepEqual(read.incomplete, [], messages(read.incomplete));
        return read.waves;
      };
      const same = await waves({});
      assert.equal(await waves({ spokeSubscription: SPOKE_SUBSCRIPTION_ID }), same);
    });
  }
});
