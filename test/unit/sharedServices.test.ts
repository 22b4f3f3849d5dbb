import * as assert from 'node:assert/strict';
import { IntervalsClient } from '../../src/api/client';
import { IntervalsError } from '../../src/api/errors';
import { DataChanges, type DataChange } from '../../src/common/dataChanges';
import { LookupCache } from '../../src/lookups/lookupCache';
import { RecentTasks } from '../../src/tasks/recentTasks';
import { positiveId, summarizeTask, taskIdFrom, taskLabel, type TaskSummary } from '../../src/tasks/taskReference';
import { ActiveTimers } from '../../src/timer/activeTimers';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { rejection } from './helpers/apiTestKit';
import { MapMemento } from './helpers/mapMemento';

describe('taskIdFrom', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [12, 12],
    ['12', 12],
    [' 7 ', 7],
    [{ taskId: 5 }, 5],
    [{ taskId: '5' }, 5],
    [{ task: { id: 9, title: 'x' } }, 9],
    [{ task: { id: '9' } }, 9],
    [0, undefined],
    [-3, undefined],
    [1.5, undefined],
    ['12a', undefined],
    ['', undefined],
    [{ taskId: 'abc' }, undefined],
    [{ task: null }, undefined],
    [{ projectId: 3 }, undefined],
    [null, undefined],
    [undefined, undefined],
    [[12], undefined],
  ];
  for (const [arg, expected] of cases) {
    it(`reads ${JSON.stringify(arg)} as ${String(expected)}`, () => {
      assert.equal(taskIdFrom(arg), expected);
    });
  }

  it('refuses ids beyond the safe integer range', () => {
    assert.equal(positiveId('90071992547409930'), undefined);
  });
});

describe('taskLabel and summarizeTask', () => {
  it('prefixes the local id when there is one', () => {
    assert.equal(taskLabel({ localId: 12, title: 'Fix login' }), '#12 Fix login');
    assert.equal(taskLabel({ localId: null, title: 'Fix login' }), 'Fix login');
  });

  it('keeps only the summary fields', () => {
    const task = { id: 1, localId: 2, title: 't', projectId: 3, project: 'p', clientId: 4, client: 'c', description: 'secret notes' };
    assert.deepEqual(summarizeTask(task), { id: 1, localId: 2, title: 't', projectId: 3, project: 'p', clientId: 4, client: 'c' });
  });
});

function summary(id: number): TaskSummary {
  return { id, localId: id * 10, title: `Task ${id}`, projectId: 1, project: 'P', clientId: null, client: null };
}

describe('RecentTasks', () => {
  it('lists the newest first without duplicates and keeps ten', async () => {
    const recent = new RecentTasks(new MapMemento());
    let changes = 0;
    recent.onDidChange(() => changes++);
    for (let id = 1; id <= 12; id++) {
      await recent.remember(summary(id));
    }
    await recent.remember(summary(5));
    const ids = recent.list().map((task) => task.id);
    assert.deepEqual(ids, [5, 12, 11, 10, 9, 8, 7, 6, 4, 3]);
    assert.equal(changes, 13);
  });

  it('forgets one task, clears all, and ignores malformed stored values', async () => {
    const memento = new MapMemento();
    const recent = new RecentTasks(memento);
    await recent.remember(summary(1));
    await recent.remember(summary(2));
    await recent.forget(1);
    assert.deepEqual(
      recent.list().map((task) => task.id),
      [2],
    );
    await memento.update('intervals.recentTasks', [{ id: 'x' }, null, summary(3)]);
    assert.deepEqual(
      recent.list().map((task) => task.id),
      [3],
    );
    await recent.clear();
    assert.deepEqual(recent.list(), []);
  });
});

describe('ActiveTimers', () => {
  it('fires only when the timers or their running state change', () => {
    const timers = new ActiveTimers();
    const seen: number[] = [];
    timers.onDidChange((list) => seen.push(list.length));
    timers.set([{ timerId: 1, taskId: 10, running: true }]);
    timers.set([{ timerId: 1, taskId: 10, running: true }]);
    timers.set([{ timerId: 1, taskId: 10, running: false }]);
    timers.set([]);
    assert.deepEqual(seen, [1, 1, 0]);
  });

  it('answers per task', () => {
    const timers = new ActiveTimers();
    timers.set([
      { timerId: 1, taskId: 10, running: false },
      { timerId: 2, taskId: 11, running: true },
    ]);
    assert.equal(timers.isRunning(10), false);
    assert.equal(timers.isRunning(11), true);
    assert.equal(timers.isRunning(12), false);
    assert.equal(timers.forTask(10)?.timerId, 1);
  });
});

describe('DataChanges', () => {
  it('passes each change to every listener', () => {
    const changes = new DataChanges();
    const seen: DataChange[] = [];
    changes.onDidChange((change) => seen.push(change));
    changes.fire({ resource: 'task', id: 3, projectId: 1 });
    assert.deepEqual(seen, [{ resource: 'task', id: 3, projectId: 1 }]);
  });
});

describe('LookupCache against the fake server', () => {
  let fake: FakeIntervals;
  let client: IntervalsClient;

  before(async () => {
    fake = await startFakeIntervals();
    // No retries: the test is about what the cache keeps after a failure the client gave up on.
    client = new IntervalsClient({ baseUrl: fake.url, token: fake.tokens.admin, retry: false });
  });
  after(async () => {
    await client.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('asks the service once for concurrent and later callers', async () => {
    const cache = new LookupCache(() => client);
    const [first, second] = await Promise.all([cache.taskStatuses(), cache.taskStatuses()]);
    const third = await cache.taskStatuses();
    assert.ok(first.length > 0);
    assert.equal(first, second);
    assert.equal(first, third);
    assert.equal(fake.requests.filter((request) => request.path.startsWith('/taskstatus')).length, 1);
  });

  it('keeps lists apart per project and asks again after clear()', async () => {
    const cache = new LookupCache(() => client);
    const projects = await cache.activeProjects();
    const [a, b] = projects;
    assert.ok(a && b, 'the fixture has two active projects');
    await cache.projectWorkTypes(a.id);
    await cache.projectWorkTypes(b.id);
    await cache.projectWorkTypes(a.id);
    assert.equal(fake.requests.filter((request) => request.path.startsWith('/projectworktype')).length, 2);
    cache.clear(`projectWorkTypes:${a.id}`);
    await cache.projectWorkTypes(a.id);
    await cache.projectWorkTypes(b.id);
    assert.equal(fake.requests.filter((request) => request.path.startsWith('/projectworktype')).length, 3);
    cache.clear();
    await cache.activeProjects();
    assert.equal(fake.requests.filter((request) => request.path.startsWith('/project/')).length, 2);
  });

  it('does not keep a failure, so the next call asks again', async () => {
    const cache = new LookupCache(() => client);
    fake.faults.failNext(1, { status: 500, code: 0 });
    const error = await rejection(cache.people());
    assert.ok(error instanceof IntervalsError);
    const people = await cache.people();
    assert.ok(people.length > 0);
  });

  it('rejects with an unauthorized error when signed out, without a request', async () => {
    const cache = new LookupCache(() => undefined);
    const error = await rejection(cache.clients());
    assert.ok(error instanceof IntervalsError);
    assert.equal(error.kind, 'unauthorized');
    assert.equal(fake.requests.length, 0);
  });
});
