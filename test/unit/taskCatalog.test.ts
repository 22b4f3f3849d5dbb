import * as assert from 'node:assert/strict';
import type { FetchAllOptions, ListOptions } from '../../src/api/client';
import type { ProjectFilter, TaskFilter } from '../../src/api/filters';
import type { Page, Project, Task } from '../../src/api/types';
import { PARALLEL_PAGES, TaskCatalog, type TaskCatalogApi } from '../../src/tasks/taskCatalog';
import { makeProject, makeTask } from './helpers/taskBuilders';

interface Call {
  method: 'listAllProjects' | 'listTasks' | 'listAllTasks';
  filter: unknown;
  options: unknown;
}

/** An in-memory API whose answers can be held back, to see what the catalog shares and drops. */
class ScriptedApi implements TaskCatalogApi {
  readonly calls: Call[] = [];
  projects: Project[] = [makeProject({ id: 1 }), makeProject({ id: 2, clientId: null, client: null })];
  tasks: Task[] = [];
  /** When set, answers wait until `release()`. */
  hold = false;
  private held: Array<() => void> = [];

  release(): void {
    const waiting = this.held;
    this.held = [];
    waiting.forEach((go) => go());
  }

  private answer<T>(value: () => T): Promise<T> {
    if (!this.hold) {
      return Promise.resolve(value());
    }
    return new Promise<T>((resolve) => this.held.push(() => resolve(value())));
  }

  listAllProjects(filter?: ProjectFilter, options?: FetchAllOptions): Promise<Project[]> {
    this.calls.push({ method: 'listAllProjects', filter, options });
    return this.answer(() => this.projects.filter((project) => filter?.active === undefined || project.active === filter.active));
  }

  listTasks(filter: TaskFilter = {}, options: ListOptions = {}): Promise<Page<Task>> {
    this.calls.push({ method: 'listTasks', filter, options });
    return this.answer(() => {
      const matching = this.matching(filter);
      const offset = options.offset ?? 0;
      const limit = options.limit ?? 10;
      return { items: matching.slice(offset, offset + limit), offset, limit, listCount: matching.length };
    });
  }

  listAllTasks(filter: TaskFilter = {}, options?: FetchAllOptions): Promise<Task[]> {
    this.calls.push({ method: 'listAllTasks', filter, options });
    return this.answer(() => this.matching(filter));
  }

  private matching(filter: TaskFilter): Task[] {
    return this.tasks.filter(
      (task) =>
        (filter.projectId === undefined || task.projectId === filter.projectId) &&
        (filter.clientId === undefined || (filter.clientId === -1 ? task.clientId === null : task.clientId === filter.clientId)) &&
        (!filter.excludeClosed || task.dateClosed === null) &&
        (filter.assigneeId === undefined || task.assigneeIds.includes(filter.assigneeId as number)),
    );
  }
}

