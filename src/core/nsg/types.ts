// The NSG evaluator's public contract. See ../../../../shared/checks.md "NSG evaluation model".
import type { Direction, SecurityRule } from '../model';

/** The protocol of a flow being asked about. '*' means every protocol (the catalog's "Any"). */
export type FlowProtocol = 'Tcp' | 'Udp' | 'Icmp' | '*';

/**
 * A set of packets to evaluate: every combination of source address, destination address,
 * destination port and protocol in the given lists. Addresses are CIDRs, single IPv4
 * addresses, '*' or service tags ('Internet', 'VirtualNetwork', 'AzureLoadBalancer',
 * 'GatewayManager', 'AzureCloud', 'AzureCloud.westeurope', ...). Ports are '443', '22-23' or '*'.
 * Source ports are always "any": Bastion's flows never constrain them.
 */
export interface FlowQuery {
  direction: Direction;
  protocol: FlowProtocol;
  sources: string[];
  destinations: string[];
  destinationPorts: string[];
}

/** What the symbolic tags stand for in this evaluation. */
export interface EvaluationContext {
  /**
   * What the VirtualNetwork tag expands to besides 168.63.129.16 (which the evaluator always adds):
   * the VNet's address space and its peered VNets' spaces. Undefined means "not known", which
   * makes any question that depends on it `unknown`.
   */
  virtualNetworkPrefixes?: string[];
}

export type Verdict = 'allow' | 'deny' | 'unknown';

/** A reference to the rule that decided (or could not decide) a part of a flow. */
export interface RuleRef {
  name: string;
  priority: number;
  access: 'Allow' | 'Deny';
  isDefault: boolean;
  /** The rule object itself, for its id and origin. */
  rule: SecurityRule;
}

/**
 * One part of a flow with a single verdict. The descriptions are readable renderings of the
 * part ("Internet", "10.0.1.0/26", "GatewayManager except 52.0.0.0/8"), not parseable data.
 */
export interface FlowPart {
  sources: string[];
  destinations: string[];
  destinationPorts: string[];
  protocols: string[];
  /** Present only when a rule split the flow by source port (flows themselves never constrain it). */
  sourcePorts?: string[];
  verdict: Verdict;
  /** The first rule that matches the whole part. Absent only for `unknown` with no candidate. */
  decidedBy?: RuleRef;
  /**
   * For `unknown`: the rules whose match could not be decided (an ASG, an unknown tag, an
   * unresolved template value, a prefix whose overlap with a tag is not known) and why.
   */
  undecided?: { rule: RuleRef; reason: string }[];
  /**
   * For `deny` (and `unknown`): custom Allow rules that come later in priority order and match
   * (part of) this part. Non-empty means an explicit allow is shadowed.
   */
  shadowedAllows: RuleRef[];
}

export interface FlowEvaluation {
  /** allow: every part allowed; deny: every part denied; partial: some of each; unknown: any part unknown. */
  verdict: 'allow' | 'deny' | 'partial' | 'unknown';
  parts: FlowPart[];
}

/** One NSG on a path, with where it sits (for messages). */
export interface PathHop {
  label: string; // e.g. "subnet NSG nsg-web" / "NIC NSG nic-web-01-nsg"
  rules: SecurityRule[] | undefined; // undefined = no NSG at this hop (everything passes)
}

export interface PathEvaluation {
  verdict: FlowEvaluation['verdict'];
  hops: { label: string; evaluation: FlowEvaluation | undefined }[];
}
