// Sets of non-negative integers (IPv4 addresses, ports) as sorted, disjoint, inclusive ranges
// flattened into one array: [lo0, hi0, lo1, hi1, ...]. Adjacent ranges are always joined, so
// two equal sets have equal arrays.

export type IntervalSet = readonly number[];

export const EMPTY: IntervalSet = [];

export function range(lo: number, hi: number): IntervalSet {
  return lo <= hi ? [lo, hi] : EMPTY;
}

export function isEmpty(set: IntervalSet): boolean {
  return set.length === 0;
}

export function sameSet(a: IntervalSet, b: IntervalSet): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function has(set: IntervalSet, value: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (value < set[i]) return false;
    if (value <= set[i + 1]) return true;
  }
  return false;
}

function pushJoined(out: number[], lo: number, hi: number): void {
  const n = out.length;
  if (n > 0 && out[n - 1] + 1 >= lo) {
    if (hi > out[n - 1]) out[n - 1] = hi;
  } else {
    out.push(lo, hi);
  }
}

/** Normalizes ranges in any order, overlapping or adjacent. */
export function fromRanges(ranges: readonly (readonly [number, number])[]): IntervalSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [lo, hi] of sorted) pushJoined(out, lo, hi);
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      pushJoined(out, a[i], a[i + 1]);
      i += 2;
    } else {
      pushJoined(out, b[j], b[j + 1]);
      j += 2;
    }
  }
  return out;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return EMPTY;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

export function overlaps(a: IntervalSet, b: IntervalSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (Math.max(a[i], b[j]) <= Math.min(a[i + 1], b[j + 1])) return true;
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return false;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i];
    const hi = a[i + 1];
    while (j < b.length && b[j + 1] < lo) j += 2;
    let k = j;
    while (k < b.length && b[k] <= hi) {
      if (b[k] > lo) out.push(lo, b[k] - 1);
      lo = Math.max(lo, b[k + 1] + 1);
      if (lo > hi) break;
      k += 2;
    }
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}

/** True when every element of `inner` is in `outer`. */
export function isSubset(inner: IntervalSet, outer: IntervalSet): boolean {
  return subtract(inner, outer).length === 0;
}
