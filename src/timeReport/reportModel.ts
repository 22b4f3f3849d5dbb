import * as l10n from '@vscode/l10n';
import type { TimeEntry } from '../api/types';
import { eachDay, type DateRange } from '../time/dates';
import { wholePercents } from './shares';

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
  /** The client, project, task, work type or person as Intervals names it; untrusted text. */
  name: string;
  /** What tells apart groups of the same name (a task's project); untrusted text. */
  detail?: string;
  /** Share of the report's hours, 0 to 1. */
  share: number;
  /** The share in whole percent; the percents of one table add up to 100. */
  percent: number;
}

/** Whose time: one person, or everyone whose time the signed-in person may see. */
export interface ReportPerson {
  id: number | 'everyone';
  name: string;
}

/** Everything the report shows, computed once from the time entries of the range. */
export interface TimeReport {
  range: DateRange;
  person: ReportPerson;
  totals: HourTotals;
  entryCount: number;
  /** Every day of the range, in order, with zero for days without time (the chart). */
  days: DayTotals[];
  /** The rows of "By day": the days with time, or every day of a range of a week or less. */
  dayRows: DayTotals[];
  /** Most hours first, then by name (and detail). */
  clients: GroupTotals[];
  projects: GroupTotals[];
  tasks: GroupTotals[];
  workTypes: GroupTotals[];
  /** By person, in a report of everyone's time; empty otherwise. */
  people: GroupTotals[];
  /** The entries of the range, oldest first. */
  entries: TimeEntry[];
}

/** A range up to this many days is a week: its table lists every day, as the chart does. */
const WEEK_DAYS = 7;

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

/** How one table groups the entries: the key that makes a group, its name and what tells it apart. */
interface Grouping {
  key(entry: TimeEntry): string;
  name(entry: TimeEntry): string;
  detail?(entry: TimeEntry): string | undefined;
}

/** A grouping by one name: entries with the same name are one group. */
function byName(name: (entry: TimeEntry) => string): Grouping {
  return { key: name, name };
}

function grouped(entries: readonly TimeEntry[], grouping: Grouping, all: number): GroupTotals[] {
  const groups = new Map<string, { name: string; detail?: string; totals: HourTotals }>();
  for (const entry of entries) {
    const key = grouping.key(entry);
    const group = groups.get(key) ?? { name: grouping.name(entry), detail: grouping.detail?.(entry), totals: emptyTotals() };
    add(group.totals, entry);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => b.totals.hours - a.totals.hours || a.name.localeCompare(b.name) || (a.detail ?? '').localeCompare(b.detail ?? ''),
  );
  const percents = wholePercents(sorted.map((group) => group.totals.hours));
  return sorted.map((group, index) => ({
    name: group.name,
    ...(group.detail !== undefined ? { detail: group.detail } : {}),
    ...inHours(group.totals),
    share: all === 0 ? 0 : group.totals.hours / all,
    percent: percents[index],
  }));
}

const projectName = (entry: TimeEntry): string => entry.project ?? (entry.projectId === null ? l10n.t('No project') : l10n.t('Project {0}', entry.projectId));

const GROUPINGS = {
  clients: byName((entry) => entry.client ?? (entry.clientId === null ? l10n.t('No client') : l10n.t('Client {0}', entry.clientId))),
  projects: byName(projectName),
  // Tasks of different projects often share a title ("Meetings"): a task is its id, named with its project.
  tasks: {
    key: (entry) => (entry.taskId === null ? `none:${projectName(entry)}` : `task:${entry.taskId}`),
    name: (entry) => entry.task ?? (entry.taskId === null ? l10n.t('No task') : l10n.t('Task {0}', entry.taskId)),
    detail: projectName,
  },
  workTypes: byName((entry) => entry.workType ?? (entry.workTypeId === null ? l10n.t('No work type') : l10n.t('Work type {0}', entry.workTypeId))),
  people: byName((entry) => entry.person ?? (entry.personId === null ? l10n.t('No person') : l10n.t('Person {0}', entry.personId))),
} satisfies Record<string, Grouping>;

/**
 * Totals by day, client, project, task and work type (and person, for everyone's time), billable
 * and not, for the entries of a range. Entries outside the range (a server that reads the bounds
 * loosely) are left out.
 */
export function buildReport(entries: readonly TimeEntry[], range: DateRange, person: ReportPerson): TimeReport {
  const inRange = entries.filter((entry) => entry.date >= range.start && entry.date <= range.end).sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  const days = new Map(eachDay(range).map((date) => [date, emptyTotals()]));
  const totals = emptyTotals();
  for (const entry of inRange) {
    add(totals, entry);
    const day = days.get(entry.date);
    if (day) {
      add(day, entry);
    }
  }
  const everyDay = [...days.entries()].map(([date, day]) => ({ date, ...inHours(day) }));
  const group = (grouping: Grouping): GroupTotals[] => grouped(inRange, grouping, totals.hours);
  return {
    range,
    person,
    totals: inHours(totals),
    entryCount: inRange.length,
    days: everyDay,
    dayRows: everyDay.length <= WEEK_DAYS ? everyDay : everyDay.filter((day) => day.hours > 0),
    clients: group(GROUPINGS.clients),
    projects: group(GROUPINGS.projects),
    tasks: group(GROUPINGS.tasks),
    workTypes: group(GROUPINGS.workTypes),
    people: person.id === 'everyone' ? group(GROUPINGS.people) : [],
    entries: inRange,
  };
}
