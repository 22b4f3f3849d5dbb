import * as assert from 'node:assert/strict';
import { IntervalsClient, type IntervalsClientOptions } from '../../src/api/client';
import type { IntervalsError, IntervalsErrorKind } from '../../src/api/errors';
import type { Format } from '../../src/api/types';
import { DEMO_PEOPLE, DEMO_TOKENS, defaultFixture } from '../fake-intervals/fixture';
import { startFakeIntervals, type FakeIntervals } from '../fake-intervals/server';
import { RecordingLogger, rejection } from './helpers/apiTestKit';
import { until } from './helpers/fakeIntervalsHttp';

// The client against the fake Intervals server over real HTTP. Client and server share one
// injected clock: a backoff "sleep" moves both, so waits cost no real time.

const START = Date.parse('2026-03-11T10:00:00Z');

describe('IntervalsClient against the fake Intervals server', function () {
  let fake: FakeIntervals;
  let time = START;
  const sleeps: number[] = [];
  let logger: RecordingLogger;
  const clients: IntervalsClient[] = [];

  before(async () => {
    fake = await startFakeIntervals({ fixture: defaultFixture({ now: new Date(START) }), now: () => new Date(time) });
  });

  after(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.reset();
    time = START;
    sleeps.length = 0;
    logger = new RecordingLogger();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });

  function client(options: Partial<IntervalsClientOptions> = {}): IntervalsClient {
    const made = new IntervalsClient({
      baseUrl: fake.url,
      token: fake.tokens.admin,
      logger,
      now: () => time,
      sleep: (ms) => {
        sleeps.push(ms);
        time += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
      limiter: false,
      ...options,
    });
    clients.push(made);
    return made;
  }

  const apiRequests = (resource?: string) => fake.requests.filter((request) => resource === undefined || request.resource === resource);

  for (const format of ['json', 'xml'] as const satisfies readonly Format[]) {
    describe(`resources in ${format}`, () => {
      const api = (options: Partial<IntervalsClientOptions> = {}) => client({ format, ...options });

      it('me: the token owner, from the one-element list', async () => {
        const me = await api().me();
        const row = fake.store.person.find((person) => person.id === DEMO_PEOPLE.admin)!;
        assert.equal(me.id, row.id);
        assert.equal(me.firstName, row.firstname);
        assert.equal(me.lastName, row.lastname);
        assert.equal(me.username, row.username);
        assert.equal(me.group, 'Administrator');
        assert.equal(me.active, true);
        assert.equal(apiRequests('me')[0].format, format);
      });

      it('person: list and get', async () => {
        const people = await api().listAllPeople();
        assert.deepEqual(
          people.map((person) => person.id).sort((a, b) => a - b),
          fake.store.person.map((person) => person.id).sort((a, b) => a - b),
        );
        const grace = await api().getPerson(DEMO_PEOPLE.manager);
        assert.equal(grace.firstName, 'Grace');
        assert.equal(grace.group, 'Manager');
        const inactive = people.find((person) => person.id === DEMO_PEOPLE.inactive)!;
        assert.equal(inactive.active, false);
      });

      it('client: list and get, with nulls for empty fields', async () => {
        const clientsSeen = await api().listAllClients();
        assert.equal(clientsSeen.length, fake.store.client.length);
        const row = fake.store.client[0];
        const one = await api().getClient(row.id);
        assert.equal(one.name, row.name);
        assert.equal(one.active, row.active);
        assert.equal(one.description, row.description === '' ? null : row.description);
        const active = await api().listAllClients({ active: true });
        assert.equal(active.length, fake.store.client.filter((c) => c.active).length);
      });

      it('project: list, get, create and update', async () => {
        const projects = await api().listAllProjects();
        assert.equal(projects.length, fake.store.project.length);
        const row = fake.store.project[0];
        const project = await api().getProject(row.id);
        assert.equal(project.name, row.name);
        assert.equal(project.billable, row.billable);
        assert.equal(project.clientId, row.clientid);

        const created = await api().createProject({ name: `Launch & "Learn" <${format}>`, dateStart: '2026-03-01', billable: true, active: true, clientId: row.clientid });
        const stored = fake.store.project.find((p) => p.id === created.id)!;
        assert.equal(stored.name, `Launch & "Learn" <${format}>`);
        assert.equal(created.name, stored.name);
        assert.equal(stored.billable, true);

        const updated = await api().updateProject(created.id, { active: false, dateEnd: '2026-04-30' });
        assert.equal(updated.active, false);
        assert.equal(updated.dateEnd, '2026-04-30');
        assert.equal(stored.active, false);
        const write = apiRequests('project').find((request) => request.method === 'PUT')!;
        assert.equal(write.bodyFormat, format);
        assert.deepEqual(write.body, { active: 'f', dateend: '2026-04-30' });
      });

      it('projectmodule and projectworktype: lists per project', async () => {
        const projectId = fake.store.projectmodule[0].projectid;
        const modules = await api().listAllProjectModules({ projectId });
        assert.deepEqual(
          modules.map((module) => module.id),
          fake.store.projectmodule.filter((row) => row.projectid === projectId).map((row) => row.id),
        );
        const moduleRow = fake.store.module.find((m) => m.id === modules[0].moduleId)!;
        assert.equal(modules[0].name, moduleRow.name);

        const workProject = fake.store.projectworktype[0].projectid;
        const workTypes = await api().listAllProjectWorkTypes({ projectId: workProject });
        const rows = fake.store.projectworktype.filter((row) => row.projectid === workProject);
        assert.deepEqual(
          workTypes.map((workType) => workType.workTypeId),
          rows.map((row) => row.worktypeid),
        );
        assert.equal(workTypes[0].hourlyRate, rows[0].hourlyrate);
        assert.ok(workTypes[0].name.length > 0);
      });

      it('worktype and module: account-wide lists', async () => {
        const workTypes = await api().listAllWorkTypes();
        assert.deepEqual(
          workTypes.map((w) => [w.id, w.name, w.defaultHourlyRate, w.active]),
          fake.store.worktype.map((w) => [w.id, w.name, w.defaulthourlyrate, w.active]),
        );
        const modules = await api().listAllModules();
        assert.deepEqual(
          modules.map((m) => [m.id, m.name]),
          fake.store.module.map((m) => [m.id, m.name]),
        );
      });

      it('taskstatus and taskpriority', async () => {
        const statuses = await api().listAllTaskStatuses();
        assert.deepEqual(
          statuses.map((s) => [s.id, s.name, s.order, s.frozen, s.active]),
          fake.store.taskstatus.map((s) => [s.id, s.name, s.priority, s.frozen, s.active]),
        );
        const priorities = await api().listAllTaskPriorities();
        assert.deepEqual(
          priorities.map((p) => [p.id, p.name, p.color, p.priority, p.isDefault]),
          fake.store.taskpriority.map((p) => [p.id, p.name, p.color, p.priority, p.isdefault]),
        );
      });

      it('task: filtered list, get, create, update and delete', async () => {
        const projectId = fake.store.task[0].projectid;
        const tasks = await api().listAllTasks({ projectId });
        assert.deepEqual(
          tasks.map((task) => task.id),
          fake.store.task.filter((row) => row.projectid === projectId).map((row) => row.id),
        );
        const open = await api().listAllTasks({ excludeClosed: true });
        const closedStatuses = new Set(fake.store.taskstatus.filter((s) => s.isclosed).map((s) => s.id));
        assert.ok(open.length > 0);
        assert.ok(open.every((task) => !closedStatuses.has(task.statusId!)));

        const withAssignees = fake.store.task.find((row) => row.assigneeids.length > 1) ?? fake.store.task[0];
        const one = await api().getTask(withAssignees.id);
        assert.deepEqual(one.assigneeIds, withAssignees.assigneeids);
        assert.equal(one.title, withAssignees.title);

        const moduleId = fake.store.projectmodule.find((row) => row.projectid === projectId)?.moduleid;
        const created = await api().createTask({
          projectId,
          moduleId: moduleId ?? fake.store.module[0].id,
          statusId: fake.store.taskstatus[0].id,
          priorityId: fake.store.taskpriority[0].id,
          ownerId: DEMO_PEOPLE.admin,
          title: 'Tom & Jerry <b>bold</b> ]]> done',
          dateOpen: '2026-03-11',
          assigneeIds: [DEMO_PEOPLE.manager, DEMO_PEOPLE.resource],
        });
        assert.equal(created.title, 'Tom & Jerry <b>bold</b> ]]> done');
        assert.deepEqual(created.assigneeIds, [DEMO_PEOPLE.manager, DEMO_PEOPLE.resource]);
        assert.deepEqual(fake.store.task.find((row) => row.id === created.id)?.assigneeids, [DEMO_PEOPLE.manager, DEMO_PEOPLE.resource]);

        const updated = await api().updateTask(created.id, { assigneeIds: [], dateDue: '2026-03-20' });
        assert.deepEqual(updated.assigneeIds, []);
        assert.equal(updated.dateDue, '2026-03-20');

        await api().deleteTask(created.id);
        assert.equal(fake.store.task.some((row) => row.id === created.id), false);
      });

      it('time: list, get, create, update and delete', async () => {
        const entries = await api().listAllTime({ personId: DEMO_PEOPLE.admin });
        const rows = fake.store.time.filter((row) => row.personid === DEMO_PEOPLE.admin);
        assert.equal(entries.length, rows.length);
        const row = rows[0];
        const entry = await api().getTime(row.id);
        assert.deepEqual(
          [entry.date, entry.time, entry.billable, entry.projectId, entry.workTypeId, entry.taskId],
          [row.date, row.time, row.billable, row.projectid, row.worktypeid, row.taskid],
        );

        const task = fake.store.task[0];
        const workTypeId = fake.store.projectworktype.find((w) => w.projectid === task.projectid)!.worktypeid;
        const created = await api().createTime({
          personId: DEMO_PEOPLE.admin,
          taskId: task.id,
          projectId: task.projectid,
          moduleId: task.moduleid,
          workTypeId,
          date: '2026-03-10',
          time: 1.25,
          billable: false,
          description: 'Review & fixes',
        });
        assert.equal(created.time, 1.25);
        assert.equal(created.billable, false);
        assert.equal(created.description, 'Review & fixes');
        const post = apiRequests('time').find((request) => request.method === 'POST')!;
        assert.equal(post.body?.billable, 'f');

        const updated = await api().updateTime(created.id, { time: 2, description: null });
        assert.equal(updated.time, 2);
        assert.equal(updated.description, null);

        await api().deleteTime(created.id);
        assert.equal(fake.store.time.some((r) => r.id === created.id), false);
      });

      it('timer: list, get, create, pause and delete', async () => {
        const timers = await api().listAllTimers({ getTimerInfo: true, personId: DEMO_PEOPLE.admin });
        const rows = fake.store.timer.filter((row) => row.personid === DEMO_PEOPLE.admin);
        assert.deepEqual(
          timers.map((t) => t.id).sort((a, b) => a - b),
          rows.map((r) => r.id).sort((a, b) => a - b),
        );
        const running = rows.find((row) => row.starttime !== null)!;
        const timer = await api().getTimer(running.id);
        assert.equal(timer.running, true);
        assert.equal(timer.startTime, running.starttime);
        assert.equal(timer.time, running.time);

        const general = await api().createTimer({ personId: DEMO_PEOPLE.admin, name: 'Meeting with Client Y', startTime: '2026-03-11 09:30:00' });
        assert.equal(general.running, true);
        assert.equal(general.taskId, null);

        const paused = await api().updateTimer(general.id, { startTime: null, time: 1800 });
        assert.equal(paused.running, false);
        assert.equal(paused.time, 1800);
        assert.equal(fake.store.timer.find((row) => row.id === general.id)?.starttime, null);

        await api().deleteTimer(general.id);
        assert.equal(fake.store.timer.some((row) => row.id === general.id), false);
      });

      it('quota: used and limit', async () => {
        await api().listTaskStatuses();
        const quota = await api().quota();
        assert.equal(quota.limit, fake.store.account.quota);
        assert.equal(quota.used, fake.store.account.used);
        assert.equal(quota.exceeded, false);
      });

      it('a single page: listcount, limit and offset', async () => {
        const page = await api().listTasks({}, { limit: 3, offset: 2 });
        assert.equal(page.items.length, 3);
        assert.equal(page.listCount, fake.store.task.length);
        assert.equal(page.offset, 2);
        assert.deepEqual(apiRequests('task')[0].query, { limit: '3', offset: '2' });
        const single = await api().listTasks({}, { limit: 1 });
        assert.equal(single.items.length, 1);
        const none = await api().listTasks({ title: 'no task is called this' });
        assert.deepEqual(none.items, []);
        assert.equal(none.listCount, 0);
      });
    });
  }

  describe('both formats', () => {
    it('read the same data', async () => {
      const json = client({ format: 'json' });
      const xml = client({ format: 'xml' });
      const read = async (api: IntervalsClient) => ({
        me: await api.me(),
        people: await api.listAllPeople(),
        clients: await api.listAllClients(),
        projects: await api.listAllProjects(),
        tasks: await api.listAllTasks(),
        time: await api.listAllTime(),
        timers: await api.listAllTimers({ getTimerInfo: true }),
        statuses: await api.listAllTaskStatuses(),
        priorities: await api.listAllTaskPriorities(),
        workTypes: await api.listAllProjectWorkTypes(),
        modules: await api.listAllProjectModules(),
        quota: await api.quota(),
      });
      const fromJson = await read(json);
      const fromXml = await read(xml);
      // Every read but /quota/ itself counts against the quota; compare it apart.
      assert.equal(fromXml.quota.used - fromJson.quota.used, 11);
      assert.deepEqual({ ...fromJson, quota: null }, { ...fromXml, quota: null });
      assert.ok(fromJson.tasks.length > 5);
    });
  });

  describe('pagination', () => {
    it('walks more than one page, stopping at listcount', async () => {
      const progress: Array<[number, number | undefined]> = [];
      const tasks = await client().listAllTasks({}, { pageSize: 4, onPage: (page) => progress.push([page.fetched, page.total]) });
      const total = fake.store.task.length;
      assert.ok(total > 8, 'the demo account has enough tasks for three pages');
      assert.deepEqual(
        tasks.map((task) => task.id),
        fake.store.task.map((row) => row.id),
      );
      const offsets = apiRequests('task').map((request) => Number(request.query.offset));
      assert.deepEqual(
        offsets,
        Array.from({ length: Math.ceil(total / 4) }, (_, i) => i * 4),
      );
      assert.ok(apiRequests('task').every((request) => request.query.limit === '4'));
      assert.deepEqual(progress[progress.length - 1], [total, total]);
    });

    it('iterates lazily with paginate', async () => {
      const seen: number[] = [];
      for await (const task of client({ format: 'xml' }).paginate('task', { excludeClosed: false }, { pageSize: 3 })) {
        seen.push(task.id);
        if (seen.length === 4) {
          break;
        }
      }
      assert.equal(seen.length, 4);
      assert.equal(apiRequests('task').length, 2);
    });

    it('uses a large page by default', async () => {
      await client().listAllTasks();
      assert.equal(apiRequests('task').length, 1);
      assert.equal(apiRequests('task')[0].query.limit, '500');
    });
  });

  describe('errors from the service', () => {
    it('unauthorized: an unknown token (code 9) and a deactivated user (code 8)', async () => {
      const unknown = (await rejection(client({ token: 'aaaaaaaaaaa' }).me())) as IntervalsError;
      assert.equal(unknown.kind, 'unauthorized');
      assert.equal(unknown.status, 401);
      assert.equal(unknown.code, 9);
      assert.equal(unknown.message, 'The Intervals token was rejected. Sign in again with a current token.');
      const inactive = (await rejection(client({ token: DEMO_TOKENS.inactive, format: 'xml' }).me())) as IntervalsError;
      assert.equal(inactive.kind, 'unauthorized');
      assert.equal(inactive.code, 8);
      assert.match(inactive.message, /not active/);
    });

    it('forbidden: a resource user may not create a project (code 10)', async () => {
      const error = (await rejection(
        client({ token: fake.tokens.resource }).createProject({ name: 'X', dateStart: '2026-03-01', billable: false, active: true }),
      )) as IntervalsError;
      assert.equal(error.kind, 'forbidden');
      assert.equal(error.status, 403);
      assert.equal(error.code, 10);
      assert.equal(error.mayHaveReachedServer, false);
    });

    for (const format of ['json', 'xml'] as const) {
      it(`notFound (code 14) and validation (code 18, with fields) in ${format}`, async () => {
        const missing = (await rejection(client({ format }).getTask(999_999))) as IntervalsError;
        assert.equal(missing.kind, 'notFound');
        assert.equal(missing.code, 14);
        assert.equal(apiRequests('task').length, 1, 'a 404 is not retried');

        const invalid = (await rejection(
          client({ format }).createTime({ personId: DEMO_PEOPLE.admin, workTypeId: fake.store.worktype[0].id, date: '2026-02-30', time: 1, projectId: fake.store.project[0].id }),
        )) as IntervalsError;
        assert.equal(invalid.kind, 'validation');
        assert.equal(invalid.code, 18);
        assert.ok(invalid.fields.some((problem) => problem.field === 'date'), JSON.stringify(invalid.fields));
        assert.match(invalid.message, /^Intervals did not accept the request\..*date.*Correct the values and try again\.$/);
      });
    }

    const injected: Array<{ status: number; code: number; withCode: IntervalsErrorKind; withoutCode: IntervalsErrorKind }> = [
      { status: 401, code: 9, withCode: 'unauthorized', withoutCode: 'unauthorized' },
      { status: 403, code: 10, withCode: 'forbidden', withoutCode: 'forbidden' },
      { status: 404, code: 14, withCode: 'notFound', withoutCode: 'notFound' },
      { status: 400, code: 18, withCode: 'validation', withoutCode: 'validation' },
      { status: 400, code: 11, withCode: 'rateLimited', withoutCode: 'validation' },
      { status: 400, code: 12, withCode: 'rateLimited', withoutCode: 'validation' },
      { status: 429, code: 12, withCode: 'rateLimited', withoutCode: 'rateLimited' },
      { status: 500, code: 1, withCode: 'server', withoutCode: 'server' },
      { status: 503, code: 4, withCode: 'server', withoutCode: 'server' },
      { status: 500, code: 19, withCode: 'server', withoutCode: 'server' },
      { status: 502, code: 20, withCode: 'server', withoutCode: 'server' },
    ];
    for (const body of ['json', 'xml', 'text', 'html', 'empty'] as const) {
      it(`maps every injected failure with a ${body} body`, async () => {
        const api = client({ retry: false });
        for (const failure of injected) {
          fake.faults.failNext(1, { status: failure.status, code: failure.code, body });
          const error = (await rejection(api.listTaskStatuses())) as IntervalsError;
          const carriesCode = body === 'json' || body === 'xml';
          const label = `${failure.status}/${failure.code} ${body}`;
          assert.equal(error.kind, carriesCode ? failure.withCode : failure.withoutCode, label);
          assert.equal(error.status, failure.status, label);
          assert.equal(error.code, carriesCode ? failure.code : undefined, label);
          assert.match(error.message, /\.$/, label);
        }
      });
    }

    it('tells the session about a refused token once per failed call', async () => {
      const seen: IntervalsError[] = [];
      const api = client({ token: 'bbbbbbbbbbb', onUnauthorized: (error) => seen.push(error) });
      await rejection(api.me());
      await rejection(api.listTasks());
      assert.equal(seen.length, 2);
    });
  });

  describe('network failures, timeouts and retries', () => {
    it('retries a read after a dropped connection', async () => {
      fake.faults.dropNext(1, { resource: 'task' });
      const page = await client().listTasks();
      assert.ok(page.items.length > 0);
      assert.deepEqual(
        apiRequests('task').map((request) => request.fault ?? request.status),
        ['drop', 200],
      );
      assert.equal(sleeps.length, 1);
    });

    it('does not resend a dropped write, and says it may have arrived', async () => {
      const before = fake.store.timer.length;
      fake.faults.dropNext(1, { method: 'POST' });
      const error = (await rejection(client().createTimer({ personId: DEMO_PEOPLE.admin, name: 'x' }))) as IntervalsError;
      assert.equal(error.kind, 'network');
      assert.equal(error.mayHaveReachedServer, true);
      assert.equal(apiRequests('timer').length, 1);
      assert.equal(fake.store.timer.length, before, 'this drop happened before the write was applied');
    });

    it('reports a write that was applied before the connection dropped as possibly applied', async () => {
      const before = fake.store.time.length;
      fake.faults.commitThenDropNext(1, { method: 'POST', resource: 'time' });
      const task = fake.store.task[0];
      const workTypeId = fake.store.projectworktype.find((w) => w.projectid === task.projectid)!.worktypeid;
      const error = (await rejection(
        client({ format: 'xml' }).createTime({ personId: DEMO_PEOPLE.admin, taskId: task.id, projectId: task.projectid, moduleId: task.moduleid, workTypeId, date: '2026-03-10', time: 0.5 }),
      )) as IntervalsError;
      assert.equal(error.mayHaveReachedServer, true);
      assert.equal(fake.store.time.length, before + 1);
      assert.equal(apiRequests('time').length, 1);
    });

    it('times out a stalled answer and retries the read', async () => {
      fake.faults.stallNext(1, 5_000, { resource: 'me' });
      const me = await client({ timeoutMs: 100 }).me();
      assert.equal(me.id, DEMO_PEOPLE.admin);
      assert.equal(sleeps.length, 1);
      assert.ok(logger.lines.some((line) => /^info GET \/me\/: timeout; retrying/.test(line)), logger.lines.join('\n'));
    });

    it('times out a stalled write without resending it', async () => {
      fake.faults.stallNext(1, 5_000, { method: 'PUT' });
      const timerId = fake.store.timer[0].id;
      const error = (await rejection(client({ timeoutMs: 100 }).updateTimer(timerId, { name: 'late' }))) as IntervalsError;
      assert.equal(error.kind, 'timeout');
      assert.equal(error.mayHaveReachedServer, true);
      // The stalled request is logged once the client has left it; a resend would be a second PUT.
      await until(() => apiRequests('timer').length === 1);
      assert.deepEqual(
        apiRequests('timer').map((request) => [request.method, request.fault]),
        [['PUT', 'stall']],
      );
    });

    it('retries server errors with growing waits and succeeds', async () => {
      fake.faults.failNext(2, { status: 500, code: 1 }, { resource: 'project' });
      const projects = await client().listProjects();
      assert.ok(projects.items.length > 0);
      assert.equal(apiRequests('project').length, 3);
      assert.equal(sleeps.length, 2);
      assert.ok(sleeps[1] > sleeps[0]);
    });

    it('gives up after the capped number of attempts', async () => {
      fake.faults.failNext(10, { status: 502, code: 20 }, { resource: 'project' });
      const error = (await rejection(client({ retry: { maxAttempts: 3 } }).listProjects())) as IntervalsError;
      assert.equal(error.kind, 'server');
      assert.equal(error.code, 20);
      assert.equal(apiRequests('project').length, 3);
      assert.ok(logger.lines.some((line) => line.startsWith('warn GET /project/ failed (502 code 20)')));
    });

    it('never retries a POST or PUT on its own', async () => {
      fake.faults.failNext(1, { status: 500, code: 19 }, { method: 'POST' });
      const error = (await rejection(
        client().createProject({ name: 'Once', dateStart: '2026-03-01', billable: false, active: true }),
      )) as IntervalsError;
      assert.equal(error.kind, 'server');
      assert.equal(error.mayHaveReachedServer, true);
      assert.equal(apiRequests('project').length, 1);
      assert.deepEqual(sleeps, []);
    });

    it('retries a delete after a dropped answer and takes "already gone" as done', async () => {
      const timerId = fake.store.timer[0].id;
      fake.faults.commitThenDropNext(1, { method: 'DELETE' });
      await client().deleteTimer(timerId);
      assert.equal(fake.store.timer.some((row) => row.id === timerId), false);
      assert.deepEqual(
        apiRequests('timer').map((request) => request.status),
        [200, 404],
      );
    });

    it('retries "too fast" (code 12) but not the daily limit (code 11)', async () => {
      fake.faults.failNext(1, { status: 400, code: 12 }, { resource: 'task' });
      await client().listTasks();
      assert.equal(apiRequests('task').length, 2);
      assert.ok(sleeps[0] >= 5_000, `waited ${sleeps[0]}ms`);

      fake.faults.failNext(1, { status: 400, code: 11 }, { resource: 'client' });
      const error = (await rejection(client().listClients())) as IntervalsError;
      assert.equal(error.kind, 'rateLimited');
      assert.equal(error.code, 11);
      assert.equal(apiRequests('client').length, 1);
    });

    it('waits out a 429 for as long as Retry-After says', async () => {
      fake.faults.setRateLimit(2, { status: 429 });
      const api = client();
      await api.listTaskStatuses({ active: true });
      time += 10_000;
      await api.listTaskStatuses({ active: false });
      const statuses = await api.listTaskStatuses();
      assert.ok(statuses.items.length > 0);
      // The first admitted request leaves the server's minute 50 s later.
      assert.deepEqual(sleeps, [50_000]);
      assert.deepEqual(
        apiRequests('taskstatus').map((request) => request.status),
        [200, 200, 429, 200],
      );
    });

    it('keeps under the server limit with the client-side limiter', async () => {
      fake.faults.setRateLimit(5);
      const api = client({ limiter: { maxRequests: 5, windowMs: 60_000 } });
      for (let i = 0; i < 12; i++) {
        await api.listTasks({ localId: i + 1 });
      }
      assert.equal(apiRequests('task').length, 12);
      assert.ok(apiRequests('task').every((request) => request.status === 200));
      assert.deepEqual(sleeps, [60_000, 60_000]);
    });
  });

  describe('identical reads in flight', () => {
    it('are sent once and answered to every caller', async () => {
      const api = client();
      const results = await Promise.all([api.listTasks({ projectId: 1 }), api.listTasks({ projectId: 1 }), api.listTasks({ projectId: 1 })]);
      assert.equal(apiRequests('task').length, 1);
      assert.deepEqual(results[0], results[2]);
      assert.notEqual(results[0].items[0], results[1].items[0], 'each caller gets its own objects');
      await Promise.all([api.listTasks({ projectId: 1 }), api.listTasks({ projectId: 2 }), api.me()]);
      assert.equal(apiRequests('task').length, 3);
    });

    it('survive one caller cancelling', async () => {
      const api = client();
      const controller = new AbortController();
      const cancelled = api.listAllTasks({}, { signal: controller.signal });
      const kept = api.listAllTasks();
      controller.abort();
      assert.equal(((await rejection(cancelled)) as IntervalsError).kind, 'cancelled');
      assert.equal((await kept).length, fake.store.task.length);
      assert.equal(apiRequests('task').length, 1);
      assert.equal(apiRequests('task')[0].status, 200);
    });

    it('are abandoned when every caller cancels, and asked afresh later', async () => {
      fake.faults.setLatency(200);
      const api = client();
      const one = new AbortController();
      const two = new AbortController();
      const a = api.me({ signal: one.signal });
      const b = api.me({ signal: two.signal });
      // Held at the server: only an abort of the shared request makes the client leave it.
      await until(() => fake.waiting === 1);
      one.abort();
      two.abort();
      assert.equal(((await rejection(a)) as IntervalsError).kind, 'cancelled');
      assert.equal(((await rejection(b)) as IntervalsError).kind, 'cancelled');
      fake.faults.setLatency(0);
      const me = await api.me();
      assert.equal(me.id, DEMO_PEOPLE.admin);
      await until(() => apiRequests('me').length === 2);
      assert.deepEqual(
        apiRequests('me').map((request) => request.status),
        [0, 200],
        'the abandoned request got no answer; the new one did',
      );
    });

    it('are not shared between formats', async () => {
      await Promise.all([client({ format: 'json' }).me(), client({ format: 'xml' }).me()]);
      assert.deepEqual(
        apiRequests('me').map((request) => request.format).sort(),
        ['json', 'xml'],
      );
    });
  });

  describe('the token', () => {
    it('never appears in an error, a stack or a log line', async () => {
      const token = fake.tokens.admin;
      const basic = Buffer.from(`${token}:X`).toString('base64');
      const failures: IntervalsError[] = [];
      const api = client({ timeoutMs: 100, retry: { maxAttempts: 2 } });
      fake.faults.failNext(1, { status: 400, code: 18, message: `rejected ${token}` });
      failures.push((await rejection(api.listTasks())) as IntervalsError);
      fake.faults.dropNext(2);
      failures.push((await rejection(api.listProjects())) as IntervalsError);
      fake.faults.stallNext(1, 5_000, { method: 'POST' });
      failures.push((await rejection(api.createTimer({ name: token }))) as IntervalsError);
      failures.push((await rejection(client({ token: 'ccccccccccc' }).me())) as IntervalsError);
      failures.push((await rejection(api.getTask(999_999))) as IntervalsError);
      assert.match(failures[0].message, /rejected \*\*\*/);
      for (const failure of failures) {
        const text = [failure.message, failure.stack, failure.serverMessage, ...failure.verbose, JSON.stringify(failure)].join('\n');
        assert.ok(!text.includes(token) && !text.includes(basic), text);
      }
      const log = logger.lines.join('\n');
      assert.ok(logger.lines.length > 5);
      assert.ok(!log.includes(token) && !log.includes(basic), log);
    });
  });
});
