// Runs every bench/*.bench.ts (each default-exports an async function returning BenchRow[])
// and prints one table. Benchmarks are measurements, never pass/fail tests.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv[2];
const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const rows = [];
for (const file of files) {
  // Each bench runs in its own process so one's warm caches and heap do not skew another.
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'scripts/bench-one.mjs'), join(root, 'bench', file)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    rows.push({ benchmark: file, input: '-', result: 'FAILED: ' + (child.stderr || '').trim().split('\n').slice(-1)[0], target: '', verdict: '' });
    continue;
  }
  rows.push(...JSON.parse(child.stdout.trim().split('\n').pop()));
}
const headers = ['benchmark', 'input', 'result', 'target', 'verdict'];
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
console.log(line(headers));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of rows) console.log(line(headers.map((h) => row[h])));
