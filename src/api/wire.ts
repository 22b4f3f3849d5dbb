import type { ProjectInput, TaskInput, TaskNoteInput, TimeEntryInput, TimerInput } from './types';

/** Domain → wire: what a write sends and what a list asks for, in the forms Intervals reads. */

type WireValue = string | number | null;

/**
 * Writes send ids and amounts as numbers, booleans as 't'/'f', id lists as CSV, and `null` to
 * clear a value. Wire names are the lower-cased domain names except where `renames` says.
 */
function toWire(input: object, renames: Record<string, string> = {}): Record<string, WireValue> {
  const out: Record<string, WireValue> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) {
      continue;
    }
    const wireKey = renames[key] ?? key.toLowerCase();
    if (value === null) {
      out[wireKey] = null;
    } else if (typeof value === 'boolean') {
      out[wireKey] = value ? 't' : 'f';
    } else if (Array.isArray(value)) {
      out[wireKey] = (value as unknown[]).map(String).join(',');
    } else if (typeof value === 'number' || typeof value === 'string') {
      out[wireKey] = value;
    } else {
      // l10n-ignore: programming error, never shown
      throw new TypeError(`Cannot send ${key} of type ${typeof value} to Intervals.`);
    }
  }
  return out;
}

export function fromProjectInput(input: Partial<ProjectInput>): Record<string, WireValue> {
  return toWire(input);
}

export function fromTaskInput(input: Partial<TaskInput>): Record<string, WireValue> {
  return toWire(input, { assigneeIds: 'assigneeid', followerIds: 'followerid' });
}

export function fromTimeEntryInput(input: Partial<TimeEntryInput>): Record<string, WireValue> {
  return toWire(input);
}

export function fromTaskNoteInput(input: TaskNoteInput): Record<string, WireValue> {
  return toWire(input);
}

export function fromTimerInput(input: Partial<TimerInput>): Record<string, WireValue> {
  return toWire(input);
}

/**
 * Query string for a typed filter: wire names are the lower-cased filter names, booleans 't'/'f',
 * id lists CSV.
 */
export function filterToQuery(filter: object | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  if (!filter) {
    return query;
  }
  for (const [key, value] of Object.entries(toWire(filter))) {
    if (value !== null) {
      query[key] = String(value);
    }
  }
  return query;
}
