// One address dimension of a flow part: a concrete set, optionally narrowed to the intersection
// of symbolic tags and with symbolic tags taken out. Splitting a piece by a rule's prefix says
// which of its addresses the prefix covers, which it does not, and which cannot be told.
import { IntervalSet, intersect, isEmpty, isSubset, overlaps, sameSet, subtract, union } from './intervals';
import { ALL_ADDRESSES } from './parse';
import { ResolvedAddress, SymbolicTag, relateTags } from './tags';
import { cidrsOf } from './render';

export interface AddressPiece {
  /** The addresses are in every one of these tags ... */
  tags: readonly SymbolicTag[];
  /** ... and in this set (for a tagged piece, within the tags' envelope) ... */
  set: IntervalSet;
  /** ... and in none of these. */
  without: readonly SymbolicTag[];
  label: PieceLabel;
}

/** How a piece reads: `name ∩ clips... except excepts...`, or its CIDRs when literal. */
export interface PieceLabel {
  name: string;
  /** True when the piece is plain addresses best shown as CIDRs. */
  literal: boolean;
  clips: readonly string[];
  excepts: readonly string[];
}

export interface UndecidedPiece {
  piece: AddressPiece;
  reason: string;
}

export interface AddressSplit {
  inside: AddressPiece[];
  outside: AddressPiece[];
  unknown: UndecidedPiece[];
}

export function pieceOf(resolved: ResolvedAddress, text: string): AddressPiece {
  switch (resolved.kind) {
    case 'concrete':
      return { tags: [], set: resolved.set, without: [], label: { name: resolved.name, literal: resolved.literal, clips: [], excepts: [] } };
    case 'symbolic':
      return { tags: [resolved.tag], set: resolved.tag.envelope, without: [], label: { name: resolved.tag.name, literal: false, clips: [], excepts: [] } };
    case 'unresolved':
      // A query cannot leave its own addresses open; treat the text as an opaque set.
      return { tags: [{ key: text.toLowerCase(), name: text, ancestors: [], family: 'other', envelope: ALL_ADDRESSES, members: [], dense: false }], set: ALL_ADDRESSES, without: [], label: { name: text, literal: false, clips: [], excepts: [] } };
  }
}

export function describePiece(piece: AddressPiece): string {
  const { label } = piece;
  if (label.literal && piece.tags.length === 0) {
    const cidrs = piece.set.length === 2 && piece.set[0] === 0 && piece.set[1] === ALL_ADDRESSES[1] ? ['*'] : cidrsOf(piece.set);
    if (cidrs.length <= 8) {
      const base = cidrs.join(', ');
      return piece.without.length ? `${base} except ${piece.without.map((t) => t.name).join(', ')}` : base;
    }
  }
  const base = [label.name, ...label.clips].join(' ∩ ');
  return label.excepts.length ? `${base} except ${label.excepts.join(', ')}` : base;
}

function narrowed(piece: AddressPiece, set: IntervalSet, clip: string): AddressPiece {
  return { ...piece, set, label: { ...piece.label, clips: piece.label.literal ? piece.label.clips : [...piece.label.clips, clip] } };
}

function trimmed(piece: AddressPiece, set: IntervalSet, cut: string): AddressPiece {
  return { ...piece, set, label: { ...piece.label, excepts: piece.label.literal ? piece.label.excepts : [...piece.label.excepts, cut] } };
}

function withoutTag(piece: AddressPiece, set: IntervalSet, tag: SymbolicTag): AddressPiece {
  return { ...piece, set, without: [...piece.without, tag], label: { ...piece.label, excepts: [...piece.label.excepts, tag.name] } };
}

function intoTag(piece: AddressPiece, set: IntervalSet, tag: SymbolicTag, wholeTag: boolean): AddressPiece {
  const excepts = piece.without.map((t) => t.name);
  if (wholeTag) return { tags: [tag], set, without: piece.without, label: { name: tag.name, literal: false, clips: [], excepts } };
  const tags = [...piece.tags.filter((t) => relateTags(t, tag) !== 'contains'), tag];
  return { tags, set, without: piece.without, label: { name: describePiece({ ...piece, without: [] }), literal: false, clips: [tag.name], excepts } };
}

function unknownOverlap(what: string, tag: SymbolicTag): string {
  const extent = tag.family === 'vnet' ? ' (the virtual network address space was not given)' : '';
  return `overlap of ${what} with the ${tag.name} tag is not known${extent}`;
}

/** Splits a piece by one concrete prefix set of a rule. */
function splitByRanges(piece: AddressPiece, ranges: IntervalSet, text: string, out: AddressSplit): void {
  if (!overlaps(piece.set, ranges)) {
    out.outside.push(piece);
  } else if (isSubset(piece.set, ranges)) {
    out.inside.push(piece);
  } else if (piece.tags.length === 0 || (piece.tags.length === 1 && piece.tags[0].dense)) {
    out.inside.push(narrowed(piece, intersect(piece.set, ranges), text));
    out.outside.push(trimmed(piece, subtract(piece.set, ranges), text));
  } else {
    const tag = piece.tags[piece.tags.length - 1];
    out.unknown.push({ piece: narrowed(piece, intersect(piece.set, ranges), text), reason: unknownOverlap(text, tag) });
    out.outside.push(trimmed(piece, subtract(piece.set, ranges), text));
  }
}

