import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { workbench } from './workbench';

/** `09:15`, local, as the prompt reads and writes times of day. */
function clockText(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

// A timer runs on #1001; starting one on #1005 pauses it and says so. Adjust Timer then opens on
// the running timer and previews its result as it is typed (the screenshot `adjust-timer`).
describe('Timers (UI)', () => {
  const fake = fakeServerFromEnvironment();
  const control = new FakeIntervalsControl(fake.url);

  before(async () => {
    await control.reset();
    for (const timer of await control.rows('timer')) {
      if (timer.personid === DEMO_PEOPLE.admin) {
        await control.deleteRow('timer', timer.id);
      }
    }
    assert.ok(fake.tokens.admin, 'the runner passes the admin token');
    await workbench().ensureSignedIn(fake.tokens.admin);
  });

  after(() => workbench().signOutAndReset());

  async function startTimer(number: string, title: string): Promise<void> {
    const ui = workbench();
    await ui.runCommand('Intervals: Start Timer');
    await ui.typeIntoQuickInput(number, { submit: false });
    await ui.pickQuickInputItem(title, 30_000);
  }

  it('starting a timer says which one it paused; Adjust Timer previews the result as it is typed', async () => {
    const ui = workbench();
    const statusBar = ui.page.locator('.part.statusbar');
    const timer = statusBar.locator('.statusbar-item[id$="intervals.timer"]').first();
    await startTimer('#1001', 'Homepage hero & navigation');
    await timer.filter({ hasText: '#1001' }).waitFor({ state: 'visible', timeout: 30_000 });

    await startTimer('#1005', 'Launch checklist');
    await statusBar.getByText('Paused #1001', { exact: false }).waitFor({ state: 'visible', timeout: 15_000 });
    await timer.filter({ hasText: '#1005' }).waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('timer-paused-another');
    await ui.clearNotifications();

    await ui.runCommand('Intervals: Adjust Timer…');
    // Two timers: the running one is first and preselected, so Enter takes it.
    const first = ui.quickInputRows.first();
    await first.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await first.textContent()) ?? '', /Launch checklist.*Running/);
    await ui.quickInputBox.press('Enter');
    await ui.quickInput.getByText('When did you start', { exact: false }).waitFor({ state: 'visible', timeout: 15_000 });

    const start = new Date(Date.now() - 65 * 60_000);
    const typed = `${start.getDate() === new Date().getDate() ? 'at' : 'yesterday'} ${clockText(start)}`;
    await ui.typeIntoQuickInput(typed, { submit: false });
    const preview = ui.quickInput.locator('.quick-input-message', { hasText: /→ 1 h \d+ min/ });
    await preview.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match((await preview.textContent()) ?? '', new RegExp(`^Started (yesterday )?${clockText(start)} → 1 h [56] min$`));
    await ui.screenshot('adjust-timer');
    await ui.quickInputBox.press('Enter');
    await ui.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await timer.filter({ hasText: /1:0\d #1005/ }).waitFor({ state: 'visible', timeout: 15_000 });
  });
});
