import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'mocha';
import type { Frame } from 'playwright-core';
import { FakeIntervalsControl } from '../fake-intervals/control';
import { DEMO_PEOPLE } from '../fake-intervals/fixture';
import { fakeServerFromEnvironment } from '../runners/environmentVariables';
import { thisWeek } from './demoData';
import { workbench } from './workbench';

// The week as a grid, with the keyboard only: type a duration into an empty day, Enter saves it,
// the arrows move between days, and emptying the day deletes the entry after the dialog. Its
// screenshot is the README's.

/** The ids of axe-core's violations in a page, axe evaluated through the debugging protocol (the page's policy runs no other script). */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return frame.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.help} ${JSON.stringify((violation as unknown as { nodes: { target: unknown }[] }).nodes.map((node) => node.target))}`);
  });
}

describe('Timesheet (UI)', () => {
  const fake = fakeServerFromEnvironment();
  const control = new FakeIntervalsControl(fake.url);

  before(async () => {
    await control.reset();
    const ui = workbench();
    assert.ok(fake.tokens.admin, 'the runner passes the admin token');
    await ui.ensureSignedIn(fake.tokens.admin);
  });

  after(() => workbench().signOutAndReset());

  it('opens the week, takes a duration typed into a day, moves with the arrows and deletes after the dialog', async () => {
    const ui = workbench();
    const week = thisWeek();
    await ui.runCommand('Intervals: Open Timesheet');
    const page = ui.webview();
    const caption = page.locator('table#sheet caption');
    await caption.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await caption.textContent()) ?? '', /^Hours of the week .+ by task and work type$/);
    assert.equal(await page.locator('thead th[scope="col"]').count(), 9);

    // The first day of a row with time that has none yet (on a weekday, where the demo account logs).
    const empty = page.locator('tbody input.cell:not([readonly])[data-value=""]').first();
    await empty.waitFor({ state: 'visible', timeout: 15_000 });
    const row = (await empty.getAttribute('data-row')) ?? '';
    const date = (await empty.getAttribute('data-date')) ?? '';
    assert.ok(date >= week.start && date <= week.end, `${date} is in this week`);
    const before = (await control.rows('time')).filter((r) => r.personid === DEMO_PEOPLE.admin && r.date === date).length;
    const cell = (day: string) => page.locator(`input.cell[data-row="${row}"][data-date="${day}"]`);

    await empty.focus();
    await ui.page.keyboard.type('1:30');
    await ui.page.keyboard.press('Enter');
    // The page is drawn again from Intervals' answer (the markup's value, not what was typed), the same cell focused.
    await page.locator(`input.cell[data-row="${row}"][data-date="${date}"][value="1:30"]`).waitFor({ state: 'attached', timeout: 15_000 });
    const added = (await control.rows('time')).filter((r) => r.personid === DEMO_PEOPLE.admin && r.date === date);
    assert.equal(added.length, before + 1, 'one entry added');
    assert.equal(added[added.length - 1].time, 1.5);
    assert.equal(await cell(date).evaluate((input) => input === (input as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement), true, 'the typed cell keeps the focus');
    await ui.clearNotifications();
    // Clearing the notifications took the focus to the workbench: back to the cell.
    await cell(date).focus();
    await ui.screenshot('timesheet');

    // Arrows move between days; Escape puts back what was being typed.
    const [away, back] = date === week.start ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
    await ui.page.keyboard.press(away);
    const other = await page.locator('input.cell:focus').getAttribute('data-date');
    assert.ok(other !== null && other !== date, `${away} moved to another day`);
    await ui.page.keyboard.press(back);
    assert.equal(await page.locator('input.cell:focus').getAttribute('data-date'), date);
    await ui.page.keyboard.type('9');
    await ui.page.keyboard.press('Escape');
    assert.equal(await cell(date).inputValue(), '1:30', 'Escape cancels the edit');

    // Emptying the day deletes its entry, after the dialog.
    await ui.page.keyboard.press('Backspace');
    await ui.page.keyboard.press('Enter');
    await ui.answerDialog('Delete');
    await page.locator(`input.cell[data-row="${row}"][data-date="${date}"][value=""]`).waitFor({ state: 'attached', timeout: 15_000 });
    const after = (await control.rows('time')).filter((r) => r.personid === DEMO_PEOPLE.admin && r.date === date).length;
    assert.equal(after, before, 'the entry is deleted in Intervals');

    // Tab saves what was typed and moves on to the next day.
    await ui.clearNotifications();
    await cell(date).focus();
    await ui.page.keyboard.type('45m');
    await ui.page.keyboard.press('Tab');
    await page.locator(`input.cell[data-row="${row}"][data-date="${date}"][value="0:45"]`).waitFor({ state: 'attached', timeout: 15_000 });
    const next = await page.locator('input.cell:focus').getAttribute('data-date');
    assert.ok(next !== null && next !== date, `Tab moved on to another day (${String(next)})`);
    const tabbed = (await control.rows('time')).filter((r) => r.personid === DEMO_PEOPLE.admin && r.date === date);
    assert.equal(tabbed.length, before + 1);
    await control.deleteRow('time', tabbed[tabbed.length - 1].id);
    await ui.clearNotifications();
  });

  it('passes an automated accessibility check (axe-core) inside its page', async () => {
    const ui = workbench();
    await ui.runCommand('Intervals: Open Timesheet');
    const root = ui.webview().locator('html');
    await ui.webview().locator('table#sheet caption').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await root.getAttribute('lang'), 'en', 'the page says its language');
    const frame = await (await root.elementHandle())?.ownerFrame();
    assert.ok(frame, 'the timesheet has a frame');
    assert.deepEqual(await axeViolations(frame), [], 'no accessibility violation');
    assert.equal(await frame.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe), 'object', 'the check ran in the page');
  });
});
