import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { TimeReport } from '../../src/timeReport/reportModel';
import { formatDurationAs } from '../../src/time/duration';
import { rangeFor } from '../../src/time/dates';
import type { TimeRow } from '../fake-intervals/store';
import { answerPrompts, extensionGraph, fakeServer, type Graph, setSetting, signIn, signOut } from './helpers';
import { accept, choose, ScriptedAsker, type, type Answer } from './scriptedAsker';

// Demo account: Ada Lovelace (1, Administrator), Grace Hopper (2, Manager), Ravi Patel (3, Resource).
const ADA = 1;
const GRACE = 2;
const RANGE = { start: '2025-06-02', end: '2025-06-15' };

describe('Time report tables and whose time', () => {
  const fake = fakeServer();
  let graph: Graph;

  before(async () => {
    graph = await extensionGraph();
  });

  beforeEach(async () => {
    await fake.control.reset();
    await signIn('admin');
    await graph.context.globalState.update('intervals.lastAnswers.timeReport', undefined);
    graph.lookups.clear();
    await fake.control.clearRequests();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    answerPrompts(graph, undefined);
  });

  after(async () => {
    graph.timeReportPanel.dispose();
    await signOut();
  });

  function script(...answers: Answer[]): ScriptedAsker {
    const asker = new ScriptedAsker(answers);
    answerPrompts(graph, asker);
    return asker;
  }

  async function insert(rows: Array<Partial<TimeRow>>): Promise<void> {
    for (const row of rows) {
      await fake.control.insertRow('time', { personid: ADA, projectid: 1, worktypeid: 1, date: RANGE.start, time: 1, billable: true, ...row });
    }
  }

  function report(arg: Record<string, unknown>): Thenable<TimeReport> {
    return vscode.commands.executeCommand<TimeReport>('intervals.timeReport', arg);
  }

  function html(): string {
    return graph.timeReportPanel.html ?? '';
  }

  /** The text of each row's cells of the table with this caption. */
  function tableRows(caption: string): string[][] {
    const table = new RegExp(`<caption>${caption}</caption>.*?</table>`, 's').exec(html())?.[0] ?? '';
    const body = /<tbody>(.*)<\/tbody>/s.exec(table)?.[1] ?? '';
    return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((cell) => cell[1]));
  }

  it('counts only the steps it shows', async () => {
    const week = script(choose('This week'), accept);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.deepEqual(
      week.asked.map((a) => [a.request.step, a.request.totalSteps]),
      [
        [1, 2],
        [2, 2],
      ],
    );
    const first = script(choose('Custom range…'), type(RANGE.start), type(RANGE.end), accept);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.deepEqual(
      first.asked.map((a) => [a.request.step, a.request.totalSteps]),
      [
        [1, 2],
        [2, 4],
        [3, 4],
        [4, 4],
      ],
      'the range step counts what its default shows; after Custom range… the dates count',
    );
    const again = script(accept, accept, accept, accept);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(again.asked[0].request.totalSteps, 4, 'starting from a custom range, its dates are counted from the first step');
    await signIn('resource');
    const own = script(choose('Last month'));
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.deepEqual(
      own.asked.map((a) => [a.request.step, a.request.totalSteps]),
      [[1, 1]],
    );
  });

  it("offers Everyone to whom may see everyone's time, and reports it with a table by person", async () => {
    await insert([{ personid: ADA, time: 2 }, { personid: GRACE, time: 1.5, date: '2025-06-03' }, { personid: GRACE, time: 9, date: '2025-06-20' }]);
    const asker = script(choose('Custom range…'), type(RANGE.start), type(RANGE.end), (asked) => {
      assert.ok(asked.kind === 'pick');
      assert.deepEqual(
        asked.request.items.slice(0, 2).map((item) => item.label),
        ['Ada Lovelace', 'Everyone'],
      );
      return choose('Everyone')(asked);
    });
    const everyone = await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    assert.equal(asker.remaining, 0);
    assert.deepEqual(everyone.person, { id: 'everyone', name: 'everyone' });
    const rows = (await fake.control.rows('time')).filter((r) => r.date >= RANGE.start && r.date <= RANGE.end);
    assert.ok(new Set(rows.map((r) => r.personid)).size > 1, 'the range holds time of several people');
    assert.equal(everyone.entryCount, rows.length);
    assert.equal(everyone.totals.hours, rows.reduce((sum, r) => sum + Math.round(r.time * 100), 0) / 100);
    const requests = (await fake.control.requests()).filter((r) => r.path.startsWith('/time') && r.query.datebegin === RANGE.start);
    assert.ok(requests.length > 0);
    assert.ok(requests.every((r) => r.query.personid === undefined), 'no personid: everyone');
    assert.ok(html().includes('<h1>Time of everyone, 2025-06-02 to 2025-06-15</h1>'));
    assert.ok(tableRows('By person').some((cells) => cells[0] === 'Grace Hopper'));

    const next = script(accept, accept, accept, accept);
    await vscode.commands.executeCommand<TimeReport>('intervals.timeReport');
    const whose = next.asked[3];
    assert.deepEqual(whose?.kind === 'pick' && whose.request.active, { id: 'everyone', name: 'everyone' }, 'Everyone is remembered');
  });

  it('takes personId "everyone" as an argument, refused to a role that sees only its own time', async () => {
    const everyone = await report({ range: 'custom', start: RANGE.start, end: RANGE.end, personId: 'everyone' });
    assert.equal(everyone.person.id, 'everyone');
    const wrong = await vscode.commands.executeCommand<{ status: string; message: string }>('intervals.timeReport', { range: 'thisWeek', personId: 'all' });
    assert.equal(wrong.status, 'invalid');
    assert.match(wrong.message, /personId "all" is not a person's id \(a whole number, or a string of digits\), or "everyone"/);
    await signIn('resource');
    await fake.control.clearRequests();
    const refused = await vscode.commands.executeCommand<TimeReport | undefined>('intervals.timeReport', { range: 'thisWeek', personId: 'everyone' });
    assert.equal(refused, undefined);
    assert.equal((await fake.control.requests()).filter((r) => r.path.startsWith('/time')).length, 0, 'nothing asked');
  });

  it('lists by day only the days with time, every day of a week; by client, by task and every entry', async () => {
    await insert([{ date: '2025-06-03', time: 1.25 }, { date: '2025-06-10', time: 0.5, projectid: 3, description: 'Review <b>notes</b>' }]);
    const twoWeeks = await report({ range: 'custom', start: RANGE.start, end: RANGE.end });
    assert.equal(twoWeeks.days.length, 14, 'the chart has every day');
    assert.deepEqual(
      tableRows('By day').map((cells) => cells[0]),
      ['Tue 2025-06-03', 'Tue 2025-06-10'],
    );
    assert.deepEqual(
      tableRows('By client').map((cells) => cells[4]),
      twoWeeks.clients.map((c) => `${c.percent}%`),
    );
    assert.ok(tableRows('By task').length > 0);
    const entries = tableRows('Entries');
    assert.equal(entries.length, 2);
    assert.equal(entries[1].at(-1), 'Review &lt;b&gt;notes&lt;/b&gt;', 'the description, escaped');
    assert.match(html(), /<table id="entries"><caption>Entries<\/caption><thead><tr><th scope="col" aria-sort="ascending"><button type="button" class="sort">Date<\/button><\/th>/);

    const week = await report({ range: 'thisWeek' });
    assert.deepEqual(
      tableRows('By day').map((cells) => cells[0].slice(4)),
      week.days.map((day) => day.date),
      'a week lists every day',
    );
    assert.deepEqual(week.range, rangeFor('thisWeek', new Date()));
  });

  it('shows shares that add up to 100%', async () => {
    // One hour on each of three projects: rounded one by one, 33% + 33% + 33%.
    await insert([{ projectid: 1 }, { projectid: 2 }, { projectid: 3 }]);
    await report({ range: 'custom', start: RANGE.start, end: RANGE.end });
    for (const caption of ['By client', 'By project', 'By task', 'By work type']) {
      const shares = tableRows(caption).map((cells) => Number(cells[4].replace('%', '')));
      assert.equal(
        shares.reduce((a, b) => a + b, 0),
        100,
        `${caption}: ${shares.join(', ')}`,
      );
    }
    assert.deepEqual(
      tableRows('By project').map((cells) => cells[4]),
      ['34%', '33%', '33%'],
    );
  });

  it('writes every amount in the hour format of the settings, and redraws when it changes', async () => {
    await insert([{ time: 1.5 }, { time: 0.25, date: '2025-06-04', billable: false }]);
    const shown = await report({ range: 'custom', start: RANGE.start, end: RANGE.end });
    const total = (): string | undefined => /<dt class="muted">Total<\/dt><dd><strong>([^<]+)<\/strong>/.exec(html())?.[1];
    assert.equal(total(), formatDurationAs(shown.totals.hours * 3600, 'hoursMinutes'));
    assert.equal(total(), '1 h 45 min');
    assert.deepEqual(
      tableRows('By day').map((cells) => cells[1]),
      ['1 h 30 min', '15 min'],
    );
    try {
      await setSetting('intervals.hourFormat', 'decimal');
      assert.equal(total(), '1.75 h', 'the open report is redrawn');
      assert.deepEqual(
        tableRows('Entries').map((cells) => cells[5]),
        ['1.5 h', '0.25 h'],
      );
    } finally {
      await setSetting('intervals.hourFormat', undefined);
    }
    assert.equal(total(), '1 h 45 min');
  });
});
