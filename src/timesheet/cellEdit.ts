import * as l10n from '@vscode/l10n';
import type { TimeEntry } from '../api/types';
import type { TimeRounding, TimeRoundingMode } from '../time/duration';
import { checkHours } from '../timeLog/timeEntryDraft';
import type { SheetCell } from './timesheetGrid';

/** What was typed into a cell: nothing (clear it), a duration, or something that is not one. */
export type CellValue = { kind: 'clear' } | { kind: 'hours'; hours: number } | { kind: 'invalid'; message: string };

/**
 * Reads a cell's text as Log Time reads a duration (`1:30`, `1.5`, `1,5`, `90m`, `1h 30m`),
 * rounded by the setting and checked against the rest of the day (`otherHours`, the day's time
 * outside the cell). An empty cell (or `0`) means: no time here.
 */
export function parseCell(text: string, rounding: { rounding: TimeRounding; mode: TimeRoundingMode }, otherHours = 0): CellValue {
  const trimmed = text.trim();
  if (trimmed === '' || /^0+([.,:]0*)?$/.test(trimmed)) {
    return { kind: 'clear' };
  }
  const checked = checkHours(trimmed, rounding, otherHours);
  return checked.ok ? { kind: 'hours', hours: checked.hours } : { kind: 'invalid', message: checked.message };
}

/** What a change of a cell means. */
export type CellEdit =
  | { kind: 'none' }
  | { kind: 'add'; hours: number }
  | { kind: 'edit'; entry: TimeEntry; hours: number }
  /**
   * Several entries: ask which to change, each to the hours that make the cell what was typed, or
   * (for more time) add a new entry of the difference (`add`).
   */
  | { kind: 'askEdit'; choices: { entry: TimeEntry; hours: number }[]; add?: number }
  | { kind: 'delete'; entry: TimeEntry }
  /** Several entries: ask which to delete. */
  | { kind: 'askDelete'; entries: TimeEntry[] }
  | { kind: 'refused'; message: string };

/** Hours shown equal: a change smaller than a second is none. */
function sameHours(a: number, b: number): boolean {
  return Math.abs(a - b) < 1 / 3600;
}

/**
 * What typing `value` into `cell` asks for: an empty cell gets an entry, a cell over one entry
 * changes it, a cell over several asks which; clearing deletes. Approved entries and entries
 * still waiting to sync cannot change here.
 */
export function cellEdit(cell: SheetCell, value: CellValue): CellEdit {
  if (value.kind === 'invalid') {
    return { kind: 'refused', message: value.message };
  }
  if (cell.approved) {
    return { kind: 'refused', message: l10n.t('Intervals has approved this time; it can no longer be changed.') };
  }
  if (cell.pending > 0) {
    return { kind: 'refused', message: l10n.t('This cell has time waiting to sync; change it once Intervals has it.') };
  }
  const entries = cell.entries;
  if (value.kind === 'clear') {
    if (entries.length === 0) {
      return { kind: 'none' };
    }
    return entries.length === 1 ? { kind: 'delete', entry: entries[0] } : { kind: 'askDelete', entries: [...entries] };
  }
  if (entries.length === 0) {
    return { kind: 'add', hours: value.hours };
  }
  if (sameHours(value.hours, cell.hours)) {
    return { kind: 'none' };
  }
  if (entries.length === 1) {
    return { kind: 'edit', entry: entries[0], hours: value.hours };
  }
  // Only the other entries' time stays: what was waiting to sync cannot be here (refused above).
  const delta = value.hours - cell.hours;
  const choices = entries.filter((entry) => entry.time + delta > 0).map((entry) => ({ entry, hours: fourPlaces(entry.time + delta) }));
  if (choices.length === 0) {
    return { kind: 'refused', message: l10n.t('No one entry of this day can take that much off; change the entries in My Time.') };
  }
  return { kind: 'askEdit', choices, ...(delta > 0 ? { add: fourPlaces(delta) } : {}) };
}

function fourPlaces(hours: number): number {
  return Math.round(hours * 10_000) / 10_000;
}
