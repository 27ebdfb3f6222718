// Readable renderings of address, port and protocol sets.
import { IntervalSet } from './intervals';
import { ALL_PROTOCOLS, MAX_PORT, PROTOCOL_NAMES, formatIPv4 } from './parse';

/** The fewest CIDR blocks that cover exactly the set. */
export function cidrsOf(set: IntervalSet): string[] {
  const out: string[] = [];
  for (let i = 0; i < set.length; i += 2) {
    let lo = set[i];
    const hi = set[i + 1];
    while (lo <= hi) {
      let size = 1;
      while (lo % (size * 2) === 0 && lo + size * 2 - 1 <= hi) size *= 2;
      const bits = 32 - Math.log2(size);
      out.push(bits === 32 ? formatIPv4(lo) : `${formatIPv4(lo)}/${bits}`);
      lo += size;
    }
  }
  return out;
}

export function describePorts(set: IntervalSet): string[] {
  if (set.length === 2 && set[0] === 0 && set[1] === MAX_PORT) return ['*'];
  const out: string[] = [];
  for (let i = 0; i < set.length; i += 2) out.push(set[i] === set[i + 1] ? `${set[i]}` : `${set[i]}-${set[i + 1]}`);
  return out;
}

export function describeProtocols(bits: number): string[] {
  if (bits === ALL_PROTOCOLS) return ['*'];
  return PROTOCOL_NAMES.filter((_, i) => bits & (1 << i));
}
