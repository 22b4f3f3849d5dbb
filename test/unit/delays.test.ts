import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_SERVER_WAIT_MS, MAX_TIMER_DELAY_MS, clampDelay, timerSchedule } from '../../src/api/clock';
import { IntervalsError } from '../../src/api/errors';
import { parseRetryAfter } from '../../src/api/errorParsing';
import { SlidingWindowLimiter } from '../../src/api/rateLimiter';
import type { TimeEntry, TimeEntryInput } from '../../src/api/types';
import { Outbox } from '../../src/outbox/outbox';
import type { QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure, type TimeEntryApi } from '../../src/timeLog/timeLogSync';
import { nextPollDelayMs } from '../../src/timer/pollLease';
import { FakeClock } from './helpers/apiTestKit';

const HUGE = 2 ** 40;

describe('delays are clamped in one place', () => {
  it('keeps every delay a timer can take, and none negative', () => {
    assert.equal(clampDelay(HUGE), MAX_TIMER_DELAY_MS);
    assert.equal(clampDelay(Infinity), MAX_TIMER_DELAY_MS);
    assert.equal(clampDelay(-5), 0);
    assert.equal(clampDelay(Number.NaN), 0);
    assert.equal(clampDelay(1500.2), 1501);
    assert.equal(clampDelay(HUGE, MAX_SERVER_WAIT_MS), MAX_SERVER_WAIT_MS);
  });

  it('arms timers with the clamped delay (a longer one would fire after 1 ms)', () => {
    const armed: number[] = [];
    const schedule = timerSchedule(
      (_run, ms) => {
        armed.push(ms);
        return armed.length;
      },
      () => undefined,
    );
    schedule(HUGE, () => undefined)();
    schedule(250, () => undefined);
    assert.deepEqual(armed, [MAX_TIMER_DELAY_MS, 250]);
  });

  it('bounds a Retry-After of years, in seconds or as a date, to the longest server wait', () => {
    const now = Date.UTC(2026, 4, 19, 10);
    assert.equal(parseRetryAfter('999999999', now), MAX_SERVER_WAIT_MS);
    assert.equal(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', now), MAX_SERVER_WAIT_MS);
    assert.equal(parseRetryAfter('120', now), 120_000);
  });

  it('holds the rate limiter at most the longest server wait', async () => {
    const clock = new FakeClock();
    const limiter = new SlidingWindowLimiter({ maxRequests: 10, windowMs: 60_000, now: clock.now, sleep: clock.sleep });
    limiter.holdUntil(clock.now() + HUGE);
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [MAX_SERVER_WAIT_MS]);
  });

  it('polls no later than a timer can wait, whatever the service asked', () => {
    assert.ok(nextPollDelayMs(60, 3, () => 0.5, HUGE) <= MAX_SERVER_WAIT_MS);
    assert.ok(nextPollDelayMs(1e12, 0, () => 0.5) <= MAX_TIMER_DELAY_MS);
  });

  describe('a waiting entry told to retry after years', () => {
    let folder: string;
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('is armed for at most an hour and due again then, not after 1 ms nor never', async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'intervals-delays-'));
      let now = Date.UTC(2026, 10, 27, 9);
      const input: TimeEntryInput = { personId: 1, taskId: 7, projectId: 1, workTypeId: 2, date: '2026-11-27', time: 1, billable: true, description: '' };
      let posts = 0;
      const api: TimeEntryApi = {
        createTime: () => {
          posts++;
          return Promise.reject(new IntervalsError({ kind: 'rateLimited', message: 'slow down', retryAfterMs: HUGE }));
        },
        listAllTime: () => Promise.resolve([] as TimeEntry[]),
        deleteTimer: () => Promise.resolve(),
      };
      const armed: number[] = [];
      const outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => now, random: () => 0, sleep: () => Promise.resolve() });
      const sync = new TimeLogSync({
        outbox,
        api: () => api,
        now: () => now,
        schedule: (delay) => {
          armed.push(delay);
          return () => undefined;
        },
      });
      const result = await sync.submit({ input, taskLabel: '#7', project: null, workType: null });
      assert.equal(result.status, 'queued');
      const last = armed[armed.length - 1];
      assert.ok(last <= MAX_SERVER_WAIT_MS && last >= 60_000, `armed after ${last} ms`);
      now += MAX_SERVER_WAIT_MS;
      await sync.sync();
      assert.equal(posts, 2, 'sent again once the longest wait has passed');
      sync.dispose();
      outbox.dispose();
    });
  });
});
