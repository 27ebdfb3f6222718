import type { Origin, TopologyCoverage } from '../model';

export interface MapOptions {
  /** Copied to topology.sourceLabel, e.g. "snapshot contoso.json". */
  sourceLabel?: string;
  isDemo?: boolean;
  /**
   * Where an element comes from. Called with each top-level resource and its index, and also
   * with inline children (a subnet inside a VNet, a rule inside an NSG) and the index of the
   * resource that holds them, so a source that knows finer ranges can return them.
   * Default: `{ kind: 'arm', id: <element id> }`.
   */
  originOf?: (resource: Record<string, unknown>, index: number) => Origin;
  /** Overrides what the mapper infers from the resources present. */
  coverage?: Partial<TopologyCoverage>;
}
