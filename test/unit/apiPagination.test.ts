import * as assert from 'node:assert/strict';
import type { IntervalsError } from '../../src/api/errors';
import { fetchAll, paginate, type PageProgress, type PageRequest } from '../../src/api/pagination';
import type { Page } from '../../src/api/types';
import { rejection } from './helpers/apiTestKit';

/** A collection of `total` numbers served like Intervals: limit/offset, listcount optional, server cap optional. */
function collection(total: number, options: { listCount?: boolean; cap?: number } = {}) {
  const requests: PageRequest[] = [];
  const fetchPage = (request: PageRequest): Promise<Page<number>> => {
    requests.push({ offset: request.offset, limit: request.limit });
    const size = Math.min(request.limit, options.cap ?? Infinity);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - request.offset)) }, (_, i) => request.offset + i);
    return Promise.resolve({ items, offset: request.offset, limit: request.limit, listCount: options.listCount === false ? undefined : total });
  };
  return { requests, fetchPage };
}

describe('pagination', () => {
  it('walks pages by offset and stops at listcount', async () => {
    const { requests, fetchPage } = collection(1234);
    const items = await fetchAll(fetchPage, { pageSize: 500 });
    assert.equal(items.length, 1234);
    assert.deepEqual(items.slice(0, 3), [0, 1, 2]);
    assert.equal(items[1233], 1233);
    assert.deepEqual(requests, [
      { offset: 0, limit: 500 },
      { offset: 500, limit: 500 },
      { offset: 1000, limit: 500 },
    ]);
  });

  it('does not ask for a page beyond an exact multiple of the page size', async () => {
    const { requests, fetchPage } = collection(1000);
    assert.equal((await fetchAll(fetchPage, { pageSize: 500 })).length, 1000);
    assert.equal(requests.length, 2);
  });

  it('stops on a short page when listcount is missing', async () => {
    const { requests, fetchPage } = collection(1000, { listCount: false });
    assert.equal((await fetchAll(fetchPage, { pageSize: 300 })).length, 1000);
    assert.deepEqual(
      requests.map((request) => request.offset),
      [0, 300, 600, 900],
    );
  });

  it('asks once more and stops on an empty page when listcount is missing and the last page was full', async () => {
    const { requests, fetchPage } = collection(600, { listCount: false });
    assert.equal((await fetchAll(fetchPage, { pageSize: 300 })).length, 600);
    assert.equal(requests.length, 3);
  });

  it('keeps going when the server caps the page size below ours, following listcount', async () => {
    const { requests, fetchPage } = collection(250, { cap: 100 });
    assert.equal((await fetchAll(fetchPage, { pageSize: 500 })).length, 250);
    assert.deepEqual(
      requests.map((request) => request.offset),
      [0, 100, 200],
    );
  });

  it('handles an empty collection with one request', async () => {
    const { requests, fetchPage } = collection(0);
    assert.deepEqual(await fetchAll(fetchPage), []);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].limit, 500);
  });

  it('reports progress per page', async () => {
    const { fetchPage } = collection(1100);
    const progress: PageProgress[] = [];
    await fetchAll(fetchPage, { pageSize: 500, onPage: (page) => progress.push(page) });
    assert.deepEqual(progress, [
      { page: 1, offset: 0, received: 500, fetched: 500, total: 1100 },
      { page: 2, offset: 500, received: 500, fetched: 1000, total: 1100 },
      { page: 3, offset: 1000, received: 100, fetched: 1100, total: 1100 },
    ]);
  });

  it('fetches lazily: breaking out early stops requesting', async () => {
    const { requests, fetchPage } = collection(5000);
    const seen: number[] = [];
    for await (const item of paginate(fetchPage, { pageSize: 100 })) {
      seen.push(item);
      if (seen.length === 150) {
        break;
      }
    }
    assert.equal(requests.length, 2);
  });

  it('stops between pages when cancelled and passes the signal to each page', async () => {
    const controller = new AbortController();
    const signals: Array<AbortSignal | undefined> = [];
    const { fetchPage } = collection(2000);
    const failure = await rejection(
      fetchAll(
        (request) => {
          signals.push(request.signal);
          return fetchPage(request);
        },
        { pageSize: 500, signal: controller.signal, onPage: (page) => page.page === 2 && controller.abort() },
      ),
    );
    assert.equal((failure as IntervalsError).kind, 'cancelled');
    assert.equal(signals.length, 2);
    assert.equal(signals[0], controller.signal);
  });

  it('gives up after maxPages on a server that never ends', async () => {
    let calls = 0;
    const endless = (request: PageRequest): Promise<Page<number>> => {
      calls++;
      return Promise.resolve({ items: [1, 2], offset: request.offset, limit: request.limit, listCount: undefined });
    };
    const items = await fetchAll(endless, { pageSize: 2, maxPages: 5 });
    assert.equal(calls, 5);
    assert.equal(items.length, 10);
  });
});
