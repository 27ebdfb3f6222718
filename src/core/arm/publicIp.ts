import type { PublicIpAddress } from '../model';
import type { ArmInput, MapContext } from './context';
import type { Registry } from './registry';
import { compact } from './values';

export function mapPublicIpAddress(input: ArmInput, _ctx: MapContext, registry: Registry): void {
  const props = input.fields.properties();
  const address: PublicIpAddress = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    location: input.fields.string('location'),
    skuName: input.fields.object('sku')?.string('name'),
    allocationMethod: props.string('publicIPAllocationMethod'),
    ipAddress: props.string('ipAddress'),
    ipVersion: props.string('publicIPAddressVersion'),
  });
  registry.publicIpAddresses.put(registry.topology.publicIpAddresses, address);
}
