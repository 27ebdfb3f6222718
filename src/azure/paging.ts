// Bounds on following pages: a nextLink must stay on the endpoint's origin, never repeat (a
// loop) and not go past the page limit; each ends the read with a ReadStoppedError that its
// check-incomplete quotes. rawList (raw ARM JSON) and the SDK pagers of the deep checks use it.
import { ReadStoppedError } from './errors';

/** Where a listing may go and how far: the clients' endpoint and page limit. */
export interface PagingBounds {
  endpoint: string;
  maxPages: number;
}

/** Throws unless `nextLink` may be followed after `pagesRead` pages and the links in `seen`. */
export function checkNextLink(nextLink: string, seen: ReadonlySet<string>, pagesRead: number, bounds: PagingBounds): void {
  let url: URL;
  try {
    url = new URL(nextLink);
  } catch {
    throw new ReadStoppedError('ARM answered with a nextLink that is not a URL; not followed');
  }
  if (url.origin !== new URL(bounds.endpoint).origin) throw new ReadStoppedError(`ARM answered with a nextLink on another host (${url.host}); not followed`);
  if (seen.has(nextLink)) throw new ReadStoppedError('ARM answered the same nextLink twice (a paging loop); not followed');
  if (pagesRead >= bounds.maxPages) throw new ReadStoppedError(`the listing has more than ${bounds.maxPages} pages (the page limit); the rest was not read`);
}

/** A page of an SDK pager: its items, and the nextLink it was answered with. */
type SdkPage<T> = T[] & { continuationToken?: string };

/** The items of an SDK pager, every page checked by checkNextLink before it is fetched. */
export async function* boundedItems<T>(pager: { byPage(): AsyncIterableIterator<SdkPage<T>> }, bounds: PagingBounds): AsyncGenerator<T> {
  const seen = new Set<string>();
  const pages = pager.byPage();
  for (let pagesRead = 0; ; ) {
    const { value: page, done } = await pages.next();
    if (done) return;
    pagesRead += 1;
    yield* page;
    const next = page.continuationToken;
    if (next === undefined || next === '') return;
    checkNextLink(next, seen, pagesRead, bounds);
    seen.add(next);
  }
}
