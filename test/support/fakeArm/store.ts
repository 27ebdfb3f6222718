// The fake ARM's resources, keyed by lower-cased id (ARM ids are case-insensitive), and the
// collection semantics of ARM list URLs.
export type ArmJson = Record<string, unknown> & { id: string; name: string; type: string };

export class ResourceStore {
  private readonly byKey = new Map<string, ArmJson>();
  /** Sorted by key; rebuilt after a change (benchmarks list 20,000 resources hundreds of times). */
  private sortedCache: ArmJson[] | undefined;
  private bySubscriptionAndType: Map<string, ArmJson[]> | undefined;

  put(...resources: ArmJson[]): void {
    for (const resource of resources) this.byKey.set(keyOf(resource.id), structuredClone(resource));
    this.sortedCache = undefined;
    this.bySubscriptionAndType = undefined;
  }

  remove(id: string): void {
    this.byKey.delete(keyOf(id));
    this.sortedCache = undefined;
    this.bySubscriptionAndType = undefined;
  }

  get(id: string): ArmJson | undefined {
    const found = this.byKey.get(keyOf(id));
    return found === undefined ? undefined : structuredClone(found);
  }

  all(): ArmJson[] {
    return [...this.byKey.values()].map((resource) => structuredClone(resource));
  }

  /** Read-only view without copies, for the Resource Graph engine. */
  view(): readonly ArmJson[] {
    return this.sorted();
  }

  /**
   * The members of a list URL, or undefined when the path is not a collection:
   * `/subscriptions/s/providers/NS/type` (subscription-wide), or `<scope>/providers/NS/type`
   * (a resource group's resources, or extension resources such as a host's diagnostic settings).
   */
  list(path: string): ArmJson[] | undefined {
    const lower = keyOf(path);
    const subscriptionWide = /^\/subscriptions\/([^/]+)\/providers\/([^/]+\/[^/]+)$/.exec(lower);
    if (subscriptionWide) {
      const [, subscription, type] = subscriptionWide;
      return (this.topLevelIndex().get(`${subscription}|${type}`) ?? []).map((r) => structuredClone(r));
    }
    const scoped = /^(.+)\/providers\/[^/]+\/[^/]+$/.exec(lower);
    if (!scoped) return undefined;
    return this.sorted().filter((r) => {
      const key = keyOf(r.id);
      return key.startsWith(`${lower}/`) && !key.slice(lower.length + 1).includes('/');
    }).map((r) => structuredClone(r));
  }

  private topLevelIndex(): Map<string, ArmJson[]> {
    if (this.bySubscriptionAndType) return this.bySubscriptionAndType;
    const index = new Map<string, ArmJson[]>();
    for (const r of this.sorted()) {
      if (isExtension(r.id)) continue;
      const key = `${subscriptionOf(r.id)}|${r.type.toLowerCase()}`;
      index.set(key, [...(index.get(key) ?? []), r]);
    }
    this.bySubscriptionAndType = index;
    return index;
  }

  private sorted(): ArmJson[] {
    this.sortedCache ??= [...this.byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    return this.sortedCache;
  }
}

export function keyOf(id: string): string {
  return id.trim().replace(/\/+$/, '').toLowerCase();
}

export function subscriptionOf(id: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(id)?.[1]?.toLowerCase();
}

export function resourceGroupOf(id: string): string | undefined {
  return /\/resourcegroups\/([^/]+)/i.exec(id)?.[1];
}

/** A resource under another resource's /providers/ (a diagnostic setting), not a top-level one. */
function isExtension(id: string): boolean {
  return (id.toLowerCase().match(/\/providers\//g) ?? []).length > 1;
}
