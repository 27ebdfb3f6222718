// Loaded into every test process (network-guard.mjs for --import, this file for --require): any
// attempt to reach a host other than loopback is refused AND recorded, and a recorded attempt
// fails the run, so a wrong endpoint can never fall back to a public Azure host or the
// managed-identity endpoint (169.254.169.254) and pass as a mere check-incomplete.
// Covered: sockets and TLS (also through http/https agents and fetch), the resolved address of
// every TCP connect (custom `lookup`), dns lookups and every dns Resolver, worker threads (they
// get this file through execArgv --require) and child processes (NODE_OPTIONS --require).
// Attempts are appended to the file named by BASTION_DOCTOR_NETWORK_GUARD_LOG, which the first
// guarded process (the test runner) creates; at exit it prints them and sets exit code 1.
// Targets that reach nothing anywhere are refused and recorded as drills, not failures: the
// documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; the guard's own tests)
// and `.invalid` names (RFC 6761: never resolve; fixtures that must not resolve use them).
'use strict';
const { appendFileSync, mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const childProcess = require('node:child_process');
const dns = require('node:dns');
const net = require('node:net');
const tls = require('node:tls');
const workerThreads = require('node:worker_threads');
const { syncBuiltinESMExports } = require('node:module');

const INSTALLED = Symbol.for('bastion-doctor.network-guard');
const LOG_ENV = 'BASTION_DOCTOR_NETWORK_GUARD_LOG';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
const DRILL = /^(192\.0\.2\.\d+|198\.51\.100\.\d+|203\.0\.113\.\d+|(.+\.)?invalid\.?)$/i;

function install() {
  const ownsLog = !process.env[LOG_ENV];
  if (ownsLog) process.env[LOG_ENV] = join(mkdtempSync(join(tmpdir(), 'network-guard-')), 'attempts.jsonl');
  const log = process.env[LOG_ENV];
  process.env.NODE_OPTIONS = withGuardOption(process.env.NODE_OPTIONS);
  const ownAttempts = [];

  const normalize = (host) => String(host ?? 'localhost').replace(/^\[|\]$/g, '');
  function refuse(host, what) {
    const target = normalize(host);
    const attempt = { pid: process.pid, target, via: what, drill: DRILL.test(target), at: callerFrames() };
    try {
      appendFileSync(log, `${JSON.stringify(attempt)}\n`);
    } catch {
      // The log is gone (the runner ended): the attempt is still refused and counted below.
    }
    if (!attempt.drill) ownAttempts.push(attempt);
    return new Error(`network guard: test code tried to reach ${target} through ${what}; tests may only talk to 127.0.0.1`);
  }
  const assertLoopback = (host, what) => {
    if (!LOOPBACK.test(normalize(host))) throw refuse(host, what);
  };

  patchSockets(assertLoopback, refuse);
  patchDns(assertLoopback, refuse);
  patchWorkers();
  patchChildProcesses();
  patchFetch(assertLoopback);
  syncBuiltinESMExports();

  process.on('exit', () => {
    const attempts = ownsLog ? readAttempts(log).filter((a) => !a.drill) : ownAttempts;
    if (attempts.length === 0) return;
    process.stderr.write(`\nnetwork guard: ${attempts.length} attempt(s) to leave 127.0.0.1 were refused; the run fails:\n${attempts.map((a) => `  pid ${a.pid}: ${a.target} through ${a.via}\n    at ${a.at}`).join('\n')}\n`);
    process.exitCode = 1;
  });
}

/** Where the attempt came from: the first frames outside the guard and Node's own modules. */
function callerFrames() {
  const frames = new Error().stack.split('\n').slice(1).map((line) => line.trim().replace(/^at /, ''));
  return frames.filter((frame) => !frame.includes(__filename) && !/\(node:|^node:/.test(frame)).slice(0, 4).join(' < ');
}

function readAttempts(log) {
  try {
    return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

function hostOf(args) {
  const [first, second] = args;
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    if (first.path) return 'localhost'; // unix socket
    return first.host ?? first.hostname ?? 'localhost';
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return 'localhost'; // unix socket path
  return typeof second === 'string' ? second : 'localhost';
}

function patchSockets(assertLoopback, refuse) {
  const originalConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const normalized = Array.isArray(args[0]) ? args[0] : args;
    assertLoopback(hostOf(normalized), 'a socket');
    return originalConnect.apply(this, args);
  };
  const originalTlsConnect = tls.connect;
  tls.connect = function guardedTlsConnect(...args) {
    assertLoopback(hostOf(args), 'TLS');
    return originalTlsConnect.apply(this, args);
  };
  // The address a connect really goes to, after any lookup (a custom `lookup` can turn
  // "localhost" into a public address): refused with EACCES, which net reports as a connect error.
  const { TCP } = process.binding('tcp_wrap');
  const EACCES = -13;
  for (const name of ['connect', 'connect6']) {
    const original = TCP.prototype[name];
    TCP.prototype[name] = function guardedTcpConnect(request, address, ...rest) {
      if (!LOOPBACK.test(String(address))) {
        refuse(address, `a TCP connect to the resolved address (${name})`);
        return EACCES;
      }
      return original.call(this, request, address, ...rest);
    };
  }
}

const RESOLVER_METHODS = ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];

function patchDns(assertLoopback, refuse) {
  // getaddrinfo answers loopback names from the hosts file; anything else may ask the network.
  for (const [owner, label] of [[dns, 'dns'], [dns.promises, 'dns.promises']]) {
    for (const name of ['lookup', 'lookupService']) {
      const original = owner[name];
      owner[name] = function guardedLookup(host, ...rest) {
        assertLoopback(host, `${label}.${name}`);
        return original.call(this, host, ...rest);
      };
    }
  }
  // A resolver query always goes to its DNS servers, whatever the name: only loopback servers
  // (a test's own DNS server) may be asked. The module-level functions use a default resolver.
  const serversAreLoopback = (servers) => servers.every((server) => LOOPBACK.test(server.replace(/^\[([^\]]+)\](:\d+)?$|:\d+$/, '$1')));
  const guardQuery = (owner, name, label, serversOf) => {
    const original = owner[name];
    if (typeof original !== 'function') return;
    owner[name] = function guardedQuery(host, ...rest) {
      if (!serversAreLoopback(serversOf(this))) throw refuse(host, `${label}.${name} (asks ${serversOf(this).join(', ') || 'the system DNS servers'})`);
      return original.call(this, host, ...rest);
    };
  };
  for (const name of RESOLVER_METHODS) {
    guardQuery(dns.Resolver.prototype, name, 'dns.Resolver', (resolver) => resolver.getServers());
    guardQuery(dns.promises.Resolver.prototype, name, 'dns.promises.Resolver', (resolver) => resolver.getServers());
    guardQuery(dns, name, 'dns', () => dns.getServers());
    guardQuery(dns.promises, name, 'dns.promises', () => dns.getServers());
  }
}

/** NODE_OPTIONS with this guard preloaded (once). */
function withGuardOption(options = '') {
  const require = `--require ${JSON.stringify(__filename)}`;
  return options.includes(__filename) ? options : `${options} ${require}`.trim();
}

function patchWorkers() {
  const { Worker } = workerThreads;
  // --import does not reach worker threads; --require in execArgv does.
  workerThreads.Worker = class GuardedWorker extends Worker {
    constructor(filename, options = {}) {
      const execArgv = options.execArgv ?? process.execArgv;
      super(filename, { ...options, execArgv: execArgv.includes(__filename) ? execArgv : [...execArgv, '--require', __filename] });
    }
  };
}

function patchChildProcesses() {
  const guardedEnv = (env) => ({ ...env, NODE_OPTIONS: withGuardOption(env.NODE_OPTIONS), [LOG_ENV]: env[LOG_ENV] ?? process.env[LOG_ENV] });
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync', 'exec', 'execSync', 'fork']) {
    const original = childProcess[name];
    childProcess[name] = function guardedChildProcess(...args) {
      // The options object: the first plain object argument (env absent means process.env, which has the guard).
      const at = args.findIndex((arg) => arg !== null && typeof arg === 'object' && !Array.isArray(arg));
      if (at !== -1 && args[at].env) args[at] = { ...args[at], env: guardedEnv(args[at].env) };
      return original.apply(this, args);
    };
  }
}

function patchFetch(assertLoopback) {
  const originalFetch = globalThis.fetch;
  if (!originalFetch) return;
  globalThis.fetch = function guardedFetch(input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    assertLoopback(url.hostname, 'fetch');
    return originalFetch.call(this, input, init);
  };
}

if (!globalThis[INSTALLED]) {
  globalThis[INSTALLED] = true;
  install();
}
