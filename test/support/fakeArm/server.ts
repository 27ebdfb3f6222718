// A local HTTPS fake of Azure Resource Manager for integration tests: GET by id, list URLs with
// nextLink paging, Resource Graph queries, long-running POST actions, injected faults (statuses,
// connection resets, stalls, long Retry-After, looping or foreign nextLinks) and latency, and a
// log of every request (with its Authorization header, so a test can see where a token went). Everything is served from an in-memory store.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { testCertificate } from './certificate';
import { answerGraphQuery, type GraphQueryBody } from './resourceGraph';
import { keyOf, ResourceStore, type ArmJson, subscriptionOf } from './store';

export interface Fault {
  /** Case-insensitive substring of the request path, or a pattern tested against it. */
  path: string | RegExp;
  method?: string;
  /** The status to answer with; absent for a fault that only adds latency. */
  status?: number;
  latencyMs?: number;
  /** Only requests whose body matches (Resource Graph queries share one path). */
  body?: RegExp;
  /** How many requests it applies to (default: all). */
  times?: number;
  /** For 429/503: the retry-after-ms header (default 20). */
  retryAfterMs?: number;
  /** For 429/503: a `Retry-After` header in seconds instead (ARM's usual form). */
  retryAfterSeconds?: number;
  /** Instead of an answer: reset the connection, or never answer (until the client gives up). */
  transport?: 'reset' | 'stall';
  /** Answer normally, with this nextLink: 'self' is the request's own URL (a page that loops). */
  nextLink?: string;
  /** Answer a Resource Graph query normally, with this `$skipToken` (the same one again: a loop). */
  skipToken?: string;
}

export interface LoggedRequest {
  method: string;
  /** Path with `//` collapsed, as it arrived otherwise. */
  path: string;
  query: URLSearchParams;
  status?: number;
  startMs: number;
  endMs?: number;
  /** The client closed the connection before the answer was sent. */
  aborted: boolean;
  /** The request body, for POSTs (Resource Graph queries). */
  body?: string;
  /** The Authorization header as it arrived. */
  authorization?: string;
}

const DEFAULT_PAGE_SIZE = 50;
export const FAKE_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OPERATION_PREFIX = '/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Network/locations/westeurope';

