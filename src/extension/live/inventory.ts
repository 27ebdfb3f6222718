// What the Bastion Hosts tree needs from the selected subscriptions: Bastion hosts, VNets,
// NICs and VMs with power state, read through src/azure (loaded on first use) and mapped into
// one topology. Read failures stay visible as problems instead of hiding the subscription.
import { mapArmResources } from '../../core/arm';
import type { Topology } from '../../core/model';
import type { AzureClients } from '../../azure/clients';

export interface InventoryResult {
  topology: Topology;
  /** One line per subscription list that failed (permission, throttling). */
  failures: string[];
}

export async function loadSubscriptionInventory(clients: AzureClients, subscriptionIds: readonly string[], signal: AbortSignal): Promise<InventoryResult> {
  const reads = await import('../../azure/armReads');
  const errors = await import('../../azure/errors');
  const planned = subscriptionIds.flatMap((id) => [
    reads.listBastionHosts(id),
    reads.listVirtualNetworks(id),
    reads.listNetworkInterfaces(id),
    reads.listVirtualMachines(id, true),
  ]);
  const failures: string[] = [];
  const results = await Promise.all(planned.map(async (read) => {
    try {
      const subscriptionId = read.target.id.split('/')[2];
      return await read.run(clients.forSubscription(subscriptionId), signal);
    } catch (error) {
      failures.push(errors.readFailureFinding(error, read.target, clients.endpoint).message);
      return [];
    }
  }));
  const topology = mapArmResources(results.flat(), {
    sourceLabel: `Azure (${subscriptionIds.length} subscription${subscriptionIds.length === 1 ? '' : 's'})`,
    coverage: { instanceView: true },
  });
  return { topology, failures };
}
