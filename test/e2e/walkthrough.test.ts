import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench, type Workbench } from './workbench';

// A new user's first minutes through the walkthrough, on the fake server (so the demo step shows):
// each step's button does what it says and the step is ticked. The pictures of the steps are
// taken here (`npm run screenshots` copies them to media/walkthrough/), and the walkthrough with
// its steps done is the README's.

/** How much wider the side bar is made for the pictures. */
const WIDER = 220;

const STEPS = ['Try the Demo Account', 'Browse Your Tasks', 'Start a Timer', 'Log Time', 'See Your Week', 'Start Work from a Branch'];

async function done(ui: Workbench, step: string): Promise<void> {
  const ticked = ui.page.locator('.gettingStartedContainer button.getting-started-step[aria-checked="true"] .step-title', { hasText: step });
  await ticked.first().waitFor({ state: 'attached', timeout: 30_000 });
}

/**
 * Drags the side bar's edge by `by` pixels, so the pictures of the walkthrough show whole titles;
 * the same drag back leaves the window as the later tests expect it.
 */
async function widenSideBar(ui: Workbench, by: number): Promise<void> {
  const sideBar = ui.page.locator('.part.sidebar');
  const box = await sideBar.boundingBox();
  assert.ok(box, 'the side bar is open');
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await ui.page.mouse.move(x, y);
  await ui.page.mouse.down();
  await ui.page.mouse.move(x + by, y, { steps: 8 });
  await ui.page.mouse.up();
  const width = (await sideBar.boundingBox())?.width ?? 0;
  assert.ok(Math.abs(width - box.width - by) < 40, `the side bar is ${width}px wide after a drag of ${by}px from ${box.width}px`);
}

/**
 * Brings the walkthrough to the front: its tab, or, when VS Code has taken the page back to its
 * overview of walkthroughs meanwhile, the walkthrough opened again the way a person would.
 */
async function backToWalkthrough(ui: Workbench): Promise<void> {
  const tab = ui.page.locator('.part.editor .tab', { hasText: 'Walkthrough: Intervals' }).first();
  const first = ui.walkthroughStep(STEPS[0] ?? '');
  if ((await tab.count()) === 0) {
    await ui.runCommand('Welcome: Open Walkthrough...');
    await ui.pickQuickInputItem('Get Started with Intervals', 15_000);
  }
  await tab.click();
  await first.waitFor({ state: 'visible', timeout: 15_000 });
}

