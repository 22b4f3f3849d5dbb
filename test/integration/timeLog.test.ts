import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { toIsoDate } from '../../src/time/dates';
import type { LogTimeResult } from '../../src/commands/time/logTime';
import { BACK, type Asker, type InputRequest, type PickManyRequest, type PickRequest } from '../../src/prompts/asker';
import type { RefusedInput } from '../../src/prompts/quickInputAsker';
import { opening, watchSteps } from './scriptedAsker';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, moveClock, setClock, setSetting, settled, signIn, signOut, typeIntoQuickInput } from './helpers';

const ADMIN = 1;
const TASK = 1; // "Homepage hero & navigation", project 1, module 3

type Answer = string | number | boolean | typeof BACK | undefined | ((step: InputRequest | PickRequest<unknown>) => unknown);

/** Answers the prompts in order and records what each step showed. */
class ScriptedAsker implements Asker {
  readonly seen: Array<{
    step: number;
    kind: 'input' | 'pick';
    value?: string;
    prompt?: string;
    placeholder?: string;
    labels?: string[];
    descriptions?: Array<string | undefined>;
    active?: string;
    checks: string[];
  }> = [];

  constructor(private readonly answers: Answer[]) {}

  get remaining(): number {
    return this.answers.length;
  }

  input(step: InputRequest): Promise<string | undefined | typeof BACK> {
    const answer = this.next(step);
    const checks: string[] = [];
    if (typeof answer === 'string' && step.validate) {
      const error = step.validate(answer);
      checks.push(error === undefined ? `ok: ${step.explain?.(answer) ?? ''}` : `error: ${error}`);
    }
    this.seen.push({ step: step.step, kind: 'input', value: step.value, prompt: step.prompt, placeholder: step.placeholder, checks });
    return Promise.resolve(answer as string | undefined | typeof BACK);
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined | typeof BACK> {
    // What the step loads while open (every open task) is there to choose, as in the quick pick.
    const step = { ...request, items: [...request.items, ...(request.more ? await request.more().catch(() => []) : [])] };
    const answer = this.next(step as PickRequest<unknown>);
    const labels = step.items.map((item) => item.label);
    const descriptions = step.items.map((item) => item.description);
    this.seen.push({ step: step.step, kind: 'pick', placeholder: step.placeholder, labels, descriptions, active: opening(step)?.label, checks: [] });
    if (answer === BACK || answer === undefined) {
      return answer;
    }
    if (answer === 'default') {
      const chosen = opening(step);
      assert.ok(chosen, `step ${step.step} offers something`);
      return chosen.value;
    }
    const found = step.items.find((item) => item.label === answer || item.value === answer);
    assert.ok(found, `step ${step.step} offers ${String(answer)} (has ${labels.join(', ')})`);
    return found.value;
  }

  pickMany<T>(step: PickManyRequest<T>): Promise<T[] | undefined> {
    return Promise.reject(new Error(`Log Time asks no multiple choice (step ${step.step}: ${step.placeholder})`));
  }

  private next(step: InputRequest | PickRequest<unknown>): unknown {
    assert.ok(this.answers.length > 0, `no answer left for step ${step.step}`);
    const answer = this.answers.shift();
    return typeof answer === 'function' ? answer(step) : answer;
  }
}

describe('Log time', () => {
  let graph: Graph;
  const fake = fakeServer();

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
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
  });

