// Runs the integration suite: mocha inside the real VS Code extension host, against the extension
// in this checkout (extensionDevelopmentPath), with a copy of samples/workspace open.
// Prints `vscode: N passed, N failed` and writes test-results/vscode.json for scripts/test.mjs.
// Usage: node test/e2e/integration/run.mjs   (expects `node scripts/build.mjs` to have run)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, ensureServer, ensureSystemPackages, missingPrerequisite, prepareRunDirs, root, startServer, workbenchUrl } from '../../../scripts/vscode-server.mjs';

const SUITE_TIMEOUT_MS = 150_000;
const RESULT_MARKER = 'BASTION_DOCTOR_E2E_RESULT';
// Workbench start-up lines that say nothing about the tests.
const WORKBENCH_CHATTER = /Ignoring fetching additional builtin|Creating a socket|connection token|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions/;
const resultsDir = join(root, 'test-results');
const bundleDir = join(root, '.vscode-test', 'e2e-integration');

function finish(counts, note) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'vscode.json'), JSON.stringify({ ...counts, note }));
  if (note) console.log(`vscode: ${note}`);
  console.log(`vscode: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exit(counts.failed > 0 ? 1 : 0);
}

async function bundleTests() {
  rmSync(bundleDir, { recursive: true, force: true });
  const here = join(root, 'test', 'e2e', 'integration');
  const entryPoints = readdirSync(here).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(here, f));
  // The extension host supplies `vscode`; mocha is required from this checkout's node_modules.
  await build({ entryPoints, outdir: bundleDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning' });
  return join(bundleDir, 'index.js');
}

async function main() {
  ensureSystemPackages();
  const missing = missingPrerequisite();
  if (missing) finish({ passed: 0, failed: 1 }, `cannot run: ${missing}`);
  if (!existsSync(join(root, 'dist', 'extension.js'))) finish({ passed: 0, failed: 1 }, 'dist/extension.js is missing: run node scripts/build.mjs');
  // The first run installs the server (about a minute); that is not part of the suite's time limit.
  ensureServer();
  const started = Date.now();
  const testsIndex = await bundleTests();
  const dirs = prepareRunDirs('integration');
  const workspace = join(dirs.base, 'workspace');
  cpSync(join(root, 'samples', 'workspace'), workspace, { recursive: true });
  const resultsFile = join(dirs.base, 'results.json');
  let server;
  let browser;
  const hardStop = setTimeout(() => {
    console.log(`vscode: the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
    server?.stop();
    finish({ passed: 0, failed: 1 }, 'timeout');
  }, SUITE_TIMEOUT_MS);
  try {
    server = await startServer({ dirs, smokeTestDriver: true, env: { BASTION_DOCTOR_E2E_RESULTS: resultsFile, BASTION_DOCTOR_E2E_GREP: process.env.BASTION_DOCTOR_E2E_GREP ?? '' } });
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const url = workbenchUrl(server.baseUrl, workspace, [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsIndex)],
    ]);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 30_000 });
    const page = await browser.newPage();
    let fromLog;
    const exitCode = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        if (line.includes(RESULT_MARKER)) fromLog = JSON.parse(line.slice(line.indexOf(RESULT_MARKER) + RESULT_MARKER.length));
        else if (line.trim() && !WORKBENCH_CHATTER.test(line)) console.log(`  ${line}`);
      }
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const code = await exitCode;
    const counts = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : fromLog;
    clearTimeout(hardStop);
    console.log(`vscode: extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!counts) return { passed: 0, failed: 1, note: 'mocha reported no results (see the log above)' };
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  } finally {
    clearTimeout(hardStop);
    await browser?.close().catch(() => {});
    server?.stop();
  }
}

main().then(
  (counts) => finish(counts, counts.note),
  (error) => {
    console.log(error.stack ?? String(error));
    finish({ passed: 0, failed: 1 }, 'the runner failed');
  },
);
