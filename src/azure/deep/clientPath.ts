// The client path from this machine to a Bastion host: DNS of its dnsName, TCP (directly or
// through an HTTP proxy's CONNECT tunnel), TLS on 443 and a WebSocket upgrade, the protocol the
// browser and the native client use. Each stage that fails says which one, so a proxy or firewall
// that blocks WebSockets is told apart from a host that does not answer at all.
import { randomBytes, createHash } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export type ClientPathOutcome =
  | 'ok'
  | 'dns-failed'
  | 'tcp-refused'
  | 'tcp-timeout'
  | 'proxy-refused'
  | 'tls-failed'
  | 'upgrade-refused'
  | 'upgrade-dropped'
  | 'upgrade-timeout'
  | 'host-answered';

export interface ClientPathStage {
  stage: 'dns' | 'proxy' | 'tcp' | 'tls' | 'upgrade';
  ok: boolean;
  detail: string;
  elapsedMs: number;
}

export interface ClientPathResult {
  host: string;
  port: number;
  /** The proxy the probe went through (credentials removed), when one applied. */
  proxy?: string;
  outcome: ClientPathOutcome;
  stages: ClientPathStage[];
  /** The HTTP status of the answer to the upgrade (or to CONNECT for proxy-refused). */
  httpStatus?: number;
  /** Response headers that show a proxy answered (Via, Proxy-Authenticate, X-Squid-Error...). */
  proxyMarkers?: string[];
}

export type Resolver = (host: string) => Promise<string[]>;

export interface ClientPathOptions {
  /** Default 443; tests point it at a local server. */
  port?: number;
  /** Default: node:dns lookup (what the OS resolver says, hosts file included). */
  resolve?: Resolver;
  /** An http:// proxy URL (VS Code's http.proxy); default HTTPS_PROXY / https_proxy unless NO_PROXY matches. */
  proxy?: string;
  env?: NodeJS.ProcessEnv;
  /** Extra CA to trust (tests' self-signed server; a TLS-inspecting proxy's root). */
  ca?: string;
  /** Per stage, default 10 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The request path of the upgrade. */
  path?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const PROXY_HEADERS = ['via', 'proxy-authenticate', 'proxy-connection', 'x-squid-error', 'x-cache', 'x-bluecoat-via', 'x-zscaler-request-id'];

class StageError extends Error {
  constructor(readonly outcome: ClientPathOutcome, message: string, readonly httpStatus?: number, readonly proxyMarkers?: string[]) {
    super(message);
  }
}

export async function probeClientPath(host: string, options: ClientPathOptions = {}): Promise<ClientPathResult> {
  const port = options.port ?? 443;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const proxy = options.proxy ?? proxyFromEnv(host, options.env ?? process.env);
  const result: ClientPathResult = { host, port, outcome: 'ok', stages: [] };
  if (proxy) result.proxy = redactProxy(proxy);
  const stage = async <T>(name: ClientPathStage['stage'], run: () => Promise<{ value: T; detail: string }>): Promise<T> => {
    const started = Date.now();
    try {
      const { value, detail } = await run();
      result.stages.push({ stage: name, ok: true, detail, elapsedMs: Date.now() - started });
      return value;
    } catch (error) {
      throwIfAborted(options.signal);
      const failure = error instanceof StageError ? error : new StageError(name === 'dns' ? 'dns-failed' : 'tls-failed', messageOf(error));
      result.stages.push({ stage: name, ok: false, detail: failure.message, elapsedMs: Date.now() - started });
      throw failure;
    }
  };
  let socket: Socket | undefined;
  try {
    if (proxy) {
      const proxyUrl = new URL(proxy);
      socket = await stage('proxy', async () => ({ value: await connectTunnel(proxyUrl, host, port, timeoutMs, options.signal), detail: `CONNECT ${host}:${port} through ${redactProxy(proxy)} accepted` }));
    } else {
      const addresses = await stage('dns', async () => {
        const found = await withTimeout((options.resolve ?? defaultResolve)(host), timeoutMs, 'dns-failed', `DNS lookup of ${host} timed out`, options.signal);
        if (found.length === 0) throw new StageError('dns-failed', `${host} resolves to no address`);
        return { value: found, detail: `${host} resolves to ${found.join(', ')}` };
      });
      socket = await stage('tcp', async () => ({ value: await connectTcp(addresses[0], port, timeoutMs, options.signal), detail: `TCP ${addresses[0]}:${port} connected` }));
    }
    const tlsSocket = await stage('tls', async () => {
      const secured = await startTls(socket!, host, options.ca, timeoutMs, options.signal);
      return { value: secured, detail: `TLS ${secured.getProtocol() ?? ''} handshake with ${host} completed`.replace('  ', ' ') };
    });
    socket = tlsSocket;
    const status = await stage('upgrade', async () => {
      const answer = await upgrade(tlsSocket, host, options.path ?? '/', timeoutMs, options.signal);
      return { value: answer, detail: answer.status === 101 ? 'WebSocket upgrade accepted (HTTP 101)' : `the host answered the upgrade with HTTP ${answer.status}` };
    });
    if (status.status !== 101) {
      result.outcome = 'host-answered';
      result.httpStatus = status.status;
    }
  } catch (error) {
    throwIfAborted(options.signal);
    if (!(error instanceof StageError)) throw error;
    result.outcome = error.outcome;
    if (error.httpStatus !== undefined) result.httpStatus = error.httpStatus;
    if (error.proxyMarkers && error.proxyMarkers.length > 0) result.proxyMarkers = error.proxyMarkers;
  } finally {
    socket?.destroy();
  }
  return result;
}

async function defaultResolve(host: string): Promise<string[]> {
  const answers = await dnsLookup(host, { all: true });
  return answers.map((answer) => answer.address);
}

/** HTTPS_PROXY (or https_proxy, ALL_PROXY) unless NO_PROXY names the host or one of its parent domains. */
export function proxyFromEnv(host: string, env: NodeJS.ProcessEnv): string | undefined {
  const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? env.ALL_PROXY ?? env.all_proxy;
  if (!proxy) return undefined;
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  const lower = host.toLowerCase();
  const bypass = noProxy.some((entry) => entry === '*' || lower === entry.replace(/^\./, '') || lower.endsWith(entry.startsWith('.') ? entry : `.${entry}`));
  return bypass ? undefined : proxy;
}

function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable proxy URL)';
  }
}

