// A full `bastion-doctor diagnose --demo` in-process: map the demo's ARM JSON, diagnose every
// host and VM, render the text report.
import { formatText } from '../src/cli/format/text';
import { demoTopology } from '../src/core/demo';
import { diagnose } from '../src/core/diagnose';
import { formatMs, medianMs, type BenchRow } from './types';

/** A CLI run should feel instant; the whole pipeline gets a small slice of that. */
const TARGET_MS = 50;

export default async function run(): Promise<BenchRow[]> {
  const ms = medianMs(() => {
    formatText(diagnose(demoTopology()), { color: false });
  });
  return [
    {
      benchmark: 'diagnose --demo (map + diagnose + text)',
      input: 'demo: 2 hosts, 4 VNets, 7 VMs',
      result: formatMs(ms),
      target: `< ${TARGET_MS} ms`,
      verdict: ms < TARGET_MS ? 'ok' : 'over',
    },
  ];
}
