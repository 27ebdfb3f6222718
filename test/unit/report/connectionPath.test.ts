import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTopology } from '../../../src/core/demo';
import { diagnose, type DiagnosisReport } from '../../../src/core/diagnose';
import type { Topology } from '../../../src/core/model';
import { buildConnectionPath, type ConnectionPath, type HopKind } from '../../../src/core/report';

function pathTo(topology: Topology, vmName: string): { report: DiagnosisReport; path: ConnectionPath } {
  const report = diagnose(topology, { vm: vmName });
  const target = report.targets.find((candidate) => candidate.virtualMachineName === vmName);
  assert.ok(target, `no target for ${vmName}`);
  const path = buildConnectionPath(topology, report, target);
  assert.ok(path);
  return { report, path };
}

function statusOf(path: ConnectionPath, kind: HopKind): string {
  const hop = path.hops.find((candidate) => candidate.kind === kind);
  assert.ok(hop, `no hop ${kind}`);
  return hop.status;
}

test('hops come in traversal order from client to VM', () => {
  const { path } = pathTo(demoTopology(), 'vm-demo-hub-jump01');
  assert.deepEqual(path.hops.map((hop) => hop.kind), [
    'client', 'bastion-public-ip', 'bastion-nsg-inbound', 'bastion-nsg-outbound', 'route', 'target-subnet-nsg', 'nic-nsg', 'vm',
  ]);
});

test('vm-demo-app-win01: the target subnet NSG is blocked by DenyRdpFromHub, the rest passes', () => {
  const { path } = pathTo(demoTopology(), 'vm-demo-app-win01');
  const subnetHop = path.hops.find((hop) => hop.kind === 'target-subnet-nsg');
  assert.equal(subnetHop?.status, 'blocked');
  assert.match(subnetHop?.decidedBy ?? '', /DenyRdpFromHub \(300, Deny\)/);
  assert.deepEqual(path.ports, ['3389']);
  assert.deepEqual(path.hops.filter((hop) => hop.status !== 'ok').map((hop) => hop.kind), ['target-subnet-nsg']);
});

test('a healthy VM is green on every hop', () => {
  const { path } = pathTo(demoTopology(), 'vm-demo-hub-jump01');
  assert.deepEqual(path.hops.filter((hop) => hop.status !== 'ok'), []);
  assert.match(path.hops.find((hop) => hop.kind === 'target-subnet-nsg')?.decidedBy ?? '', /Allow/);
});

const blockedCases: { vm: string; kind: HopKind; decidedBy: RegExp }[] = [
  { vm: 'vm-demo-app-batch01', kind: 'vm', decidedBy: /deallocated/ },
  { vm: 'vm-demo-data-sql01', kind: 'route', decidedBy: /vm-peering-not-connected/ },
  { vm: 'vm-demo-branch-app01', kind: 'route', decidedBy: /bastion-subnet-route-table/ },
];
for (const { vm, kind, decidedBy } of blockedCases) {
  test(`${vm}: ${kind} is blocked`, () => {
    const { path } = pathTo(demoTopology(), vm);
    const hop = path.hops.find((candidate) => candidate.kind === kind);
    assert.equal(hop?.status, 'blocked');
    assert.match(hop?.decidedBy ?? '', decidedBy);
  });
}

test('what was not read is unknown (grey), not ok', () => {
  const topology = demoTopology();
  const vm = topology.virtualMachines.find((candidate) => candidate.name === 'vm-demo-hub-jump01');
  assert.ok(vm);
  delete vm.powerState;
  const spokeNsg = topology.networkSecurityGroups.find((nsg) => nsg.name === 'nsg-demo-hub-workload');
  assert.ok(spokeNsg);
  topology.networkSecurityGroups = topology.networkSecurityGroups.filter((nsg) => nsg !== spokeNsg);
  const { path } = pathTo(topology, 'vm-demo-hub-jump01');
  assert.equal(statusOf(path, 'vm'), 'unknown');
  assert.equal(statusOf(path, 'target-subnet-nsg'), 'unknown');
  assert.equal(statusOf(path, 'bastion-nsg-inbound'), 'ok');
});

test('a target without a VM, or a VM not in the topology, has no path', () => {
  const topology = demoTopology();
  const report = diagnose(topology, {});
  const host = topology.bastionHosts[0];
  assert.equal(buildConnectionPath(topology, report, { bastionHostId: host.id, bastionHostName: host.name }), undefined);
  assert.equal(buildConnectionPath(topology, report, { bastionHostId: host.id, bastionHostName: host.name, virtualMachineId: '/subscriptions/x/vm/none' }), undefined);
});
