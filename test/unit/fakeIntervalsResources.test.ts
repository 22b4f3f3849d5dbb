import * as assert from 'node:assert/strict';
import type { FakeIntervals } from '../fake-intervals/server';
import { apiCode, FakeHttp, list, member, startTestFake, TestClock, verbose } from './helpers/fakeIntervalsHttp';

// Resource rules of the fake: paging, filters, validation, permissions, timers and quota.
// The clock is fixed at Wednesday 2026-03-11 10:00 UTC.

type Row = Record<string, string | null>;

describe('fake Intervals: resources', () => {
  let clock: TestClock;
  let fake: FakeIntervals;
  let admin: FakeHttp;
  let manager: FakeHttp;
  let resource: FakeHttp;
  let executive: FakeHttp;

  before(async () => {
    clock = new TestClock();
    fake = await startTestFake(clock);
    admin = new FakeHttp(fake, fake.tokens.admin);
    manager = new FakeHttp(fake, fake.tokens.manager);
    resource = new FakeHttp(fake, fake.tokens.resource);
    executive = new FakeHttp(fake, fake.tokens.executive);
  });

  afterEach(() => fake.reset());

  after(() => fake.close());

  const ids = (rows: Row[]): number[] => rows.map((row) => Number(row.id));

  describe('paging and sorting', () => {
    it('returns 10 rows by default with listcount the total before paging', async () => {
      const { body } = await admin.get('task/');
      assert.equal(body.listcount, '35');
      assert.deepEqual(ids(list(body, 'task')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('walks the collection with offset and limit', async () => {
      const seen: number[] = [];
      for (let offset = 0; ; offset += 15) {
        const { body } = await admin.get(`task/?offset=${offset}&limit=15`);
        assert.equal(body.listcount, '35');
        const page = list(body, 'task');
        seen.push(...ids(page));
        if (page.length < 15) {
          break;
        }
      }
      assert.equal(seen.length, 35);
      assert.equal(new Set(seen).size, 35);
    });

    it('answers an empty page past the end', async () => {
      const { body } = await admin.get('task/?offset=500');
      assert.equal(body.listcount, '35');
      assert.deepEqual(list(body, 'task'), []);
    });

    it('refuses limit=0 and malformed paging values with code 18', async () => {
      for (const query of ['limit=0', 'limit=-1', 'offset=x', 'sortdir=UP', 'sortfield=colour']) {
        const { status, body } = await admin.get(`task/?${query}`);
        assert.equal(status, 400, query);
        assert.equal(apiCode(body), 18, query);
      }
    });

    it('sorts by a whitelisted field in either direction', async () => {
      const ascending = list((await admin.get('client/?sortfield=name&sortdir=asc')).body, 'client').map((c) => c.name);
      assert.deepEqual(ascending, ['<Initech> Ltd.', 'Acme & Sons', 'Café Zürich', 'Globex Corporation', `O'Brien "Quoted" Consulting`, 'Umbrella Research']);
      const descending = list((await admin.get('time/?sortfield=t.date&sortdir=DESC&limit=200')).body, 'time').map((t) => String(t.date));
      assert.deepEqual(descending, [...descending].sort().reverse());
    });
  });

  describe('task filters', () => {
    const taskIds = async (query: string): Promise<number[]> => ids(list((await admin.get(`task/?limit=100&${query}`)).body, 'task'));

    it('filters by CSV project ids and by client, with -1 for projects without a client', async () => {
      assert.deepEqual(await taskIds('projectid=3,4'), [13, 14, 15, 16, 17, 18, 19]);
      assert.deepEqual(await taskIds('clientid=-1'), [23, 24, 25, 26, 27, 28]);
      assert.deepEqual(await taskIds('clientid=4'), [20, 21, 22, 32, 33, 34, 35]);
    });

    it('filters by assignee, -1 meaning unassigned', async () => {
      assert.deepEqual(await taskIds('assigneeid=-1'), [7, 19, 26, 35]);
      assert.deepEqual(await taskIds('assigneeid=7'), [13, 14, 16, 17, 18]);
      assert.deepEqual(await taskIds('assigneeid=7,-1'), [7, 13, 14, 16, 17, 18, 19, 26, 35]);
    });

    it('combines the assignee filter with excludeclosed (the tree\'s "assigned to me" walk)', async () => {
      assert.deepEqual(await taskIds('assigneeid=7&excludeclosed=t'), [13, 14, 16, 17]);
      assert.deepEqual(await taskIds('assigneeid=7&excludeclosed=f'), [13, 14, 16, 17, 18]);
    });

    it('excludes closed tasks and finds overdue ones', async () => {
      const open = await taskIds('excludeclosed=t');
      assert.equal(open.length, 35 - 6);
      for (const closed of [6, 12, 18, 25, 30, 31]) {
        assert.ok(!open.includes(closed));
      }
      assert.deepEqual(await taskIds('overdue=t'), [2, 9, 15, 21, 28]);
      assert.deepEqual(await taskIds('excludeclosed=f&statusid=5'), [6, 12, 18, 25, 30, 31]);
    });

    it('matches a title substring case-insensitively and filters due dates inclusively', async () => {
      assert.deepEqual(await taskIds('title=PORTAL'), [29]);
      assert.deepEqual(await taskIds('dateduebegin=2026-03-12&datedueend=2026-03-14'), [1, 11, 20]);
      assert.deepEqual(await taskIds('hasduedate=f&projectid=6'), [23, 25, 26]);
    });

    it('adds timerid and starttime of one person’s timers with includetimerid', async () => {
      const rows = list((await admin.get('task/?includetimerid=1&projectid=1,2')).body, 'task');
      const byId = new Map(rows.map((row) => [row.id, row]));
      assert.equal(byId.get('1')?.timerid, '1');
      assert.equal(byId.get('1')?.starttime, '2026-03-11 09:35:00');
      assert.equal(byId.get('8')?.timerid, '2');
      assert.equal(byId.get('8')?.starttime, null);
      assert.equal(byId.get('2')?.timerid, null);
      const without = list((await admin.get('task/?projectid=1&limit=1')).body, 'task')[0];
      assert.ok(!('timerid' in without));
    });

    it('refuses includetimerid for another person from a Resource, and for an Executive', async () => {
      assert.equal((await resource.get('task/?includetimerid=1')).status, 403);
      assert.equal((await resource.get('task/?includetimerid=3')).status, 200);
      assert.equal(apiCode((await executive.get('task/?includetimerid=t')).body), 10);
    });

    it('refuses malformed filter values with code 18', async () => {
      for (const query of ['projectid=abc', 'projectid=-1', 'excludeclosed=yes', 'datedue=2026-02-30', 'personid=1,2']) {
        const { status, body } = await admin.get(`task/?${query}`);
        assert.equal(status, 400, query);
        assert.equal(apiCode(body), 18, query);
      }
    });
  });

  describe('other filters', () => {
    it('filters projects by active and by clientid=-1', async () => {
      const inactive = list((await admin.get('project/?active=f')).body, 'project');
      assert.deepEqual(ids(inactive), [8, 9]);
      const internal = list((await admin.get('project/?clientid=-1')).body, 'project');
      assert.deepEqual(internal.map((p) => p.name), ['Internal Tools', 'Training & Onboarding']);
    });

    it('filters time by person and an inclusive date range', async () => {
      const { body } = await admin.get('time/?personid=1&datebegin=2026-03-02&dateend=2026-03-06&limit=100');
      const rows = list(body, 'time');
      assert.ok(rows.length > 10, `Ada has ${rows.length} entries that week`);
      assert.equal(body.listcount, String(rows.length));
      assert.ok(rows.every((t) => t.personid === '1' && String(t.date) >= '2026-03-02' && String(t.date) <= '2026-03-06'));
      assert.ok(rows.some((t) => t.date === '2026-03-02') && rows.some((t) => t.date === '2026-03-06'));
      const single = list((await admin.get('time/?date=2026-03-06&limit=100')).body, 'time');
      assert.ok(single.length > 0 && single.every((t) => t.date === '2026-03-06'));
    });

    it('lists a project’s work types with the default worktypeid', async () => {
      const rows = list((await admin.get('projectworktype/?projectid=6')).body, 'projectworktype');
      assert.deepEqual(rows.map((r) => [r.worktypeid, r.worktype, r.active]), [
        ['1', 'Development', 't'],
        ['3', 'Meetings', 't'],
        ['6', 'Support', 't'],
        ['5', 'Testing & QA', 'f'],
      ]);
    });

    it('forces active project work types for Resource users', async () => {
      const rows = list((await resource.get('projectworktype/?projectid=6&active=f')).body, 'projectworktype');
      assert.deepEqual(rows.map((r) => r.worktypeid), ['1', '3', '6']);
    });

    it('filters work types and task statuses by active', async () => {
      assert.equal(list((await admin.get('worktype/?active=f')).body, 'worktype')[0].name, 'Legacy Consulting');
      assert.equal((await admin.get('taskstatus/?active=t')).body.listcount, '5');
    });
  });

  describe('time validation', () => {
    const valid = { personid: 1, taskid: 2, worktypeid: 1, date: '2026-03-10', time: 1.25, description: 'Fixed <img> & co' };

    it('creates a task entry, deriving project and module from the task and billable from the project', async () => {
      const { status, body } = await admin.json('POST', 'time/', valid);
      assert.equal(status, 201);
      const entry = member(body, 'time');
      assert.equal(entry.projectid, '1');
      assert.equal(entry.moduleid, '3');
      assert.equal(entry.billable, 't');
      assert.equal(entry.time, '1.25');
      assert.equal(entry.date, '2026-03-10');
      assert.equal(entry.dateiso, '2026-03-10');
      assert.equal(entry.worktype, 'Development');
      assert.equal(entry.datemodified, '2026-03-11 10:00:00');
    });

    it('creates a project entry without a task', async () => {
      const { status, body } = await admin.json('POST', 'time/', { personid: 1, projectid: 7, worktypeid: 3, date: '2026-03-10', time: '0.5', billable: 't' });
      assert.equal(status, 201);
      assert.equal(member(body, 'time').taskid, null);
      assert.equal(member(body, 'time').billable, 't');
    });

    it('requires a module for project time when the project has modules', async () => {
      const entry = { personid: 1, projectid: 1, worktypeid: 1, date: '2026-03-10', time: 1 };
      const refused = await admin.json('POST', 'time/', entry);
      assert.equal(refused.status, 400);
      assert.deepEqual(verbose(refused.body), ['moduleid: required without a taskid (project 1 has modules)']);
      const created = await admin.json('POST', 'time/', { ...entry, moduleid: 2 });
      assert.equal(created.status, 201);
      assert.equal(member(created.body, 'time').taskid, null);
      assert.equal(member(created.body, 'time').moduleid, '2');
    });

    it('lists every missing required field', async () => {
      const { status, body } = await admin.json('POST', 'time/', {});
      assert.equal(status, 400);
      assert.equal(body.status, 'Bad Request');
      assert.deepEqual(verbose(body), [
        'personid: required field is missing',
        'worktypeid: required field is missing',
        'date: required field is missing',
        'time: required field is missing',
      ]);
    });

    const refusals: [string, Record<string, unknown>, RegExp][] = [
      ['no task and no project', { taskid: undefined }, /either taskid or projectid is required/],
      ['a project that is not the task’s', { projectid: 2 }, /is not the project of task 2/],
      ['a work type not attached to the project', { worktypeid: 6 }, /work type 6 is not an active work type of project 1/],
      ['a projectworktype row id instead of a worktypeid', { worktypeid: 7, taskid: undefined, projectid: 2 }, /projectworktype row id/],
      ['an inactive project work type', { taskid: 24, worktypeid: 5 }, /work type 5 is not an active work type of project 6/],
      ['a module not on the project', { moduleid: 6 }, /module 6 is not an active module of project 1/],
      ['zero hours', { time: 0 }, /more than 0 and at most 24/],
      ['more than 24 hours', { time: 24.5 }, /more than 0 and at most 24/],
      ['a comma decimal', { time: '1,5' }, /decimal number with '\.'/],
      ['an impossible date', { date: '2026-02-29' }, /real date/],
      ['a task in a frozen status', { taskid: 10 }, /frozen/],
      ['an inactive project', { taskid: 29 }, /project 8 is inactive/],
      ['a missing task', { taskid: 999 }, /task 999 does not exist/],
      ['a person without access to the project', { personid: 7, taskid: 2 }, /has no access to project 1/],
      ['an inactive person', { personid: 5 }, /person 5 does not exist or is inactive/],
    ];
    for (const [name, change, message] of refusals) {
      it(`refuses ${name}`, async () => {
        const payload: Record<string, unknown> = { ...valid, ...change };
        for (const key of Object.keys(change)) {
          if (change[key] === undefined) {
            delete payload[key];
          }
        }
        const before = fake.store.time.length;
        const { status, body } = await admin.json('POST', 'time/', payload);
        assert.equal(status, 400);
        assert.equal(apiCode(body), 18);
        assert.ok(verbose(body).some((line) => message.test(line)), verbose(body).join(' | '));
        assert.equal(fake.store.time.length, before);
      });
    }

    it('updates an entry partially and refuses changes to an approved one', async () => {
      const editable = fake.store.time.find((t) => t.personid === 1 && !t.approved && t.taskid !== null);
      assert.ok(editable);
      const { status, body } = await admin.json('PUT', `time/${editable.id}/`, { time: 2, description: null });
      assert.equal(status, 202);
      assert.equal(member(body, 'time').time, '2');
      assert.equal(member(body, 'time').description, null);
      assert.equal(member(body, 'time').taskid, String(editable.taskid));
      const approved = fake.store.time.find((t) => t.approved);
      assert.ok(approved);
      const refused = await admin.json('PUT', `time/${approved.id}/`, { time: 2 });
      assert.equal(apiCode(refused.body), 18);
      assert.equal((await admin.json('DELETE', `time/${approved.id}/`)).status, 400);
    });

    it('deletes an entry, after which it is gone (404)', async () => {
      const entry = fake.store.time.find((t) => !t.approved);
      assert.ok(entry);
      assert.equal((await admin.json('DELETE', `time/${entry.id}/`)).status, 200);
      const again = await admin.get(`time/${entry.id}/`);
      assert.equal(again.status, 404);
      assert.equal(apiCode(again.body), 14);
    });
  });

  describe('other validation', () => {
    it('requires name, datecreated and active for a client', async () => {
      const { body } = await admin.json('POST', 'client/', { description: 'x' });
      assert.deepEqual(verbose(body), ['name: required field is missing', 'datecreated: required field is missing', 'active: required field is missing']);
      const created = await admin.json('POST', 'client/', { name: 'New & Co', datecreated: '2026-03-11', active: 't' });
      assert.equal(created.status, 201);
      assert.equal(member(created.body, 'client').localid, '7');
    });

    it('requires name, datestart, billable and active for a project, and an existing client', async () => {
      const { body } = await admin.json('POST', 'project/', { clientid: 999 });
      assert.deepEqual(verbose(body), [
        'name: required field is missing',
        'datestart: required field is missing',
        'billable: required field is missing',
        'active: required field is missing',
      ]);
      const missingClient = await admin.json('POST', 'project/', { name: 'P', datestart: '2026-03-11', billable: 'f', active: 't', clientid: 999 });
      assert.deepEqual(verbose(missingClient.body), ['clientid: client 999 does not exist']);
    });

    it('attaches the default work types and modules to a new project so time can be logged', async () => {
      const project = member((await admin.json('POST', 'project/', { name: 'Fresh', datestart: '2026-03-11', billable: 'f', active: 't' })).body, 'project');
      const worktypes = list((await admin.get(`projectworktype/?projectid=${project.id}`)).body, 'projectworktype');
      assert.deepEqual(worktypes.map((w) => w.worktypeid), ['1', '2', '3', '4', '5', '6']);
      const modules = list((await admin.get(`projectmodule/?projectid=${project.id}`)).body, 'projectmodule');
      const entry = await admin.json('POST', 'time/', { personid: 1, projectid: project.id, moduleid: modules[0].moduleid, worktypeid: 2, date: '2026-03-11', time: 1 });
      assert.equal(entry.status, 201);
      assert.equal(member(entry.body, 'time').billable, 'f');
    });

    it('requires the task fields and a module of the task’s project', async () => {
      const { body } = await admin.json('POST', 'task/', {});
      assert.deepEqual(verbose(body), [
        'projectid: required field is missing',
        'statusid: required field is missing',
        'priorityid: required field is missing',
        'title: required field is missing',
        'dateopen: required field is missing',
        'ownerid: required field is missing',
      ]);
      const task = { projectid: 4, moduleid: 3, statusid: 1, priorityid: 3, title: 'T', dateopen: '2026-03-11', ownerid: 1 };
      assert.deepEqual(verbose((await admin.json('POST', 'task/', task)).body), ['moduleid: module 3 is not an active module of project 4']);
      const created = await admin.json('POST', 'task/', { ...task, moduleid: 2, assigneeid: '3,7', datedue: '2026-03-20' });
      assert.equal(created.status, 201);
      const row = member(created.body, 'task');
      assert.equal(row.assigneeid, '3,7');
      assert.equal(row.assignees, "Ravi Patel, Zoë O'Neil");
      assert.equal(row.localid, '1036');
      assert.equal(row.datecreated, '2026-03-11 10:00:00');
    });

    it('creates a task without a module and with an XML body holding Markdown in CDATA', async () => {
      const xml = '<task><projectid>6</projectid><statusid>1</statusid><priorityid>3</priorityid><title><![CDATA[**Bold** & <angle>]]></title><dateopen>2026-03-11</dateopen><ownerid>1</ownerid></task>';
      const { status, doc } = await admin.xml('POST', 'task/', xml);
      assert.equal(status, 201);
      const task = doc.value.task as Record<string, string>;
      assert.equal(task.title, '**Bold** & <angle>');
      assert.equal(task.moduleid, '');
    });

    it('sets dateclosed when a task moves to a closed status and clears it on reopening', async () => {
      const closed = member((await admin.json('PUT', 'task/1/', { statusid: 5 })).body, 'task');
      assert.equal(closed.dateclosed, '2026-03-11');
      assert.equal(closed.status, 'Closed');
      const reopened = member((await admin.json('PUT', 'task/1/', { statusid: 1 })).body, 'task');
      assert.equal(reopened.dateclosed, null);
    });

    it('refuses to delete records still in use', async () => {
      assert.deepEqual(verbose((await admin.json('DELETE', 'client/1/')).body), ['client 1 still has 2 project(s); delete or move them first']);
      assert.equal(apiCode((await admin.json('DELETE', 'task/1/')).body), 18);
      const spare = member((await admin.json('POST', 'task/', { projectid: 6, statusid: 1, priorityid: 3, title: 'Spare', dateopen: '2026-03-11', ownerid: 1 })).body, 'task');
      await admin.json('POST', 'timer/', { taskid: spare.id });
      assert.equal((await admin.json('DELETE', `task/${spare.id}/`)).status, 200);
      assert.ok(!fake.store.timer.some((t) => t.taskid === Number(spare.id)), 'its timers go with it');
    });

    it('keeps exactly one default task priority', async () => {
      await admin.json('PUT', 'taskpriority/2/', { isdefault: 't' });
      const rows = list((await admin.get('taskpriority/')).body, 'taskpriority');
      assert.deepEqual(rows.filter((p) => p.isdefault === 't').map((p) => p.id), ['2']);
    });
  });

  describe('permissions', () => {
    const forbidden: [string, () => Promise<{ status: number; body: Record<string, unknown> }>][] = [
      ['an Executive using timers', () => executive.get('timer/')],
      ['an Executive creating a timer', () => executive.json('POST', 'timer/', { name: 'x' })],
      ['an Executive listing people', () => executive.get('person/')],
      ['an Executive logging time', () => executive.json('POST', 'time/', { personid: 4, projectid: 7, worktypeid: 3, date: '2026-03-11', time: 1 })],
      ['a Resource creating a project', () => resource.json('POST', 'project/', { name: 'x', datestart: '2026-03-11', billable: 't', active: 't' })],
      ['a Resource creating a client', () => resource.json('POST', 'client/', { name: 'x', datecreated: '2026-03-11', active: 't' })],
      ['a Manager creating a client', () => manager.json('POST', 'client/', { name: 'x', datecreated: '2026-03-11', active: 't' })],
      ['a Manager reading work types', () => manager.get('worktype/')],
      ['a Resource reading modules', () => resource.get('module/1/')],
      ['a Resource deleting a task', () => resource.json('DELETE', 'task/2/')],
      ['a Resource logging time for someone else', () => resource.json('POST', 'time/', { personid: 6, taskid: 2, worktypeid: 1, date: '2026-03-11', time: 1 })],
      ['a Resource reading someone else’s entry', () => resource.get(`time/${fake.store.time.find((t) => t.personid === 1)?.id}/`)],
      ['a Resource reading a project outside its team', () => resource.get('project/3/')],
      ['a Resource reading someone else’s timer', () => resource.get('timer/1/')],
      ['a Manager editing a person', () => manager.json('PUT', 'person/3/', { title: 'x' })],
    ];
    for (const [name, call] of forbidden) {
      it(`answers 403/10 to ${name}`, async () => {
        const { status, body } = await call();
        assert.equal(status, 403);
        assert.equal(body.status, 'Forbidden');
        assert.equal(apiCode(body), 10);
      });
    }

    it('lets the Administrator read work types and modules', async () => {
      assert.equal((await admin.get('worktype/')).body.listcount, '7');
      assert.equal((await admin.get('module/')).body.listcount, '6');
    });

    it('shows a Resource only its own time and timers', async () => {
      const time = list((await resource.get('time/?limit=500')).body, 'time');
      assert.ok(time.length > 0);
      assert.ok(time.every((t) => t.personid === '3'));
      const others = await resource.get('time/?personid=1');
      assert.equal(others.body.listcount, '0');
      const timers = list((await resource.get('timer/?gettimerinfo=t')).body, 'timer');
      assert.deepEqual(ids(timers), [3]);
    });

    it('shows a Resource only its team’s projects and their tasks', async () => {
      assert.deepEqual(ids(list((await resource.get('project/')).body, 'project')), [1, 2, 5, 6, 10]);
      const tasks = list((await resource.get('task/?limit=100')).body, 'task');
      assert.ok(tasks.every((t) => ['1', '2', '5', '6', '10'].includes(String(t.projectid))));
      assert.deepEqual(ids(list((await resource.get('client/')).body, 'client')), [1, 4]);
    });

    it('lets a Resource create and edit tasks and its own time on team projects', async () => {
      const task = await resource.json('POST', 'task/', { projectid: 6, statusid: 1, priorityid: 3, title: 'Mine', dateopen: '2026-03-11', ownerid: 3 });
      assert.equal(task.status, 201);
      const entry = await resource.json('POST', 'time/', { personid: 3, taskid: member(task.body, 'task').id, worktypeid: 1, date: '2026-03-11', time: 0.5 });
      assert.equal(entry.status, 201);
      const outside = await resource.json('POST', 'task/', { projectid: 3, statusid: 1, priorityid: 3, title: 'Not mine', dateopen: '2026-03-11', ownerid: 3 });
      assert.equal(outside.status, 403);
    });

    it('lets an Executive read time entries', async () => {
      const { status, body } = await executive.get('time/?limit=1');
      assert.equal(status, 200);
      assert.ok(Number(body.listcount) > 50);
    });
  });

  describe('timers', () => {
    it('lists task timers by default, general ones with generaltimers=t, both with gettimerinfo=t', async () => {
      assert.deepEqual(ids(list((await admin.get('timer/')).body, 'timer')), [1, 2, 3]);
      assert.deepEqual(ids(list((await admin.get('timer/?generaltimers=t')).body, 'timer')), [4]);
      const both = list((await admin.get('timer/?gettimerinfo=t&personid=1')).body, 'timer');
      assert.deepEqual(ids(both), [1, 2]);
      assert.equal(both[0].task, 'Homepage hero & navigation');
      assert.equal(both[0].project, 'Website Redesign');
      assert.ok(!('task' in list((await admin.get('timer/')).body, 'timer')[0]));
    });

    it('shows a running timer with a UTC start and a paused one with recorded seconds', async () => {
      const running = member((await admin.get('timer/1/')).body, 'timer');
      assert.equal(running.starttime, '2026-03-11 09:35:00');
      assert.equal(running.time, '1800');
      const paused = member((await admin.get('timer/2/')).body, 'timer');
      assert.equal(paused.starttime, null);
      assert.equal(paused.time, '4500');
    });

    it('creates a task timer for the caller and refuses a second one on the same task', async () => {
      const first = await manager.json('POST', 'timer/', { taskid: 19, starttime: '2026-03-11 09:59:00' });
      assert.equal(first.status, 201);
      assert.equal(member(first.body, 'timer').personid, '2');
      assert.equal(member(first.body, 'timer').lastupdate, '2026-03-11 10:00:00');
      const second = await manager.json('POST', 'timer/', { taskid: 19 });
      assert.equal(second.status, 400);
      assert.match(verbose(second.body)[0], /already has timer \d+ on task 19/);
      const otherPerson = await admin.json('POST', 'timer/', { taskid: 19 });
      assert.equal(otherPerson.status, 201);
    });

    it('allows several general timers for one person', async () => {
      assert.equal((await admin.json('POST', 'timer/', { name: 'one' })).status, 201);
      assert.equal((await admin.json('POST', 'timer/', { name: 'two' })).status, 201);
    });

    it('pauses and resumes by editing time and starttime', async () => {
      const paused = member((await admin.json('PUT', 'timer/1/', { time: 1800 + 1500, starttime: null })).body, 'timer');
      assert.equal(paused.starttime, null);
      assert.equal(paused.time, '3300');
      const resumed = member((await admin.json('PUT', 'timer/1/', { starttime: '2026-03-11 10:00:00' })).body, 'timer');
      assert.equal(resumed.starttime, '2026-03-11 10:00:00');
      assert.equal(resumed.time, '3300');
    });

    it('validates start times and task references', async () => {
      for (const [payload, message] of [
        [{ starttime: '2026-03-11T10:00:00Z' }, /YYYY-MM-DD HH:MM:SS/],
        [{ starttime: '2026-03-11 11:00:00' }, /future/],
        [{ time: -5 }, /negative/],
        [{ taskid: 10 }, /frozen/],
        [{ taskid: 999 }, /does not exist/],
        [{ personid: 5 }, /inactive/],
      ] as const) {
        const { status, body } = await admin.json('POST', 'timer/', payload);
        assert.equal(status, 400, JSON.stringify(payload));
        assert.ok(verbose(body).some((line) => message.test(line)), verbose(body).join(' | '));
      }
    });

    it('deletes a timer (200), then it is gone (404)', async () => {
      assert.equal((await admin.json('DELETE', 'timer/2/')).status, 200);
      assert.equal((await admin.get('timer/2/')).status, 404);
    });
  });

  describe('quota', () => {
    it('counts today’s requests but not /quota/ itself', async () => {
      await admin.get('me/');
      await admin.get('task/');
      const first = member((await admin.get('quota/')).body, 'quota');
      const second = member((await admin.get('quota/')).body, 'quota');
      assert.equal(first.used, '2');
      assert.equal(second.used, '2');
    });

    it('refuses with code 11 once the daily allowance is used, and resets at midnight GMT', async () => {
      fake.store.account.quota = 2;
      assert.equal((await admin.get('me/')).status, 200);
      assert.equal((await admin.get('me/')).status, 200);
      const refused = await admin.get('me/');
      assert.equal(refused.status, 400);
      assert.equal(apiCode(refused.body), 11);
      assert.equal(member((await admin.get('quota/')).body, 'quota').exceeded, 't');
      clock.advance(14 * 3600_000);
      assert.equal((await admin.get('me/')).status, 200);
      clock.current = new Date('2026-03-11T10:00:00Z');
    });
  });
});
