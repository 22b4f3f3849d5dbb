import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { loggedThisWeek } from './demoData';
import { formatDurationAs } from '../../src/time/duration';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import type { Locator } from 'playwright-core';
import { workbench, type Workbench } from './workbench';

// The day of a user, through the UI only and in order: sign in, find a task in the tree, log time
// on it, run a timer on another and log that, and the entries are in Intervals. The screenshots it takes are the README's
// (`npm run screenshots` copies them to media/screenshots/).

const CLIENT = 'Acme & Sons';
const PROJECT = 'Website Redesign';
const TASK = 'Launch checklist';
const TASK_ID = 5;
/** The task the timer runs on (it has no demo timer). */
const TIMER_TASK = 'Accessibility audit (WCAG 2.2)';
const TIMER_TASK_ID = 3;
const TIMER_TASK_NUMBER = 1003;

/**
 * Answers the log-time steps as a person in a hurry: the duration typed, every other step left at
 * its default, until `done` shows. Screenshots the duration step as `log-time`.
 */
async function completeLogTimeSteps(ui: Workbench, duration: string, done: Locator, screenshot = 'log-time'): Promise<void> {
  let typedDuration = false;
  for (let step = 1; step <= 10; step++) {
    // Each step opens once the previous one is handled, until the flow is done.
    const next = await Promise.race([
      ui.quickInputBox.waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'step' as const),
      done.waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'done' as const),
    ]);
    if (next === 'done' || !(await ui.quickInputBox.isVisible())) {
      break;
    }
    const about = await ui.quickInputDescription();
    await ui.screenshot(`${screenshot}-step-${step}`);
    if (!typedDuration && /duration/i.test(about)) {
      typedDuration = true;
      await ui.quickInputBox.fill(duration);
      // The prompt shows what it understood as the text is typed, e.g. "45 min = 0.75 h".
      await ui.quickInput.locator('.quick-input-message', { hasText: / h$/ }).waitFor({ state: 'visible', timeout: 5_000 });
      await ui.screenshot(screenshot);
    }
    const title = await ui.quickInputTitle();
    await ui.quickInputBox.press('Enter');
    await ui.stepOver(title);
  }
  assert.ok(typedDuration, 'the log-time steps asked for the duration');
  await done.waitFor({ state: 'visible', timeout: 15_000 });
}

