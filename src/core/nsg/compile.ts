// Rules parsed once per rules array: ports and protocols as sets, prefixes as terms that each
// evaluation resolves against its own context, and every part that cannot be read marked open.
// Real use always brings fresh rule objects (every diagnosis builds its topology anew), so
// compiling must be cheap per rule: parsed texts are shared through small caches keyed by the
// text, and what most rules never need (their ref, their prefixes) is made on first use.
import type { Direction, SecurityRule } from '../model';
import { IntervalSet, union } from './intervals';
import { isUnresolvedText, parsePortRange, parseProtocol } from './parse';
import { azureDefaultRules, nsgIdOfRule } from './defaults';
import type { ResolvedAddress } from './tags';
import type { RuleRef } from './types';

/** A dimension of a rule that is known, or the reason it is not. */
export type Known<T> = { known: true; value: T } | { known: false; reason: string };

export type AddressSide = 'sources' | 'destinations';

export class CompiledRule {
  readonly allow: boolean;
  readonly priority: number;
  readonly protocols: Known<number>;
  readonly sourcePorts: Known<IntervalSet>;
  readonly destinationPorts: Known<IntervalSet>;
  /** Why it is not known whether the rule is in this NSG at all: what it matches stays undecided. */
  readonly membershipUnknown: string | undefined;
  /** The space `resolved` was resolved in; prefixes are resolved again in another one. */
  resolvedIn: object | undefined;
  resolved: { sources?: ResolvedAddress[]; destinations?: ResolvedAddress[] } | undefined;
  private refMade: RuleRef | undefined;
  private sourcesMade: Known<readonly string[]> | undefined;
  private destinationsMade: Known<readonly string[]> | undefined;

  constructor(readonly rule: SecurityRule) {
    this.priority = rule.priority;
    this.allow = rule.access === 'Allow' || String(rule.access).toLowerCase() === 'allow';
    this.protocols = readProtocol(rule.protocol);
    this.sourcePorts = readPorts(rule.sourcePortRanges, 'source');
    this.destinationPorts = readPorts(rule.destinationPortRanges, 'destination');
    this.membershipUnknown = rule.membershipUnknown;
    if (rule.unresolved !== undefined && rule.unresolved.length > 0) {
      const whole = wholeRuleReason(rule);
      const open = <T>(known: Known<T>, fragments: readonly string[]): Known<T> => {
        const reason = whole ?? openFieldReason(rule, fragments);
        return reason ? { known: false, reason } : known;
      };
      this.protocols = open(this.protocols, ['protocol']);
      this.sourcePorts = open(this.sourcePorts, ['sourceportrange']);
      this.destinationPorts = open(this.destinationPorts, ['destinationportrange']);
      this.sourcesMade = open(this.sources, ['sourceaddressprefix', 'sourceapplicationsecuritygroup']);
      this.destinationsMade = open(this.destinations, ['destinationaddressprefix', 'destinationapplicationsecuritygroup']);
    }
  }

  get ref(): RuleRef {
    const rule = this.rule;
    return (this.refMade ??= { name: rule.name, priority: rule.priority, access: rule.access, isDefault: rule.isDefault, rule });
  }

  /** Prefixes as written; parsed and resolved on first use (most rules never get that far). */
  get sources(): Known<readonly string[]> {
    return (this.sourcesMade ??= readAddresses(this.rule.sourceAddressPrefixes, this.rule.sourceApplicationSecurityGroupIds, 'source'));
  }

  get destinations(): Known<readonly string[]> {
    return (this.destinationsMade ??= readAddresses(this.rule.destinationAddressPrefixes, this.rule.destinationApplicationSecurityGroupIds, 'destination'));
  }
}

export interface CompiledRuleSet {
  Inbound: CompiledRule[];
  Outbound: CompiledRule[];
}

const cache = new WeakMap<readonly SecurityRule[], CompiledRuleSet>();

/** Rules of both directions in evaluation order, with Azure's defaults when a direction has none. */
export function compileRules(rules: readonly SecurityRule[]): CompiledRuleSet {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = { Inbound: compileDirection(rules, 'Inbound'), Outbound: compileDirection(rules, 'Outbound') };
    cache.set(rules, compiled);
  }
  return compiled;
}

