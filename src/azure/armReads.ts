// The individual ARM reads a diagnosis makes: each knows its resource, the permission it needs,
// what it decides, and how to call the SDK so the raw JSON is kept. Each goes through the clients
// of the subscription its resource id (or listing scope) names, whatever subscription the user
// started in.
import type { Layer } from '../core/findings';
import { parseResourceId } from '../core/resourceId';
import { clientsFor, type AzureClients } from './clients';
import { readActionOf, type ReadTarget } from './errors';
import type { Pipeline } from '@azure/core-rest-pipeline';
import { rawGet, rawList, type PagedIterable, type RawArmResource, type RawCallOptions } from './rawArm';

export interface ArmRead {
  /** Identifies the read, so the planner never makes the same one twice. */
  key: string;
  target: ReadTarget;
  run(clients: AzureClients, signal: AbortSignal): Promise<RawArmResource[]>;
}

interface KindInfo {
  type: string;
  kind: string;
  layer: Layer;
}

const NETWORK_KINDS = {
  bastionHost: { type: 'Microsoft.Network/bastionHosts', kind: 'Bastion host', layer: 'host' },
  virtualNetwork: { type: 'Microsoft.Network/virtualNetworks', kind: 'virtual network', layer: 'bastion-subnet' },
  networkSecurityGroup: { type: 'Microsoft.Network/networkSecurityGroups', kind: 'network security group', layer: 'bastion-subnet' },
  routeTable: { type: 'Microsoft.Network/routeTables', kind: 'route table', layer: 'route' },
  networkInterface: { type: 'Microsoft.Network/networkInterfaces', kind: 'network interface', layer: 'vm' },
  publicIpAddress: { type: 'Microsoft.Network/publicIPAddresses', kind: 'public IP address', layer: 'host' },
} as const satisfies Record<string, KindInfo>;

export type NetworkKind = keyof typeof NETWORK_KINDS;

const VM_KIND: KindInfo = { type: 'Microsoft.Compute/virtualMachines', kind: 'virtual machine', layer: 'vm' };

function target(info: KindInfo, id: string, decides: string, layer: Layer = info.layer, referencedBy?: string): ReadTarget {
  return { id, name: parseResourceId(id).name || id, type: info.type, kind: info.kind, action: readActionOf(info.type), layer, decides, ...(referencedBy ? { referencedBy } : {}) };
}

function placeOf(id: string): { rg: string; name: string } {
  const parsed = parseResourceId(id);
  return { rg: parsed.resourceGroup ?? '', name: parsed.name };
}

/**
 * GET of a Microsoft.Network resource by id. `referencedBy` names what points at it ("peering p of
 * virtual network v"), so a 404 says the reference leads nowhere rather than that something is gone.
 */
export function getNetworkResource(kind: NetworkKind, id: string, decides: string, layer?: Layer, referencedBy?: string): ArmRead {
  const info = NETWORK_KINDS[kind];
  const { rg, name } = placeOf(id);
  return {
    key: `get ${id.toLowerCase()}`,
    target: target(info, id, decides, layer, referencedBy),
    async run(clients, signal) {
      const network = await clientsFor(clients, id).network();
      const calls: Record<NetworkKind, Parameters<typeof rawGet>[0]> = {
        bastionHost: (o) => network.bastionHosts.get(rg, name, o),
        virtualNetwork: (o) => network.virtualNetworks.get(rg, name, o),
        networkSecurityGroup: (o) => network.networkSecurityGroups.get(rg, name, o),
        routeTable: (o) => network.routeTables.get(rg, name, o),
        // The expanded subnet carries its NSG and route table ids, which saves a round trip
        // (NIC → VNet → NSG) when the VM sits in a peered VNet.
        networkInterface: (o) => network.networkInterfaces.get(rg, name, { ...o, expand: 'ipConfigurations/subnet' }),
        publicIpAddress: (o) => network.publicIPAddresses.get(rg, name, o),
      };
      return [await rawGet(calls[kind], signal)];
    },
  };
}

