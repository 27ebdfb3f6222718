// The live Bastion Hosts tree's content through the real SDK against the fake ARM: the node data
// the extension renders, from Resource Graph and from the forced ARM fallback (the same), with
// Load more paging, the filter, Developer reach and per-subscription read failures.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AzureClients } from '../../src/azure/clients';
import { loadLiveInventory, type LiveInventory } from '../../src/extension/live/inventory';
import type { SubscriptionInfo } from '../../src/extension/subscriptionFilter';
import { nativeClientCommand } from '../../src/extension/nativeClient';
import { visibleHosts, visibleVms } from '../../src/extension/tree/nodeData';
import { armBastionHost, armNic, armPeering, armResourceId, armSubnet, armVirtualNetwork, armVm, SUBSCRIPTION_ID, subnetIdOf } from '../support/arm';
import { fakeArmClients } from '../support/fakeArm/harness';
import { FakeArm } from '../support/fakeArm/server';
import { hubAndSpoke, hubWithSharedParts, rulesWithoutGatewayManager, SHARED_SUBSCRIPTION_ID } from './scenarios';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const SECOND_SUBSCRIPTION = '3f2a9c41-7b6e-4d1f-9a8c-5e4d3c2b1a09';
const EMPTY_SUBSCRIPTION = '0b7d4e2a-91c3-4f5e-8a6d-2c1b0e9f8a77';
const selected: SubscriptionInfo[] = [
  { subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT, displayName: 'Contoso Production' },
  { subscriptionId: SECOND_SUBSCRIPTION, tenantId: TENANT, displayName: 'Fabrikam Dev' },
  { subscriptionId: EMPTY_SUBSCRIPTION, tenantId: TENANT, displayName: 'Empty' },
];

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

const GRAPH_DENIED = { path: 'Microsoft.ResourceGraph', method: 'POST', status: 403 };

/** A Developer host whose VNet is peered with another that holds a VM: the host reaches only its own. */
function developerSubscription() {
  const placement = { subscription: SECOND_SUBSCRIPTION, rg: 'rg-fabrikam' };
  const peerVnetId = armResourceId('Microsoft.Network/virtualNetworks', ['vnet-dev-peer'], placement);
  const vnet = armVirtualNetwork({ ...placement, name: 'vnet-dev', subnets: [armSubnet({ name: 'snet-dev', addressPrefix: '10.0.0.0/24' })], peerings: [armPeering({ remoteVnet: peerVnetId, remoteAddressPrefixes: ['10.9.0.0/16'] })] });
  const peerVnet = armVirtualNetwork({ ...placement, name: 'vnet-dev-peer', addressPrefixes: ['10.9.0.0/16'], subnets: [armSubnet({ name: 'snet-peer', addressPrefix: '10.9.0.0/24' })] });
  const host = armBastionHost({ ...placement, name: 'bas-dev', sku: 'Developer', virtualNetwork: vnet });
  const vm = (name: string, vnetRef: typeof vnet, subnet: string, ip: string, powerState: string) => {
    const vmId = armResourceId('Microsoft.Compute/virtualMachines', [name], placement);
    const nic = armNic({ ...placement, name: `nic-${name}`, subnet: subnetIdOf(vnetRef, subnet), vm: vmId, privateIp: ip });
    return [nic, armVm({ ...placement, name, nics: [nic], powerState })];
  };
  return [vnet, peerVnet, host, ...vm('vm-dev-01', vnet, 'snet-dev', '10.0.0.4', 'deallocated'), ...vm('vm-peer-01', peerVnet, 'snet-peer', '10.9.0.4', 'running')];
}

function load(clients: (tenantId: string) => Promise<AzureClients> = async () => fakeArmClients(fake)): Promise<LiveInventory> {
  return loadLiveInventory(clients, selected, new AbortController().signal);
}