function compileDirection(rules: readonly SecurityRule[], direction: Direction): CompiledRule[] {
  const wanted = direction.toLowerCase();
  const own: CompiledRule[] = [];
  let hasDefaults = false;
  for (const rule of rules) {
    if (rule.direction !== direction && String(rule.direction).toLowerCase() !== wanted) continue;
    own.push(new CompiledRule(rule));
    if (rule.isDefault) hasDefaults = true;
  }
  if (!hasDefaults) {
    const nsgId = rules.length > 0 ? nsgIdOfRule(rules[0].id) : '';
    for (const rule of azureDefaultRules(nsgId)) if (rule.direction === direction) own.push(new CompiledRule(rule));
  }
  // Array.prototype.sort is stable: equal priorities keep their listed order.
  return own.sort((a, b) => a.priority - b.priority);
}

const IGNORED_FIELDS = ['name', 'description', 'provisioningstate', 'etag', 'id'];

function openFieldReason(rule: SecurityRule, fragments: readonly string[]): string | undefined {
  const open = (rule.unresolved ?? []).find((u) => fragments.some((f) => u.field.toLowerCase().includes(f)));
  return open ? `${open.field} is not resolved (${open.reason})` : undefined;
}

function wholeRuleReason(rule: SecurityRule): string | undefined {
  const dimensions = ['protocol', 'sourceaddressprefix', 'destinationaddressprefix', 'sourceportrange', 'destinationportrange', 'applicationsecuritygroup'];
  const open = (rule.unresolved ?? []).find((u) => {
    const field = u.field.toLowerCase();
    return !dimensions.some((d) => field.includes(d)) && !IGNORED_FIELDS.some((f) => field.endsWith(f));
  });
  return open ? `${open.field} is not resolved (${open.reason})` : undefined;
}

/** Caches of parsed texts; cleared when full, since templates can write any number of them. */
const MAX_CACHED_TEXTS = 4096;

const protocolCache = new Map<string, Known<number>>();

function readProtocol(protocol: string): Known<number> {
  let known = protocolCache.get(protocol);
  if (!known) {
    const bits = parseProtocol(String(protocol));
    known = bits === undefined ? { known: false, reason: `protocol '${protocol}' is not known` } : { known: true, value: bits };
    if (protocolCache.size < 64) protocolCache.set(protocol, known);
  }
  return known;
}

const ANY_PORT: Known<IntervalSet> = { known: true, value: [0, 65535] };
/** Per side, since the reason of an unreadable range names the side. */
const portCaches = { source: new Map<string, Known<IntervalSet>>(), destination: new Map<string, Known<IntervalSet>>() };

function readPorts(ranges: readonly string[], side: 'source' | 'destination'): Known<IntervalSet> {
  if (ranges.length === 1 && ranges[0] === '*') return ANY_PORT;
  if (ranges.length === 0) return { known: false, reason: `the rule has no ${side} port range` };
  // A NUL cannot occur in a port range, so joined texts never collide.
  const key = ranges.length === 1 ? ranges[0] : ranges.join('\0');
  const cached = portCaches[side];
  let known = cached.get(key);
  if (!known) {
    known = parsePorts(ranges, side);
    if (cached.size >= MAX_CACHED_TEXTS) cached.clear();
    cached.set(key, known);
  }
  return known;
}

function parsePorts(ranges: readonly string[], side: string): Known<IntervalSet> {
  let set: IntervalSet = [];
  for (const text of ranges) {
    const parsed = isUnresolvedText(text) ? undefined : parsePortRange(text);
    if (!parsed) return { known: false, reason: `the ${side} port range ${text} is not resolved` };
    set = union(set, parsed);
  }
  return { known: true, value: set };
}

function readAddresses(prefixes: readonly string[], asgIds: readonly string[], side: string): Known<readonly string[]> {
  if (asgIds.length > 0) {
    const names = asgIds.map((id) => id.split('/').pop() ?? id).join(', ');
    return { known: false, reason: `the ${side} is the application security group ${names}, whose members are not known here` };
  }
  if (prefixes.length === 0) return { known: false, reason: `the rule has no ${side} address prefix` };
  return { known: true, value: prefixes };
}
