// The evaluation itself: a flow is a set of boxes (source × destination × ports × protocols);
// each rule, in priority order, splits every box still undecided into the part it matches
// (decided by the rule), the part it might match (unknown) and the part that goes on.
import { IntervalSet, intersect, isEmpty, overlaps, subtract, union } from './intervals';
import { ALL_PORTS, parsePortRange, parseProtocol } from './parse';
import { AddressSpace, ResolvedAddress } from './tags';
import { AddressPiece, pieceOf, splitByPrefixes } from './addressPiece';
import type { AddressSide, CompiledRule, Known } from './compile';
import type { FlowQuery, Verdict } from './types';

export interface Box {
  sources: AddressPiece;
  destinations: AddressPiece;
  sourcePorts: IntervalSet;
  destinationPorts: IntervalSet;
  protocols: number;
}

export interface EvaluatedBox {
  box: Box;
  verdict: Verdict;
  /** The rule that decided the box, or could not decide it; undefined when no rule matched at all. */
  rule?: CompiledRule;
  /** Position of `rule` in evaluation order. */
  ruleIndex: number;
  /** Why `rule` could not decide the box (verdict unknown only). */
  reasons: string[];
}

interface BoxSplit {
  matched: Box[];
  rest: Box[];
  unknown: { box: Box; reasons: string[] }[];
}

/** Resolves rules' prefixes in one address space, each rule at most once per space. */
export class RuleResolver {
  constructor(readonly space: AddressSpace) {}

  prefixes(rule: CompiledRule, side: AddressSide): ResolvedAddress[] {
    const terms = rule[side];
    if (!terms.known) return [];
    if (rule.resolvedIn !== this.space || !rule.resolved) {
      rule.resolvedIn = this.space;
      rule.resolved = {};
    }
    return (rule.resolved[side] ??= terms.value.map((text) => this.space.resolveText(text)));
  }
}

export function queryBoxes(query: FlowQuery, space: AddressSpace): Box[] {
  const protocols = parseProtocol(query.protocol);
  if (protocols === undefined) throw new Error(`flow protocol '${query.protocol}' is not one the evaluator knows`);
  let destinationPorts: IntervalSet = [];
  for (const text of query.destinationPorts) destinationPorts = union(destinationPorts, queryPorts(text));
  const sources = query.sources.map((text) => queryPiece(space, text));
  const destinations = query.destinations.map((text) => queryPiece(space, text));
  const boxes: Box[] = [];
  for (const source of sources) {
    for (const destination of destinations) {
      boxes.push({ sources: source, destinations: destination, sourcePorts: ALL_PORTS, destinationPorts, protocols });
    }
  }
  return boxes.filter((box) => !isEmpty(box.destinationPorts));
}

const queryPieces = new WeakMap<AddressSpace, Map<string, AddressPiece>>();

/** A query's address as the piece evaluation starts from, remembered per space; pieces are never modified. */
function queryPiece(space: AddressSpace, text: string): AddressPiece {
  let pieces = queryPieces.get(space);
  if (!pieces) queryPieces.set(space, (pieces = new Map()));
  let piece = pieces.get(text);
  if (!piece) {
    piece = pieceOf(space.resolveText(text), text);
    if (pieces.size >= 1024) pieces.clear();
    pieces.set(text, piece);
  }
  return piece;
}

const queryPortCache = new Map<string, IntervalSet>();

function queryPorts(text: string): IntervalSet {
  let ports = queryPortCache.get(text);
  if (!ports) {
    ports = parsePortRange(text);
    if (!ports) throw new Error(`flow port '${text}' is not a port, a range a-b or '*'`);
    if (queryPortCache.size >= 1024) queryPortCache.clear();
    queryPortCache.set(text, ports);
  }
  return ports;
}

type Candidate = { box: Box; reasons: string[] };

function splitIntervals(candidates: Candidate[], dimension: Known<IntervalSet>, key: 'sourcePorts' | 'destinationPorts', rest: Box[]): Candidate[] {
  if (!dimension.known) return candidates.map((c) => ({ box: c.box, reasons: [...c.reasons, dimension.reason] }));
  const out: Candidate[] = [];
  for (const c of candidates) {
    const inside = intersect(c.box[key], dimension.value);
    if (isEmpty(inside)) {
      rest.push(c.box);
      continue;
    }
    const outside = subtract(c.box[key], dimension.value);
    if (!isEmpty(outside)) rest.push({ ...c.box, [key]: outside });
    out.push({ box: isEmpty(outside) ? c.box : { ...c.box, [key]: inside }, reasons: c.reasons });
  }
  return out;
}

