import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { ReminderAnswers } from '../../src/reminders/reminderPolicy';
import { ReminderClaims } from '../../src/reminders/reminderClaims';
import type { ReminderOutcome, ReminderService } from '../../src/reminders/reminderService';
import { extensionGraph, fakeServer, type Graph, setSetting, settled, signIn, signOut } from './helpers';

// The reminders in the extension host with an injected clock, timer and notification: the
// settings, the request for today's time, the answers in globalState and the claim files are real.
// The suite builds its own reminders with the constructor of the extension's, and the window's own
// stay off meanwhile, so that only the suite's clock says what time it is.

const FRIDAY = '2026-06-05';
const at = (day: number, hours: number, minutes = 0): Date => new Date(2026, 5, day, hours, minutes);
const ANSWERS_KEY = 'intervals.reminders.answers';

interface Prompted {
  message: string;
  actions: string[];
}

describe('Reminders', () => {
  let graph: Graph;
  const fake = fakeServer();
  let now = at(5, 17, 10);
  let prompts: Prompted[] = [];
  let answer: string | undefined;
  let commands: string[] = [];
  let scheduled: number[] = [];
  let claimsDir: string;
  let reminders: ReminderService | undefined;

  /** The reminders as the extension builds them, with the suite's clock, timer, notification and commands. */
  function buildReminders(): ReminderService {
    const Reminders = graph.reminders.constructor as typeof ReminderService;
    return new Reminders({
      ...graph,
      globalState: graph.context.globalState,
      claims: new ReminderClaims(claimsDir),
      log: graph.log.child('reminders'),
      clock: { now: () => now },
      schedule: (delayMs) => {
        scheduled.push(delayMs);
        return () => undefined;
      },
      track: (label, work) => graph.work.track(label, work),
      notifier: {
        show: (_severity, message, ...actions) => {
          prompts.push({ message, actions });
          return Promise.resolve(answer);
        },
      },
      runCommand: (command) => {
        commands.push(command);
        return Promise.resolve(undefined);
      },
    });
  }

  /** The suite's reminders: checked as their timer would. */
  function checks(): ReminderService {
    assert.ok(reminders, 'the suite built its reminders');
    return reminders;
  }

  const setReminders = (value: boolean | undefined) => setSetting('intervals.reminders', value);

  /** The reminder's looks at one day's time: not timers (/timer/), nor the weeks a shown My Time view loads. */
  async function timeRequests(): Promise<Record<string, string>[]> {
    return (await fake.control.requests())
      // Only the reminder asks about days in June 2026 (the injected clock); other features look at
      // the real week, and so do their requests when a view of theirs shows.
      .filter((request) => request.method === 'GET' && /^\/time\/?$/.test(request.path) && (request.query.datebegin ?? '').startsWith('2026-06'))
      .map((request) => request.query);
  }

  async function offered(outcome: ReminderOutcome): Promise<{ message: string; choice: string | undefined }> {
    assert.equal(outcome.status, 'offered', `expected an offer, got ${outcome.status}`);
    assert.ok(outcome.status === 'offered');
    return { message: outcome.message, choice: await outcome.answered };
  }

  before(async () => {
    graph = await extensionGraph();
    claimsDir = join(graph.context.globalStorageUri.fsPath, 'reminders');
    graph.reminders.dispose();
  });

  beforeEach(async () => {
    await fake.control.reset();
    now = at(5, 17, 10);
    prompts = [];
    answer = undefined;
    commands = [];
    scheduled = [];
    await graph.context.globalState.update(ANSWERS_KEY, undefined);
    await rm(claimsDir, { recursive: true, force: true });
    await setSetting('intervals.dailyTargetHours', 8);
    await setSetting('intervals.workdayStart', '09:00');
    await setSetting('intervals.workdayEnd', '17:30');
    await setSetting('intervals.reminderEditingMinutes', 15);
    await setReminders(true);
    reminders = buildReminders();
    // Ada's demo timers run: without them no timer runs, whatever the timers view loads.
    for (const timer of await fake.control.rows('timer')) {
      if (timer.personid === 1) {
        await fake.control.deleteRow('timer', timer.id);
      }
    }
    await signIn('admin');
    // Ada's Friday: 6 h 15 min in two entries; someone else's time and Thursday's must not count.
    await fake.control.insertRow('time', { personid: 1, projectid: 1, taskid: 1, worktypeid: 1, date: FRIDAY, time: 2.5 });
    await fake.control.insertRow('time', { personid: 1, projectid: 6, taskid: 23, worktypeid: 1, date: FRIDAY, time: 3.75 });
    await fake.control.insertRow('time', { personid: 3, projectid: 1, taskid: 2, worktypeid: 1, date: FRIDAY, time: 9 });
    await fake.control.insertRow('time', { personid: 1, projectid: 1, taskid: 1, worktypeid: 1, date: '2026-06-04', time: 5 });
    await fake.control.clearRequests();
  });

  afterEach(async () => {
    reminders?.dispose();
    reminders = undefined;
    graph.activeTimers.set([]);
    await signOut();
  });

  after(async () => {
    for (const key of ['reminders', 'dailyTargetHours', 'workdayStart', 'workdayEnd', 'reminderEditingMinutes']) {
      await setSetting(`intervals.${key}`, undefined);
    }
    await graph.context.globalState.update(ANSWERS_KEY, undefined);
  });

  it("offers to log time near the end of the day when today's time is under the target, and opens Log Time", async () => {
    answer = 'Log Time…';
    const { message, choice } = await offered(await checks().checkLogTime());
    assert.equal(choice, 'Log Time…');
    assert.match(message, /logged 6 h 15 min of your 8 h/);
    assert.deepEqual(prompts[0]?.actions, ['Log Time…', 'Not today', "Don't ask again"]);
    assert.deepEqual(commands, ['intervals.logTime']);
    const queries = await timeRequests();
    assert.equal(queries.length, 1, 'one look at the service');
    assert.equal(queries[0]?.personid, '1');
    assert.equal(queries[0]?.datebegin, FRIDAY);
    assert.equal(queries[0]?.dateend, FRIDAY);
  });

  it('stays quiet when the target is met, and asks the service once a day', async () => {
    await fake.control.insertRow('time', { personid: 1, projectid: 1, taskid: 1, worktypeid: 1, date: FRIDAY, time: 1.75 });
    assert.equal((await checks().checkLogTime()).status, 'targetMet');
    assert.equal((await checks().checkLogTime()).status, 'claimedElsewhere');
    assert.equal((await timeRequests()).length, 1);
    assert.equal(prompts.length, 0);
  });

  it('waits for the end of the working day and for working days', async () => {
    now = at(5, 16, 0);
    assert.equal((await checks().checkLogTime()).status, 'notDue');
    now = at(6, 17, 10);
    assert.equal((await checks().checkLogTime()).status, 'notDue', 'Saturday');
    assert.equal((await timeRequests()).length, 0);
  });

  it('"Not today" silences the reminder until the next working day', async () => {
    answer = 'Not today';
    await offered(await checks().checkLogTime());
    assert.equal(graph.context.globalState.get<ReminderAnswers>(ANSWERS_KEY)?.snoozedOn?.logTime, FRIDAY);
    await rm(claimsDir, { recursive: true, force: true });
    assert.equal((await checks().checkLogTime()).status, 'notDue');
    assert.equal((await timeRequests()).length, 1, 'no second look today');
    assert.equal(commands.length, 0);

    now = at(8, 17, 10);
    answer = undefined;
    const monday = await offered(await checks().checkLogTime());
    assert.match(monday.message, /logged 0 min of your 8 h/);
  });

  it('"Don\'t ask again" turns the reminder off until reminders are turned off and on again', async () => {
    answer = "Don't ask again";
    await offered(await checks().checkLogTime());
    assert.equal(graph.context.globalState.get<ReminderAnswers>(ANSWERS_KEY)?.never?.logTime, true);
    now = at(8, 17, 10);
    assert.equal((await checks().checkLogTime()).status, 'notDue');

    await setReminders(false);
    await setReminders(true);
    assert.notEqual(graph.context.globalState.get<ReminderAnswers>(ANSWERS_KEY)?.never?.logTime, true, 'turning reminders on clears the answer');
    answer = undefined;
    await offered(await checks().checkLogTime());
  });

  it('lets only one window remind: a claim made by another window keeps this one quiet', async () => {
    await mkdir(claimsDir, { recursive: true });
    await writeFile(join(claimsDir, `logTime-${FRIDAY}`), '12345\n');
    assert.equal((await checks().checkLogTime()).status, 'claimedElsewhere');
    assert.equal((await timeRequests()).length, 0);
    assert.equal(prompts.length, 0);
  });

  it("tries again later when today's time cannot be read", async () => {
    await fake.control.failNext(1, { status: 403, code: 10 }, { resource: 'time' });
    assert.equal((await checks().checkLogTime()).status, 'failed');
    now = at(5, 17, 20);
    assert.equal((await checks().checkLogTime()).status, 'notDue', 'not at the next tick');
    await fake.control.clearFaults();
    now = at(5, 17, 30);
    await offered(await checks().checkLogTime());
  });

  it('does nothing while reminders are off or nobody is signed in', async () => {
    await setReminders(false);
    assert.equal((await checks().checkLogTime()).status, 'off');
    await setReminders(true);
    await signOut();
    assert.equal((await checks().checkLogTime()).status, 'off');
    assert.equal((await checks().checkStartTimer()).status, 'off');
    assert.equal((await timeRequests()).length, 0);
  });

  it('wakes up every minute during the working day, and sleeps through the weekend', async () => {
    now = at(5, 20, 0);
    scheduled = [];
    await setReminders(false);
    await setReminders(true);
    assert.ok(scheduled.length > 0, 'the next check is scheduled');
    assert.equal(scheduled.at(-1), at(8, 9, 0).getTime() - at(5, 20, 0).getTime(), 'Friday evening → Monday 09:00');
    now = at(5, 10, 0);
    scheduled = [];
    await setReminders(false);
    await setReminders(true);
    assert.ok(scheduled.length > 0, 'the next check is scheduled');
    assert.equal(scheduled.at(-1), 60_000, 'Friday 10:00 → a minute later');
  });

  describe('while editing', () => {
    let document: vscode.TextDocument;

    before(async () => {
      document = await vscode.workspace.openTextDocument({ content: '', language: 'markdown' });
    });

    /** One edit a minute from `from` for `minutes` minutes, each seen by the extension at its minute. */
    async function editFor(from: Date, minutes: number): Promise<void> {
      for (let minute = 0; minute <= minutes; minute++) {
        now = new Date(from.getTime() + minute * 60_000);
        const marker = `line ${from.getTime()}-${minute}\n`;
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(document.lineCount, 0), marker);
        const reached = new Promise<void>((resolve) => {
          const listener = vscode.workspace.onDidChangeTextDocument((event) => {
            if (event.document === document && document.getText().includes(marker)) {
              listener.dispose();
              resolve();
            }
          });
        });
        assert.ok(await vscode.workspace.applyEdit(edit));
        if (!document.getText().includes(marker)) {
          await reached;
        }
        // What the edit started (a look at the offer) is over before the next minute.
        await settled();
      }
    }

    it('offers to start a timer after a while of editing with no timer running, and opens Start Timer', async () => {
      answer = 'Start Timer…';
      await editFor(at(5, 10, 0), 14);
      assert.equal(prompts.length, 0, 'not before the configured 15 minutes');
      await editFor(at(5, 10, 15), 1);
      assert.equal(prompts.length, 1, 'the offer shows');
      assert.match(prompts[0]?.message ?? '', /editing for 15 min with no Intervals timer running/);
      assert.deepEqual(prompts[0]?.actions, ['Start Timer…', 'Not today', "Don't ask again"]);
      assert.ok(commands.includes('intervals.startTimer'), 'Start Timer runs');
      assert.equal((await timeRequests()).length, 0, 'editing costs no request');
    });

    it('does not offer while a timer runs', async () => {
      graph.activeTimers.set([{ timerId: 99, taskId: 1, running: true }]);
      await editFor(at(5, 11, 0), 20);
      assert.equal((await checks().checkStartTimer()).status, 'notDue');
      assert.equal(prompts.length, 0);
    });

    it('"Not today" keeps the offer away for the rest of the day', async () => {
      answer = 'Not today';
      await editFor(at(5, 13, 0), 15);
      assert.equal(prompts.length, 1, 'the offer shows');
      assert.equal(graph.context.globalState.get<ReminderAnswers>(ANSWERS_KEY)?.snoozedOn?.startTimer, FRIDAY, 'the answer is kept');
      await editFor(at(5, 14, 0), 20);
      assert.equal((await checks().checkStartTimer()).status, 'notDue');
      assert.equal(prompts.length, 1);
    });
  });
});
