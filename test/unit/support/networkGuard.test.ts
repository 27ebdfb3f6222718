// The guard is what stops a misconfigured SDK client from calling a public host during tests.
// Every route out is tried here against documentation addresses (192.0.2.0/24) and `.invalid`
// names, which the guard refuses and records as drills (not failures); the route that must fail
// a run is tried in a child process with a log of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

const LOG_ENV = 'BASTION_DOCTOR_NETWORK_GUARD_LOG';

interface Attempt {
  target: string;
  via: string;
  drill: boolean;
}

function attemptsTo(target: string, log = process.env[LOG_ENV]!): Attempt[] {
  return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Attempt).filter((a) => a.target === target);
}

function assertRecorded(target: string, via: RegExp): void {
  const attempts = attemptsTo(target);
  assert.ok(attempts.some((a) => via.test(a.via)), `no attempt to ${target} through ${via} in ${JSON.stringify(attempts)}`);
}

/** A lookup that answers every name, "localhost" included, with a public address (asynchronously, as a resolver does). */
const lyingLookup = (address: string) => (_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
  setImmediate(() => (options.all ? callback(null, [{ address, family: 4 }]) : callback(null, address, 4)));

test('a socket to a public address is refused and recorded', () => {
  assert.throws(() => net.connect({ host: '192.0.2.1', port: 443 }), /network guard/);
  assert.throws(() => net.connect(80, '192.0.2.2'), /network guard/);
  assertRecorded('192.0.2.1', /socket/);
});

test('dns lookups of public names are refused, callback and promise', () => {
  assert.throws(() => dns.lookup('management.invalid', () => undefined), /network guard/);
  assert.throws(() => dns.promises.lookup('login.invalid'), /network guard/);
  assertRecorded('login.invalid', /dns\.promises\.lookup/);
});

test('every dns Resolver asks the network: refused unless its servers are loopback', () => {
  assert.throws(() => new dns.Resolver().resolve4('a.invalid', () => undefined), /network guard/);
  assert.throws(() => new dns.promises.Resolver().resolveTxt('b.invalid'), /network guard/);
  assert.throws(() => dns.resolve4('c.invalid', () => undefined), /network guard/);
  assert.throws(() => new dns.Resolver().reverse('192.0.2.3', () => undefined), /network guard/);
  assertRecorded('a.invalid', /dns\.Resolver\.resolve4/);
  assertRecorded('b.invalid', /dns\.promises\.Resolver\.resolveTxt/);
  const local = new dns.Resolver();
  local.setServers(['127.0.0.1:1']);
  assert.doesNotThrow(() => local.resolve4('d.invalid', () => undefined));
  local.cancel();
});

test('a custom lookup that turns localhost into a public address is refused at the connect', async () => {
  const socket = net.connect({ host: 'localhost', port: 443, lookup: lyingLookup('192.0.2.4') as never });
  const error = await new Promise<NodeJS.ErrnoException>((resolve) => socket.on('error', resolve));
  assert.equal(error.code, 'EACCES');
  assertRecorded('192.0.2.4', /TCP connect/);
});

test('an http request through a custom lookup is refused too', async () => {
  const request = http.get({ host: 'localhost', port: 80, path: '/', lookup: lyingLookup('192.0.2.5') as never });
  const error = await new Promise<NodeJS.ErrnoException>((resolve) => request.on('error', resolve));
  assert.equal(error.code, 'EACCES');
  assertRecorded('192.0.2.5', /TCP connect/);
});

test('fetch to a public host is refused', () => {
  assert.throws(() => fetch('https://management.invalid/'), /network guard/);
});

test('a worker thread started without execArgv is guarded too', async () => {
  const code = `const net = require('node:net'); const { parentPort } = require('node:worker_threads');
    try { net.connect({ host: '192.0.2.6', port: 443 }).on('error', () => {}); parentPort.postMessage('connected'); } catch (e) { parentPort.postMessage(String(e.message)); }`;
  const worker = new Worker(code, { eval: true, execArgv: [] });
  const message = await new Promise<string>((resolve) => worker.once('message', resolve));
  await worker.terminate();
  assert.match(message, /network guard/);
  assertRecorded('192.0.2.6', /socket/);
});

test('a child node process started with its own env is guarded, and its attempt fails it with exit 1', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'guard-child-')), 'attempts.jsonl');
  const script = "require('node:net').connect({ host: '169.254.169.254', port: 80 }).on('error', () => {})";
  const child = spawnSync(process.execPath, ['-e', `try { ${script} } catch (e) { console.log(e.message) }`], {
    env: { PATH: process.env.PATH ?? '', [LOG_ENV]: log },
    encoding: 'utf8',
  });
  assert.match(child.stdout, /network guard: test code tried to reach 169\.254\.169\.254/);
  assert.equal(child.status, 1, 'a recorded attempt fails the process');
  assert.match(child.stderr, /network guard: 1 attempt\(s\) to leave 127\.0\.0\.1 were refused[\s\S]*169\.254\.169\.254 through a socket/);
  assert.equal(attemptsTo('169.254.169.254', log).length, 1);
});

test('drills are not failures: a child trying only documentation addresses exits 0 and prints nothing', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'guard-drill-')), 'attempts.jsonl');
  const child = spawnSync(process.execPath, ['-e', "try { require('node:net').connect(443, '192.0.2.8') } catch {}"], { env: { PATH: process.env.PATH ?? '', [LOG_ENV]: log }, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stderr, '');
  assert.equal(attemptsTo('192.0.2.8', log)[0]?.drill, true);
});

test('loopback gets through', async () => {
  const server = net.createServer((socket) => socket.end('hi'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const reply = await new Promise<string>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => undefined);
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  server.close();
  assert.equal(reply, 'hi');
});
