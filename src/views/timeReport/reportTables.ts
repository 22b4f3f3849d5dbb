import type { TimeEntry } from '../../api/types';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../time/duration';
import type { DayTotals, GroupTotals, TimeReport } from '../../timeReport/reportModel';

/** Every string from the service goes through this before it reaches the page. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** Hours in the user's hour format (`intervals.hourFormat`), the one way the page writes time. */
export type HoursText = (hours: number) => string;

export function hoursText(format: HourFormat): HoursText {
  return (hours) => formatDurationAs(hours * SECONDS_PER_HOUR, format);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function weekday(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return WEEKDAYS[new Date(year, month - 1, day).getDay()];
}

const NUMBER_HEADINGS = '<th scope="col" class="num">Hours</th><th scope="col" class="num">Billable</th><th scope="col" class="num">Non-billable</th>';

function hourCells(totals: { hours: number; billable: number; nonBillable: number }, hours: HoursText): string {
  return `<td class="num">${hours(totals.hours)}</td><td class="num">${hours(totals.billable)}</td><td class="num">${hours(totals.nonBillable)}</td>`;
}

function table(caption: string, headings: string, rows: string, columns: number, id?: string): string {
  const body = rows || `<tr><td colspan="${columns}">No time in this range.</td></tr>`;
  return `<table${id ? ` id="${id}"` : ''}><caption>${escapeHtml(caption)}</caption><thead><tr>${headings}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One "By …" table: a group per row with its hours and its share, the shares adding up to 100%. */
export function groupTable(caption: string, heading: string, groups: readonly GroupTotals[], hours: HoursText): string {
  const rows = groups
    .map(
      (g) =>
        `<tr><td>${escapeHtml(g.name)}${g.detail ? ` <span class="muted">· ${escapeHtml(g.detail)}</span>` : ''}</td>` +
        `${hourCells(g, hours)}<td class="num">${g.percent}%</td></tr>`,
    )
    .join('');
  return table(caption, `<th scope="col">${escapeHtml(heading)}</th>${NUMBER_HEADINGS}<th scope="col" class="num">Share</th>`, rows, 5);
}

export function dayTable(days: readonly DayTotals[], hours: HoursText): string {
  const rows = days
    .map((d) => `<tr${d.hours === 0 ? ' class="empty"' : ''}><td>${escapeHtml(weekday(d.date))} ${escapeHtml(d.date)}</td>${hourCells(d, hours)}</tr>`)
    .join('');
  return table('By day', `<th scope="col">Day</th>${NUMBER_HEADINGS}`, rows, 4);
}

interface EntryColumn {
  heading: string;
  numeric?: boolean;
  /** The cell's text, escaped here. */
  text(entry: TimeEntry): string;
  /** What the column sorts by when it is not the text (a number, an ISO date). */
  sortKey?(entry: TimeEntry): string;
}

function entryColumns(everyone: boolean, hours: HoursText): EntryColumn[] {
  return [
    { heading: 'Date', text: (e) => `${weekday(e.date)} ${e.date}`, sortKey: (e) => e.date },
    ...(everyone ? [{ heading: 'Person', text: (e: TimeEntry) => e.person ?? '' }] : []),
    { heading: 'Client', text: (e) => e.client ?? '' },
    { heading: 'Project', text: (e) => e.project ?? '' },
    { heading: 'Task', text: (e) => e.task ?? '' },
    { heading: 'Work type', text: (e) => e.workType ?? '' },
    { heading: 'Hours', numeric: true, text: (e) => hours(e.time), sortKey: (e) => String(Math.round(e.time * 100)) },
    { heading: 'Billable', text: (e) => (e.billable ? 'yes' : 'no') },
    { heading: 'Description', text: (e) => e.description ?? '' },
  ];
}

/**
 * Every entry of the report, oldest first. Each heading is a button (Tab reaches it, Enter or
 * Space sorts; again, the other way); `aria-sort` tells which column orders the rows.
 */
export function entriesTable(report: TimeReport, hours: HoursText): string {
  const columns = entryColumns(report.person.id === 'everyone', hours);
  const headings = columns
    .map(
      (column, index) =>
        `<th scope="col"${column.numeric ? ' class="num" data-kind="number"' : ''}${index === 0 ? ' aria-sort="ascending"' : ''}>` +
        `<button type="button" class="sort">${escapeHtml(column.heading)}</button></th>`,
    )
    .join('');
  const rows = report.entries
    .map((entry, order) => {
      const cells = columns.map((column) => {
        const key = column.sortKey ? ` data-sort="${escapeHtml(column.sortKey(entry))}"` : '';
        return `<td${column.numeric ? ' class="num"' : ''}${key}>${escapeHtml(column.text(entry))}</td>`;
      });
      return `<tr data-order="${order}">${cells.join('')}</tr>`;
    })
    .join('');
  return table('Entries', headings, rows, columns.length, 'entries');
}

/**
 * The page's one script (it carries the policy's nonce): the export button, and sorting the
 * entries by a column. It moves the rows it was given, never writes markup. No `<` in it.
 */
export const PAGE_SCRIPT = [
  "const vscode = acquireVsCodeApi();",
  "document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));",
  "const entries = document.getElementById('entries');",
  'const headers = Array.from(entries.tHead.rows[0].cells);',
  'const body = entries.tBodies[0];',
  'const keyOf = (row, column) => row.cells[column].dataset.sort ?? row.cells[column].textContent;',
  'function sortBy(column) {',
  '  const header = headers[column];',
  "  const ascending = header.getAttribute('aria-sort') !== 'ascending';",
  "  const numeric = header.dataset.kind === 'number';",
  "  headers.forEach((each) => each.removeAttribute('aria-sort'));",
  "  header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');",
  "  const rows = Array.from(body.rows).filter((row) => row.dataset.order !== undefined);",
  '  rows.sort((a, b) => {',
  '    const x = keyOf(a, column);',
  '    const y = keyOf(b, column);',
  '    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);',
  '    return (ascending ? order : -order) || Number(a.dataset.order) - Number(b.dataset.order);',
  '  });',
  '  body.append(...rows);',
  "  document.getElementById('sort-status').textContent = 'Entries sorted by ' + header.textContent.trim() + (ascending ? ', ascending' : ', descending');",
  '}',
  "headers.forEach((header, column) => header.querySelector('button').addEventListener('click', () => sortBy(column)));",
].join('\n');
