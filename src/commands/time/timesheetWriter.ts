import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Task, TimeEntry } from '../../api/types';
import type { SessionState } from '../../auth/accountSession';
import type { Logger } from '../../common/logger';
import { escapeIcons } from '../../common/untrustedText';
import type { LookupCache } from '../../lookups/lookupCache';
import type { Asker } from '../../prompts/asker';
import { formatDuration, SECONDS_PER_HOUR } from '../../time/duration';
import { waitingMessage } from '../../timeLog/logTimeOutcome';
import type { TimeLogSync } from '../../timeLog/timeLogSync';
import type { SheetRowSpec } from '../../timesheet/timesheetGrid';
import type { TimesheetWrites, WriteOutcome } from '../../views/timesheet/timesheetWrites';
import type { DeleteTimeEntryResult } from './deleteTimeEntry';
import type { EditTimeEntryResult } from './editTimeEntry';

export interface TimesheetWriterDependencies {
  readonly session: { readonly state: SessionState };
  readonly sync: Pick<TimeLogSync, 'submit'>;
  readonly lookups: Pick<LookupCache, 'projectWorkTypes'>;
  readonly asker: Pick<Asker, 'pick'>;
  readonly log: Logger;
}

/** A refusal Intervals gives for time it no longer lets change (approved, locked). */
function isLockedRefusal(message: string): boolean {
  return /\b(approved|locked)\b/i.test(message);
}

/**
 * The timesheet's writes, each on the path its command takes: a new entry through the outbox as
 * Log Time sends it (kept on this computer until Intervals has it, never sent twice), a change and
 * a delete through Edit Time Entry and Delete Time Entry (which asks first).
 */
export function timesheetWriter(deps: TimesheetWriterDependencies): TimesheetWrites {
  return {
    add: (row, date, hours) => addEntry(deps, row, date, hours),
    async edit(entry: TimeEntry, hours: number): Promise<WriteOutcome> {
      const result = await vscode.commands.executeCommand<EditTimeEntryResult>('intervals.editTimeEntry', { entryId: entry.id, hours });
      if (result.status === 'updated') {
        vscode.window.setStatusBarMessage(l10n.t('$(check) Changed to {0} on {1} ({2})', formatDuration(hours * SECONDS_PER_HOUR), escapeIcons(entry.task ?? entry.project ?? ''), entry.date), 5000);
        return { status: 'done' };
      }
      return result.status === 'cancelled' ? result : { status: 'refused', message: result.message, locked: isLockedRefusal(result.message) };
    },
    async remove(entry: TimeEntry): Promise<WriteOutcome> {
      const result = await vscode.commands.executeCommand<DeleteTimeEntryResult>('intervals.deleteTimeEntry', { entryId: entry.id, confirm: true });
      if (result.status === 'deleted') {
        return { status: 'done' };
      }
      return result.status === 'cancelled' ? result : { status: 'refused', message: result.message, locked: isLockedRefusal(result.message) };
    },
    pickRow: () => pickRow(deps),
  };
}

async function addEntry(deps: TimesheetWriterDependencies, row: SheetRowSpec, date: string, hours: number): Promise<WriteOutcome> {
  const state = deps.session.state;
  if (!state.signedIn) {
    return { status: 'cancelled' };
  }
  const result = await deps.sync.submit({
    input: {
      personId: state.account.personId,
      ...(row.taskId !== null ? { taskId: row.taskId } : {}),
      projectId: row.projectId,
      ...(row.taskId === null && row.moduleId !== null ? { moduleId: row.moduleId } : {}),
      workTypeId: row.workTypeId,
      date,
      time: hours,
      description: null,
    },
    taskLabel: row.title,
    project: row.project,
    workType: row.workType,
  });
  const duration = formatDuration(hours * SECONDS_PER_HOUR);
  switch (result.status) {
    case 'logged':
      deps.log.info(`Timesheet: logged ${duration} on ${row.taskId ?? `project ${row.projectId}`} (${date}) as entry ${result.entry.id}`);
      vscode.window.setStatusBarMessage(l10n.t('$(check) Logged {0} on {1} ({2})', escapeIcons(duration), escapeIcons(row.title), date), 5000);
      return { status: 'done' };
    case 'queued':
      deps.log.warn(`Timesheet: ${duration} on ${date} waits to sync (${result.reason})`);
      return { status: 'waiting', message: waitingMessage(result.reason, l10n.t({ message: '{0} on {1}', args: [duration, row.title], comment: ['What is kept to be sent: a duration on a task'] })) };
    default:
      return { status: 'refused', message: l10n.t('Could not log time. {0}', result.message), locked: isLockedRefusal(result.message) };
  }
}

/** A task from Find Task's picker (recent and pinned tasks first), then one of its project's work types. */
async function pickRow(deps: TimesheetWriterDependencies): Promise<SheetRowSpec | undefined> {
  const task = await vscode.commands.executeCommand<Task | undefined>('intervals.findTask', { pick: true, title: l10n.t('Add Row') });
  if (!task || task.projectId === null) {
    return undefined;
  }
  let types;
  try {
    types = (await deps.lookups.projectWorkTypes(task.projectId)).filter((type) => type.active);
  } catch (error) {
    deps.log.warn(`Could not load work types: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const items = types.map((type) => ({ label: type.name, value: type }));
  const type = await deps.asker.pick({ title: l10n.t('Add Row'), step: 2, totalSteps: 2, placeholder: l10n.t('Work type of the row'), items, active: items[0]?.value });
  if (type === undefined || typeof type === 'symbol') {
    return undefined;
  }
  return { taskId: task.id, projectId: task.projectId, moduleId: null, workTypeId: type.workTypeId, title: task.title, project: task.project, workType: type.name };
}
