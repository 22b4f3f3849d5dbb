import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IntervalsClient } from '../../src/api/client';
import type { TaskSummary } from '../../src/tasks/taskReference';
import { formatUtcTimestamp } from '../../src/time/timestamps';
import { TimerService } from '../../src/timer/timerService';
import { TimerStateFile } from '../../src/timer/timerStateFile';
import { DEMO_PEOPLE, defaultFixture } from '../fake-intervals/fixture';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';

// General timers (no task) through the timer service, against the fake server over real HTTP.

const START = Date.parse('2026-03-11T10:00:00Z');
const TASK: TaskSummary = { id: 3, localId: 103, title: 'Checkout flow', projectId: 1, project: 'Website', clientId: 1, client: 'Acme' };

describe('TimerService general timers', function () {
  let fake: FakeIntervals;
  let time = START;
  let folder: string;
  let client: IntervalsClient;
  let online = true;
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
    online = true;
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'general-timers-'));
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
      allowMultipleTimers: () => false,
      uncertainDelayMs: () => 0,
    });
    services.push(made);
    return made;
  }

  const rows = () => fake.store.timer.filter((row) => row.personid === DEMO_PEOPLE.admin);
  const at = (ms: number) => formatUtcTimestamp(new Date(ms));

  it('starts a named general timer on the service, pausing the running task timer', async () => {
    const timers = service();
    await timers.start(TASK);
    time += 60_000;
    const entry = await timers.startGeneral('Client call');
    const general = rows().find((row) => row.taskid === null);
    assert.deepEqual([general?.name, general?.starttime], ['Client call', at(START + 60_000)]);
    assert.equal(rows().find((row) => row.taskid === TASK.id)?.starttime, null);
    assert.equal(entry?.timer.id, general?.id);
    assert.equal(entry?.timer.name, 'Client call');
    assert.equal(entry?.task, undefined);
    assert.equal(entry?.unsynced, false);
  });

  it('pauses and resumes a general timer, and a second window sees it with its name', async () => {
    const timers = service();
    const entry = await timers.startGeneral('Standup');
    time += 90_000;
    await timers.pause(entry?.key);
    assert.deepEqual([rows()[0]?.time, rows()[0]?.starttime], [90, null]);
    await timers.resume(entry?.key);
    assert.equal(rows()[0]?.starttime, at(START + 90_000));
    const other = service('b');
    await other.load();
    assert.deepEqual(other.entries.map((each) => each.timer.name), ['Standup']);
  });

  it('an offline start is sent once on reconnect, with its name', async () => {
    const timers = service();
    fake.faults.dropNext(1, { resource: 'timer' });
    await timers.startGeneral('Offline work');
    assert.equal(rows().length, 0);
    assert.equal(timers.entries[0]?.unsynced, true);
    await timers.refresh();
    await timers.refresh();
    assert.deepEqual(rows().map((row) => [row.name, row.starttime]), [['Offline work', at(START)]]);
    assert.equal(timers.entries.length, 1);
    assert.equal(timers.entries[0]?.unsynced, false);
  });

  it('a create whose answer was lost is not made twice', async () => {
    const timers = service();
    fake.faults.commitThenDropNext(1, { method: 'POST', resource: 'timer' });
    await timers.startGeneral('Review');
    time += 60_000;
    await timers.refresh();
    await timers.refresh();
    assert.equal(rows().length, 1);
    assert.equal(timers.entries.length, 1);
    assert.equal(timers.entries[0]?.timer.id, rows()[0]?.id);
  });

  it('adopts a general timer started in the web app with its name', async () => {
    const timers = service();
    fake.store.timer.push({ id: 900, personid: DEMO_PEOPLE.admin, taskid: null, name: 'From the web', time: 30, starttime: null, lastupdate: at(START) });
    await timers.refresh();
    assert.deepEqual(timers.entries.map((each) => [each.key, each.timer.name, each.timer.accumulatedSeconds]), [['900', 'From the web', 30]]);
  });
});
