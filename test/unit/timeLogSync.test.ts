import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IntervalsError } from '../../src/api/errors';
import type { TimeEntryInput } from '../../src/api/types';
import { Outbox } from '../../src/outbox/outbox';
import { checkHours, checkIsoDate, hoursByDay, isSameEntry, type QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure, entryRef } from '../../src/timeLog/timeLogSync';
import { buildWeek, shiftWeek, weekOf } from '../../src/timeLog/timeWeek';
import { FakeTimeApi, entry, failure } from './helpers/fakeTimeApi';

const NONE = { rounding: 'none', mode: 'nearest' } as const;

describe('checkHours', () => {
  const valid: Array<[unknown, number, RegExp]> = [
    [1.5, 1.5, /^1 h 30 min = 1\.50 h$/],
    ['1,5', 1.5, /= 1\.50 h/],
    ['1:30', 1.5, /= 1\.50 h/],
    ['90m', 1.5, /= 1\.50 h/],
    ['1h30m', 1.5, /= 1\.50 h/],
    ['1h 30m', 1.5, /= 1\.50 h/],
    ['9:15-10:45', 1.5, /^1 h 30 min = 1\.50 h$/],
    [0.25, 0.25, /^15 min = 0\.25 h$/],
  ];
  for (const [input, hours, understood] of valid) {
    it(`reads ${JSON.stringify(input)} as ${hours} h`, () => {
      const result = checkHours(input, NONE);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.hours, hours);
      assert.match(result.understood, understood);
    });
  }

  const invalid: Array<[unknown, number, RegExp]> = [
    [0, 0, /^Enter a duration above zero\.$/],
    ['0:00', 0, /^Enter a duration above zero\.$/],
    [-2, 0, /negative/],
    ['-1h', 0, /negative/],
    [25, 0, /more than 24 hours/],
    ['26h', 0, /more than 24 hours/],
    ['later', 0, /not a duration/],
    [Number.NaN, 0, /not a number/],
    [null, 0, /Enter a duration/],
    ['10:45-9:15', 0, /ends before it starts/],
    [3, 22, /would make the day 25 h, more than 24 hours \(22 h already logged that day\)/],
  ];
  for (const [input, logged, message] of invalid) {
    it(`refuses ${JSON.stringify(input)}${logged ? ` with ${logged} h already logged` : ''}`, () => {
      const result = checkHours(input, NONE, logged);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, message);
    });
  }

  it('allows a day of exactly 24 hours', () => {
    assert.equal(checkHours(2, NONE, 22).ok, true);
  });

  it('applies the rounding setting and says so', () => {
    const result = checkHours('52m', { rounding: '15min', mode: 'nearest' });
    assert.ok(result.ok);
    assert.equal(result.hours, 0.75);
    assert.match(result.understood, /^45 min = 0\.75 h \(rounded from 52 min\)$/);
    const up = checkHours('31m', { rounding: '30min', mode: 'up' });
    assert.ok(up.ok);
    assert.equal(up.hours, 1);
  });

  it('refuses hours so small they come to no whole second', () => {
    const tiny = checkHours(0.0001, NONE);
    assert.equal(tiny.ok, false);
    assert.match(tiny.ok ? '' : tiny.message, /zero/);
    assert.equal(checkHours(0.0002, NONE).ok, true, '0.72 s is a second');
  });
});

describe('checkIsoDate', () => {
  it('accepts a real YYYY-MM-DD day and refuses others', () => {
    assert.deepEqual(checkIsoDate('2026-02-28'), { ok: true, iso: '2026-02-28' });
    for (const bad of ['2026-02-30', '2026-2-3', 'today', 20260101, undefined]) {
      assert.equal(checkIsoDate(bad).ok, false, String(bad));
    }
  });
});

const INPUT: TimeEntryInput = { personId: 1, taskId: 7, projectId: 1, workTypeId: 2, date: '2026-11-27', time: 1.5, billable: true, description: 'Work' };

