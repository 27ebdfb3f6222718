// Installs and starts a real VS Code server for the end-to-end suites and `npm start`.
// @vscode/test-electron cannot download VS Code on these machines, so the server comes from the
// npm package code-server@4.100.3 (VS Code 1.100.3, the last release that runs on Node 20),
// installed once into .vscode-test/ (ignored) the way test-electron caches its download.
// Every run gets a fresh server with its own data folders, started as its own process group
// (detached = setsid) so that stopping it ends the extension hosts and watchers it forks too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const cacheDir = join(root, '.vscode-test');
const CODE_SERVER_VERSION = '4.100.3';
const installDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerDir = join(installDir, 'node_modules', 'code-server');
export const serverMain = join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js');
export const chromiumPath = '/usr/bin/chromium';

/** Chromium flags that keep a headless run offline and quiet (no --user-data-dir: playwright refuses it). */
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Settings every run starts with: no welcome page stealing focus, no trust prompt, no updates. */
const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
  // The ARM $schema URL would make the JSON language server reach the internet.
  'json.schemaDownload.enable': false,
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  return result;
}

/**
 * code-server's ripgrep dependency downloads `rg` from GitHub in its postinstall. The same binary
 * is on npm as @vscode/ripgrep-linux-x64, so put it where the postinstall looks for its cache.
 */
