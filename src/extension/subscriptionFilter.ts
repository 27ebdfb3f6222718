// The subscription filter shared with the Azure Resources extension:
// `azureResourceGroups.selectedSubscriptions`, entries "tenantId/subscriptionId".

export const SUBSCRIPTION_FILTER_SECTION = 'azureResourceGroups';
export const SUBSCRIPTION_FILTER_KEY = 'selectedSubscriptions';

export interface SubscriptionInfo {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  state?: string;
}

export function filterEntry(subscription: Pick<SubscriptionInfo, 'tenantId' | 'subscriptionId'>): string {
  return `${subscription.tenantId}/${subscription.subscriptionId}`;
}

/** Subscriptions the filter selects; entries are compared case-insensitively, malformed ones ignored. */
export function selectedSubscriptions(all: readonly SubscriptionInfo[], entries: readonly unknown[]): SubscriptionInfo[] {
  const wanted = new Set(entries.filter((entry): entry is string => typeof entry === 'string' && entry.includes('/')).map((entry) => entry.toLowerCase()));
  return all.filter((subscription) => wanted.has(filterEntry(subscription).toLowerCase()));
}

/**
 * The new setting value after the user picked `picked` out of `offered`: entries for subscriptions
 * that were not offered (another tenant, another account) are kept as they were.
 */
export function updatedFilter(entries: readonly unknown[], offered: readonly SubscriptionInfo[], picked: readonly SubscriptionInfo[]): string[] {
  const offeredKeys = new Set(offered.map((subscription) => filterEntry(subscription).toLowerCase()));
  const kept = entries.filter((entry): entry is string => typeof entry === 'string' && !offeredKeys.has(entry.toLowerCase()));
  return [...kept, ...picked.map(filterEntry)];
}
