import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isIntervalsError } from '../../api/errors';
import type { ProjectWorkType, TimeEntry, TimeEntryInput } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { Clock } from '../../common/clock';
import type { DataChanges } from '../../common/dataChanges';
import type { ErrorReporter } from '../../common/errorReporter';
import type { Logger } from '../../common/logger';
import type { Notifier } from '../../common/notifier';
import type { LookupCache } from '../../lookups/lookupCache';
import { positiveId } from '../../tasks/taskReference';
import { checkHours, checkIsoDate } from '../../timeLog/timeEntryDraft';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { askEntryChanges, patchToArguments, type EditTimeStepsContext } from './editTimeSteps';
import { editAndRetry } from './logTime';
import type { TimeEntryLookup } from './timeEntryOf';
import { timeEntryOf } from './timeEntryOf';

export type EditTimeEntryResult =
  | { status: 'updated'; entry: TimeEntry }
  | { status: 'cancelled' }
  | { status: 'invalid' | 'failed'; message: string };

type Refusal = { status: 'cancelled' } | { status: 'invalid'; message: string };

const CHANGES = ['date', 'hours', 'worktypeId', 'description', 'billable'];

export interface EditTimeDependencies extends Omit<EditTimeStepsContext, 'otherHours'>, TimeEntryLookup {
  readonly guard: Pick<AccountGuard, 'clientAsking'>;
  readonly lookups: Pick<LookupCache, 'projectWorkTypes'>;
  readonly changes: Pick<DataChanges, 'fire'>;
  readonly notifier: Notifier;
  readonly errors: ErrorReporter;
  readonly clock: Clock;
  readonly log: Logger;
  /** Hours already logged on a day, from the view or the service; undefined when unknown. */
  readonly loggedHours: (isoDate: string) => Promise<number | undefined>;
}

/**
 * `intervals.editTimeEntry`: a My Time node or `{ entryId }` asks for the new values with the
 * current ones filled in; `{ entryId, date?, hours?, worktypeId?, description?, billable? }`
 * changes just those (PUT /time/{id}/). From the palette it asks which entry of the shown week.
 */
export function editTimeEntryCommand(deps: EditTimeDependencies): Command {
  return {
    id: 'intervals.editTimeEntry',
    arguments: argumentKeys('intervals.editTimeEntry'),
    async execute(arg?: unknown): Promise<EditTimeEntryResult> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to edit time.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      const entry = await timeEntryOf(deps, api, arg, l10n.t('Entry to edit'));
      if (!entry || 'status' in entry) {
        return entry ?? { status: 'cancelled' };
      }
      const patch = await changesFor(deps, entry, argumentObject(arg) ?? {});
      if ('status' in patch) {
        if (patch.status !== 'cancelled') {
          void deps.notifier.show('warning', l10n.t('Could not edit the time entry. {0}', patch.message));
        }
        return patch;
      }
      if (Object.keys(patch).length === 0) {
        return { status: 'updated', entry };
      }
      try {
        const updated = await api.updateTime(entry.id, patch);
        deps.log.info(`Updated time entry ${entry.id}: ${Object.keys(patch).join(', ')}`);
        deps.changes.fire({ resource: 'time', id: entry.id, ...(updated.projectId !== null ? { projectId: updated.projectId } : {}), item: updated });
        return { status: 'updated', entry: updated };
      } catch (error) {
        return refused(deps, entry, patch, error);
      }
    },
  };
}

/** The changes the argument gives, or (without any, or with `prompt: true`) the ones the user makes, starting from them. */
async function changesFor(deps: EditTimeDependencies, entry: TimeEntry, args: Record<string, unknown>): Promise<Partial<TimeEntryInput> | Refusal> {
  const given = CHANGES.some((key) => args[key] !== undefined);
  if (given && args.prompt !== true) {
    return patchFromArguments(deps, entry, args);
  }
  // `prompt: true` asks every value, starting from the given ones (Edit and Try Again).
  const start = given ? await patchFromArguments(deps, entry, args) : {};
  const workTypes = await projectWorkTypes(deps, entry);
  const context = { ...deps, otherHours: (changed: TimeEntry, date: string) => otherHours(deps, changed, date) };
  return (await askEntryChanges(context, entry, workTypes, deps.clock.now(), 'status' in start ? {} : start)) ?? { status: 'cancelled' };
}

/** A refused change offers to change it, starting from these values; another failure offers Retry. */
function refused(deps: EditTimeDependencies, entry: TimeEntry, patch: Partial<TimeEntryInput>, error: unknown): EditTimeEntryResult {
  const message = error instanceof Error ? error.message : String(error);
  if (isIntervalsError(error) && error.kind === 'validation') {
    // The same values would be refused again: offer to change them, starting from these.
    const again = { entryId: entry.id, ...patchToArguments(patch), prompt: true };
    void deps.notifier.offer('error', l10n.t('Could not edit the time entry. {0}', message), [editAndRetry()], () =>
      vscode.commands.executeCommand('intervals.editTimeEntry', again),
    );
    return { status: 'invalid', message };
  }
  void deps.errors.reportFailure(deps.log, l10n.t('Could not edit the time entry'), error, {
    retry: () => vscode.commands.executeCommand('intervals.editTimeEntry', { entryId: entry.id, ...patchToArguments(patch) }),
  });
  return { status: 'failed', message };
}

async function projectWorkTypes(deps: EditTimeDependencies, entry: TimeEntry): Promise<ProjectWorkType[]> {
  if (entry.projectId === null) {
    return [];
  }
  try {
    return (await deps.lookups.projectWorkTypes(entry.projectId)).filter((type) => type.active);
  } catch (error) {
    deps.log.warn(`Could not load work types: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

/** Hours on a day not counting the entry itself. */
async function otherHours(deps: EditTimeDependencies, entry: TimeEntry, date: string): Promise<number> {
  const logged = (await deps.loggedHours(date)) ?? 0;
  return date === entry.date ? Math.max(0, logged - entry.time) : logged;
}

async function patchFromArguments(deps: EditTimeDependencies, entry: TimeEntry, args: Record<string, unknown>): Promise<Partial<TimeEntryInput> | Refusal> {
  const patch: Partial<TimeEntryInput> = {};
  if (args.date !== undefined) {
    const date = checkIsoDate(args.date);
    if (!date.ok) {
      return { status: 'invalid', message: date.message };
    }
    patch.date = date.iso;
  }
  if (args.hours !== undefined) {
    const checked = checkHours(args.hours, deps.rounding(), await otherHours(deps, entry, patch.date ?? entry.date));
    if (!checked.ok) {
      return { status: 'invalid', message: checked.message };
    }
    patch.time = checked.hours;
  }
  if (args.worktypeId !== undefined) {
    const workTypeId = positiveId(args.worktypeId);
    if (workTypeId === undefined) {
      return { status: 'invalid', message: l10n.t('{0} is not a work type id.', JSON.stringify(args.worktypeId)) };
    }
    patch.workTypeId = workTypeId;
  }
  if (typeof args.description === 'string') {
    patch.description = args.description.trim() || null;
  }
  if (typeof args.billable === 'boolean') {
    patch.billable = args.billable;
  }
  return patch;
}
