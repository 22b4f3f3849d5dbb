import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IntervalsClient } from '../../src/api/client';
import type { TaskSummary } from '../../src/tasks/taskReference';
import { formatUtcTimestamp } from '../../src/time/timestamps';
import { TimerService, type TimerApi } from '../../src/timer/timerService';
import { TimerStateFile } from '../../src/timer/timerStateFile';
import { DEMO_PEOPLE, defaultFixture } from '../fake-intervals/fixture';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';

// The timer service against the fake Intervals server over real HTTP, with one injected clock
// for the service, the client and the server, and a real state file in a temporary folder.

const START = Date.parse('2026-03-11T10:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 103, title: 'Checkout flow', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };
const OTHER: TaskSummary = { id: 4, localId: 104, title: 'Footer', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };

describe('TimerService against the fake server', function () {
  let fake: FakeIntervals;
  let time = START;
  let folder: string;
  let client: IntervalsClient;
  let online = true;
  let allowMultiple = false;
  const services: TimerService[] = [];

  before(async () => {
    fake = await startFakeIntervals({ fixture: defaultFixture({ now: new Date(START) }), now: () => new Date(time) });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(async () => {
    fake.reset();
    // Only the timers this suite makes: the demo timers would only add noise to the counts.
    fake.store.timer.splice(0);
    time = START;
    online = true;
    allowMultiple = false;
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'timers-'));
    client = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, now: () => time, retry: false, limiter: false });
  });

  afterEach(async () => {
    services.splice(0).forEach((service) => service.dispose());
    await client.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  function service(owner = 'a'): TimerService {
    const made = new TimerService({
      state: new TimerStateFile({ folder, owner }),
      account: () => (online ? { api: client, personId: DEMO_PEOPLE.admin } : undefined),
      now: () => new Date(time),
      allowMultipleTimers: () => allowMultiple,
    });
    services.push(made);
    return made;
  }

  const rows = () => fake.store.timer.filter((row) => row.personid === DEMO_PEOPLE.admin);
  const at = (ms: number) => formatUtcTimestamp(new Date(ms));

  it('starts a timer on the service and shows it', async () => {
    const timers = service();
    const entry = await timers.start(TASK);
    assert.equal(rows().length, 1);
    assert.equal(rows()[0]?.taskid, TASK.id);
    assert.equal(rows()[0]?.starttime, at(START));
    assert.equal(entry?.timer.id, rows()[0]?.id);
    assert.equal(entry?.task?.localId, 103);
    assert.equal(entry?.unsynced, false);
  });

  it('pauses with the elapsed seconds and resumes the same timer', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 90_000;
    await timers.pause();
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [90, null]);
    time += 60_000;
    await timers.resume();
    assert.deepEqual([rows().length, rows()[0]?.time, rows()[0]?.starttime], [1, 90, at(time)]);
    time += 30_000;
    assert.equal(timers.elapsed(timers.entries[0]!), 120);
  });

  it('starting the task again resumes its timer, never a second one', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 60_000;
    await timers.pause();
    await timers.start(TASK);
    assert.equal(rows().length, 1);
    assert.equal(rows()[0]?.time, 60);
  });

  it('resumes a paused timer of the task that only the service knew', async () => {
    fake.store.timer.push({ id: 50, personid: DEMO_PEOPLE.admin, taskid: TASK.id, name: null, time: 600, starttime: null, lastupdate: at(START) });
    const timers = service();
    await timers.start(TASK);
    assert.equal(rows().length, 1);
    assert.deepEqual([rows()[0]?.id, rows()[0]?.time, rows()[0]?.starttime], [50, 600, at(START)]);
  });

  it('starting another task pauses the running timer unless several may run', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 60_000;
    await timers.start(OTHER);
    const first = rows().find((row) => row.taskid === TASK.id);
    assert.deepEqual([first?.time, first?.starttime], [60, null]);
    allowMultiple = true;
    await timers.start(TASK);
    assert.equal(rows().filter((row) => row.starttime !== null).length, 2);
  });

  it('adjusts the start time and the elapsed time', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 10 * 60_000;
    const moved = await timers.adjustStart(undefined, new Date(START - 30 * 60_000));
    assert.equal(moved?.ok, true);
    assert.equal(rows()[0]?.starttime, at(START - 30 * 60_000));
    assert.equal(timers.elapsed(timers.entries[0]!), 40 * 60);
    await timers.adjustElapsed(undefined, 80 * 60);
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [80 * 60, at(time)]);
    const future = await timers.adjustStart(undefined, new Date(time + 60_000));
    assert.equal(future?.ok, false);
  });

  it('discards a timer on the service', async () => {
    const timers = service();
    await timers.start(TASK);
    assert.equal(await timers.discard(), true);
    assert.equal(rows().length, 0);
    assert.equal(timers.entries.length, 0);
  });

  it('an offline start is sent once on reconnect with the time it has run', async () => {
    const timers = service();
    fake.faults.dropNext(1, { resource: 'timer' });
    await timers.start(TASK);
    assert.equal(rows().length, 0);
    assert.equal(timers.entries[0]?.unsynced, true);
    time += 5 * 60_000;
    await timers.refresh();
    await timers.refresh();
    assert.equal(rows().length, 1);
    assert.equal(rows()[0]?.starttime, at(START));
    assert.equal(timers.entries[0]?.unsynced, false);
  });

  it('an offline start then pause gives one paused timer with the run counted once', async () => {
    const timers = service();
    fake.faults.dropNext(10, { resource: 'timer' });
    await timers.start(TASK);
    time += 120_000;
    await timers.pause();
    assert.equal(timers.entries[0]?.timer.startedAt, null);
    fake.faults.clear();
    await timers.refresh();
    assert.deepEqual([rows().length, rows()[0]?.time, rows()[0]?.starttime], [1, 120, null]);
  });

  it('a write whose answer was lost is not applied twice', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 60_000;
    fake.faults.commitThenDropNext(1, { method: 'PUT', resource: 'timer' });
    await timers.pause();
    assert.equal(timers.entries[0]?.unsynced, true);
    time += 60_000;
    await timers.refresh();
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [60, null]);
    assert.equal(timers.entries[0]?.unsynced, false);
  });

  it('adopts timers made elsewhere and forgets timers deleted elsewhere', async () => {
    fake.store.timer.push({ id: 60, personid: DEMO_PEOPLE.admin, taskid: 1, name: null, time: 30, starttime: at(START), lastupdate: at(START) });
    const timers = service();
    await timers.refresh();
    assert.equal(timers.entries[0]?.timer.id, 60);
    assert.equal(timers.entries[0]?.task?.localId !== undefined, true);
    fake.store.timer.splice(0);
    await timers.refresh();
    assert.equal(timers.entries.length, 0);
  });

  it('a second instance on the same file sees the first one’s timer after a reload', async () => {
    const first = service('a');
    const second = service('b');
    await first.start(TASK);
    time += 45_000;
    await second.load();
    assert.equal(second.entries.length, 1);
    assert.equal(second.elapsed(second.entries[0]!), 45);
    await second.pause();
    await first.load();
    assert.equal(first.entries[0]?.timer.startedAt, null);
    assert.equal(rows()[0]?.time, 45);
  });

  it('a clock that jumps back never gives a negative or lost elapsed time', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 10 * 60_000;
    await timers.pause();
    await timers.resume();
    time -= 60 * 60_000;
    assert.equal(timers.elapsed(timers.entries[0]!), 600);
    time += 2 * 60 * 60_000;
    assert.equal(timers.elapsed(timers.entries[0]!), 600 + 3600);
  });

  it('signed out, the timers are not shown; signed in, they are', async () => {
    const timers = service();
    await timers.start(TASK);
    online = false;
    await timers.load();
    assert.equal(timers.entries.length, 0);
    online = true;
    await timers.load();
    assert.equal(timers.entries.length, 1);
  });

  it('a damaged state file starts from the service state', async () => {
    await fs.writeFile(path.join(folder, 'timers.json'), '{not json');
    fake.store.timer.push({ id: 61, personid: DEMO_PEOPLE.admin, taskid: 1, name: null, time: 30, starttime: null, lastupdate: at(START) });
    const timers = service();
    await timers.load();
    assert.equal(timers.entries.length, 0);
    await timers.refresh();
    assert.equal(timers.entries[0]?.timer.id, 61);
  });

  it('a rate-limited change stays pending and is sent on the next sync', async () => {
    const timers = service();
    fake.faults.failNext(1, { status: 400, code: 12 }, { method: 'POST', resource: 'timer' });
    await timers.start(TASK);
    assert.equal(rows().length, 0);
    assert.equal(timers.entries[0]?.unsynced, true);
    await timers.refresh();
    assert.equal(rows().length, 1);
    assert.equal(rows()[0]?.starttime, at(START));
  });

  it('idle time: discard keeps the timer running without it, stop pauses it when idling began', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 30 * 60_000;
    await timers.resolveIdle(undefined, new Date(START + 10 * 60_000), 'discard');
    assert.equal(timers.elapsed(timers.entries[0]!), 10 * 60);
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [600, at(time)]);
    time += 20 * 60_000;
    await timers.resolveIdle(undefined, new Date(time - 15 * 60_000), 'stopAtIdleStart');
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [600 + 5 * 60, null]);
  });

  it('a discard made offline is sent later, and the timer is not adopted back meanwhile', async () => {
    const timers = service();
    await timers.start(TASK);
    fake.faults.dropNext(1, { method: 'DELETE', resource: 'timer' });
    await timers.discard();
    assert.equal(rows().length, 1);
    assert.equal(timers.entries.length, 0);
    assert.deepEqual(timers.snapshot.deletions, [rows()[0]?.id]);
    await timers.refresh();
    assert.equal(rows().length, 0);
    assert.equal(timers.entries.length, 0);
    assert.deepEqual(timers.snapshot.deletions, []);
  });
  it('a list read before another instance applied a newer answer is not adopted', async () => {
    const first = service('a');
    const second = service('b');
    await first.start(TASK);
    let fetched: () => void = () => undefined;
    const listed = new Promise<void>((resolve) => (fetched = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowApi: TimerApi = {
      listAllTimers: async (filter) => {
        const list = await client.listAllTimers(filter);
        fetched();
        await gate;
        return list;
      },
      createTimer: (input) => client.createTimer(input),
      updateTimer: (id, patch) => client.updateTimer(id, patch),
      deleteTimer: (id) => client.deleteTimer(id),
    };
    const slow = new TimerService({
      state: new TimerStateFile({ folder, owner: 'c' }),
      account: () => ({ api: slowApi, personId: DEMO_PEOPLE.admin }),
      now: () => new Date(time),
      allowMultipleTimers: () => false,
    });
    services.push(slow);
    const refreshing = slow.refresh();
    await listed;
    time += 60_000;
    await second.load();
    await second.pause();
    release();
    await refreshing;
    await first.load();
    assert.equal(first.entries[0]?.timer.startedAt, null, 'the pause stands');
    assert.equal(rows()[0]?.starttime, null);
  });
});
