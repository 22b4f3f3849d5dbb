import * as assert from 'node:assert/strict';
import { IntervalsError, type IntervalsErrorKind } from '../../src/api/errors';
import { DEFAULT_RETRY_POLICY, isRetryableMethod, retryDelay, withRetry, type RetryPolicy } from '../../src/api/retry';
import { FakeClock, rejection } from './helpers/apiTestKit';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000, rateLimitDelayMs: 2000 };
const error = (kind: IntervalsErrorKind, extra: Partial<{ code: number; retryAfterMs: number }> = {}) =>
  new IntervalsError({ kind, message: kind, ...extra });

describe('retry policy', () => {
  it('retries reads and deletes, never creates or updates', () => {
    assert.equal(isRetryableMethod('GET'), true);
    assert.equal(isRetryableMethod('DELETE'), true);
    assert.equal(isRetryableMethod('POST'), false);
    assert.equal(isRetryableMethod('PUT'), false);
    assert.equal(retryDelay(1, error('network'), 'POST', policy, () => 0.5), undefined);
    assert.equal(retryDelay(1, error('timeout'), 'PUT', policy, () => 0.5), undefined);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const low = () => 0;
    const high = () => 1;
    assert.deepEqual([1, 2, 3].map((attempt) => retryDelay(attempt, error('server'), 'GET', { ...policy, maxAttempts: 10 }, low)), [50, 100, 200]);
    assert.deepEqual([1, 2, 3].map((attempt) => retryDelay(attempt, error('server'), 'GET', { ...policy, maxAttempts: 10 }, high)), [100, 200, 400]);
    assert.equal(retryDelay(8, error('server'), 'GET', { ...policy, maxAttempts: 10 }, high), 1000);
  });

  it('stops after the last attempt', () => {
    assert.notEqual(retryDelay(3, error('server'), 'GET', policy, () => 0), undefined);
    assert.equal(retryDelay(4, error('server'), 'GET', policy, () => 0), undefined);
  });

  it('honours Retry-After, and gives up when it is too long', () => {
    assert.equal(retryDelay(1, error('rateLimited', { retryAfterMs: 3000 }), 'GET', policy, () => 0), 3000);
    assert.equal(retryDelay(1, error('rateLimited', { retryAfterMs: 60_000 }), 'GET', policy, () => 0), undefined);
  });

  it('waits at least the rate-limit delay after "too fast" without Retry-After', () => {
    assert.equal(retryDelay(1, error('rateLimited', { code: 12 }), 'GET', policy, () => 0), 2000);
  });

  it('does not retry errors a retry cannot fix', () => {
    for (const kind of ['unauthorized', 'forbidden', 'notFound', 'validation', 'badResponse', 'cancelled'] as const) {
      assert.equal(retryDelay(1, error(kind), 'GET', policy, () => 0), undefined, kind);
    }
    assert.equal(retryDelay(1, error('rateLimited', { code: 11 }), 'GET', policy, () => 0), undefined);
  });

  it('has sensible defaults', () => {
    assert.ok(DEFAULT_RETRY_POLICY.maxAttempts >= 2 && DEFAULT_RETRY_POLICY.maxAttempts <= 6);
  });
});

describe('withRetry', () => {
  it('returns the first success after failures, sleeping between attempts', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const retries: number[] = [];
    const result = await withRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) {
          throw error('server');
        }
        return 'ok';
      },
      { method: 'GET', policy, sleep: clock.sleep, random: () => 0, onRetry: (info) => retries.push(info.attempt) },
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 3);
    assert.deepEqual(clock.sleeps, [50, 100]);
    assert.deepEqual(retries, [1, 2]);
  });

  it('gives up with the last error after the capped number of attempts', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const failure = await rejection(
      withRetry(
        async () => {
          calls++;
          throw error('timeout');
        },
        { method: 'GET', policy, sleep: clock.sleep, random: () => 0 },
      ),
    );
    assert.equal((failure as IntervalsError).kind, 'timeout');
    assert.equal(calls, 4);
    assert.equal(clock.sleeps.length, 3);
  });

  it('sends a POST once', async () => {
    const clock = new FakeClock();
    let calls = 0;
    await rejection(
      withRetry(
        async () => {
          calls++;
          throw error('network');
        },
        { method: 'POST', policy, sleep: clock.sleep, random: () => 0 },
      ),
    );
    assert.equal(calls, 1);
    assert.deepEqual(clock.sleeps, []);
  });

  it('stops waiting when cancelled', async () => {
    const controller = new AbortController();
    let calls = 0;
    const failure = await rejection(
      withRetry(
        async () => {
          calls++;
          throw error('server');
        },
        {
          method: 'GET',
          policy,
          random: () => 0,
          signal: controller.signal,
          sleep: () => {
            controller.abort();
            return Promise.resolve();
          },
        },
      ),
    );
    assert.equal((failure as IntervalsError).kind, 'cancelled');
    assert.equal(calls, 1);
  });
});
