import type { TimeEntry } from '../api/types';
import { addDays, fromIsoDate, toIsoDate } from '../time/dates';

/** What makes a row of the timesheet: a task (or a project, for project time) and a work type. */
export interface SheetRowSpec {
  taskId: number | null;
  projectId: number;
  moduleId: number | null;
  workTypeId: number;
  /** The task's title, or the project's name for project time. */
  title: string;
  project: string | null;
  workType: string | null;
}

/** An entry still waiting in the outbox: counted in its cell, not yet editable. */
export interface PendingHours {
  taskId: number | null;
  projectId: number;
  workTypeId: number;
  date: string;
  hours: number;
}

export interface SheetCell {
  date: string;
  entries: TimeEntry[];
  /** Hours of the entries plus those waiting to sync. */
  hours: number;
  /** Hours of entries still waiting to sync. */
  pending: number;
  /** Intervals has approved an entry of the cell: it can no longer change. */
  approved: boolean;
}

export interface SheetRow extends SheetRowSpec {
  key: string;
  cells: SheetCell[];
  hours: number;
}

export interface SheetDay {
  date: string;
  hours: number;
  /** The daily target (the reminders setting) on working days, 0 at the weekend. */
  target: number;
}

export interface Timesheet {
  start: string;
  end: string;
  days: SheetDay[];
  rows: SheetRow[];
  hours: number;
  /** Some of the week's time is approved: Intervals refuses changes to the week. */
  approved: boolean;
}

/** The key of a row, stable across reloads: `task:12:3` or `project:4:0:3` (project, module, work type). */
export function rowKey(spec: Pick<SheetRowSpec, 'taskId' | 'projectId' | 'moduleId' | 'workTypeId'>): string {
  return spec.taskId !== null ? `task:${spec.taskId}:${spec.workTypeId}` : `project:${spec.projectId}:${spec.moduleId ?? 0}:${spec.workTypeId}`;
}

/** The row an entry belongs to; none for an entry without a project or work type. */
export function rowSpecOf(entry: TimeEntry): SheetRowSpec | undefined {
  if (entry.projectId === null || entry.workTypeId === null) {
    return undefined;
  }
  return {
    taskId: entry.taskId,
    projectId: entry.projectId,
    moduleId: entry.taskId !== null ? null : entry.moduleId,
    workTypeId: entry.workTypeId,
    title: entry.task ?? entry.project ?? '',
    project: entry.project,
    workType: entry.workType,
  };
}

/** Sums hours in ten-thousandths, so that 0.1 + 0.2 is 0.3. */
export function sumHours(values: readonly number[]): number {
  return Math.round(values.reduce((total, value) => total + Math.round(value * 10_000), 0)) / 10_000;
}

/** The seven days from `start`. */
export function weekDays(start: string): string[] {
  const first = fromIsoDate(start);
  if (!first) {
    throw new RangeError(`Not a date: ${start}`);
  }
  return Array.from({ length: 7 }, (_, index) => toIsoDate(addDays(first, index)));
}

function emptyRow(spec: SheetRowSpec, dates: readonly string[]): SheetRow {
  return { ...spec, key: rowKey(spec), cells: dates.map((date) => ({ date, entries: [], hours: 0, pending: 0, approved: false })), hours: 0 };
}

export interface TimesheetInput {
  start: string;
  entries: readonly TimeEntry[];
  /** Rows shown even without time (added, or copied from last week). */
  extraRows?: readonly SheetRowSpec[];
  pending?: readonly PendingHours[];
  /** Hours aimed at each working day (Monday to Friday). */
  dailyTarget: number;
}

/**
 * The week as a grid: a row per task (or project) and work type, in the order of their first
 * time, then the extra rows; a cell per day with its entries; totals per row, day and week.
 */
export function buildTimesheet(input: TimesheetInput): Timesheet {
  const dates = weekDays(input.start);
  const rows = new Map<string, SheetRow>();
  const rowFor = (spec: SheetRowSpec): SheetRow => {
    const key = rowKey(spec);
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(spec, dates);
      rows.set(key, row);
    }
    return row;
  };
  const sorted = [...input.entries].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
  for (const entry of sorted) {
    const spec = rowSpecOf(entry);
    const cell = spec ? rowFor(spec).cells.find((each) => each.date === entry.date) : undefined;
    if (cell) {
      cell.entries.push(entry);
      cell.approved ||= entry.approved === true;
    }
  }
  for (const spec of input.extraRows ?? []) {
    rowFor(spec);
  }
  for (const waiting of input.pending ?? []) {
    const row = [...rows.values()].find((each) => each.taskId === waiting.taskId && each.projectId === waiting.projectId && each.workTypeId === waiting.workTypeId);
    const cell = row?.cells.find((each) => each.date === waiting.date);
    if (cell) {
      cell.pending = sumHours([cell.pending, waiting.hours]);
    }
  }
  for (const row of rows.values()) {
    for (const cell of row.cells) {
      cell.hours = sumHours([...cell.entries.map((entry) => entry.time), cell.pending]);
    }
    row.hours = sumHours(row.cells.map((cell) => cell.hours));
  }
  const list = [...rows.values()];
  const days = dates.map((date, index) => ({
    date,
    hours: sumHours(list.map((row) => row.cells[index].hours)),
    target: isWorkingDay(date) ? input.dailyTarget : 0,
  }));
  return {
    start: dates[0],
    end: dates[6],
    days,
    rows: list,
    hours: sumHours(days.map((day) => day.hours)),
    approved: input.entries.some((entry) => entry.approved === true),
  };
}

/** Monday to Friday, as the reminders count them. */
function isWorkingDay(iso: string): boolean {
  const day = fromIsoDate(iso)?.getDay();
  return day !== undefined && day !== 0 && day !== 6;
}

/** The rows of a week's entries, with no time: what "Copy Last Week's Rows" adds. */
export function rowsOf(entries: readonly TimeEntry[]): SheetRowSpec[] {
  const seen = new Map<string, SheetRowSpec>();
  for (const entry of [...entries].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)) {
    const spec = rowSpecOf(entry);
    if (spec && !seen.has(rowKey(spec))) {
      seen.set(rowKey(spec), spec);
    }
  }
  return [...seen.values()];
}
