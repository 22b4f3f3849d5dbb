import * as l10n from '@vscode/l10n';
import type { TimeEntry, TimeEntryInput } from '../api/types';
import { fromIsoDate } from '../time/dates';
import {
  aboveZero,
  MAX_DURATION_SECONDS,
  SECONDS_PER_HOUR,
  describeDuration,
  formatDuration,
  parseDuration,
  roundDuration,
  type TimeRounding,
  type TimeRoundingMode,
} from '../time/duration';

/** Decimal hours with four places: 1 second is 0.0003 h, so nothing a user sees is lost. */
export function secondsToHours(seconds: number): number {
  return Math.round((seconds / SECONDS_PER_HOUR) * 10_000) / 10_000;
}

export type HoursCheck = { ok: true; seconds: number; hours: number; understood: string } | { ok: false; message: string };

/**
 * Reads a duration given as a number of hours or as any text `parseDuration` accepts, applies
 * the rounding setting and checks it against what the day already holds. `understood` is what
 * the prompt shows back, e.g. "1 h 30 min = 1.50 h".
 */
export function checkHours(
  value: unknown,
  rounding: { rounding: TimeRounding; mode: TimeRoundingMode },
  loggedThatDayHours = 0,
): HoursCheck {
  let seconds: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return { ok: false, message: l10n.t('The duration is not a number.') };
    }
    if (value <= 0) {
      return { ok: false, message: value === 0 ? aboveZero() : l10n.t('A duration cannot be negative.') };
    }
    seconds = Math.round(value * SECONDS_PER_HOUR);
    if (seconds > MAX_DURATION_SECONDS) {
      return { ok: false, message: l10n.t('{0} h is more than 24 hours; one entry covers at most a day.', value) };
    }
  } else if (typeof value === 'string') {
    const parsed = parseDuration(value);
    if (!parsed.ok) {
      return parsed;
    }
    seconds = parsed.seconds;
  } else {
    return { ok: false, message: l10n.t('Enter a duration, for example 1:30, 1.5, 90m or 9:15-10:45.') };
  }
  const rounded = roundDuration(seconds, rounding.rounding, rounding.mode);
  if (rounded <= 0) {
    // Hours so small they come to no whole second (0.0001 h); rounding never takes a duration to zero.
    return { ok: false, message: aboveZero() };
  }
  const alreadySeconds = Math.max(0, Math.round(loggedThatDayHours * SECONDS_PER_HOUR));
  if (rounded + alreadySeconds > MAX_DURATION_SECONDS) {
    return {
      ok: false,
      message: l10n.t(
        '{0} would make the day {1}, more than 24 hours ({2} already logged that day).',
        formatDuration(rounded),
        formatDuration(rounded + alreadySeconds),
        formatDuration(alreadySeconds),
      ),
    };
  }
  const roundedNote = rounded !== seconds ? ` ${l10n.t('(rounded from {0})', formatDuration(seconds))}` : '';
  return { ok: true, seconds: rounded, hours: secondsToHours(rounded), understood: describeDuration(rounded) + roundedNote };
}

/** A strict `YYYY-MM-DD` argument, checked against the calendar. */
export function checkIsoDate(value: unknown): { ok: true; iso: string } | { ok: false; message: string } {
  if (typeof value === 'string' && fromIsoDate(value.trim())) {
    return { ok: true, iso: value.trim() };
  }
  return { ok: false, message: l10n.t('{0} is not a date; give it as YYYY-MM-DD.', String(JSON.stringify(value))) };
}

/** What a queued time entry keeps besides the request body: names to show while it waits. */
export interface QueuedTimeEntry {
  input: TimeEntryInput;
  /** The timer this entry was made from; deleted once the entry is on the server. */
  timerId?: number;
  /**
   * Set on entries queued by this version: the service is looked at before their first request
   * (see `TimeLogSync`), so one interrupted before that look has never been sent.
   */
  snapshotFirst?: boolean;
  taskLabel: string;
  project: string | null;
  workType: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * A description as the service may give it back: HTML entities decoded (it may store `&` as
 * `&amp;`), tags removed (it may strip them), white space collapsed. Both sides of a comparison
 * go through it, so a stored text in any of these forms matches the text that was sent.
 */
export function comparableText(text: string | null | undefined): string {
  const decoded = (text ?? '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) {
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    }
    if (/^#\d+$/.test(name) && name !== '#39') {
      return String.fromCodePoint(Number(name.slice(1)));
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  return decoded
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `stored` hours can be what the service made of `sent`: equal, or `sent` rounded (to the
 * nearest, down or up) to the hundredth or the tenth of an hour, as a service may store it.
 */
export function sameHours(stored: number, sent: number): boolean {
  const near = (value: number): boolean => Math.abs(stored - value) < 1e-6;
  // The epsilon keeps floating-point noise (1.5 × 10 = 15.000000000000002) from moving floor and ceil.
  return (
    near(sent) ||
    [100, 10].some((scale) => near(Math.round(sent * scale) / scale) || near(Math.floor(sent * scale + 1e-9) / scale) || near(Math.ceil(sent * scale - 1e-9) / scale))
  );
}

/**
 * Whether an entry found on the server is the one a request that may have reached it would have
 * created: same person, day, task, work type, billable flag, hours (allowing for the precision
 * the service may store them in) and description (allowing for escaping and stripped HTML).
 */
export function isSameEntry(entry: TimeEntry, input: TimeEntryInput): boolean {
  return (
    entry.personId === input.personId &&
    entry.date === input.date &&
    (entry.taskId ?? null) === (input.taskId ?? null) &&
    entry.workTypeId === input.workTypeId &&
    sameHours(entry.time, input.time) &&
    (input.billable === undefined || entry.billable === input.billable) &&
    comparableText(entry.description) === comparableText(input.description)
  );
}

/** The hours logged on each day of a list of entries. */
export function hoursByDay(entries: readonly Pick<TimeEntry, 'date' | 'time'>[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    totals.set(entry.date, (totals.get(entry.date) ?? 0) + entry.time);
  }
  return totals;
}
