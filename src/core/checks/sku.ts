// SKU facts from bastion-reference.md §5.1.
import type { BastionHost, BastionSkuName } from '../model';
import { unknownReason } from './unknowns';

const SKU_NAMES: readonly BastionSkuName[] = ['Developer', 'Basic', 'Standard', 'Premium'];

/**
 * The host's SKU, case-insensitively; an absent sku is the spec default, Standard. Undefined
 * means the source names a SKU this catalog does not know, or could not resolve it.
 */
export function skuOf(host: BastionHost): BastionSkuName | undefined {
  if (host.sku === undefined) return unknownReason(host, 'sku') === undefined ? 'Standard' : undefined;
  return SKU_NAMES.find((name) => name.toLowerCase() === host.sku?.toLowerCase());
}

export function isDedicatedSku(sku: BastionSkuName | undefined): boolean {
  return sku !== 'Developer';
}

/** Standard and Premium: native client, IP connect, shareable links, file copy, custom ports, scaling. */
export function isStandardOrAbove(sku: BastionSkuName | undefined): boolean {
  return sku === 'Standard' || sku === 'Premium';
}

/** Why the SKU, or whether a Premium host is private-only, is not known; undefined when both are. */
export function undecidedSku(host: BastionHost): string | undefined {
  const skuUnknown = unknownReason(host, 'sku');
  if (skuUnknown !== undefined) return `its SKU is not known (${skuUnknown})`;
  const privateOnlyUnknown = unknownReason(host, 'features.enablePrivateOnlyBastion');
  if (privateOnlyUnknown !== undefined && skuOf(host) === 'Premium') return `whether it is private-only is not known (${privateOnlyUnknown})`;
  return undefined;
}

export function isPrivateOnly(host: BastionHost): boolean {
  return skuOf(host) === 'Premium' && host.features.enablePrivateOnlyBastion === true;
}

/** The SKU written as the source has it, for messages. */
export function skuLabel(host: BastionHost): string {
  if (host.sku !== undefined) return host.sku;
  return unknownReason(host, 'sku') === undefined ? 'Standard (not set; the ARM default)' : 'SKU not known';
}
