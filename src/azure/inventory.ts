// The tree of Bastion hosts and the VMs each can reach, for every selected subscription. One
// Azure Resource Graph query covers all subscriptions (paged); when Resource Graph is denied or
// unavailable, each subscription is listed through ARM instead (hosts, VNets, NICs, VMs with
// power state). Both paths feed the same builder, so they give the same tree. On the Resource
// Graph path a second query lets the tree run each host's quick check (quickCheck.ts).
import type { Finding } from '../core/findings';
import { listBastionHosts, listNetworkInterfaces, listVirtualMachines, listVirtualNetworks } from './armReads';
import { countRequests, type AzureClients } from './clients';
import { isAbortError, readFailureFinding, statusOf, throwIfFatal } from './errors';
import { buildInventory, type InventoryRow, type InventorySubscription } from './inventoryTree';
import { QuickCheckRows } from './quickCheck';
import { readQuickCheckRows, type QuickCheckRead } from './quickCheckRead';
import { queryResourceGraph } from './resourceGraph';
import { idKey } from '../core/resourceId';

export type { InventoryBastion, InventorySubscription, InventoryVm } from './inventoryTree';

export interface Inventory {
  subscriptions: InventorySubscription[];
  path: 'resource-graph' | 'arm';
  /** HTTP requests made (retries included). */
  requestCount: number;
  /** Why Resource Graph was not used, when it was not. */
  fallbackReason?: string;
  /** ARM path: lists that failed for a subscription (403, 5xx...). */
  incomplete: Finding[];
}

export interface LoadInventoryOptions {
  subscriptionIds: string[];
  signal?: AbortSignal;
  /** Skip Resource Graph (a setting, or tests of the fallback). */
  forceArm?: boolean;
  /** Subscriptions listed at once on the ARM path (default 8). */
  concurrency?: number;
}

export const INVENTORY_QUERY = [
  'Resources',
  "| where type in~ ('microsoft.network/bastionhosts', 'microsoft.network/virtualnetworks', 'microsoft.network/networkinterfaces', 'microsoft.compute/virtualmachines')",
  '| project id, name, type, subscriptionId, resourceGroup, location, sku, properties',
].join('\n');

export async function loadInventory(clients: AzureClients, options: LoadInventoryOptions): Promise<Inventory> {
  const { result, requestCount } = await countRequests(() => inventoryOf(clients, options));
  return { ...result, requestCount };
}

async function inventoryOf(clients: AzureClients, options: LoadInventoryOptions): Promise<Omit<Inventory, 'requestCount'>> {
  let fallbackReason: string | undefined;
  if (!options.forceArm) {
    try {
      const rows = await queryResourceGraph(clients, options.subscriptionIds, INVENTORY_QUERY, options.signal);
      const subscriptions = buildInventory(options.subscriptionIds, rows);
      await addQuickChecks(clients, options, rows, subscriptions);
      return { subscriptions, path: 'resource-graph', incomplete: [] };
    } catch (error) {
      throwIfFatal(error, clients.endpoint);
      fallbackReason = `Resource Graph ${statusOf(error) !== undefined ? `answered ${statusOf(error)}` : 'failed'}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  }
  const { rows, incomplete } = await listThroughArm(clients, options);
  return { subscriptions: buildInventory(options.subscriptionIds, rows), path: 'arm', fallbackReason, incomplete };
}

/**
 * Runs the tree's quick check of every host: one more query for the NSGs, route tables and
 * public IPs the hosts' subnets name, in whatever subscription they are. If it fails, the hosts
 * keep no quick findings and the tree says the check did not run; the inventory itself is not lost.
 */
async function addQuickChecks(clients: AzureClients, options: LoadInventoryOptions, rows: InventoryRow[], subscriptions: InventorySubscription[]): Promise<void> {
  let related: QuickCheckRead;
  try {
    related = await readQuickCheckRows(clients, options.subscriptionIds, rows, options.signal);
  } catch (error) {
    throwIfFatal(error, clients.endpoint);
    if (isAbortError(error)) throw error;
    return;
  }
  const hosts = new Map(rows.filter((row) => row.type.toLowerCase() === 'microsoft.network/bastionhosts').map((row) => [idKey(row.id), row]));
  const indexed = new QuickCheckRows([...rows, ...related.rows], related.unread);
  for (const bastion of subscriptions.flatMap((subscription) => subscription.bastions)) {
    const host = hosts.get(idKey(bastion.id));
    if (host) bastion.quickFindings = indexed.findingsFor(host);
  }
}

async function listThroughArm(clients: AzureClients, options: LoadInventoryOptions): Promise<{ rows: InventoryRow[]; incomplete: Finding[] }> {
  const rows: InventoryRow[] = [];
  const incomplete: Finding[] = [];
  const queue = [...options.subscriptionIds];
  const signal = options.signal ?? new AbortController().signal;
  const worker = async () => {
    for (let subscriptionId = queue.shift(); subscriptionId !== undefined; subscriptionId = queue.shift()) {
      const forSubscription = clients.forSubscription(subscriptionId);
      const reads = [listBastionHosts(subscriptionId), listVirtualNetworks(subscriptionId), listNetworkInterfaces(subscriptionId), listVirtualMachines(subscriptionId, true, 'the power state of VMs')];
      await Promise.all(reads.map(async (read) => {
        try {
          rows.push(...(await read.run(forSubscription, signal)).map((raw) => ({ ...raw, subscriptionId })));
        } catch (error) {
          if (isAbortError(error)) throw error;
          incomplete.push(readFailureFinding(error, { ...read.target, layer: 'host', decides: 'the inventory of this subscription' }, clients.endpoint));
        }
      }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return { rows, incomplete };
}