function connectTcp(address: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: address, port });
    const cleanup = watch(socket, timeoutMs, signal, () => reject(new StageError('tcp-timeout', `no answer from ${address}:${port} within ${timeoutMs} ms (a firewall dropping packets, or nothing at that address)`)), reject);
    socket.once('connect', () => {
      cleanup();
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(new StageError(error.code === 'ETIMEDOUT' ? 'tcp-timeout' : 'tcp-refused', `TCP ${address}:${port}: ${error.code ?? error.message}`));
    });
  });
}

async function connectTunnel(proxy: URL, host: string, port: number, timeoutMs: number, signal?: AbortSignal): Promise<Socket> {
  const socket = await connectTcp(proxy.hostname, Number(proxy.port || 80), timeoutMs, signal).catch((error: unknown) => {
    throw new StageError('proxy-refused', `the proxy ${redactProxy(proxy.toString())} does not answer: ${messageOf(error)}`);
  });
  const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
  socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
  const head = await readHead(socket, timeoutMs, signal, 'proxy-refused', 'the proxy closed the connection before answering CONNECT');
  if (head.status !== 200) {
    socket.destroy();
    throw new StageError('proxy-refused', `the proxy refused CONNECT ${host}:${port} with HTTP ${head.status}${head.status === 407 ? ' (proxy authentication required)' : ''}`, head.status, head.proxyMarkers);
  }
  return socket;
}

