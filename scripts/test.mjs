// Runs every test suite and ends with one line, `N passed, N failed`, summing them all.
// Usage: node scripts/test.mjs [suite...]   (suites: unit, cli, vscode, ui)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...findTests(full));
    else if (entry.endsWith('.test.ts')) out.push(relative(root, full));
  }
  return out.sort();
}

/** A suite is a folder of node:test files run through tsx with the network guard loaded. */
const suites = {
  unit: { dir: 'test/unit', needsBuild: false },
  cli: { dir: 'test/cli', needsBuild: true },
  integration: { dir: 'test/integration', needsBuild: false },
  // A runner suite is a script that drives a real VS Code server and writes its counts to
  // test-results/<name>.json. vscode: mocha in the extension host; ui: Chromium on the .vsix.
  vscode: { runner: 'test/e2e/integration/run.mjs', needsBuild: true },
  ui: { runner: 'test/e2e/ui/run.mjs', needsBuild: true },
};

/** The runners stop themselves within three minutes; this only catches a runner that hangs anyway. */
const RUNNER_TIMEOUT_MS = 240_000;

function runRunnerSuite(name, suite) {
  const resultsFile = join(resultsDir, `${name}.json`);
  rmSync(resultsFile, { force: true });
  console.log(`\n=== suite: ${name} (${suite.runner})`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, suite.runner)], {
    stdio: 'inherit', cwd: root, timeout: RUNNER_TIMEOUT_MS, killSignal: 'SIGTERM', env: { ...process.env, BASTION_DOCTOR_TEST: '1' },
  });
  console.log(`=== suite: ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const counts = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  if (result.status !== 0 && !(counts.failed > 0)) counts.failed = (counts.failed ?? 0) + 1;
  return counts;
}

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(suites);
let passed = 0;
let failed = 0;
let skipped = 0;
let anyRunnerFailure = false;

if (wanted.some((name) => suites[name]?.needsBuild)) {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (build.status !== 0) {
    console.log('build failed');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

for (const name of wanted) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown suite: ${name} (known: ${Object.keys(suites).join(', ')})`);
    process.exit(2);
  }
  if (suite.runner) {
    const counts = runRunnerSuite(name, suite);
    passed += counts.passed ?? 0;
    failed += counts.failed ?? 0;
    skipped += counts.skipped ?? 0;
    continue;
  }
  let files = [];
  try {
    files = findTests(join(root, suite.dir));
  } catch {
    files = [];
  }
  if (files.length === 0) continue;
  const tap = join(resultsDir, `${name}.tap`);
  console.log(`\n=== suite: ${name} (${files.length} files)`);
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--import', './test/support/network-guard.mjs',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, BASTION_DOCTOR_TEST: '1' } },
  );
  const text = readFileSync(tap, 'utf8');
  const count = (label) => {
    const matches = [...text.matchAll(new RegExp(`^# ${label} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1][1]) : 0;
  };
  const suitePassed = count('pass');
  const suiteFailed = count('fail');
  passed += suitePassed;
  failed += suiteFailed;
  skipped += count('skipped') + count('todo');
  if (result.status !== 0 && suiteFailed === 0) anyRunnerFailure = true;
}

if (anyRunnerFailure) failed += 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
