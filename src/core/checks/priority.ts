// Picks priorities and names for security rules a fix adds, so they neither collide nor land
// behind the deny they must beat.
import type { Direction, SecurityRule } from '../model';

export const MIN_PRIORITY = 100;
export const MAX_PRIORITY = 4096;

/**
 * `count` free priorities for new rules in `direction`, ascending, or undefined when there is no
 * room. Free means no custom rule of that direction (in `existing`, or in `reserved` for rules
 * other fixes already claimed) uses it. With `before`, every priority is lower than it and the
 * picks sit as close below it as possible (so the new rules change the order of nothing else);
 * without it they follow the last custom rule. Round numbers first: multiples of 100, then 10, then 1.
 */
export function choosePriorities(
  existing: readonly SecurityRule[],
  direction: Direction,
  count: number,
  before?: number,
  reserved: ReadonlySet<number> = new Set(),
): number[] | undefined {
  const used = new Set(reserved);
  for (const rule of existing) if (!rule.isDefault && rule.direction === direction) used.add(rule.priority);
  const upper = Math.min(MAX_PRIORITY, (before ?? MAX_PRIORITY + 1) - 1);
  if (count <= 0) return [];
  if (upper < MIN_PRIORITY) return undefined;
  const lastUsed = Math.max(MIN_PRIORITY - 1, ...[...used].filter((p) => p <= upper));
  for (const step of [100, 10, 1]) {
    const free: number[] = [];
    for (let p = Math.ceil(MIN_PRIORITY / step) * step; p <= upper; p += step) if (!used.has(p)) free.push(p);
    if (free.length < count) continue;
    if (before !== undefined) return free.slice(-count);
    const afterLast = free.filter((p) => p > lastUsed);
    return afterLast.length >= count ? afterLast.slice(0, count) : free.slice(-count);
  }
  return undefined;
}

/** `preferred`, or `preferred-2`, `-3`... when a rule (or an earlier pick) already has that name. */
export function uniqueRuleName(preferred: string, existing: readonly SecurityRule[], reserved: ReadonlySet<string> = new Set()): string {
  const taken = new Set([...existing.map((rule) => rule.name.toLowerCase()), ...[...reserved].map((n) => n.toLowerCase())]);
  if (!taken.has(preferred.toLowerCase())) return preferred;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${preferred}-${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A free priority after `after` for moving a rule later (a deny behind a new allow). It prefers a
 * slot before the next custom rule, so the move changes the order of nothing else; only when
 * there is none does it take the first free slot further on.
 */
export function freePriorityAfter(existing: readonly SecurityRule[], direction: Direction, after: number, reserved: ReadonlySet<number> = new Set()): number | undefined {
  const used = new Set(reserved);
  for (const rule of existing) if (!rule.isDefault && rule.direction === direction) used.add(rule.priority);
  const nextUsed = Math.min(MAX_PRIORITY + 1, ...[...used].filter((p) => p > after));
  for (const step of [100, 10, 1]) {
    for (let p = Math.floor(after / step) * step + step; p < nextUsed; p += step) if (!used.has(p)) return p;
  }
  for (let p = after + 1; p <= MAX_PRIORITY; p += 1) if (!used.has(p)) return p;
  return undefined;
}
