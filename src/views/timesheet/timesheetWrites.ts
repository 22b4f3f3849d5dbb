import * as l10n from '@vscode/l10n';
import type { TimeEntry } from '../../api/types';
import { BACK, type Asker, type Choice } from '../../prompts/asker';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../time/duration';
import { cellEdit, parseCell, type CellEdit } from '../../timesheet/cellEdit';
import type { SheetCell, SheetRow, SheetRowSpec } from '../../timesheet/timesheetGrid';
import type { RoundingSettings } from '../../common/settings';

/** How a write of the timesheet ended. */
export type WriteOutcome =
  | { status: 'done' }
  /** Kept on this computer, to be sent (the message says why it waits). */
  | { status: 'waiting'; message: string }
  | { status: 'cancelled' }
  /** `locked`: Intervals refuses to change the week (approved time). */
  | { status: 'refused'; message: string; locked?: boolean };

/**
 * What the timesheet writes through: the same paths as Log Time (the outbox), Edit Time Entry
 * and Delete Time Entry (with its confirmation), and Find Task's picker for a new row.
 */
export interface TimesheetWrites {
  add(row: SheetRowSpec, date: string, hours: number): Promise<WriteOutcome>;
  edit(entry: TimeEntry, hours: number): Promise<WriteOutcome>;
  remove(entry: TimeEntry): Promise<WriteOutcome>;
  /** Asks for a task (Find Task's picker, recent tasks first) and its work type. */
  pickRow(): Promise<SheetRowSpec | undefined>;
}

export interface CellEditContext {
  readonly writes: TimesheetWrites;
  readonly asker: Pick<Asker, 'pick'>;
  readonly rounding: RoundingSettings;
  readonly hourFormat: HourFormat;
}

/** What became of a typed value: an outcome, or a message for a value that is not a duration. */
export type CellResult = WriteOutcome | { status: 'none' };

/** Applies what was typed into a cell (its row and the rest of its day known): add, edit, ask which, delete. */
export async function applyCell(context: CellEditContext, row: SheetRow, cell: SheetCell, dayHours: number, text: string): Promise<CellResult> {
  const value = parseCell(text, context.rounding, Math.max(0, dayHours - cell.hours));
  const edit = cellEdit(cell, value);
  return carryOut(context, row, cell, edit);
}

async function carryOut(context: CellEditContext, row: SheetRow, cell: SheetCell, edit: CellEdit): Promise<CellResult> {
  const { writes } = context;
  switch (edit.kind) {
    case 'none':
      return { status: 'none' };
    case 'refused':
      return { status: 'refused', message: edit.message };
    case 'add':
      return writes.add(row, cell.date, edit.hours);
    case 'edit':
      return writes.edit(edit.entry, edit.hours);
    case 'delete':
      return writes.remove(edit.entry);
    case 'askEdit': {
      const items: Choice<{ entry: TimeEntry; hours: number } | 'new'>[] = edit.choices.map((choice) => ({
        ...entryChoice(context, choice.entry),
        label: l10n.t('{0} → {1}', hours(context, choice.entry.time), hours(context, choice.hours)),
        value: choice,
      }));
      if (edit.add !== undefined) {
        items.push({ icon: 'add', label: l10n.t('Add a new entry'), description: hours(context, edit.add), value: 'new' });
      }
      const chosen = await askWhich(context, items, l10n.t('Which entry of {0} should change?', cell.date));
      if (chosen === undefined) {
        return { status: 'cancelled' };
      }
      return chosen === 'new' ? writes.add(row, cell.date, edit.add ?? 0) : writes.edit(chosen.entry, chosen.hours);
    }
    case 'askDelete': {
      const items = edit.entries.map((entry) => ({ ...entryChoice(context, entry), value: entry }));
      const chosen = await askWhich(context, items, l10n.t('Which entry of {0} should be deleted?', cell.date));
      return chosen === undefined ? { status: 'cancelled' } : writes.remove(chosen);
    }
  }
}

function hours(context: CellEditContext, value: number): string {
  return formatDurationAs(value * SECONDS_PER_HOUR, context.hourFormat);
}

/** An entry as a choice: its hours, description, task (or project) and work type. */
function entryChoice(context: CellEditContext, entry: TimeEntry): Choice<TimeEntry> {
  return {
    icon: 'watch',
    label: hours(context, entry.time),
    description: entry.description ?? '',
    detail: [entry.task ?? entry.project, entry.workType].filter((part): part is string => !!part).join(' · '),
    value: entry,
  };
}

/** A quick pick of the cell's entries; undefined when dismissed. */
async function askWhich<T>(context: CellEditContext, items: Choice<T>[], placeholder: string): Promise<T | undefined> {
  const answer = await context.asker.pick({ title: l10n.t('Timesheet'), step: 1, totalSteps: 1, placeholder, items, active: items[0]?.value });
  return answer === undefined || answer === BACK ? undefined : (answer as T);
}
