// Just enough IPv4 prefix arithmetic for the subnet checks (sizes, free /26 blocks).

export interface Ipv4Block {
  /** First address as an unsigned 32-bit number. */
  start: number;
  length: number;
}

export function parseIpv4(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Parses `a.b.c.d/n` (or a bare address as /32) and aligns the start to the prefix. */
export function parseIpv4Prefix(text: string): Ipv4Block | undefined {
  const [address, lengthText] = text.trim().split('/');
  const start = parseIpv4(address);
  const length = lengthText === undefined ? 32 : Number(lengthText);
  if (start === undefined || !Number.isInteger(length) || length < 0 || length > 32) return undefined;
  const size = blockSize(length);
  return { start: Math.floor(start / size) * size, length };
}

export function blockSize(length: number): number {
  return 2 ** (32 - length);
}

export function formatIpv4Block(block: Ipv4Block): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(block.start / 2 ** shift) % 256);
  return `${octets.join('.')}/${block.length}`;
}

export function blocksOverlap(a: Ipv4Block, b: Ipv4Block): boolean {
  const aEnd = a.start + blockSize(a.length);
  const bEnd = b.start + blockSize(b.length);
  return a.start < bEnd && b.start < aEnd;
}

/** The aligned block of the given length that contains `block` (for growing a /27 into its /26). */
export function enclosingBlock(block: Ipv4Block, length: number): Ipv4Block {
  const size = blockSize(length);
  return { start: Math.floor(block.start / size) * size, length };
}

/**
 * The first aligned block of `length` inside one of `spaces` that overlaps none of `taken`,
 * preferring `preferred` (e.g. the /26 around the current /27) when it qualifies.
 */
export function findFreeBlock(
  spaces: readonly Ipv4Block[],
  taken: readonly Ipv4Block[],
  length: number,
  preferred?: Ipv4Block,
): Ipv4Block | undefined {
  const fits = (candidate: Ipv4Block): boolean =>
    spaces.some((space) => space.length <= length && candidate.start >= space.start &&
      candidate.start + blockSize(length) <= space.start + blockSize(space.length)) &&
    !taken.some((used) => blocksOverlap(candidate, used));
  if (preferred && fits(preferred)) return preferred;
  const size = blockSize(length);
  for (const space of spaces) {
    if (space.length > length) continue;
    for (let start = space.start; start < space.start + blockSize(space.length); start += size) {
      const candidate = { start, length };
      if (fits(candidate)) return candidate;
    }
  }
  return undefined;
}
