import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapArmResources } from '../../../src/core/arm';
import { armNic, armNsg, armResourceId, armVirtualNetwork, armVm, subnetIdOf } from '../../support/arm';

const vnet = armVirtualNetwork({ subnets: [{ name: 'snet-workload', properties: { addressPrefix: '10.0.2.0/24' } }] });

test('a NIC maps its IP configurations, NSG, VM and application security groups', () => {
  const nsg = armNsg({ name: 'nsg-nic' });
  const asg = armResourceId('Microsoft.Network/applicationSecurityGroups', ['asg-web']);
  const vmId = armResourceId('Microsoft.Compute/virtualMachines', ['vm-web-01']);
  const nic = armNic({ subnet: subnetIdOf(vnet, 'snet-workload'), privateIp: '10.0.2.10', nsg, vm: vmId, asgs: [asg] });
  const [mapped] = mapArmResources([nic]).networkInterfaces;
  assert.deepEqual(mapped, {
    id: nic.id,
    name: 'nic-vm-web-01',
    origin: { kind: 'arm', id: nic.id },
    virtualMachineId: vmId,
    networkSecurityGroupId: nsg.id,
    ipConfigurations: [
      { name: 'ipconfig1', subnetId: subnetIdOf(vnet, 'snet-workload'), privateIpAddress: '10.0.2.10', primary: true, applicationSecurityGroupIds: [asg] },
    ],
  });
});

test('a VM maps its NICs, OS type, provisioning state and power state', () => {
  const nic = armNic();
  const vm = armVm({ nics: [nic], osType: 'Windows', powerState: 'deallocated' });
  const [mapped] = mapArmResources([vm, nic]).virtualMachines;
  assert.deepEqual(mapped, {
    id: vm.id,
    name: 'vm-web-01',
    origin: { kind: 'arm', id: vm.id },
    location: 'westeurope',
    networkInterfaceIds: [nic.id],
    powerState: 'deallocated',
    osType: 'Windows',
    provisioningState: 'Succeeded',
  });
});

test('power state comes from the PowerState/<x> status of the instance view', () => {
  const cases: { statuses: unknown; expected: string | undefined }[] = [
    { statuses: [{ code: 'ProvisioningState/succeeded' }, { code: 'PowerState/running' }], expected: 'running' },
    { statuses: [{ code: 'PowerState/stopped' }], expected: 'stopped' },
    { statuses: [{ code: 'PowerState/Running' }], expected: 'running' },
    { statuses: [{ code: 'ProvisioningState/updating' }], expected: undefined },
    { statuses: [], expected: undefined },
    { statuses: 'running', expected: undefined },
  ];
  for (const { statuses, expected } of cases) {
    const vm = armVm();
    vm.properties.instanceView = { statuses };
    assert.equal(mapArmResources([vm]).virtualMachines[0].powerState, expected, JSON.stringify(statuses));
  }
});

test('without an instance view the power state is unknown', () => {
  const vm = armVm({ withInstanceView: false });
  assert.equal(mapArmResources([vm]).virtualMachines[0].powerState, undefined);
});

test('OS type: osDisk.osType first, else the osProfile configuration', () => {
  const cases: { storageProfile?: unknown; osProfile?: unknown; expected: string | undefined }[] = [
    { storageProfile: { osDisk: { osType: 'Linux' } }, expected: 'Linux' },
    { storageProfile: { osDisk: { osType: 'windows' } }, osProfile: { linuxConfiguration: {} }, expected: 'Windows' },
    { storageProfile: { osDisk: {} }, osProfile: { linuxConfiguration: { disablePasswordAuthentication: true } }, expected: 'Linux' },
    { osProfile: { windowsConfiguration: { provisionVMAgent: true } }, expected: 'Windows' },
    { storageProfile: { osDisk: { osType: 'Plan9' } }, expected: undefined },
    { expected: undefined },
  ];
  for (const { storageProfile, osProfile, expected } of cases) {
    const vm = armVm();
    vm.properties.storageProfile = storageProfile;
    vm.properties.osProfile = osProfile;
    assert.equal(mapArmResources([vm]).virtualMachines[0].osType, expected, JSON.stringify({ storageProfile, osProfile }));
  }
});

test('a VM lists its primary NIC first, whatever the order of networkProfile, since Bastion and the checks use it', () => {
  const secondary = armNic({ name: 'nic-vm-web-01-backup' });
  const primary = armNic({ name: 'nic-vm-web-01' });
  const vm = armVm({ nics: [secondary, primary] });
  const profile = (vm.properties as { networkProfile: { networkInterfaces: { id: string; properties: { primary: boolean } }[] } }).networkProfile;
  profile.networkInterfaces = [{ id: secondary.id, properties: { primary: false } }, { id: primary.id, properties: { primary: true } }];
  assert.deepEqual(mapArmResources([vm, primary, secondary]).virtualMachines[0].networkInterfaceIds, [primary.id, secondary.id]);
  // Without a primary flag (a single NIC, or a template that leaves it out) the declared order stands.
  profile.networkInterfaces = [{ id: secondary.id }, { id: primary.id }] as never;
  assert.deepEqual(mapArmResources([vm, primary, secondary]).virtualMachines[0].networkInterfaceIds, [secondary.id, primary.id]);
});
