// The client-path probe against local TLS servers that accept, refuse and drop the WebSocket
// upgrade, a port with no listener, and a local HTTP proxy that tunnels or refuses CONNECT.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, connect, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { probeClientPath, proxyFromEnv, type ClientPathOptions } from '../../../src/azure/deep/clientPath';
import { clientPathFindings } from '../../../src/azure/deep/clientPathFindings';
import { testCertificate } from '../../support/fakeArm/certificate';

// The test certificate names localhost; the injected resolver maps it to 127.0.0.1.
const HOST = 'localhost';
const BASTION_DNS_NAME = 'bst-1a2b3c4d.bastion.azure.com';
type Mode = 'accept' | 'refuse' | 'drop' | 'silent' | 'unauthorised';

function upgradeServer(mode: Mode): Promise<TlsServer> {
  const { key, cert } = testCertificate();
  const server = createTlsServer({ key, cert }, (socket) => {
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const wsKey = /sec-websocket-key: (.+)\r\n/i.exec(head)?.[1] ?? '';
      if (mode === 'accept') {
        const accept = createHash('sha1').update(`${wsKey}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
      } else if (mode === 'refuse') {
        socket.end('HTTP/1.1 403 Forbidden\r\nVia: 1.1 corporate-proxy\r\nContent-Length: 0\r\n\r\n');
      } else if (mode === 'unauthorised') {
        socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
      } else if (mode === 'drop') {
        socket.destroy();
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A forward proxy: CONNECT to the allowed port is tunnelled to 127.0.0.1, anything else refused. */
function proxyServer(answer: 'tunnel' | 403 | 407, targetPort: () => number): Promise<HttpServer> {
  const server = createHttpServer();
  server.on('connect', (_request: unknown, client: Socket) => {
    if (answer !== 'tunnel') {
      client.end(`HTTP/1.1 ${answer} ${answer === 407 ? 'Proxy Authentication Required' : 'Forbidden'}\r\nProxy-Agent: test\r\n\r\n`);
      return;
    }
    const upstream = connect(targetPort(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const portOf = (server: TlsServer | HttpServer | NetServer) => (server.address() as AddressInfo).port;
const servers: { close(callback?: () => void): unknown }[] = [];
const ports: Partial<Record<Mode | 'closed', number>> = {};

before(async () => {
  for (const mode of ['accept', 'refuse', 'drop', 'silent', 'unauthorised'] as Mode[]) {
    const server = await upgradeServer(mode);
    servers.push(server);
    ports[mode] = portOf(server);
  }
  const closed = createNetServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  ports.closed = portOf(closed);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
after(() => {
  for (const server of servers) server.close();
});

const local = (port: number, extra: Partial<ClientPathOptions> = {}): ClientPathOptions => ({
  port,
  resolve: async () => ['127.0.0.1'],
  ca: testCertificate().cert,
  env: {},
  timeoutMs: 400,
  ...extra,
});

const hostRef = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/bas', name: 'bas' };

describe('probeClientPath', () => {
  const cases: { name: string; mode: Mode | 'closed'; outcome: string; rule?: string; status?: number }[] = [
    { name: 'an accepted upgrade is ok', mode: 'accept', outcome: 'ok' },
    { name: 'a 403 with a Via header is a refused upgrade', mode: 'refuse', outcome: 'upgrade-refused', rule: 'bastion-client-websocket-blocked', status: 403 },
    { name: 'a connection closed after the upgrade request is a dropped upgrade', mode: 'drop', outcome: 'upgrade-dropped', rule: 'bastion-client-websocket-blocked' },
    { name: 'no answer to the upgrade is an upgrade timeout', mode: 'silent', outcome: 'upgrade-timeout', rule: 'bastion-client-websocket-blocked' },
    { name: 'a 401 from the host itself means the path works', mode: 'unauthorised', outcome: 'host-answered', status: 401 },
    { name: 'no listener is a refused TCP connection, not a WebSocket problem', mode: 'closed', outcome: 'tcp-refused', rule: 'bastion-client-unreachable' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const result = await probeClientPath(HOST, local(ports[c.mode]!));
      assert.equal(result.outcome, c.outcome, JSON.stringify(result.stages));
      if (c.status !== undefined) assert.equal(result.httpStatus, c.status);
      const findings = clientPathFindings({}, hostRef, result);
      assert.deepEqual(findings.map((f) => f.rule), c.rule ? [c.rule] : []);
    });
  }

  it('records each stage in order with its outcome', async () => {
    const result = await probeClientPath(HOST, local(ports.accept!));
    assert.deepEqual(result.stages.map((s) => [s.stage, s.ok]), [['dns', true], ['tcp', true], ['tls', true], ['upgrade', true]]);
  });

  it('names a DNS failure as unreachable', async () => {
    const result = await probeClientPath(HOST, local(ports.accept!, { resolve: async () => { throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' }); } }));
    assert.equal(result.outcome, 'dns-failed');
    const [finding] = clientPathFindings({}, hostRef, result);
    assert.equal(finding.rule, 'bastion-client-unreachable');
    assert.match(finding.message, /does not resolve.*ENOTFOUND/);
  });

  it('fails TLS against a certificate it does not trust', async () => {
    const result = await probeClientPath(HOST, local(ports.accept!, { ca: undefined }));
    assert.equal(result.outcome, 'tls-failed');
    assert.match(result.stages.at(-1)!.detail, /TLS-inspecting proxy/);
  });

  it('goes through a proxy CONNECT tunnel from HTTPS_PROXY and reaches the upgrade', async () => {
    const proxy = await proxyServer('tunnel', () => ports.refuse!);
    servers.push(proxy);
    const result = await probeClientPath(HOST, local(443, { env: { HTTPS_PROXY: `http://user:secret@127.0.0.1:${portOf(proxy)}` } }));
    assert.equal(result.outcome, 'upgrade-refused');
    assert.equal(result.proxy, `http://127.0.0.1:${portOf(proxy)}`, 'credentials are not kept');
    assert.deepEqual(result.stages.map((s) => s.stage), ['proxy', 'tls', 'upgrade']);
    assert.match(clientPathFindings({}, hostRef, result)[0].message, /through the proxy/);
  });

  for (const status of [403, 407] as const) {
    it(`a proxy refusing CONNECT with ${status} is unreachable, with the status`, async () => {
      const proxy = await proxyServer(status, () => 0);
      servers.push(proxy);
      const result = await probeClientPath(HOST, local(443, { proxy: `http://127.0.0.1:${portOf(proxy)}` }));
      assert.equal(result.outcome, 'proxy-refused');
      assert.equal(result.httpStatus, status);
      assert.equal(clientPathFindings({}, hostRef, result)[0].rule, 'bastion-client-unreachable');
    });
  }

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const pending = probeClientPath(HOST, local(ports.silent!, { timeoutMs: 5000, signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (error: Error) => error.name === 'AbortError');
  });
});

describe('proxyFromEnv', () => {
  const table: { env: NodeJS.ProcessEnv; expected: string | undefined }[] = [
    { env: {}, expected: undefined },
    { env: { HTTPS_PROXY: 'http://p:8080' }, expected: 'http://p:8080' },
    { env: { https_proxy: 'http://p:8080' }, expected: 'http://p:8080' },
    { env: { HTTPS_PROXY: 'http://p:8080', NO_PROXY: '.azure.com' }, expected: undefined },
    { env: { HTTPS_PROXY: 'http://p:8080', NO_PROXY: 'bastion.azure.com' }, expected: undefined },
    { env: { HTTPS_PROXY: 'http://p:8080', NO_PROXY: 'example.com,*' }, expected: undefined },
    { env: { HTTPS_PROXY: 'http://p:8080', NO_PROXY: 'example.com' }, expected: 'http://p:8080' },
  ];
  for (const { env, expected } of table) {
    it(`${JSON.stringify(env)} -> ${expected}`, () => assert.equal(proxyFromEnv(BASTION_DNS_NAME, env), expected));
  }
});