function startTls(socket: Socket, host: string, ca: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secured = tlsConnect({ socket, servername: isIpAddress(host) ? undefined : host, ...(ca ? { ca } : {}), ALPNProtocols: ['http/1.1'] });
    const cleanup = watch(secured, timeoutMs, signal, () => reject(new StageError('tls-failed', `TLS handshake with ${host} did not complete within ${timeoutMs} ms`)), reject);
    secured.once('secureConnect', () => {
      cleanup();
      resolve(secured);
    });
    secured.once('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      const intercepted = /self.signed|unable to get local issuer|certificate/i.test(error.message);
      reject(new StageError('tls-failed', `TLS handshake with ${host} failed: ${error.code ?? error.message}${intercepted ? ' (a TLS-inspecting proxy presents its own certificate; trust its root or exempt the host)' : ''}`));
    });
  });
}

async function upgrade(socket: TLSSocket, host: string, path: string, timeoutMs: number, signal?: AbortSignal): Promise<{ status: number }> {
  const key = randomBytes(16).toString('base64');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nUser-Agent: bastion-doctor\r\n\r\n`);
  const head = await readHead(socket, timeoutMs, signal, 'upgrade-dropped', 'the connection was closed after the WebSocket upgrade request, without an answer');
  if (head.status === 101) {
    const expected = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
    if (head.headers.get('sec-websocket-accept') !== expected) throw new StageError('upgrade-refused', 'HTTP 101 without a valid Sec-WebSocket-Accept: something in the path answered in the host\'s place', 101, head.proxyMarkers);
    return { status: 101 };
  }
  if (head.status === 407 || head.proxyMarkers.length > 0 || head.status === 400 || head.status === 403 || head.status === 426) {
    throw new StageError('upgrade-refused', `the WebSocket upgrade was refused with HTTP ${head.status}${head.proxyMarkers.length > 0 ? ` (proxy headers: ${head.proxyMarkers.join(', ')})` : ''}`, head.status, head.proxyMarkers);
  }
  return { status: head.status };
}

interface ResponseHead {
  status: number;
  headers: Map<string, string>;
  proxyMarkers: string[];
}

function readHead(socket: Socket, timeoutMs: number, signal: AbortSignal | undefined, closedOutcome: ClientPathOutcome, closedMessage: string): Promise<ResponseHead> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const cleanup = watch(socket, timeoutMs, signal, () => reject(new StageError(closedOutcome === 'upgrade-dropped' ? 'upgrade-timeout' : closedOutcome, `no answer within ${timeoutMs} ms`)), reject);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      cleanup();
      resolve(parseHead(buffer.slice(0, end)));
    };
    socket.on('data', onData);
    const onClosed = () => {
      cleanup();
      reject(new StageError(closedOutcome, closedMessage));
    };
    socket.once('end', onClosed);
    socket.once('close', onClosed);
    socket.once('error', onClosed);
  });
}

function parseHead(text: string): ResponseHead {
  const [statusLine, ...lines] = text.split('\r\n');
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status, headers, proxyMarkers: PROXY_HEADERS.filter((name) => headers.has(name)) };
}

/** A timer and an abort listener on a stage; the returned function removes both. */
function watch(socket: Socket, timeoutMs: number, signal: AbortSignal | undefined, onTimeout: () => void, onAbort: (error: Error) => void): () => void {
  const timer = setTimeout(() => {
    socket.destroy();
    onTimeout();
  }, timeoutMs);
  const abort = () => {
    socket.destroy();
    onAbort(abortError());
  };
  signal?.addEventListener('abort', abort, { once: true });
  if (signal?.aborted) abort();
  return () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, outcome: ClientPathOutcome, message: string, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new StageError(outcome, message)), timeoutMs);
    const abort = () => reject(abortError());
    signal?.addEventListener('abort', abort, { once: true });
    promise.then(resolve, (error: unknown) => reject(new StageError(outcome, `DNS lookup failed: ${(error as NodeJS.ErrnoException).code ?? messageOf(error)}`)))
      .finally(() => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      });
  });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

function abortError(): Error {
  const error = new Error('The deep check was cancelled.');
  error.name = 'AbortError';
  return error;
}

function isIpAddress(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
