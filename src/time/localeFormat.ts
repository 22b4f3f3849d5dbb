/**
 * Numbers, days and times of day as the display language writes them (`Intl`). English output is
 * what the extension always showed: no digit grouping, `.` as the decimal point, "Friday,
 * November 27, 2026"; German writes `1,5` and "Freitag, 27. November 2026".
 */
import { displayLocale } from './displayLocale';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** `value` with at least `minimumDigits` and at most `maximumDigits` decimals, e.g. `1.5` / `1,5`. */
export function formatNumber(value: number, minimumDigits = 0, maximumDigits = minimumDigits): string {
  const locale = displayLocale();
  const key = `${locale} ${minimumDigits} ${maximumDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minimumDigits, maximumFractionDigits: maximumDigits, useGrouping: false });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A day written out, e.g. "Friday, November 27, 2026": what a prompt understood. */
export function formatDayInWords(date: Date): string {
  return date.toLocaleDateString(displayLocale(), { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

/** A month of a year, e.g. "February 2026" / "Februar 2026"; `month` is 1-based. */
export function formatMonthOfYear(year: number, month: number): string {
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, 1);
  return date.toLocaleDateString(displayLocale(), { year: 'numeric', month: 'long' });
}

/** A time of day in hours and minutes, e.g. "09:15 AM" / "09:15". */
export function formatTimeOfDay(date: Date): string {
  return date.toLocaleTimeString(displayLocale(), { hour: '2-digit', minute: '2-digit' });
}

/** The display language's month names, lower case, January first: what a typed date may use besides English. */
export function monthNames(): string[] {
  const format = new Intl.DateTimeFormat(displayLocale(), { month: 'long' });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(2026, index, 1)).toLowerCase());
}
