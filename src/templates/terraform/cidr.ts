// cidrsubnet() for IPv4, as Terraform computes it.
import { Unknown, failure } from './values';

function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function cidrSubnet(prefix: string, newbits: number, netnum: number): string | Unknown {
  const [address, lengthText] = prefix.split('/');
  if (address.includes(':')) return new Unknown('cidrsubnet() on an IPv6 prefix is not evaluated by Bastion Doctor');
  const base = parseIpv4(address);
  const length = Number(lengthText);
  if (base === undefined || !Number.isInteger(length) || length < 0 || length > 32) return failure(`cidrsubnet(): "${prefix}" is not an IPv4 CIDR`);
  const newLength = length + newbits;
  if (!Number.isInteger(newbits) || newbits < 0 || newLength > 32) return failure(`cidrsubnet(): cannot extend /${length} by ${newbits} bits`);
  if (!Number.isInteger(netnum) || netnum < 0 || netnum >= 2 ** newbits) return failure(`cidrsubnet(): network number ${netnum} does not fit in ${newbits} bits`);
  const network = base - (base % 2 ** (32 - length));
  return `${formatIpv4(network + netnum * 2 ** (32 - newLength))}/${newLength}`;
}