describe('isSameEntry', () => {
  it('matches the entry a lost request would have created', () => {
    assert.ok(isSameEntry(entry(), INPUT));
    assert.ok(isSameEntry(entry({ time: 1.5, description: ' Work ' }), { ...INPUT, time: 1.5001 }), 'service rounding and spacing');
    assert.ok(isSameEntry(entry({ description: null }), { ...INPUT, description: '' }));
  });

  for (const [field, value] of [
    ['personId', 2],
    ['date', '2026-11-26'],
    ['taskId', 8],
    ['workTypeId', 3],
    ['time', 1.25],
    ['billable', false],
    ['description', 'Other'],
  ] as const) {
    it(`does not match another ${field}`, () => {
      assert.equal(isSameEntry(entry({ [field]: value }), INPUT), false);
    });
  }
});

describe('hoursByDay', () => {
  it('sums per day', () => {
    assert.deepEqual([...hoursByDay([entry(), entry({ time: 2 }), entry({ date: '2026-11-28', time: 1 })])], [
      ['2026-11-27', 3.5],
      ['2026-11-28', 1],
    ]);
  });
});

describe('classifyTimeFailure', () => {
  const rows: Array<[IntervalsError | Error, unknown]> = [
    [failure('validation'), 'fatal'],
    [failure('forbidden'), 'fatal'],
    [failure('notFound'), 'fatal'],
    [failure('network'), 'retryable'],
    [failure('network', { mayHaveReachedServer: true }), 'uncertain'],
    [failure('timeout', { mayHaveReachedServer: true }), 'uncertain'],
    [failure('server'), 'retryable'],
    [failure('server', { mayHaveReachedServer: true }), 'uncertain'],
    [failure('badResponse'), 'uncertain'],
    [failure('rateLimited', { retryAfterMs: 3000 }), { kind: 'retryable', retryAfterMs: 3000 }],
    [failure('unauthorized'), 'retryable'],
    [new Error('anything else'), 'uncertain'],
  ];
  for (const [error, expected] of rows) {
    it(`${error.message}${(error as IntervalsError).mayHaveReachedServer ? ' after sending' : ''} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(classifyTimeFailure(error), expected);
    });
  }
});

describe('TimeLogSync', () => {
  let folder: string;
  let now: number;
  let api: FakeTimeApi | undefined;
  let sync: TimeLogSync;
  let scheduled: number[];

  const queued = (description: string, timerId?: number): QueuedTimeEntry => ({
    input: { ...INPUT, description },
    ...(timerId !== undefined ? { timerId } : {}),
    taskLabel: '#7 Task',
    project: 'Website',
    workType: 'Design',
  });

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'timelog-'));
    now = Date.UTC(2026, 10, 27, 9);
    api = new FakeTimeApi();
    scheduled = [];
    const outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => now, random: () => 0, sleep: () => Promise.resolve() });
    sync = new TimeLogSync({
      outbox,
      api: () => api,
      now: () => now,
      schedule: (delay) => {
        scheduled.push(delay);
        return () => undefined;
      },
    });
  });

  afterEach(() => {
    sync.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('logs at once when the service answers, leaving nothing waiting', async () => {
    const result = await sync.submit(queued('now'));
    assert.equal(result.status, 'logged');
    assert.equal(api?.entries.length, 1);
    assert.deepEqual(await sync.waiting(), []);
  });

  it('keeps the entry through a network failure and sends it when due, once', async () => {
    api?.failures.push({ error: failure('network') });
    const result = await sync.submit(queued('later'));
    assert.equal(result.status, 'queued');
    assert.equal((await sync.waiting()).length, 1);
    assert.ok(scheduled.length > 0, 'a retry is armed');
    now += 60_000;
    const report = await sync.sync();
    assert.equal(report.sent, 1);
    assert.equal(api?.entries.length, 1);
    assert.deepEqual(await sync.waiting(), []);
  });

  it('does not send anything while signed out', async () => {
    api?.failures.push({ error: failure('network') });
    await sync.submit(queued('offline'));
    const server = api;
    api = undefined;
    now += 60_000;
    assert.deepEqual(await sync.sync(), { sent: 0, confirmed: 0, retrying: 0, failed: 0 });
    assert.equal(server?.posts, 1);
    assert.equal((await sync.waiting()).length, 1);
  });

  it('looks an uncertain entry up before sending again and finds it: no second entry', async () => {
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }), commit: true });
    const confirmed: boolean[] = [];
    sync.onDidConfirm((event) => confirmed.push(event.foundOnServer));
    assert.equal((await sync.submit(queued('committed', 5))).status, 'queued');
    assert.deepEqual(api?.deletedTimers, [], 'the timer stays until the entry is confirmed');
    now += 120_000;
    const report = await sync.sync();
    assert.equal(report.confirmed, 1);
    assert.equal(api?.posts, 1, 'not sent again');
    assert.equal(api?.entries.length, 1);
    const lookup = { personId: 1, date: '2026-11-27', taskId: 7 };
    assert.deepEqual(api?.lookups, [lookup, lookup], 'one look before the first send, one after the wait');
    assert.deepEqual(api?.deletedTimers, [5], 'the timer goes once the entry is found');
    assert.deepEqual(confirmed, [true]);
  });

  it('sends an uncertain entry that the lookup does not find', async () => {
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }) });
    await sync.submit(queued('lost'));
    now += 120_000;
    const report = await sync.sync();
    assert.equal(report.sent, 1);
    assert.equal(api?.entries.length, 1);
  });

  it('keeps an uncertain entry when the lookup itself fails, without sending it', async () => {
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }), commit: true });
    await sync.submit(queued('unknown'));
    const server = api;
    if (server) {
      server.listAllTime = () => Promise.reject(failure('network'));
    }
    now += 120_000;
    const report = await sync.sync();
    assert.equal(report.retrying, 1);
    assert.equal(server?.posts, 1);
    assert.equal((await sync.waiting())[0]?.state, 'uncertain');
  });

  it('two identical uncertain entries each need their own server entry', async () => {
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }), commit: true });
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }) });
    await sync.submit(queued('twice'));
    await sync.submit(queued('twice'));
    now += 10 * 60_000;
    const report = await sync.sync();
    assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 1, sent: 1 });
    assert.equal(api?.entries.length, 2);
  });

  it('does not take an identical entry logged earlier for an interrupted one, whichever run looks it up', async () => {
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }), commit: true });
    await sync.submit(queued('standup'));
    now += 10 * 60_000;
    assert.equal((await sync.sync()).confirmed, 1, 'the first one arrived');
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }) });
    await sync.submit(queued('standup'));
    now += 10 * 60_000;
    const report = await sync.sync();
    assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 0, sent: 1 });
    assert.equal(api?.entries.length, 2);
  });

  it('does not take an entry sent in full for an identical interrupted one', async () => {
    assert.equal((await sync.submit(queued('review'))).status, 'logged');
    api?.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }) });
    await sync.submit(queued('review'));
    now += 10 * 60_000;
    assert.equal((await sync.sync()).sent, 1);
    assert.equal(api?.entries.length, 2);
  });

  it('finds its own entry when the window closed after the service had it but before it was settled', async () => {
    const outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => now, random: () => 0, sleep: () => Promise.resolve() });
    const server = api;
    const item = await outbox.add('time', queued('closed'));
    const created = await server?.createTime(item.payload.input);
    assert.ok(created);
    await outbox.reserve(item.id, entryRef(created));
    await outbox.markAttempt(item.id, { result: 'uncertain', error: new Error('window closed') });
    now += 10 * 60_000;
    assert.equal((await sync.sync()).confirmed, 1);
    assert.equal(server?.entries.length, 1);
  });

  it('hands a validation error back and keeps nothing', async () => {
    api?.failures.push({ error: failure('validation') });
    const result = await sync.submit(queued('bad'));
    assert.deepEqual(result, { status: 'invalid', message: 'validation failure' });
    assert.deepEqual(await sync.waiting(), []);
  });

  it('marks an entry refused on a later attempt, sends it again only when the user retries, and discards it', async () => {
    api?.failures.push({ error: failure('network') }, { error: failure('forbidden') });
    await sync.submit(queued('refused later'));
    now += 60_000;
    assert.equal((await sync.sync()).failed, 1);
    const [item] = await sync.waiting();
    assert.equal(item.state, 'failed');
    now += 60 * 60_000;
    assert.equal((await sync.sync()).sent, 0, 'a refused entry is not sent by itself');
    assert.equal((await sync.retry(item.id)).sent, 1);
    assert.equal(api?.entries.length, 1);
  });

  it('discards a waiting entry', async () => {
    api?.failures.push({ error: failure('server') });
    const result = await sync.submit(queued('discard'));
    assert.equal(result.status, 'queued');
    assert.equal(await sync.discard(result.status === 'queued' ? result.id : ''), true);
    assert.deepEqual(await sync.waiting(), []);
  });

  it('sends waiting entries at once when the connection is back, at most every 30 s, never refused ones', async () => {
    api?.failures.push({ error: failure('network') }, { error: failure('network') }, { error: failure('validation') });
    await sync.submit(queued('back online'));
    assert.equal((await sync.reconnected())?.retrying, 1, 'due at once although its backoff has not passed');
    now += 10_000;
    assert.equal(await sync.reconnected(), undefined, 'not again within 30 s');
    now += 30_000;
    const report = await sync.reconnected();
    assert.equal(report?.failed, 1);
    now += 60_000;
    assert.equal(await sync.reconnected(), undefined, 'a refused entry waits for the user');
    assert.equal(api?.posts, 3);
  });

  it('waits at least as long as the rate limit asks', async () => {
    api?.failures.push({ error: failure('rateLimited', { retryAfterMs: 120_000 }) });
    await sync.submit(queued('slow down'));
    assert.ok(scheduled[scheduled.length - 1] >= 120_000, `armed after ${scheduled[scheduled.length - 1]} ms`);
    now += 60_000;
    assert.equal((await sync.sync()).sent, 0, 'not due yet');
    now += 61_000;
    assert.equal((await sync.sync()).sent, 1);
  });
});

describe('time week', () => {
  it('spans Monday to Sunday around a day, and shifts by whole weeks', () => {
    assert.deepEqual(weekOf(new Date(2026, 10, 28)), { start: '2026-11-23', end: '2026-11-29' });
    assert.deepEqual(weekOf(new Date(2026, 10, 23)), { start: '2026-11-23', end: '2026-11-29' });
    assert.deepEqual(weekOf(new Date(2026, 10, 29)), { start: '2026-11-23', end: '2026-11-29' });
    assert.deepEqual(shiftWeek('2026-11-23', -1), { start: '2026-11-16', end: '2026-11-22' });
    assert.deepEqual(shiftWeek('2026-12-28', 1), { start: '2027-01-04', end: '2027-01-10' });
  });

  it('groups entries by day with daily and weekly totals', () => {
    const week = buildWeek('2026-11-23', [
      entry({ id: 1, date: '2026-11-23', time: 0.1 }),
      entry({ id: 2, date: '2026-11-23', time: 0.2 }),
      entry({ id: 3, date: '2026-11-29', time: 8 }),
      entry({ id: 4, date: '2026-11-30', time: 5 }),
    ]);
    assert.equal(week.days.length, 7);
    assert.equal(week.end, '2026-11-29');
    assert.deepEqual(week.days[0].entries.map((e) => e.id), [1, 2]);
    assert.equal(week.days[0].hours, 0.3);
    assert.equal(week.days[1].hours, 0);
    assert.equal(week.days[6].hours, 8);
    assert.equal(week.hours, 8.3, 'the entry of the next week is not counted');
  });
});
