// One Azure Resource Graph query, every page of it ($skipToken), as rows.
import type { AzureClients } from './clients';
import type { InventoryRow } from './inventoryTree';

const GRAPH_PAGE_SIZE = 1000;

export async function queryResourceGraph(clients: AzureClients, subscriptions: string[], query: string, signal: AbortSignal | undefined): Promise<InventoryRow[]> {
  const graph = await clients.resourceGraph();
  const rows: InventoryRow[] = [];
  let skipToken: string | undefined;
  do {
    const page = await graph.resources(
      { subscriptions, query, options: { top: GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) } },
      { abortSignal: signal },
    );
    if (!Array.isArray(page.data)) throw new Error('Resource Graph returned data that is not a list of rows');
    rows.push(...(page.data as InventoryRow[]));
    skipToken = page.skipToken;
  } while (skipToken);
  return rows;
}
