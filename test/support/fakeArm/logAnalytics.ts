// A local HTTPS fake of the Log Analytics query API for resource-context queries
// (POST /{resourceId}/query, as LogsQueryClient sends it to a custom endpoint: no /v1, and a
// leading `//` when the id starts with `/`). It answers MicrosoftAzureBastionAuditLogs rows per
// resource id, with injectable status, latency and a request log. The FakeArm's router has no
// extension point for non-ARM paths, so this runs beside it on its own port, same certificate.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { testCertificate } from './certificate';

export interface AuditRow {
  TimeGenerated: string;
  OperationName?: string;
  UserName?: string;
  ClientIpAddress?: string;
  Protocol?: string;
  TargetResourceId?: string;
  TargetVMIPAddress?: string;
  Message?: string;
}

const COLUMNS: { name: keyof AuditRow | 'SessionStartTime' | 'SessionEndTime' | 'Duration' | 'TunnelId'; type: string }[] = [
  { name: 'TimeGenerated', type: 'datetime' }, { name: 'OperationName', type: 'string' }, { name: 'UserName', type: 'string' },
  { name: 'ClientIpAddress', type: 'string' }, { name: 'Protocol', type: 'string' }, { name: 'TargetResourceId', type: 'string' },
  { name: 'TargetVMIPAddress', type: 'string' }, { name: 'Message', type: 'string' }, { name: 'SessionStartTime', type: 'datetime' },
  { name: 'SessionEndTime', type: 'string' }, { name: 'Duration', type: 'int' }, { name: 'TunnelId', type: 'string' },
];

export class FakeLogAnalytics {
  /** Rows by lower-cased resource id. */
  readonly rows = new Map<string, AuditRow[]>();
  readonly requests: { path: string; query: string; status: number }[] = [];
  latencyMs = 0;
  /** Answer every query with this status (403, 400 table not found, 500...). */
  failWith: number | undefined;
  private server: Server | undefined;

  get url(): string {
    return `https://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** On a free port unless one is given (the real-VS-Code suite's settings name the port). */
  async start(port = 0): Promise<this> {
    const { key, cert } = testCertificate();
    this.server = createServer({ key, cert }, (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => void (async () => {
        if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
        const path = (req.url ?? '').split('?')[0].replace(/\/{2,}/g, '/');
        const query = (JSON.parse(body || '{}') as { query?: string }).query ?? '';
        const [status, answer] = this.answer(req.method ?? 'GET', path, req.headers.authorization);
        this.requests.push({ path, query, status });
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer));
      })());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(method: string, path: string, authorization: string | undefined): [number, unknown] {
    if (!/^Bearer .+/.test(authorization ?? '')) return [401, { error: { code: 'AuthorizationRequiredError', message: 'Valid authentication was not provided' } }];
    if (method !== 'POST' || !path.toLowerCase().endsWith('/query')) return [404, { error: { code: 'PathNotFoundError', message: `No route ${method} ${path}` } }];
    if (this.failWith === 403) return [403, { error: { code: 'InsufficientAccessError', message: 'The provided credentials have insufficient access to perform the requested operation' } }];
    if (this.failWith === 400) return [400, { error: { code: 'BadArgumentError', message: 'The request had some invalid properties', innererror: { code: 'SemanticError', message: "'where' operator: Failed to resolve table or column expression named 'MicrosoftAzureBastionAuditLogs'" } } }];
    if (this.failWith !== undefined) return [this.failWith, { error: { code: 'InjectedFault', message: `Injected status ${this.failWith}` } }];
    const resourceId = path.slice(0, -'/query'.length).toLowerCase();
    const rows = this.rows.get(resourceId) ?? [];
    return [200, { tables: [{ name: 'PrimaryResult', columns: COLUMNS, rows: rows.map((row) => COLUMNS.map((column) => (row as unknown as Record<string, unknown>)[column.name] ?? null)) }] }];
  }
}
