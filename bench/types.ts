// One row of the benchmark table printed by `npm run bench`.
export interface BenchRow {
  benchmark: string;
  input: string;
  /** The measured value, formatted with its unit (e.g. "1.84 ms"). */
  result: string;
  /** The target it is held to, or "" when the row is informational. */
  target: string;
  /** "ok" / "over" against the target, or "" when there is none. */
  verdict: 'ok' | 'over' | '';
}

/** Median of several runs of fn, in milliseconds; the first `warmup` runs are discarded. */
export function medianMs(fn: () => void, runs = 15, warmup = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const start = process.hrtime.bigint();
    fn();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= warmup) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}
