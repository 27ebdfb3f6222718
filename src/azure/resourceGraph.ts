// One Azure Resource Graph query, every page of it ($skipToken), as rows. A $skipToken seen
// before (a loop) or a page past the clients' page limit ends the query with a ReadStoppedError.
import type { AzureClients } from './clients';
import { ReadStoppedError } from './errors';
import type { InventoryRow } from './inventoryTree';

const GRAPH_PAGE_SIZE = 1000;

/** Without subscriptions: at tenant scope (every subscription the identity can read). */
export async function queryResourceGraph(clients: AzureClients, subscriptions: string[] | undefined, query: string, signal: AbortSignal | undefined): Promise<InventoryRow[]> {
  const graph = await clients.resourceGraph();
  const rows: InventoryRow[] = [];
  const seen = new Set<string>();
  let skipToken: string | undefined;
  for (let pages = 0; pages === 0 || skipToken; pages++) {
    if (skipToken !== undefined && seen.has(skipToken)) throw new ReadStoppedError('Resource Graph answered the same $skipToken twice (a paging loop); not followed');
    if (pages >= clients.maxPages) throw new ReadStoppedError(`the query has more than ${clients.maxPages} pages (the page limit); the rest was not read`);
    if (skipToken !== undefined) seen.add(skipToken);
    const page = await graph.resources(
      { ...(subscriptions !== undefined ? { subscriptions } : {}), query, options: { top: GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) } },
      { abortSignal: signal },
    );
    if (!Array.isArray(page.data)) throw new Error('Resource Graph returned data that is not a list of rows');
    rows.push(...(page.data as InventoryRow[]));
    skipToken = page.skipToken;
  }
  return rows;
}
