// Bastion hosts: SKU, feature flags, IP configurations, and the Developer SKU's VNet and ACLs.
import { BASTION_FEATURE_NAMES, type BastionFeatures, type BastionHost, type BastionIpConfiguration } from '../model';
import type { ArmInput, MapContext } from './context';
import type { Fields } from './fields';
import type { Registry } from './registry';
import { compact } from './values';

export function mapBastionHost(input: ArmInput, _ctx: MapContext, registry: Registry): void {
  const fields = input.fields;
  const props = fields.properties();
  const host: BastionHost = compact({
    id: input.id,
    name: input.name,
    origin: input.origin,
    location: fields.string('location'),
    sku: fields.object('sku')?.string('name'),
    provisioningState: props.string('provisioningState'),
    features: featuresOf(props),
    scaleUnits: props.number('scaleUnits'),
    ipConfigurations: props.objects('ipConfigurations').map(ipConfigurationOf),
    dnsName: props.string('dnsName'),
    virtualNetworkId: props.referenceId('virtualNetwork'),
    networkAclAddressPrefixes: aclPrefixesOf(props),
    zones: fields.strings('zones'),
    // Only template declarations carry an apiVersion; a GET response does not.
    apiVersion: fields.string('apiVersion'),
    declaredProperties: fields.has('apiVersion') ? Object.keys(props.raw) : undefined,
    tags: tagsOf(fields),
  });
  registry.bastionHosts.put(registry.topology.bastionHosts, host);
}

function featuresOf(props: Fields): BastionFeatures {
  const features: BastionFeatures = {};
  for (const name of BASTION_FEATURE_NAMES) {
    const value = props.boolean(name);
    if (value !== undefined) features[name] = value;
  }
  return features;
}

function ipConfigurationOf(item: Fields, position: number): BastionIpConfiguration {
  const props = item.properties();
  return compact({
    name: item.string('name') ?? `ipConfigurations[${position}]`,
    subnetId: props.referenceId('subnet'),
    publicIpId: props.referenceId('publicIPAddress'),
    privateIpAllocationMethod: props.string('privateIPAllocationMethod'),
    provisioningState: props.string('provisioningState'),
  });
}

function aclPrefixesOf(props: Fields): string[] | undefined {
  const acls = props.object('networkAcls');
  if (acls === undefined) return undefined;
  return acls.objects('ipRules').flatMap((rule) => {
    const prefix = rule.string('addressPrefix');
    return prefix === undefined ? [] : [prefix];
  });
}

export function tagsOf(fields: Fields): Record<string, string> | undefined {
  const tags = fields.object('tags');
  if (tags === undefined) return undefined;
  const result: Record<string, string> = {};
  for (const key of Object.keys(tags.raw)) {
    const value = tags.string(key);
    if (value !== undefined) result[key] = value;
  }
  return result;
}
