import type { ProjectWorkType, TimeEntry, TimeEntryInput } from '../../api/types';
import type { RoundingSettings } from '../../common/settings';
import { runSteps, settle, type Asker } from '../../prompts/asker';
import { dateStep, durationStep } from '../../prompts/steps';
import { formatHoursMinutes, SECONDS_PER_HOUR } from '../../time/duration';
import { entryTitle } from '../../views/time/nodes/entryNode';

const TITLE = 'Edit Time Entry';

export interface EditTimeStepsContext {
  readonly asker: Asker;
  readonly rounding: () => RoundingSettings;
  /** Hours on a day not counting the entry being edited. */
  readonly otherHours: (entry: TimeEntry, date: string) => Promise<number>;
}

/**
 * Edit Time Entry, step by step: day, duration, work type (when the project's could be loaded),
 * description; each filled in with `start` where given, else with the entry's. Returns the
 * changes made, or undefined when dismissed.
 */
export async function askEntryChanges(
  context: EditTimeStepsContext,
  entry: TimeEntry,
  workTypes: readonly ProjectWorkType[],
  today: Date,
  start: Partial<TimeEntryInput> = {},
): Promise<Partial<TimeEntryInput> | undefined> {
  const { asker } = context;
  const state = {
    date: start.date ?? entry.date,
    hours: start.time ?? entry.time,
    workTypeId: start.workTypeId ?? entry.workTypeId,
    description: (start.description !== undefined ? start.description : entry.description) ?? '',
  };
  const done = await runSteps(TITLE, [
    dateStep({
      asker,
      today,
      prompt: `Day of ${entryTitle(entry)} (today, yesterday, a weekday, or YYYY-MM-DD)`,
      value: () => state.date,
      store: (iso) => {
        state.date = iso ?? state.date;
      },
    }),
    durationStep({
      asker,
      prompt: () => 'Duration: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45',
      value: () => formatHoursMinutes(Math.round(state.hours * SECONDS_PER_HOUR)),
      rounding: context.rounding,
      loggedHours: () => context.otherHours(entry, state.date),
      store: (hours) => {
        state.hours = hours;
      },
    }),
    async (position) => {
      if (workTypes.length === 0) {
        return 'skip';
      }
      const items = workTypes.map((type) => ({ label: type.name, value: type.workTypeId }));
      return settle(await asker.pick({ ...position, placeholder: `Work type for ${entry.project ?? 'the project'}`, items, active: state.workTypeId ?? undefined }), (value) => {
        state.workTypeId = value;
      });
    },
    async (position) =>
      settle(await asker.input({ ...position, prompt: 'Description (optional); Enter saves', value: state.description }), (value) => {
        state.description = value;
      }),
  ]);
  return done ? changesOf(entry, state, start) : undefined;
}

/** What differs from the entry; billable, not asked, is kept from the values the run started from. */
function changesOf(
  entry: TimeEntry,
  state: { date: string; hours: number; workTypeId: number | null; description: string },
  start: Partial<TimeEntryInput>,
): Partial<TimeEntryInput> {
  const patch: Partial<TimeEntryInput> = {};
  if (state.date !== entry.date) {
    patch.date = state.date;
  }
  if (Math.abs(state.hours - entry.time) >= 0.0001) {
    patch.time = state.hours;
  }
  if (state.workTypeId !== null && state.workTypeId !== entry.workTypeId) {
    patch.workTypeId = state.workTypeId;
  }
  if (state.description.trim() !== (entry.description ?? '').trim()) {
    patch.description = state.description.trim() || null;
  }
  if (start.billable !== undefined && start.billable !== entry.billable) {
    patch.billable = start.billable;
  }
  return patch;
}

/** The argument object of Edit Time Entry that makes these changes. */
export function patchToArguments(patch: Partial<TimeEntryInput>): Record<string, unknown> {
  return {
    ...(patch.date !== undefined ? { date: patch.date } : {}),
    ...(patch.time !== undefined ? { hours: patch.time } : {}),
    ...(patch.workTypeId !== undefined ? { worktypeId: patch.workTypeId } : {}),
    ...(patch.description !== undefined ? { description: patch.description ?? '' } : {}),
    ...(patch.billable !== undefined ? { billable: patch.billable } : {}),
  };
}