/** Lets pending promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

describe('TaskCatalog', () => {
  let api: ScriptedApi;
  let now: number;
  let ttl: number;
  let catalog: TaskCatalog;

  beforeEach(() => {
    api = new ScriptedApi();
    now = 1_000_000;
    ttl = 5 * 60_000;
    catalog = new TaskCatalog({ api: () => api, ttlMs: () => ttl, now: () => now, pageSize: 3 });
    for (let id = 1; id <= 8; id++) {
      api.tasks.push(makeTask({ id, localId: 100 + id, projectId: 1, assigneeIds: id % 2 === 0 ? [7] : [], dateClosed: id === 8 ? '2026-01-01' : null }));
    }
  });

  it('loads every active project in one paged walk of 500', async () => {
    const projects = await catalog.activeProjects();
    assert.equal(projects.length, 2);
    assert.deepEqual(api.calls, [{ method: 'listAllProjects', filter: { active: true }, options: { pageSize: 500 } }]);
  });

  it('shares one load between concurrent callers and keeps the result for the time-to-live', async () => {
    api.hold = true;
    const first = catalog.activeProjects();
    const second = catalog.activeProjects();
    api.release();
    api.hold = false;
    assert.equal(await first, await second);
    assert.equal(api.calls.length, 1);
    now += ttl - 1;
    await catalog.activeProjects();
    assert.equal(api.calls.length, 1, 'still fresh');
    now += 1;
    await catalog.activeProjects();
    assert.equal(api.calls.length, 2, 'expired, asked again');
  });

  it('with a time-to-live of 0 asks every time', async () => {
    ttl = 0;
    await catalog.projectTasks(1, { showClosed: false });
    await catalog.projectTasks(1, { showClosed: false });
    assert.equal(api.calls.length, 2);
  });

  it('loads a project\'s first page with excludeclosed, then more pages on request', async () => {
    const first = await catalog.projectTasks(1, { showClosed: false });
    assert.deepEqual(api.calls[0], { method: 'listTasks', filter: { projectId: 1, excludeClosed: true }, options: { offset: 0, limit: 3 } });
    assert.deepEqual(first.tasks.map((task) => task.id), [1, 2, 3]);
    assert.equal(first.total, 7);
    assert.equal(first.complete, false);

    const second = await catalog.loadMore(1, { showClosed: false });
    assert.deepEqual(second.tasks.map((task) => task.id), [1, 2, 3, 4, 5, 6]);
    const third = await catalog.loadMore(1, { showClosed: false });
    assert.deepEqual(third.tasks.map((task) => task.id), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(third.complete, true);
    await catalog.loadMore(1, { showClosed: false });
    assert.equal(api.calls.length, 3, 'nothing more to load');
    assert.deepEqual((await catalog.projectTasks(1, { showClosed: false })).tasks.length, 7, 'the pages stay loaded');
  });

  it('asks for closed tasks only when they are shown, and for one assignee with the assignee filter', async () => {
    await catalog.projectTasks(1, { showClosed: true });
    assert.deepEqual(api.calls[0]?.filter, { projectId: 1 });
    const mine = await catalog.projectTasks(1, { showClosed: false, assigneeId: 7 });
    assert.deepEqual(api.calls[1]?.filter, { projectId: 1, excludeClosed: true, assigneeId: 7 });
    assert.deepEqual(mine.tasks.map((task) => task.id), [2, 4, 6]);
    assert.equal(mine.complete, true);
  });

  it('never lists a task twice when the list shifts between pages', async () => {
    await catalog.projectTasks(1, { showClosed: false });
    api.tasks.unshift(makeTask({ id: 50, projectId: 1 }));
    const next = await catalog.loadMore(1, { showClosed: false });
    assert.deepEqual(next.tasks.map((task) => task.id), [1, 2, 3, 4, 5]);
  });

  it('does not store a load that an invalidation overtook', async () => {
    api.hold = true;
    const stale = catalog.projectTasks(1, { showClosed: false });
    catalog.invalidateProject(1);
    api.tasks = api.tasks.filter((task) => task.id !== 1);
    api.release();
    await stale;
    api.hold = false;
    const fresh = await catalog.projectTasks(1, { showClosed: false });
    assert.equal(fresh.tasks[0]?.id, 2, 'the newer answer is used');
    assert.equal(api.calls.length, 2);
  });

  it('invalidates one project, or everything', async () => {
    await catalog.activeProjects();
    await catalog.projectTasks(1, { showClosed: false });
    catalog.invalidateProject(1);
    await catalog.activeProjects();
    await catalog.projectTasks(1, { showClosed: false });
    assert.deepEqual(
      api.calls.map((call) => call.method),
      ['listAllProjects', 'listTasks', 'listTasks'],
    );
    catalog.invalidateAll();
    await catalog.activeProjects();
    assert.equal(api.calls.length, 4);
  });

  it('lists all open tasks of the account for Find Task in pages of 500, once per time-to-live', async () => {
    const first = await catalog.openTasks();
    const again = await catalog.openTasks();
    assert.equal(first, again, 'the same array, so items built for it can be reused');
    assert.equal(first.length, 7);
    assert.deepEqual(api.calls, [{ method: 'listTasks', filter: { excludeClosed: true }, options: { offset: 0, limit: 500 } }]);
  });

  it('asks for the pages after the first a few at a time, and lists each task once', async () => {
    // Eight pages of 500: the first, then seven more, more than are asked for at once.
    for (let id = 9; id <= 3600; id++) {
      api.tasks.push(makeTask({ id, projectId: 2 }));
    }
    api.hold = true;
    const loading = catalog.openTasks();
    await settle();
    assert.equal(api.calls.length, 1, 'the first page first: it tells the total');
    api.release();
    await settle();
    const offsets = (): number[] => api.calls.slice(1).map((call) => (call.options as { offset: number }).offset);
    assert.deepEqual(offsets(), [500, 1000, 1500, 2000], `${PARALLEL_PAGES} pages at once`);
    api.release();
    await settle();
    assert.deepEqual(offsets(), [500, 1000, 1500, 2000, 2500, 3000, 3500], 'the rest as those come back');
    api.hold = false;
    api.release();
    const tasks = await loading;
    assert.equal(tasks.length, 3599);
    assert.equal(new Set(tasks.map((task) => task.id)).size, tasks.length);
  });

  it('walks page by page when the server gives no total', async () => {
    const noTotal: TaskCatalogApi = {
      listAllProjects: () => Promise.resolve([]),
      listTasks: (filter, options = {}) => {
        api.calls.push({ method: 'listTasks', filter, options });
        return Promise.resolve({ items: Array.from({ length: 500 }, (_, i) => makeTask({ id: i + 1 })), offset: 0, limit: 500, listCount: undefined });
      },
      listAllTasks: (filter, options) => {
        api.calls.push({ method: 'listAllTasks', filter, options });
        return Promise.resolve(Array.from({ length: 700 }, (_, i) => makeTask({ id: i + 1 })));
      },
    };
    const tasks = await new TaskCatalog({ api: () => noTotal, ttlMs: () => ttl }).openTasks();
    assert.equal(tasks.length, 700);
    assert.deepEqual(
      api.calls.map((call) => call.method),
      ['listTasks', 'listAllTasks'],
    );
  });

  it('lists a client\'s open tasks, -1 for the projects without a client', async () => {
    await catalog.clientOpenTasks(4);
    await catalog.clientOpenTasks(null);
    assert.deepEqual(
      api.calls.map((call) => call.filter),
      [
        { clientId: 4, excludeClosed: true },
        { clientId: -1, excludeClosed: true },
      ],
    );
  });

  it('finds and updates loaded tasks in place', async () => {
    await catalog.projectTasks(1, { showClosed: false });
    assert.equal(catalog.knownTask(2)?.id, 2);
    assert.equal(catalog.knownTask(99), undefined);
    assert.equal(catalog.updateTask(makeTask({ id: 2, projectId: 1, title: 'Renamed' })), true);
    assert.equal((await catalog.projectTasks(1, { showClosed: false })).tasks[1]?.title, 'Renamed');
    assert.equal(catalog.updateTask(makeTask({ id: 99 })), false);
  });

  describe('projects holding the tasks assigned to a person', () => {
    beforeEach(() => {
      api.tasks.push(
        makeTask({ id: 20, projectId: 2, assigneeIds: [7] }),
        makeTask({ id: 21, projectId: 3, assigneeIds: [7], dateClosed: '2026-01-02' }),
        makeTask({ id: 22, projectId: 4, assigneeIds: [9] }),
      );
    });

    it('finds them with one walk of the person\'s open tasks (pages of 500), closed ones only when shown', async () => {
      assert.deepEqual([...(await catalog.assignedProjectIds(7, false))].sort(), [1, 2]);
      assert.deepEqual(api.calls, [{ method: 'listTasks', filter: { assigneeId: 7, excludeClosed: true }, options: { offset: 0, limit: 500 } }]);
      assert.deepEqual([...(await catalog.assignedProjectIds(7, true))].sort(), [1, 2, 3]);
      assert.deepEqual(api.calls[1]?.filter, { assigneeId: 7 });
      assert.equal((await catalog.assignedProjectIds(5, false)).size, 0);
    });

    it('shares one walk and keeps it for the time-to-live', async () => {
      api.hold = true;
      const first = catalog.assignedProjectIds(7, false);
      const second = catalog.assignedProjectIds(7, false);
      api.release();
      api.hold = false;
      assert.equal(await first, await second);
      now += ttl - 1;
      await catalog.assignedProjectIds(7, false);
      assert.equal(api.calls.length, 1, 'still fresh');
      now += 1;
      await catalog.assignedProjectIds(7, false);
      assert.equal(api.calls.length, 2, 'expired, asked again');
    });

    it('asks again after any project\'s tasks changed, or everything was refreshed', async () => {
      await catalog.assignedProjectIds(7, false);
      await catalog.activeProjects();
      api.tasks.push(makeTask({ id: 23, projectId: 4, assigneeIds: [7] }));
      catalog.invalidateProject(4);
      assert.deepEqual([...(await catalog.assignedProjectIds(7, false))].sort(), [1, 2, 4]);
      catalog.invalidateAll();
      await catalog.assignedProjectIds(7, false);
      assert.deepEqual(
        api.calls.map((call) => call.method),
        ['listTasks', 'listAllProjects', 'listTasks', 'listTasks'],
      );
      catalog.invalidateProjects();
      await catalog.assignedProjectIds(7, false);
      assert.equal(api.calls.length, 4, 'a change to the project list alone leaves the tasks as they were');
    });

    it('does not store a walk that a task change overtook', async () => {
      api.hold = true;
      const stale = catalog.assignedProjectIds(7, false);
      catalog.invalidateProject(2);
      api.tasks = api.tasks.filter((task) => task.id !== 20);
      api.release();
      await stale;
      api.hold = false;
      assert.deepEqual([...(await catalog.assignedProjectIds(7, false))], [1], 'the newer answer is used');
      assert.equal(api.calls.length, 2);
    });
  });

  it("does not store every open task, or a client's, when a task change overtook the load", async () => {
    api.tasks = [makeTask({ id: 10, projectId: 1, clientId: 4 })];
    api.hold = true;
    const open = catalog.openTasks();
    const client = catalog.clientOpenTasks(4);
    catalog.invalidateProject(1);
    api.tasks.push(makeTask({ id: 11, projectId: 1, clientId: 4 }));
    api.hold = false;
    assert.deepEqual((await catalog.openTasks()).map((task) => task.id), [10, 11], 'a load after the change is not joined to the older one');
    api.release();
    await Promise.all([open, client]);
    assert.deepEqual((await catalog.openTasks()).map((task) => task.id), [10, 11], 'the older answer was not stored over it');
    assert.deepEqual((await catalog.clientOpenTasks(4)).map((task) => task.id), [10, 11]);
  });

  it('rejects, without a request, when signed out', async () => {
    const signedOut = new TaskCatalog({ api: () => undefined, ttlMs: () => ttl });
    await assert.rejects(signedOut.activeProjects(), (error: Error & { kind?: string }) => error.kind === 'unauthorized');
    await assert.rejects(signedOut.projectTasks(1, { showClosed: false }), (error: Error & { kind?: string }) => error.kind === 'unauthorized');
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const flaky: TaskCatalogApi = {
      listAllProjects: () => (fail ? Promise.reject(new Error('down')) : Promise.resolve([makeProject({ id: 3 })])),
      listTasks: () => Promise.reject(new Error('unused')),
      listAllTasks: () => Promise.reject(new Error('unused')),
    };
    const catalogWithFailure = new TaskCatalog({ api: () => flaky, ttlMs: () => ttl });
    await assert.rejects(catalogWithFailure.activeProjects(), /down/);
    fail = false;
    assert.equal((await catalogWithFailure.activeProjects()).length, 1);
  });
});