/** Splits a tagged piece by a rule's symbolic tag. */
function splitTaggedByTag(piece: AddressPiece, tag: SymbolicTag, out: AddressSplit): void {
  const relations = piece.tags.map((t) => relateTags(t, tag));
  if (relations.includes('inside')) return void out.inside.push(piece);
  if (relations.includes('disjoint') || !overlaps(piece.set, tag.envelope)) return void out.outside.push(piece);
  const remainder = withoutTag(piece, piece.set, tag);
  if (relations.length === 1 && relations[0] === 'contains' && isSubset(tag.envelope, piece.set)) {
    out.inside.push(intoTag(piece, tag.envelope, tag, true));
  } else {
    const reason = relations.length === 1 && relations[0] === 'contains'
      ? unknownOverlap(describePiece(piece), tag)
      : `overlap of the ${piece.tags.map((t) => t.name).join(' ∩ ')} and ${tag.name} tags is not known`;
    out.unknown.push({ piece: intoTag(piece, intersect(piece.set, tag.envelope), tag, false), reason });
  }
  out.outside.push(remainder);
}

/** Splits a plain-address piece by a rule's symbolic tag. */
function splitPlainByTag(piece: AddressPiece, tag: SymbolicTag, out: AddressSplit): void {
  if (isSubset(tag.envelope, piece.set)) {
    // The piece holds the whole tag: exactly the tag is inside, the rest is the piece except the tag.
    out.inside.push(intoTag(piece, tag.envelope, tag, true));
    const rest = subtract(piece.set, tag.members);
    if (!isEmpty(rest)) out.outside.push(withoutTag(piece, rest, tag));
    return;
  }
  const known = intersect(piece.set, tag.members);
  if (sameSet(known, piece.set)) return void out.inside.push(piece);
  let rest = piece;
  if (!isEmpty(known)) {
    out.inside.push(narrowed(piece, known, tag.name));
    rest = { ...piece, set: subtract(piece.set, tag.members) };
  }
  const open = subtract(tag.envelope, tag.members);
  if (!overlaps(rest.set, open)) return void out.outside.push(rest);
  const what = describePiece({ ...rest, without: [] });
  out.unknown.push({ piece: intoTag(rest, intersect(rest.set, open), tag, false), reason: unknownOverlap(what, tag) });
  out.outside.push(withoutTag(rest, rest.set, tag));
}

/**
 * `piece` and `whole` rejoined when `piece` is "P except T" and `whole` is the tag T that was
 * split off it; undefined otherwise.
 */
export function rejoined(piece: AddressPiece, whole: AddressPiece): AddressPiece | undefined {
  const last = piece.without[piece.without.length - 1];
  if (!last || whole.tags.length !== 1 || whole.tags[0].key !== last.key) return undefined;
  if (whole.without.length !== piece.without.length - 1 || whole.without.some((t, i) => t.key !== piece.without[i].key)) return undefined;
  const set = union(piece.set, whole.set);
  if (!isSubset(last.envelope, set)) return undefined;
  return { ...piece, set, without: piece.without.slice(0, -1), label: { ...piece.label, excepts: piece.label.excepts.slice(0, -1) } };
}

/** Splits a piece by one address prefix of a rule; appends to `out`. */
export function splitPiece(piece: AddressPiece, rule: ResolvedAddress, out: AddressSplit): void {
  if (rule.kind === 'unresolved') {
    out.unknown.push({ piece, reason: `the prefix ${rule.text} is not resolved` });
  } else if (rule.kind === 'concrete') {
    splitByRanges(piece, rule.set, rule.name, out);
  } else if (piece.without.some((t) => relateTags(rule.tag, t) === 'inside')) {
    out.outside.push(piece);
  } else if (piece.tags.length > 0) {
    splitTaggedByTag(piece, rule.tag, out);
  } else {
    splitPlainByTag(piece, rule.tag, out);
  }
}

/** Splits a piece by all of a rule's prefixes (their union). */
export function splitByPrefixes(piece: AddressPiece, prefixes: readonly ResolvedAddress[]): AddressSplit {
  const result: AddressSplit = { inside: [], outside: [], unknown: [] };
  let remaining = [piece];
  for (const prefix of prefixes) {
    const step: AddressSplit = { inside: result.inside, outside: [], unknown: result.unknown };
    for (const rest of remaining) splitPiece(rest, prefix, step);
    remaining = step.outside;
    if (remaining.length === 0) break;
  }
  result.outside = remaining;
  return result;
}

/** Whether an address is in the piece, given which tags hold it (for tests and references). */
export function pieceHolds(piece: AddressPiece, address: number, inTag: (tag: SymbolicTag, address: number) => boolean): boolean {
  return isSubset([address, address], piece.set) && piece.tags.every((t) => inTag(t, address)) && !piece.without.some((t) => inTag(t, address));
}
