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
    networkInterfaceIds: props.object('networkProfile')?.referenceIds('networkInterfaces') ?? [],
    powerState: powerStateOf(props.object('instanceView')),
    osType: osTypeOf(props),
    provisioningState: props.string('provisioningState'),
  });
  registry.virtualMachines.put(registry.topology.virtualMachines, vm);
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
