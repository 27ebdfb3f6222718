// From evaluated boxes to the FlowParts people read: boxes with the same verdict, rule and
// shadowed allows are merged whenever they differ in one dimension only.
import { IntervalSet, sameSet, union } from './intervals';
import { AddressPiece, describePiece, rejoined } from './addressPiece';
import { describePorts, describeProtocols } from './render';
import { EvaluatedBox, RuleResolver, shadowedAllows } from './evaluate';
import type { CompiledRule } from './compile';
import type { FlowEvaluation, FlowPart, Verdict } from './types';

interface Shape {
  sources: AddressPiece[];
  destinations: AddressPiece[];
  sourcePorts: IntervalSet;
  destinationPorts: IntervalSet;
  protocols: number;
}

interface Group {
  result: EvaluatedBox;
  shadowed: CompiledRule[];
  shapes: Shape[];
}

/** Merging compares every pair of a group; past this size the parts are left as they are. */
const MAX_MERGE_GROUP = 64;

export function combineVerdicts(verdicts: readonly Verdict[]): FlowEvaluation['verdict'] {
  if (verdicts.includes('unknown')) return 'unknown';
  const allows = verdicts.filter((v) => v === 'allow').length;
  if (allows === verdicts.length) return 'allow';
  return allows === 0 ? 'deny' : 'partial';
}

export function toFlowEvaluation(results: readonly EvaluatedBox[], rules: readonly CompiledRule[], resolver: RuleResolver): FlowEvaluation {
  const groups = new Map<string, Group>();
  for (const result of results) {
    const shadowed = result.verdict === 'allow' ? [] : shadowedAllows(result, rules, resolver);
    const key = [result.verdict, result.ruleIndex, result.reasons.join('|'), shadowed.map((r) => r.ref.priority).join(',')].join('#');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { result, shadowed, shapes: [] }));
    const { box } = result;
    group.shapes.push({ sources: [box.sources], destinations: [box.destinations], sourcePorts: box.sourcePorts, destinationPorts: box.destinationPorts, protocols: box.protocols });
  }
  const parts: FlowPart[] = [];
  for (const group of groups.values()) {
    const shapes = group.shapes.length <= MAX_MERGE_GROUP ? mergeShapes(group.shapes) : group.shapes;
    for (const shape of shapes) parts.push(toPart(shape, group));
  }
  return { verdict: combineVerdicts(parts.map((p) => p.verdict)), parts };
}

function toPart(shape: Shape, group: Group): FlowPart {
  const { result } = group;
  const part: FlowPart = {
    sources: shape.sources.map(describePiece),
    destinations: shape.destinations.map(describePiece),
    destinationPorts: describePorts(shape.destinationPorts),
    protocols: describeProtocols(shape.protocols),
    verdict: result.verdict,
    shadowedAllows: group.shadowed.map((r) => r.ref),
  };
  const sourcePorts = describePorts(shape.sourcePorts);
  if (sourcePorts[0] !== '*') part.sourcePorts = sourcePorts;
  if (result.rule) part.decidedBy = result.rule.ref;
  if (result.verdict === 'unknown') part.undecided = result.rule ? [{ rule: result.rule.ref, reason: result.reasons.join('; ') }] : [];
  return part;
}

function sameAddresses(a: AddressPiece[], b: AddressPiece[]): boolean {
  if (a.length !== b.length) return false;
  const texts = new Set(a.map(describePiece));
  return b.every((piece) => texts.has(describePiece(piece)));
}

function isPlain(piece: AddressPiece): boolean {
  return piece.label.literal && piece.tags.length === 0 && piece.without.length === 0;
}

function joinAddresses(a: AddressPiece[], b: AddressPiece[]): AddressPiece[] {
  const out = [...a];
  for (const piece of b) {
    const rejoinedAt = out.findIndex((p) => rejoined(p, piece) ?? rejoined(piece, p));
    if (rejoinedAt >= 0) {
      out[rejoinedAt] = rejoined(out[rejoinedAt], piece) ?? (rejoined(piece, out[rejoinedAt]) as AddressPiece);
      continue;
    }
    const plainIndex = isPlain(piece) ? out.findIndex(isPlain) : -1;
    if (plainIndex >= 0) {
      out[plainIndex] = { ...out[plainIndex], set: union(out[plainIndex].set, piece.set) };
    } else if (!out.some((p) => describePiece(p) === describePiece(piece))) {
      out.push(piece);
    }
  }
  return out;
}

/** The union of two shapes when it is again a product (they differ in at most one dimension). */
function merged(a: Shape, b: Shape): Shape | undefined {
  const sameSources = sameAddresses(a.sources, b.sources);
  const sameDestinations = sameAddresses(a.destinations, b.destinations);
  const sameSourcePorts = sameSet(a.sourcePorts, b.sourcePorts);
  const sameDestinationPorts = sameSet(a.destinationPorts, b.destinationPorts);
  const sameProtocols = a.protocols === b.protocols;
  const differing = [sameSources, sameDestinations, sameSourcePorts, sameDestinationPorts, sameProtocols].filter((same) => !same).length;
  if (differing > 1) return undefined;
  return {
    sources: sameSources ? a.sources : joinAddresses(a.sources, b.sources),
    destinations: sameDestinations ? a.destinations : joinAddresses(a.destinations, b.destinations),
    sourcePorts: union(a.sourcePorts, b.sourcePorts),
    destinationPorts: union(a.destinationPorts, b.destinationPorts),
    protocols: a.protocols | b.protocols,
  };
}

function mergeShapes(shapes: readonly Shape[]): Shape[] {
  const out = [...shapes];
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < out.length && !changed; i++) {
      for (let j = i + 1; j < out.length && !changed; j++) {
        const joined = merged(out[i], out[j]);
        if (joined) {
          out[i] = joined;
          out.splice(j, 1);
          changed = true;
        }
      }
    }
  }
  return out;
}
