// Whether a model field is unknown: a source could not resolve it and listed it in `unresolved`.
// Sources spell the field their own way (ARM/Bicep: the ARM JSON path,
// `ipConfigurations[0].properties.subnet.id`; Terraform: the model name, `ipConfigurations.subnetId`),
// so both sides are brought to one canonical spelling before they are compared.
import type { UnresolvedField } from '../model';

/** ARM spellings whose model field is named otherwise (canonical form: lower case, dotted, no `properties`). */
const ALIASES: Record<string, string> = {
  'ipconfigurations.publicipaddressid': 'ipconfigurations.publicipid',
  'sku.name': 'sku',
  'skuname': 'sku',
  'publicipallocationmethod': 'allocationmethod',
  'publicipaddressversion': 'ipversion',
  'virtualnetworkpeerings': 'peerings',
  'addressspace.addressprefixes': 'addressprefixes',
  'addressspace': 'addressprefixes',
  'networkprofile.networkinterfacesid': 'networkinterfaceids',
  'networkprofile.networkinterfaces': 'networkinterfaceids',
  'networkprofile': 'networkinterfaceids',
  'storageprofile.osdisk.ostype': 'ostype',
  'networkacls.iprules.addressprefixes': 'networkacladdressprefixes',
  'networkacls.iprules': 'networkacladdressprefixes',
  'networkacls': 'networkacladdressprefixes',
  'sourceapplicationsecuritygroupsid': 'sourceapplicationsecuritygroupids',
  'sourceapplicationsecuritygroups': 'sourceapplicationsecuritygroupids',
  'destinationapplicationsecuritygroupsid': 'destinationapplicationsecuritygroupids',
  'destinationapplicationsecuritygroups': 'destinationapplicationsecuritygroupids',
  'ipconfigurations.applicationsecuritygroupsid': 'ipconfigurations.applicationsecuritygroupids',
  'ipconfigurations.applicationsecuritygroups': 'ipconfigurations.applicationsecuritygroupids',
};

/** The canonical spelling of a resource's whole `properties` object (a parameter, an unknown spread). */
export const WHOLE_PROPERTIES = '(properties)';

/** Model fields read from outside an ARM resource's `properties`: an unknown `properties` leaves them known. */
const OUTSIDE_PROPERTIES = new Set(['sku', 'location', 'zones', 'tags', 'name', 'id']);

/** Whether an unknown field (canonical) makes the field `wanted` (canonical) unknown. */
export function covers(unknown: string, wanted: string): boolean {
  if (unknown === WHOLE_PROPERTIES) return !OUTSIDE_PROPERTIES.has(wanted.split('.')[0]);
  return unknown === wanted || wanted.startsWith(`${unknown}.`);
}

/** `ipConfigurations[0].properties.subnet.id` and `ipConfigurations.subnetId` → `ipconfigurations.subnetid`. */
export function canonicalField(field: string): string {
  if (field.trim().toLowerCase() === 'properties') return WHOLE_PROPERTIES;
  const segments: string[] = [];
  for (const raw of field.replace(/\[[^\]]*\]/g, '').split('.')) {
    const segment = raw.trim().toLowerCase();
    if (segment === '' || segment === 'properties' || segment === 'features') continue;
    if (segment === 'id' && segments.length > 0) segments[segments.length - 1] += 'id';
    // The model merges ARM's singular and plural fields (sourceAddressPrefix ∪ sourceAddressPrefixes).
    else segments.push(segment.replace(/(prefix|range)$/, (ending) => (ending === 'prefix' ? 'prefixes' : 'ranges')));
  }
  const joined = segments.join('.');
  return ALIASES[joined] ?? joined;
}

interface MaybeUnresolved {
  unresolved?: readonly UnresolvedField[];
}

/**
 * Why `field` of the element is unknown: it, or a field it is part of, is unresolved. With
 * `orWithin`, an unresolved part of it counts too (a list one of whose items is unknown).
 */
export function unknownReason(element: MaybeUnresolved | undefined, field: string, orWithin = false): string | undefined {
  if (!element?.unresolved || element.unresolved.length === 0) return undefined;
  const wanted = canonicalField(field);
  const match = element.unresolved.find((entry) => {
    const have = canonicalField(entry.field);
    return covers(have, wanted) || (orWithin && have.startsWith(`${wanted}.`));
  });
  return match?.reason;
}

/** The first of `fields` that is unknown on the element, with its reason. */
export function firstUnknown(element: MaybeUnresolved | undefined, fields: readonly string[], orWithin = false): { field: string; reason: string } | undefined {
  for (const field of fields) {
    const reason = unknownReason(element, field, orWithin);
    if (reason !== undefined) return { field, reason };
  }
  return undefined;
}

/** Any unresolved field at all (a security rule with one unknown value cannot be evaluated). */
export function hasUnknowns(element: MaybeUnresolved | undefined): boolean {
  return (element?.unresolved?.length ?? 0) > 0;
}
