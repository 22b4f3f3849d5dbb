import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TimeEntryInput } from '../../src/api/types';
import { Outbox } from '../../src/outbox/outbox';
import { comparableText, isSameEntry, sameHours, type QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure } from '../../src/timeLog/timeLogSync';
import { FakeTimeApi, entry, failure } from './helpers/fakeTimeApi';

// After an attempt whose outcome is unknown, the lookup may only take an entry that this attempt
// could have made: never one that existed before it (an identical one from the web app).

const INPUT: TimeEntryInput = { personId: 1, taskId: 7, projectId: 1, workTypeId: 2, date: '2026-11-27', time: 1, billable: true, description: '' };
const AFTER_WAIT = 10 * 60_000;

describe('TimeLogSync: what an uncertain entry may match', () => {
  let folder: string;
  let now: number;
  let api: FakeTimeApi;
  let personId: number;
  let outbox: Outbox<QueuedTimeEntry>;
  let sync: TimeLogSync;

  const queued = (input: Partial<TimeEntryInput> = {}): QueuedTimeEntry => ({ input: { ...INPUT, ...input }, taskLabel: '#7 Task', project: 'Website', workType: 'Design' });

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'timelog-match-'));
    now = Date.UTC(2026, 10, 27, 9);
    api = new FakeTimeApi();
    personId = 1;
    outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => now, random: () => 0, sleep: () => Promise.resolve() });
    sync = new TimeLogSync({ outbox, api: () => api, personId: () => personId, now: () => now });
  });

  afterEach(() => {
    sync.dispose();
    outbox.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('does not take an identical entry made earlier in the web app (1 h, no description) for an interrupted attempt', async () => {
    api.entries.push(entry({ id: 5, ...INPUT, description: null }));
    api.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }) });
    assert.equal((await sync.submit(queued())).status, 'queued');
    now += AFTER_WAIT;
    const report = await sync.sync();
    assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 0, sent: 1 });
    assert.equal(api.entries.length, 2, 'the web app entry and ours');
  });

  it('still finds the entry its own attempt made, applied although the answer was lost', async () => {
    api.entries.push(entry({ id: 5, ...INPUT, description: null }));
    api.failures.push({ error: failure('timeout', { mayHaveReachedServer: true }), commit: true });
    await sync.submit(queued());
    now += AFTER_WAIT;
    const report = await sync.sync();
    assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 1, sent: 0 });
    assert.equal(api.posts, 1);
    assert.equal(api.entries.length, 2);
  });

  it('notes what existed durably before the first request goes out', async () => {
    api.entries.push(entry({ id: 5, ...INPUT }));
    const original = api.createTime.bind(api);
    let noted: unknown;
    api.createTime = async (input) => {
      noted = (await outbox.list())[0]?.snapshot;
      return original(input);
    };
    assert.equal((await sync.submit(queued())).status, 'logged');
    assert.deepEqual(noted, { ids: [5] });
  });

  it('sends without a lookup an entry interrupted before its first request', async () => {
    api.entries.push(entry({ id: 5, ...INPUT, description: null }));
    const item = await outbox.add('time', { ...queued(), snapshotFirst: true });
    await outbox.markAttempt(item.id, { result: 'uncertain', error: new Error('window closed') });
    now += AFTER_WAIT;
    const report = await sync.sync();
    assert.equal(report.sent, 1);
    assert.equal(api.entries.length, 2);
  });

  it('a failed look before the first request is not uncertain: nothing was sent', async () => {
    api.listAllTime = () => Promise.reject(failure('timeout'));
    const result = await sync.submit(queued());
    assert.equal(result.status, 'queued');
    const [item] = await sync.waiting();
    assert.equal(item.state, 'pending');
    assert.equal(api.posts, 0);
  });

  it('sends an entry only while its own account is signed in', async () => {
    personId = 2;
    assert.equal((await sync.submit(queued())).status, 'queued');
    assert.equal(api.posts, 0, 'not sent with another person’s token');
    now += AFTER_WAIT;
    assert.equal((await sync.sync()).sent, 0);
    personId = 1;
    assert.equal((await sync.sync()).sent, 1);
  });
});

describe('matching what the service stored', () => {
  for (const [stored, sent] of [
    ['Fix &amp; test', 'Fix & test'],
    ['Fix & test', 'Fix & test'],
    ['Review &lt;b&gt;API&lt;/b&gt;', 'Review <b>API</b>'],
    ['Review API', 'Review <b>API</b>'],
    ['Review <b>API</b>', 'Review API'],
    ["O&#39;Brien &quot;call&quot;", 'O\'Brien "call"'],
    ['  spaced\n out ', 'spaced out'],
    [null, ''],
  ] as const) {
    it(`takes ${JSON.stringify(stored)} as the description ${JSON.stringify(sent)}`, () => {
      assert.equal(comparableText(stored), comparableText(sent));
      assert.ok(isSameEntry(entry({ ...INPUT, description: stored }), { ...INPUT, description: sent }));
    });
  }

  it('tells different descriptions apart', () => {
    assert.notEqual(comparableText('Fix & test'), comparableText('Fix and test'));
    assert.equal(isSameEntry(entry({ ...INPUT, description: 'Review' }), { ...INPUT, description: 'Review API' }), false);
  });

  for (const [stored, sent] of [
    [1.4167, 1.4167],
    [1.42, 1.4167],
    [1.41, 1.4167],
    [1.4, 1.4167],
    [1.5, 1.4167],
    [0.3, 0.25],
    [0.2, 0.25],
    [1.5, 1.5],
  ] as const) {
    it(`takes ${stored} h stored as ${sent} h sent (precision of the service)`, () => {
      assert.ok(sameHours(stored, sent));
    });
  }

  for (const [stored, sent] of [
    [1.45, 1.4167],
    [1.3, 1.4167],
    [2, 1.5],
    [0.1, 0.25],
  ] as const) {
    it(`does not take ${stored} h for ${sent} h`, () => {
      assert.equal(sameHours(stored, sent), false);
    });
  }
});
