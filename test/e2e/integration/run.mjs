// Runs the integration suite: mocha inside the real VS Code extension host, against the extension
// in this checkout (extensionDevelopmentPath), with a copy of samples/workspace open.
// Prints `vscode: N passed, N failed` and writes test-results/vscode.json for scripts/test.mjs.
// Usage: node test/e2e/integration/run.mjs   (expects `node scripts/build.mjs` to have run)
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, ensureServer, ensureSystemPackages, freePort, missingPrerequisite, networkGuardEnv, prepareRunDirs, root, startServer, workbenchUrl } from '../../../scripts/vscode-server.mjs';

const SUITE_TIMEOUT_MS = 150_000;
const RESULT_MARKER = 'BASTION_DOCTOR_E2E_RESULT';
// Workbench start-up lines that say nothing about the tests.
const WORKBENCH_CHATTER = /Ignoring fetching additional builtin|Creating a socket|connection token|\[Service Worker\]|ChatSessionStore|Updating additional builtin extensions/;
const resultsDir = join(root, 'test-results');
// Inside the checkout (not .vscode-test, which a worktree may share through a link): a test file
// inside the extension's folder gets the extension's own \`vscode\` API object, so stubs.ts can
// answer the dialogs its commands show.
const bundleDir = join(root, 'test-results', 'e2e-integration');

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

/**
 * Live Azure in the real editor, with no Microsoft sign-in and no public host: a fake ARM and a
 * fake Log Analytics (started by the tests on the ports named here) behind a custom cloud, trusted through NODE_EXTRA_CA_CERTS from the
 * extension host's start; the built-in Microsoft sign-in is disabled so the tests can provide
 * the `microsoft-sovereign-cloud` session; and the network guard is loaded into every process.
 */
async function liveAzureSetup(base) {
  const tlsDir = join(base, 'tls');
  mkdirSync(tlsDir, { recursive: true });
  const certificateModule = join(bundleDir, 'certificate.mjs');
  await build({ entryPoints: [join(root, 'test', 'support', 'fakeArm', 'certificate.ts')], outfile: certificateModule, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { writeTestCertificate } = await import(pathToFileURL(certificateModule).href);
  writeTestCertificate(tlsDir);
  const port = await freePort();
  const logsPort = await freePort();
  const arm = `https://127.0.0.1:${port}`;
  return {
    settings: {
      'microsoft-sovereign-cloud.environment': 'custom',
      'microsoft-sovereign-cloud.customEnvironment': { name: 'BastionDoctorFakeArm', portalUrl: `${arm}/portal`, resourceManagerEndpointUrl: `${arm}/`, managementEndpointUrl: `${arm}/` },
      'bastionDoctor.customCloudLogAnalyticsEndpoint': `https://127.0.0.1:${logsPort}`,
      // VS Code's proxy support hands its own CA list to every TLS connection, which leaves out
      // NODE_EXTRA_CA_CERTS; the fake ARM's certificate is trusted through the latter.
      // The subscriptions the fake ARM serves, as the Azure Resources extension stores them: the hub's
      // (test/support/arm.ts) and the spoke's (SPOKE_SUBSCRIPTION_ID in test/integration/scenarios.ts).
      'azureResourceGroups.selectedSubscriptions': ['72f988bf-86f1-41af-91ab-2d7cd011db47/8c56d827-5f07-45ce-8f2b-6c5001db5c6f', '72f988bf-86f1-41af-91ab-2d7cd011db47/3f9a4c2e-7b1d-4e6a-9c8f-2d5e7a1b4c90'],
      'http.proxySupport': 'off',
      'http.systemCertificates': false,
      'http.fetchAdditionalSupport': false,
    },
    env: {
      NODE_EXTRA_CA_CERTS: join(tlsDir, 'cert.pem'),
      BASTION_DOCTOR_TEST_TLS_DIR: tlsDir,
      BASTION_DOCTOR_E2E_ARM_PORT: String(port),
      BASTION_DOCTOR_E2E_LOGS_PORT: String(logsPort),
      ...networkGuardEnv(),
    },
    extraArgs: ['--disable-extension', 'vscode.microsoft-authentication'],
  };
}

const EXTENSION_ID = 'bastion-doctor.bastion-doctor';
const SIGN_IN_PROVIDER = 'microsoft-sovereign-cloud';
/** The account the suite's sign-in provider returns (test/e2e/integration/liveAzure.test.ts). */
const TEST_ACCOUNT = 'alex@contoso.com';

/**
 * Extension tests may not show dialogs, so VS Code's "wants to sign in" consent cannot be answered.
 * What answering it stores is written instead, where the workbench keeps it: the browser's
 * application storage (IndexedDB), read when the test workbench starts.
 */
async function allowSignIn(page, baseUrl, workspace) {
  await page.goto(workbenchUrl(baseUrl, workspace), { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.evaluate(({ key, value }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('vscode-web-state-db-global');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const transaction = open.result.transaction('ItemTable', 'readwrite');
      transaction.objectStore('ItemTable').put(value, key);
      transaction.oncomplete = () => resolve(undefined);
      transaction.onerror = () => reject(transaction.error);
    };
  }), { key: `${SIGN_IN_PROVIDER}-${TEST_ACCOUNT}`, value: JSON.stringify([{ id: EXTENSION_ID, name: 'Bastion Doctor', allowed: true }]) });
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
  const live = await liveAzureSetup(bundleDir);
  const dirs = prepareRunDirs('integration', live.settings);
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
    server = await startServer({
      dirs,
      smokeTestDriver: true,
      extraArgs: live.extraArgs,
      env: { ...live.env, BASTION_DOCTOR_E2E_RESULTS: resultsFile, BASTION_DOCTOR_E2E_GREP: process.env.BASTION_DOCTOR_E2E_GREP ?? '' },
    });
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
    await allowSignIn(page, server.baseUrl, workspace);
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
