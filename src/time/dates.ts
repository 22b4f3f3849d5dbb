/**
 * Calendar dates in the user's local time zone.
 *
 * Intervals dates are plain `YYYY-MM-DD` days, so a day is never derived from a UTC instant
 * (`toISOString()` would turn late evening into tomorrow east of Greenwich, and early morning
 * into yesterday west of it). Every helper here works on local year/month/day components and
 * returns local midnight; day arithmetic goes through the calendar, so DST days of 23 or 25
 * hours still count as one day.
 */
import * as l10n from '@vscode/l10n';
import { displayLocale } from './displayLocale';
import { formatDayInWords, formatMonthOfYear, monthNames } from './localeFormat';

/** 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type DateParseResult = { ok: true; date: Date; iso: string } | { ok: false; message: string };

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** The English month names a typed date may use in every display language. */
const MONTH_NAMES = [
  // l10n-ignore: input words, not shown
  'January', 'February', 'March', 'April', 'May', 'June',
  // l10n-ignore: input words, not shown
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

/** A day written out in the display language, e.g. "Friday, November 27, 2026": what a prompt understood. */
export function dayInWords(date: Date): string {
  return formatDayInWords(date);
}

/** Which way a bare weekday or a day without a year points: back for days to log, ahead for due and end dates. */
export type DateDirection = 'past' | 'future';

export interface DateParseOptions {
  /** `past` (the default): `fri` is the last Friday, today included; `future`: the next one, today included. */
  readonly direction?: DateDirection;
  /** The locale (e.g. `en-US`, `de`) whose order `12/18` follows; the display language when not given. */
  readonly locale?: string;
}

/** The numeric example of the date help, in the locale's order. */
function numericExample(locale: string | undefined): string {
  return monthFirst(locale) ? '12/18' : '18/12';
}

/**
 * Reads a day typed by the user, relative to `today` (a local date):
 * - `today`, `yesterday`, `tomorrow`
 * - a weekday (`monday`, `mon`, `thurs`: any prefix of 3+ letters) means the most recent such day,
 *   today included, or with `direction: 'future'` the coming one; `last monday` is the one before
 *   today (1 to 7 days ago), `next monday` the one after (1 to 7 days ahead)
 * - `-N` / `+N` mean N days ago / ahead
 * - a month and day, `dec 18`, `18 dec`, `december 18` or numeric in the locale's order (`12/18`
 *   in the US, `18/12` or `18.12` elsewhere), with an optional year; without one, the year that
 *   puts it on the side of today `direction` names (within a year)
 * - `YYYY-MM-DD` (single-digit month or day accepted), checked against the calendar
 */
export function parseDate(input: string, today: Date, options: DateParseOptions = {}): DateParseResult {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = startOfDay(today);
  const ok = (date: Date): DateParseResult => ({ ok: true, date, iso: toIsoDate(date) });
  const locale = options.locale ?? displayLocale();
  if (text === '') {
    return {
      ok: false,
      message: l10n.t({
        message: 'Enter a date: enter today, tomorrow, a weekday (mon, last fri, next fri), -2 or +7 days, dec 18, {0} or YYYY-MM-DD.',
        args: [numericExample(locale)],
        comment: ['today, tomorrow, mon, last fri, next fri and dec 18 are what the user types: keep them in English.'],
      }),
    };
  }
  const named = ({ today: 0, yesterday: -1, tomorrow: 1 } as Record<string, number>)[text];
  if (named !== undefined) {
    return ok(addDays(base, named));
  }
  const weekday = /^(last |next )?([a-z]+)$/.exec(text);
  const target = weekday ? weekdayFromName(weekday[2]) : undefined;
  if (weekday && target !== undefined) {
    return ok(addDays(base, weekdayOffset(base.getDay(), target, weekday[1]?.trim() ?? options.direction ?? 'past')));
  }
  const relative = /^([-+])(\d+)$/.exec(text);
  if (relative) {
    const days = Number(relative[2]);
    return days > MAX_DAYS_BACK
      ? { ok: false, message: l10n.t('{0} is more than ten years away; enter the date as YYYY-MM-DD.', text) }
      : ok(addDays(base, relative[1] === '-' ? -days : days));
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    return checkCalendar(Number(iso[1]), Number(iso[2]), Number(iso[3]), input.trim());
  }
  const monthDay = readMonthDay(text, locale);
  if (monthDay) {
    const year = monthDay.year ?? yearFor(base, monthDay.month, monthDay.day, options.direction);
    return checkCalendar(year, monthDay.month, monthDay.day, input.trim());
  }
  return {
    ok: false,
    message: l10n.t({
      message: '"{0}" is not a date; enter today, tomorrow, a weekday (mon, last fri, next fri), -2 or +7 days, dec 18, {1} or YYYY-MM-DD.',
      args: [input.trim(), numericExample(locale)],
      comment: ['today, tomorrow, mon, last fri, next fri and dec 18 are what the user types: keep them in English.'],
    }),
  };
}

/** Days from today to the weekday: `last`/`past` back (today counts for `past`), `next`/`future` ahead. */
function weekdayOffset(from: number, target: number, way: string): number {
  const back = (from - target + 7) % 7;
  const ahead = (target - from + 7) % 7;
  switch (way) {
    case 'last':
      return back === 0 ? -7 : -back;
    case 'next':
      return ahead === 0 ? 7 : ahead;
    case 'future':
      return ahead;
    default:
      return -back;
  }
}

/** `dec 18`, `18 dec 2026`, `december 18, 2026`, `12/18`, `18.12.2026`: month, day and the year if given. */
function readMonthDay(text: string, locale: string | undefined): { month: number; day: number; year?: number } | undefined {
  const withYear = (year: string | undefined): { year?: number } => (year === undefined ? {} : { year: Number(year.length === 2 ? `20${year}` : year) });
  const nameFirst = /^(\p{L}{3,})\.? (\d{1,2})(?:,? (\d{4}))?$/u.exec(text);
  const dayFirst = /^(\d{1,2})\.? (\p{L}{3,})\.?(?:,? (\d{4}))?$/u.exec(text);
  if (nameFirst || dayFirst) {
    const [name, day, year] = nameFirst ? [nameFirst[1], nameFirst[2], nameFirst[3]] : [dayFirst?.[2] ?? '', dayFirst?.[1] ?? '', dayFirst?.[3]];
    const month = monthNamed(name);
    return month > 0 ? { month, day: Number(day), ...withYear(year) } : undefined;
  }
  const numeric = /^(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?$/.exec(text);
  if (!numeric) {
    return undefined;
  }
  const [first, second] = [Number(numeric[1]), Number(numeric[3])];
  return monthFirst(locale) ? { month: first, day: second, ...withYear(numeric[4]) } : { month: second, day: first, ...withYear(numeric[4]) };
}

/** 1 to 12 for an English month name or its start (`dec`), or one of the display language's (`dez`); 0 for none. */
function monthNamed(name: string): number {
  const english = MONTH_NAMES.findIndex((full) => full.toLowerCase().startsWith(name));
  return (english >= 0 ? english : monthNames().findIndex((full) => full.startsWith(name))) + 1;
}

/** Whether the locale writes the month before the day in numeric dates (as `en-US` does). */
function monthFirst(locale: string | undefined): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' }).formatToParts(new Date(2026, 11, 18));
    return parts.findIndex((part) => part.type === 'month') < parts.findIndex((part) => part.type === 'day');
  } catch {
    return true;
  }
}

/** The year of a month and day given without one: this year's, unless that is on the wrong side of today. */
function yearFor(base: Date, month: number, day: number, direction: DateDirection | undefined): number {
  const year = base.getFullYear();
  const thisYear = toIsoDate(localDate(year, month, Math.min(day, daysInMonth(year, month))));
  const todayIso = toIsoDate(base);
  if ((direction ?? 'past') === 'past') {
    return thisYear > todayIso ? year - 1 : year;
  }
  return thisYear < todayIso ? year + 1 : year;
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
    return { ok: false, message: l10n.t('{0} is not a date: the month must be 01 to 12.', shown) };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return { ok: false, message: l10n.t('{0} is not a date: {1} has {2} days.', shown, formatMonthOfYear(year, month), last) };
  }
  const date = localDate(year, month, day);
  return { ok: true, date, iso: toIsoDate(date) };
}
