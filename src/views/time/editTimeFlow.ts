import * as vscode from 'vscode';
import type { ProjectWorkType, TimeEntry, TimeEntryInput } from '../../api/types';
import type { AccountSession } from '../../auth/accountSession';
import { argumentObject } from '../../commands/commandTable';
import { clientOrSignIn } from '../../common/accountGuard';
import type { DataChanges } from '../../common/dataChanges';
import { reportError } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { LookupCache } from '../../lookups/lookupCache';
import { positiveId } from '../../tasks/taskReference';
import { dayInWords, parseDate } from '../../time/dates';
import { formatHoursMinutes, SECONDS_PER_HOUR } from '../../time/duration';
import { checkHours, checkIsoDate } from '../../timeLog/timeEntryDraft';
import { isIntervalsError } from '../../api/errors';
import { BACK, checkedInput, type Asker } from '../../prompts/asker';
import { entryFrom } from './entryArgument';
import { entryTitle } from './entryNode';
import { EDIT_AND_RETRY, roundingSettings } from './logTimeFlow';
import type { MyTimeView } from './myTimeView';
import { notify } from '../../common/notifications';

export type EditTimeEntryResult =
  | { status: 'updated'; entry: TimeEntry }
  | { status: 'cancelled' }
  | { status: 'invalid' | 'failed'; message: string };

type Refusal = { status: 'cancelled' } | { status: 'invalid'; message: string };

const TITLE = 'Edit Time Entry';
const TOTAL_STEPS = 4;

export interface EditTimeFlowOptions {
  session: AccountSession;
  view: MyTimeView;
  lookups: LookupCache;
  changes: DataChanges;
  log: Logger;
  asker: () => Asker;
  /** Hours already logged on a day, from the view or the service; undefined when unknown. */
  loggedHours: (isoDate: string) => Promise<number | undefined>;
  /** Runs what a notification's button starts (Edit and Try Again) as background work. */
  track: <T>(label: string, work: Promise<T>) => Promise<T>;
  today?: () => Date;
}

/**
 * `intervals.editTimeEntry`: changes an entry's day, duration, work type and description.
 * `{ entryId, date?, hours?, worktypeId?, description?, billable? }` changes just those without asking;
 * otherwise every value is asked with the current one filled in.
 */
export class EditTimeFlow {
  constructor(private readonly options: EditTimeFlowOptions) {}

  async run(arg?: unknown): Promise<EditTimeEntryResult> {
    const api = await clientOrSignIn(this.options.session, 'edit time');
    if (!api) {
      return { status: 'cancelled' };
    }
    let entry: TimeEntry | undefined;
    try {
      entry = await entryFrom(arg, this.options.view, api, 'Entry to edit');
    } catch (error) {
      void reportError(this.options.log, 'load the time entry', error);
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (!entry) {
      return { status: 'cancelled' };
    }
    const args = argumentObject(arg) ?? {};
    const given = ['date', 'hours', 'worktypeId', 'description', 'billable'].some((key) => args[key] !== undefined);
    let patch: Partial<TimeEntryInput> | Refusal;
    if (given && args.prompt !== true) {
      patch = await this.patchFromArguments(entry, args);
    } else {
      // `prompt: true` asks every value, starting from the given ones (Edit and Try Again).
      const start = given ? await this.patchFromArguments(entry, args) : {};
      patch = await this.ask(entry, 'status' in start ? {} : start);
    }
    if ('status' in patch) {
      if (patch.status !== 'cancelled') {
        void notify('warning', `Could not edit the time entry. ${patch.message}`);
      }
      return patch;
    }
    if (Object.keys(patch).length === 0) {
      return { status: 'updated', entry };
    }
    try {
      const updated = await api.updateTime(entry.id, patch);
      this.options.log.info(`Updated time entry ${entry.id}: ${Object.keys(patch).join(', ')}`);
      this.options.changes.fire({ resource: 'time', id: entry.id, ...(updated.projectId !== null ? { projectId: updated.projectId } : {}), item: updated });
      return { status: 'updated', entry: updated };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isIntervalsError(error) && error.kind === 'validation') {
        // The same values would be refused again: offer to change them, starting from these.
        const again = { entryId: entry.id, ...patchToArguments(patch), prompt: true };
        const offer = notify('error', `Could not edit the time entry. ${message}`, EDIT_AND_RETRY).then((choice) =>
          choice === EDIT_AND_RETRY ? this.options.track(EDIT_AND_RETRY, Promise.resolve(vscode.commands.executeCommand('intervals.editTimeEntry', again))) : undefined,
        );
        void Promise.resolve(offer).catch((error: unknown) => this.options.log.warn(`${EDIT_AND_RETRY} failed: ${String(error)}`));
        return { status: 'invalid', message };
      }
      void reportError(this.options.log, 'edit the time entry', error, { retry: () => vscode.commands.executeCommand('intervals.editTimeEntry', { entryId: entry.id, ...patchToArguments(patch) }) });
      return { status: 'failed', message };
    }
  }

  /** Hours on a day not counting the entry itself. */
  private async otherHours(entry: TimeEntry, date: string): Promise<number> {
    const logged = (await this.options.loggedHours(date)) ?? 0;
    return date === entry.date ? Math.max(0, logged - entry.time) : logged;
  }

