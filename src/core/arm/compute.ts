// Network interfaces and virtual machines (with the power state from an expanded instance view).
import type { NetworkInterface, NicIpConfiguration, OsType, VirtualMachine } from '../model';
import type { ArmInput, MapContext } from './context';
import type { Fields } from './fields';
import type { Registry } from './registry';
import { compact } from './values';

export function mapNetworkInterface(input: ArmInput, _ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const nic: NetworkInterface = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    virtualMachineId: props.referenceId('virtualMachine'),
    networkSecurityGroupId: props.referenceId('networkSecurityGroup'),
    ipConfigurations: props.objects('ipConfigurations').map(nicIpConfigurationOf),
  });
  registry.networkInterfaces.put(registry.topology.networkInterfaces, nic);
}

function nicIpConfigurationOf(item: Fields, position: number): NicIpConfiguration {
  const props = item.properties();
  return compact({
    name: item.string('name') ?? `ipConfigurations[${position}]`,
    subnetId: props.referenceId('subnet'),
    privateIpAddress: props.string('privateIPAddress'),
    primary: props.boolean('primary'),
    applicationSecurityGroupIds: props.referenceIds('applicationSecurityGroups'),
  });
}

export function mapVirtualMachine(input: ArmInput, _ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const vm: VirtualMachine = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    location: input.fields.string('location'),
    networkInterfaceIds: primaryFirst(props.object('networkProfile')?.objects('networkInterfaces') ?? []),
    powerState: powerStateOf(props.object('instanceView')),
    osType: osTypeOf(props),
    provisioningState: props.string('provisioningState'),
  });
  registry.virtualMachines.put(registry.topology.virtualMachines, vm);
}

/**
 * NIC ids with the primary one first: ARM marks it with properties.primary when a VM has several,
 * and Bastion connects to the primary NIC's address; the list's order is not a promise.
 */
function primaryFirst(references: Fields[]): string[] {
  const nics = references.flatMap((reference) => {
    const id = reference.string('id');
    return id === undefined ? [] : [{ id, primary: reference.object('properties')?.boolean('primary') === true }];
  });
  return [...nics.filter((nic) => nic.primary), ...nics.filter((nic) => !nic.primary)].map((nic) => nic.id);
}

/** 'PowerState/deallocated' → 'deallocated'; lower-cased because older payloads write 'PowerState/Running'. */
function powerStateOf(instanceView: Fields | undefined): string | undefined {
  if (instanceView === undefined) return undefined;
  for (const status of instanceView.objects('statuses')) {
    const code = status.string('code');
    const match = code === undefined ? null : /^PowerState\/(.+)$/i.exec(code.trim());
    if (match) return match[1].toLowerCase();
  }
  return undefined;
}

function osTypeOf(props: Fields): OsType | undefined {
  const declared = props.object('storageProfile')?.object('osDisk')?.string('osType');
  if (declared !== undefined) {
    const lower = declared.toLowerCase();
    if (lower === 'linux') return 'Linux';
    if (lower === 'windows') return 'Windows';
  }
  const osProfile = props.object('osProfile');
  if (osProfile?.has('linuxConfiguration')) return 'Linux';
  if (osProfile?.has('windowsConfiguration')) return 'Windows';
  return undefined;
}