function seedRipgrepCache(log) {
  const cache = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  log(`seeding the ripgrep cache at ${archive}`);
  const work = mkdtempSync(join(tmpdir(), 'bastion-doctor-rg-'));
  try {
    run('npm', ['pack', '--silent', '@vscode/ripgrep-linux-x64@1.18.0'], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack @vscode/ripgrep-linux-x64 produced no tarball');
    run('tar', ['xzf', tarball], { cwd: work });
    const staged = join(work, 'staged');
    mkdirSync(staged);
    copyFileSync(join(work, 'package', 'bin', 'rg'), join(staged, 'rg'));
    chmodSync(join(staged, 'rg'), 0o755);
    mkdirSync(cache, { recursive: true });
    run('tar', ['czf', archive, '-C', staged, 'rg']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Installs the VS Code server on first use; later calls return at once. Returns server-main.js. */
/**
 * Debian's Chromium drives the server, and libkrb5-dev lets the server's `kerberos` dependency
 * build. Like test-electron fetching VS Code on first use, they are installed when missing, where
 * that is possible without asking (root with apt-get, as on CI and these machines); elsewhere
 * missingPrerequisite() says what to install.
 */
export function ensureSystemPackages(log = (line) => console.log(line)) {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  if (spawnSync('dpkg', ['-s', 'libkrb5-dev'], { stdio: 'ignore' }).status !== 0) missing.push('libkrb5-dev');
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (missing.length === 0 || !canInstall) return;
  log(`installing Debian packages for the VS Code suites: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
}

export function ensureServer(log = (line) => console.log(line)) {
  ensureSystemPackages(log);
  if (existsSync(serverMain)) return serverMain;
  log(`installing the VS Code server (code-server@${CODE_SERVER_VERSION}) into ${installDir}; about a minute, once`);
  seedRipgrepCache(log);
  mkdirSync(installDir, { recursive: true });
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'vscode-server-cache', private: true }, null, 2));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--unsafe-perm', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    // node-pty's install runs `npx node-gyp`, which would otherwise wait for a "y".
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (!existsSync(serverMain)) throw new Error(`the install finished but ${serverMain} is missing`);
  return serverMain;
}

/** Says why the suites cannot run here, or undefined when they can. */
export function missingPrerequisite() {
  if (!existsSync(chromiumPath)) return `${chromiumPath} is missing (apt-get install -y chromium libkrb5-dev)`;
  return undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => request.destroy());
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Process groups this process started; ended on exit whatever way the process leaves. */
const liveGroups = new Set();
/** Other cleanups to run on a signal (e.g. a runner passing SIGTERM on to its test process). */
const shutdownHooks = [];
export function onShutdown(hook) {
  shutdownHooks.push(hook);
}
function killGroup(pgid) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
  liveGroups.delete(pgid);
}
process.on('exit', () => {
  for (const pgid of [...liveGroups]) killGroup(pgid);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const hook of shutdownHooks) {
      try {
        hook(signal);
      } catch {
        // keep cleaning up
      }
    }
    for (const pgid of [...liveGroups]) killGroup(pgid);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

function serverArgs(dirs) {
  return [
    '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', dirs.userData, '--server-data-dir', dirs.serverData, '--extensions-dir', dirs.extensions,
  ];
}

// The gallery is set to nothing so the server never looks for extensions on the internet.
const serverEnv = () => ({ ...process.env, EXTENSIONS_GALLERY: '{}', VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined });

/** Makes the data folders of one run, with the settings seeded where the server and the web client read them. */
export function prepareRunDirs(name, settings = {}) {
  const runsDir = join(cacheDir, 'runs');
  mkdirSync(runsDir, { recursive: true });
  // Earlier runs' folders (kept for looking into a failure) go when the next run of the kind starts.
  for (const old of readdirSync(runsDir).filter((entry) => entry.startsWith(`${name}-`))) {
    rmSync(join(runsDir, old), { recursive: true, force: true });
  }
  const base = mkdtempSync(join(runsDir, `${name}-`));
  const dirs = {
    base,
    userData: join(base, 'user-data'),
    serverData: join(base, 'server-data'),
    extensions: join(base, 'extensions'),
  };
  const text = JSON.stringify({ ...baseSettings, ...settings }, null, 2);
  for (const userDir of [join(dirs.userData, 'User'), join(dirs.serverData, 'data', 'User')]) {
    mkdirSync(userDir, { recursive: true });
    writeFileSync(join(userDir, 'settings.json'), text);
  }
  mkdirSync(dirs.extensions, { recursive: true });
  return dirs;
}

/** Installs a .vsix into the run's extensions folder with the server's own CLI. */
export function installVsix(dirs, vsixPath) {
  const result = spawnSync(process.execPath, [serverMain, ...serverArgs(dirs), '--install-extension', vsixPath, '--force'], {
    encoding: 'utf8',
    env: serverEnv(),
    timeout: 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsixPath} into the VS Code server failed (exit ${result.status}):\n${output}`);
  }
  return output.trim();
}

/**
 * Environment that loads the tests' network guard into the server and every process it forks
 * (extension hosts included): reaching a host other than 127.0.0.1 then fails loudly.
 */
export function networkGuardEnv() {
  const guard = pathToFileURL(join(root, 'test', 'support', 'network-guard.mjs')).href;
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${guard}`.trim() };
}

/**
 * Starts a server for one run. Options: dirs (from prepareRunDirs), port, smokeTestDriver (the
 * flag the integration runner needs to receive the extension host's output), env, extraArgs
 * (more server flags), log, quiet.
 * Resolves once the server answers HTTP; returns { port, baseUrl, pgid, stop() }.
 */
export async function startServer({ dirs, port, smokeTestDriver = false, env = {}, extraArgs = [], log = () => {}, quiet = true, readyTimeoutMs = 60_000 }) {
  ensureServer(log);
  const chosenPort = port ?? (await freePort());
  const args = [
    serverMain, '--host', '127.0.0.1', '--port', String(chosenPort), '--without-connection-token',
    ...serverArgs(dirs),
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    // The extension hosts the server forks inherit this environment (tests read it there).
    env: { ...serverEnv(), ...env },
  });
  const pgid = child.pid;
  liveGroups.add(pgid);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const stop = () => killGroup(pgid);
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await answers(`${baseUrl}/version`))) {
    if (exited || Date.now() > deadline) {
      stop();
      throw new Error(`the VS Code server did not start (${exited ? 'it exited' : 'timeout'}):\n${output}`);
    }
    await sleep(250);
  }
  return { port: chosenPort, baseUrl, pgid, stop, output: () => output };
}

/** The workbench URL that opens a folder, optionally with extension-development payload. */
export function workbenchUrl(baseUrl, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${query.toString()}`;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href && process.argv[2] === 'install') {
  ensureServer();
  console.log(`VS Code server ready: ${serverMain}`);
}
