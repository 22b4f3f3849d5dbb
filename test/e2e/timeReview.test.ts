import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { loggedThisWeek, thisWeek } from './demoData';
import { workbench } from './workbench';

// Reviewing the week as a person would: delete an entry from My Time, answering the confirmation
// dialog (first No, then Yes), and open the time report of the week. The report's screenshot is
// the README's.

/**
 * An entry without a task shows its description as its title, so its row is easy to find. It is
 * on Monday, the top of My Time, where its row is drawn without scrolling.
 */
const ENTRY_TITLE = 'Phone call about the launch (UI)';

describe('Review time (UI)', () => {
  const fake = fakeServerFromEnvironment();
  const control = new FakeIntervalsControl(fake.url);
  let entryId = 0;

  before(async () => {
    await control.reset();
    const row = await control.insertRow('time', {
      personid: DEMO_PEOPLE.admin,
      projectid: 1,
      taskid: null,
      worktypeid: 1,
      date: thisWeek().start,
      time: 0.25,
      billable: false,
      description: ENTRY_TITLE,
    });
    entryId = row.id;
    const ui = workbench();
    assert.ok(fake.tokens.admin, 'the runner passes the admin token');
    await ui.ensureSignedIn(fake.tokens.admin);
  });

  after(() => workbench().signOutAndReset());

  it('asks before deleting an entry from My Time: Cancel keeps it, Delete removes it in Intervals', async () => {
    const ui = workbench();
    await ui.runCommand('Intervals: Refresh My Time');
    const row = ui.treeItem('My Time', ENTRY_TITLE);
    await row.waitFor({ state: 'visible', timeout: 30_000 });

    await ui.treeItemContextMenu('My Time', ENTRY_TITLE, 'Delete Time Entry…');
    await ui.dialog.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await ui.dialog.textContent()) ?? '', /Delete 15 min on Phone call about the launch \(UI\)/);
    await ui.screenshot('delete-entry-confirm');
    await ui.answerDialog('Cancel');
    assert.ok((await control.rows('time')).some((r) => r.id === entryId), 'Cancel keeps the entry in Intervals');
    assert.equal(await row.isVisible(), true, 'and in the view');

    await ui.treeItemContextMenu('My Time', ENTRY_TITLE, 'Delete Time Entry…');
    await ui.answerDialog('Delete');
    await row.waitFor({ state: 'hidden', timeout: 15_000 });
    assert.ok(!(await control.rows('time')).some((r) => r.id === entryId), 'Delete removes the entry in Intervals');
    // A DELETE sent after Cancel could land after the check above it: count them all at the end.
    const deletes = (await control.requests()).filter((r) => r.method === 'DELETE' && r.path.replace(/\/$/, '') === `/time/${entryId}`);
    assert.equal(deletes.length, 1, 'one DELETE, the one after Delete');

    // The message says what went, with Undo, which logs the entry again.
    const deleted = ui.notification('Deleted 15 min on Phone call about the launch (UI)');
    await deleted.waitFor({ state: 'visible', timeout: 15_000 });
    await ui.screenshot('deleted-with-undo');
    await deleted.locator('.monaco-button').filter({ hasText: /^Undo$/ }).first().click();
    await ui.page.locator('.part.statusbar').getByText('Restored 15 min on Phone call about the launch (UI)', { exact: false }).waitFor({ state: 'visible', timeout: 15_000 });
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    const restored = (await control.rows('time')).filter((r) => r.description === ENTRY_TITLE);
    assert.equal(restored.length, 1, 'Undo logs the entry again, once');
    assert.equal(restored[0].time, 0.25);
  });

  it("opens this week's time report with the week's totals and a chart", async () => {
    const ui = workbench();
    const week = thisWeek();
    const expected = await loggedThisWeek(control);
    assert.ok(expected > 0, 'the demo account has time this week');

    await ui.runCommand('Intervals: Time Report…');
    await ui.pickQuickInputStep('This week');
    // An administrator may report anyone's time; their own comes first.
    await ui.pickQuickInputItem('Ada Lovelace');

    const report = ui.webview();
    const heading = report.locator('h1');
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await heading.textContent(), `Time of Ada Lovelace, ${week.start} to ${week.end}`);
    const total = report.locator('.summary div').filter({ hasText: 'Total' }).locator('strong');
    assert.equal(await total.textContent(), `${expected.toFixed(2)} h`);
    assert.ok((await report.locator('svg.chart rect, .chart rect').count()) > 0, 'the chart has bars');
    await ui.clearNotifications();
    await ui.screenshot('time-report');
  });
});
