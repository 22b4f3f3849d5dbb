import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TimerListing } from '../../src/commands/timer/showTimers';
import { ContextKey } from '../../src/common/contextKeys';
import type { StopTimerResult } from '../../src/commands/timer/stopTimer';
import type { TimerAdjustment } from '../../src/timer/timerModel';
import type { IdleAsker, IdleWatcher } from '../../src/timer/idleWatcher';
import type { StateFileFollower } from '../../src/timer/stateFileFollower';
import { DEFAULT_TIMER_DOUBT_MS, type TimerEntry, type TimerService } from '../../src/timer/timerService';
import type { TimerStateFile } from '../../src/timer/timerStateFile';
import { formatUtcTimestamp } from '../../src/time/timestamps';
import { answerNotifications, answerPrompts, extensionGraph, fakeServer, type Graph, moveClock, nextChange, setClock, setSetting, settled, signIn, signOut } from './helpers';
import { accept, choose, dismiss, ScriptedAsker, type } from './scriptedAsker';

const ADMIN = 1;
const TASK = 1; // "Homepage hero & navigation", local id 1001
const OTHER_TASK = 8;

describe('Timers', () => {
  let graph: Graph;
  const fake = fakeServer();
  const extra: vscode.Disposable[] = [];
  const followers: Promise<void>[] = [];
  /** Where a test that waits on events is, so a timeout says what never happened. */
  let waitingFor = '';
  const followerProblems: string[] = [];

  const adminTimers = async () => (await fake.control.rows('timer')).filter((row) => row.personid === ADMIN);
  const service = () => graph.timers;
  const start = (arg: unknown) => vscode.commands.executeCommand<TimerEntry | undefined>('intervals.startTimer', arg);
  const elapsed = (timers: TimerService) => timers.elapsed(timers.entries[0] as TimerEntry);

  /**
   * A second service on the same state file, following it, as another window would have: built
   * with the constructors of the extension's own objects, so it is the same code.
   */
  function otherWindow(owner: string): TimerService & vscode.Disposable {
    const StateFile = graph.timerState.constructor as typeof TimerStateFile;
    const Service = graph.timers.constructor as typeof TimerService;
    const Follower = graph.timerFollower.constructor as typeof StateFileFollower;
    const { session, settings, stateFolder: folder } = graph;
    const other = new Service({
      state: new StateFile({ folder, owner }),
      account: () => (session.client && session.state.signedIn ? { api: session.client, personId: session.state.account.personId } : undefined),
      now: () => graph.clock.now(),
      allowMultipleTimers: () => settings.allowMultipleTimers,
      uncertainDelayMs: () => Math.max(DEFAULT_TIMER_DOUBT_MS, 3 * settings.requestTimeoutMs),
    });
    const follower = new Follower({ folder, target: other, work: graph.work, onProblem: (problem) => followerProblems.push(problem) });
    followers.push(follower.ready);
    const made = Object.assign(other, { dispose: () => (follower.dispose(), Service.prototype.dispose.call(other)) });
    extra.push(made);
    return made;
  }

  /** The window's idle detection as the extension builds it, with the question answered by `ask`. */
  function idleWatcherAsking(ask: IdleAsker): IdleWatcher {
    const Watcher = graph.idleWatcher.constructor as typeof IdleWatcher;
    const watcher = new Watcher({ ...graph, ask, folder: graph.stateFolder, onResolved: (entry) => graph.timerChanges.fire(entry) });
    extra.push(watcher);
    return watcher;
  }

  async function clearTimers(): Promise<void> {
    for (const row of await fake.control.rows('timer')) {
      await fake.control.deleteRow('timer', row.id);
    }
    await fs.mkdir(graph.stateFolder, { recursive: true });
    await fs.writeFile(path.join(graph.stateFolder, 'timers.json'), JSON.stringify({ version: 1, personId: null, records: [], tasks: [], deletions: [] }));
    await service().load();
  }

  before(async () => {
    graph = await extensionGraph();
    await setSetting('intervals.idleMinutes', 1);
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    // A poll started by the sign-in would bring back the demo timers the reset restored.
    await graph.work.idle();
    setClock(graph, 0);
    await clearTimers();
    await fake.control.clearRequests();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && waitingFor !== '') {
      console.log(`[timers] "${this.currentTest.title}" was waiting for: ${waitingFor}; the other window's follower reported: ${followerProblems.join('; ') || 'nothing'}`);
    }
    waitingFor = '';
    followerProblems.length = 0;
    extra.splice(0).forEach((other) => other.dispose());
    followers.length = 0;
    setClock(graph, 0);
    await fake.control.clearFaults();
    await graph.work.idle();
    await clearTimers();
  });

  after(async () => {
    await setSetting('intervals.idleMinutes', undefined);
    await signOut();
  });

  it('start, pause, resume, stop and log, with the server rows checked after each', async () => {
    const started = await start({ taskId: TASK });
    let rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.taskid, TASK);
    assert.notEqual(rows[0]?.starttime, null);
    assert.equal(started?.timer.id, rows[0]?.id);
    assert.equal(graph.contextKeys.get(ContextKey.timerRunning), true);
    assert.equal(graph.contextKeys.get(ContextKey.hasTimer), true);
    assert.equal(graph.activeTimers.isRunning(TASK), true);
    assert.equal(graph.recentTasks.list()[0]?.id, TASK);

    setClock(graph, 90_000);
    const paused = await vscode.commands.executeCommand<TimerEntry>('intervals.pauseTimer');
    rows = await adminTimers();
    assert.equal(rows[0]?.starttime, null);
    assert.ok((rows[0]?.time ?? 0) >= 90 && (rows[0]?.time ?? 0) <= 92, `paused with the run counted (${rows[0]?.time})`);
    assert.equal(paused.timer.startedAt, null);
    assert.equal(graph.contextKeys.get(ContextKey.timerRunning), false);

    setClock(graph, 0);
    await vscode.commands.executeCommand('intervals.resumeTimer', { taskId: TASK });
    rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]?.starttime, null);

    const adjusted = await vscode.commands.executeCommand<TimerAdjustment>('intervals.adjustTimer', { elapsed: '1h 15m' });
    assert.equal(adjusted.ok, true);
    rows = await adminTimers();
    assert.equal(rows[0]?.time, 75 * 60);

    const result = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', {
      taskId: TASK,
      prompt: false,
      worktypeId: 1,
      description: 'Timed',
    });
    assert.equal(result.status, 'logged', JSON.stringify(result));
    const entries = (await fake.control.rows('time')).filter((row) => row.description === 'Timed');
    assert.equal(entries.length, 1);
    // 1 h 15 min and the second or two the timer ran before it was stopped, to the second.
    const hours = Number(entries[0]?.time);
    assert.ok(hours >= 1.25 && hours <= 1.25 + 5 / 3600, `logged ${hours} h`);
    assert.equal((await adminTimers()).length, 0, 'the time log deleted the timer');
    await settled();
    assert.equal(service().entries.length, 0, 'the timer is gone here too');
    assert.equal(graph.contextKeys.get(ContextKey.hasTimer), false);
  });

  it('after Intervals refuses the entry of a stopped timer, Log the Timer Again logs it with the time read anew', async () => {
    await start({ taskId: TASK });
    await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: 600 });
    await fake.control.failNext(1, { status: 400, code: 18, message: 'The date is closed for time entry' }, { method: 'POST', resource: 'time' });
    const told: string[] = [];
    answerNotifications(graph, (severity, message, actions) => {
      told.push(`${severity}: ${message} [${actions.join(', ')}]`);
      return Promise.resolve(actions.includes('Log the Timer Again') ? 'Log the Timer Again' : undefined);
    });
    // Enter on every step; the first run types a description from the summary, the second keeps it.
    const asker = new ScriptedAsker([accept, choose('Description'), type('Refused timer'), accept, accept, accept]);
    answerPrompts(graph, asker);
    const loggedAgain = nextChange(graph, (change) => change.resource === 'time');
    try {
      const result = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { taskId: TASK });
      assert.equal(result.status, 'invalid');
      assert.ok(told.some((message) => /date is closed.*\[Log the Timer Again\]$/.test(message)), told.join('\n'));
      await loggedAgain;
      await settled();
      assert.ok((await fake.control.rows('time')).some((row) => row.description === 'Refused timer'), 'the second stop logs the entry');
      assert.equal(asker.remaining, 0, 'the second run asked every step again');
      const [entry] = (await fake.control.rows('time')).filter((row) => row.description === 'Refused timer');
      assert.ok(Number(entry.time) >= 600 / 3600, `the timer's time: ${entry.time} h`);
      assert.equal((await adminTimers()).length, 0, 'the timer is deleted once its time is logged');
    } finally {
      answerPrompts(graph, undefined);
      answerNotifications(graph, undefined);
      // Two whole Log Time runs ask for much: a new client starts the next tests with the request
      // budget (90 a minute, as Intervals allows) unspent, as a new sign-in does.
      await signOut();
      await signIn('admin');
    }
  });

  it('stops and logs in two screens: the duration as h:mm, then a summary with the defaults; Escape keeps the timer paused', async () => {
    const lastWorkTypes = 'intervals.lastWorkTypeByProject';
    const previous = graph.context.globalState.get(lastWorkTypes);
    await graph.context.globalState.update(lastWorkTypes, { 1: 2 });
    try {
      const project = (await fake.control.rows('project')).find((row) => row.id === 1);
      const billable = project?.billable === false ? 'not billable' : 'billable';
      await start({ taskId: TASK });
      await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: '35m' });
      const first = new ScriptedAsker([accept, dismiss]);
      answerPrompts(graph, first);
      const kept = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { taskId: TASK });
      assert.deepEqual(kept, { status: 'cancelled', message: 'Timer on #1001 kept paused (0:35)' });
      const [duration, summary] = first.asked;
      assert.equal(duration?.kind, 'input', 'no task step: the timer names the task');
      assert.equal(duration?.kind === 'input' ? duration.request.value : '', '0:35', 'the duration as h:mm');
      assert.deepEqual([duration?.request.step, duration?.request.totalSteps], [1, 2]);
      assert.equal(summary?.kind, 'pick');
      const request = summary?.kind === 'pick' ? summary.request : undefined;
      assert.equal(request?.placeholder, 'Enter to log, or choose a field to change');
      assert.equal(request?.step, 2);
      const opened = request?.items.find((item) => item.value === request.active);
      assert.equal(opened?.label, `Log 0:35 on #1001 · Design · ${billable}`, 'the last used work type and the project\'s billable');
      assert.deepEqual(
        request?.items.slice(1).map((item) => `${item.label}: ${item.description ?? ''}`),
        ['Day: today', 'Duration: 0:35', 'Work type: Design', `Billable: ${billable}`, 'Description: none'],
      );
      let rows = await adminTimers();
      assert.equal(rows.length, 1, 'the timer is kept');
      assert.equal(rows[0]?.starttime, null, 'paused');

      answerPrompts(graph, new ScriptedAsker([accept, accept]));
      const logged = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { taskId: TASK });
      assert.equal(logged.status, 'logged', JSON.stringify(logged));
      const [entry] = (await fake.control.rows('time')).filter((row) => row.taskid === TASK && Number(row.time) === 0.5833);
      assert.ok(entry, 'Enter on the summary logs 0:35');
      assert.equal(entry.worktypeid, 2);
      rows = await adminTimers();
      assert.equal(rows.length, 0, 'the timer is deleted once its time is logged');
    } finally {
      answerPrompts(graph, undefined);
      await graph.context.globalState.update(lastWorkTypes, previous);
    }
  });

  it('a stop that is not logged leaves the timer paused with its time', async () => {
    await start({ taskId: TASK });
    await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: 600 });
    const result = await vscode.commands.executeCommand<StopTimerResult>('intervals.stopTimer', { prompt: false, worktypeId: 999_999 });
    assert.equal(result.status, 'invalid');
    const rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.starttime, null);
    assert.ok((rows[0]?.time ?? 0) >= 600);
  });

  it('discards a timer after confirmation is skipped with confirm: false', async () => {
    await start({ taskId: TASK });
    assert.equal(await vscode.commands.executeCommand<boolean>('intervals.discardTimer', { confirm: false }), true);
    assert.equal((await adminTimers()).length, 0);
    assert.equal(service().entries.length, 0);
    assert.equal(graph.contextKeys.get(ContextKey.hasTimer), false);
  });

  it('no duplicate timers per task; another task pauses the running one', async () => {
    await start({ taskId: TASK });
    await start({ taskId: TASK });
    await vscode.commands.executeCommand('intervals.pauseTimer');
    await start({ taskId: TASK });
    assert.equal((await adminTimers()).filter((row) => row.taskid === TASK).length, 1);
    await start({ taskId: OTHER_TASK });
    const rows = await adminTimers();
    assert.equal(rows.length, 2);
    assert.equal(rows.find((row) => row.taskid === TASK)?.starttime, null);
    assert.notEqual(rows.find((row) => row.taskid === OTHER_TASK)?.starttime, null);
    const listing = await vscode.commands.executeCommand<TimerListing[]>('intervals.showTimers', {});
    assert.deepEqual(
      listing.map((item) => [item.taskId, item.running]).sort(),
      [
        [TASK, false],
        [OTHER_TASK, true],
      ].sort(),
    );
  });

  it('a timer created on the server appears after a poll', async () => {
    const at = formatUtcTimestamp(new Date(Date.now() - 10 * 60_000));
    await fake.control.insertRow('timer', { personid: ADMIN, taskid: OTHER_TASK, name: null, time: 120, starttime: at });
    await graph.timerPoller.poll(true);
    assert.equal(service().entries.length, 1, 'the timer is adopted');
    const seconds = elapsed(service());
    assert.ok(seconds >= 720 && seconds < 730, `elapsed ${seconds}`);
    assert.equal(graph.activeTimers.isRunning(OTHER_TASK), true);
  });

  it('elapsed time is right after a reload and after a clock jump', async () => {
    await start({ taskId: TASK });
    await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: '0:30' });
    const rebuilt = otherWindow('rebuilt');
    await rebuilt.load();
    assert.equal(rebuilt.entries.length, 1);
    assert.ok(Math.abs(elapsed(rebuilt) - elapsed(service())) <= 1);
    assert.ok(elapsed(rebuilt) >= 1800 && elapsed(rebuilt) < 1810);

    setClock(graph, 60 * 60_000);
    assert.ok(elapsed(service()) >= 1800 + 3600 && elapsed(service()) < 1810 + 3600, 'the wall clock moved on an hour');
    setClock(graph, -2 * 60 * 60_000);
    assert.equal(elapsed(service()), 1800, 'a clock set back counts the recorded time, never less');
    setClock(graph, 0);
    graph.statusBar.flush();
    assert.match(graph.statusBar.view?.text ?? '', /^\$\(clock\) 0:30 #1001 /);
  });

  it('an offline start is sent once on reconnect', async () => {
    await fake.control.dropNext(1, { method: 'POST', resource: 'timer' });
    const started = await start({ taskId: TASK });
    assert.equal(started?.unsynced, true);
    assert.equal((await adminTimers()).length, 0);
    // A create dropped after it went out may still land: it is sent again only after the wait.
    moveClock(graph, 3 * 60_000);
    await service().refresh();
    const rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.starttime, formatUtcTimestamp(started?.timer.startedAt as Date));
    assert.equal(service().entries[0]?.unsynced, false);
  });

  it('a start whose answer was lost leaves exactly one timer', async () => {
    await fake.control.commitThenDropNext(1, { method: 'POST', resource: 'timer' });
    await start({ taskId: TASK });
    await service().refresh();
    const rows = await adminTimers();
    assert.equal(rows.length, 1);
    assert.equal(service().entries.length, 1);
    assert.equal(service().entries[0]?.timer.id, rows[0]?.id);
  });

  // How fast the other window follows is a speed goal, not something a test under load can time.
  it('two instances sharing the state file agree', async () => {
    const second = otherWindow('second window');
    waitingFor = 'the second window to load';
    await second.load();
    // The other window follows the file once its watch is in place, as a window does from its start.
    waitingFor = 'the second window to watch the state folder';
    await Promise.all(followers);
    assert.deepEqual(followerProblems, [], 'the other window follows the state file');
    await settled();
    const followed = new Promise((resolve) => second.onDidChange((entries) => entries.length === 1 && resolve(undefined)));
    waitingFor = 'this window to start the timer';
    await start({ taskId: TASK });
    // The other window reads the file once its watcher reports the write.
    waitingFor = 'the second window to show the started timer';
    await followed;
    assert.equal(second.entries.length, 1, 'the other instance shows the timer');
    const paused = new Promise((resolve) => service().onDidChange((entries) => entries[0]?.timer.startedAt === null && resolve(undefined)));
    waitingFor = 'the second window to pause the timer';
    await second.pause();
    waitingFor = 'this window to show the pause';
    await paused;
    assert.equal(service().entries[0]?.timer.startedAt, null, 'this window shows the pause');
    assert.equal((await adminTimers())[0]?.starttime, null);
    // Each window re-reads the file after the other's write; let those reads finish.
    waitingFor = 'the re-reads after the pause to finish';
    await settled();
    waitingFor = '';
  });

  for (const choice of ['keep', 'discard', 'stopAtIdleStart'] as const) {
    it(`asks about idle time on return: ${choice}`, async () => {
      await start({ taskId: TASK });
      await vscode.commands.executeCommand('intervals.adjustTimer', { elapsed: 600 });
      const asked: number[] = [];
      const idle = idleWatcherAsking((question) => {
        asked.push(question.idleSeconds);
        return Promise.resolve(choice);
      });
      await idle.observe('blur');
      setClock(graph, 2 * 60_000);
      assert.equal(await idle.observe('focus'), choice);
      assert.equal(asked.length, 1);
      assert.ok(asked[0] !== undefined && asked[0] >= 120 && asked[0] < 125);
      const row = (await adminTimers())[0];
      const seconds = elapsed(service());
      if (choice === 'keep') {
        assert.ok(seconds >= 720, `kept: ${seconds}`);
        assert.notEqual(row?.starttime, null);
      } else if (choice === 'discard') {
        assert.ok(seconds >= 600 && seconds < 605, `discarded: ${seconds}`);
        assert.notEqual(row?.starttime, null);
      } else {
        assert.ok(seconds >= 600 && seconds < 605, `stopped: ${seconds}`);
        assert.equal(row?.starttime, null);
        assert.equal(row?.time, seconds);
      }
      assert.equal(await idle.observe('activity'), undefined, 'asked once');
      // Activity is shared with other windows through a file, written in the background.
      await settled();
    });
  }

  it('shows the timer in the status bar with task, project and client', async () => {
    const task = (await fake.control.rows('task')).find((row) => row.id === TASK);
    await start({ taskId: TASK });
    await settled();
    assert.equal(graph.statusBar.view?.visible, true, 'the item shows');
    const view = graph.statusBar.view;
    assert.match(view?.text ?? '', /^\$\(clock\) 0:00 #1001 /);
    assert.ok(view?.tooltip.includes(`#1001 ${task?.title ?? '?'}`), view?.tooltip);
    assert.match(view?.tooltip ?? '', /Project: .+/);
    assert.match(view?.tooltip ?? '', /Client: .+/);
    assert.match(view?.accessibilityLabel ?? '', /^Timer running/);
    await vscode.commands.executeCommand('intervals.pauseTimer');
    await settled();
    assert.ok((graph.statusBar.view?.text ?? '').startsWith('$(debug-pause)'), 'the item shows the pause');
    await vscode.commands.executeCommand('intervals.discardTimer', { confirm: false });
    await settled();
    assert.equal(graph.statusBar.view?.visible, false, 'the item hides');
  });
  it('writes the time of the status bar tooltip in the hour format of the settings', async () => {
    await start({ taskId: TASK });
    setClock(graph, 90 * 60_000);
    graph.statusBar.update();
    await settled();
    assert.ok(graph.statusBar.view?.tooltip.split('\n').includes('Running: 1:30 (1 h 30 min)'), graph.statusBar.view?.tooltip);
    try {
      await setSetting('intervals.hourFormat', 'decimal');
      await settled();
      assert.ok(graph.statusBar.view?.tooltip.split('\n').includes('Running: 1:30 (1.5 h)'), graph.statusBar.view?.tooltip);
      assert.match(graph.statusBar.view?.accessibilityLabel ?? '', /^Timer running, 1\.5 h,/);
      assert.match(graph.statusBar.view?.text ?? '', /^\$\(clock\) 1:30 #1001 /, 'the text stays a clock');
    } finally {
      await setSetting('intervals.hourFormat', undefined);
    }
  });

  it('signed out, no timer shows; signed in again, it is back', async () => {
    await start({ taskId: TASK });
    await signOut();
    await settled();
    assert.equal(service().entries.length, 0, 'no timer while signed out');
    assert.equal(graph.statusBar.view?.visible, false, 'the timer is hidden');
    assert.equal(graph.contextKeys.get(ContextKey.hasTimer), false);
    await signIn('admin');
    assert.equal(service().entries.length, 1, 'the timer is back');
    assert.equal((await adminTimers()).length, 1, 'signing out changed nothing on the service');
  });
});
