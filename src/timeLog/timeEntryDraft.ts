import type { TimeEntry, TimeEntryInput } from '../api/types';
import { fromIsoDate } from '../time/dates';
import {
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
      return { ok: false, message: 'The duration is not a number.' };
    }
    if (value <= 0) {
      return { ok: false, message: value === 0 ? 'The duration is zero; enter a positive duration.' : 'A duration cannot be negative.' };
    }
    seconds = Math.round(value * SECONDS_PER_HOUR);
    if (seconds > MAX_DURATION_SECONDS) {
      return { ok: false, message: `${value} h is more than 24 hours; one entry covers at most a day.` };
    }
  } else if (typeof value === 'string') {
    const parsed = parseDuration(value);
    if (!parsed.ok) {
      return parsed;
    }
    seconds = parsed.seconds;
  } else {
    return { ok: false, message: 'Enter a duration, for example 1:30, 1.5, 90m or 9:15-10:45.' };
  }
  const rounded = roundDuration(seconds, rounding.rounding, rounding.mode);
  if (rounded <= 0) {
    // Hours so small they come to no whole second (0.0001 h); rounding never takes a duration to zero.
    return { ok: false, message: 'The duration is zero; enter a positive duration.' };
  }
  const alreadySeconds = Math.max(0, Math.round(loggedThatDayHours * SECONDS_PER_HOUR));
  if (rounded + alreadySeconds > MAX_DURATION_SECONDS) {
    return {
      ok: false,
      message:
        `${formatDuration(rounded)} would make the day ${formatDuration(rounded + alreadySeconds)}, ` +
        `more than 24 hours (${formatDuration(alreadySeconds)} already logged that day).`,
    };
  }
  const roundedNote = rounded !== seconds ? ` (rounded from ${formatDuration(seconds)})` : '';
  return { ok: true, seconds: rounded, hours: secondsToHours(rounded), understood: describeDuration(rounded) + roundedNote };
}

/** A strict `YYYY-MM-DD` argument, checked against the calendar. */
export function checkIsoDate(value: unknown): { ok: true; iso: string } | { ok: false; message: string } {
  if (typeof value === 'string' && fromIsoDate(value.trim())) {
    return { ok: true, iso: value.trim() };
  }
  return { ok: false, message: `${JSON.stringify(value)} is not a date; give it as YYYY-MM-DD.` };
}

/** What a queued time entry keeps besides the request body: names to show while it waits. */
export interface QueuedTimeEntry {
  input: TimeEntryInput;
  /** The timer this entry was made from; deleted once the entry is on the server. */
  timerId?: number;
  taskLabel: string;
  project: string | null;
  workType: string | null;
}

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? '').trim() === (b ?? '').trim();
}

/**
 * Whether an entry found on the server is the one a request that may have reached it would have
 * created: same person, day, task, work type, duration (to the hundredth of an hour, the
 * precision a service may round to), billable flag and description.
 */
export function isSameEntry(entry: TimeEntry, input: TimeEntryInput): boolean {
  return (
    entry.personId === input.personId &&
    entry.date === input.date &&
    (entry.taskId ?? null) === (input.taskId ?? null) &&
    entry.workTypeId === input.workTypeId &&
    Math.abs(entry.time - input.time) < 0.005 &&
    (input.billable === undefined || entry.billable === input.billable) &&
    sameText(entry.description, input.description)
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
