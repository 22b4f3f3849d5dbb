import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { Timesheet } from '../../src/timesheet/timesheetGrid';
import type { TimeRow } from '../fake-intervals/store';
import { answerNotifications, answerPrompts, chooseInQuickPick, EXTENSION_ID, extensionGraph, fakeServer, type Graph, moveClock, setClock, setSetting, settled, signIn, signOut } from './helpers';
import { choose, ScriptedAsker, type Answer, type AskedRequest } from './scriptedAsker';

// The timesheet is driven as its page drives it: through the messages the page posts, handed to
// the panel's message handler (`receive`), with the service's rows checked afterwards. The week of
// Monday, June 2, 2025 holds no fixture time, so each test starts from the rows it inserts.
const ADA = 1;
const TASK = 1; // "Homepage hero & navigation", project 1 (Website Redesign), module 3
const MONDAY = '2025-06-02';
const THURSDAY = '2025-06-05';
const ROW = `task:${TASK}:1`;

describe('Timesheet', () => {
  const fake = fakeServer();
  let graph: Graph;
  let told: string[];

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await fake.control.clearRequests();
    told = [];
    answerNotifications(graph, (severity, message) => {
      told.push(`${severity}: ${message}`);
      return Promise.resolve(undefined);
    });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    await fake.control.clearFaults();
    for (const item of await graph.sync.waiting()) {
      await graph.sync.discard(item.id);
    }
    setClock(graph, 0);
    await settled();
  });

  after(async () => {
    await signOut();
  });

  function insert(date: string, time: number, extra: Partial<TimeRow> = {}): Promise<TimeRow> {
    return fake.control.insertRow('time', { personid: ADA, projectid: 1, taskid: TASK, moduleid: 3, worktypeid: 1, date, time, billable: true, description: null, ...extra });
  }

  function open(week = THURSDAY): Thenable<Timesheet | undefined> {
    return vscode.commands.executeCommand<Timesheet | undefined>('intervals.openTimesheet', { week });
  }

  /** Types `value` into the cell of `row` on `date`, as the page posts it, and waits for the page to show the outcome. */
  async function typeInto(date: string, value: string, row = ROW): Promise<void> {
    await graph.timesheetPanel.receive({ type: 'edit', row, date, value });
    await settled();
  }

  function cellOf(date: string, row = ROW): { hours: number; pending: number; entries: number } {
    const cell = graph.timesheetPanel.shown?.rows.find((each) => each.key === row)?.cells.find((each) => each.date === date);
    assert.ok(cell, `the timesheet has the cell ${row} on ${date}`);
    return { hours: cell.hours, pending: cell.pending, entries: cell.entries.length };
  }

  async function writes(method: string): Promise<number> {
    return (await fake.control.requests()).filter((r) => r.method === method && r.path.startsWith('/time')).length;
  }

  async function rowsOn(date: string): Promise<TimeRow[]> {
    return (await fake.control.rows('time')).filter((r) => r.personid === ADA && r.date === date);
  }

  it('opens the week of a day as rows of task (or project) and work type, with totals and daily targets', async () => {
    await insert(MONDAY, 1.5);
    await insert('2025-06-03', 0.5);
    await insert('2025-06-03', 1, { worktypeid: 2 });
    await insert('2025-06-04', 2, { projectid: 3, taskid: null, moduleid: 1 });
    const sheet = await open('2025-06-07');
    assert.ok(sheet);
    assert.equal(sheet.start, MONDAY);
    assert.equal(sheet.end, '2025-06-08');
    assert.deepEqual(
      sheet.rows.map((row) => [row.key, row.hours]),
      [
        [ROW, 2],
        [`task:${TASK}:2`, 1],
        ['project:3:1:1', 2],
      ],
    );
    assert.deepEqual(
      sheet.days.map((day) => [day.hours, day.target]),
      [
        [1.5, 8],
        [1.5, 8],
        [2, 8],
        [0, 8],
        [0, 8],
        [0, 0],
        [0, 0],
      ],
    );
    assert.equal(sheet.hours, 5);
    const html = graph.timesheetPanel.html ?? '';
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src [^"]+ &#39;nonce-[^"]+&#39;; script-src &#39;nonce-[^"]+&#39;">/);
    assert.match(html, /<table id="sheet"[^>]*>\s*<caption>/);
    assert.equal((html.match(/<th scope="col"/g) ?? []).length, 9, 'a heading per day, the row names and the totals');
    assert.ok(html.includes('ERP Migration &lt;Phase 2&gt;') && !html.includes('<Phase 2>'), 'service text is escaped');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handler');
    assert.match(html, /target 8 h/);
  });

  it('adds an entry when a value is typed into an empty cell, through the outbox, once', async () => {
    await insert(MONDAY, 1);
    await open();
    await typeInto(THURSDAY, '1:30');
    const rows = await rowsOn(THURSDAY);
    assert.deepEqual(
      rows.map((r) => [r.taskid, r.worktypeid, r.time]),
      [[TASK, 1, 1.5]],
    );
    assert.equal(await writes('POST'), 1);
    assert.equal((await graph.sync.waiting()).length, 0, 'nothing waits');
    assert.deepEqual(cellOf(THURSDAY), { hours: 1.5, pending: 0, entries: 1 });
    assert.equal(graph.timesheetPanel.status.notice, undefined);
  });

  it('changes the one entry of a cell', async () => {
    const row = await insert(MONDAY, 1.5, { description: 'kept' });
    await open();
    await typeInto(MONDAY, '45m');
    const after = (await fake.control.rows('time')).find((r) => r.id === row.id);
    assert.equal(after?.time, 0.75);
    assert.equal(after?.description, 'kept');
    assert.equal(await writes('PUT'), 1);
    assert.equal(await writes('POST'), 0, 'no new entry');
    assert.deepEqual(cellOf(MONDAY), { hours: 0.75, pending: 0, entries: 1 });
  });

  it('asks which entry to change when a cell holds several, or adds a new one', async () => {
    const first = await insert(MONDAY, 1, { description: 'morning' });
    await insert(MONDAY, 0.5, { description: 'afternoon' });
    await open();
    const offered: string[][] = [];
    const pickWith =
      (label: string): Answer =>
      (asked: AskedRequest) => {
        offered.push(asked.kind === 'pick' ? asked.request.items.map((item) => `${item.label} ${item.description ?? ''}`.trim()) : []);
        return choose(label)(asked);
      };
    answerPrompts(graph, new ScriptedAsker([pickWith('1 h → 1 h 30 min'), pickWith('Add a new entry')]));
    await typeInto(MONDAY, '2');
    assert.deepEqual(offered[0], ['1 h → 1 h 30 min morning', '30 min → 1 h afternoon', 'Add a new entry 30 min']);
    assert.equal((await fake.control.rows('time')).find((r) => r.id === first.id)?.time, 1.5);
    assert.deepEqual(cellOf(MONDAY), { hours: 2, pending: 0, entries: 2 });
    await typeInto(MONDAY, '2:15');
    assert.deepEqual(
      (await rowsOn(MONDAY)).map((r) => r.time),
      [1.5, 0.5, 0.25],
    );
    assert.deepEqual(cellOf(MONDAY), { hours: 2.25, pending: 0, entries: 3 });
  });

  // VS Code refuses modal dialogs in an extension test host ("refused to show dialog in tests"),
  // which shows that a cleared cell asks before anything is deleted; the UI test confirms one.
  it('asks to confirm with the modal dialog before deleting the entry of a cleared cell, and which one of several', async () => {
    const row = await insert(MONDAY, 1);
    const second = await insert(THURSDAY, 1, { description: 'call' });
    await insert(THURSDAY, 0.5, { description: 'review' });
    await open();
    await typeInto(MONDAY, '');
    assert.match(graph.timesheetPanel.status.notice ?? '', /dialog.*Delete 1 h on Homepage hero & navigation \(2025-06-02\)\?/);
    const asker = new ScriptedAsker([choose('1 h')]);
    answerPrompts(graph, asker);
    await typeInto(THURSDAY, '0');
    assert.equal(asker.remaining, 0, 'asked which entry to delete');
    assert.match(graph.timesheetPanel.status.notice ?? '', /Delete 1 h on Homepage hero & navigation \(2025-06-05\)\?/);
    assert.equal(await writes('DELETE'), 0, 'nothing deleted without the confirmation');
    assert.ok((await fake.control.rows('time')).some((r) => r.id === row.id));
    assert.ok((await fake.control.rows('time')).some((r) => r.id === second.id));
    assert.deepEqual(cellOf(MONDAY), { hours: 1, pending: 0, entries: 1 });
  });

  it('shows a value that is no duration in the page and sends nothing', async () => {
    await insert(MONDAY, 1);
    await insert(MONDAY, 1, { worktypeid: 2 });
    await open();
    await typeInto(THURSDAY, 'soon');
    assert.match(graph.timesheetPanel.status.notice ?? '', /soon|duration/i);
    assert.match(graph.timesheetPanel.html ?? '', /<p id="notice" class="notice error" role="alert">[^<]+<\/p>/);
    await typeInto(MONDAY, '23:30');
    assert.match(graph.timesheetPanel.status.notice ?? '', /more than 24 hours/);
    assert.equal((await writes('POST')) + (await writes('PUT')) + (await writes('DELETE')), 0, 'nothing sent');
    assert.deepEqual(cellOf(MONDAY), { hours: 1, pending: 0, entries: 1 });
  });

  it('keeps an entry added offline in the outbox, shows it waiting, and sends it once', async () => {
    await insert(MONDAY, 1);
    await open();
    await fake.control.dropNext(1, { method: 'POST', resource: 'time' });
    await typeInto(THURSDAY, '2');
    assert.match(graph.timesheetPanel.status.notice ?? '', /could not be reached/);
    assert.equal((await graph.sync.waiting()).length, 1, 'the entry waits');
    assert.deepEqual(cellOf(THURSDAY), { hours: 2, pending: 2, entries: 0 });
    assert.match(graph.timesheetPanel.html ?? '', /class="cell pending"[^>]*readonly/);
    // Past the wait before a send that may have arrived is looked up.
    moveClock(graph, 10 * 60_000);
    await vscode.commands.executeCommand('intervals.retrySync');
    await settled();
    assert.equal((await graph.sync.waiting()).length, 0);
    assert.deepEqual(
      (await rowsOn(THURSDAY)).map((r) => r.time),
      [2],
      'exactly one entry',
    );
    assert.deepEqual(cellOf(THURSDAY), { hours: 2, pending: 0, entries: 1 });
  });

  it('shows a week with approved time read-only, and a refusal of Intervals as the reason', async () => {
    await insert(MONDAY, 1, { approved: true });
    await open();
    assert.match(graph.timesheetPanel.status.readOnly ?? '', /approved/);
    const html = graph.timesheetPanel.html ?? '';
    assert.match(html, /Read-only: Intervals has approved time of this week/);
    assert.ok((html.match(/<input [^>]*readonly/g) ?? []).length >= 7, 'its cells are read-only');
    await typeInto(THURSDAY, '1');
    assert.match(graph.timesheetPanel.status.notice ?? '', /read-only/);
    assert.equal(await writes('POST'), 0, 'nothing sent');

    // A week Intervals locks although nothing in it shows approved: its refusal says why.
    await open('2025-06-10');
    const other = await insert('2025-06-10', 1);
    await graph.timesheetPanel.reload();
    await fake.control.failNext(1, { status: 400, code: 18, message: `time entry ${other.id} is approved and can no longer be changed` }, { method: 'PUT', resource: 'time' });
    await typeInto('2025-06-10', '2');
    assert.match(graph.timesheetPanel.status.readOnly ?? '', new RegExp(`time entry ${other.id} is approved`));
    await typeInto('2025-06-11', '1');
    assert.equal(await writes('POST'), 0, 'the locked week takes nothing more');
  });

  it("adds a row from Find Task's picker and a work type, and copies last week's rows with empty cells", async () => {
    await insert('2025-05-27', 1, { worktypeid: 2 });
    await insert('2025-05-28', 1, { projectid: 3, taskid: null, moduleid: 1 });
    await open();
    await graph.timesheetPanel.receive({ type: 'copyLastWeek' });
    assert.deepEqual(
      graph.timesheetPanel.shown?.rows.map((row) => [row.key, row.hours]),
      [
        [`task:${TASK}:2`, 0],
        ['project:3:1:1', 0],
      ],
    );
    answerPrompts(graph, new ScriptedAsker([(asked) => (asked.kind === 'pick' ? asked.request.items[0]?.value : undefined)]));
    await chooseInQuickPick(graph.timesheetPanel.receive({ type: 'addRow' }), 'Homepage hero');
    await settled();
    const keys = graph.timesheetPanel.shown?.rows.map((row) => row.key) ?? [];
    assert.equal(keys.length, 3);
    assert.match(keys[2], new RegExp(`^task:${TASK}:\\d+$`));
    await typeInto(THURSDAY, '1', 'project:3:1:1');
    assert.deepEqual(
      (await rowsOn(THURSDAY)).map((r) => [r.projectid, r.moduleid, r.taskid, r.time]),
      [[3, 1, null, 1]],
      'project time, on the project and module of the copied row',
    );
  });

  it("is in My Time's title bar, with an icon", () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: Array<{ command: string; icon?: string }>; menus: Record<string, Array<{ command: string; when?: string; group?: string }>> };
    };
    assert.equal(manifest.contributes.commands.find((entry) => entry.command === 'intervals.openTimesheet')?.icon, '$(table)');
    const item = manifest.contributes.menus['view/title'].find((entry) => entry.command === 'intervals.openTimesheet');
    assert.match(item?.when ?? '', /view == intervals\.time/);
    assert.match(item?.group ?? '', /^navigation/);
  });

  it('moves between weeks from its buttons, opens again on another week, and follows intervals.hourFormat', async () => {
    await insert(MONDAY, 1.5);
    await open();
    await graph.timesheetPanel.receive({ type: 'previousWeek' });
    assert.equal(graph.timesheetPanel.shown?.start, '2025-05-26');
    await graph.timesheetPanel.receive({ type: 'nextWeek' });
    await graph.timesheetPanel.receive({ type: 'nextWeek' });
    assert.equal(graph.timesheetPanel.shown?.start, '2025-06-09');
    await open(MONDAY);
    assert.equal(graph.timesheetPanel.shown?.start, MONDAY);
    assert.match(graph.timesheetPanel.html ?? '', /data-date="2025-06-02" data-value="1:30" value="1:30"/);
    try {
      await setSetting('intervals.hourFormat', 'decimal');
      assert.match(graph.timesheetPanel.html ?? '', /data-date="2025-06-02" data-value="1.5" value="1.5"/);
      assert.match(graph.timesheetPanel.html ?? '', /target 8 h/);
    } finally {
      await setSetting('intervals.hourFormat', undefined);
    }
  });

  it('closes when the account signs out', async () => {
    await open();
    assert.ok(graph.timesheetPanel.html);
    await signOut();
    assert.equal(graph.timesheetPanel.html, undefined);
    assert.equal(graph.timesheetPanel.shown, undefined);
  });

  it('refuses a week that is no date, opening nothing', async () => {
    const refused = await vscode.commands.executeCommand<{ status: string; message: string }>('intervals.openTimesheet', { week: '2025-02-30' });
    assert.equal(refused.status, 'invalid');
    assert.match(refused.message, /week/);
    assert.equal(graph.timesheetPanel.html, undefined);
  });
});