describe('live tree node data', () => {
  it('shows subscriptions → hosts (SKU · state, health, VNet/subnet/features) → reachable VMs with power state', async () => {
    fake.put(...hubAndSpoke().resources, ...developerSubscription());
    const tree = await load();
    assert.equal(tree.path, 'resource-graph');
    assert.deepEqual(tree.subscriptions.map((s) => s.subscription.displayName), ['Contoso Production', 'Fabrikam Dev'], 'a subscription without hosts is left out');
    const [hub] = tree.subscriptions[0].hosts;
    assert.equal(hub.name, 'bas-contoso-hub');
    assert.equal(hub.description, 'Standard · Succeeded');
    assert.equal(hub.health, 'pass');
    assert.deepEqual(Object.fromEntries(hub.details.map((d) => [d.label, d.value])).VNet, 'vnet-hub');
    assert.deepEqual(Object.fromEntries(hub.details.map((d) => [d.label, d.value])).Subnet, 'AzureBastionSubnet');
    assert.deepEqual(hub.vms.map((vm) => [vm.name, vm.description, vm.reach]), [['vm-app-01', 'running', 'peered VNet'], ['vm-web-01', 'running', 'same VNet']]);
    assert.ok(!hub.vms.some((vm) => vm.name === 'vm-far-01'), 'a VNet peered only with the spoke is beyond reach');
    assert.deepEqual(tree.subscriptions[0].topology.bastionHosts.map((h) => [h.name, h.sku]), [['bas-contoso-hub', 'Standard']]);
  });

  it('a Developer host reaches only its own VNet, not the peered one', async () => {
    fake.put(...developerSubscription());
    const [dev] = (await load()).subscriptions;
    assert.equal(dev.hosts[0].description, 'Developer · Succeeded');
    assert.deepEqual(dev.hosts[0].vms.map((vm) => [vm.name, vm.powerState, vm.reach]), [['vm-dev-01', 'deallocated', 'same VNet']]);
    assert.match(dev.hosts[0].details.find((d) => d.label === 'Subnet')?.value ?? '', /Developer/);
  });

  it('Resource Graph denied (403 on its POST): the ARM fallback gives identical node data', async () => {
    fake.put(...hubAndSpoke().resources, ...developerSubscription());
    const graph = await load();
    fake.inject(GRAPH_DENIED);
    fake.pageSize = 2;
    const fallback = await load();
    assert.equal(fallback.path, 'arm');
    assert.match(fallback.fallbackReason ?? '', /403/);
    assert.ok(fake.requests.some((r) => r.path.includes('Microsoft.Network/bastionHosts')), 'hosts were listed through ARM');
    // The quick check needs Resource Graph: the fallback's icons say provisioning only, and why.
    const withoutHealth = (tree: LiveInventory) => tree.subscriptions.map((s) => ({ ...s, hosts: s.hosts.map(({ health: _health, healthReason: _reason, ...host }) => host) }));
    assert.deepEqual(withoutHealth(fallback), withoutHealth(graph));
    assert.ok(fallback.subscriptions.flatMap((s) => s.hosts).every((h) => h.health === 'unknown' && /quick check of its subnet and NSG did not run/.test(h.healthReason)));
    assert.deepEqual(fallback.otherErrors, []);
  });

  it('the icon is each host\'s quick check: a Bastion NSG that misses a rule is an error, with the user\'s rule levels', async () => {
    fake.put(...hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() }).resources);
    const broken = (await load()).subscriptions[0].hosts[0];
    assert.equal(broken.health, 'error');
    assert.match(broken.healthReason, /^quick check: bastion-nsg-missing-rule; run Diagnose/);
    assert.equal(fake.requestsTo('Microsoft.ResourceGraph').length, 2, 'one query for the inventory, one for the NSGs, route tables and public IPs');
    const graphBodies = fake.requests.filter((r) => /resourcegraph/i.test(r.path)).map((r) => JSON.parse(r.body ?? '{}') as { query: string });
    assert.match(graphBodies[1].query, /tolower\(id\) in \('.*\/networksecuritygroups\/nsg-bastion'/);
    const off = await loadLiveInventory(async () => fakeArmClients(fake), selected, new AbortController().signal, { 'bastion-nsg-missing-rule': 'off' });
    assert.equal(off.subscriptions[0].hosts[0].health, 'pass', 'a rule turned off does not colour the icon');
  });

  it('a quick check that could not read the Bastion NSG says so instead of passing it', async () => {
    fake.put(...hubAndSpoke().resources.filter((r) => !r.id.toLowerCase().endsWith('/networksecuritygroups/nsg-bastion')));
    const [host] = (await load()).subscriptions[0].hosts;
    assert.equal(host.health, 'unknown');
    assert.match(host.healthReason, /^quick check found no problem in what it could read \(1 check could not run\)/);
  });

  it('the icon checks a Bastion NSG and public IP that live in a subscription that was not selected', async () => {
    fake.put(...hubWithSharedParts().resources);
    const [host] = (await load()).subscriptions[0].hosts;
    assert.equal(host.health, 'error');
    assert.match(host.healthReason, /^quick check: bastion-nsg-missing-rule/);
    assert.equal(fake.requestsTo('Microsoft.ResourceGraph').length, 2, 'no more queries than when everything is selected');
  });

  it('when Resource Graph refuses that subscription, the rest of the quick check still runs and the icon says what could not', async () => {
    fake.put(...hubWithSharedParts().resources);
    fake.inject({ path: /resourcegraph/i, body: new RegExp(`"subscriptions":\\[[^\\]]*${SHARED_SUBSCRIPTION_ID}`), status: 403 });
    const [host] = (await load()).subscriptions[0].hosts;
    assert.equal(host.health, 'unknown');
    assert.match(host.healthReason, /^quick check found no problem in what it could read \(2 checks could not run\)/);
  });

  it('a failed quick-check query leaves the hosts listed, their icons on provisioning state', async () => {
    fake.put(...hubAndSpoke({ bastionRules: rulesWithoutGatewayManager() }).resources);
    fake.inject({ path: /resourcegraph/i, body: /tolower\(id\) in/, status: 500 });
    const tree = await load();
    assert.equal(tree.path, 'resource-graph');
    const [host] = tree.subscriptions[0].hosts;
    assert.equal(host.name, 'bas-contoso-hub');
    assert.deepEqual(host.vms.map((vm) => vm.name), ['vm-app-01', 'vm-web-01']);
    assert.equal(host.health, 'unknown');
    assert.match(host.healthReason, /quick check of its subnet and NSG did not run/);
  });

  it('a subscription whose list is denied shows the reason; the others still list', async () => {
    fake.put(...hubAndSpoke().resources, ...developerSubscription());
    fake.inject(GRAPH_DENIED);
    fake.inject({ path: `/subscriptions/${SECOND_SUBSCRIPTION}/providers/Microsoft.Network/bastionHosts`, status: 403 });
    const tree = await load();
    const [contoso, fabrikam] = tree.subscriptions;
    assert.equal(contoso.hosts.length, 1);
    assert.deepEqual(contoso.errors, []);
    assert.equal(fabrikam.subscription.subscriptionId, SECOND_SUBSCRIPTION);
    assert.deepEqual(fabrikam.hosts, []);
    assert.equal(fabrikam.errors.length, 1);
    assert.match(fabrikam.errors[0], /denied \(403\).*Microsoft\.Network\/bastionHosts\/read/);
  });

  it('pages hosts and VMs with Load more, the same after Resource Graph paging; the filter narrows both', async () => {
    const vnet = armVirtualNetwork({ name: 'vnet-hub', subnets: [armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26' }), armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' })] });
    const hosts = Array.from({ length: 7 }, (_, i) => armBastionHost({ name: `bas-${String(i).padStart(2, '0')}`, provisioningState: i === 6 ? 'Failed' : 'Succeeded' }));
    const vms = Array.from({ length: 5 }, (_, i) => {
      const vmId = armResourceId('Microsoft.Compute/virtualMachines', [`vm-${i}`]);
      const nic = armNic({ name: `nic-vm-${i}`, subnet: subnetIdOf(vnet, 'snet-workload'), vm: vmId, privateIp: `10.0.2.${i + 4}` });
      return [nic, armVm({ name: `vm-${i}`, nics: [nic] })];
    }).flat();
    fake.put(vnet, ...hosts, ...vms);
    fake.graphMaxTop = 3;
    const paged = await load();
    fake.graphMaxTop = undefined;
    assert.ok(fake.requestsTo('Microsoft.ResourceGraph').length > 1, 'Resource Graph answered in pages');
    assert.deepEqual(paged.subscriptions, (await load()).subscriptions);

    const all = paged.subscriptions[0].hosts;
    assert.equal(all.find((h) => h.name === 'bas-06')?.health, 'error', 'a host whose provisioning failed');
    const first = visibleHosts(all, undefined, 3);
    assert.deepEqual([first.visible.map((h) => h.name), first.remaining], [['bas-00', 'bas-01', 'bas-02'], 4]);
    const more = visibleHosts(all, undefined, 6);
    assert.deepEqual([more.visible.length, more.remaining], [6, 1]);
    assert.deepEqual(visibleHosts(all, undefined, 9).remaining, 0);
    const vmPage = visibleVms(all[0], undefined, 2);
    assert.deepEqual([vmPage.visible.map((vm) => vm.name), vmPage.remaining], [['vm-0', 'vm-1'], 3]);

    assert.deepEqual(visibleHosts(all, 'BAS-03', 50).visible.map((h) => h.name), ['bas-03']);
    assert.deepEqual(visibleVms(all[0], 'vm-4', 50).visible.map((vm) => vm.name), ['vm-4'], 'a VM filter shows only matching VMs');
    assert.equal(visibleVms(all[3], 'bas-03', 50).visible.length, 5, 'a host match shows all its VMs');
  });

  it('carries each VM\'s OS type, so a Windows VM picked from the tree gets the rdp command, through both paths', async () => {
    const vnet = armVirtualNetwork({ name: 'vnet-hub', subnets: [armSubnet({ name: 'AzureBastionSubnet', addressPrefix: '10.0.1.0/26' }), armSubnet({ name: 'snet-workload', addressPrefix: '10.0.2.0/24' })] });
    const host = armBastionHost({ name: 'bas-native', features: { enableTunneling: true } });
    const vms = (['Windows', 'Linux'] as const).flatMap((osType, i) => {
      const name = `vm-${osType.toLowerCase()}-01`;
      const nic = armNic({ name: `nic-${name}`, subnet: subnetIdOf(vnet, 'snet-workload'), vm: armResourceId('Microsoft.Compute/virtualMachines', [name]), privateIp: `10.0.2.${i + 4}` });
      return [nic, armVm({ name, nics: [nic], osType })];
    });
    fake.put(vnet, host, ...vms);
    for (const forceArm of [false, true]) {
      if (forceArm) fake.inject(GRAPH_DENIED);
      const [contoso] = (await load()).subscriptions;
      const commandFor = (vmName: string) => {
        const vm = contoso.topology.virtualMachines.find((candidate) => candidate.name === vmName);
        assert.ok(vm, vmName);
        const result = nativeClientCommand(contoso.topology.bastionHosts[0], vm);
        return result.ok ? result.command : result.reason;
      };
      assert.match(commandFor('vm-windows-01'), /^az network bastion rdp /, forceArm ? 'ARM fallback' : 'Resource Graph');
      assert.match(commandFor('vm-linux-01'), /^az network bastion ssh /);
      assert.deepEqual(contoso.hosts[0].vms.map((vm) => vm.details[0]), ['Linux', 'Windows']);
    }
  });

  it('no hosts anywhere gives no subscription nodes (the root says so)', async () => {
    const tree = await load();
    assert.deepEqual(tree.subscriptions, []);
    assert.deepEqual(tree.otherErrors, []);
  });

  it('asks for clients once per tenant of the selection', async () => {
    fake.put(...hubAndSpoke().resources, ...developerSubscription());
    const asked: string[] = [];
    const otherTenant = selected.map((s, i) => (i === 1 ? { ...s, tenantId: 'a1b2c3d4-0000-4000-8000-00000000beef' } : s));
    const tree = await loadLiveInventory(async (tenantId) => {
      asked.push(tenantId);
      return fakeArmClients(fake);
    }, otherTenant, new AbortController().signal);
    assert.deepEqual(asked.sort(), [TENANT, 'a1b2c3d4-0000-4000-8000-00000000beef'].sort());
    assert.deepEqual(tree.subscriptions.map((s) => s.hosts.map((h) => h.name)), [['bas-contoso-hub'], ['bas-dev']]);
  });
});
