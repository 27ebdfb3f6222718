// A brute-force, per-packet NSG evaluator over a small concrete universe, written independently
// of the real one: the oracle for the property tests.
import type { SecurityRule } from '../../../src/core/model';
import type { FlowQuery } from '../../../src/core/nsg/types';

export interface Packet {
  source: number;
  destination: number;
  sourcePort: number;
  destinationPort: number;
  /** Bit index into Tcp, Udp, Icmp, Esp, Ah, Other. */
  protocol: number;
}

/** Which addresses each tag holds in this test world (lower-case tag names). */
export type TagModel = (tag: string, address: number) => boolean;

export const PROTOCOLS = ['tcp', 'udp', 'icmp', 'esp', 'ah', 'other'];

export function ip(text: string): number {
  return text.split('.').reduce((value, octet) => value * 256 + Number(octet), 0);
}

function inCidr(address: number, text: string): boolean | undefined {
  const match = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const size = 2 ** (32 - Number(match[2] ?? 32));
  const start = Math.floor(ip(match[1]) / size) * size;
  return address >= start && address < start + size;
}

export function addressMatches(text: string, address: number, tags: TagModel): boolean {
  if (text.trim() === '*') return true;
  return inCidr(address, text) ?? tags(text.trim().toLowerCase(), address);
}

export function portMatches(text: string, port: number): boolean {
  if (text.trim() === '*') return true;
  const [lo, hi] = text.split('-').map((p) => Number(p.trim()));
  return port >= lo && port <= (hi ?? lo);
}

export function protocolMatches(text: string, protocol: number): boolean {
  const key = text.toLowerCase();
  return key === '*' || key === 'all' || key === PROTOCOLS[protocol];
}

export function ruleMatches(rule: SecurityRule, p: Packet, tags: TagModel): boolean {
  return protocolMatches(rule.protocol, p.protocol)
    && rule.sourceAddressPrefixes.some((a) => addressMatches(a, p.source, tags))
    && rule.destinationAddressPrefixes.some((a) => addressMatches(a, p.destination, tags))
    && rule.sourcePortRanges.some((r) => portMatches(r, p.sourcePort))
    && rule.destinationPortRanges.some((r) => portMatches(r, p.destinationPort));
}

/** The rules of one direction in evaluation order: by priority, ties in listed order. */
export function referenceOrder(rules: readonly SecurityRule[], direction: string): SecurityRule[] {
  return rules.filter((r) => r.direction === direction).map((r, i) => ({ r, i })).sort((a, b) => a.r.priority - b.r.priority || a.i - b.i).map(({ r }) => r);
}

/** The deciding rule for one packet: the first rule in order that matches it. */
export function referenceDecision(ordered: readonly SecurityRule[], p: Packet, tags: TagModel): SecurityRule | undefined {
  return ordered.find((r) => ruleMatches(r, p, tags));
}

/** How many (source item, destination item) pairs of the query hold the packet. */
export function queryMultiplicity(query: FlowQuery, p: Packet, tags: TagModel): number {
  const protocolOk = protocolMatches(query.protocol, p.protocol);
  const portOk = query.destinationPorts.some((r) => portMatches(r, p.destinationPort));
  if (!protocolOk || !portOk) return 0;
  const sources = query.sources.filter((s) => addressMatches(s, p.source, tags)).length;
  const destinations = query.destinations.filter((d) => addressMatches(d, p.destination, tags)).length;
  return sources * destinations;
}

/**
 * The same decision, tabulated: a rule's match is a conjunction of per-dimension tests, so each
 * rule is tested once per address, port and protocol of the universe.
 */
export function tabulatedReference(
  ordered: readonly SecurityRule[],
  universe: { addresses: number[]; sourcePorts: number[]; destinationPorts: number[] },
  tags: TagModel,
): (p: Packet) => SecurityRule | undefined {
  const tables = ordered.map((r) => ({
    rule: r,
    sources: new Set(universe.addresses.filter((a) => r.sourceAddressPrefixes.some((x) => addressMatches(x, a, tags)))),
    destinations: new Set(universe.addresses.filter((a) => r.destinationAddressPrefixes.some((x) => addressMatches(x, a, tags)))),
    sourcePorts: new Set(universe.sourcePorts.filter((port) => r.sourcePortRanges.some((x) => portMatches(x, port)))),
    destinationPorts: new Set(universe.destinationPorts.filter((port) => r.destinationPortRanges.some((x) => portMatches(x, port)))),
    protocols: new Set(PROTOCOLS.map((_, i) => i).filter((i) => protocolMatches(r.protocol, i))),
  }));
  return (p) => tables.find((t) => t.protocols.has(p.protocol) && t.sources.has(p.source) && t.destinations.has(p.destination) && t.sourcePorts.has(p.sourcePort) && t.destinationPorts.has(p.destinationPort))?.rule;
}

/** queryMultiplicity, tabulated the same way. */
export function tabulatedMultiplicity(query: FlowQuery, universe: { addresses: number[]; destinationPorts: number[] }, tags: TagModel): (p: Packet) => number {
  const sources = new Map(universe.addresses.map((a) => [a, query.sources.filter((s) => addressMatches(s, a, tags)).length]));
  const destinations = new Map(universe.addresses.map((a) => [a, query.destinations.filter((d) => addressMatches(d, a, tags)).length]));
  const ports = new Set(universe.destinationPorts.filter((port) => query.destinationPorts.some((r) => portMatches(r, port))));
  const protocols = new Set(PROTOCOLS.map((_, i) => i).filter((i) => protocolMatches(query.protocol, i)));
  return (p) => (ports.has(p.destinationPort) && protocols.has(p.protocol) ? (sources.get(p.source) ?? 0) * (destinations.get(p.destination) ?? 0) : 0);
}
