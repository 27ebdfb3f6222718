// Finds explicit public source ranges that stand in for `Internet` on the inbound 443 rule
// (Microsoft allows "Internet or specific public IPs").
import type { SecurityRule } from '../model';
import { blocksOverlap, parseIpv4Prefix, type Ipv4Block } from './cidr';

const NON_PUBLIC: readonly Ipv4Block[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '168.63.129.16/32']
  .map((prefix) => parseIpv4Prefix(prefix) as Ipv4Block);

export function isPublicIpv4Prefix(prefix: string): boolean {
  const block = parseIpv4Prefix(prefix);
  return block !== undefined && block.length > 0 && !NON_PUBLIC.some((range) => blocksOverlap(range, block));
}

function portRangeCovers(range: string, port: number): boolean {
  if (range.trim() === '*') return true;
  const [low, high] = range.split('-').map((p) => Number(p.trim()));
  return port >= low && port <= (high ?? low);
}

function isTcpCapable(protocol: string): boolean {
  return ['tcp', '*', 'all'].includes(protocol.toLowerCase());
}

/**
 * CIDR sources of custom inbound allows on TCP 443: public ones, or any (private client ranges)
 * when the host is private-only.
 */
export function explicitHttpsSources(rules: readonly SecurityRule[], includePrivate: boolean): string[] {
  const sources = new Set<string>();
  for (const rule of rules) {
    if (rule.isDefault || rule.direction !== 'Inbound' || rule.access !== 'Allow' || !isTcpCapable(rule.protocol)) continue;
    if (!rule.destinationPortRanges.some((range) => portRangeCovers(range, 443))) continue;
    for (const prefix of rule.sourceAddressPrefixes) {
      if (parseIpv4Prefix(prefix) && (includePrivate || isPublicIpv4Prefix(prefix))) sources.add(prefix.trim());
    }
  }
  return [...sources];
}
