import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TimeReport } from '../../src/timeReport/reportModel';
import { DEFAULT_PAGE_SIZE as PAGE_SIZE } from '../../src/api/pagination';
import { rangeFor } from '../../src/time/dates';
import type { TimeRow } from '../fake-intervals/store';
import { answerNotifications, answerPrompts, eventually, extensionGraph, fakeServer, type Graph, readLogs, setClock, settled, signIn, signOut, typeIntoQuickInput } from './helpers';
import { accept, choose, ScriptedAsker, type, watchSteps, type Answer } from './scriptedAsker';

// Demo account: Ada Lovelace (1, Administrator), Grace Hopper (2, Manager), Ravi Patel (3,
// Resource). Project 3 is "ERP Migration <Phase 2>", a name with markup in it.
const ADA = 1;
const GRACE = 2;
const RAVI = 3;
const RANGE = { start: '2025-06-02', end: '2025-06-15' };

describe('Time report', () => {
  const fake = fakeServer();
  let graph: Graph;
  let folder: string;

  before(async () => {
    graph = await extensionGraph();
    folder = await mkdtemp(join(tmpdir(), 'intervals-report-'));
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    // Each test starts from the defaults, not from the range an earlier test chose.
    await graph.context.globalState.update('intervals.lastAnswers.timeReport', undefined);
    graph.lookups.clear();
    await fake.control.clearRequests();
  });

  afterEach(async () => {
    // A failed step-through must not leave its quick input open for the next suite.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    answerPrompts(graph, undefined);
    answerNotifications(graph, undefined);
    await fake.control.clearFaults();
    setClock(graph, 0);
  });

  after(async () => {
    graph.timeReportPanel.dispose();
    await rm(folder, { recursive: true, force: true });
    await signOut();
  });

  function script(...answers: Answer[]): ScriptedAsker {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    return asker;
  }

  /** Inserts `count` entries for a person, spread over the range, alternately billable. */
  async function insertEntries(personid: number, count: number, extra: Partial<TimeRow> = {}): Promise<void> {
    for (let index = 0; index < count; index++) {
      await fake.control.insertRow('time', {
        personid,
        projectid: 1 + (index % 3),
        worktypeid: 1 + (index % 2),
        date: `2025-06-${String(2 + (index % 14)).padStart(2, '0')}`,
        time: 0.25 * (1 + (index % 7)),
        billable: index % 2 === 0,
        description: `Entry ${index}`,
        ...extra,
      });
    }
  }

  /** The totals the report must show, computed from the server's rows. */
  async function expectedTotals(personid: number, range: { start: string; end: string }): Promise<{ hours: number; billable: number; count: number }> {
    const rows = (await fake.control.rows('time')).filter((r) => r.personid === personid && r.date >= range.start && r.date <= range.end);
    const sum = (list: TimeRow[]): number => list.reduce((total, r) => total + Math.round(r.time * 100), 0) / 100;
    return { hours: sum(rows), billable: sum(rows.filter((r) => r.billable)), count: rows.length };
  }

  /** The report's requests: other views (My Time) may list time meanwhile, for other ranges. */
  async function timeRequests(range: { start: string; end: string }): Promise<{ query: Record<string, string>; status: number }[]> {
    return (await fake.control.requests()).filter(
      (r) => r.method === 'GET' && r.path.startsWith('/time') && r.query.datebegin === range.start && r.query.dateend === range.end,
    );
  }

  it('walks every page of a range and totals it as the server holds it', async () => {
    // More entries than a page of the client holds (500), so the report walks two pages.
    await insertEntries(ADA, PAGE_SIZE + 3);
    await insertEntries(GRACE, 4);
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end });
    const expected = await expectedTotals(ADA, RANGE);
    assert.ok(expected.count >= PAGE_SIZE + 3);
    assert.equal(report.entryCount, expected.count);
    assert.equal(report.totals.hours, expected.hours);
    assert.equal(report.totals.billable, expected.billable);
    assert.equal(report.totals.nonBillable, Math.round((expected.hours - expected.billable) * 100) / 100);
    assert.equal(report.days.length, 14);
    assert.equal(Math.round(report.days.reduce((t, d) => t + d.hours * 100, 0)) / 100, expected.hours);
    assert.equal(Math.round(report.projects.reduce((t, p) => t + p.hours * 100, 0)) / 100, expected.hours);
    const requests = await timeRequests(RANGE);
    assert.equal(requests.length, Math.ceil(expected.count / PAGE_SIZE), 'one request per page');
    for (const request of requests) {
      assert.equal(request.query.personid, String(ADA));
      assert.equal(request.query.datebegin, RANGE.start);
      assert.equal(request.query.dateend, RANGE.end);
      assert.equal(request.query.limit, String(PAGE_SIZE));
    }
  });

  it("reports this week's time of the fixture from an argument", async () => {
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'thisWeek' });
    const range = rangeFor('thisWeek', new Date());
    assert.deepEqual(report.range, range);
    assert.equal(report.person.id, ADA);
    const expected = await expectedTotals(ADA, range);
    assert.equal(report.totals.hours, expected.hours);
    assert.equal(report.entryCount, expected.count);
  });

  it('asks for a custom range and a person, validating the dates', async () => {
    await insertEntries(GRACE, 3);
    const asker = script(
      (asked) => {
        assert.ok(asked.kind === 'pick');
        assert.deepEqual(
          asked.request.items.map((i) => i.label),
          ['This week', 'Last week', 'This month', 'Last month', 'Custom range…'],
        );
        assert.equal(asked.request.active, 'thisWeek');
        return choose('Custom range…')(asked);
      },
      (asked) => {
        assert.match((asked.kind === 'input' && asked.request.validate?.('2025-13-01')) || '', /month/);
        return type(RANGE.start)(asked);
      },
      (asked) => {
        assert.equal(asked.kind === 'input' && asked.request.validate?.('2025-06-01'), 'This date is before the first day (2025-06-02).');
        assert.match((asked.kind === 'input' && asked.request.validate?.('2027-06-01')) || '', /at most 366 days/);
        return type(RANGE.end)(asked);
      },
      (asked) => {
        assert.ok(asked.kind === 'pick');
        assert.equal(asked.request.items[0].description, 'you');
        return choose('Grace Hopper')(asked);
      },
    );
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(asker.remaining, 0);
    assert.deepEqual(
      asker.asked.map((a) => [a.request.title, a.request.step, a.request.totalSteps]),
      [
        // Opened on "This week", the range step counts the steps that range shows.
        ['Time Report', 1, 2],
        ['Time Report', 2, 4],
        ['Time Report', 3, 4],
        ['Time Report', 4, 4],
      ],
    );
    assert.deepEqual(report.person, { id: GRACE, name: 'Grace Hopper' });
    assert.deepEqual(report.range, RANGE);
    assert.equal(report.totals.hours, (await expectedTotals(GRACE, RANGE)).hours);
    const [request] = await timeRequests(RANGE);
    assert.equal(request.query.personid, String(GRACE));
  });

  it('starts from the range and person of the last report, a custom range with its dates', async () => {
    script(choose('Custom range…'), type(RANGE.start), type(RANGE.end), choose('Grace Hopper'));
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    const again = script(accept, accept, accept, accept);
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(again.remaining, 0);
    const [range, start, end, person] = again.asked;
    assert.equal(range?.kind === 'pick' && range.request.active, 'custom');
    assert.equal(start?.kind === 'input' && start.request.value, RANGE.start);
    assert.equal(end?.kind === 'input' && end.request.value, RANGE.end);
    assert.deepEqual(person?.kind === 'pick' && person.request.active, { id: GRACE, name: 'Grace Hopper' });
    assert.deepEqual(report.person, { id: GRACE, name: 'Grace Hopper' });
    assert.deepEqual(report.range, RANGE);
  });

  it('goes back and forth through the real quick input', async () => {
    const steps = watchSteps(graph.asker);
    try {
      let step = steps.next();
      const pending = vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
      await step;
      step = steps.next();
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // This week
      await step;
      step = steps.next();
      await vscode.commands.executeCommand('workbench.action.quickInputBack');
      await step;
      step = steps.next();
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext'); // Last week
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await step;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // yourself
      const report = await pending;
      assert.deepEqual(
        steps.shown.map((step) => [step.step, step.totalSteps]),
        [
          [1, 2],
          [2, 2],
          [1, 2],
          [2, 2],
        ],
        'range, person, back to range, person: the custom dates are not counted',
      );
      assert.deepEqual(report.range, rangeFor('lastWeek', new Date()));
      assert.equal(report.person.id, ADA);
    } finally {
      steps.dispose();
    }
  });

  it('asks a Resource user only for the range and reports their own time', async () => {
    await signIn('resource');
    const asker = script(choose('Last month'));
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(asker.asked.length, 1, 'no person step');
    assert.equal(report.person.id, RAVI);
    const refused = await vscode.commands.executeCommand<TimeReport | undefined>('intervals.timeReport', { range: 'lastMonth', personId: ADA });
    assert.equal(refused, undefined);
    const requests = await timeRequests(rangeFor('lastMonth', new Date()));
    assert.equal(requests.length, 1);
    assert.equal(requests[0].query.personid, String(RAVI), 'nothing asked for anyone else');
  });

  it("reports anyone's time for an Executive, who may not list people, by id", async () => {
    await signIn('executive');
    await insertEntries(GRACE, 3);
    const asker = script(choose('Last week'), (asked) => {
      assert.ok(asked.kind === 'pick');
      assert.deepEqual(
        asked.request.items.map((item) => item.label),
        ['Edith Clarke', 'Everyone'],
        'people cannot be listed: yourself or everyone',
      );
      return choose('Edith Clarke')(asked);
    });
    const own = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(asker.remaining, 0);
    assert.equal(own.person.name, 'Edith Clarke');
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end, personId: GRACE });
    assert.deepEqual(report.person, { id: GRACE, name: 'Grace Hopper' });
    assert.equal(report.totals.hours, (await expectedTotals(GRACE, RANGE)).hours);
  });

  it('refuses a bad range argument without asking the server', async () => {
    const refused = await vscode.commands.executeCommand<{ status: string; message: string }>('intervals.timeReport', { range: 'fortnight' });
    assert.equal(refused.status, 'invalid');
    assert.match(refused.message, /range "fortnight" is not one of "thisWeek", "lastWeek", "thisMonth", "lastMonth", "custom"/);
    assert.equal(await vscode.commands.executeCommand('intervals.timeReport', { range: 'custom', start: '2025-06-10', end: '2025-06-01' }), undefined);
    assert.equal((await timeRequests({ start: '2025-06-10', end: '2025-06-01' })).length, 0);
  });

  it('shows a page with a strict policy and escaped service text', async () => {
    await insertEntries(ADA, 2, { projectid: 3 });
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end });
    const html = graph.timeReportPanel.html ?? '';
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src [^"]+ &#39;nonce-[^"]+&#39;; script-src &#39;nonce-[^"]+&#39;">/);
    const nonce = /script-src &#39;nonce-([^&]+)&#39;/.exec(html)?.[1];
    assert.ok(nonce);
    assert.ok(html.includes(`<script nonce="${nonce}">`), 'the script carries the nonce of the policy');
    assert.ok(html.includes('ERP Migration &lt;Phase 2&gt;'));
    assert.ok(!html.includes('<Phase 2>'));
    assert.doesNotMatch(html, /<[^>]*\s(src|href)=/i, 'nothing loaded from anywhere');
  });

  it('exports the entries to CSV, quoting and defusing service text', async () => {
    await insertEntries(ADA, 1, { description: '=cmd|"/c calc", really\nsecond line' });
    const csvPath = join(folder, 'report.csv');
    const report = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end, csvPath });
    const csv = await readFile(csvPath, 'utf8');
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Date,Person,Client,Project,Module,Task,Work type,Hours,Billable,Description');
    assert.equal(lines.length, report.entryCount + 2, 'a header, one line per entry, a final line end');
    assert.ok(csv.includes(`"'=cmd|""/c calc"", really\nsecond line"`));
  });

  it('after an export from the page, offers Open and Reveal, and Open shows the file', async () => {
    await insertEntries(ADA, 3);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end });
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace, 'the test window has a workspace folder');
    // The name the save dialog proposes: typed in or left as proposed, the file is the same one.
    const target = vscode.Uri.joinPath(workspace, `time-ada-lovelace-${RANGE.start}-${RANGE.end}.csv`);
    const told: { message: string; actions: readonly string[] }[] = [];
    answerNotifications(graph, (_severity, message, actions) => {
      told.push({ message, actions });
      return Promise.resolve('Open');
    });
    try {
      // The save dialog (VS Code's own, drawn in the window) gets the path typed in.
      typeIntoQuickInput(target.fsPath);
      const written = await graph.timeReportPanel.exportCsv();
      assert.equal(written?.fsPath, target.fsPath);
      await settled();
      assert.deepEqual(told, [{ message: `Exported 3 entries to time-ada-lovelace-${RANGE.start}-${RANGE.end}.csv`, actions: ['Open', 'Reveal in Explorer View'] }]);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath, 'Open shows the file');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // Cleanup only: a failed export has no file to delete, and its own error is the one to see.
      await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);
    }
  });

  it('closes the report when its account signs out', async () => {
    await insertEntries(ADA, 1);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end });
    assert.ok(graph.timeReportPanel.html, 'the report shows');
    await signOut();
    assert.equal(graph.timeReportPanel.html, undefined, 'the report is closed');
  });

  it("tells the service's reason when the time cannot be loaded", async () => {
    // More failures than the report needs, in case another view lists time meanwhile; cleared after.
    await fake.control.failNext(5, { status: 400, code: 18, message: 'Bad date' }, { method: 'GET', resource: 'time' });
    const report = await vscode.commands.executeCommand<TimeReport | undefined>('intervals.timeReport', { range: 'custom', start: RANGE.start, end: RANGE.end });
    assert.equal(report, undefined);
    assert.deepEqual(
      (await timeRequests(RANGE)).map((r) => r.status),
      [400],
    );
    // The log reaches its file on VS Code's schedule, not ours.
    await eventually(async () => /Could not load the time report: .*Bad date/.test(await readLogs(graph.context.logUri)), "the service's reason is logged with what failed", 15_000);
  });
});
