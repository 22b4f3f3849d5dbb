import * as assert from 'node:assert/strict';
import { canAccessProject } from '../fake-intervals/access';
import { DEMO_TOKENS, defaultFixture, largeFixture } from '../fake-intervals/fixture';
import { FakeStore, GROUP_IDS, type Fixture } from '../fake-intervals/store';
import { addDays, isRealDate, mondayOf } from '../fake-intervals/values';
import { startFakeIntervals } from '../fake-intervals/server';
import { FakeHttp, FIXED_NOW, list, TestClock } from './helpers/fakeIntervalsHttp';

// The demo account must hold what the product and its tests rely on, and obey the fake's own
// rules so that editing any fixture row through the API succeeds.

function integrityProblems(fixture: Fixture): string[] {
  const store = new FakeStore(fixture);
  const problems: string[] = [];
  const has = (table: keyof Fixture, id: number | null): boolean => id === null || (store[table] as { id: number }[]).some((r) => r.id === id);
  for (const table of ['person', 'client', 'project', 'task', 'time', 'timer', 'worktype', 'module', 'projectworktype', 'projectmodule'] as const) {
    const rowIds = (store[table] as { id: number }[]).map((r) => r.id);
    if (new Set(rowIds).size !== rowIds.length) {
      problems.push(`${table}: duplicate ids`);
    }
  }
  for (const project of store.project) {
    if (!has('client', project.clientid) || !has('person', project.managerid)) {
      problems.push(`project ${project.id}: dangling reference`);
    }
  }
  for (const task of store.task) {
    if (!has('project', task.projectid) || !has('taskstatus', task.statusid) || !has('taskpriority', task.priorityid) || !has('person', task.ownerid)) {
      problems.push(`task ${task.id}: dangling reference`);
    }
    if (task.moduleid !== null && !store.projectmodule.some((m) => m.projectid === task.projectid && m.moduleid === task.moduleid)) {
      problems.push(`task ${task.id}: module ${task.moduleid} not on project ${task.projectid}`);
    }
    for (const id of task.assigneeids) {
      const person = store.find('person', id);
      if (!person || !canAccessProject(store, person, task.projectid)) {
        problems.push(`task ${task.id}: assignee ${id} cannot see project ${task.projectid}`);
      }
    }
    const closed = store.find('taskstatus', task.statusid)?.isclosed ?? false;
    if (closed !== (task.dateclosed !== null)) {
      problems.push(`task ${task.id}: dateclosed does not match its status`);
    }
    if (!isRealDate(task.dateopen) || (task.datedue !== null && task.datedue < task.dateopen)) {
      problems.push(`task ${task.id}: bad dates`);
    }
  }
  for (const entry of store.time) {
    const task = entry.taskid === null ? undefined : store.find('task', entry.taskid);
    if (entry.taskid !== null && task?.projectid !== entry.projectid) {
      problems.push(`time ${entry.id}: task and project disagree`);
    }
    if (!store.projectworktype.some((p) => p.projectid === entry.projectid && p.worktypeid === entry.worktypeid && p.active)) {
      problems.push(`time ${entry.id}: work type ${entry.worktypeid} not active on project ${entry.projectid}`);
    }
    if (entry.moduleid !== null && !store.projectmodule.some((m) => m.projectid === entry.projectid && m.moduleid === entry.moduleid)) {
      problems.push(`time ${entry.id}: module not on project`);
    }
    const person = store.find('person', entry.personid);
    if (!person || !canAccessProject(store, person, entry.projectid)) {
      problems.push(`time ${entry.id}: person ${entry.personid} cannot see project ${entry.projectid}`);
    }
    if (!(entry.time > 0 && entry.time <= 24) || !isRealDate(entry.date)) {
      problems.push(`time ${entry.id}: bad time or date`);
    }
  }
  const timerKeys = store.timer.filter((t) => t.taskid !== null).map((t) => `${t.personid}/${t.taskid}`);
  if (new Set(timerKeys).size !== timerKeys.length) {
    problems.push('two timers for one person and task');
  }
  return problems;
}

