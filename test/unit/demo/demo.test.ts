import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_LABEL, DEMO_SPOKE_SUBSCRIPTION_ID, DEMO_SUBSCRIPTION_ID, demoResources, demoTopology } from '../../../src/core/demo';
import { parseResourceId } from '../../../src/core/resourceId';
import { diagnose } from '../../../src/core/diagnose';
import { idKey } from '../../../src/core/resourceId';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function allIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allIds(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') out.push(v);
      else allIds(v, out);
    }
  }
  return out;
}

describe('demo resources (raw ARM JSON)', () => {
  const resources = demoResources();

  it('lives in two made-up, GUID-shaped subscriptions (the hub\'s and a spoke\'s) with demo names', () => {
    const subscriptions = [DEMO_SUBSCRIPTION_ID, DEMO_SPOKE_SUBSCRIPTION_ID];
    for (const subscription of subscriptions) assert.match(subscription, GUID);
    for (const id of allIds(resources)) {
      assert.ok(subscriptions.some((subscription) => id.startsWith(`/subscriptions/${subscription}/resourceGroups/rg-demo-`)), id);
    }
    assert.ok(allIds(resources).some((id) => id.startsWith(`/subscriptions/${DEMO_SPOKE_SUBSCRIPTION_ID}/`)));
  });

  it('has unique top-level ids', () => {
    const ids = resources.map((r) => idKey(r.id as string));
    assert.equal(new Set(ids).size, ids.length);
  });

  it('attaches diagnostic settings as extension resources of the host', () => {
    const settings = resources.filter((r) => r.type === 'Microsoft.Insights/diagnosticSettings');
    assert.ok(settings.length >= 1);
    for (const s of settings) assert.match(s.id as string, /\/providers\/Microsoft\.Network\/bastionHosts\/[^/]+\/providers\/Microsoft\.Insights\/diagnosticSettings\/[^/]+$/);
  });

  it('gives every VM an instance view with a power state', () => {
    const vms = resources.filter((r) => r.type === 'Microsoft.Compute/virtualMachines');
    for (const vm of vms) {
      const statuses = ((vm.properties as Record<string, unknown>).instanceView as { statuses: { code: string }[] }).statuses;
      assert.ok(statuses.some((s) => s.code.startsWith('PowerState/')), vm.name as string);
    }
  });

  it('is rebuilt fresh on every call, so callers may mutate it', () => {
    assert.notEqual(demoResources()[0], demoResources()[0]);
    assert.deepEqual(demoResources(), demoResources());
  });
});

describe('demo topology', () => {
  const topology = demoTopology();

  it('maps without problems and is labelled as the demo', () => {
    assert.deepEqual(topology.problems, []);
    assert.equal(topology.isDemo, true);
    assert.equal(topology.sourceLabel, DEMO_LABEL);
  });

  it('has two Bastion hosts of different SKUs and at least six VMs across three VNets', () => {
    assert.ok(new Set(topology.bastionHosts.map((h) => h.sku)).size >= 2);
    assert.ok(topology.virtualMachines.length >= 6);
    const nics = new Map(topology.networkInterfaces.map((n) => [idKey(n.id), n]));
    const vnetsWithVms = new Set(
      topology.virtualMachines.flatMap((vm) => vm.networkInterfaceIds.flatMap((nicId) => nics.get(idKey(nicId))?.ipConfigurations.map((c) => idKey(c.subnetId!).split('/subnets/')[0]) ?? [])),
    );
    assert.ok(vnetsWithVms.size >= 3, `VNets with VMs: ${[...vnetsWithVms].join(', ')}`);
  });

  it('contains a connected peering, an Initiated one, and running and stopped VMs', () => {
    const states = topology.virtualNetworks.flatMap((v) => v.peerings.map((p) => p.peeringState));
    assert.ok(states.includes('Connected') && states.includes('Initiated'));
    const power = new Set(topology.virtualMachines.map((vm) => vm.powerState));
    assert.ok(power.has('running') && power.has('deallocated'));
  });

  it('has a healthy VM in a spoke of the second subscription, peered both ways with the hub', () => {
    const vm = topology.virtualMachines.find((v) => parseResourceId(v.id).subscriptionId === DEMO_SPOKE_SUBSCRIPTION_ID);
    assert.ok(vm, 'a VM in the spoke subscription');
    const report = diagnose(topology, { bastion: 'bas-demo-hub', vm: vm.name });
    assert.deepEqual(report.findings.filter((f) => f.context?.virtualMachineId === vm.id).map((f) => f.rule), []);
    const hub = topology.virtualNetworks.find((v) => v.name === 'vnet-demo-hub')!;
    const spoke = topology.virtualNetworks.find((v) => parseResourceId(v.id).subscriptionId === DEMO_SPOKE_SUBSCRIPTION_ID)!;
    assert.ok(hub.peerings.some((p) => idKey(p.remoteVirtualNetworkId ?? '') === idKey(spoke.id) && p.peeringState === 'Connected'));
    assert.ok(spoke.peerings.some((p) => idKey(p.remoteVirtualNetworkId ?? '') === idKey(hub.id) && p.peeringState === 'Connected'));
  });

  it('yields at least five distinct rules and leaves some VMs healthy', () => {
    const report = diagnose(topology);
    const rules = new Set(report.findings.map((f) => f.rule));
    assert.ok(rules.size >= 5, `rules: ${[...rules].join(', ')}`);
    const vmsWithFindings = new Set(report.findings.flatMap((f) => (f.context?.virtualMachineId ? [idKey(f.context.virtualMachineId)] : [])));
    const healthy = topology.virtualMachines.filter((vm) => !vmsWithFindings.has(idKey(vm.id)));
    assert.ok(healthy.length >= 2, `healthy VMs: ${healthy.map((vm) => vm.name).join(', ')}`);
  });
});
