// Loaded by the VS Code extension host as extensionTestsPath (after esbuild turns it into
// JavaScript): runs every bundled *.test.js next to it with mocha and reports the counts, both
// to the log the runner reads from the browser and to a results file when the runner names one.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULT_MARKER = 'BASTION_DOCTOR_E2E_RESULT';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  // BASTION_DOCTOR_E2E_GREP narrows a local run to matching tests (the runner passes it through).
  if (process.env.BASTION_DOCTOR_E2E_GREP) mocha.grep(process.env.BASTION_DOCTOR_E2E_GREP);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const counts = await new Promise<{ passed: number; failed: number; skipped: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, skipped: runner.stats?.pending ?? 0 }));
  });
  const line = `${RESULT_MARKER} ${JSON.stringify(counts)}`;
  console.log(line);
  const resultsFile = process.env.BASTION_DOCTOR_E2E_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(counts));
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed`);
}
