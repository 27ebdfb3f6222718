// The inventory tree through the real SDK against the fake ARM: one paged Resource Graph query
// across subscriptions, and the per-subscription ARM fallback, which must give the same tree.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadInventory } from '../../src/azure/inventory';
import { armBastionHost, armNic, armPublicIp, armResourceId, armVirtualNetwork, armSubnet, armVm, SUBSCRIPTION_ID, subnetIdOf } from '../support/arm';
import { fakeArmClients } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke, hubWithSharedParts, SHARED_SUBSCRIPTION_ID as SHARED_SUBSCRIPTION } from './scenarios';

const SECOND_SUBSCRIPTION = '3f2a9c41-7b6e-4d1f-9a8c-5e4d3c2b1a09';
const fake = new FakeArm();
before(() => fake.start());
after(() => fake.close());
beforeEach(() => {
  fake.store.all().forEach((r) => fake.store.remove(r.id));
  fake.clearFaults();
  fake.resetLog();
  fake.pageSize = 50;
  fake.graphMaxTop = undefined;
});

function secondSubscription() {
  const placement = { subscription: SECOND_SUBSCRIPTION, rg: 'rg-fabrikam' };
  const vnet = armVirtualNetwork({ ...placement, name: 'vnet-dev', subnets: [armSubnet({ name: 'snet-dev', addressPrefix: '10.0.0.0/24' })] });
  const host = armBastionHost({ ...placement, name: 'bas-dev', sku: 'Developer', virtualNetwork: vnet });
  const vmId = armResourceId('Microsoft.Compute/virtualMachines', ['vm-dev-01'], placement);
  const nic = armNic({ ...placement, name: 'nic-vm-dev-01', subnet: subnetIdOf(vnet, 'snet-dev'), vm: vmId, privateIp: '10.0.0.4' });
  const vm = armVm({ ...placement, name: 'vm-dev-01', nics: [nic], powerState: 'deallocated' });
  return [vnet, host, nic, vm];
}

const subscriptions = [SUBSCRIPTION_ID, SECOND_SUBSCRIPTION];

const quickOf = (inventory: Awaited<ReturnType<typeof loadInventory>>) => inventory.subscriptions[0].bastions[0].quickFindings ?? [];
const graphSubscriptions = () => fake.requestsTo('Microsoft.ResourceGraph').map((r) => (JSON.parse(r.body ?? '{}') as { subscriptions: string[] }).subscriptions);

