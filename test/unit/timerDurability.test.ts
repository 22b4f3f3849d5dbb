import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IntervalsClient } from '../../src/api/client';
import { Outbox } from '../../src/outbox/outbox';
import type { DamageReport } from '../../src/outbox/setAside';
import type { TaskSummary } from '../../src/tasks/taskReference';
import type { QueuedTimeEntry } from '../../src/timeLog/timeEntryDraft';
import { TimeLogSync, classifyTimeFailure } from '../../src/timeLog/timeLogSync';
import { markTimerLogged } from '../../src/timer/timerAccounts';
import { formatUtcTimestamp } from '../../src/time/timestamps';
import { TimerService } from '../../src/timer/timerService';
import { TimerStateFile } from '../../src/timer/timerStateFile';
import { DEMO_PEOPLE, defaultFixture } from '../fake-intervals/fixture';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { FakeTimeApi } from './helpers/fakeTimeApi';

// Timer time is never lost nor counted twice: a logged timer whose deletion fails, a damaged
// state file, a create applied without an answer, another account signing in.

const START = Date.parse('2026-03-11T10:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 103, title: 'Checkout flow', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };

describe('Timers: durable through failures', function () {
  let fake: FakeIntervals;
  let time = START;
  let folder: string;
  let admin: IntervalsClient;
  let manager: IntervalsClient;
  let who: 'admin' | 'manager' | undefined;
  let damage: DamageReport[];
  const services: TimerService[] = [];

  before(async () => {
    fake = await startFakeIntervals({ fixture: defaultFixture({ now: new Date(START) }), now: () => new Date(time) });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.reset();
    fake.store.timer.splice(0);
    time = START;
    who = 'admin';
    damage = [];
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'timers-durable-'));
    admin = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, now: () => time, retry: false, limiter: false });
    manager = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.manager, now: () => time, retry: false, limiter: false });
  });

  afterEach(async () => {
    services.splice(0).forEach((service) => service.dispose());
    await admin.close();
    await manager.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  const stateFile = (owner: string) => new TimerStateFile({ folder, owner, now: () => time, onDamaged: (report) => damage.push(report) });

  function service(owner = 'a', api = () => admin): TimerService {
    const made = new TimerService({
      state: stateFile(owner),
      account: () =>
        who === 'admin' ? { api: api(), personId: DEMO_PEOPLE.admin } : who === 'manager' ? { api: manager, personId: DEMO_PEOPLE.manager } : undefined,
      now: () => new Date(time),
      allowMultipleTimers: () => false,
    });
    services.push(made);
    return made;
  }

  const rows = (person: number = DEMO_PEOPLE.admin) => fake.store.timer.filter((row) => row.personid === person);
  const at = (ms: number) => formatUtcTimestamp(new Date(ms));

  it('a logged timer whose deletion failed is hidden at once, deleted on the next sync, and cannot be logged again', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 30 * 60_000;
    const paused = await timers.pause();
    const timerId = paused?.timer.id;
    assert.ok(timerId);
    const entries = new FakeTimeApi();
    const outbox = new Outbox<QueuedTimeEntry>({ folder, classify: classifyTimeFailure, now: () => time, sleep: () => Promise.resolve() });
    const sync = new TimeLogSync({
      outbox,
      api: () => ({ createTime: (input) => entries.createTime(input), listAllTime: (filter) => entries.listAllTime(filter), deleteTimer: (id) => admin.deleteTimer(id) }),
      onTimerLogged: (id) => markTimerLogged(stateFile('log'), id),
      now: () => time,
    });
    fake.faults.failNext(1, { status: 500, code: 1 }, { method: 'DELETE', resource: 'timer' });
    const input = { personId: DEMO_PEOPLE.admin, taskId: TASK.id, projectId: 1, workTypeId: 1, date: '2026-03-11', time: 0.5, billable: true, description: '' };
    const result = await sync.submit({ input, timerId, taskLabel: '#103', project: null, workType: null });
    assert.equal(result.status, 'logged');
    assert.equal(rows().length, 1, 'the first deletion failed');
    await timers.load();
    assert.deepEqual(timers.entries, [], 'no timer left to stop and log a second time');
    assert.deepEqual(timers.snapshot.deletions, [timerId]);
    await timers.refresh();
    assert.equal(rows().length, 0, 'deleted on the next sync');
    assert.deepEqual(timers.entries, []);
    assert.deepEqual(timers.snapshot.deletions, []);
    assert.equal(entries.entries.length, 1, 'logged once');
    sync.dispose();
    outbox.dispose();
  });

  it('a damaged timer file is set aside, its valid timers kept, and the user told', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 60_000;
    await timers.pause();
    const file = path.join(folder, 'timers.json');
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { records: unknown[] };
    saved.records.push({ timer: { accumulatedSeconds: 'lots' }, pending: [] });
    const damaged = JSON.stringify(saved);
    await fs.writeFile(file, damaged);
    const reader = service('b');
    await reader.load();
    assert.equal(reader.entries.length, 1, 'the valid timer is kept');
    assert.equal(reader.elapsed(reader.entries[0]!), 60);
    assert.equal(damage.length, 1);
    assert.match(damage[0].reason, /1 damaged timer record/);
    assert.equal(damage[0].kept, 1);
    assert.equal(await fs.readFile(damage[0].copy, 'utf8'), damaged, 'the damaged file is kept aside as it was');
    await reader.load();
    assert.equal(damage.length, 1, 'told once: the file was repaired');
  });

  it('an unreadable timer file is set aside and reported, not silently reset', async () => {
    await fs.writeFile(path.join(folder, 'timers.json'), '{"records":[{"timer"');
    const timers = service();
    await timers.load();
    assert.equal(damage.length, 1);
    assert.equal(damage[0].reason, 'not valid JSON');
    assert.equal(await fs.readFile(damage[0].copy, 'utf8'), '{"records":[{"timer"');
  });

  it('a timer whose create was applied unanswered, then stopped and logged offline, does not come back', async () => {
    const timers = service();
    fake.faults.commitThenDropNext(1, { method: 'POST', resource: 'timer' });
    await timers.start(TASK);
    assert.equal(rows().length, 1, 'the create was applied');
    assert.equal(timers.entries[0]?.timer.id, undefined, 'but its answer was lost');
    fake.faults.dropNext(100);
    time += 20 * 60_000;
    await timers.pause();
    // Stop Timer and Log: the entry holds its time; the timer never had an id, so it is discarded here.
    assert.equal(await timers.discard({ taskId: TASK.id }), true);
    fake.faults.clear();
    await timers.refresh();
    assert.deepEqual(timers.entries, [], 'the timer made by the lost create is not adopted back');
    assert.equal(rows().length, 0, 'and it is deleted on the service');
  });

  it('keeps a timer started on the web app on the same task after such a discard', async () => {
    const timers = service();
    fake.faults.commitThenDropNext(1, { method: 'POST', resource: 'timer' });
    await timers.start(TASK);
    fake.faults.dropNext(100);
    await timers.discard({ taskId: TASK.id });
    fake.faults.clear();
    fake.store.timer.splice(0);
    fake.store.timer.push({ id: 70, personid: DEMO_PEOPLE.admin, taskid: TASK.id, name: null, time: 0, starttime: at(START + 5 * 60_000), lastupdate: at(START) });
    await timers.refresh();
    assert.equal(timers.entries[0]?.timer.id, 70);
  });

  it('another account signing in keeps the first one’s unsent timer changes and sends them when it is back', async () => {
    const timers = service();
    fake.faults.failNext(1, { status: 503, code: 20 }, { method: 'POST', resource: 'timer' });
    await timers.start(TASK);
    assert.equal(rows().length, 0, 'not on the service yet');
    who = 'manager';
    await timers.refresh();
    assert.ok(timers.entries.every((entry) => entry.timer.taskId !== TASK.id || entry.timer.id !== undefined), 'not shown to the other account');
    assert.equal(rows(DEMO_PEOPLE.manager).some((row) => row.taskid === TASK.id), false, 'never sent as the other account');
    time += 5 * 60_000;
    who = 'admin';
    await timers.refresh();
    assert.equal(rows().length, 1, 'sent once its account is back');
    assert.deepEqual([rows()[0]?.taskid, rows()[0]?.starttime], [TASK.id, at(START)]);
  });

  it('a resume whose answer was lost is not overtaken by the pause that follows it', async () => {
    const quick = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, now: () => time, retry: false, limiter: false, timeoutMs: 300 });
    try {
      const timers = service('a', () => quick);
      await timers.start(TASK);
      time += 60_000;
      await timers.pause();
      time += 60_000;
      // The resume is applied by the service after the client gave up on it.
      fake.faults.commitLateNext(1, 50, { method: 'PUT', resource: 'timer' });
      await timers.start(TASK);
      time += 30_000;
      await timers.pause();
      await fake.settled();
      assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [60, at(START + 120_000)], 'the late resume landed; the pause waited');
      time += 3 * 60_000;
      await timers.refresh();
      assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [90, null], 'paused with both runs, once each');
    } finally {
      await quick.close();
    }
  });

  it('a create applied without an answer is recognised on the service, its changes not replayed', async () => {
    const timers = service();
    fake.faults.dropNext(10);
    await timers.start(TASK);
    time += 37_000;
    await timers.pause();
    fake.faults.clear();
    // The paused timer (37 s) is created; the answer is lost.
    fake.faults.commitThenDropNext(1, { method: 'POST', resource: 'timer' });
    await timers.refresh();
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [37, null]);
    time += 3 * 60_000;
    await timers.start(TASK);
    assert.deepEqual([rows().length, rows()[0]?.time, rows()[0]?.starttime], [1, 37, at(time)], 'resumed from 37 s, the first run counted once');
  });
});

