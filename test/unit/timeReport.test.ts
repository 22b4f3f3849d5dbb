import * as assert from 'node:assert/strict';
import { csvField, csvLine, timeEntriesCsv } from '../../src/timeReport/csv';
import { buildReport } from '../../src/timeReport/reportModel';
import { escapeHtml, timeReportHtml } from '../../src/views/timeReport/timeReportHtml';
import { entry } from './timeEntryFixture';

const WEEK = { start: '2026-03-09', end: '2026-03-15' };
const ADA = { id: 1, name: 'Ada Lovelace' };

describe('Time report model, CSV and page', () => {
  describe('buildReport', () => {
    const entries = [
      entry('2026-03-09', 1.5),
      entry('2026-03-09', 0.1, { billable: false, project: 'Internal', workType: 'Meetings' }),
      entry('2026-03-09', 0.2, { billable: false, project: 'Internal', workType: 'Meetings' }),
      entry('2026-03-11', 4, { workType: 'Design' }),
      entry('2026-03-15', 2.25, { project: 'Internal', billable: false }),
      entry('2026-03-16', 8), // outside the range
    ];
    const report = buildReport(entries, WEEK, ADA);

    it('totals hours, billable and non-billable without floating-point drift', () => {
      assert.deepEqual(report.totals, { hours: 8.05, billable: 5.5, nonBillable: 2.55 });
      assert.equal(report.entryCount, 5);
      assert.equal(report.range, WEEK);
      assert.equal(report.person, ADA);
    });

    it('has every day of the range, empty days at zero', () => {
      assert.deepEqual(
        report.days.map((d) => [d.date, d.hours, d.billable, d.nonBillable]),
        [
          ['2026-03-09', 1.8, 1.5, 0.3],
          ['2026-03-10', 0, 0, 0],
          ['2026-03-11', 4, 4, 0],
          ['2026-03-12', 0, 0, 0],
          ['2026-03-13', 0, 0, 0],
          ['2026-03-14', 0, 0, 0],
          ['2026-03-15', 2.25, 0, 2.25],
        ],
      );
    });

    it('groups by project and work type, most hours first, with shares', () => {
      assert.deepEqual(
        report.projects.map((g) => [g.name, g.hours, g.billable, g.nonBillable]),
        [
          ['Website', 5.5, 5.5, 0],
          ['Internal', 2.55, 0, 2.55],
        ],
      );
      assert.deepEqual(
        report.workTypes.map((g) => [g.name, g.hours]),
        [
          ['Design', 4],
          ['Development', 3.75],
          ['Meetings', 0.3],
        ],
      );
      assert.equal(Math.round(report.projects[0].share * 1000), Math.round((550 / 805) * 1000));
    });

    it('names entries without a project or work type', () => {
      const odd = buildReport([entry('2026-03-10', 1, { project: null, projectId: null, workType: null, workTypeId: 7 })], WEEK, ADA);
      assert.equal(odd.projects[0].name, 'No project');
      assert.equal(odd.workTypes[0].name, 'Work type 7');
    });

    it('reports an empty range with zero totals and no groups', () => {
      const empty = buildReport([], WEEK, ADA);
      assert.deepEqual(empty.totals, { hours: 0, billable: 0, nonBillable: 0 });
      assert.equal(empty.days.length, 7);
      assert.deepEqual(empty.projects, []);
    });
  });

  describe('CSV', () => {
    it('leaves plain text alone and writes numbers and flags plainly', () => {
      assert.equal(csvLine(['Website', 1.5, true, false, null, undefined]), 'Website,1.5,yes,no,,');
    });

    it('quotes commas, quotes and line breaks, doubling quotes', () => {
      assert.equal(csvField('Acme, Inc.'), '"Acme, Inc."');
      assert.equal(csvField('say "hi"'), '"say ""hi"""');
      assert.equal(csvField('two\nlines'), '"two\nlines"');
      assert.equal(csvField('cr\r\nlf'), '"cr\r\nlf"');
    });

    it('keeps text that starts like a formula from running as one', () => {
      assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
      assert.equal(csvField('+1 555'), "'+1 555");
      assert.equal(csvField('-2'), "'-2");
      assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvField('\tcmd'), "'\tcmd");
      assert.equal(csvField('a=b'), 'a=b', 'only a leading character counts');
    });

    it('writes a header and one line per entry, oldest first, CRLF line ends', () => {
      const csv = timeEntriesCsv([
        entry('2026-03-11', 2, { description: 'Review, "final"' }),
        entry('2026-03-09', 0.25, { billable: false, description: '=1+1' }),
      ]);
      assert.equal(
        csv,
        'Date,Person,Client,Project,Module,Task,Work type,Hours,Billable,Description\r\n' +
          "2026-03-09,Ada Lovelace,Acme,Website,,Footer,Development,0.25,no,'=1+1\r\n" +
          '2026-03-11,Ada Lovelace,Acme,Website,,Footer,Development,2.00,yes,"Review, ""final"""\r\n',
      );
    });
  });

  describe('report page', () => {
    const hostile = buildReport(
      [entry('2026-03-10', 3, { project: '<img src=x onerror=alert(1)>', workType: '"Design" & <b>more</b>' })],
      WEEK,
      { id: 3, name: "O'Neil <script>" },
    );
    const html = timeReportHtml({ cspSource: 'vscode-webview://abc', nonce: 'n0nce', report: hostile, hourFormat: 'hoursMinutes' });

    it('has a strict content security policy with the nonce', () => {
      assert.ok(
        html.includes(
          `content="default-src &#39;none&#39;; style-src vscode-webview://abc &#39;nonce-n0nce&#39;; script-src &#39;nonce-n0nce&#39;"`,
        ),
      );
      assert.equal((html.match(/<script/g) ?? []).length, 1);
      assert.ok(html.includes('<script nonce="n0nce">'));
      assert.ok(html.includes('<style nonce="n0nce">'));
      assert.doesNotMatch(html, /https?:\/\//, 'no remote resources');
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i, 'no inline event handlers');
      assert.doesNotMatch(html, /innerHTML/);
    });

    it('escapes every string from the service', () => {
      assert.ok(!html.includes('<img'));
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(html.includes('&quot;Design&quot; &amp; &lt;b&gt;more&lt;/b&gt;'));
      assert.ok(html.includes('O&#39;Neil &lt;script&gt;'));
    });

    it('shows the totals and a bar per day', () => {
      assert.ok(html.includes('<strong>3 h</strong>'));
      assert.equal((html.match(/<rect class="billable"/g) ?? []).length, 7);
    });

    it('escapes the five HTML characters', () => {
      assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    });
  });
});
