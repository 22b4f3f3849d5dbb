import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { ContextKey } from '../../src/common/contextKeys';
import { toIsoDate } from '../../src/time/dates';
import type { DeleteTimeEntryResult } from '../../src/commands/time/deleteTimeEntry';
import type { EditTimeEntryResult } from '../../src/commands/time/editTimeEntry';
import type { LogTimeResult } from '../../src/commands/time/logTime';
import type { TimeTreeNode } from '../../src/views/time/myTimeView';
import { accept, choose, ScriptedAsker, type, watchSteps } from './scriptedAsker';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, moveClock, nextChange, setClock, setSetting, settled, signIn, signOut } from './helpers';

const ADMIN = 1;

describe('My Time', () => {
  let graph: Graph;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await vscode.commands.executeCommand('intervals.refreshTime');
    await fake.control.clearRequests();
  });

  afterEach(async () => {
    setClock(graph, 0);
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    await fake.control.clearFaults();
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
    graph.myTime.clear();
  });

  after(async () => {
    await signOut();
    // Leave the Intervals views hidden, so that no view of ours loads during the next suites.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  async function roots(): Promise<TimeTreeNode[]> {
    return graph.myTime.getChildren();
  }

  function nextTreeChange(): Promise<void> {
    return new Promise((resolve) => {
      const listener = graph.myTime.onDidChangeTreeData(() => {
        listener.dispose();
        resolve();
      });
    });
  }

  async function myRowsOfWeek(): Promise<Array<{ id: number; date: string; time: number; description: string | null }>> {
    const { start, end } = graph.myTime.week;
    return (await fake.control.rows('time')).filter((row) => row.personid === ADMIN && row.date >= start && row.date <= end);
  }

  it('shows the current week by day with daily and weekly totals', async () => {
    const week = graph.myTime.week;
    const today = toIsoDate(new Date());
    assert.ok(week.start <= today && today <= week.end, 'the current week is shown');
    const nodes = await roots();
    const days = nodes.filter((node) => node.kind === 'day');
    assert.equal(days.length, 7);
    const rows = await myRowsOfWeek();
    assert.ok(rows.length > 0, 'the fixture has entries this week');
    for (const node of days) {
      if (node.kind !== 'day') {
        continue;
      }
      const expected = rows.filter((row) => row.date === node.day.date).reduce((sum, row) => sum + row.time, 0);
      assert.ok(Math.abs(node.day.hours - expected) < 0.001, `${node.day.date}: ${node.day.hours} h, expected ${expected} h`);
      const children = await graph.myTime.getChildren(node);
      assert.equal(children.length, rows.filter((row) => row.date === node.day.date).length);
      for (const child of children) {
        const item = graph.myTime.getTreeItem(child);
        assert.equal(item.contextValue, 'entry');
        assert.match(String(item.label), /^\d+ (h|min).* · ./, 'the duration leads the row, before the task');
        assert.doesNotMatch(String(item.description), /^\d+ (h|min)/, 'and is not repeated after it');
      }
    }
    const total = rows.reduce((sum, row) => sum + row.time, 0);
    assert.ok(Math.abs(graph.myTime.entries.reduce((sum, entry) => sum + entry.time, 0) - total) < 0.001);
    const request = (await fake.control.requests()).length;
    assert.equal(request, 0, 'showing the loaded week asks nothing again');
  });

  it('writes durations and totals in the hour format of the settings', async () => {
    await fake.control.insertRow('time', { personid: ADMIN, projectid: 1, taskid: 1, worktypeid: 1, date: graph.myTime.week.start, time: 1.5, billable: true, description: 'Ninety minutes' });
    await vscode.commands.executeCommand('intervals.refreshTime');
    const entryItem = async () => {
      const monday = (await roots()).find((node) => node.kind === 'day' && node.day.date === graph.myTime.week.start);
      assert.ok(monday);
      const entry = (await graph.myTime.getChildren(monday)).find((node) => node.kind === 'entry' && node.entry.description === 'Ninety minutes');
      assert.ok(entry);
      return { day: graph.myTime.getTreeItem(monday), entry: graph.myTime.getTreeItem(entry), hours: monday.kind === 'day' ? monday.day.hours : 0 };
    };
    const before = await entryItem();
    assert.match(String(before.entry.label), /^1 h 30 min · /);
    assert.doesNotMatch(String(before.day.description), /\d\.\d+ h/, 'one format, no decimal hours beside it');
    try {
      const redrawn = nextTreeChange();
      await setSetting('intervals.hourFormat', 'decimal');
      await redrawn;
      const after = await entryItem();
      assert.match(String(after.entry.label), /^1\.5 h · /);
      assert.equal(after.day.description, `${Math.round(after.hours * 100) / 100} h`);
      assert.match(String(after.entry.tooltip), /· 1\.5 h\n/);
    } finally {
      await setSetting('intervals.hourFormat', undefined);
    }
  });

  it('names the week by its days beside the title, and gives every day a day icon', async () => {
    const week = graph.myTime.week;
    const nodes = await roots();
    const expected = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).formatRange(
      new Date(`${week.start}T12:00:00`),
      new Date(`${week.end}T12:00:00`),
    );
    assert.match(String(graph.myTime.view.description), new RegExp(`^${expected} · \\d+ (h|min)`), 'the range, then the total');
    for (const node of nodes.filter((each) => each.kind === 'day')) {
      const icon = graph.myTime.getTreeItem(node).iconPath as vscode.ThemeIcon;
      assert.equal(icon.id, 'calendar', `${node.id} has the day icon`);
    }
    await vscode.commands.executeCommand('intervals.previousWeek');
    const previous = graph.myTime.week;
    const range = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', ...([previous.start, previous.end].some((day) => day.slice(0, 4) !== toIsoDate(new Date()).slice(0, 4)) ? { year: 'numeric' } : {}) });
    assert.match(String(graph.myTime.view.description), new RegExp(`^${range.formatRange(new Date(`${previous.start}T12:00:00`), new Date(`${previous.end}T12:00:00`))} · `));
    await vscode.commands.executeCommand('intervals.thisWeek');
  });

  it('moves to the previous and next week, loading each with datebegin/dateend', async () => {
    const current = graph.myTime.week;
    const previous = await vscode.commands.executeCommand<{ start: string; end: string }>('intervals.previousWeek');
    assert.ok(previous.end < current.start);
    const query = (await fake.control.requests()).find((r) => r.path.startsWith('/time'))?.query;
    assert.equal(query?.datebegin, previous.start);
    assert.equal(query?.dateend, previous.end);
    assert.equal(query?.personid, String(ADMIN));
    const rows = await myRowsOfWeek();
    assert.equal(graph.myTime.entries.length, rows.length);
    const back = await vscode.commands.executeCommand<{ start: string; end: string }>('intervals.nextWeek');
    assert.deepEqual(back, current);
  });

  it('goes back to this week, or to the week of a given day, and says when another week shows', async () => {
    const current = graph.myTime.week;
    assert.equal(graph.contextKeys.get(ContextKey.otherWeek), false);
    await vscode.commands.executeCommand('intervals.previousWeek');
    await vscode.commands.executeCommand('intervals.previousWeek');
    assert.equal(graph.contextKeys.get(ContextKey.otherWeek), true, 'the title bar offers Go to This Week');
    assert.deepEqual(await vscode.commands.executeCommand('intervals.thisWeek'), current);
    assert.equal(graph.contextKeys.get(ContextKey.otherWeek), false);
    assert.deepEqual(await vscode.commands.executeCommand('intervals.thisWeek', { date: '2026-03-04' }), { start: '2026-03-02', end: '2026-03-08' });
    assert.equal((await vscode.commands.executeCommand<{ status: string }>('intervals.thisWeek', { date: '2026-02-30' })).status, 'invalid');
    assert.deepEqual(graph.myTime.week, { start: '2026-03-02', end: '2026-03-08' }, 'a day that does not exist changes nothing');
    await vscode.commands.executeCommand('intervals.thisWeek');
  });

  it('shows a logged entry after logging, and an error item with Retry when loading fails', async () => {
    const logged = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: 1, hours: 0.5, worktypeId: 1, description: 'shown in view' });
    assert.equal(logged.status, 'logged');
    // The view is hidden during the tests: the change marks it out of date, and it loads when shown.
    await roots();
    assert.ok(graph.myTime.entries.some((e) => e.description === 'shown in view'), 'the view shows the new entry');

    // A refusal, which the client does not retry on its own (it retries 5xx reads itself).
    await fake.control.failNext(1, { status: 403, code: 10 }, { method: 'GET', resource: 'time' });
    await vscode.commands.executeCommand('intervals.refreshTime');
    const failed = await roots();
    const error = failed.find((node) => node.kind === 'error');
    assert.ok(error, 'an error item is shown');
    assert.equal(graph.myTime.getTreeItem(error).contextValue, 'error');
    await vscode.commands.executeCommand('intervals.refreshTime');
    assert.equal((await roots()).filter((node) => node.kind === 'day').length, 7, 'Retry loads the week');
  });

  it('edits an entry from an argument object with PUT /time/{id}/', async () => {
    const [row] = await myRowsOfWeek();
    const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', {
      entryId: row.id,
      hours: '45m',
      description: 'Edited',
    });
    assert.equal(result.status, 'updated');
    const put = (await fake.control.requests()).find((r) => r.method === 'PUT');
    assert.equal(put?.path, `/time/${row.id}/`);
    const body = put?.body as Record<string, unknown>;
    assert.equal(Number(body.time), 0.75);
    assert.equal(body.description, 'Edited');
    assert.equal(body.date, undefined, 'only the changed values are sent');
    const stored = await fake.control.row('time', row.id);
    assert.equal(stored.time, 0.75);
    assert.equal(stored.description, 'Edited');
  });

  it('edits an entry from its node through the prompts, with the current values filled in', async () => {
    const day = (await roots()).find((node) => node.kind === 'day' && node.day.entries.length > 0);
    assert.ok(day && day.kind === 'day');
    const [node] = await graph.myTime.getChildren(day);
    assert.ok(node.kind === 'entry');
    // The summary first: a field chosen is asked, then the summary again; Enter on it saves.
    const answers = new ScriptedAsker([
      choose('Duration'),
      type('2h'),
      choose('Work type'),
      accept,
      choose('Billable'),
      choose(node.entry.billable ? 'Not billable' : 'Billable'),
      choose('Description'),
      type('Prompted edit'),
      accept,
    ]);
    answerPrompts(graph, answers);
    const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', node);
    assert.equal(result.status, 'updated');
    assert.equal(answers.remaining, 0);
    const minutes = Math.round(node.entry.time * 60);
    const duration = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    const [summary] = answers.asked;
    assert.equal(summary.kind, 'pick', 'Edit opens on the summary of the entry');
    const items = summary.kind === 'pick' ? summary.request.items : [];
    assert.deepEqual(
      items.slice(1).map((item) => `${item.label}: ${item.description ?? ''}`),
      [
        `Day: ${node.entry.date}`,
        `Duration: ${duration}`,
        `Work type: ${node.entry.workType ?? ''}`,
        `Billable: ${node.entry.billable ? 'billable' : 'not billable'}`,
        `Description: ${node.entry.description?.trim() || 'none'}`,
      ],
      'the day, duration, work type, billable and description are the entry\'s',
    );
    assert.match(items[0]?.label ?? '', new RegExp(`^Save ${duration} on ${node.entry.date} · `), 'Enter saves what the summary says');
    assert.equal(summary.kind === 'pick' ? summary.request.active : undefined, items[0]?.value, 'Enter saves');
    const workTypes = answers.asked.find((asked) => asked.kind === 'pick' && asked.request.placeholder.startsWith('Work type'));
    const current = workTypes?.kind === 'pick' ? workTypes.request.items.find((item) => item.description === 'current') : undefined;
    assert.equal(current?.label, node.entry.workType, 'the current work type is marked');
    const stored = await fake.control.row('time', node.entry.id);
    assert.equal(stored.time, 2);
    assert.equal(stored.description, 'Prompted edit');
    assert.equal(stored.date, node.entry.date);
    assert.equal(stored.billable, !node.entry.billable, 'billable is editable');
  });

  it('offers Edit and Try Again, starting from the refused values, when Intervals refuses an edit', async () => {
    const [row] = await myRowsOfWeek();
    await fake.control.failNext(1, { status: 400, code: 18, message: 'The date is closed for time entry' }, { method: 'PUT', resource: 'time' });
    const told: string[] = [];
    answerNotifications(graph, (severity, message, actions) => {
      told.push(`${severity}: ${message} [${actions.join(', ')}]`);
      return Promise.resolve(actions.includes('Edit and Try Again') ? 'Edit and Try Again' : undefined);
    });
    // The second run keeps every value it opens on, except the description.
    const answers = new ScriptedAsker([choose('Description'), type('Second try'), accept]);
    answerPrompts(graph, answers);
    const saved = nextChange(graph, (change) => change.resource === 'time' && change.id === row.id);
    const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', { entryId: row.id, hours: '1:45', description: 'First try' });
    assert.equal(result.status, 'invalid');
    assert.ok(told.some((message) => /^error: Could not edit the time entry\. .*date is closed for time entry.*\[Edit and Try Again\]$/.test(message)), told.join('\n'));
    await saved;
    await settled();
    assert.equal((await fake.control.row('time', row.id)).description, 'Second try', 'the second run saves the entry');
    const [summary, description] = answers.asked;
    const values = summary?.kind === 'pick' ? summary.request.items.map((item) => item.description) : [];
    assert.equal(values[2], '1:45', 'the duration opens on the refused value');
    assert.equal(values[5], 'First try', 'and so does the description');
    assert.equal(description?.kind === 'input' ? description.request.value : '', 'First try');
    assert.equal((await fake.control.row('time', row.id)).time, 1.75);
  });

  it('refuses an edit to an impossible duration and sends nothing', async () => {
    const [row] = await myRowsOfWeek();
    const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', { entryId: row.id, hours: '0' });
    assert.equal(result.status, 'invalid');
    assert.equal((await fake.control.requests()).filter((r) => r.method === 'PUT').length, 0);
  });

  it('refuses to move an entry to a day outside the week that has no room for it', async () => {
    const [row] = await myRowsOfWeek();
    const full = '2026-01-05';
    await fake.control.insertRow('time', { personid: ADMIN, projectid: 1, taskid: 1, worktypeid: 1, date: full, time: 24, billable: true, description: 'full day' });
    const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', { entryId: row.id, date: full, hours: 1 });
    assert.equal(result.status, 'invalid');
    assert.match(result.status === 'invalid' ? result.message : '', /24 h already logged that day/);
    assert.equal((await fake.control.requests()).filter((r) => r.method === 'PUT').length, 0);
  });

  it('deletes an entry (confirm: false skips the dialog) and the view drops it', async () => {
    const [row] = await myRowsOfWeek();
    const result = await vscode.commands.executeCommand<DeleteTimeEntryResult>('intervals.deleteTimeEntry', { entryId: row.id, confirm: false });
    assert.deepEqual(result, { status: 'deleted', id: row.id });
    assert.ok(!(await fake.control.rows('time')).some((r) => r.id === row.id));
    await roots();
    assert.ok(graph.myTime.entries.length > 0, 'the week is shown');
    assert.ok(!graph.myTime.entries.some((e) => e.id === row.id), 'the view drops the entry');
  });

  /** The rows of the fake that hold what `row` held (a restored entry has a new id). */
  async function sameRows(row: { date: string; time: number; description: string | null; taskid?: unknown; worktypeid?: unknown }): Promise<number> {
    return (await fake.control.rows('time')).filter(
      (r) => r.personid === ADMIN && r.date === row.date && r.time === row.time && r.description === row.description && r.taskid === row.taskid && r.worktypeid === row.worktypeid,
    ).length;
  }

  it('says what it deleted, with Undo, and Undo logs the same entry again', async () => {
    const [row] = await myRowsOfWeek();
    await roots();
    const told: { message: string; actions: readonly string[] }[] = [];
    answerNotifications(graph, (_severity, message, actions) => {
      told.push({ message, actions });
      return Promise.resolve(actions.includes('Undo') ? 'Undo' : undefined);
    });
    const restored = nextChange(graph, (change) => change.resource === 'time' && change.id !== row.id && change.item !== undefined);
    const result = await vscode.commands.executeCommand<DeleteTimeEntryResult>('intervals.deleteTimeEntry', { entryId: row.id, confirm: false });
    assert.deepEqual(result, { status: 'deleted', id: row.id });
    await restored;
    await settled();
    assert.equal(told.length, 1, 'one notification');
    assert.match(told[0].message, new RegExp(`^Deleted \\d+ (h|min).* on .+ \\(${row.date}\\)$`));
    assert.deepEqual(told[0].actions, ['Undo']);
    assert.ok(!(await fake.control.rows('time')).some((r) => r.id === row.id), 'the deleted entry stays deleted');
    assert.equal(await sameRows(row), 1, 'the entry is on Intervals again, once');
    await roots();
    assert.ok(graph.myTime.entries.some((e) => e.date === row.date && e.time === row.time && e.description === row.description), 'My Time shows it again');
  });

  it('Undo whose answer is lost keeps the entry in the outbox and restores it exactly once', async () => {
    const [row] = await myRowsOfWeek();
    // The fake numbers entries from the same id after each reset, while the suite's state folder
    // keeps the receipts of entries earlier tests logged: an id none of them used keeps this
    // restore apart from those (as ids are on a real account).
    await fake.control.insertRow('time', { id: 50_000, personid: 6, projectid: 7, worktypeid: 4, date: '2001-01-01', time: 1 });
    await roots();
    // The restore reaches Intervals, and its answer is lost.
    await fake.control.commitThenDropNext(1, { method: 'POST', resource: 'time' });
    const told: string[] = [];
    answerNotifications(graph, (severity, message, actions) => {
      told.push(`${severity}: ${message}`);
      return Promise.resolve(actions.includes('Undo') ? 'Undo' : undefined);
    });
    await vscode.commands.executeCommand<DeleteTimeEntryResult>('intervals.deleteTimeEntry', { entryId: row.id, confirm: false });
    await settled();
    assert.equal((await graph.sync.waiting()).length, 1, 'the restore waits on disk');
    assert.match(told.at(-1) ?? '', /^warning: Intervals could not be reached\..* is kept/);
    // Past the wait before a send that may have arrived is looked up.
    moveClock(graph, 10 * 60_000);
    const report = await vscode.commands.executeCommand<{ waiting: number }>('intervals.retrySync');
    assert.equal(report.waiting, 0, 'nothing waits after the retry');
    assert.equal(await sameRows(row), 1, 'found on Intervals, not sent twice');
  });

  it('Retry after a delete whose answers were all lost finds the entry gone and calls it deleted, not an error', async () => {
    const [row] = await myRowsOfWeek();
    await roots();
    // Every attempt of the first run reaches Intervals and loses its answer (the first deletes).
    await fake.control.commitThenDropNext(10, { method: 'DELETE', resource: 'time' });
    const told: string[] = [];
    answerNotifications(graph, async (severity, message, actions) => {
      told.push(`${severity}: ${message}`);
      if (!actions.includes('Retry')) {
        return undefined;
      }
      await fake.control.clearFaults();
      return 'Retry';
    });
    const deleted = nextChange(graph, (change) => change.resource === 'time' && change.id === row.id);
    const result = await vscode.commands.executeCommand<DeleteTimeEntryResult>('intervals.deleteTimeEntry', { entryId: row.id, confirm: false });
    assert.equal(result.status, 'failed', 'no answer came');
    assert.ok(!(await fake.control.rows('time')).some((r) => r.id === row.id), 'although Intervals deleted it');
    await deleted;
    await settled();
    assert.ok(!graph.myTime.entries.some((e) => e.id === row.id), 'Retry settles it and the view drops the entry');
    const last = (await fake.control.requests()).filter((r) => r.method === 'DELETE' && r.resource === 'time').at(-1);
    assert.equal(last?.status, 404, "Retry's DELETE found nothing to delete");
    assert.equal(told.filter((message) => message.startsWith('error:')).length, 1, 'one error, for the lost answers; none for the retry');
  });

  it('logs an entry again today', async () => {
    const entry = graph.myTime.entries.find((e) => e.taskId !== null);
    assert.ok(entry);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logAgainToday', { entry });
    assert.equal(result.status, 'logged');
    const created = result.status === 'logged' ? await fake.control.row('time', result.entry.id) : undefined;
    assert.equal(created?.date, toIsoDate(new Date()));
    assert.equal(created?.taskid, entry.taskId);
    assert.equal(created?.time, entry.time);
    assert.equal(created?.worktypeid, entry.workTypeId);
  });

  it('lists entries waiting to sync distinctly, discards one and retries the other from its node', async () => {
    await fake.control.dropNext(2, { method: 'POST', resource: 'time' });
    await vscode.commands.executeCommand('intervals.logTime', { taskId: 1, hours: 1, worktypeId: 1, description: 'wait one' });
    await vscode.commands.executeCommand('intervals.logTime', { taskId: 2, hours: 2, worktypeId: 1, description: 'wait two' });
    await settled();
    assert.ok((await roots()).some((node) => node.kind === 'waitingGroup'), 'the waiting group shows');
    const group = (await roots()).find((node) => node.kind === 'waitingGroup');
    assert.ok(group);
    const waiting = await graph.myTime.getChildren(group);
    assert.equal(waiting.length, 2);
    for (const node of waiting) {
      assert.equal(graph.myTime.getTreeItem(node).contextValue, 'waiting');
      assert.match(String(graph.myTime.getTreeItem(node).description), /waiting to sync/);
    }
    const first = waiting.find((node) => node.kind === 'waiting' && node.item.payload.input.description === 'wait one');
    const second = waiting.find((node) => node.kind === 'waiting' && node.item.payload.input.description === 'wait two');
    assert.ok(first && second);
    const discarded = await vscode.commands.executeCommand<{ status: string }>('intervals.discardWaitingEntry', {
      ...(second.kind === 'waiting' ? { id: second.item.id } : {}),
      confirm: false,
    });
    assert.equal(discarded.status, 'discarded');
    // A send dropped after it went out may have arrived: it is looked up once the wait has passed.
    moveClock(graph, 10 * 60_000);
    const report = await vscode.commands.executeCommand<{ sent: number; waiting: number }>('intervals.retrySync', first);
    assert.deepEqual({ sent: report.sent, waiting: report.waiting }, { sent: 1, waiting: 0 });
    const rows = await fake.control.rows('time');
    assert.equal(rows.filter((r) => r.description === 'wait one').length, 1);
    assert.equal(rows.filter((r) => r.description === 'wait two').length, 0);
    await settled();
    assert.ok(!(await roots()).some((node) => node.kind === 'waitingGroup'), 'the waiting group goes away');
  });

  it('logs through the real quick input with every value prefilled (prompt: true)', async () => {
    const steps = watchSteps(graph.asker);
    let step = steps.next();
    const result = Promise.resolve(
      vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', {
        taskId: 1,
        date: '2026-11-03',
        hours: '1:15',
        worktypeId: 3,
        billable: true,
        description: 'Through the quick input',
        prompt: true,
      }),
    );
    try {
      // Enter on each step once it is on screen, until the command is done.
      while ((await Promise.race([step, result.then(() => undefined)])) !== undefined) {
        step = steps.next();
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
    } finally {
      steps.dispose();
    }
    // The task, day and duration, then the summary of every value, where Enter logs.
    assert.deepEqual(steps.shown.map((shown) => shown.step), [1, 2, 3, 4], 'every step opened once, prefilled');
    assert.equal(steps.shown.at(-1)?.totalSteps, 4);
    const outcome = await result;
    assert.equal(outcome.status, 'logged');
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(body.date, '2026-11-03');
    assert.equal(Number(body.time), 1.25);
    assert.equal(String(body.worktypeid), '3');
    assert.equal(body.description, 'Through the quick input');
  });

  it('is empty after signing out, and shows the week again after signing in', async () => {
    await signOut();
    assert.deepEqual(await roots(), []);
    assert.deepEqual(graph.myTime.entries, []);
    await signIn('admin');
    assert.equal((await roots()).filter((node) => node.kind === 'day').length, 7);
  });
});
