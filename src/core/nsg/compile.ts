// Rules parsed once per rules array: ports and protocols as sets, prefixes as terms that each
// evaluation resolves against its own context, and every part that cannot be read marked open.
import type { Direction, SecurityRule } from '../model';
import { IntervalSet, union } from './intervals';
import { isUnresolvedText, parsePortRange, parseProtocol } from './parse';
import { azureDefaultRules, nsgIdOfRule } from './defaults';
import type { RuleRef } from './types';

/** A dimension of a rule that is known, or the reason it is not. */
export type Known<T> = { known: true; value: T } | { known: false; reason: string };

export interface CompiledRule {
  ref: RuleRef;
  allow: boolean;
  protocols: Known<number>;
  sourcePorts: Known<IntervalSet>;
  destinationPorts: Known<IntervalSet>;
  /** Prefixes as written; parsed and resolved on first use (most rules never get that far). */
  sources: Known<readonly string[]>;
  destinations: Known<readonly string[]>;
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
  const own = rules.filter((rule) => String(rule.direction).toLowerCase() === wanted);
  if (!own.some((rule) => rule.isDefault)) {
    const nsgId = rules.length > 0 ? nsgIdOfRule(rules[0].id) : '';
    own.push(...azureDefaultRules(nsgId).filter((rule) => rule.direction === direction));
  }
  // Array.prototype.sort is stable: equal priorities keep their listed order.
  return own.map(compileRule).sort((a, b) => a.ref.priority - b.ref.priority);
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

const compiledRules = new WeakMap<SecurityRule, CompiledRule>();

/** One rule, parsed once per rule object (rule lists are often rebuilt, rules rarely). */
export function compileRule(rule: SecurityRule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    compiled = rule.unresolved !== undefined && rule.unresolved.length > 0 ? compileOpenRule(rule) : compileClosedRule(rule);
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

function refOf(rule: SecurityRule): RuleRef {
  return { name: rule.name, priority: rule.priority, access: rule.access, isDefault: rule.isDefault, rule };
}

function compileClosedRule(rule: SecurityRule): CompiledRule {
  return {
    ref: refOf(rule),
    allow: String(rule.access).toLowerCase() === 'allow',
    protocols: readProtocol(rule.protocol),
    sourcePorts: readPorts(rule.sourcePortRanges, 'source'),
    destinationPorts: readPorts(rule.destinationPortRanges, 'destination'),
    sources: readAddresses(rule.sourceAddressPrefixes, rule.sourceApplicationSecurityGroupIds, 'source'),
    destinations: readAddresses(rule.destinationAddressPrefixes, rule.destinationApplicationSecurityGroupIds, 'destination'),
  };
}

/** A rule a template source could not fully resolve: the open fields become unknown dimensions. */
function compileOpenRule(rule: SecurityRule): CompiledRule {
  const closed = compileClosedRule(rule);
  const whole = wholeRuleReason(rule);
  const open = <T>(known: Known<T>, fragments: readonly string[]): Known<T> => {
    const reason = whole ?? openFieldReason(rule, fragments);
    return reason ? { known: false, reason } : known;
  };
  return {
    ...closed,
    protocols: open(closed.protocols, ['protocol']),
    sourcePorts: open(closed.sourcePorts, ['sourceportrange']),
    destinationPorts: open(closed.destinationPorts, ['destinationportrange']),
    sources: open(closed.sources, ['sourceaddressprefix', 'sourceapplicationsecuritygroup']),
    destinations: open(closed.destinations, ['destinationaddressprefix', 'destinationapplicationsecuritygroup']),
  };
}

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

function readPorts(ranges: readonly string[], side: string): Known<IntervalSet> {
  if (ranges.length === 1 && ranges[0] === '*') return ANY_PORT;
  if (ranges.length === 0) return { known: false, reason: `the rule has no ${side} port range` };
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
