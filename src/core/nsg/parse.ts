// Parsing of the strings NSG rules and flow queries are written in: IPv4 prefixes, service tags,
// port ranges and protocols. Anything a template left unresolved parses as 'unresolved'.
import { EMPTY, IntervalSet, range } from './intervals';

export const MAX_IPV4 = 0xffffffff;
export const MAX_PORT = 65535;
export const ALL_ADDRESSES: IntervalSet = [0, MAX_IPV4];
export const ALL_PORTS: IntervalSet = [0, MAX_PORT];

export type AddressTerm =
  | { kind: 'ranges'; set: IntervalSet; text: string }
  | { kind: 'tag'; key: string; name: string; text: string }
  | { kind: 'unresolved'; text: string };

const KNOWN_TAG_NAMES = ['Internet', 'VirtualNetwork', 'AzureLoadBalancer', 'AzureCloud', 'GatewayManager'];
const KNOWN_TAGS = new Map(KNOWN_TAG_NAMES.map((name) => [name.toLowerCase(), name]));

/** ARM expressions ('[parameters(...)]'), Bicep/Terraform interpolation, or an empty value. */
export function isUnresolvedText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || (trimmed.startsWith('[') && trimmed.endsWith(']')) || trimmed.includes('${');
}

export function parseIPv4(text: string): number | undefined {
  // Hand-rolled: rule sets with thousands of prefixes are parsed on every evaluation of a new list.
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      octet = octet * 10 + (code - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else if (code === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  return dots === 3 && digits > 0 ? value * 256 + octet : undefined;
}

export function formatIPv4(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

/** '10.0.0.0/24' or '10.0.0.5' as an address range; host bits of a prefix are ignored, as Azure does. */
export function parseCidr(text: string): IntervalSet | undefined {
  const slash = text.indexOf('/');
  const base = parseIPv4(slash < 0 ? text : text.slice(0, slash));
  if (base === undefined) return undefined;
  if (slash < 0) return [base, base];
  const bitsText = text.slice(slash + 1);
  if (!/^\d{1,2}$/.test(bitsText) || Number(bitsText) > 32) return undefined;
  const size = 2 ** (32 - Number(bitsText));
  const start = base - (base % size);
  return [start, start + size - 1];
}

/** Parses one address prefix as a rule or query writes it. */
export function parseAddress(text: string): AddressTerm {
  const trimmed = text.trim();
  if (trimmed === '*') return { kind: 'ranges', set: ALL_ADDRESSES, text: '*' };
  const cidr = parseCidr(trimmed);
  if (cidr) return { kind: 'ranges', set: cidr, text: trimmed };
  if (isUnresolvedText(trimmed)) return { kind: 'unresolved', text };
  // IPv6 prefixes match nothing in the IPv4 space the evaluated flows live in.
  if (trimmed.includes(':') && /^[0-9a-fA-F:./]+$/.test(trimmed)) return { kind: 'ranges', set: EMPTY, text: trimmed };
  if (!/^[A-Za-z][\w.-]*$/.test(trimmed)) return { kind: 'unresolved', text };
  const key = trimmed.toLowerCase();
  const known = KNOWN_TAGS.get(key);
  if (known) return { kind: 'tag', key, name: known, text: trimmed };
  if (key.startsWith('azurecloud.')) return { kind: 'tag', key, name: 'AzureCloud' + trimmed.slice('AzureCloud'.length), text: trimmed };
  return { kind: 'tag', key, name: trimmed, text: trimmed };
}

/** '443', '8080-8090', '*'; the effective-rules API's '3389-3389' too. Undefined when not a port range. */
export function parsePortRange(text: string): IntervalSet | undefined {
  const trimmed = text.trim();
  if (trimmed === '*') return ALL_PORTS;
  const single = /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : -1;
  if (single >= 0) return single <= MAX_PORT ? [single, single] : undefined;
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(trimmed);
  if (!match) return undefined;
  const lo = Number(match[1]);
  const hi = match[2] === undefined ? lo : Number(match[2]);
  if (hi > MAX_PORT || lo > hi) return undefined;
  return range(lo, hi);
}

/** Protocols as bits, so a set of them is a number. 'Other' stands for every IP protocol not named. */
export const PROTOCOL_NAMES = ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', 'Other'] as const;
export const ALL_PROTOCOLS = (1 << PROTOCOL_NAMES.length) - 1;

/** A rule's or query's protocol as a bit set; undefined when it names no known protocol. */
export function parseProtocol(text: string): number | undefined {
  const key = text.trim().toLowerCase();
  if (key === '*' || key === 'all' || key === 'any') return ALL_PROTOCOLS;
  const index = PROTOCOL_NAMES.findIndex((name) => name.toLowerCase() === key && name !== 'Other');
  return index < 0 ? undefined : 1 << index;
}
