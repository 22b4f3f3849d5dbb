import * as l10n from '@vscode/l10n';
import type { ProjectWorkType, TimeEntry, TimeEntryInput } from '../../api/types';
import type { RoundingSettings } from '../../common/settings';
import { runSteps, settle, type Asker } from '../../prompts/asker';
import { askThen, summaryStep, type SummaryField } from '../../prompts/summary';
import { dateStep, durationStep } from '../../prompts/steps';
import { formatHoursMinutes, SECONDS_PER_HOUR } from '../../time/duration';
import { checkHours } from '../../timeLog/timeEntryDraft';
import { entryTitle } from '../../views/time/nodes/entryNode';


export interface EditTimeStepsContext {
  readonly asker: Asker;
  readonly rounding: () => RoundingSettings;
  /** Hours on a day not counting the entry being edited. */
  readonly otherHours: (entry: TimeEntry, date: string) => Promise<number>;
}

type EntryState = { date: string; hours: number; workTypeId: number | null; billable: boolean; description: string };

/**
 * Edit Time Entry on one screen: a summary of the entry ("Save 1:30 on 2026-04-20 · Design ·
 * billable") where Enter saves, or a field is chosen (day, duration, work type when the project's
 * could be loaded, billable, description), asked, and the summary comes back. Each starts from
 * `start` where given, else from the entry. Returns the changes made, or undefined when dismissed.
 */
export async function askEntryChanges(
  context: EditTimeStepsContext,
  entry: TimeEntry,
  workTypes: readonly ProjectWorkType[],
  today: Date,
  start: Partial<TimeEntryInput> = {},
): Promise<Partial<TimeEntryInput> | undefined> {
  const state: EntryState = {
    date: start.date ?? entry.date,
    hours: start.time ?? entry.time,
    workTypeId: start.workTypeId ?? entry.workTypeId,
    billable: start.billable ?? entry.billable,
    description: (start.description !== undefined ? start.description : entry.description) ?? '',
  };
  const fields = entryFields(context, entry, workTypes, today, state);
  const workTypeName = (): string => workTypes.find((type) => type.workTypeId === state.workTypeId)?.name ?? entry.workType ?? l10n.t('no work type');
  const done = await runSteps(l10n.t('Edit Time Entry'), [
    summaryStep({
      asker: context.asker,
      actionIcon: 'save',
      placeholder: l10n.t('{0} — Enter saves, or choose a field to change', entryTitle(entry)),
      action: () =>
        state.billable
          ? l10n.t('Save {0} on {1} · {2} · billable', durationText(state.hours), state.date, workTypeName())
          : l10n.t('Save {0} on {1} · {2} · not billable', durationText(state.hours), state.date, workTypeName()),
      fields: () => fields,
    }),
  ]);
  return done ? changesOf(entry, state) : undefined;
}

function durationText(hours: number): string {
  return formatHoursMinutes(Math.round(hours * SECONDS_PER_HOUR));
}

/** The fields of the summary, each asked by its own step. */
function entryFields(context: EditTimeStepsContext, entry: TimeEntry, workTypes: readonly ProjectWorkType[], today: Date, state: EntryState): SummaryField[] {
  const { asker } = context;
  const day = dateStep({
    asker,
    today,
    prompt: l10n.t('Day of {0}: today, yesterday, a weekday such as mon, -2, dec 18 or YYYY-MM-DD', entryTitle(entry)),
    placeholder: l10n.t('Day to log'),
    value: () => state.date,
    store: (iso) => {
      state.date = iso ?? state.date;
    },
  });
  const duration = durationStep({
    asker,
    prompt: () => l10n.t('Duration: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45'),
    value: () => durationText(state.hours),
    rounding: context.rounding,
    loggedHours: () => context.otherHours(entry, state.date),
    store: (hours) => {
      state.hours = hours;
    },
  });
  // A new day may have no room for the duration: then the duration is asked too.
  const fits = async (): Promise<boolean> => checkHours(state.hours, context.rounding(), await context.otherHours(entry, state.date)).ok;
  const fields: SummaryField[] = [
    { icon: 'calendar', label: l10n.t({ message: 'Day', comment: ['A field of the time entry'] }), value: () => state.date, ask: askThen(day, fits, duration) },
    { icon: 'watch', label: l10n.t('Duration'), value: () => durationText(state.hours), ask: duration },
  ];
  return [...fields, ...choiceFields(asker, entry, workTypes, state)];
}

/** The work type (when the project's could be loaded), billable and description, the entry's own marked "current". */
function choiceFields(asker: Asker, entry: TimeEntry, workTypes: readonly ProjectWorkType[], state: EntryState): SummaryField[] {
  const current = (yes: boolean): { description?: string } => (yes ? { description: l10n.t({ message: 'current', comment: ['Beside the value the time entry has now'] }) } : {});
  const fields: SummaryField[] = [];
  if (workTypes.length > 0) {
    fields.push({
      icon: 'tag',
      label: l10n.t('Work type'),
      value: () => workTypes.find((type) => type.workTypeId === state.workTypeId)?.name ?? entry.workType ?? '',
      ask: async (position) => {
        const items = workTypes.map((type) => ({ label: type.name, ...current(type.workTypeId === entry.workTypeId), value: type.workTypeId }));
        return settle(await asker.pick({ ...position, placeholder: entry.project ? l10n.t('Work type for {0}', entry.project) : l10n.t('Work type for the project'), items, active: state.workTypeId ?? undefined }), (value) => {
          state.workTypeId = value;
        });
      },
    });
  }
  fields.push(
    {
      icon: 'credit-card',
      label: l10n.t('Billable'),
      value: () => (state.billable ? l10n.t('billable') : l10n.t('not billable')),
      ask: async (position) => {
        const items = [
          { label: l10n.t('Billable'), ...current(entry.billable), value: true },
          { label: l10n.t('Not billable'), ...current(!entry.billable), value: false },
        ];
        return settle(await asker.pick({ ...position, placeholder: l10n.t('Billable?'), items, active: state.billable }), (value) => {
          state.billable = value;
        });
      },
    },
    {
      icon: 'note',
      label: l10n.t('Description'),
      value: () => state.description.trim() || l10n.t({ message: 'none', comment: ['No description'] }),
      ask: async (position) =>
        settle(await asker.input({ ...position, prompt: l10n.t('Description (optional)'), placeholder: l10n.t('Description'), value: state.description }), (value) => {
          state.description = value;
        }),
    },
  );
  return fields;
}

/** What differs from the entry. */
function changesOf(entry: TimeEntry, state: EntryState): Partial<TimeEntryInput> {
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
  if (state.billable !== entry.billable) {
    patch.billable = state.billable;
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