describe('loadInventory', () => {
  it('builds the tree from one Resource Graph query across subscriptions, and one more for the hosts\' quick checks', async () => {
    fake.put(...hubAndSpoke().resources, ...secondSubscription());
    const inventory = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions });
    assert.equal(inventory.path, 'resource-graph');
    assert.equal(inventory.requestCount, 2);
    const [first, second] = inventory.subscriptions;
    const hub = first.bastions[0];
    assert.equal(hub.name, 'bas-contoso-hub');
    assert.equal(hub.sku, 'Standard');
    assert.deepEqual(hub.reachableVms.map((vm) => [vm.name, vm.powerState, vm.viaPeering]), [['vm-app-01', 'running', true], ['vm-web-01', 'running', false]]);
    assert.ok(!hub.reachableVms.some((vm) => vm.name === 'vm-far-01'), 'VMs beyond a direct peering are out of reach');
    assert.deepEqual(second.bastions.map((b) => [b.name, b.sku, b.reachableVms.map((vm) => [vm.name, vm.powerState, vm.privateIpAddress])]),
      [['bas-dev', 'Developer', [['vm-dev-01', 'deallocated', '10.0.0.4']]]]);
    const graph = fake.requestsTo('Microsoft.ResourceGraph');
    assert.equal(graph.length, 2);
    // The healthy hub: only the info that tunnelling (native client) is off.
    assert.deepEqual(hub.quickFindings?.map((f) => [f.rule, f.severity]), [['bastion-native-client-disabled', 'info']]);
    assert.deepEqual(second.bastions[0].quickFindings, [], 'a Developer host has no subnet or NSG of its own to check');
  });

  it('the quick check reads an NSG and public IP in a subscription that was not selected, in the same two queries', async () => {
    const hub = hubWithSharedParts();
    fake.put(...hub.resources);
    const inventory = await loadInventory(fakeArmClients(fake), { subscriptionIds: [SUBSCRIPTION_ID] });
    assert.equal(inventory.requestCount, 2);
    assert.deepEqual(graphSubscriptions(), [[SUBSCRIPTION_ID], [SUBSCRIPTION_ID, SHARED_SUBSCRIPTION]], 'the second query adds the subscription the ids name');
    const quick = quickOf(inventory);
    assert.ok(quick.some((f) => f.rule === 'bastion-nsg-missing-rule' && f.severity === 'error'), JSON.stringify(quick));
    assert.ok(!quick.some((f) => f.rule === 'check-incomplete'), JSON.stringify(quick));
  });

  it('a host whose VNet is in another subscription: its subnet, then the subnet\'s NSG, are read there', async () => {
    fake.put(...hubWithSharedParts({ vnetElsewhere: true }).resources);
    const quick = quickOf(await loadInventory(fakeArmClients(fake), { subscriptionIds: [SUBSCRIPTION_ID] }));
    assert.ok(quick.some((f) => f.rule === 'bastion-nsg-missing-rule'), JSON.stringify(quick));
    assert.ok(!quick.some((f) => f.rule === 'check-incomplete'), JSON.stringify(quick));
  });

  it('a referenced subscription Resource Graph refuses (403): what is there stays check-incomplete naming it, the rest is checked', async () => {
    const hub = hubWithSharedParts();
    const ownIp = armPublicIp({ name: 'pip-bastion' });
    const host = armBastionHost({ subnet: subnetIdOf(hub.vnet), publicIp: ownIp });
    fake.put(hub.nsg, hub.vnet, ownIp, host);
    // Refused whenever the shared subscription is among the query's subscriptions.
    fake.inject({ path: 'Microsoft.ResourceGraph', body: new RegExp(`"subscriptions":\\[[^\\]]*${SHARED_SUBSCRIPTION}`), status: 403 });
    const quick = quickOf(await loadInventory(fakeArmClients(fake), { subscriptionIds: [SUBSCRIPTION_ID] }));
    assert.ok(!quick.some((f) => f.rule === 'bastion-nsg-missing-rule'), 'an NSG that was not read is not missing rules');
    const nsg = quick.filter((f) => f.rule === 'check-incomplete');
    assert.equal(nsg.length, 1, JSON.stringify(quick));
    assert.match(nsg[0].message, /nsg-bastion-shared/);
    assert.match(nsg[0].message, new RegExp(`subscription ${SHARED_SUBSCRIPTION}.*403`));
    assert.deepEqual(graphSubscriptions().slice(1), [[SUBSCRIPTION_ID, SHARED_SUBSCRIPTION], [SUBSCRIPTION_ID], [SHARED_SUBSCRIPTION]], 'refused together: the selected ones again, the other alone');
  });

  it('a referenced resource Resource Graph does not return (gone, or a subscription it cannot see) is check-incomplete naming its subscription', async () => {
    const hub = hubWithSharedParts();
    fake.put(...hub.resources.filter((r) => r !== hub.nsg));
    const quick = quickOf(await loadInventory(fakeArmClients(fake), { subscriptionIds: [SUBSCRIPTION_ID] }));
    const nsg = quick.filter((f) => f.rule === 'check-incomplete');
    assert.equal(nsg.length, 1, JSON.stringify(quick));
    assert.match(nsg[0].message, new RegExp(`nsg-bastion-shared.*subscription ${SHARED_SUBSCRIPTION}`));
    assert.ok(!quick.some((f) => f.rule === 'bastion-nsg-missing-rule'));
  });

  it('pages Resource Graph results with $skipToken', async () => {
    fake.put(...hubAndSpoke().resources, ...secondSubscription());
    fake.graphMaxTop = 3;
    const paged = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions });
    fake.graphMaxTop = undefined;
    const whole = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions });
    assert.ok(paged.requestCount > 3, `requests: ${paged.requestCount}`);
    assert.deepEqual(paged.subscriptions, whole.subscriptions);
  });

  it('the ARM fallback gives the same tree as Resource Graph, following nextLink pages', async () => {
    fake.put(...hubAndSpoke().resources, ...secondSubscription());
    const graph = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions });
    fake.pageSize = 2;
    const arm = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions, forceArm: true });
    assert.equal(arm.path, 'arm');
    // The same tree; only Resource Graph's path runs the quick checks.
    const withoutQuickChecks = (inventory: typeof graph) => inventory.subscriptions.map((s) => ({ ...s, bastions: s.bastions.map(({ quickFindings: _quick, ...bastion }) => bastion) }));
    assert.deepEqual(withoutQuickChecks(arm), withoutQuickChecks(graph));
    assert.ok(arm.subscriptions.every((s) => s.bastions.every((b) => b.quickFindings === undefined)));
    assert.ok(fake.requests.some((r) => r.query.get('statusOnly') === 'true'));
    assert.ok(fake.requests.some((r) => r.query.get('$skiptoken')));
  });

  it('falls back to ARM when Resource Graph is denied (403), and says why', async () => {
    fake.put(...hubAndSpoke().resources, ...secondSubscription());
    fake.inject({ path: 'Microsoft.ResourceGraph', status: 403 });
    const inventory = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions });
    assert.equal(inventory.path, 'arm');
    assert.match(inventory.fallbackReason ?? '', /answered 403/);
    assert.equal(inventory.subscriptions[0].bastions[0].reachableVms.length, 2);
  });

  it('on the ARM path one denied subscription list is a finding; the others still load', async () => {
    fake.put(...hubAndSpoke().resources, ...secondSubscription());
    fake.inject({ path: `/subscriptions/${SECOND_SUBSCRIPTION}/providers/Microsoft.Network/bastionHosts`, status: 403 });
    const inventory = await loadInventory(fakeArmClients(fake), { subscriptionIds: subscriptions, forceArm: true });
    assert.equal(inventory.subscriptions[0].bastions.length, 1);
    assert.equal(inventory.subscriptions[1].bastions.length, 0);
    assert.equal(inventory.incomplete.length, 1);
    assert.match(inventory.incomplete[0].message, /Microsoft\.Network\/bastionHosts\/read/);
  });
});
