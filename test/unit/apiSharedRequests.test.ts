import * as assert from 'node:assert/strict';
import type { IntervalsError } from '../../src/api/errors';
import { SharedRequests } from '../../src/api/sharedRequests';
import { rejection } from './helpers/apiTestKit';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('SharedRequests', () => {
  it('starts one request for identical keys and gives every caller the answer', async () => {
    const shared = new SharedRequests<string>();
    const answer = deferred<string>();
    let starts = 0;
    const start = () => {
      starts++;
      return answer.promise;
    };
    const a = shared.run('GET /task/', undefined, start);
    const b = shared.run('GET /task/', undefined, start);
    const c = shared.run('GET /project/', undefined, () => Promise.resolve('other'));
    answer.resolve('tasks');
    assert.deepEqual(await Promise.all([a, b, c]), ['tasks', 'tasks', 'other']);
    assert.equal(starts, 1);
    assert.equal(shared.size, 0);
  });

  it('starts afresh once the earlier request has finished', async () => {
    const shared = new SharedRequests<number>();
    let starts = 0;
    await shared.run('k', undefined, () => Promise.resolve(++starts));
    assert.equal(await shared.run('k', undefined, () => Promise.resolve(++starts)), 2);
  });

  it('shares failures too', async () => {
    const shared = new SharedRequests<string>();
    const answer = deferred<string>();
    const a = shared.run('k', undefined, () => answer.promise);
    const b = shared.run('k', undefined, () => answer.promise);
    answer.reject(new Error('boom'));
    assert.equal(((await rejection(a)) as Error).message, 'boom');
    assert.equal(((await rejection(b)) as Error).message, 'boom');
  });

  it('cancels one caller without cancelling the request for the others', async () => {
    const shared = new SharedRequests<string>();
    const answer = deferred<string>();
    let requestSignal: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      requestSignal = signal;
      return answer.promise;
    };
    const first = new AbortController();
    const a = shared.run('k', first.signal, start);
    const b = shared.run('k', undefined, start);
    first.abort();
    assert.equal(((await rejection(a)) as IntervalsError).kind, 'cancelled');
    assert.equal(requestSignal?.aborted, false);
    answer.resolve('ok');
    assert.equal(await b, 'ok');
  });

  it('cancels the request when every caller has cancelled', async () => {
    const shared = new SharedRequests<string>();
    let requestSignal: AbortSignal | undefined;
    const start = (signal: AbortSignal) => {
      requestSignal = signal;
      return new Promise<string>((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const one = new AbortController();
    const two = new AbortController();
    const a = shared.run('k', one.signal, start);
    const b = shared.run('k', two.signal, start);
    one.abort();
    assert.equal(requestSignal?.aborted, false);
    two.abort();
    assert.equal(requestSignal?.aborted, true);
    assert.equal(((await rejection(a)) as IntervalsError).kind, 'cancelled');
    assert.equal(((await rejection(b)) as IntervalsError).kind, 'cancelled');
    // A new caller after everyone left gets a new request, not the cancelled one.
    let restarted = false;
    const c = await shared.run('k', undefined, () => {
      restarted = true;
      return Promise.resolve('fresh');
    });
    assert.equal(c, 'fresh');
    assert.equal(restarted, true);
  });

  it('refuses an already cancelled caller without starting anything', async () => {
    const shared = new SharedRequests<string>();
    const controller = new AbortController();
    controller.abort();
    let started = false;
    const failure = await rejection(
      shared.run('k', controller.signal, () => {
        started = true;
        return Promise.resolve('x');
      }),
    );
    assert.equal((failure as IntervalsError).kind, 'cancelled');
    assert.equal(started, false);
  });
});
