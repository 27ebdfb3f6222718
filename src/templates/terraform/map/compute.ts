// azurerm_public_ip, azurerm_network_interface (+ its NSG association) and the VM resources.
import type { NetworkInterface, OsType, PublicIpAddress, VirtualMachine } from '../../../core/model';
import { FieldReader, withUnresolved } from '../fields';
import type { ResourceInstance } from '../module';
import { MappingContext, findById, nameOr } from './context';

function mapPublicIps(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_public_ip')) {
    const fields = new FieldReader(instance.value);
    const ip: PublicIpAddress = {
      id: instance.value.id as string,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      location: fields.string('location'),
      skuName: fields.string('sku', 'skuName'),
      allocationMethod: fields.string('allocation_method', 'allocationMethod'),
    };
    if (!fields.has('sku') && !fields.unresolved.some((u) => u.field === 'skuName')) {
      // The provider's default changed between major versions, so only the pinned version decides.
      fields.unresolved.push({ field: 'skuName', reason: 'sku is not set: azurerm 4.x defaults to Standard, 3.x to Basic' });
    }
    context.topology.publicIpAddresses.push(withUnresolved(ip, fields));
  }
}

function mapNetworkInterfaces(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_network_interface')) {
    const fields = new FieldReader(instance.value);
    const nic: NetworkInterface = {
      id: instance.value.id as string,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      ipConfigurations: fields.blocks('ip_configuration', 'ipConfigurations').map((block) => {
        const ipFields = new FieldReader(block);
        const configuration = {
          name: ipFields.string('name') ?? '',
          subnetId: ipFields.string('subnet_id', 'ipConfigurations.subnetId'),
          privateIpAddress: ipFields.string('private_ip_address', 'ipConfigurations.privateIpAddress'),
          primary: ipFields.bool('primary'),
          applicationSecurityGroupIds: [],
        };
        fields.unresolved.push(...ipFields.unresolved);
        return configuration;
      }),
    };
    context.topology.networkInterfaces.push(withUnresolved(nic, fields));
  }
  for (const instance of context.instancesOf('azurerm_network_interface_security_group_association')) {
    const fields = new FieldReader(instance.value);
    const nic = findById(context.topology.networkInterfaces, fields.string('network_interface_id'));
    if (!nic) {
      context.problem(instance, "the association's network interface is not declared in this module");
      continue;
    }
    nic.networkSecurityGroupId = fields.string('network_security_group_id');
    nic.networkSecurityGroupAssociationOrigin = context.originOf(instance.declaration);
    withUnresolved(nic, fields);
  }
}

function osTypeOf(instance: ResourceInstance, fields: FieldReader): OsType | undefined {
  if (instance.declaration.type === 'azurerm_linux_virtual_machine') return 'Linux';
  if (instance.declaration.type === 'azurerm_windows_virtual_machine') return 'Windows';
  if (fields.has('os_profile_linux_config')) return 'Linux';
  if (fields.has('os_profile_windows_config')) return 'Windows';
  const disk = fields.blocks('storage_os_disk')[0];
  const osType = disk ? new FieldReader(disk).string('os_type') : undefined;
  return osType === 'Linux' || osType === 'Windows' ? osType : undefined;
}

function mapVirtualMachines(context: MappingContext): void {
  const types = ['azurerm_virtual_machine', 'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine'];
  for (const instance of context.instancesOf(...types)) {
    const fields = new FieldReader(instance.value);
    const vm: VirtualMachine = {
      id: instance.value.id as string,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      location: fields.string('location'),
      networkInterfaceIds: fields.strings(['network_interface_ids'], 'networkInterfaceIds'),
      osType: osTypeOf(instance, fields),
    };
    for (const nicId of vm.networkInterfaceIds) {
      const nic = findById(context.topology.networkInterfaces, nicId);
      if (nic) nic.virtualMachineId = vm.id;
    }
    context.topology.virtualMachines.push(withUnresolved(vm, fields));
  }
}

export function mapCompute(context: MappingContext): void {
  mapPublicIps(context);
  mapNetworkInterfaces(context);
  mapVirtualMachines(context);
}
