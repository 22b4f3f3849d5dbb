import * as l10n from '@vscode/l10n';
import type { TimeEntry } from '../../api/types';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../time/duration';
import type { DayTotals, GroupTotals, TimeReport } from '../../timeReport/reportModel';
import { escapeHtml } from '../webview/pageShell';

/** Hours in the user's hour format (`intervals.hourFormat`), the one way the page writes time. */
export type HoursText = (hours: number) => string;

export function hoursText(format: HourFormat): HoursText {
  return (hours) => formatDurationAs(hours * SECONDS_PER_HOUR, format);
}

/** `Mon`, in the page's language (the display language). */
export function weekday(iso: string, language = 'en'): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day).toLocaleDateString(language, { weekday: 'short' });
}

/** The column headings of the report's tables; the comment tells translators they head columns. */
export function columnHeadings(): Record<'hours' | 'billable' | 'nonBillable' | 'share' | 'day' | 'date' | 'person' | 'client' | 'project' | 'task' | 'workType' | 'description', string> {
  return {
    hours: l10n.t({ message: 'Hours', comment: ['A column heading of the time report'] }),
    billable: l10n.t({ message: 'Billable', comment: ['A column heading of the time report'] }),
    nonBillable: l10n.t({ message: 'Non-billable', comment: ['A column heading of the time report'] }),
    share: l10n.t({ message: 'Share', comment: ['A column heading of the time report'] }),
    day: l10n.t({ message: 'Day', comment: ['A column heading of the time report'] }),
    date: l10n.t({ message: 'Date', comment: ['A column heading of the time report'] }),
    person: l10n.t({ message: 'Person', comment: ['A column heading of the time report'] }),
    client: l10n.t({ message: 'Client', comment: ['A column heading of the time report'] }),
    project: l10n.t({ message: 'Project', comment: ['A column heading of the time report'] }),
    task: l10n.t({ message: 'Task', comment: ['A column heading of the time report'] }),
    workType: l10n.t({ message: 'Work type', comment: ['A column heading of the time report'] }),
    description: l10n.t({ message: 'Description', comment: ['A column heading of the time report'] }),
  };
}

function numberHeadings(): string {
  const h = columnHeadings();
  // l10n-ignore: markup; its words come from l10n.t
  return [h.hours, h.billable, h.nonBillable].map((text) => `<th scope="col" class="num">${escapeHtml(text)}</th>`).join('');
}

function hourCells(totals: { hours: number; billable: number; nonBillable: number }, hours: HoursText): string {
  // l10n-ignore: markup; its words come from l10n.t
  return `<td class="num">${hours(totals.hours)}</td><td class="num">${hours(totals.billable)}</td><td class="num">${hours(totals.nonBillable)}</td>`;
}

