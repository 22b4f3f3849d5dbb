import type { TimeEntry } from '../api/types';
import { eachDay, type DateRange } from '../time/dates';

/** Hours split by whether they are billable. */
export interface HourTotals {
  hours: number;
  billable: number;
  nonBillable: number;
}

export interface DayTotals extends HourTotals {
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface GroupTotals extends HourTotals {
  /** The project or work type as Intervals names it; untrusted text. */
  name: string;
  /** Share of the report's hours, 0 to 1. */
  share: number;
}

/** Everything the report shows, computed once from the time entries of the range. */
export interface TimeReport {
  range: DateRange;
  person: { id: number; name: string };
  totals: HourTotals;
  entryCount: number;
  /** Every day of the range, in order, with zero for days without time. */
  days: DayTotals[];
  /** Most hours first, then by name. */
  projects: GroupTotals[];
  workTypes: GroupTotals[];
}

/** Hundredths of an hour: sums in whole numbers so 0.1 + 0.2 stays 0.3. */
function hundredths(hours: number): number {
  return Math.round(hours * 100);
}

function emptyTotals(): HourTotals {
  return { hours: 0, billable: 0, nonBillable: 0 };
}

function add(totals: HourTotals, entry: TimeEntry): void {
  const amount = hundredths(entry.time);
  totals.hours += amount;
  if (entry.billable) {
    totals.billable += amount;
  } else {
    totals.nonBillable += amount;
  }
}

function inHours<T extends HourTotals>(totals: T): T {
  return { ...totals, hours: totals.hours / 100, billable: totals.billable / 100, nonBillable: totals.nonBillable / 100 };
}

function grouped(entries: readonly TimeEntry[], nameOf: (entry: TimeEntry) => string, all: number): GroupTotals[] {
  const groups = new Map<string, HourTotals>();
  for (const entry of entries) {
    const name = nameOf(entry);
    const totals = groups.get(name) ?? emptyTotals();
    add(totals, entry);
    groups.set(name, totals);
  }
  return [...groups.entries()]
    .map(([name, totals]) => ({ name, ...inHours(totals), share: all === 0 ? 0 : totals.hours / all }))
    .sort((a, b) => b.hours - a.hours || a.name.localeCompare(b.name));
}

/**
 * Totals by day, project and work type, billable and not, for one person's entries in a range.
 * Entries outside the range (a server that reads the bounds loosely) are left out.
 */
export function buildReport(entries: readonly TimeEntry[], range: DateRange, person: { id: number; name: string }): TimeReport {
  const inRange = entries.filter((entry) => entry.date >= range.start && entry.date <= range.end);
  const days = new Map(eachDay(range).map((date) => [date, emptyTotals()]));
  const totals = emptyTotals();
  for (const entry of inRange) {
    add(totals, entry);
    const day = days.get(entry.date);
    if (day) {
      add(day, entry);
    }
  }
  return {
    range,
    person,
    totals: inHours(totals),
    entryCount: inRange.length,
    days: [...days.entries()].map(([date, day]) => ({ date, ...inHours(day) })),
    projects: grouped(inRange, (entry) => entry.project ?? (entry.projectId === null ? 'No project' : `Project ${entry.projectId}`), totals.hours),
    workTypes: grouped(inRange, (entry) => entry.workType ?? (entry.workTypeId === null ? 'No work type' : `Work type ${entry.workTypeId}`), totals.hours),
  };
}
