// SKU facts from bastion-reference.md §5.1.
import type { BastionHost, BastionSkuName } from '../model';

const SKU_NAMES: readonly BastionSkuName[] = ['Developer', 'Basic', 'Standard', 'Premium'];

/**
 * The host's SKU, case-insensitively; an absent sku is the spec default, Standard. Undefined
 * means the source names a SKU this catalog does not know.
 */
export function skuOf(host: BastionHost): BastionSkuName | undefined {
  if (host.sku === undefined) return 'Standard';
  return SKU_NAMES.find((name) => name.toLowerCase() === host.sku?.toLowerCase());
}

export function isDedicatedSku(sku: BastionSkuName | undefined): boolean {
  return sku !== 'Developer';
}

/** Standard and Premium: native client, IP connect, shareable links, file copy, custom ports, scaling. */
export function isStandardOrAbove(sku: BastionSkuName | undefined): boolean {
  return sku === 'Standard' || sku === 'Premium';
}

export function isPrivateOnly(host: BastionHost): boolean {
  return skuOf(host) === 'Premium' && host.features.enablePrivateOnlyBastion === true;
}

/** The SKU written as the source has it, for messages. */
export function skuLabel(host: BastionHost): string {
  return host.sku ?? 'Standard (not set; the ARM default)';
}
