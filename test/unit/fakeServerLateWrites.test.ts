import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IntervalsClient } from '../../src/api/client';
import type { IntervalsError } from '../../src/api/errors';
import type { TimeEntryInput } from '../../src/api/types';
import { Outbox } from '../../src/outbox/outbox';
import type { QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure } from '../../src/timeLog/timeLogSync';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import type { FakeIntervals } from '../fake-intervals/server';
import type { TimeStorage } from '../fake-intervals/store';
import { rejection } from './helpers/apiTestKit';
import { TestClock, startTestFake } from './helpers/fakeIntervalsHttp';

// The fake's modes for writes whose outcome the client cannot know, entries made in the web app,
// and the ways the service may store what it was sent; and the time log against all of them.

const ADMIN = DEMO_PEOPLE.admin;
const TASK = 1;
/** Short enough to give up quickly in a test; the server holds the write past it. */
const CLIENT_TIMEOUT_MS = 300;

describe('Fake server: writes the client gave up on, and how entries are stored', () => {
  const clock = new TestClock();
  let fake: FakeIntervals;
  let client: IntervalsClient;
  let project: number;
  let worktype: number;

  before(async () => {
    fake = await startTestFake(clock);
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    client = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, timeoutMs: CLIENT_TIMEOUT_MS, retry: false, limiter: false, now: () => clock.now().getTime() });
    const task = fake.store.task.find((row) => row.id === TASK);
    assert.ok(task);
    project = task.projectid;
    const attached = fake.store.projectworktype.find((row) => row.projectid === project && row.active);
    assert.ok(attached);
    worktype = attached.worktypeid;
  });

  afterEach(async () => {
    await fake.settled();
    await client.close();
  });

  const input = (extra: Partial<TimeEntryInput> = {}): TimeEntryInput => ({
    personId: ADMIN,
    taskId: TASK,
    projectId: project,
    workTypeId: worktype,
    date: '2026-03-11',
    time: 1.4167,
    billable: true,
    description: 'Fix <b>nav</b> & footer',
    ...extra,
  });
  const entriesOf = (description: RegExp) => fake.store.time.filter((row) => row.personid === ADMIN && description.test(row.description ?? ''));

  it('commitLateNext applies the write after the client gave up, and never answers', async () => {
    fake.faults.commitLateNext(1, 50, { method: 'POST', resource: 'time' });
    const error = (await rejection(client.createTime(input({ description: 'late one' })))) as IntervalsError;
    assert.equal(error.kind, 'timeout');
    assert.equal(error.mayHaveReachedServer, true);
    assert.equal(entriesOf(/late one/).length, 0, 'not applied while the client waited');
    await fake.settled();
    assert.equal(entriesOf(/late one/).length, 1, 'applied after it gave up');
    const logged = fake.requests.find((request) => request.fault === 'commitLate');
    assert.equal(logged?.status, 201);
  });

  it('dropAfterTimeoutNext holds the write past the client’s timeout, then drops it unapplied', async () => {
    fake.faults.dropAfterTimeoutNext(1, { method: 'POST', resource: 'time' });
    const error = (await rejection(client.createTime(input({ description: 'dropped one' })))) as IntervalsError;
    assert.equal(error.kind, 'timeout');
    await fake.settled();
    assert.equal(entriesOf(/dropped one/).length, 0);
    assert.equal(fake.requests.find((request) => request.fault === 'dropAfterTimeout')?.status, 0);
  });

  for (const [storage, description, time] of [
    [{ descriptions: 'raw' }, 'Fix <b>nav</b> & footer', 1.4167],
    [{ descriptions: 'escaped' }, 'Fix &lt;b&gt;nav&lt;/b&gt; &amp; footer', 1.4167],
    [{ descriptions: 'stripped', hoursDecimals: 2 }, 'Fix nav & footer', 1.42],
    [{ descriptions: 'raw', hoursDecimals: 1 }, 'Fix <b>nav</b> & footer', 1.4],
  ] as Array<[TimeStorage, string, number]>) {
    it(`stores entries ${JSON.stringify(storage)}, from the API and from the web app alike`, async () => {
      fake.store.account.timeStorage = storage;
      const created = await client.createTime(input());
      assert.deepEqual([created.description, created.time], [description, time]);
      const made = fake.addWebAppEntry({ personid: ADMIN, projectid: project, worktypeid: worktype, taskid: TASK, description: 'Fix <b>nav</b> & footer', time: 1.4167 });
      assert.deepEqual([made.description, made.time], [description, time]);
    });
  }

  describe('the time log against them', () => {
    let folder: string;
    let now: number;
    let outbox: Outbox<QueuedTimeEntry>;
    let sync: TimeLogSync;

    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'late-writes-'));
      now = clock.now().getTime();
      outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => now, sleep: () => Promise.resolve() });
      sync = new TimeLogSync({ outbox, api: () => client, personId: () => ADMIN, now: () => now });
    });

    afterEach(() => {
      sync.dispose();
      outbox.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    const queued = (): QueuedTimeEntry => ({ input: input(), taskLabel: '#1001', project: null, workType: null });
    const ours = () => fake.store.time.filter((row) => row.personid === ADMIN && row.date === '2026-03-11' && row.taskid === TASK && /nav/.test(row.description ?? ''));

    for (const storage of [
      { descriptions: 'raw' },
      { descriptions: 'escaped' },
      { descriptions: 'stripped' },
      { descriptions: 'raw', hoursDecimals: 2 },
      { descriptions: 'escaped', hoursDecimals: 1 },
    ] as TimeStorage[]) {
      it(`finds an entry committed after the client gave up, stored ${JSON.stringify(storage)}, and does not send it again`, async () => {
        fake.store.account.timeStorage = storage;
        fake.faults.commitLateNext(1, 50, { method: 'POST', resource: 'time' });
        assert.equal((await sync.submit(queued())).status, 'queued');
        await fake.settled();
        now += 10 * 60_000;
        const report = await sync.sync();
        assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 1, sent: 0 });
        assert.equal(ours().length, 1, 'exactly once');
      });

      it(`sends again an entry dropped unapplied, stored ${JSON.stringify(storage)}, and does not take the web app's identical one for it`, async () => {
        fake.store.account.timeStorage = storage;
        fake.addWebAppEntry({ personid: ADMIN, projectid: project, worktypeid: worktype, taskid: TASK, date: '2026-03-11', description: 'Fix <b>nav</b> & footer', time: 1.4167 });
        fake.faults.dropAfterTimeoutNext(1, { method: 'POST', resource: 'time' });
        assert.equal((await sync.submit(queued())).status, 'queued');
        now += 10 * 60_000;
        const report = await sync.sync();
        assert.deepEqual({ confirmed: report.confirmed, sent: report.sent }, { confirmed: 0, sent: 1 });
        assert.equal(ours().length, 2, 'the web app one and ours');
      });
    }
  });
});
