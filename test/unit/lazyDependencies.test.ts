import * as assert from 'node:assert/strict';
import * as FastXmlParser from 'fast-xml-parser';
import * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import { dispatcherOnFirstRequest, fastXmlParser, undici } from '../../src/api/lazyDependencies';

/** A dispatcher that answers every request with 204 and counts what it was asked. */
function countingDispatcher(): Dispatcher & { requests: number; closes: number } {
  const dispatcher = {
    requests: 0,
    closes: 0,
    request() {
      dispatcher.requests++;
      return Promise.resolve({ statusCode: 204 } as Dispatcher.ResponseData);
    },
    close() {
      dispatcher.closes++;
      return Promise.resolve();
    },
  };
  return dispatcher as unknown as Dispatcher & { requests: number; closes: number };
}

const REQUEST: Dispatcher.RequestOptions = { origin: 'http://127.0.0.1:1', path: '/me/', method: 'GET' };

describe('Dependencies loaded on first use', () => {
  it('are the packages themselves outside the bundle', () => {
    assert.equal(undici().Pool, Undici.Pool);
    assert.equal(fastXmlParser().XMLParser, FastXmlParser.XMLParser);
  });

  it('make the dispatcher on its first request, once, with undici', async () => {
    const made: unknown[] = [];
    const inner = countingDispatcher();
    const dispatcher = dispatcherOnFirstRequest((http) => {
      made.push(http);
      return inner;
    });
    assert.equal(made.length, 0, 'nothing is made before a request');
    assert.equal((await dispatcher.request(REQUEST)).statusCode, 204);
    await dispatcher.request(REQUEST);
    assert.deepEqual(made, [undici()]);
    assert.equal(inner.requests, 2);
    await dispatcher.close();
    assert.equal(inner.closes, 1);
  });

  it('close a dispatcher that never sent anything without making one, and refuse requests after', async () => {
    let made = 0;
    const dispatcher = dispatcherOnFirstRequest(() => {
      made++;
      return countingDispatcher();
    });
    await dispatcher.close();
    await assert.rejects(dispatcher.request(REQUEST), /closed before its first request/);
    assert.equal(made, 0);
  });
});