  private async patchFromArguments(entry: TimeEntry, args: Record<string, unknown>): Promise<Partial<TimeEntryInput> | Refusal> {
    const patch: Partial<TimeEntryInput> = {};
    if (args.date !== undefined) {
      const date = checkIsoDate(args.date);
      if (!date.ok) {
        return { status: 'invalid', message: date.message };
      }
      patch.date = date.iso;
    }
    if (args.hours !== undefined) {
      const hours = checkHours(args.hours, roundingSettings(), await this.otherHours(entry, patch.date ?? entry.date));
      if (!hours.ok) {
        return { status: 'invalid', message: hours.message };
      }
      patch.time = hours.hours;
    }
    if (args.worktypeId !== undefined) {
      const id = positiveId(args.worktypeId);
      if (id === undefined) {
        return { status: 'invalid', message: `${JSON.stringify(args.worktypeId)} is not a work type id.` };
      }
      patch.workTypeId = id;
    }
    if (typeof args.description === 'string') {
      patch.description = args.description.trim() || null;
    }
    if (typeof args.billable === 'boolean') {
      patch.billable = args.billable;
    }
    return patch;
  }

  /** Asks every value, filled in with `start` where given, else with the entry's. */
  private async ask(entry: TimeEntry, start: Partial<TimeEntryInput> = {}): Promise<Partial<TimeEntryInput> | Refusal> {
    const asker = this.options.asker();
    const today = this.options.today?.() ?? new Date();
    let date = start.date ?? entry.date;
    let hours = start.time ?? entry.time;
    let workTypeId = start.workTypeId ?? entry.workTypeId;
    let description = (start.description !== undefined ? start.description : entry.description) ?? '';
    let workTypes: ProjectWorkType[] = [];
    if (entry.projectId !== null) {
      try {
        workTypes = (await this.options.lookups.projectWorkTypes(entry.projectId)).filter((type) => type.active);
      } catch (error) {
        this.options.log.warn(`Could not load work types: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    let step = 1;
    while (step <= TOTAL_STEPS) {
      let answer: string | number | undefined | typeof BACK;
      if (step === 1) {
        answer = await asker.input({
          title: TITLE,
          step,
          totalSteps: TOTAL_STEPS,
          prompt: `Day of ${entryTitle(entry)} (today, yesterday, a weekday, or YYYY-MM-DD)`,
          value: date,
          ...checkedInput((text) => {
            const parsed = parseDate(text, today);
            return parsed.ok ? { ok: true, message: dayInWords(parsed.date) } : { ok: false, message: parsed.message };
          }),
        });
        if (typeof answer === 'string') {
          const parsed = parseDate(answer, today);
          if (!parsed.ok) {
            continue;
          }
          date = parsed.iso;
        }
      } else if (step === 2) {
        const other = await this.otherHours(entry, date);
        answer = await asker.input({
          title: TITLE,
          step,
          totalSteps: TOTAL_STEPS,
          prompt: 'Duration: 1.5, 1:30, 90m, 1h 30m, or a range such as 9:15-10:45',
          placeholder: 'Duration, e.g. 1:30',
          value: formatHoursMinutes(Math.round(hours * SECONDS_PER_HOUR)),
          ...checkedInput((text) => {
            const checked = checkHours(text, roundingSettings(), other);
            return checked.ok ? { ok: true, message: checked.understood } : { ok: false, message: checked.message };
          }),
        });
        if (typeof answer === 'string') {
          const checked = checkHours(answer, roundingSettings(), other);
          if (!checked.ok) {
            continue;
          }
          hours = checked.hours;
        }
      } else if (step === 3) {
        if (workTypes.length === 0) {
          step++;
          continue;
        }
        answer = await asker.pick({
          title: TITLE,
          step,
          totalSteps: TOTAL_STEPS,
          placeholder: `Work type for ${entry.project ?? 'the project'}`,
          items: workTypes.map((type) => ({ label: type.name, value: type.workTypeId })),
          active: workTypeId ?? undefined,
        });
        if (typeof answer === 'number') {
          workTypeId = answer;
        }
      } else {
        answer = await asker.input({ title: TITLE, step, totalSteps: TOTAL_STEPS, prompt: 'Description (optional); Enter saves', value: description });
        if (typeof answer === 'string') {
          description = answer;
        }
      }
      if (answer === undefined) {
        return { status: 'cancelled' };
      }
      if (answer === BACK) {
        step = Math.max(1, step - 1 - (step === 4 && workTypes.length === 0 ? 1 : 0));
        continue;
      }
      step++;
    }
    const patch: Partial<TimeEntryInput> = {};
    if (date !== entry.date) {
      patch.date = date;
    }
    if (Math.abs(hours - entry.time) >= 0.0001) {
      patch.time = hours;
    }
    if (workTypeId !== null && workTypeId !== entry.workTypeId) {
      patch.workTypeId = workTypeId;
    }
    if (description.trim() !== (entry.description ?? '').trim()) {
      patch.description = description.trim() || null;
    }
    // Not asked: kept from the values it started from.
    if (start.billable !== undefined && start.billable !== entry.billable) {
      patch.billable = start.billable;
    }
    return patch;
  }
}

function patchToArguments(patch: Partial<TimeEntryInput>): Record<string, unknown> {
  return {
    ...(patch.date !== undefined ? { date: patch.date } : {}),
    ...(patch.time !== undefined ? { hours: patch.time } : {}),
    ...(patch.workTypeId !== undefined ? { worktypeId: patch.workTypeId } : {}),
    ...(patch.description !== undefined ? { description: patch.description ?? '' } : {}),
    ...(patch.billable !== undefined ? { billable: patch.billable } : {}),
  };
}
