import type { Page } from './types';
import { throwIfCancelled } from './retry';

/** Big pages keep the request count (and the rate limit) low; Intervals documents no cap. */
export const DEFAULT_PAGE_SIZE = 500;

export interface PageRequest {
  offset: number;
  limit: number;
  signal?: AbortSignal;
}

export type PageFetcher<T> = (request: PageRequest) => Promise<Page<T>>;

export interface PageProgress {
  /** 1-based number of the page just received. */
  page: number;
  offset: number;
  /** Items on this page. */
  received: number;
  /** Items received so far, this page included. */
  fetched: number;
  /** Total the server reported, if it did. */
  total: number | undefined;
}

export interface PaginateOptions {
  pageSize?: number;
  /** Where to start; 0 by default. */
  offset?: number;
  signal?: AbortSignal;
  onPage?: (progress: PageProgress) => void;
  /** Stops a server that never ends a list from looping forever. */
  maxPages?: number;
}

/**
 * Walks a collection page by page with `limit`/`offset`, yielding its items. Stops when
 * `listcount` is reached, on an empty page, or — when the server gives no `listcount` — on a
 * page shorter than asked for. The next offset follows what arrived, so a server that caps the
 * page size below ours is still walked completely when it reports `listcount`.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, options: PaginateOptions = {}): AsyncGenerator<T, void, undefined> {
  const limit = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE));
  const maxPages = options.maxPages ?? 10_000;
  let offset = Math.max(0, Math.floor(options.offset ?? 0));
  let fetched = 0;
  for (let page = 1; page <= maxPages; page++) {
    throwIfCancelled(options.signal);
    const result = await fetchPage({ offset, limit, signal: options.signal });
    const received = result.items.length;
    fetched += received;
    options.onPage?.({ page, offset, received, fetched, total: result.listCount });
    for (const item of result.items) {
      yield item;
    }
    if (received === 0) {
      return;
    }
    offset += received;
    if (result.listCount !== undefined ? offset >= result.listCount : received < limit) {
      return;
    }
  }
}

export async function fetchAll<T>(fetchPage: PageFetcher<T>, options: PaginateOptions = {}): Promise<T[]> {
  const items: T[] = [];
  for await (const item of paginate(fetchPage, options)) {
    items.push(item);
  }
  return items;
}