  after(async () => {
    await signOut();
    // Leave the Intervals views hidden, so that no view of ours loads during the next suites.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  async function timePosts(): Promise<number> {
    return (await fake.control.requests()).filter((r) => r.method === 'POST' && r.path.startsWith('/time')).length;
  }

  async function entriesFor(description: string): Promise<number> {
    return (await fake.control.rows('time')).filter((row) => row.description === description).length;
  }

  it('logs an entry from an argument object without prompting and sends the documented fields', async () => {
    const changes: unknown[] = [];
    const listener = graph.changes.onDidChange((change) => changes.push(change));
    try {
      const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', {
        taskId: String(TASK),
        date: '2026-11-02',
        hours: '1h 30m',
        worktypeId: 2,
        billable: false,
        description: 'Argument entry',
      });
      assert.equal(result.status, 'logged');
      assert.ok(result.status === 'logged' && result.entry.id > 0);
      const post = (await fake.control.requests()).find((r) => r.method === 'POST' && r.path.startsWith('/time'));
      assert.ok(post?.body, 'a POST /time/ went out');
      const body = post.body as Record<string, unknown>;
      assert.equal(String(body.taskid), String(TASK));
      assert.equal(String(body.personid), String(ADMIN));
      assert.equal(String(body.projectid), '1');
      assert.equal(String(body.moduleid), '3');
      assert.equal(String(body.worktypeid), '2');
      assert.equal(body.date, '2026-11-02');
      assert.equal(Number(body.time), 1.5);
      assert.equal(body.billable, 'f');
      assert.equal(body.description, 'Argument entry');
      assert.equal(await entriesFor('Argument entry'), 1);
      assert.ok(changes.some((change) => (change as { resource: string }).resource === 'time'), 'a time change was announced');
      assert.equal(graph.recentTasks.list()[0]?.id, TASK, 'the task is first among the recent tasks');
    } finally {
      listener.dispose();
    }
  });

  it('defaults the day to today, the work type to the one last used on the project, billable to the project', async () => {
    await vscode.commands.executeCommand('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 4, description: 'first' });
    await fake.control.clearRequests();
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 0.5, description: 'second' });
    assert.equal(result.status, 'logged');
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(body.date, toIsoDate(new Date()));
    assert.equal(String(body.worktypeid), '4');
    const project = await fake.control.row('project', 1);
    assert.equal(body.billable, project.billable ? 't' : 'f');
  });

  for (const [hours, reason] of [
    [0, /^Enter a duration above zero\.$/],
    [-1, /negative/],
    ['25h', /more than 24 hours/],
    ['soon', /^"soon" is not a duration; enter one, for example 1:30/],
    ['1:75', /Minutes must be below 60/],
  ] as const) {
    it(`refuses the duration ${JSON.stringify(hours)} with a clear message and sends nothing`, async () => {
      const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours, worktypeId: 1 });
      assert.equal(result.status, 'invalid');
      assert.match(result.status === 'invalid' ? result.message : '', reason);
      assert.equal(await timePosts(), 0);
    });
  }

  it('refuses an impossible date and a work type the project does not have, sending nothing', async () => {
    const date = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 1, date: '2026-02-30' });
    assert.equal(date.status, 'invalid');
    const workType = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 6 });
    assert.equal(workType.status, 'invalid');
    assert.match(workType.status === 'invalid' ? workType.message : '', /not an active work type/);
    assert.equal(await timePosts(), 0);
  });

  it('says so when the project has no active work types', async () => {
    for (const row of (await fake.control.rows('projectworktype')).filter((r) => r.projectid === 6)) {
      await fake.control.updateRow('projectworktype', row.id, { active: false });
    }
    graph.lookups.clear();
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: 24, hours: 1 });
    assert.equal(result.status, 'invalid');
    assert.match(result.status === 'invalid' ? result.message : '', /no active work types/);
    assert.equal(await timePosts(), 0);
  });

  it('returns the service\'s validation message and does not keep or retry the entry', async () => {
    await fake.control.failNext(1, { status: 400, code: 18, message: 'Validation error' }, { method: 'POST', resource: 'time' });
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 1, description: 'refused' });
    assert.equal(result.status, 'invalid');
    assert.match(result.status === 'invalid' ? result.message : '', /did not accept/);
    assert.equal((await graph.sync.waiting()).length, 0, 'nothing waits');
    await graph.sync.retry();
    assert.equal(await timePosts(), 1, 'sent once, never again');
  });

  for (const [name, inject, reason, expected] of [
    ['a dropped connection', () => fake.control.dropNext(1, { method: 'POST', resource: 'time' }), 'unreachable', /could not be reached.*when the connection is back/],
    ['a 500', () => fake.control.failNext(1, { status: 500, code: 1 }, { method: 'POST', resource: 'time' }), 'serverError', /server error.*sent again shortly/],
    ['the rate limit', () => fake.control.failNext(1, { status: 400, code: 12, message: 'Requests too fast' }, { method: 'POST', resource: 'time' }), 'rateLimited', /slow down.*once it allows/],
    ['a commit followed by a dropped connection', () => fake.control.commitThenDropNext(1, { method: 'POST', resource: 'time' }), 'unreachable', /could not be reached/],
  ] as const) {
    it(`keeps the entry after ${name} and syncs it later, ending with exactly one entry`, async () => {
      await inject();
      const description = `outbox ${name}`;
      const told: string[] = [];
      answerNotifications(graph, (severity, message) => {
        told.push(`${severity}: ${message}`);
        return Promise.resolve(undefined);
      });
      const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 2, worktypeId: 1, description });
      assert.equal(result.status, 'queued');
      assert.equal(result.status === 'queued' && result.reason, reason);
      assert.equal(told.length, 1, 'one notification');
      assert.match(told[0], /^warning: /);
      assert.match(told[0], expected, 'it says why the entry waits');
      const waiting = await graph.sync.waiting();
      assert.equal(waiting.length, 1, 'one entry waits');
      // Past the wait before a send that may have arrived is looked up (a late commit lands by then).
      moveClock(graph, 10 * 60_000);
      const report = await vscode.commands.executeCommand<{ waiting: number }>('intervals.retrySync');
      assert.equal(report.waiting, 0, 'nothing waits after the retry');
      assert.equal(await entriesFor(description), 1, 'exactly one entry on the server');
    });
  }

  it('reconciles a send that timed out after reaching the server before sending again', async () => {
    await fake.control.commitThenDropNext(1, { method: 'POST', resource: 'time' });
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 0.75, worktypeId: 1, description: 'committed' });
    assert.equal(result.status, 'queued');
    await fake.control.clearRequests();
    moveClock(graph, 10 * 60_000);
    await vscode.commands.executeCommand('intervals.retrySync');
    const requests = await fake.control.requests();
    assert.ok(requests.some((r) => r.method === 'GET' && r.path.startsWith('/time') && r.query.personid === String(ADMIN)), 'looked the entry up');
    assert.equal(requests.filter((r) => r.method === 'POST').length, 0, 'did not send it again');
    assert.equal(await entriesFor('committed'), 1);
  });

  it('after a client timeout looks the entry up, finds nothing and sends it again: one entry', async () => {
    await setSetting('intervals.requestTimeoutSeconds', 5);
    try {
      await fake.control.stallNext(1, 8000, { method: 'POST', resource: 'time' });
      const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 1, description: 'stalled' });
      assert.equal(result.status, 'queued');
      assert.equal((await graph.sync.waiting())[0]?.state, 'uncertain', 'a timed-out send is uncertain');
      await fake.control.clearRequests();
      await vscode.commands.executeCommand('intervals.retrySync');
      assert.equal((await fake.control.requests()).filter((r) => r.path.startsWith('/time')).length, 0, 'not looked up (nor sent) before the wait has passed');
      moveClock(graph, 10 * 60_000);
      await vscode.commands.executeCommand('intervals.retrySync');
      const requests = await fake.control.requests();
      const lookup = requests.findIndex((r) => r.method === 'GET' && r.path.startsWith('/time'));
      const post = requests.findIndex((r) => r.method === 'POST' && r.path.startsWith('/time'));
      assert.ok(lookup >= 0 && post > lookup, 'looked up first, then sent');
      assert.equal(await entriesFor('stalled'), 1);
    } finally {
      await setSetting('intervals.requestTimeoutSeconds', undefined);
    }
  });

  it('deletes the timer the entry came from once the entry is kept to be sent, and logs the entry once', async () => {
    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    const changes: unknown[] = [];
    const listener = graph.changes.onDidChange((change) => changes.push(change));
    try {
      const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: 8, hours: 1.25, worktypeId: 1, timerId: 2, description: 'from timer' });
      assert.equal(result.status, 'queued');
      // Its time now waits in the entry: the timer goes, so it can be neither logged nor resumed twice.
      await settled();
      assert.ok(!(await fake.control.rows('timer')).some((t) => t.id === 2), 'the timer is deleted');
      moveClock(graph, 10 * 60_000);
      await vscode.commands.executeCommand('intervals.retrySync');
      // The confirmed entry makes the timers be read again.
      await settled();
    } finally {
      listener.dispose();
    }
    assert.ok(changes.some((c) => (c as { resource: string; id?: number }).resource === 'timer' && (c as { id?: number }).id === 2));
    assert.equal(await entriesFor('from timer'), 1);
  });

  it('asks every step with prompt: true, shows what it understood, goes back, and logs', async () => {
    const asker = new ScriptedAsker([
      'default', // task: the given one first
      'yesterday',
      '1:75', // refused by the check, then corrected after going back and forth
      BACK,
      'yesterday',
      '9:15-10:45',
      // The summary: each field chosen, changed, and back to the summary, where Enter logs.
      'Work type',
      'Design',
      'Billable',
      'Not billable',
      'Description',
      'Prompted entry',
      'default',
    ]);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 3, prompt: true });
    assert.equal(result.status, 'logged');
    const durationSteps = asker.seen.filter((s) => s.step === 3);
    assert.equal(durationSteps[0].value, '3:00', 'the given hours prefill the prompt, as h:mm');
    const summaries = asker.seen.filter((s) => s.placeholder === 'Enter to log, or choose a field to change');
    assert.equal(summaries.length, 4, 'the summary comes back after each field');
    assert.match(summaries.at(-1)?.active ?? '', /^Log 1:30 on #\d+ · Design · not billable$/, 'Enter logs what the summary says');
    assert.deepEqual(summaries.at(-1)?.labels?.slice(1), ['Day', 'Duration', 'Work type', 'Billable', 'Description']);
    assert.equal(summaries.at(-1)?.descriptions?.[5], 'Prompted entry');
    assert.ok(summaries.every((s) => s.step === 4 && s.kind === 'pick'), 'the summary is the fourth and last step');
    const description = asker.seen.find((s) => s.kind === 'input' && s.value === '' && s.step === 4);
    assert.equal(description?.prompt, 'Description (optional)', 'no hint of our own beside the prompt\'s "Press Enter to confirm"');
    const checked = durationSteps.filter((s) => s.checks.length > 0);
    assert.match(checked[0].checks[0], /^error: Minutes must be below 60/);
    assert.match(checked[1].checks[0], /^ok: 1 h 30 min = 1\.50 h/);
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    assert.equal(body.date, toIsoDate(yesterday));
    assert.equal(Number(body.time), 1.5);
    assert.equal(String(body.worktypeid), '2');
    assert.equal(body.billable, 'f');
    assert.equal(body.description, 'Prompted entry');
  });

  it('offers the work type last used on the project first', async () => {
    await vscode.commands.executeCommand('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 4, description: 'remember me' });
    const asker = new ScriptedAsker(['today', '1h', 'Work type', 'default', 'Billable', 'default', 'default']);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
    assert.equal(result.status, 'logged');
    const [summary] = asker.seen.filter((s) => s.step === 4);
    assert.match(summary.active ?? '', /^Log 1:00 on #\d+ · Project Management · billable$/, 'the last used work type and the project\'s billable are preselected');
    const workTypes = asker.seen.find((s) => s.placeholder?.startsWith('Work type for'));
    assert.equal(workTypes?.labels?.[0], 'Project Management');
    assert.equal(workTypes?.descriptions?.[0], 'last used', 'the work type step marks it');
    assert.equal(workTypes?.active, 'Project Management');
    const billable = asker.seen.find((s) => s.placeholder === 'Billable?');
    assert.deepEqual(billable?.descriptions, ['project default', undefined], 'the billable step marks the project\'s default');
    assert.equal(billable?.active, 'Billable');
  });

  it('offers every open task at the task step, recent ones first, with the step counter and a way out', async () => {
    await graph.recentTasks.remember({ id: TASK, localId: 1001, title: 'Homepage hero & navigation', projectId: 1, project: 'Website Redesign', clientId: 1, client: 'Acme & Sons' });
    const other = (await fake.control.rows('task')).find((row) => row.title === 'Kiosk UI: Grüezi screen');
    assert.ok(other, 'the fixture has the task');
    const chooseOther = (step: InputRequest | PickRequest<unknown>): unknown =>
      'items' in step ? step.items.find((item) => (item.value as { id?: number }).id === other.id)?.label : undefined;
    const recentCount = graph.recentTasks.list().length;
    const asker = new ScriptedAsker([chooseOther, 'today', '45m', 'default']);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime');
    assert.equal(result.status, 'logged', JSON.stringify(result));
    const [taskStep] = asker.seen;
    assert.equal(taskStep.step, 1);
    assert.equal(asker.seen.at(-1)?.step, 4, 'four steps, the summary last');
    assert.equal(taskStep.labels?.[0], '#1001 Homepage hero & navigation', 'the recent task first');
    assert.ok((taskStep.labels?.length ?? 0) > 20, `every open task is offered (${taskStep.labels?.length})`);
    assert.ok(taskStep.labels?.includes(`#${String(other.localid)} Kiosk UI: Grüezi screen`));
    assert.equal(taskStep.labels?.filter((label) => label === '#1001 Homepage hero & navigation').length, 1, 'a recent task is offered once');
    assert.equal(taskStep.labels?.[recentCount], 'Find task…', 'after the recent tasks, Find Task, offered whatever is typed');
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(Number(body.taskid), other.id);
    assert.equal(Number(body.time), 0.75);
  });

  it('names the date it asks for and reads the new forms of a day to log', async () => {
    const asker = new ScriptedAsker(['last fri', BACK, '-2', '1h', 'default']);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
    assert.equal(result.status, 'logged', JSON.stringify(result));
    const [day] = asker.seen;
    assert.equal(day.placeholder, 'Day to log');
    assert.match(day.prompt ?? '', /^Day to log on #\d+ /);
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(body.date, toIsoDate(new Date(Date.now() - 2 * 86_400_000)), '-2 is two days ago');
  });

  it('asks the duration again when the day chosen on the summary has no room for it', async () => {
    const day = '2026-03-03';
    await fake.control.insertRow('time', { personid: ADMIN, projectid: 1, taskid: TASK, worktypeid: 1, date: day, time: 23, billable: true, description: 'long day' });
    graph.myTime.clear();
    const asker = new ScriptedAsker([
      'today',
      '2h',
      'Day',
      day,
      (step) => {
        assert.ok('prompt' in step && /^Duration on 2026-03-03/.test(step.prompt), 'the duration is asked again');
        assert.match(('prompt' in step && step.validate?.('2h')) || '', /more than 24 hours/);
        return '1h';
      },
      'default',
    ]);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
    assert.equal(result.status, 'logged', JSON.stringify(result));
    const body = (await fake.control.requests()).find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    assert.equal(body.date, day);
    assert.equal(Number(body.time), 1);
  });

  it('counts what the shown week already holds for the day against 24 hours', async () => {
    const today = toIsoDate(new Date());
    await fake.control.insertRow('time', { personid: ADMIN, projectid: 1, taskid: TASK, worktypeid: 1, date: today, time: 23, billable: true, description: 'long day' });
    await graph.myTime.reload();
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: '1h 30m', worktypeId: 1 });
    assert.equal(result.status, 'invalid');
    assert.match(result.status === 'invalid' ? result.message : '', /already logged that day/);
    assert.equal(await timePosts(), 0);
    graph.myTime.clear();
  });

  it('asks the service what a day outside the shown week holds before checking 24 hours', async () => {
    const day = '2026-03-02';
    await fake.control.insertRow('time', { personid: ADMIN, projectid: 1, taskid: TASK, worktypeid: 1, date: day, time: 22, billable: true, description: 'crunch' });
    graph.myTime.clear();
    await fake.control.clearRequests();
    const refused = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, date: day, hours: 3, worktypeId: 1 });
    assert.equal(refused.status, 'invalid');
    assert.match(refused.status === 'invalid' ? refused.message : '', /would make the day 25 h, more than 24 hours \(22 h already logged that day\)/);
    const lookup = (await fake.control.requests()).find((r) => r.method === 'GET' && /^\/time\/?$/.test(r.path));
    assert.equal(lookup?.query.date, day);
    assert.equal(lookup?.query.personid, String(ADMIN));
    assert.equal(await timePosts(), 0);
    const allowed = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, date: day, hours: 2, worktypeId: 1 });
    assert.equal(allowed.status, 'logged', 'exactly 24 hours is allowed');
  });

  it('keeps the real prompt open on a day that does not exist, and moves on once it is corrected', async () => {
    const steps = watchSteps(graph.asker);
    const shown = (): number[] => steps.shown.map((step) => step.step);
    try {
      let step = steps.next();
      const pending = vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
      await step;
      assert.deepEqual(shown(), [2], 'the day is asked first when the task is given');
      step = steps.next();
      const refusal = new Promise<RefusedInput>((resolve) => {
        const once = graph.asker.onDidRefuse((refused) => {
          once.dispose();
          resolve(refused);
        });
      });
      typeIntoQuickInput('2026-02-30');
      const refused = await refusal;
      assert.equal(refused.value, '2026-02-30');
      assert.equal(refused.position.step, 2);
      assert.match(refused.message, /February 2026 has 28 days/, 'the step says why');
      assert.deepEqual(shown(), [2], 'Enter on 2026-02-30 does not move on');
      typeIntoQuickInput('yesterday');
      await step;
      assert.deepEqual(shown(), [2, 3], 'the corrected day moves on to the duration');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.deepEqual(await pending, { status: 'cancelled' });
      assert.equal(await timePosts(), 0);
    } finally {
      steps.dispose();
    }
  });

  const EDIT_AND_RETRY = 'Edit and Try Again';

  /** Records each notification and answers it with `choose` (the button to press, or none). */
  function notifications(choose: (actions: readonly string[]) => string | undefined = () => undefined): string[] {
    const told: string[] = [];
    answerNotifications(graph, (severity, message, actions) => {
      told.push(`${severity}: ${message}${actions.length > 0 ? ` [${actions.join(', ')}]` : ''}`);
      return Promise.resolve(choose(actions));
    });
    return told;
  }

  const keep = (step: InputRequest | PickRequest<unknown>): unknown => ('prompt' in step ? step.value : 'default');

  it('offers Edit and Try Again with every answer filled in when Intervals refuses the entry', async () => {
    await fake.control.failNext(1, { status: 400, code: 18, message: 'The date is closed for time entry' }, { method: 'POST', resource: 'time' });
    const told = notifications((actions) => (actions.includes(EDIT_AND_RETRY) ? EDIT_AND_RETRY : undefined));
    await graph.context.globalState.update('intervals.lastWorkTypeByProject', undefined);
    const yesterday = toIsoDate(new Date(Date.now() - 86_400_000));
    const asker = new ScriptedAsker([
      // The first run: the answers the user types.
      'yesterday',
      '2h 15m',
      'Work type',
      'Design',
      'Billable',
      'Not billable',
      'Description',
      'Refused once',
      'default',
      // The second run, from the button: every step opens on the earlier answer; Enter on each.
      'default',
      keep,
      keep,
      'default',
    ]);
    answerPrompts(graph, asker);
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
    assert.equal(result.status, 'invalid');
    assert.ok(told.some((message) => /^error: Could not log time\. .*date is closed.*\[Edit and Try Again\]$/.test(message)), told.join('\n'));
    // The second run, started by the button, is background work: once it is over, the entry is in.
    await settled();
    assert.equal(await entriesFor('Refused once'), 1, 'the second run logs the entry');
    assert.equal(graph.context.globalState.get<Record<string, number>>('intervals.lastWorkTypeByProject')?.['1'], 2, 'and remembers the work type');
    assert.equal(asker.remaining, 0, 'the second run asked every step');
    const [task, ...rest] = asker.seen.slice(9);
    assert.match(task?.active ?? '', /Homepage hero & navigation/, 'the task is the one chosen');
    assert.deepEqual(
      rest.map((step) => (step.kind === 'input' ? step.value : step.active)),
      [yesterday, '2h 15m', rest[2]?.active],
      'every step opens on the earlier answer',
    );
    assert.match(rest[2]?.active ?? '', /^Log 2:15 on #\d+ · Design · not billable$/, 'the summary shows the earlier answers');
    assert.equal(rest[2]?.descriptions?.[5], 'Refused once');
    const [row] = (await fake.control.rows('time')).filter((r) => r.description === 'Refused once');
    assert.equal(row.date, yesterday);
    assert.equal(Number(row.time), 2.25);
    assert.equal(row.worktypeid, 2);
    assert.equal(row.billable, false);
  });

  it('keeps the answers when the work types cannot be loaded: the last work type of the project, else Edit and Try Again', async () => {
    // Plenty of failures: other views may ask for work types meanwhile, and the faults are cleared after.
    const refuseWorkTypes = (): Promise<unknown> =>
      fake.control.failNext(100, { status: 400, code: 18, message: 'Work types unavailable' }, { method: 'GET', resource: 'projectworktype' });
    const lastWorkTypes = 'intervals.lastWorkTypeByProject';
    const previous = graph.context.globalState.get(lastWorkTypes);
    try {
      // Never logged on the project: nothing to fall back on, so the answers wait behind a button.
      await graph.context.globalState.update(lastWorkTypes, undefined);
      // Failures first, then an empty cache: a view loading work types in between cannot refill it.
      await refuseWorkTypes();
      graph.lookups.clear();
      const told = notifications();
      answerPrompts(graph, new ScriptedAsker(['today', '1h']));
      const refused = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
      assert.equal(refused.status, 'failed');
      // Other views may report their own failures meanwhile: look for Log Time's.
      assert.ok(told.some((message) => /^error: Could not log time\. Could not load the work types.*\[Edit and Try Again\]$/.test(message)), told.join('\n'));
      assert.equal(await timePosts(), 0);

      // Logged on the project before: its work type is used and the entry goes through.
      await fake.control.clearFaults();
      await graph.context.globalState.update(lastWorkTypes, { 1: 3 });
      await refuseWorkTypes();
      graph.lookups.clear();
      await fake.control.clearRequests();
      // Back from the summary goes to the duration; the summary has no work type to choose from.
      const asker = new ScriptedAsker(['today', '1h 5m', BACK, '1h 10m', 'Description', 'Fallback work type', 'default']);
      answerPrompts(graph, asker);
      const logged = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
      assert.equal(logged.status, 'logged', JSON.stringify(logged));
      assert.deepEqual(asker.seen.map((step) => step.step), [2, 3, 4, 3, 4, 4, 4]);
      assert.ok(!asker.seen[2].labels?.includes('Work type'), 'no work types to offer');
      const [row] = (await fake.control.rows('time')).filter((r) => r.description === 'Fallback work type');
      assert.equal(row.worktypeid, 3, 'the work type last used on the project');
      assert.equal(Number(row.time), 1.1667, "the corrected duration, 1 h 10 min");
      const workTypeRequests = (await fake.control.requests()).filter((r) => r.resource === 'projectworktype');
      // One load by Log Time (another view may ask once too): not again on Back, nor for the name.
      assert.ok(workTypeRequests.length <= 2, `the failing work types are not asked for again and again (${workTypeRequests.length})`);
    } finally {
      await graph.context.globalState.update(lastWorkTypes, previous);
      graph.lookups.clear();
    }
  });

  it('shows a task title from the service as text in the real prompts: no command link, no icon', async () => {
    const title = '[Click](command:intervals.signOut) $(bug)';
    await fake.control.updateRow('task', TASK, { title });
    const row = (await fake.control.rows('task')).find((candidate) => candidate.id === TASK);
    const label = `#${String(row?.localid)} `;
    const recentBefore = graph.recentTasks.list();
    const steps = watchSteps(graph.asker);
    const shown = steps.shown;
    try {
      let step = steps.next();
      let pending = vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK });
      await step;
      assert.equal(shown[0]?.step, 2, 'the day is asked');
      // An input box prompt draws links (commands too) and icons, as a notification does.
      const prompt = (shown[0]?.widget as vscode.InputBox).prompt ?? '';
      assert.ok(prompt.includes(` on ${label}[Click] (command:intervals.signOut) \\$(bug):`), prompt);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.deepEqual(await pending, { status: 'cancelled' });

      await graph.recentTasks.remember({ id: TASK, localId: Number(row?.localid), title, projectId: 1, project: '$(rocket) Site', clientId: null, client: null });
      step = steps.next();
      pending = vscode.commands.executeCommand<LogTimeResult>('intervals.logTime');
      await step;
      assert.equal(shown[1]?.step, 1, 'the task is asked');
      const items = (shown[1]?.widget as vscode.QuickPick<vscode.QuickPickItem>).items;
      assert.equal(items[0]?.label, `${label}[Click](command:intervals.signOut) \\$(bug)`, 'the title shows as written');
      assert.equal(items[0]?.description, '\\$(rocket) Site');
      assert.equal(items.at(-2)?.label, '$(search) Find task…', 'our own icon stays an icon');
      assert.equal(items.at(-1)?.label, '$(project) No task (project time)…', 'and so does the project time row, offered last');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.deepEqual(await pending, { status: 'cancelled' });
      assert.equal(await timePosts(), 0);
    } finally {
      steps.dispose();
      await graph.recentTasks.clear();
      for (const task of [...recentBefore].reverse()) {
        await graph.recentTasks.remember(task);
      }
    }
  });

  it('cancelling a prompt sends nothing', async () => {
    answerPrompts(graph, new ScriptedAsker(['today', undefined]));
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { task: { id: TASK } });
    assert.deepEqual(result, { status: 'cancelled' });
    assert.equal(await timePosts(), 0);
  });

  it('discards a waiting entry (the argument skips the confirmation) and never sends it', async () => {
    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    const result = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { taskId: TASK, hours: 1, worktypeId: 1, description: 'Discard me' });
    assert.equal(result.status, 'queued');
    const id = result.status === 'queued' ? result.id : '';
    const discarded = await vscode.commands.executeCommand<{ status: string }>('intervals.discardWaitingEntry', { id, confirm: false });
    assert.equal(discarded.status, 'discarded');
    assert.equal((await graph.sync.waiting()).length, 0);
    const postsBefore = await timePosts();
    await vscode.commands.executeCommand('intervals.retrySync');
    assert.equal(await timePosts(), postsBefore, 'a retry sends nothing for a discarded entry');
    assert.equal(await entriesFor('Discard me'), 0, 'Intervals never gets it');
  });
});