export class FakeArm {
  readonly store = new ResourceStore();
  readonly requests: LoggedRequest[] = [];
  /** Latency added to every request, in ms. */
  latencyMs = 0;
  pageSize = DEFAULT_PAGE_SIZE;
  /** Caps Resource Graph's page size below the 1000 rows a client may ask for. */
  graphMaxTop: number | undefined;
  /** When set, any other bearer token gets a 401. */
  acceptedToken: string | undefined;
  /** Display names for GET /subscriptions, by lower-cased subscription id. */
  readonly subscriptionNames = new Map<string, string>();
  /** Answers of long-running POST actions, by lower-cased action path. */
  readonly actions = new Map<string, unknown>();
  private faults: Fault[] = [];
  private server: Server | undefined;
  private operationCounter = 0;
  private readonly operations = new Map<string, { polls: number; result: unknown }>();
  private readonly ca = testCertificate().cert;

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('FakeArm is not started');
    return `https://127.0.0.1:${address.port}`;
  }

  get certificate(): string {
    return this.ca;
  }

  /** On a free port unless one is given (the real-VS-Code suite's settings name the port). */
  async start(port = 0): Promise<this> {
    const { key, cert } = testCertificate();
    this.server = createServer({ key, cert }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  put(...resources: { id: string; name: string; type: string }[]): void {
    this.store.put(...(resources as ArmJson[]));
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  resetLog(): void {
    this.requests.length = 0;
  }

  /** Requests whose path contains `fragment` (case-insensitive). */
  requestsTo(fragment: string): LoggedRequest[] {
    return this.requests.filter((r) => r.path.toLowerCase().includes(fragment.toLowerCase()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Resource-URI operations send `//subscriptions/...`; URL would read that as a host name.
    const url = new URL((req.url ?? '/').replace(/^\/{2,}/, '/'), 'https://fake');
    const path = url.pathname.replace(/\/{2,}/g, '/');
    const entry: LoggedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, startMs: performance.now(), aborted: false, authorization: req.headers.authorization };
    this.requests.push(entry);
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });
    const body = await readBody(req);
    if (body) entry.body = body;
    const fault = this.takeFault(entry);
    const delay = this.latencyMs + (fault?.latencyMs ?? 0);
    if (delay > 0) await sleep(delay);
    if (res.destroyed) return;
    if (fault?.transport === 'stall') return;
    if (fault?.transport === 'reset') {
      // A TLS socket cannot send a TCP RST (resetAndDestroy); closing it mid-request gives the
      // client the same ECONNRESET ("socket hang up") a dropped connection does.
      req.socket.destroy();
      return;
    }
    const answer = fault?.status !== undefined ? faultAnswer(fault, path) : this.route(req, entry, body);
    if (fault?.nextLink !== undefined && answer.status === 200) {
      answer.body = { ...(answer.body as object), nextLink: fault.nextLink === 'self' ? `${this.url}${req.url ?? '/'}` : fault.nextLink };
    }
    if (fault?.skipToken !== undefined && answer.status === 200) answer.body = { ...(answer.body as object), $skipToken: fault.skipToken };
    entry.status = answer.status;
    entry.endMs = performance.now();
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': `fake-${this.requests.length}`, ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private takeFault(entry: LoggedRequest): Fault | undefined {
    const fault = this.faults.find((f) =>
      (f.method === undefined || f.method.toUpperCase() === entry.method) &&
      (typeof f.path === 'string' ? entry.path.toLowerCase().includes(f.path.toLowerCase()) : f.path.test(entry.path)) &&
      (f.body === undefined || f.body.test(entry.body ?? '')) &&
      (f.times === undefined || f.times > 0));
    if (fault?.times !== undefined) fault.times -= 1;
    return fault;
  }

  private route(req: IncomingMessage, entry: LoggedRequest, body: string): Answer {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || (this.acceptedToken !== undefined && token !== this.acceptedToken)) {
      return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    }
    if (!entry.query.get('api-version')) return armError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    const lower = entry.path.toLowerCase();
    if (entry.method === 'POST' && lower === '/providers/microsoft.resourcegraph/resources') return this.resourceGraph(body);
    if (entry.method === 'POST') return this.startAction(lower, entry.query.get('api-version')!);
    if (lower === '/subscriptions') return this.page(entry, this.subscriptionList());
    if (lower === '/tenants') return this.page(entry, [{ id: `/tenants/${FAKE_TENANT_ID}`, name: FAKE_TENANT_ID, type: 'tenant', tenantId: FAKE_TENANT_ID, displayName: 'Contoso', defaultDomain: 'contoso.onmicrosoft.com' } as ArmJson]);
    if (lower.startsWith(OPERATION_PREFIX.toLowerCase())) return this.pollOperation(lower);
    const resource = this.store.get(entry.path);
    if (resource) return { status: 200, body: this.expandSubnets(shaped(resource, entry.query), entry.query) };
    const members = this.store.list(entry.path);
    if (members) return this.page(entry, members);
    return armError(404, 'ResourceNotFound', `The Resource '${entry.path.split('/providers/').pop()}' under resource group '${/resourcegroups\/([^/]+)/i.exec(entry.path)?.[1] ?? ''}' was not found.`);
  }

  /** Every subscription that holds a resource, named as `subscriptionNames` says (else by id). */
  private subscriptionList(): ArmJson[] {
    const ids = [...new Set(this.store.all().map((r) => subscriptionOf(r.id)).filter((id): id is string => id !== undefined))].sort();
    return ids.map((subscriptionId) => ({
      id: `/subscriptions/${subscriptionId}`,
      name: subscriptionId,
      type: 'subscription',
      subscriptionId,
      tenantId: FAKE_TENANT_ID,
      displayName: this.subscriptionNames.get(subscriptionId) ?? subscriptionId,
      state: 'Enabled',
    } as ArmJson));
  }

  private page(entry: LoggedRequest, members: ArmJson[]): Answer {
    const offset = Number(entry.query.get('$skiptoken') ?? '0');
    const value = members.slice(offset, offset + this.pageSize).map((r) => shaped(r, entry.query));
    const body: Record<string, unknown> = { value };
    if (offset + this.pageSize < members.length) {
      const next = new URLSearchParams(entry.query);
      next.set('$skiptoken', String(offset + this.pageSize));
      body.nextLink = `${this.url}${entry.path}?${next.toString()}`;
    }
    return { status: 200, body };
  }

  /** ARM inlines a NIC's subnets when asked with `$expand=ipConfigurations/subnet`. */
  private expandSubnets(resource: ArmJson, query: URLSearchParams): ArmJson {
    const expand = (query.get('$expand') ?? '').toLowerCase();
    if (resource.type.toLowerCase() !== 'microsoft.network/networkinterfaces' || !expand.includes('ipconfigurations/subnet')) return resource;
    const configs = (resource.properties as { ipConfigurations?: { properties?: { subnet?: { id?: string } } }[] } | undefined)?.ipConfigurations ?? [];
    for (const config of configs) {
      const subnetId = config.properties?.subnet?.id;
      if (!subnetId || !config.properties) continue;
      const vnet = this.store.get(subnetId.replace(/\/subnets\/[^/]+\/?$/i, ''));
      const subnets = (vnet?.properties as { subnets?: { id?: string }[] } | undefined)?.subnets ?? [];
      const subnet = subnets.find((s) => s.id?.toLowerCase() === subnetId.toLowerCase());
      if (subnet) config.properties.subnet = subnet;
    }
    return resource;
  }

  private resourceGraph(body: string): Answer {
    let request: GraphQueryBody;
    try {
      request = JSON.parse(body) as GraphQueryBody;
    } catch {
      return armError(400, 'BadRequest', 'The request body is not JSON.');
    }
    const answer = answerGraphQuery(request, this.store.view(), this.graphMaxTop);
    return answer.ok ? { status: 200, body: answer.body } : armError(answer.status, answer.code, answer.message);
  }

  /** 202 with both polling headers; the operation reports InProgress once, then Succeeded. */
  private startAction(path: string, apiVersion: string): Answer {
    if (!this.actions.has(path)) return armError(404, 'ResourceNotFound', `No action is configured for ${path}.`);
    const id = `op-${++this.operationCounter}`;
    this.operations.set(id, { polls: 0, result: this.actions.get(path) });
    const base = `${this.url}${OPERATION_PREFIX}`;
    return {
      status: 202,
      headers: {
        'azure-asyncoperation': `${base}/operations/${id}?api-version=${apiVersion}`,
        location: `${base}/operationResults/${id}?api-version=${apiVersion}`,
        'retry-after': '0',
      },
    };
  }

  private pollOperation(path: string): Answer {
    const [, kind, id] = /\/(operations|operationresults)\/([^/]+)$/.exec(path) ?? [];
    const operation = id === undefined ? undefined : this.operations.get(id);
    if (!operation) return armError(404, 'OperationNotFound', `Operation ${id ?? path} not found.`);
    if (kind === 'operationresults') return operation.polls > 0 ? { status: 200, body: operation.result } : { status: 202, headers: { 'retry-after': '0' } };
    operation.polls += 1;
    return { status: 200, body: { status: operation.polls > 1 ? 'Succeeded' : 'InProgress' } };
  }
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A VM carries its instance view only when asked ($expand=instanceView, or statusOnly=true on a list). */
function shaped(resource: ArmJson, query: URLSearchParams): ArmJson {
  if (resource.type.toLowerCase() !== 'microsoft.compute/virtualmachines') return resource;
  const wantsInstanceView = (query.get('$expand') ?? '').toLowerCase() === 'instanceview' || query.get('statusOnly') === 'true';
  if (!wantsInstanceView && resource.properties && typeof resource.properties === 'object') {
    delete (resource.properties as Record<string, unknown>).instanceView;
  }
  return resource;
}

function faultAnswer(fault: Fault, path: string): Answer {
  const status = fault.status!;
  const retryAfter: Record<string, string> = fault.retryAfterSeconds !== undefined
    ? { 'retry-after': String(fault.retryAfterSeconds) }
    : { 'retry-after-ms': String(fault.retryAfterMs ?? 20) };
  switch (status) {
    case 403: {
      const action = `${armTypeOf(path)}/read`;
      return armError(403, 'AuthorizationFailed',
        `The client 'a1b2c3d4-0000-4000-8000-000000000001' with object id 'a1b2c3d4-0000-4000-8000-000000000001' does not have authorization to perform action '${action}' over scope '${path}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
    }
    case 404:
      return armError(404, 'ResourceNotFound', `The Resource '${path.split('/providers/').pop()}' was not found.`);
    case 429:
      return { ...armError(429, 'TooManyRequests', 'The request is being throttled.'), headers: retryAfter };
    case 503:
      return { ...armError(503, 'ServiceUnavailable', 'The service is temporarily unavailable.'), headers: retryAfter };
    default:
      return armError(status, 'InjectedFault', `Injected status ${status}.`);
  }
}

function armError(status: number, code: string, message: string): Answer {
  return { status, body: { error: { code, message } } };
}

/** `Microsoft.Network/networkSecurityGroups` from a resource path (the last provider section). */
function armTypeOf(path: string): string {
  const afterProvider = path.split(/\/providers\//i).pop() ?? '';
  const segments = afterProvider.split('/');
  const types = segments.slice(1).filter((_, i) => i % 2 === 0);
  return [segments[0], ...types].join('/');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { keyOf };
