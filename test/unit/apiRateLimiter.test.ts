import * as assert from 'node:assert/strict';
import type { IntervalsError } from '../../src/api/errors';
import { SlidingWindowLimiter } from '../../src/api/rateLimiter';
import { FakeClock, rejection } from './helpers/apiTestKit';

describe('SlidingWindowLimiter', () => {
  it('lets the first N requests through at once', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 3, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    assert.deepEqual(clock.sleeps, []);
    assert.equal(limiter.recent, 3);
  });

  it('makes the next request wait until the oldest leaves the window', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 2, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    await limiter.acquire();
    clock.advance(10_000);
    await limiter.acquire();
    clock.advance(5_000);
    await limiter.acquire();
    // The first started at t0 and the window is 60 s; 15 s have passed.
    assert.deepEqual(clock.sleeps, [45_000]);
  });

  it('never lets more than N start in any window', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 5, windowMs: 1000, now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 23 }, async () => {
        await limiter.acquire();
        starts.push(clock.now());
      }),
    );
    assert.equal(starts.length, 23);
    for (const start of starts) {
      const inWindow = starts.filter((other) => other > start - 1000 && other <= start).length;
      assert.ok(inWindow <= 5, `${inWindow} starts in the window ending ${start}`);
    }
    assert.ok(clock.sleeps.length > 0);
  });

  it('serves waiters in arrival order', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 1, windowMs: 100, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.acquire().then(() => order.push(n))));
    assert.deepEqual(order, [1, 2, 3, 4]);
  });

  it('holds everyone until a server-given time', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 100, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    limiter.holdUntil(clock.now() + 7000);
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [7000]);
  });

  it('lets a cancelled waiter leave without blocking the others', async () => {
    let time = 0;
    const pendingSleeps: Array<() => void> = [];
    const limiter = new SlidingWindowLimiter({
      maxRequests: 1,
      windowMs: 1000,
      now: () => time,
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
          pendingSleeps.push(() => {
            time += ms;
            resolve();
          });
        }),
    });
    await limiter.acquire();
    const controller = new AbortController();
    const cancelled = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(pendingSleeps.length, 1);
    controller.abort();
    const failure = (await rejection(cancelled)) as IntervalsError;
    assert.equal(failure.kind, 'cancelled');
    // The second waiter now sleeps for the slot; wake it.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(pendingSleeps.length, 2);
    pendingSleeps[1]();
    await next;
    assert.equal(limiter.pending, 0);
  });

  it('refuses a nonsensical configuration', () => {
    assert.throws(() => new SlidingWindowLimiter({ maxRequests: 0, windowMs: 1000 }), RangeError);
  });
});
