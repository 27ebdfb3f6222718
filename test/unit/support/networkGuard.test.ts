import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import dns from 'node:dns';

// The guard is what stops a misconfigured SDK client from calling a public host during tests.
test('network guard refuses a socket to a public address', () => {
  assert.throws(() => net.connect({ host: '20.190.160.1', port: 443 }), /network guard/);
});

test('network guard refuses the managed-identity endpoint', () => {
  assert.throws(() => net.connect(80, '169.254.169.254'), /network guard/);
});

test('network guard refuses DNS lookups of public names', () => {
  assert.throws(() => dns.lookup('management.azure.com', () => undefined), /network guard/);
});

test('network guard refuses fetch to a public host', () => {
  assert.throws(() => fetch('https://management.azure.com/'), /network guard/);
});

test('network guard lets loopback through', async () => {
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
