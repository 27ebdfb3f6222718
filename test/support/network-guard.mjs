// Loaded into every test process: any attempt to reach a host other than loopback fails the
// test loudly, so a wrong endpoint option can never fall back to a public Azure host or the
// managed-identity endpoint (169.254.169.254).
import net from 'node:net';
import dns from 'node:dns';
import tls from 'node:tls';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

function assertLoopback(host, what) {
  const h = String(host ?? 'localhost').replace(/^\[|\]$/g, '');
  if (!LOOPBACK.test(h)) {
    const error = new Error(`network guard: test code tried to reach ${h} through ${what}; tests may only talk to 127.0.0.1`);
    process.emitWarning(error.message);
    throw error;
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

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function guardedDns(host, ...rest) {
    assertLoopback(host, `dns.${name}`);
    return original.call(this, host, ...rest);
  };
  const originalPromise = dns.promises[name];
  dns.promises[name] = function guardedDnsPromise(host, ...rest) {
    assertLoopback(host, `dns.promises.${name}`);
    return originalPromise.call(this, host, ...rest);
  };
}

const originalFetch = globalThis.fetch;
if (originalFetch) {
  globalThis.fetch = function guardedFetch(input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    assertLoopback(url.hostname, 'fetch');
    return originalFetch.call(this, input, init);
  };
}
