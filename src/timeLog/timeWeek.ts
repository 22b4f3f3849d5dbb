import type { TimeEntry } from '../api/types';
import { addDays, fromIsoDate, startOfWeek, toIsoDate, type Weekday } from '../time/dates';

export interface TimeDay {
  /** `YYYY-MM-DD`. */
  date: string;
  entries: TimeEntry[];
  hours: number;
}

export interface TimeWeek {
  start: string;
  end: string;
  days: TimeDay[];
  hours: number;
}

/** The week holding `day`, as the inclusive range `datebegin`/`dateend` take. */
export function weekOf(day: Date, weekStartsOn: Weekday = 1): { start: string; end: string } {
  const start = startOfWeek(day, weekStartsOn);
  return { start: toIsoDate(start), end: toIsoDate(addDays(start, 6)) };
}

/** The week `weeks` weeks after the one starting on `start` (negative goes back). */
export function shiftWeek(start: string, weeks: number): { start: string; end: string } {
  const first = fromIsoDate(start);
  if (!first) {
    throw new RangeError(`Not a date: ${start}`);
  }
  const next = addDays(first, weeks * 7);
  return { start: toIsoDate(next), end: toIsoDate(addDays(next, 6)) };
}

/** Sums hours in whole hundredths so that 0.1 + 0.2 shows as 0.3. */
function sum(values: readonly number[]): number {
  return Math.round(values.reduce((total, value) => total + Math.round(value * 10_000), 0)) / 10_000;
}

/** Seven days from `start` with their entries (in the order given) and totals; entries outside are ignored. */
export function buildWeek(start: string, entries: readonly TimeEntry[]): TimeWeek {
  const first = fromIsoDate(start);
  if (!first) {
    throw new RangeError(`Not a date: ${start}`);
  }
  const days: TimeDay[] = Array.from({ length: 7 }, (_, index) => ({ date: toIsoDate(addDays(first, index)), entries: [], hours: 0 }));
  const byDate = new Map(days.map((day) => [day.date, day]));
  for (const entry of entries) {
    byDate.get(entry.date)?.entries.push(entry);
  }
  for (const day of days) {
    day.hours = sum(day.entries.map((entry) => entry.time));
  }
  return { start, end: days[6].date, days, hours: sum(days.map((day) => day.hours)) };
}
