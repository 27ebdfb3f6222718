// What a Bastion host or VM node shows, whatever the source (live inventory, demo, snapshot):
// plain data, no vscode, so the tree's content, filter and paging are tested without VS Code.

/** 'unknown': nothing was found, but not everything could be checked (the tooltip says what). */
export type Health = 'pass' | 'warning' | 'error' | 'unknown';

export interface HostNodeData {
  id: string;
  name: string;
  /** "Standard · Succeeded" */
  description: string;
  health: Health;
  /** Why the health is what it is, one line for the tooltip. */
  healthReason: string;
  /** Markdown-free tooltip lines: SKU, VNet, subnet, features, location. */
  details: { label: string; value: string }[];
  vms: VmNodeData[];
}

export interface VmNodeData {
  id: string;
  name: string;
  /** e.g. running, deallocated; undefined when the source did not say. */
  powerState?: string;
  /** The power state, or "power state not read". */
  description: string;
  /** "same VNet" / "peered VNet". */
  reach: string;
  /** Extra tooltip facts: OS, private IP. */
  details: string[];
}

/** Case-insensitive substring match on the name; an empty filter matches everything. */
export function matchesFilter(name: string, filter: string | undefined): boolean {
  return filter === undefined || filter.trim() === '' || name.toLowerCase().includes(filter.trim().toLowerCase());
}

/** The first `shown` items and how many are left for "Load more". */
export function page<T>(items: readonly T[], shown: number): { visible: T[]; remaining: number } {
  const visible = items.slice(0, Math.max(0, shown));
  return { visible, remaining: items.length - visible.length };
}

/** Hosts to show under a parent: those whose name, or one of whose VMs' names, matches the filter. */
export function visibleHosts<T extends HostNodeData>(hosts: readonly T[], filter: string | undefined, shown: number): { visible: T[]; remaining: number } {
  return page(hosts.filter((host) => matchesFilter(host.name, filter) || host.vms.some((vm) => matchesFilter(vm.name, filter))), shown);
}

/** A host's VMs to show: all of them when the host's own name matches, else the matching ones. */
export function visibleVms(host: HostNodeData, filter: string | undefined, shown: number): { visible: VmNodeData[]; remaining: number } {
  const hostMatches = matchesFilter(host.name, filter);
  return page(host.vms.filter((vm) => hostMatches || matchesFilter(vm.name, filter)), shown);
}
