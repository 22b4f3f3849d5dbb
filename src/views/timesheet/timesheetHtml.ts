import * as l10n from '@vscode/l10n';
import { formatDayInWords, formatNumber } from '../../time/localeFormat';
import { fromIsoDate } from '../../time/dates';
import type { HourFormat } from '../../time/duration';
import type { SheetCell, SheetRow, Timesheet } from '../../timesheet/timesheetGrid';
import { hoursText, weekday, type HoursText } from '../timeReport/reportTables';
import { escapeHtml, pageDocument } from '../webview/pageShell';
import { SHEET_SCRIPT, SHEET_STYLE } from './timesheetScript';

export interface SheetPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random value per render; the only script and style that run carry it. */
  nonce: string;
  sheet: Timesheet;
  /** `Nov 30 – Dec 6`. */
  weekLabel: string;
  hourFormat: HourFormat;
  /** The display language: the page's `lang` and its weekdays. */
  language: string;
  /** Why the week cannot change (Intervals approved or locked it), when it cannot. */
  readOnly?: string;
  /** A message about the last edit: a value that is no duration, a refusal, an entry waiting to sync. */
  notice?: { kind: 'error' | 'info'; text: string };
}

/** What a cell shows and starts an edit from: `1:30` or `1.5` (the hour format without its unit), empty for no time. */
export function cellText(hours: number, format: HourFormat): string {
  if (hours <= 0) {
    return '';
  }
  if (format === 'decimal') {
    return formatNumber(Math.round(hours * 100) / 100, 0, 2);
  }
  const minutes = Math.round(hours * 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function dayName(iso: string): string {
  const date = fromIsoDate(iso);
  return date ? formatDayInWords(date) : iso;
}

function rowName(row: SheetRow): string {
  return row.workType ? l10n.t('{0}, {1}', row.title, row.workType) : row.title;
}

function cellLabel(row: SheetRow, cell: SheetCell, hours: HoursText): string {
  const time = cell.hours > 0 ? hours(cell.hours) : l10n.t('no time');
  const label = l10n.t('{0} on {1}: {2}', rowName(row), dayName(cell.date), time);
  if (cell.pending > 0) {
    return `${label} ${l10n.t('(waiting to sync)')}`;
  }
  return cell.entries.length > 1 ? `${label} ${l10n.t('({0} entries)', cell.entries.length)}` : label;
}

function cellHtml(row: SheetRow, cell: SheetCell, page: SheetPage, hours: HoursText): string {
  const readOnly = page.readOnly !== undefined || cell.approved || cell.pending > 0;
  const text = cellText(cell.hours, page.hourFormat);
  const classes = ['cell', ...(cell.pending > 0 ? ['pending'] : []), ...(cell.entries.length > 1 ? ['several'] : [])].join(' ');
  return (
    // l10n-ignore: markup; its words come from l10n.t
    `<td class="num"><input type="text" class="${classes}" inputmode="decimal" autocomplete="off" spellcheck="false" size="5"` +
    ` data-row="${escapeHtml(row.key)}" data-date="${cell.date}" data-value="${escapeHtml(text)}" value="${escapeHtml(text)}"` +
    // l10n-ignore: markup; its words come from l10n.t
    ` aria-label="${escapeHtml(cellLabel(row, cell, hours))}"${readOnly ? ' readonly aria-readonly="true"' : ''}></td>`
  );
}

function bodyRows(page: SheetPage, hours: HoursText): string {
  if (page.sheet.rows.length === 0) {
    // l10n-ignore: markup; its words come from l10n.t
    return `<tr class="empty"><td colspan="9">${escapeHtml(l10n.t('No time this week. Add a row, or copy last week\'s rows.'))}</td></tr>`;
  }
  return page.sheet.rows
    .map((row) => {
      const detail = [row.project, row.workType].filter((part): part is string => !!part).join(' · ');
      return (
        // l10n-ignore: markup; its words come from l10n.t
        `<tr><th scope="row"><span class="title">${escapeHtml(row.title)}</span><span class="detail">${escapeHtml(detail)}</span></th>` +
        row.cells.map((cell) => cellHtml(row, cell, page, hours)).join('') +
        // l10n-ignore: markup; its words come from l10n.t
        `<td class="num total">${row.hours > 0 ? escapeHtml(hours(row.hours)) : ''}</td></tr>`
      );
    })
    .join('');
}

function headRow(page: SheetPage, hours: HoursText): string {
  const days = page.sheet.days
    .map(
      (day) =>
        // l10n-ignore: markup; its words come from l10n.t
        `<th scope="col" class="num" abbr="${escapeHtml(dayName(day.date))}">${escapeHtml(weekday(day.date, page.language))} ${Number(day.date.slice(8))}` +
        // l10n-ignore: markup; its words come from l10n.t
        (day.target > 0 ? `<span class="target">${escapeHtml(l10n.t('target {0}', hours(day.target)))}</span>` : '') +
        `</th>`,
    )
    .join('');
  const task = l10n.t({ message: 'Task or project, work type', comment: ['The heading of the timesheet column that names each row'] });
  const total = l10n.t({ message: 'Total', comment: ['A heading of the timesheet: the hours of a row, a day or the week'] });
  // l10n-ignore: markup; its words come from l10n.t
  return `<tr><th scope="col">${escapeHtml(task)}</th>${days}<th scope="col" class="num">${escapeHtml(total)}</th></tr>`;
}

function footRows(page: SheetPage, hours: HoursText): string {
  const { sheet } = page;
  const total = l10n.t({ message: 'Total', comment: ['A heading of the timesheet: the hours of a row, a day or the week'] });
  const days = sheet.days.map((day) => {
    const under = day.target > 0 && day.hours < day.target;
    const label = day.target > 0 ? l10n.t('{0} of {1}', hours(day.hours), hours(day.target)) : hours(day.hours);
    // l10n-ignore: markup; its words come from l10n.t
    return `<td class="num${under ? ' under' : ''}" aria-label="${escapeHtml(label)}">${escapeHtml(day.hours > 0 ? hours(day.hours) : '—')}</td>`;
  });
  // l10n-ignore: markup; its words come from l10n.t
  return `<tr><th scope="row">${escapeHtml(total)}</th>${days.join('')}<td class="num total">${escapeHtml(hours(sheet.hours))}</td></tr>`;
}

function toolbar(page: SheetPage): string {
  const button = (action: string, text: string, disabled = false): string =>
    // l10n-ignore: markup; its words come from l10n.t
    `<button type="button" data-action="${action}"${disabled ? ' disabled' : ''}>${escapeHtml(text)}</button>`;
  const locked = page.readOnly !== undefined;
  return (
    // l10n-ignore: markup; its words come from l10n.t
    `<nav class="toolbar" aria-label="${escapeHtml(l10n.t('Timesheet actions'))}">` +
    button('previousWeek', l10n.t('Previous Week')) +
    button('nextWeek', l10n.t('Next Week')) +
    button('addRow', l10n.t('Add Row…'), locked) +
    button('copyLastWeek', l10n.t("Copy Last Week's Rows"), locked) +
    `</nav>`
  );
}

function notices(page: SheetPage): string {
  const locked = page.readOnly !== undefined ? `<p class="locked">${escapeHtml(l10n.t('Read-only: {0}', page.readOnly))}</p>` : '';
  const notice = page.notice;
  const role = notice?.kind === 'error' ? 'alert' : 'status';
  // l10n-ignore: markup; its words come from l10n.t
  return `${locked}<p id="notice" class="notice ${notice?.kind ?? ''}" role="${role}">${escapeHtml(notice?.text ?? '')}</p>`;
}

/**
 * The timesheet page: one table of the week, inputs in its cells. No remote resource, no inline
 * handler: one nonce'd style and one nonce'd script, every service value escaped.
 */
export function timesheetHtml(page: SheetPage): string {
  const hours = hoursText(page.hourFormat);
  const title = l10n.t('Timesheet, {0}', page.weekLabel);
  const caption = l10n.t('Hours of the week {0} by task and work type', page.weekLabel);
  const help = l10n.t('Type a duration such as 1:30, 1.5 or 90m into a day. Arrow keys move between days and rows, Enter saves, Escape cancels, Tab moves on. Empty a day to delete its time.');
  const shell = { language: page.language, title, nonce: page.nonce, cspSource: page.cspSource, style: SHEET_STYLE, script: SHEET_SCRIPT };
  // l10n-ignore: markup; its words are the l10n.t calls in it
  const body = `<main>
<h1>${escapeHtml(title)}</h1>
${toolbar(page)}
${notices(page)}
<table id="sheet" aria-describedby="help">
<caption>${escapeHtml(caption)}</caption>
<thead>${headRow(page, hours)}</thead>
<tbody>${bodyRows(page, hours)}</tbody>
<tfoot>${footRows(page, hours)}</tfoot>
</table>
<p id="help" class="muted">${escapeHtml(help)}</p>
</main>`;
  return pageDocument(shell, body, ` data-week="${escapeHtml(page.sheet.start)}"`);
}
