// What service tags stand for in one evaluation. A tag whose addresses are known here (always
// AzureLoadBalancer; VirtualNetwork and Internet once the VNet's prefixes are given) becomes a
// concrete address set; the others stay symbolic, with what is known about them.
import { EMPTY, IntervalSet, fromRanges, subtract, union } from './intervals';
import { ALL_ADDRESSES, AddressTerm, parseAddress, parseCidr } from './parse';

const MAX_CACHED_TEXTS = 10_000;

export const HOST_VIP = 0xa83f8110; // 168.63.129.16
const HOST_VIP_SET: IntervalSet = [HOST_VIP, HOST_VIP];

/** RFC 1918, shared (100.64/10), loopback and link-local space: never part of Internet. */
const NON_PUBLIC: IntervalSet = fromRanges(
  ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16'].map((cidr) => {
    const set = parseCidr(cidr) as IntervalSet;
    return [set[0], set[1]] as const;
  }),
);
export const PUBLIC_ADDRESSES: IntervalSet = subtract(ALL_ADDRESSES, NON_PUBLIC);

export interface SymbolicTag {
  key: string;
  name: string;
  /** Keys of the tags known to contain this one. */
  ancestors: string[];
  /** Internet's family and VirtualNetwork are disjoint; nothing is known between other families. */
  family: 'internet' | 'vnet' | 'other';
  /** A concrete superset of the tag's addresses. */
  envelope: IntervalSet;
  /** Addresses known to be in the tag. */
  members: IntervalSet;
  /** True when every non-empty slice of the envelope holds some of the tag's addresses. */
  dense: boolean;
}

export type ResolvedAddress =
  | { kind: 'concrete'; set: IntervalSet; name: string; literal: boolean }
  | { kind: 'symbolic'; tag: SymbolicTag }
  | { kind: 'unresolved'; text: string };

export type TagRelation = 'inside' | 'contains' | 'disjoint' | 'unknown';

/** How the tag `a` relates to the tag `b`: inside = a ⊆ b, contains = a ⊃ b. */
export function relateTags(a: SymbolicTag, b: SymbolicTag): TagRelation {
  if (a.key === b.key || a.ancestors.includes(b.key)) return 'inside';
  if (b.ancestors.includes(a.key)) return 'contains';
  if ((a.family === 'internet' && b.family === 'vnet') || (a.family === 'vnet' && b.family === 'internet')) return 'disjoint';
  return 'unknown';
}

export class AddressSpace {
  readonly virtualNetwork: IntervalSet | undefined;
  private readonly internet: IntervalSet;
  private readonly symbols = new Map<string, SymbolicTag>();
  /** Texts resolved here before: the same prefixes and tags recur across rules, NSGs and flows. */
  private readonly resolvedTexts = new Map<string, ResolvedAddress>();

  constructor(virtualNetworkPrefixes: readonly string[] | undefined) {
    this.virtualNetwork = concreteVirtualNetwork(virtualNetworkPrefixes);
    this.internet = subtract(PUBLIC_ADDRESSES, this.virtualNetwork ?? HOST_VIP_SET);
  }

  resolve(term: AddressTerm): ResolvedAddress {
    if (term.kind === 'unresolved') return term;
    if (term.kind === 'ranges') return { kind: 'concrete', set: term.set, name: term.text, literal: true };
    switch (term.key) {
      case 'azureloadbalancer':
        return { kind: 'concrete', set: HOST_VIP_SET, name: term.name, literal: false };
      case 'virtualnetwork':
        if (this.virtualNetwork) return { kind: 'concrete', set: this.virtualNetwork, name: term.name, literal: false };
        break;
      case 'internet':
        if (this.virtualNetwork) return { kind: 'concrete', set: this.internet, name: term.name, literal: false };
        break;
    }
    return { kind: 'symbolic', tag: this.symbol(term.key, term.name) };
  }

  /** resolve(parseAddress(text)), remembered; resolved addresses are never modified. */
  resolveText(text: string): ResolvedAddress {
    const literal = resolvedLiteral(text);
    if (literal) return literal;
    let resolved = this.resolvedTexts.get(text);
    if (!resolved) {
      resolved = this.resolve(parseAddress(text));
      if (this.resolvedTexts.size >= MAX_CACHED_TEXTS) this.resolvedTexts.clear();
      this.resolvedTexts.set(text, resolved);
    }
    return resolved;
  }

  private symbol(key: string, name: string): SymbolicTag {
    let tag = this.symbols.get(key);
    if (!tag) {
      tag = this.describeSymbol(key, name);
      this.symbols.set(key, tag);
    }
    return tag;
  }

  private describeSymbol(key: string, name: string): SymbolicTag {
    const internetChild = (ancestors: string[]): SymbolicTag => ({
      key, name, ancestors, family: 'internet', envelope: this.internet, members: EMPTY, dense: false,
    });
    if (key === 'internet') return { ...internetChild([]), dense: true };
    if (key === 'azurecloud') return internetChild(['internet']);
    if (key === 'gatewaymanager' || key.startsWith('azurecloud.')) return internetChild(['azurecloud', 'internet']);
    if (key === 'virtualnetwork') {
      return { key, name, ancestors: [], family: 'vnet', envelope: ALL_ADDRESSES, members: HOST_VIP_SET, dense: false };
    }
    return { key, name, ancestors: [], family: 'other', envelope: ALL_ADDRESSES, members: EMPTY, dense: false };
  }
}

/** Literal prefixes resolve alike in every space; texts that are not literal map to null. */
const literals = new Map<string, ResolvedAddress | null>();

function resolvedLiteral(text: string): ResolvedAddress | null {
  let literal = literals.get(text);
  if (literal === undefined) {
    const term = parseAddress(text);
    literal = term.kind === 'ranges' ? { kind: 'concrete', set: term.set, name: term.text, literal: true } : null;
    if (literals.size >= MAX_CACHED_TEXTS) literals.clear();
    literals.set(text, literal);
  }
  return literal;
}

const spaces = new Map<string, AddressSpace>();
const MAX_CACHED_SPACES = 64;

/** The address space of a context, shared by evaluations with the same VNet prefixes. */
export function addressSpaceFor(virtualNetworkPrefixes: readonly string[] | undefined): AddressSpace {
  const key = virtualNetworkPrefixes ? virtualNetworkPrefixes.join(',') : '';
  let space = spaces.get(key);
  if (!space) {
    if (spaces.size >= MAX_CACHED_SPACES) spaces.clear();
    space = new AddressSpace(virtualNetworkPrefixes);
    spaces.set(key, space);
  }
  return space;
}

function concreteVirtualNetwork(prefixes: readonly string[] | undefined): IntervalSet | undefined {
  if (!prefixes) return undefined;
  let set = HOST_VIP_SET;
  for (const prefix of prefixes) {
    const parsed = parseCidr(prefix.trim());
    // An unreadable prefix leaves the tag's extent unknown rather than silently smaller.
    if (!parsed) return undefined;
    set = union(set, parsed);
  }
  return set;
}
