import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { formatDurationAs } from '../../src/time/duration';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { loggedThisWeek, thisWeek } from './demoData';
import { workbench } from './workbench';

// Reviewing the week as a person would: delete an entry from My Time, answering the confirmation
// dialog (first No, then Yes), and open the time report of the week, sorting its entries with the
// mouse and the keyboard. The report's screenshots are the README's.

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
      // Project time: Intervals needs a module on a project with modules.
      moduleid: 1,
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

  it("opens this week's time report with the week's totals, a chart and its tables", async () => {
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
    // Written in the hour format of the settings, hours and minutes by default.
    assert.equal(await total.textContent(), formatDurationAs((Math.round(expected * 100) / 100) * 3600, 'hoursMinutes'));
    assert.ok((await report.locator('svg.chart rect, .chart rect').count()) > 0, 'the chart has bars');
    const captions = await report.locator('table caption').allTextContents();
    assert.deepEqual(captions, ['By day', 'By client', 'By project', 'By task', 'By work type', 'Entries']);
    assert.equal(await report.locator('caption:text-is("By day") + thead + tbody tr').count(), 7, 'a week lists every day');
    await ui.clearNotifications();
    await ui.screenshot('time-report');

    // The entries sort by a column: a click on its heading, then Enter on it for the other way.
    const entries = report.locator('#entries');
    const hoursHeading = entries.locator('th').filter({ hasText: 'Hours' });
    const firstHours = async (): Promise<number> => Number(await entries.locator('tbody tr').first().locator('td.num').getAttribute('data-sort'));
    const allHours = async (): Promise<number[]> => (await entries.locator('tbody td.num').evaluateAll((cells) => cells.map((cell) => (cell as unknown as { dataset: { sort: string } }).dataset.sort))).map(Number);
    await hoursHeading.locator('button').click();
    assert.equal(await hoursHeading.getAttribute('aria-sort'), 'ascending');
    assert.equal(await firstHours(), Math.min(...(await allHours())));
    await hoursHeading.locator('button').press('Enter');
    assert.equal(await hoursHeading.getAttribute('aria-sort'), 'descending');
    const descending = await allHours();
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'longest first');
    assert.equal(await entries.locator('th[aria-sort]').count(), 1, 'one column orders the rows');
    assert.match((await report.locator('#sort-status').textContent()) ?? '', /Entries sorted by Hours, descending/);
    // By task, by work type and the entries, sorted, at the top of the page.
    await report.locator('caption:text-is("By task")').evaluate((caption) => (caption as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
    await ui.screenshot('time-report-tables');
  });
});