function splitAddresses(candidates: Candidate[], rule: CompiledRule, key: AddressSide, resolver: RuleResolver, rest: Box[]): Candidate[] {
  const dimension = rule[key];
  if (!dimension.known) return candidates.map((c) => ({ box: c.box, reasons: [...c.reasons, dimension.reason] }));
  const prefixes = resolver.prefixes(rule, key);
  const out: Candidate[] = [];
  for (const c of candidates) {
    const split = splitByPrefixes(c.box[key], prefixes);
    for (const piece of split.outside) rest.push({ ...c.box, [key]: piece });
    for (const piece of split.inside) out.push({ box: piece === c.box[key] ? c.box : { ...c.box, [key]: piece }, reasons: c.reasons });
    for (const u of split.unknown) out.push({ box: { ...c.box, [key]: u.piece }, reasons: [...c.reasons, u.reason] });
  }
  return out;
}

/** Cheap rejection: a known dimension that cannot overlap means the rule passes the box whole. */
function cannotMatch(box: Box, rule: CompiledRule): boolean {
  return (rule.protocols.known && (box.protocols & rule.protocols.value) === 0)
    || (rule.destinationPorts.known && !overlaps(box.destinationPorts, rule.destinationPorts.value))
    || (rule.sourcePorts.known && !overlaps(box.sourcePorts, rule.sourcePorts.value));
}

export function splitBox(box: Box, rule: CompiledRule, resolver: RuleResolver): BoxSplit {
  if (cannotMatch(box, rule)) return { matched: [], rest: [box], unknown: [] };
  const rest: Box[] = [];
  let candidates: Candidate[] = [{ box, reasons: [] }];
  const protocols = rule.protocols;
  if (protocols.known) {
    const outside = box.protocols & ~protocols.value;
    if (outside) {
      rest.push({ ...box, protocols: outside });
      candidates = [{ box: { ...box, protocols: box.protocols & protocols.value }, reasons: [] }];
    }
  }
  // Known dimensions first, so a part a known dimension excludes is never called unknown.
  for (const known of [true, false]) {
    if (candidates.length > 0 && rule.destinationPorts.known === known) candidates = splitIntervals(candidates, rule.destinationPorts, 'destinationPorts', rest);
    if (candidates.length > 0 && rule.sourcePorts.known === known) candidates = splitIntervals(candidates, rule.sourcePorts, 'sourcePorts', rest);
    if (candidates.length > 0 && rule.destinations.known === known) candidates = splitAddresses(candidates, rule, 'destinations', resolver, rest);
    if (candidates.length > 0 && rule.sources.known === known) candidates = splitAddresses(candidates, rule, 'sources', resolver, rest);
  }
  if (!protocols.known) candidates = candidates.map((c) => ({ box: c.box, reasons: [...c.reasons, protocols.reason] }));
  const matched: Box[] = [];
  const unknown: BoxSplit['unknown'] = [];
  const membership = rule.membershipUnknown;
  for (const c of candidates) {
    if (membership !== undefined) unknown.push({ box: c.box, reasons: [...c.reasons, membership] });
    else if (c.reasons.length === 0) matched.push(c.box);
    else unknown.push(c);
  }
  return { matched, rest, unknown };
}

/** Runs boxes through rules in order; every box ends decided, unknown, or (no rule left) unknown. */
export function evaluateBoxes(rules: readonly CompiledRule[], boxes: readonly Box[], resolver: RuleResolver): EvaluatedBox[] {
  const results: EvaluatedBox[] = [];
  let pending: Box[] = [...boxes];
  for (let index = 0; index < rules.length && pending.length > 0; index++) {
    const rule = rules[index];
    const next: Box[] = [];
    for (const box of pending) {
      // Most rules of a large NSG are for other ports or protocols: pass the box on as it is.
      if (cannotMatch(box, rule)) {
        next.push(box);
        continue;
      }
      const split = splitBox(box, rule, resolver);
      for (const matched of split.matched) results.push({ box: matched, verdict: rule.allow ? 'allow' : 'deny', rule, ruleIndex: index, reasons: [] });
      for (const u of split.unknown) results.push({ box: u.box, verdict: 'unknown', rule, ruleIndex: index, reasons: u.reasons });
      next.push(...split.rest);
    }
    pending = next;
  }
  for (const box of pending) results.push({ box, verdict: 'unknown', ruleIndex: rules.length, reasons: [] });
  return results;
}

/** Custom Allow rules after the box's rule that certainly match part of it (and are certainly in the NSG). */
export function shadowedAllows(result: EvaluatedBox, rules: readonly CompiledRule[], resolver: RuleResolver): CompiledRule[] {
  const found: CompiledRule[] = [];
  for (let index = result.ruleIndex + 1; index < rules.length; index++) {
    const rule = rules[index];
    if (!rule.allow || rule.rule.isDefault || rule.membershipUnknown !== undefined || cannotMatch(result.box, rule)) continue;
    if (splitBox(result.box, rule, resolver).matched.length > 0) found.push(rule);
  }
  return found;
}
