// azurerm_bastion_host. The provider's own defaults apply to what the template leaves out:
// sku "Basic", copy_paste_enabled true, the other features false.
import type { BastionFeatures, BastionHost } from '../../../core/model';
import { FieldReader, withUnresolved } from '../fields';
import { MappingContext, nameOr } from './context';

/** Terraform argument → ARM feature property (copy/paste is inverted below). */
const FEATURES: [string, keyof BastionFeatures][] = [
  ['tunneling_enabled', 'enableTunneling'],
  ['ip_connect_enabled', 'enableIpConnect'],
  ['shareable_link_enabled', 'enableShareableLink'],
  ['file_copy_enabled', 'enableFileCopy'],
  ['kerberos_enabled', 'enableKerberos'],
  ['session_recording_enabled', 'enableSessionRecording'],
  ['private_only_enabled', 'enablePrivateOnlyBastion'],
];

export const TERRAFORM_DEFAULT_BASTION_SKU = 'Basic';

function features(fields: FieldReader, declared: string[]): BastionFeatures {
  const result: BastionFeatures = {};
  for (const [argument, property] of FEATURES) {
    if (!fields.has(argument)) continue;
    declared.push(property);
    const value = fields.bool(argument, property);
    if (value !== undefined) result[property] = value;
  }
  if (fields.has('copy_paste_enabled')) {
    declared.push('disableCopyPaste');
    const copyPaste = fields.bool('copy_paste_enabled', 'disableCopyPaste');
    if (copyPaste !== undefined) result.disableCopyPaste = !copyPaste;
  }
  return result;
}

export function mapBastionHosts(context: MappingContext): void {
  for (const instance of context.instancesOf('azurerm_bastion_host')) {
    const fields = new FieldReader(instance.value);
    const declared: string[] = [];
    const host: BastionHost = {
      id: instance.value.id as string,
      name: nameOr(fields.string('name'), instance),
      origin: context.originOf(instance.declaration),
      location: fields.string('location'),
      sku: fields.has('sku') ? fields.string('sku') : TERRAFORM_DEFAULT_BASTION_SKU,
      features: features(fields, declared),
      ipConfigurations: fields.blocks('ip_configuration', 'ipConfigurations').map((block) => {
        const ipFields = new FieldReader(block);
        const configuration = {
          name: ipFields.string('name') ?? '',
          subnetId: ipFields.string('subnet_id', 'ipConfigurations.subnetId'),
          publicIpId: ipFields.string('public_ip_address_id', 'ipConfigurations.publicIpId'),
        };
        fields.unresolved.push(...ipFields.unresolved);
        return configuration;
      }),
    };
    const scaleUnits = fields.number('scale_units', 'scaleUnits');
    if (scaleUnits !== undefined) {
      host.scaleUnits = scaleUnits;
      declared.push('scaleUnits');
    }
    const virtualNetworkId = fields.string('virtual_network_id', 'virtualNetworkId');
    if (virtualNetworkId !== undefined) host.virtualNetworkId = virtualNetworkId;
    const zones = fields.strings(['zones'], 'zones');
    if (zones.length > 0) host.zones = zones;
    const tags = fields.stringMap('tags');
    if (tags) host.tags = tags;
    host.declaredProperties = declared;
    context.topology.bastionHosts.push(withUnresolved(host, fields));
  }
}
