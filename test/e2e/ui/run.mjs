// Runs the UI suite: packages the extension (`npm run package`), then runs ui.test.ts (node:test +
// playwright-core) in one process that starts and stops its own VS Code server.
// Prints `ui: N passed, N failed` and writes test-results/ui.json for scripts/test.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServer, ensureSystemPackages, missingPrerequisite, onShutdown, root } from '../../../scripts/vscode-server.mjs';

const SUITE_TIMEOUT_MS = 175_000;
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

function finish(counts, note) {
  writeFileSync(join(resultsDir, 'ui.json'), JSON.stringify({ ...counts, note }));
  if (note) console.log(`ui: ${note}`);
  console.log(`ui: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

ensureSystemPackages();
const missing = missingPrerequisite();
if (missing) finish({ passed: 0, failed: 1 }, `cannot run: ${missing}`);
// The first run installs the server (about a minute); that is not part of the suite's time limit.
ensureServer();

const started = Date.now();
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
if (packaged.status !== 0 || !existsSync(join(root, 'dist', 'bastion-doctor.vsix'))) finish({ passed: 0, failed: 1 }, 'npm run package failed');
console.log(`ui: packaged dist/bastion-doctor.vsix in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const screenshots = join(resultsDir, 'screenshots');
rmSync(screenshots, { recursive: true, force: true });
const tap = join(resultsDir, 'ui.tap');
rmSync(tap, { force: true });
// The test file runs in this child directly (not under `--test`), so the VS Code server it starts
// is a child of a process that receives our SIGTERM and ends the server's process group.
const child = spawn(process.execPath, [
  '--import', 'tsx', '--import', './test/support/network-guard.mjs',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  'test/e2e/ui/ui.test.ts',
], { cwd: root, stdio: 'inherit', env: { ...process.env, BASTION_DOCTOR_TEST: '1' } });
// Passed on so the test process ends its VS Code server before this runner goes.
onShutdown((signal) => child.kill(signal));
let timedOut = false;
const timer = setTimeout(() => {
  timedOut = true;
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
}, SUITE_TIMEOUT_MS);
child.on('exit', (code) => {
  clearTimeout(timer);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (label) => {
    const matches = [...text.matchAll(new RegExp(`^# ${label} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1][1]) : 0;
  };
  const counts = { passed: count('pass'), failed: count('fail'), skipped: count('skipped') + count('todo') };
  console.log(`ui: finished in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/screenshots/`);
  if (timedOut) finish({ ...counts, failed: counts.failed + 1 }, `timed out after ${SUITE_TIMEOUT_MS / 1000} s`);
  if (code !== 0 && counts.failed === 0) finish({ ...counts, failed: 1 }, `the test process exited with ${code}`);
  finish(counts);
});
