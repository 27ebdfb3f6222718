// parseCidr() and cidrSubnet() for IPv4, enough to follow templates that carve subnets from a space.
import type { FunctionDefinition } from '../context';
import { TemplateFunctionError } from '../context';
import { arity, integerArg, stringArg } from './args';

function parseIpv4Cidr(text: string): { base: number; length: number } {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const length = match ? Number(match[5]) : -1;
  if (!match || octets.some((o) => o > 255) || length > 32) throw new TemplateFunctionError(`'${text}' is not an IPv4 CIDR`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - length);
  return { base: address - (address % size), length };
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export const CIDR_FUNCTIONS: Record<string, FunctionDefinition> = {
  parsecidr: {
    apply: (args) => {
      arity(args, 1);
      const { base, length } = parseIpv4Cidr(stringArg(args, 0));
      const size = 2 ** (32 - length);
      const broadcast = base + size - 1;
      const netmask = formatIpv4(2 ** 32 - size);
      const usable = length >= 31 ? { first: base, last: broadcast } : { first: base + 1, last: broadcast - 1 };
      return {
        network: formatIpv4(base),
        netmask,
        broadcast: formatIpv4(broadcast),
        firstUsable: formatIpv4(usable.first),
        lastUsable: formatIpv4(usable.last),
        cidr: length,
      };
    },
  },
  cidrsubnet: {
    apply: (args) => {
      arity(args, 3);
      const { base, length } = parseIpv4Cidr(stringArg(args, 0));
      const newLength = integerArg(args, 1);
      const index = integerArg(args, 2);
      if (newLength < length || newLength > 32) throw new TemplateFunctionError(`cannot split a /${length} into /${newLength}`);
      if (index < 0 || index >= 2 ** (newLength - length)) throw new TemplateFunctionError(`subnet index ${index} is out of range`);
      return `${formatIpv4(base + index * 2 ** (32 - newLength))}/${newLength}`;
    },
  },
};