/** GET of a VM with its instance view (power state). */
export function getVirtualMachine(id: string, referencedBy?: string): ArmRead {
  const { rg, name } = placeOf(id);
  return {
    key: `get ${id.toLowerCase()}`,
    target: target(VM_KIND, id, 'the VM\'s power state and network interfaces', undefined, referencedBy),
    async run(clients, signal) {
      const compute = await clientsFor(clients, id).compute();
      return [await rawGet((o) => compute.virtualMachines.get(rg, name, { ...o, expand: 'instanceView' }), signal)];
    },
  };
}

export function listBastionHosts(subscriptionId: string): ArmRead {
  const scope = `/subscriptions/${subscriptionId}`;
  return {
    key: `list bastionHosts ${scope.toLowerCase()}`,
    target: { ...target(NETWORK_KINDS.bastionHost, scope, 'finding the Bastion host by name'), name: `subscription ${subscriptionId}`, kind: 'Bastion hosts of' },
    async run(clients, signal) {
      const network = await clients.forSubscription(subscriptionId).network();
      return rawList((o) => network.bastionHosts.list(o), network.pipeline, clients, signal);
    },
  };
}

export function listVirtualNetworks(subscriptionId: string): ArmRead {
  return subscriptionList(NETWORK_KINDS.virtualNetwork, subscriptionId, 'virtual networks of', async (clients) => {
    const network = await clients.network();
    return { pipeline: network.pipeline, list: (o) => network.virtualNetworks.listAll(o) };
  });
}

export function listNetworkInterfaces(subscriptionId: string, decides = 'which VMs each Bastion host can reach'): ArmRead {
  return subscriptionList(NETWORK_KINDS.networkInterface, subscriptionId, 'network interfaces of', async (clients) => {
    const network = await clients.network();
    return { pipeline: network.pipeline, list: (o) => network.networkInterfaces.listAll(o) };
  }, decides);
}

/** Every VM of the subscription; with statusOnly, with its power state. */
export function listVirtualMachines(subscriptionId: string, statusOnly: boolean, decides = 'finding the VM by name'): ArmRead {
  return subscriptionList(VM_KIND, subscriptionId, 'virtual machines of', async (clients) => {
    const compute = await clients.compute();
    return { pipeline: compute.pipeline, list: (o) => compute.virtualMachines.listAll(statusOnly ? { ...o, statusOnly: 'true' } : o) };
  }, decides);
}

interface Lister {
  pipeline: Pipeline;
  list: (options: RawCallOptions) => PagedIterable;
}

function subscriptionList(info: KindInfo, subscriptionId: string, kind: string, lister: (clients: AzureClients) => Promise<Lister>, decides = 'the inventory'): ArmRead {
  const scope = `/subscriptions/${subscriptionId}`;
  return {
    key: `list ${info.type.toLowerCase()} ${scope.toLowerCase()}`,
    target: { ...target(info, scope, decides), name: `subscription ${subscriptionId}`, kind },
    async run(clients, signal) {
      const forSubscription = clients.forSubscription(subscriptionId);
      const { pipeline, list } = await lister(forSubscription);
      return rawList(list, pipeline, forSubscription, signal);
    },
  };
}

/** The diagnostic settings attached to a resource (the Bastion host). */
export function listDiagnosticSettings(resourceId: string): ArmRead {
  return {
    key: `diagnosticSettings ${resourceId.toLowerCase()}`,
    target: {
      id: `${resourceId}/providers/Microsoft.Insights/diagnosticSettings`,
      name: parseResourceId(resourceId).name,
      type: 'Microsoft.Insights/diagnosticSettings',
      kind: 'diagnostic settings of',
      action: 'Microsoft.Insights/diagnosticSettings/read',
      layer: 'logs',
      decides: 'whether Bastion audit logs are collected',
    },
    async run(clients, signal) {
      const own = clientsFor(clients, resourceId);
      const monitor = await own.monitor();
      return rawList((o) => monitor.diagnosticSettings.list(resourceId, o), monitor.pipeline, own, signal);
    },
  };
}
