import * as assert from 'node:assert/strict';
import { buildReport } from '../../src/timeReport/reportModel';
import { wholePercents } from '../../src/timeReport/shares';
import { PAGE_SCRIPT } from '../../src/views/timeReport/reportTables';
import { timeReportHtml } from '../../src/views/timeReport/timeReportHtml';
import { entry } from './timeEntryFixture';

const ADA = { id: 1, name: 'Ada Lovelace' };
const WEEK = { start: '2026-03-09', end: '2026-03-15' };
const MONTH = { start: '2026-03-01', end: '2026-03-31' };

describe('Time report tables', () => {
  describe('wholePercents', () => {
    it('rounds shares so they add up to exactly 100, the largest remainders rounded up', () => {
      assert.deepEqual(wholePercents([1, 1, 1]), [34, 33, 33]);
      assert.deepEqual(wholePercents([2, 1]), [67, 33]);
      assert.deepEqual(wholePercents([50, 25, 25]), [50, 25, 25]);
      // Plain rounding gives 33 + 33 + 33 + 0 = 99 here.
      assert.deepEqual(wholePercents([333, 333, 333, 1]), [34, 33, 33, 0]);
      // And 17 × 6 = 102 here.
      assert.equal(
        wholePercents([1, 1, 1, 1, 1, 1]).reduce((a, b) => a + b, 0),
        100,
      );
    });

    it('gives zeros for no time at all', () => {
      assert.deepEqual(wholePercents([0, 0]), [0, 0]);
      assert.deepEqual(wholePercents([]), []);
    });

    it('adds up to 100 for any mix of amounts', () => {
      let seed = 7;
      const random = (): number => ((seed = (seed * 16807) % 2147483647), seed);
      for (let round = 0; round < 500; round++) {
        const amounts = Array.from({ length: 1 + (random() % 12) }, () => random() % 1000);
        const percents = wholePercents(amounts);
        const total = amounts.reduce((a, b) => a + b, 0);
        assert.equal(percents.reduce((a, b) => a + b, 0), total === 0 ? 0 : 100, String(amounts));
        percents.forEach((percent, index) => assert.ok(Math.abs(percent - (total ? (amounts[index] * 100) / total : 0)) < 1, String(amounts)));
      }
    });
  });

  describe('buildReport', () => {
    const entries = [
      entry('2026-03-02', 1, { task: 'Meetings', taskId: 11 }),
      entry('2026-03-02', 1, { task: 'Meetings', taskId: 21, project: 'Intranet', projectId: 2, client: 'Globex', clientId: 2 }),
      entry('2026-03-09', 1, { task: null, taskId: null, project: 'Intranet', projectId: 2, client: null, clientId: null }),
      entry('2026-03-20', 0.5),
    ];

    it('lists only the days with time in a range longer than a week, every day in a week', () => {
      const month = buildReport(entries, MONTH, ADA);
      assert.equal(month.days.length, 31, 'the chart keeps every day');
      assert.deepEqual(
        month.dayRows.map((day) => day.date),
        ['2026-03-02', '2026-03-09', '2026-03-20'],
      );
      const week = buildReport(entries, WEEK, ADA);
      assert.deepEqual(
        week.dayRows.map((day) => [day.date, day.hours]),
        [
          ['2026-03-09', 1],
          ['2026-03-10', 0],
          ['2026-03-11', 0],
          ['2026-03-12', 0],
          ['2026-03-13', 0],
          ['2026-03-14', 0],
          ['2026-03-15', 0],
        ],
      );
    });

    it('groups by client and by task, telling apart tasks of the same title by their project', () => {
      const month = buildReport(entries, MONTH, ADA);
      assert.deepEqual(
        month.clients.map((g) => [g.name, g.hours, g.percent]),
        [
          ['Acme', 1.5, 43],
          ['Globex', 1, 29],
          ['No client', 1, 28],
        ],
      );
      assert.deepEqual(
        month.tasks.map((g) => [g.name, g.detail, g.hours]),
        [
          ['Meetings', 'Intranet', 1],
          ['Meetings', 'Website', 1],
          ['No task', 'Intranet', 1],
          ['Footer', 'Website', 0.5],
        ],
      );
      assert.deepEqual(month.people, [], 'one person: no table by person');
      assert.deepEqual(
        month.entries.map((e) => e.date),
        ['2026-03-02', '2026-03-02', '2026-03-09', '2026-03-20'],
      );
    });

    it("groups everyone's time by person", () => {
      const everyone = buildReport([...entries, entry('2026-03-03', 2, { personId: 2, person: 'Grace Hopper' })], MONTH, { id: 'everyone', name: 'everyone' });
      assert.deepEqual(
        everyone.people.map((g) => [g.name, g.hours, g.percent]),
        [
          ['Ada Lovelace', 3.5, 64],
          ['Grace Hopper', 2, 36],
        ],
      );
    });
  });

  describe('page', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const report = buildReport(
      [
        entry('2026-03-10', 1.5, { client: `${hostile}c`, task: `${hostile}t`, description: `${hostile}d`, person: `${hostile}p` }),
        entry('2026-03-11', 0.25, { billable: false, description: 'Second' }),
      ],
      WEEK,
      { id: 'everyone', name: 'everyone' },
    );
    const page = (hourFormat: 'hoursMinutes' | 'decimal'): string => timeReportHtml({ cspSource: 'vscode-webview://abc', nonce: 'n0nce', report, hourFormat });

    it('has tables by client, task and person, and the entries, every value escaped', () => {
      const html = page('hoursMinutes');
      for (const caption of ['By day', 'By client', 'By project', 'By task', 'By work type', 'By person', 'Entries']) {
        assert.ok(html.includes(`<caption>${caption}</caption>`), caption);
      }
      assert.ok(!html.includes('<img'));
      for (const suffix of ['c', 't', 'd', 'p']) {
        assert.ok(html.includes(`&lt;img src=x onerror=alert(1)&gt;${suffix}`), suffix);
      }
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no inline event handlers');
      assert.doesNotMatch(html, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      assert.equal((html.match(/<script/g) ?? []).length, 1);
    });

    it('speaks the display language and gives a screen reader landmarks, row headers and a visible focus', () => {
      const german = timeReportHtml({ cspSource: 'vscode-webview://abc', nonce: 'n0nce', report, hourFormat: 'hoursMinutes', language: 'de' });
      assert.match(german, /<html lang="de">/);
      assert.match(german, /<th scope="row">Di\.? 2026-03-10<\/th>/, 'weekdays in the display language, each row headed by its day');
      assert.match(page('hoursMinutes'), /<html lang="en">/, 'English when no language is given');
      assert.match(german, /<main>[\s\S]*<h1>[\s\S]*<\/main>/);
      assert.match(german, /<section aria-labelledby="chart-heading">\s*<h2 id="chart-heading">/);
      assert.match(german, /<svg class="chart" role="img" aria-labelledby="chart-heading"/);
      assert.match(german, /<span class="billable" aria-hidden="true">/, 'the legend swatches are decoration');
      assert.match(german, /button:focus-visible \{ outline: 2px solid var\(--vscode-focusBorder\)/);
      assert.match(german, /id="sort-status"[^>]*aria-live="polite"[^>]*data-ascending="Entries sorted by \{0\}, ascending"/);
      assert.doesNotMatch(PAGE_SCRIPT, /Entries sorted/, 'the script says no words of its own');
    });

    it('makes the entries a table of sortable columns: headers with buttons, sorted by date', () => {
      const html = page('hoursMinutes');
      const table = /<table id="entries">.*?<\/table>/s.exec(html)?.[0] ?? '';
      const headings = [...table.matchAll(/<th scope="col"[^>]*><button type="button" class="sort">([^<]+)<\/button><\/th>/g)].map((m) => m[1]);
      assert.deepEqual(headings, ['Date', 'Person', 'Client', 'Project', 'Task', 'Work type', 'Hours', 'Billable', 'Description']);
      assert.match(table, /<th scope="col" aria-sort="ascending"><button type="button" class="sort">Date</);
      assert.match(table, /<td class="num" data-sort="150">1 h 30 min<\/td>/);
      assert.match(table, /<td data-sort="2026-03-10">Tue 2026-03-10<\/td>/);
      assert.equal((table.match(/<tr data-order=/g) ?? []).length, 2);
      assert.ok(html.includes('aria-live="polite"'), 'a sort is announced');
    });

    it('writes every amount in the hour format', () => {
      const minutes = page('hoursMinutes');
      assert.ok(minutes.includes('<strong>1 h 45 min</strong>'));
      assert.ok(minutes.includes('<td class="num">15 min</td>'));
      assert.doesNotMatch(minutes, /\d\.\d\d h/);
      const decimal = page('decimal');
      assert.ok(decimal.includes('<strong>1.75 h</strong>'));
      assert.ok(decimal.includes('<td class="num">0.25 h</td>'));
      assert.doesNotMatch(decimal, / min</);
    });

    it('shows shares that add up to 100%', () => {
      const html = page('decimal');
      const byClient = /<caption>By client<\/caption>.*?<\/table>/s.exec(html)?.[0] ?? '';
      const shares = [...byClient.matchAll(/<td class="num">(\d+)%<\/td>/g)].map((m) => Number(m[1]));
      assert.deepEqual(shares, [86, 14]);
    });
  });
});
