import * as l10n from '@vscode/l10n';
import type { TimeEntry } from '../api/types';

/**
 * A spreadsheet treats a cell starting with one of these as a formula; text from the service
 * (a description like `=HYPERLINK(...)`) must stay text, so such cells get a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

/** The column names, in the display language; the values stay machine-readable (`1.50`, ISO dates). */
function header(): string[] {
  return [
    l10n.t('Date'),
    l10n.t('Person'),
    l10n.t('Client'),
    l10n.t('Project'),
    l10n.t('Module'),
    l10n.t('Task'),
    l10n.t('Work type'),
    l10n.t('Hours'),
    l10n.t('Billable'),
    l10n.t('Description'),
  ];
}

/** The entries of a report as CSV, oldest first, CRLF line ends as RFC 4180 has them. */
export function timeEntriesCsv(entries: readonly TimeEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const lines = [
    csvLine(header()),
    ...sorted.map((e) =>
      csvLine([e.date, e.person, e.client, e.project, e.module, e.task, e.workType, e.time.toFixed(2), e.billable, e.description]),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
