import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTopology } from '../../../src/core/demo';
import type { BastionHost } from '../../../src/core/model';
import { nativeClientCommand } from '../../../src/extension/nativeClient';
import { matchesFilter, page, summarizeHosts } from '../../../src/extension/tree/hostSummary';

test('host summaries: description, health and the VMs each host reaches', () => {
  const summaries = summarizeHosts(demoTopology());
  const hub = summaries.find((s) => s.host.name === 'bas-demo-hub');
  const branch = summaries.find((s) => s.host.name === 'bas-demo-branch');
  assert.ok(hub && branch);
  assert.match(hub.description, /^Standard · Succeeded$|^Premium · Succeeded$/);
  assert.equal(hub.health, 'error');
  const names = hub.vms.map((vm) => vm.vm.name);
  assert.ok(names.includes('vm-demo-hub-jump01') && names.includes('vm-demo-app-win01'));
  assert.ok(!names.includes('vm-demo-branch-app01'), 'the branch VNet is not peered with the hub');
  assert.deepEqual(branch.vms.map((vm) => vm.vm.name), ['vm-demo-branch-app01']);
  assert.equal(hub.vms.find((vm) => vm.vm.name === 'vm-demo-app-batch01')?.description, 'deallocated');
});

test('severity overrides change the quick health', () => {
  const topology = demoTopology();
  const branch = () => summarizeHosts(topology, { 'bastion-sku-feature-mismatch': 'off', 'bastion-subnet-route-table': 'info' }).find((s) => s.host.name === 'bas-demo-branch');
  assert.notEqual(branch()?.health, 'error');
});

test('filter and paging', () => {
  assert.equal(matchesFilter('vm-Demo-hub', 'DEMO'), true);
  assert.equal(matchesFilter('vm-demo-hub', 'spoke'), false);
  assert.equal(matchesFilter('anything', '  '), true);
  assert.deepEqual(page([1, 2, 3, 4, 5], 2), { visible: [1, 2], remaining: 3 });
  assert.deepEqual(page([1], 50), { visible: [1], remaining: 0 });
});

function host(overrides: Partial<BastionHost>): BastionHost {
  return {
    id: "/subscriptions/s1/resourceGroups/rg o'brien/providers/Microsoft.Network/bastionHosts/bas-1",
    name: 'bas-1',
    origin: { kind: 'arm', id: 'x' },
    sku: 'Standard',
    features: { enableTunneling: true },
    ipConfigurations: [],
    ...overrides,
  };
}

const vm = (osType: 'Linux' | 'Windows') => ({ id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm$(x)', name: 'vm$(x)', origin: { kind: 'arm' as const, id: 'v' }, networkInterfaceIds: [], osType });

test('native client: ssh for Linux with quoted names, rdp noted as Windows-only', () => {
  const ssh = nativeClientCommand(host({}), vm('Linux'));
  assert.ok(ssh.ok);
  assert.ok(ssh.command.startsWith('az network bastion ssh --subscription s1 --resource-group '));
  assert.ok(ssh.command.includes(`'rg o'\\''brien'`));
  assert.ok(ssh.command.includes("'/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm$(x)'"));
  const rdp = nativeClientCommand(host({ sku: 'Premium' }), vm('Windows'));
  assert.ok(rdp.ok);
  assert.match(rdp.command, /^az network bastion rdp /);
  assert.match(rdp.note ?? '', /Windows only/);
});

test('native client: refused with the reason on Basic/Developer or without tunneling', () => {
  for (const [overrides, reason] of [
    [{ sku: 'Basic' }, /Standard or Premium/],
    [{ sku: 'Developer' }, /Standard or Premium/],
    [{ features: {} }, /enableTunneling/],
  ] as const) {
    const result = nativeClientCommand(host(overrides), vm('Linux'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.reason, reason);
  }
});
