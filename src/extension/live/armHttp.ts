// Tenants and subscriptions straight from Resource Manager with the signed-in token: two small
// list calls that need no SDK module, so the tree's first level appears without loading one.
import type { SubscriptionInfo } from '../subscriptionFilter';

export const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

export interface TenantInfo {
  tenantId: string;
  displayName?: string;
  defaultDomain?: string;
}

export type Fetch = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export class ArmHttpError extends Error {
  override readonly name = 'ArmHttpError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Every page of an ARM list (following nextLink on the same host only). */
export async function listAll(endpoint: string, path: string, token: string, signal: AbortSignal | undefined, fetchImpl: Fetch = fetch): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const origin = new URL(endpoint).origin;
  let url: string | undefined = `${endpoint}${path}`;
  while (url) {
    const response = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, signal });
    const body = (await response.json().catch(() => undefined)) as { value?: unknown; nextLink?: unknown; error?: { code?: string; message?: string } } | undefined;
    if (!response.ok) throw new ArmHttpError(response.status, `GET ${path.split('?')[0]} failed (${response.status}${body?.error?.code ? ` ${body.error.code}` : ''})${body?.error?.message ? `: ${body.error.message}` : ''}`);
    if (Array.isArray(body?.value)) items.push(...body.value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null));
    url = typeof body?.nextLink === 'string' && new URL(body.nextLink).origin === origin ? body.nextLink : undefined;
  }
  return items;
}

export async function listSubscriptions(endpoint: string, token: string, signal?: AbortSignal, fetchImpl?: Fetch): Promise<SubscriptionInfo[]> {
  const items = await listAll(endpoint, `/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`, token, signal, fetchImpl);
  return items.flatMap((item) => {
    const subscriptionId = item.subscriptionId;
    const tenantId = item.tenantId;
    if (typeof subscriptionId !== 'string' || typeof tenantId !== 'string') return [];
    return [{ subscriptionId, tenantId, displayName: typeof item.displayName === 'string' ? item.displayName : subscriptionId, state: typeof item.state === 'string' ? item.state : undefined }];
  });
}

export async function listTenants(endpoint: string, token: string, signal?: AbortSignal, fetchImpl?: Fetch): Promise<TenantInfo[]> {
  const items = await listAll(endpoint, `/tenants?api-version=${SUBSCRIPTIONS_API_VERSION}`, token, signal, fetchImpl);
  return items.flatMap((item) => (typeof item.tenantId === 'string'
    ? [{ tenantId: item.tenantId, displayName: typeof item.displayName === 'string' ? item.displayName : undefined, defaultDomain: typeof item.defaultDomain === 'string' ? item.defaultDomain : undefined }]
    : []));
}

/** The `exp` claim of a JWT access token in ms, when it can be read (VS Code sessions carry no expiry). */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