describe('Track time on a task (UI)', () => {
  const fake = fakeServerFromEnvironment();
  const control = new FakeIntervalsControl(fake.url);

  before(async () => {
    await control.reset();
    // Ada's demo timers would share the status bar with the one this journey starts.
    for (const timer of await control.rows('timer')) {
      if (timer.personid === DEMO_PEOPLE.admin) {
        await control.deleteRow('timer', timer.id);
      }
    }
  });

  // The next UI test starts as a new user would.
  after(() => workbench().signOutAndReset());

  it('signs in from the Intervals view by typing the token', async () => {
    const ui = workbench();
    const token = fake.tokens.admin;
    assert.ok(token, 'the runner passes the admin token');
    await ui.activityBarItem('Intervals').click();
    const signInButton = ui.viewPane('Tasks').getByRole('button', { name: 'Sign in to Intervals' });
    await signInButton.waitFor({ state: 'visible', timeout: 30_000 });
    await ui.screenshot('welcome-signed-out');
    await signInButton.click();
    await ui.typeIntoQuickInput(token);
    await ui.notification('Signed in to Intervals as Ada Lovelace').waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('finds the task under its client and project', async () => {
    const ui = workbench();
    await ui.expandTreeItem('Tasks', CLIENT);
    await ui.expandTreeItem('Tasks', PROJECT);
    await ui.treeItem('Tasks', TASK).waitFor({ state: 'visible', timeout: 30_000 });
    await ui.clearNotifications();
    await ui.screenshot('tasks-view');
  });

  it("logs time on the task from its context menu, reads the status bar, and the entry reaches Intervals", async () => {
    const ui = workbench();
    const before = (await control.rows('time')).length;
    await ui.treeItemContextMenu('Tasks', TASK, 'Log Time…');
    const logged = ui.page.locator('.part.statusbar .statusbar-item').filter({ hasText: /Logged/ }).first();
    await completeLogTimeSteps(ui, '45m', logged);
    assert.match((await logged.textContent()) ?? '', /Logged .*(45 min|0\.75)/);
    await ui.screenshot('logged');

    // My Time counts the entry in the week's total, with nothing left waiting to sync.
    const myTime = ui.viewPane('My Time');
    await myTime.locator('.monaco-list-row').filter({ hasText: 'Waiting to sync' }).first().waitFor({ state: 'hidden', timeout: 15_000 });
    const weekHours = await loggedThisWeek(control);
    // In the hour format of the settings, hours and minutes by default.
    const weekTotal = formatDurationAs((Math.round(weekHours * 100) / 100) * 3600, 'hoursMinutes');
    const total = myTime.locator('.pane-header').filter({ hasText: new RegExp(`· ${weekTotal}$`) }).first();
    await total.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      assert.fail(`My Time's total should be ${weekTotal}: "${await myTime.locator('.pane-header').first().textContent()}"`);
    });
    await ui.screenshot('my-time');

    const rows = await control.rows('time');
    assert.equal(rows.length, before + 1, 'one new entry');
    const entry = rows.at(-1);
    assert.equal(entry?.personid, DEMO_PEOPLE.admin);
    assert.equal(entry?.taskid, TASK_ID);
    assert.equal(entry?.time, 0.75);
  });

  it('finds Log Time first when "Log Time" is typed in the command palette', async () => {
    const ui = workbench();
    await ui.openCommandPalette();
    await ui.quickInputBox.fill('>Log Time');
    const first = ui.quickInputRows.first();
    await first.filter({ hasText: 'Intervals: Log Time…' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await ui.quickInputRows.filter({ hasText: 'Stop Timer and Log' }).count(), 0, 'Stop Timer and Log… does not compete');
    await ui.page.keyboard.press('Escape');
    await ui.quickInput.waitFor({ state: 'hidden' });
  });

  it('starts a timer from the task\'s context menu, shows it in the status bar, then stops it and logs the time', async () => {
    const ui = workbench();
    await ui.treeItemContextMenu('Tasks', TIMER_TASK, 'Start Timer');
    const timer = ui.page.locator('.part.statusbar .statusbar-item[id$="intervals.timer"]').first();
    await timer.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await timer.textContent()) ?? '';
    const label = (await timer.locator('a, .statusbar-item-label').first().getAttribute('aria-label')) ?? '';
    assert.match(`${text} ${label}`, /\d+:\d\d/, `the status bar shows the running time: "${text}"`);
    assert.match(`${text} ${label}`, new RegExp(`WCAG|#${TIMER_TASK_NUMBER}\\b|Accessibility audit`), `the status bar names the task: "${text}" / "${label}"`);
    await ui.screenshot('status-bar');
    const running = await control.rows('timer');
    assert.ok(
      running.some((row) => row.personid === DEMO_PEOPLE.admin && row.taskid === TIMER_TASK_ID && row.starttime !== null),
      'Intervals has a running timer on the task',
    );

    // The duration first, as h:mm; then the summary, where Escape keeps the timer paused and says so.
    await ui.runCommand('Intervals: Stop Timer and Log…');
    await ui.quickInputBox.waitFor({ state: 'visible', timeout: 15_000 });
    const prefilled = await ui.quickInputBox.inputValue();
    assert.match(prefilled, /^\d+:\d\d$/, `the timer's time as h:mm: "${prefilled}" in "${await ui.quickInputTitle()}"`);
    const durationTitle = await ui.quickInputTitle();
    await ui.quickInputBox.press('Enter');
    await ui.stepOver(durationTitle);
    const summary = ui.quickInputRows.filter({ hasText: new RegExp(`^\\s*Log \\d+:\\d\\d on #${TIMER_TASK_NUMBER} · .+ · (billable|not billable)`) }).first();
    await summary.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await ui.quickInput.locator('.quick-input-box input').getAttribute('placeholder') ?? '', /Enter to log, or choose a field to change/);
    // Away from the input, whose hover would cover the step counter.
    await ui.page.mouse.move(700, 600);
    await ui.screenshot('stop-and-log-summary');
    await ui.page.keyboard.press('Escape');
    const kept = ui.page.locator('.part.statusbar .statusbar-item').filter({ hasText: new RegExp(`Timer on #${TIMER_TASK_NUMBER} kept paused \\(\\d+:\\d\\d\\)`) }).first();
    await kept.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(
      (await control.rows('timer')).some((row) => row.personid === DEMO_PEOPLE.admin && row.taskid === TIMER_TASK_ID && row.starttime === null),
      'the timer is kept, paused',
    );

    const before = (await control.rows('time')).length;
    await ui.runCommand('Intervals: Stop Timer and Log…');
    const logged = ui.page.locator('.part.statusbar .statusbar-item').filter({ hasText: /Logged .*WCAG|Logged .*#1003/ }).first();
    await completeLogTimeSteps(ui, '30m', logged, 'stop-timer-log-time');

    const rows = await control.rows('time');
    assert.equal(rows.length, before + 1, 'one new entry');
    const entry = rows.at(-1);
    assert.equal(entry?.taskid, TIMER_TASK_ID);
    assert.equal(entry?.time, 0.5);
    for (let attempt = 0; attempt < 50; attempt++) {
      if (!(await control.rows('timer')).some((row) => row.personid === DEMO_PEOPLE.admin && row.taskid === TIMER_TASK_ID)) {
        break;
      }
      await ui.page.waitForTimeout(200);
    }
    assert.ok(
      !(await control.rows('timer')).some((row) => row.personid === DEMO_PEOPLE.admin && row.taskid === TIMER_TASK_ID),
      'the timer was deleted once its time was logged',
    );
    await timer.waitFor({ state: 'hidden', timeout: 15_000 });
  });
});