function table(caption: string, headings: string, rows: string, columns: number, id?: string): string {
  // l10n-ignore: markup; its words come from l10n.t
  const body = rows || `<tr><td colspan="${columns}">${escapeHtml(l10n.t('No time in this range.'))}</td></tr>`;
  return `<table${id ? ` id="${id}"` : ''}><caption>${escapeHtml(caption)}</caption><thead><tr>${headings}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One "By …" table: a group per row with its hours and its share, the shares adding up to 100%. */
export function groupTable(caption: string, groupHeading: string, groups: readonly GroupTotals[], hours: HoursText): string {
  const rows = groups
    .map(
      (g) =>
        // l10n-ignore: markup; its words come from l10n.t
        `<tr><th scope="row">${escapeHtml(g.name)}${g.detail ? ` <span class="muted">· ${escapeHtml(g.detail)}</span>` : ''}</th>` +
        // l10n-ignore: markup; its words come from l10n.t
        `${hourCells(g, hours)}<td class="num">${g.percent}%</td></tr>`,
    )
    .join('');
  // l10n-ignore: markup; its words come from l10n.t
  const headings = `<th scope="col">${escapeHtml(groupHeading)}</th>${numberHeadings()}<th scope="col" class="num">${escapeHtml(columnHeadings().share)}</th>`;
  return table(caption, headings, rows, 5);
}

export function dayTable(days: readonly DayTotals[], hours: HoursText, language = 'en'): string {
  const rows = days
    // l10n-ignore: markup; its words come from l10n.t
    .map((d) => `<tr${d.hours === 0 ? ' class="empty"' : ''}><th scope="row">${escapeHtml(weekday(d.date, language))} ${escapeHtml(d.date)}</th>${hourCells(d, hours)}</tr>`)
    .join('');
  // l10n-ignore: markup; its words come from l10n.t
  return table(l10n.t('By day'), `<th scope="col">${escapeHtml(columnHeadings().day)}</th>${numberHeadings()}`, rows, 4);
}

interface EntryColumn {
  heading: string;
  numeric?: boolean;
  /** The cell's text, escaped here. */
  text(entry: TimeEntry): string;
  /** What the column sorts by when it is not the text (a number, an ISO date). */
  sortKey?(entry: TimeEntry): string;
}

function entryColumns(everyone: boolean, hours: HoursText, language: string): EntryColumn[] {
  const yes = l10n.t({ message: 'yes', comment: ['In the Billable column of the time report'] });
  const no = l10n.t({ message: 'no', comment: ['In the Billable column of the time report'] });
  const h = columnHeadings();
  return [
    { heading: h.date, text: (e) => `${weekday(e.date, language)} ${e.date}`, sortKey: (e) => e.date },
    ...(everyone ? [{ heading: h.person, text: (e: TimeEntry) => e.person ?? '' }] : []),
    { heading: h.client, text: (e) => e.client ?? '' },
    { heading: h.project, text: (e) => e.project ?? '' },
    { heading: h.task, text: (e) => e.task ?? '' },
    { heading: h.workType, text: (e) => e.workType ?? '' },
    { heading: h.hours, numeric: true, text: (e) => hours(e.time), sortKey: (e) => String(Math.round(e.time * 100)) },
    { heading: h.billable, text: (e) => (e.billable ? yes : no) },
    { heading: h.description, text: (e) => e.description ?? '' },
  ];
}

/**
 * Every entry of the report, oldest first. Each heading is a button (Tab reaches it, Enter or
 * Space sorts; again, the other way); `aria-sort` tells which column orders the rows, and the
 * status line below the table says it in words once the order changes.
 */
export function entriesTable(report: TimeReport, hours: HoursText, language = 'en'): string {
  const columns = entryColumns(report.person.id === 'everyone', hours, language);
  const headings = columns
    .map(
      (column, index) =>
        // l10n-ignore: markup; its words come from l10n.t
        `<th scope="col"${column.numeric ? ' class="num" data-kind="number"' : ''}${index === 0 ? ' aria-sort="ascending"' : ''}>` +
        // l10n-ignore: markup; its words come from l10n.t
        `<button type="button" class="sort">${escapeHtml(column.heading)}</button></th>`,
    )
    .join('');
  const rows = report.entries
    .map((entry, order) => {
      const cells = columns.map((column) => {
        const key = column.sortKey ? ` data-sort="${escapeHtml(column.sortKey(entry))}"` : '';
        return `<td${column.numeric ? ' class="num"' : ''}${key}>${escapeHtml(column.text(entry))}</td>`;
      });
      // l10n-ignore: markup; its words come from l10n.t
      return `<tr data-order="${order}">${cells.join('')}</tr>`;
    })
    .join('');
  const status =
    `<p id="sort-status" class="visually-hidden" aria-live="polite"` +
    ` data-ascending="${escapeHtml(l10n.t('Entries sorted by {0}, ascending'))}" data-descending="${escapeHtml(l10n.t('Entries sorted by {0}, descending'))}"></p>`;
  return table(l10n.t('Entries'), headings, rows, columns.length, 'entries') + status;
}

/**
 * The page's one script (it carries the policy's nonce): the export button, and sorting the
 * entries by a column. It moves the rows it was given, never writes markup; the words it says
 * come from the status line's data attributes, in the display language. No `<` in it.
 */
// l10n-ignore: code that runs in the page, no words
export const PAGE_SCRIPT = `const vscode = acquireVsCodeApi();
document.getElementById('export').addEventListener('click', () => vscode.postMessage({ type: 'exportCsv' }));
const entries = document.getElementById('entries');
const status = document.getElementById('sort-status');
const headers = Array.from(entries.tHead.rows[0].cells);
const body = entries.tBodies[0];
const keyOf = (row, column) => row.cells[column].dataset.sort ?? row.cells[column].textContent;
function sortBy(column) {
  const header = headers[column];
  const ascending = header.getAttribute('aria-sort') !== 'ascending';
  const numeric = header.dataset.kind === 'number';
  headers.forEach((each) => each.removeAttribute('aria-sort'));
  header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  const rows = Array.from(body.rows).filter((row) => row.dataset.order !== undefined);
  rows.sort((a, b) => {
    const x = keyOf(a, column);
    const y = keyOf(b, column);
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, document.documentElement.lang);
    return (ascending ? order : -order) || Number(a.dataset.order) - Number(b.dataset.order);
  });
  body.append(...rows);
  status.textContent = (ascending ? status.dataset.ascending : status.dataset.descending).replace('{0}', header.textContent.trim());
}
headers.forEach((header, column) => header.querySelector('button').addEventListener('click', () => sortBy(column)));`;
