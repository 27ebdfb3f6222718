// Calls into the SDK that keep exactly what ARM returned: the mapper reads raw ARM JSON, and
// Save Snapshot must write real ARM JSON, not the SDK's camel-cased models.
import type { Pipeline } from '@azure/core-rest-pipeline';
import { checkNextLink, type PagingBounds } from './paging';

/** The part of the SDK's raw response (FullOperationResponse) these calls read. */
interface RawResponse {
  status: number;
  request?: { url: string };
  parsedBody?: unknown;
  bodyAsText?: string | null;
}

export type RawArmResource = Record<string, unknown> & { id: string; name: string; type: string };

export interface RawCallOptions {
  abortSignal?: AbortSignal;
  onResponse: (response: RawResponse) => void;
}

function bodyOf(response: RawResponse): unknown {
  if (response.parsedBody !== undefined) return response.parsedBody;
  return response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined;
}

export function isRawArmResource(value: unknown): value is RawArmResource {
  const v = value as Partial<RawArmResource> | undefined;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.type === 'string' && typeof v.name === 'string';
}

/** One GET; resolves to the response body as ARM sent it. */
export async function rawGet(call: (options: RawCallOptions) => Promise<unknown>, signal: AbortSignal | undefined): Promise<RawArmResource> {
  let body: unknown;
  await call({ abortSignal: signal, onResponse: (response) => { if (response.status === 200) body = bodyOf(response); } });
  if (!isRawArmResource(body)) throw new Error('Azure Resource Manager returned a response that is not an ARM resource');
  return body;
}

/** The SDK's paged iterator, reduced to what rawList uses. */
export interface PagedIterable {
  byPage(): AsyncIterator<unknown>;
}

/**
 * Every page of a list operation; resolves to the `value` items of all pages, as ARM sent them.
 * The SDK fetches the first page; later pages follow `nextLink` through the client's own pipeline
 * (authentication, retries, TLS options), because the SDK's pager neither reports their raw
 * responses nor passes the abort signal on to them. A nextLink on another host, one seen before
 * (a loop) or one past the page limit ends the listing with a ReadStoppedError.
 */
export async function rawList(
  call: (options: RawCallOptions) => PagedIterable | Promise<PagedIterable>,
  pipeline: Pipeline,
  bounds: PagingBounds,
  signal: AbortSignal | undefined,
): Promise<RawArmResource[]> {
  const items: RawArmResource[] = [];
  const seen = new Set<string>();
  let nextLink: string | undefined;
  const keep = (body: unknown) => {
    const page = body as { value?: unknown; nextLink?: unknown } | undefined;
    if (Array.isArray(page?.value)) items.push(...page.value.filter(isRawArmResource));
    nextLink = typeof page?.nextLink === 'string' && page.nextLink !== '' ? page.nextLink : undefined;
  };
  const paged = await call({
    abortSignal: signal,
    onResponse: (response) => {
      if (response.request !== undefined) seen.add(response.request.url);
      if (response.status === 200) keep(bodyOf(response));
    },
  });
  await paged.byPage().next();
  if (nextLink === undefined) return items;
  const { createDefaultHttpClient, createPipelineRequest, RestError } = await import('@azure/core-rest-pipeline');
  const httpClient = createDefaultHttpClient();
  for (let pages = 1; nextLink !== undefined; pages++) {
    checkNextLink(nextLink, seen, pages, bounds);
    seen.add(nextLink);
    const request = createPipelineRequest({ url: nextLink, method: 'GET', abortSignal: signal });
    const response = await pipeline.sendRequest(httpClient, request);
    if (response.status !== 200) {
      throw new RestError(`ARM answered ${response.status} for a page of a list`, { statusCode: response.status, request, response });
    }
    keep(response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined);
  }
  return items;
}
