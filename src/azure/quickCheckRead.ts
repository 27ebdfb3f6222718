// The rows the tree's quick checks need beyond the inventory's: the NSGs, route tables and public
// IPs the hosts' subnets name, and a host's VNet when the inventory does not hold it, read where
// they are. A landing zone keeps some in subscriptions the user did not select (a shared NSG or
// public IP, a VNet elsewhere), so each query covers the selected subscriptions plus every one its
// ids name: no extra request when they are all selected. When Resource Graph refuses the query,
// the selected subscriptions are asked again on their own and each other one alone, so a
// subscription the identity cannot read leaves only its own resources check-incomplete.
import { idKey, subscriptionOf } from '../core/resourceId';
import type { AzureClients } from './clients';
import { httpStatusText, statusOf } from './errors';
import type { InventoryRow } from './inventoryTree';
import { kqlString } from './kql';
import { QUICK_CHECK_TYPES, quickCheckIds } from './quickCheck';
import { queryResourceGraph } from './resourceGraph';

export interface QuickCheckRead {
  rows: InventoryRow[];
  /** Why a resource the checks need is not among `rows`, by id key: where it is, what Resource Graph said. */
  unread: Map<string, string>;
}

/** Ids per query: Resource Graph takes long queries, but a bounded `in` list stays well under its limits. */
const QUICK_CHECK_BATCH = 300;

/** What Resource Graph answers for a subscription it will not query (denied, unknown, another tenant's). */
const REFUSED_STATUSES = new Set([400, 403, 404]);

export function quickCheckQuery(ids: readonly string[]): string {
  return [
    'Resources',
    `| where type in~ (${QUICK_CHECK_TYPES.map(kqlString).join(', ')})`,
    `| where tolower(id) in (${ids.map((id) => kqlString(id.toLowerCase())).join(', ')})`,
    '| project id, name, type, subscriptionId, resourceGroup, location, sku, properties',
  ].join('\n');
}

/**
 * Throws what the query of the selected subscriptions throws (the tree then says the quick check
 * did not run). A VNet read here comes in one wave, the NSG and route table it names in the next.
 */
export async function readQuickCheckRows(clients: AzureClients, selected: readonly string[], inventory: readonly InventoryRow[], signal: AbortSignal | undefined): Promise<QuickCheckRead> {
  const rows: InventoryRow[] = [];
  const asked = new Map<string, string>();
  const refused = new Map<string, string>();
  const nextIds = () => quickCheckIds([...inventory, ...rows]).filter((id) => !asked.has(idKey(id)));
  for (let ids = nextIds(); ids.length > 0; ids = nextIds()) {
    for (const id of ids) asked.set(idKey(id), id);
    for (let at = 0; at < ids.length; at += QUICK_CHECK_BATCH) {
      rows.push(...(await queryWhereTheyAre(clients, selected, ids.slice(at, at + QUICK_CHECK_BATCH), refused, signal)));
    }
  }
  const returned = new Set(rows.map((row) => idKey(row.id)));
  const unread = new Map<string, string>();
  for (const [key, id] of asked) if (!returned.has(key)) unread.set(key, whyUnread(id, refused));
  return { rows, unread };
}

const subscriptionKey = (id: string) => subscriptionOf(id)?.toLowerCase();

/** `refused` gathers the subscriptions Resource Graph would not query, with its answer. */
async function queryWhereTheyAre(clients: AzureClients, selected: readonly string[], ids: readonly string[], refused: Map<string, string>, signal: AbortSignal | undefined): Promise<InventoryRow[]> {
  const selectedKeys = new Set(selected.map((s) => s.toLowerCase()));
  const wanted = ids.filter((id) => !refused.has(subscriptionKey(id) ?? ''));
  const others = new Map<string, string>();
  for (const id of wanted) {
    const subscription = subscriptionOf(id);
    if (subscription !== undefined && !selectedKeys.has(subscription.toLowerCase())) others.set(subscription.toLowerCase(), subscription);
  }
  if (wanted.length === 0) return [];
  try {
    return await queryResourceGraph(clients, [...selected, ...others.values()], quickCheckQuery(wanted), signal);
  } catch (error) {
    if (others.size === 0 || !REFUSED_STATUSES.has(statusOf(error) ?? 0)) throw error;
  }
  const inSelected = wanted.filter((id) => !others.has(subscriptionKey(id) ?? ''));
  const rows = inSelected.length > 0 ? await queryResourceGraph(clients, [...selected], quickCheckQuery(inSelected), signal) : [];
  for (const [key, subscription] of others) {
    try {
      rows.push(...(await queryResourceGraph(clients, [subscription], quickCheckQuery(wanted.filter((id) => subscriptionKey(id) === key)), signal)));
    } catch (error) {
      if (!REFUSED_STATUSES.has(statusOf(error) ?? 0)) throw error;
      refused.set(key, httpStatusText(error) ?? 'refused');
    }
  }
  return rows;
}

function whyUnread(id: string, refused: ReadonlyMap<string, string>): string {
  const subscription = subscriptionOf(id) ?? 'unknown';
  const answer = refused.get(subscription.toLowerCase());
  return answer !== undefined
    ? `Resource Graph refused to query subscription ${subscription}, where it is (${answer}); Reader on that subscription would decide it.`
    : `Resource Graph returned nothing for it in subscription ${subscription}: it does not exist, or the signed-in identity cannot read it there.`;
}
