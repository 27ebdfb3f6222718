// The Bastion Hosts tree's inventory: src/azure's loadInventory (one paged Resource Graph query
// across the selected subscriptions, per-subscription ARM lists when Resource Graph is denied or
// unavailable), turned into the tree's node data. Loaded on first use, with the SDK behind it.
import { setMaxListeners } from 'node:events';
import type { Inventory } from '../../azure/inventory';
import { loadAzure } from './loadAzure';
import type { AzureClients } from '../../azure/clients';
import type { SeverityOverrides } from '../../core/severity';
import type { SubscriptionInfo } from '../subscriptionFilter';
import { liveTreeData, type LiveTreeData } from '../tree/liveTree';

export interface LiveInventory extends LiveTreeData {
  /** Every selected subscription, listed or not. */
  selected: SubscriptionInfo[];
  /** 'arm' when any tenant's inventory came through the ARM fallback. */
  path: 'resource-graph' | 'arm';
  /** Why Resource Graph was not used, when it was not (for the log). */
  fallbackReason?: string;
}

/**
 * An access token is issued for one tenant, and Resource Graph answers only for subscriptions the
 * token's tenant holds: one query per tenant of the selection (usually one in all).
 */
export async function loadLiveInventory(clientsForTenant: (tenantId: string) => Promise<AzureClients>, selected: readonly SubscriptionInfo[], signal: AbortSignal, overrides: SeverityOverrides = {}): Promise<LiveInventory> {
  // Every request in flight listens on the one signal (the ARM fallback lists 8 subscriptions × 4
  // kinds at once): more than Node's default of 10, and no leak.
  setMaxListeners(100, signal);
  const tenants = [...new Set(selected.map((s) => s.tenantId.toLowerCase()))];
  const { loadInventory } = await loadAzure();
  const parts: Inventory[] = await Promise.all(tenants.map(async (tenant) => {
    const inTenant = selected.filter((s) => s.tenantId.toLowerCase() === tenant);
    return loadInventory(await clientsForTenant(inTenant[0].tenantId), { subscriptionIds: inTenant.map((s) => s.subscriptionId), signal });
  }));
  const reasons = parts.flatMap((part) => (part.fallbackReason ? [part.fallbackReason] : []));
  return {
    ...liveTreeData(selected, { subscriptions: parts.flatMap((p) => p.subscriptions), incomplete: parts.flatMap((p) => p.incomplete) }, overrides),
    selected: [...selected],
    path: parts.some((part) => part.path === 'arm') ? 'arm' : 'resource-graph',
    ...(reasons.length > 0 ? { fallbackReason: reasons.join('; ') } : {}),
  };
}
