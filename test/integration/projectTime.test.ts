import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { LogTimeResult } from '../../src/commands/time/logTime';
import type { StopTimerResult } from '../../src/commands/timer/stopTimer';
import type { TimerEntry } from '../../src/timer/timerService';
import { toIsoDate } from '../../src/time/dates';
import { accept, choose, ScriptedAsker, type, type Answer } from './scriptedAsker';
import { answerNotifications, answerPrompts, typeIntoQuickInput, extensionGraph, fakeServer, type Graph, moveClock, setClock, settled, signIn, signOut } from './helpers';

const ADMIN = 1;
const TASK = 1; // #1001, on Website Redesign
const WEBSITE = 1; // has modules: Planning (1), Design (2), Development (3), …
const INTERNAL_TOOLS = 6; // no modules

describe('Project time and general timers from the prompts', () => {
  let graph: Graph;
  const fake = fakeServer();

  const adminTimers = async () => (await fake.control.rows('timer')).filter((row) => row.personid === ADMIN);
  const timeWrites = async () => (await fake.control.requests()).filter((request) => request.method !== 'GET' && request.path.startsWith('/time/'));
  const notes = async () => fake.control.rows('tasknote');

  async function clearTimers(): Promise<void> {
    for (const row of await fake.control.rows('timer')) {
      await fake.control.deleteRow('timer', row.id);
    }
    await fs.mkdir(graph.stateFolder, { recursive: true });
    await fs.writeFile(path.join(graph.stateFolder, 'timers.json'), JSON.stringify({ version: 1, personId: null, records: [], tasks: [], deletions: [] }));
    await graph.timers.load();
  }

  /** Runs a command with its prompts answered from the script; every answer is used. */
  async function withAnswers<T>(answers: Answer[], run: () => Thenable<T>): Promise<{ result: T; asker: ScriptedAsker }> {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    try {
      const result = await run();
      await settled();
      assert.equal(asker.remaining, 0, 'every scripted answer was asked for');
      return { result, asker };
    } finally {
      answerPrompts(graph, undefined);
    }
  }

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await graph.work.idle();
    setClock(graph, 0);
    await clearTimers();
    await fake.control.clearRequests();
    // Refusals are shown as notifications: answered (dismissed) here, and recorded.
    answerNotifications(graph, () => Promise.resolve(undefined));
  });

  afterEach(async () => {
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    setClock(graph, 0);
    await graph.work.idle();
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
    await clearTimers();
  });

  after(async () => {
    await signOut();
  });

  it('Start Timer offers "General timer…" after the tasks; it asks a name (a blank one is refused) and starts a general timer', async () => {
    const { result: entry } = await withAnswers(
      [
        (asked) => {
          assert.equal(asked.kind, 'input');
          assert.ok(asked.kind === 'input' && asked.request.validate?.('   '), 'a blank name is refused where it is typed');
          return 'Client call';
        },
      ],
      () => {
        // Typing "general timer" brings the row first, so Enter takes it.
        typeIntoQuickInput('general timer');
        return vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer');
      },
    );
    const rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.taskid, null);
    assert.equal(rows[0]?.name, 'Client call');
    assert.notEqual(rows[0]?.starttime, null);
    assert.equal(entry?.timer.name, 'Client call');
  });

  it('Stop Timer and Log on a general timer asks the project, then its module and the work type, and logs project time without a task', async () => {
    await vscode.commands.executeCommand('intervals.startTimer', { taskId: TASK });
    const general = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { name: 'Client call' });
    moveClock(graph, 45 * 60_000);
    await fake.control.clearRequests();
    const { result, asker } = await withAnswers(
      [choose('Website Redesign'), choose('Design'), choose('Meetings'), accept, accept],
      () => vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: general?.timer.id }),
    );
    assert.equal(result.status, 'logged');
    assert.deepEqual(
      asker.asked.map((asked) => [asked.request.step, asked.request.totalSteps]),
      [[1, 4], [1, 4], [2, 4], [3, 4], [4, 4]],
      'project and module as one step, then the work type, the duration and the summary',
    );
    const workType = asker.asked[2];
    assert.equal(workType?.kind === 'pick' ? workType.request.placeholder : '', 'Work type for Website Redesign');
    const summary = asker.asked[4];
    assert.ok(summary?.kind === 'pick');
    assert.equal(summary.request.items[0]?.label, 'Log 0:45 on Website Redesign › Design · Meetings · billable');
    const writes = await timeWrites();
    assert.equal(writes.length, 1, writes.map((request) => `${request.method} ${request.path}`).join(', '));
    assert.equal(writes[0]?.method, 'POST');
    const body = writes[0]?.body as Record<string, unknown>;
    assert.equal(body.projectid, WEBSITE);
    assert.equal(body.moduleid, 2);
    assert.equal(body.taskid, undefined, 'project time names no task');
    assert.equal(body.time, 0.75);
    assert.equal(body.worktypeid, 3);
    await graph.work.idle();
    const rows = await adminTimers();
    assert.deepEqual(
      rows.map((row) => row.taskid),
      [TASK],
      'the general timer is deleted once its time is logged; the task timer stays',
    );
  });

  it('stopTimer { projectId, prompt: false } logs a general timer on a project without modules; a task timer or a missing project is refused', async () => {
    const task = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId: TASK });
    const general = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { name: 'Ops' });
    moveClock(graph, 60 * 60_000);
    const onTask = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: task?.timer.id, projectId: INTERNAL_TOOLS, prompt: false });
    assert.equal(onTask.status, 'invalid');
    assert.match(onTask.status === 'invalid' ? (onTask.message ?? '') : '', /timer is on a task/);

    const noProject = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: general?.timer.id, prompt: false });
    assert.equal(noProject.status, 'invalid');
    assert.match(noProject.status === 'invalid' ? (noProject.message ?? '') : '', /projectId/);
    const withNote = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: general?.timer.id, projectId: INTERNAL_TOOLS, postNote: true, prompt: false });
    assert.equal(withNote.status, 'invalid', 'a general timer has no task to post a note on');
    const noModule = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: general?.timer.id, projectId: WEBSITE, prompt: false });
    assert.match(noModule.status === 'invalid' ? (noModule.message ?? '') : '', /Website Redesign has modules/);
    assert.equal((await timeWrites()).length, 0);
    assert.notEqual((await adminTimers()).find((row) => row.taskid === null)?.starttime, null, 'a refused stop leaves the general timer running');

    const logged = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: general?.timer.id, projectId: INTERNAL_TOOLS, worktypeId: 3, prompt: false });
    assert.equal(logged.status, 'logged');
    const body = (await timeWrites())[0]?.body as Record<string, unknown>;
    assert.deepEqual([body.projectid, body.moduleid, body.taskid, body.worktypeid], [INTERNAL_TOOLS, undefined, undefined, 3]);
    assert.ok(Math.abs(Number(body.time) - 1) < 0.01, `an hour, to the second: ${String(body.time)}`);
    await graph.work.idle();
    assert.deepEqual((await adminTimers()).map((row) => row.taskid), [TASK]);
  });

  it('Log Time offers "No task (project time)…": project, module, day, duration, summary; My Time shows the entry by its project and module', async () => {
    const { result, asker } = await withAnswers<LogTimeResult>(
      [choose('No task (project time)…'), choose('Website Redesign'), choose('Planning'), accept, type('1:30'), accept],
      () => vscode.commands.executeCommand<LogTimeResult>('intervals.logTime'),
    );
    assert.equal(result.status, 'logged');
    const task = asker.asked[0];
    assert.ok(task?.kind === 'pick');
    assert.equal(task.request.items.find((item) => item.label === 'No task (project time)…')?.icon, 'project');
    const body = (await timeWrites())[0]?.body as Record<string, unknown>;
    assert.deepEqual([body.projectid, body.moduleid, body.taskid, body.time], [WEBSITE, 1, undefined, 1.5]);

    await vscode.commands.executeCommand('intervals.refreshTime');
    const today = (await graph.myTime.getChildren()).find((node) => node.kind === 'day' && node.day.date === toIsoDate(graph.clock.now()));
    assert.ok(today);
    const rows = (await graph.myTime.getChildren(today)).filter((node) => node.kind === 'entry' && result.status === 'logged' && node.entry.id === result.entry.id);
    assert.equal(rows.length, 1);
    const item = graph.myTime.getTreeItem(rows[0]);
    assert.equal(item.label, '1 h 30 min · Website Redesign › Planning');
    assert.doesNotMatch(String(item.description), /Website Redesign/, 'the project is not said twice');

    // Log Again Today logs the same project time again.
    await fake.control.clearRequests();
    const again = await vscode.commands.executeCommand<LogTimeResult>('intervals.logAgainToday', rows[0]);
    assert.equal(again.status, 'logged');
    const second = (await timeWrites())[0]?.body as Record<string, unknown>;
    assert.deepEqual([second.projectid, second.moduleid, second.taskid, second.time], [WEBSITE, 1, undefined, 1.5]);

    // Project time with a description is titled by it, as the user wrote it; project and module follow.
    const described = await fake.control.insertRow('time', { ...(await fake.control.rows('time')).find((r) => r.id === result.entry.id), id: undefined, description: 'Call with the printer' });
    await vscode.commands.executeCommand('intervals.refreshTime');
    const day = (await graph.myTime.getChildren()).find((node) => node.kind === 'day' && node.day.date === toIsoDate(graph.clock.now()));
    assert.ok(day);
    const row = (await graph.myTime.getChildren(day)).find((node) => node.kind === 'entry' && node.entry.id === described.id);
    assert.ok(row);
    const titled = graph.myTime.getTreeItem(row);
    assert.equal(titled.label, '1 h 30 min · Call with the printer');
    assert.match(String(titled.description), /^Website Redesign › Planning · /);
  });

  it('logTime { projectId, moduleId?, … } logs project time without asking; a bad or missing module, an inactive project or a task besides are refused', async () => {
    const refusals: Array<[unknown, RegExp]> = [
      [{ projectId: WEBSITE, hours: 1 }, /Website Redesign has modules, so time on the project needs one: give moduleId, one of Planning \(1\), Design \(2\)/],
      [{ projectId: WEBSITE, moduleId: 6, hours: 1 }, /Module 6 is not an active module of Website Redesign/],
      [{ projectId: 8, hours: 1 }, /Project 8 is not an active project/],
      [{ projectId: WEBSITE, moduleId: 1, taskId: TASK, hours: 1 }, /either a task or a project/],
      [{ moduleId: 1, hours: 1, taskId: TASK }, /moduleId needs the projectId/],
    ];
    for (const [arg, message] of refusals) {
      const refused = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', arg);
      assert.equal(refused.status, 'invalid', JSON.stringify(arg));
      assert.match(refused.status === 'invalid' ? refused.message : '', message);
    }
    assert.equal((await timeWrites()).length, 0, 'nothing was sent for a refused argument');

    const logged = await vscode.commands.executeCommand<LogTimeResult>('intervals.logTime', { projectId: WEBSITE, moduleId: 3, hours: 2, worktypeId: 1, description: 'Sprint review', billable: false });
    assert.equal(logged.status, 'logged');
    const body = (await timeWrites())[0]?.body as Record<string, unknown>;
    assert.deepEqual([body.projectid, body.moduleid, body.taskid, body.worktypeid, body.time, body.description], [WEBSITE, 3, undefined, 1, 2, 'Sprint review']);
    const stored = (await fake.control.rows('time')).find((row) => logged.status === 'logged' && row.id === logged.entry.id);
    assert.deepEqual([stored?.projectid, stored?.moduleid, stored?.taskid, stored?.billable], [WEBSITE, 3, null, false]);
  });

  it('stopping a task timer offers to post the description as a private task note (off until chosen)', async () => {
    const task = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId: TASK });
    moveClock(graph, 20 * 60_000);
    const NOTE = 'Also post the description as a task note';
    const { result } = await withAnswers(
      [
        accept,
        (asked) => {
          const items = asked.kind === 'pick' ? asked.request.items : [];
          assert.ok(!items.some((item) => item.label === NOTE), 'not offered before there is a description');
          return choose('Description')(asked);
        },
        type('Fixed the login redirect'),
        (asked) => {
          const field = asked.kind === 'pick' ? asked.request.items.find((item) => item.label === NOTE) : undefined;
          assert.equal(field?.description, 'no', 'off by default');
          return field?.value;
        },
        (asked) => {
          const field = asked.kind === 'pick' ? asked.request.items.find((item) => item.label === NOTE) : undefined;
          assert.equal(field?.description, 'yes, a private note');
          return accept(asked);
        },
      ],
      () => vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: task?.timer.id }),
    );
    assert.equal(result.status, 'logged');
    const posted = await notes();
    assert.deepEqual(
      posted.filter((row) => row.taskid === TASK && row.note === 'Fixed the login redirect').map((row) => row.public),
      [false],
    );
    const body = (await timeWrites())[0]?.body as Record<string, unknown>;
    assert.deepEqual([body.taskid, body.description], [TASK, 'Fixed the login redirect']);
  });

  it('stopTimer { postNote: true } posts the description as a note without asking; without it no note is posted', async () => {
    const before = (await notes()).length;
    const first = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId: TASK });
    moveClock(graph, 10 * 60_000);
    const plain = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: first?.timer.id, description: 'Quiet work', prompt: false });
    assert.equal(plain.status, 'logged');
    await graph.work.idle();
    assert.equal((await notes()).length, before, 'no note unless asked for');

    setClock(graph, 0);
    const second = await vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', { taskId: TASK });
    moveClock(graph, 10 * 60_000);
    const noted = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { timerId: second?.timer.id, description: 'Deployed the fix', postNote: true, prompt: false });
    assert.equal(noted.status, 'logged');
    await settled();
    const added = (await notes()).slice(before);
    assert.deepEqual(
      added.map((row) => [row.taskid, row.note, row.public]),
      [[TASK, 'Deployed the fix', false]],
    );
  });
});
