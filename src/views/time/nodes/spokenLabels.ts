import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TimeEntry } from '../../../api/types';
import type { OutboxItem } from '../../../outbox/outbox';
import { fromIsoDate } from '../../../time/dates';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../../time/duration';
import type { TimeDay } from '../../../timeLog/timeWeek';
import type { QueuedTimeEntry } from '../../../timeLog/timeEntryDraft';

/*
 * What a screen reader says for the rows of My Time: the row's kind, then its facts in the order
 * the row shows them, each once (VS Code reads this instead of the label, description and icon).
 */

function spokenHours(hours: number, format: HourFormat): string {
  return formatDurationAs(hours * SECONDS_PER_HOUR, format);
}

/** `Monday, November 30`, in the display language. */
function spokenDate(iso: string): string {
  const date = fromIsoDate(iso);
  return date ? date.toLocaleDateString(vscode.env.language, { weekday: 'long', day: 'numeric', month: 'long' }) : iso;
}

function entryCount(count: number): string {
  return count === 1 ? l10n.t('1 time entry') : l10n.t('{0} time entries', count);
}

/** `Monday, November 30, today, 7 h 30 min logged, 3 time entries` */
export function daySpokenLabel(day: TimeDay, today: boolean, format: HourFormat): string {
  const date = spokenDate(day.date);
  if (day.entries.length === 0) {
    return today ? l10n.t('{0}, today, nothing logged', date) : l10n.t('{0}, nothing logged', date);
  }
  const hours = spokenHours(day.hours, format);
  const entries = entryCount(day.entries.length);
  return today ? l10n.t('{0}, today, {1} logged, {2}', date, hours, entries) : l10n.t('{0}, {1} logged, {2}', date, hours, entries);
}

/** `Time entry, 1 h 30 min, Fix login, Website Redesign, Engineering, billable` */
export function entrySpokenLabel(entry: TimeEntry, title: string, format: HourFormat): string {
  const facts = [entry.project, entry.workType].filter((part): part is string => !!part);
  const billable = entry.billable ? l10n.t({ message: 'billable', comment: ['Said of a time entry'] }) : l10n.t({ message: 'not billable', comment: ['Said of a time entry'] });
  return l10n.t('Time entry, {0}, {1}', spokenHours(entry.time, format), [title, ...facts, billable].join(', '));
}

/** `Waiting to sync, 2 time entries` */
export function waitingGroupSpokenLabel(count: number): string {
  return l10n.t('Waiting to sync, {0}', entryCount(count));
}

/** `Time entry waiting to sync, 1 h 30 min, #12 Fix login, 2026-11-27`; a refused one says why. */
export function waitingSpokenLabel(item: OutboxItem<QueuedTimeEntry>, format: HourFormat): string {
  const { input, taskLabel } = item.payload;
  const hours = spokenHours(input.time, format);
  const date = spokenDate(input.date);
  if (item.state === 'failed') {
    return item.lastError
      ? l10n.t('Time entry refused by Intervals, {0}, {1}, {2}: {3}. Retry or discard it.', hours, taskLabel, date, item.lastError)
      : l10n.t('Time entry refused by Intervals, {0}, {1}, {2}. Retry or discard it.', hours, taskLabel, date);
  }
  return l10n.t('Time entry waiting to sync, {0}, {1}, {2}', hours, taskLabel, date);
}
