/**
 * Calendar dates in the user's local time zone.
 *
 * Intervals dates are plain `YYYY-MM-DD` days, so a day is never derived from a UTC instant
 * (`toISOString()` would turn late evening into tomorrow east of Greenwich, and early morning
 * into yesterday west of it). Every helper here works on local year/month/day components and
 * returns local midnight; day arithmetic goes through the calendar, so DST days of 23 or 25
 * hours still count as one day.
 */

/** 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type DateParseResult = { ok: true; date: Date; iso: string } | { ok: false; message: string };

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MS_PER_DAY = 86_400_000;
/** `-N` goes back at most ten years: anything further is a typo, not a timesheet. */
const MAX_DAYS_BACK = 3660;

/** Local midnight of a calendar day; `month` is 1-based. Years below 100 are not shifted to 19xx. */
export function localDate(year: number, month: number, day: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day);
  return date;
}

export function startOfDay(date: Date): Date {
  return localDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** `YYYY-MM-DD` of the local calendar day. */
export function toIsoDate(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Local midnight of a strict `YYYY-MM-DD`, or undefined when it is malformed or not a real day. */
export function fromIsoDate(iso: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? localDate(year, month, day)
    : undefined;
}

/** `month` is 1-based. */
export function daysInMonth(year: number, month: number): number {
  return localDate(year, month + 1, 0).getDate();
}

export function addDays(date: Date, days: number): Date {
  return localDate(date.getFullYear(), date.getMonth() + 1, date.getDate() + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier), ignoring time of day. */
export function daysBetween(from: Date, to: Date): number {
  const utcDay = (date: Date): number => Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((utcDay(to) - utcDay(from)) / MS_PER_DAY);
}

export function startOfWeek(date: Date, weekStartsOn: Weekday = 1): Date {
  return addDays(date, -((date.getDay() - weekStartsOn + 7) % 7));
}

export function startOfMonth(date: Date): Date {
  return localDate(date.getFullYear(), date.getMonth() + 1, 1);
}

export const DATE_RANGE_KINDS = ['today', 'yesterday', 'thisWeek', 'lastWeek', 'thisMonth', 'lastMonth'] as const;
export type DateRangeKind = (typeof DATE_RANGE_KINDS)[number];

/** Inclusive range of days, as Intervals' `datebegin` / `dateend` filters take them. */
export interface DateRange {
  start: string;
  end: string;
}

/** Whole weeks and months, including days after `today` (a week view shows all seven days). */
export function rangeFor(kind: DateRangeKind, today: Date, weekStartsOn: Weekday = 1): DateRange {
  const span = (start: Date, end: Date): DateRange => ({ start: toIsoDate(start), end: toIsoDate(end) });
  switch (kind) {
    case 'today':
      return span(today, today);
    case 'yesterday':
      return span(addDays(today, -1), addDays(today, -1));
    case 'thisWeek': {
      const start = startOfWeek(today, weekStartsOn);
      return span(start, addDays(start, 6));
    }
    case 'lastWeek': {
      const start = addDays(startOfWeek(today, weekStartsOn), -7);
      return span(start, addDays(start, 6));
    }
    case 'thisMonth': {
      const start = startOfMonth(today);
      return span(start, addDays(localDate(start.getFullYear(), start.getMonth() + 2, 1), -1));
    }
    case 'lastMonth': {
      const end = addDays(startOfMonth(today), -1);
      return span(startOfMonth(end), end);
    }
  }
}

/** Every day of an inclusive range, in order; empty when the range is reversed or malformed. */
export function eachDay(range: DateRange): string[] {
  const start = fromIsoDate(range.start);
  const end = fromIsoDate(range.end);
  if (!start || !end) {
    return [];
  }
  const count = daysBetween(start, end) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, index) => toIsoDate(addDays(start, index)));
}

/** A day written out in the user's locale, e.g. "Friday, November 27, 2026": what a prompt understood. */
export function dayInWords(date: Date): string {
  return date.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

const HELP = 'enter today, yesterday, a weekday (mon, last fri), -2 for two days ago, or YYYY-MM-DD';

/**
 * Reads a day typed by the user, relative to `today` (a local date):
 * - `today`, `yesterday`
 * - a weekday (`monday`, `mon`, `thurs`: any prefix of 3+ letters) means the most recent such
 *   day, today included; `last monday` means the one before today (1 to 7 days ago)
 * - `-N` means N days ago (`-0` is today)
 * - `YYYY-MM-DD` (single-digit month or day accepted), checked against the calendar
 */
export function parseDate(input: string, today: Date): DateParseResult {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = startOfDay(today);
  const ok = (date: Date): DateParseResult => ({ ok: true, date, iso: toIsoDate(date) });
  if (text === '') {
    return { ok: false, message: `Enter a date: ${HELP}.` };
  }
  if (text === 'today') {
    return ok(base);
  }
  if (text === 'yesterday') {
    return ok(addDays(base, -1));
  }
  const weekday = /^(last )?([a-z]+)$/.exec(text);
  const target = weekday ? weekdayFromName(weekday[2]) : undefined;
  if (weekday && target !== undefined) {
    const back = (base.getDay() - target + 7) % 7;
    return ok(addDays(base, weekday[1] && back === 0 ? -7 : -back));
  }
  const relative = /^-(\d+)$/.exec(text);
  if (relative) {
    const days = Number(relative[1]);
    return days > MAX_DAYS_BACK
      ? { ok: false, message: `${text} goes back more than ten years; enter the date as YYYY-MM-DD.` }
      : ok(addDays(base, -days));
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    return checkCalendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), input.trim());
  }
  return { ok: false, message: `"${input.trim()}" is not a date; ${HELP}.` };
}

function weekdayFromName(name: string): Weekday | undefined {
  if (name.length < 3) {
    return undefined;
  }
  const index = WEEKDAY_NAMES.findIndex((full) => full.startsWith(name));
  return index < 0 ? undefined : (index as Weekday);
}

function checkCalendar(year: number, month: number, day: number, shown: string): DateParseResult {
  if (month < 1 || month > 12) {
    return { ok: false, message: `${shown} is not a date: the month must be 01 to 12.` };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return {
      ok: false,
      message: `${shown} is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${last} days.`,
    };
  }
  const date = localDate(year, month, day);
  return { ok: true, date, iso: toIsoDate(date) };
}