describe('Walkthrough (UI)', () => {
  const fake = fakeServerFromEnvironment();
  const control = new FakeIntervalsControl(fake.url);
  let widened = false;

  before(async () => {
    await control.reset();
    for (const timer of await control.rows('timer')) {
      if (timer.personid === DEMO_PEOPLE.admin) {
        await control.deleteRow('timer', timer.id);
      }
    }
    const ui = workbench();
    await ui.page.keyboard.press('Escape');
    await ui.runCommand('View: Close All Editors');
    // What earlier tests opened in the panel (the log) stays out of the pictures.
    if (await ui.panel.isVisible()) {
      await ui.runCommand('View: Toggle Panel Visibility');
      await ui.panel.waitFor({ state: 'hidden' });
    }
    const tasks = ui.viewPane('Tasks');
    if (!(await tasks.isVisible())) {
      // A click on the container that is already open would close the side bar.
      await ui.activityBarItem('Intervals').click();
    }
    await tasks.waitFor({ state: 'visible', timeout: 30_000 });
    const welcome = tasks.locator('.welcome-view-content').getByText('Sign in to Intervals', { exact: false }).first();
    if (!(await welcome.isVisible())) {
      await ui.runCommand('Intervals: Sign Out');
    }
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    await widenSideBar(ui, WIDER);
    widened = true;
    await ui.screenshotOf('walkthrough-sign-in', [tasks.locator('.pane-header'), tasks.locator('.welcome-view-content')]);
    // A new user has seen no view and run no command: the steps start unticked.
    await ui.activityBarItem('Explorer').click();
    await ui.runCommand('Developer: Reset Welcome Page Walkthrough Progress');
  });

  after(async () => {
    const ui = workbench();
    await ui.page.keyboard.press('Escape');
    await ui.runCommand('View: Close All Editors');
    if (widened && (await ui.page.locator('.part.sidebar').isVisible())) {
      await widenSideBar(ui, -WIDER);
    }
    await ui.signOutAndReset();
  });

  it('opens from Welcome: Open Walkthrough…, offers the demo account on the fake server and signs in with its button', async () => {
    const ui = workbench();
    await ui.runCommand('Welcome: Open Walkthrough...');
    await ui.pickQuickInputItem('Get Started with Intervals', 15_000);
    await ui.walkthroughStep(STEPS[0] ?? '').waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual(await ui.walkthroughStepTitles(), STEPS, 'the demo step, not the sign-in step, as intervals.apiUrl is on this machine');
    for (const step of STEPS) {
      assert.equal(await ui.walkthroughStep(step).getAttribute('aria-checked'), 'false', `${step} starts unticked`);
    }
    await ui.clickWalkthroughButton('Try the Demo Account', 'Sign In with the Demo Token');
    // Ticked on the signed-in context key: signed in (the notification may have gone already).
    await done(ui, 'Try the Demo Account');
    await ui.clearNotifications();
  });

  it('Browse Your Tasks opens the Tasks view; Start a Timer starts one', async () => {
    const ui = workbench();
    await backToWalkthrough(ui);
    await ui.clickWalkthroughButton('Browse Your Tasks', 'Show Tasks');
    await ui.viewPane('Tasks').waitFor({ state: 'visible', timeout: 15_000 });
    await done(ui, 'Browse Your Tasks');
    await ui.expandTreeItem('Tasks', 'Acme & Sons');
    await ui.expandTreeItem('Tasks', 'Website Redesign');
    const nextClient = ui.treeItem('Tasks', 'Café Zürich');
    await ui.screenshotOf('walkthrough-tasks', [ui.viewPane('Tasks').locator('.pane-header'), nextClient]);

    await ui.clickWalkthroughButtonThatAsks('Start a Timer', 'Start a Timer');
    await ui.typeIntoQuickInput('#1003', { submit: false });
    await ui.pickQuickInputItem('Accessibility audit (WCAG 2.2)', 30_000);
    const timer = ui.page.locator('.part.statusbar .statusbar-item[id$="intervals.timer"]').filter({ hasText: '#1003' }).first();
    await timer.waitFor({ state: 'visible', timeout: 30_000 });
    await done(ui, 'Start a Timer');
    const running = ui.treeItem('Tasks', 'Accessibility audit (WCAG 2.2)');
    await running.locator('.label-description', { hasText: /timer running/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await ui.clearNotifications();
    // The timer in the status bar with its tooltip: task, project, client and time.
    await timer.hover();
    const tooltip = ui.page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'Website Redesign' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    await ui.screenshotOf('walkthrough-timer', [timer, tooltip]);
    await ui.page.mouse.move(700, 400);
  });

  it('Log Time logs an entry through its summary; See Your Week shows My Time', async () => {
    const ui = workbench();
    await backToWalkthrough(ui);
    await ui.clickWalkthroughButtonThatAsks('Log Time', 'Log Time');
    await ui.typeIntoQuickInput('#1005', { submit: false });
    await ui.pickQuickInputStep('#1005 Launch checklist', 30_000);
    // The day: today, the default.
    const dayStep = await ui.quickInputTitle();
    await ui.quickInputBox.press('Enter');
    await ui.stepOver(dayStep);
    await ui.typeIntoQuickInput('1:30', { submit: false });
    await ui.quickInput.locator('.quick-input-message', { hasText: / h$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    const durationStep = await ui.quickInputTitle();
    await ui.quickInputBox.press('Enter');
    await ui.stepOver(durationStep);
    const summary = ui.quickInputRows.filter({ hasText: /^\s*Log 1:30 on #1005 · / }).first();
    await summary.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshotOf('walkthrough-log-time', [ui.quickInput]);
    await ui.quickInputBox.press('Enter');
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
    await done(ui, 'Log Time');

    await backToWalkthrough(ui);
    await ui.clickWalkthroughButton('See Your Week', 'Show My Time');
    const myTime = ui.viewPane('My Time');
    await myTime.waitFor({ state: 'visible', timeout: 15_000 });
    // Ticked already once My Time showed beside the Tasks view: the week was seen.
    const entry = ui.treeItem('My Time', 'Launch checklist');
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    await done(ui, 'See Your Week');
    await ui.clearNotifications();
    await ui.screenshotOf('walkthrough-my-time', [myTime]);
  });

  it('Start Work from a Branch is among the actions of a task; the walkthrough shows what is done', async () => {
    const ui = workbench();
    await ui.expandTreeItem('Tasks', 'Mobile App');
    const row = ui.treeItem('Tasks', 'Offline sync conflicts');
    await row.click({ button: 'right' });
    const item = ui.page.locator('.monaco-menu .action-item .action-label').filter({ hasText: /^Start Work on Task…$/ }).first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await item.hover();
    await ui.screenshotOf('walkthrough-start-work', [ui.treeItem('Tasks', 'Mobile App'), row, ui.page.locator('.monaco-menu').first()]);
    await ui.page.keyboard.press('Escape');
    await ui.page.locator('.monaco-menu').first().waitFor({ state: 'hidden' });

    await backToWalkthrough(ui);
    await ui.walkthroughStep('Start Work from a Branch').locator('.step-title').click();
    await ui.walkthroughStep('Start Work from a Branch').locator('.button-container .monaco-button').first().waitFor({ state: 'visible', timeout: 10_000 });
    const ticked = await Promise.all(STEPS.map(async (step) => (await ui.walkthroughStep(step).getAttribute('aria-checked')) === 'true'));
    assert.deepEqual(ticked, [true, true, true, true, true, false]);
    await ui.screenshot('walkthrough');
  });
});