describe('fake Intervals: fixtures', () => {
  describe('defaultFixture', () => {
    const fixture = defaultFixture({ now: FIXED_NOW });
    const today = '2026-03-11';

    it('is deterministic for a given clock and moves with it', () => {
      assert.deepEqual(defaultFixture({ now: FIXED_NOW }), fixture);
      const later = defaultFixture({ now: new Date('2026-03-18T10:00:00Z') });
      assert.equal(later.task[0].dateopen, addDays(fixture.task[0].dateopen, 7));
      assert.equal(later.timer[0].starttime, '2026-03-18 09:35:00');
    });

    it('keeps every reference valid under the fake’s own rules', () => {
      assert.deepEqual(integrityProblems(fixture), []);
      assert.deepEqual(integrityProblems(defaultFixture({ now: new Date('2026-08-01T23:59:59Z') })), []);
    });

    it('has people in every group, an inactive one, and distinct 11-character tokens', () => {
      const groups = new Set(fixture.person.filter((p) => p.active).map((p) => p.groupid));
      assert.deepEqual([...groups].sort(), Object.values(GROUP_IDS).sort());
      assert.ok(fixture.person.some((p) => !p.active && p.apitoken === DEMO_TOKENS.inactive));
      const tokens = fixture.person.map((p) => p.apitoken).filter((t): t is string => t !== null);
      assert.equal(new Set(tokens).size, 5);
      assert.ok(tokens.every((t) => /^[a-z0-9]{11}$/.test(t)));
    });

    it('has awkward client names, projects with and without a client, and inactive ones', () => {
      const names = fixture.client.map((c) => c.name);
      for (const needle of ['&', '<', '"', "'", 'ü']) {
        assert.ok(names.some((n) => n.includes(needle)), needle);
      }
      assert.ok(fixture.project.some((p) => p.clientid === null));
      assert.ok(fixture.project.some((p) => !p.active));
      assert.ok(fixture.client.some((c) => !c.active));
      assert.ok(fixture.worktype.some((w) => !w.active));
      assert.ok(fixture.projectworktype.some((w) => !w.active));
    });

    it('has a closed status, a frozen one and exactly one default priority', () => {
      assert.ok(fixture.taskstatus.some((s) => s.isclosed && s.active));
      assert.ok(fixture.taskstatus.some((s) => s.frozen && s.active));
      assert.equal(fixture.taskpriority.filter((p) => p.isdefault).length, 1);
    });

    it('has 30+ tasks: overdue, closed, unassigned, shared, and a Markdown title', () => {
      assert.ok(fixture.task.length >= 30);
      const closedIds = new Set(fixture.taskstatus.filter((s) => s.isclosed).map((s) => s.id));
      const overdue = fixture.task.filter((t) => t.datedue !== null && t.datedue < today && !closedIds.has(t.statusid));
      assert.ok(overdue.length >= 3);
      assert.ok(fixture.task.filter((t) => closedIds.has(t.statusid)).length >= 3);
      assert.ok(fixture.task.some((t) => t.assigneeids.length === 0));
      assert.ok(fixture.task.some((t) => t.assigneeids.length > 1));
      assert.ok(fixture.task.some((t) => t.title.includes('**bold** [link](command:x)')));
    });

    it('has time over several weeks, more than ten for one person in one week, some approved', () => {
      const weeks = new Set(fixture.time.map((t) => mondayOf(t.date)));
      assert.ok(weeks.size >= 4);
      const lastWeek = mondayOf(addDays(today, -7));
      const adaLastWeek = fixture.time.filter((t) => t.personid === 1 && mondayOf(t.date) === lastWeek);
      assert.ok(adaLastWeek.length > 10, String(adaLastWeek.length));
      assert.ok(fixture.time.some((t) => t.approved));
      assert.ok(fixture.time.some((t) => t.taskid === null));
      assert.ok(fixture.time.every((t) => t.date <= today));
    });

    it('has a running and a paused timer for the demo user', () => {
      const mine = fixture.timer.filter((t) => t.personid === 1);
      assert.ok(mine.some((t) => t.starttime !== null));
      assert.ok(mine.some((t) => t.starttime === null && t.time > 0));
    });
  });

  describe('largeFixture', () => {
    it('builds the requested sizes deterministically with valid references', () => {
      const options = { clients: 10, projects: 300, tasks: 10_000, timeEntries: 500 };
      const large = largeFixture(options);
      assert.equal(large.client.length, 10);
      assert.equal(large.project.length, 300);
      assert.equal(large.task.length, 10_000);
      assert.equal(large.time.length, 500);
      assert.deepEqual(integrityProblems(large), []);
      assert.deepEqual(largeFixture(options).task[9_999], large.task[9_999]);
    });

    it('copes with empty sizes', () => {
      const empty = largeFixture({ clients: 0, projects: 0, tasks: 5 });
      assert.equal(empty.task.length, 0);
      assert.deepEqual(integrityProblems(empty), []);
    });

    it('serves 10,000 tasks with paging and filters', async () => {
      const fake = await startFakeIntervals({ fixture: largeFixture({ clients: 10, projects: 300, tasks: 10_000 }), now: () => FIXED_NOW });
      try {
        const api = new FakeHttp(fake);
        const page = await api.get('task/?offset=9990&limit=50');
        assert.equal(page.body.listcount, '10000');
        assert.equal(list(page.body, 'task').length, 10);
        const filtered = await api.get('task/?projectid=7&excludeclosed=t&limit=100');
        assert.ok(list(filtered.body, 'task').every((t) => t.projectid === '7' && t.status !== 'Closed'));
        const created = await api.json('POST', 'client/', { name: 'One more', datecreated: '2026-03-11', active: 't' });
        assert.equal(created.status, 201);
      } finally {
        await fake.close();
      }
    });
  });

  describe('startFakeIntervals defaults', () => {
    it('uses the demo account relative to the injected clock', async () => {
      const clock = new TestClock(new Date('2026-06-03T08:00:00Z'));
      const fake = await startFakeIntervals({ now: clock.now });
      try {
        const timer = list((await new FakeHttp(fake).get('timer/?personid=1')).body, 'timer')[0];
        assert.equal(timer.starttime, '2026-06-03 07:35:00');
      } finally {
        await fake.close();
      }
    });
  });
});
