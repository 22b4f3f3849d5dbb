import * as vscode from 'vscode';
import type { TimeEntry } from '../../api/types';
import type { Logger } from '../../common/logger';
import type { Notifier } from '../../common/notifier';
import { escapeIcons } from '../../common/untrustedText';
import { formatDuration, SECONDS_PER_HOUR } from '../../time/duration';
import { waitingMessage } from '../../timeLog/logTimeOutcome';
import type { QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import type { SubmitResult, TimeLogSync } from '../../timeLog/timeLogSync';
import { entryTitle } from '../../views/time/nodes/entryNode';

export const UNDO = 'Undo';

export interface UndoDeleteDependencies {
  readonly sync: Pick<TimeLogSync, 'submit'>;
  readonly notifier: Notifier;
  readonly log: Logger;
}

/** The deleted entry as a new one for the outbox; undefined when it lacks what a new entry needs. */
export function entryToRestore(entry: TimeEntry): QueuedTimeEntry | undefined {
  if (entry.personId === null || entry.workTypeId === null || !(entry.time > 0)) {
    return undefined;
  }
  return {
    input: {
      personId: entry.personId,
      workTypeId: entry.workTypeId,
      date: entry.date,
      time: entry.time,
      taskId: entry.taskId,
      projectId: entry.projectId,
      ...(entry.moduleId !== null ? { moduleId: entry.moduleId } : {}),
      billable: entry.billable,
      description: entry.description,
    },
    // Looked up before it is sent, so a restore whose answer was lost is never made twice.
    snapshotFirst: true,
    taskLabel: entryTitle(entry),
    project: entry.project,
    workType: entry.workType,
  };
}

/**
 * "Deleted 30 min on Launch checklist (2026-03-10)" with Undo, which logs the same entry again
 * through the outbox: kept on disk until Intervals has it, and looked up before any resend.
 * Resolves once the notification is answered and the undo is over (callers do not wait).
 */
export function offerUndo(deps: UndoDeleteDependencies, entry: TimeEntry): Promise<void> {
  const what = `${formatDuration(entry.time * SECONDS_PER_HOUR)} on ${entryTitle(entry)} (${entry.date})`;
  const restore = entryToRestore(entry);
  if (!restore) {
    vscode.window.setStatusBarMessage(`Deleted ${escapeIcons(what)}`, 5000);
    return Promise.resolve();
  }
  return deps.notifier.offer('information', `Deleted ${what}`, [UNDO], async () => {
    const result = await deps.sync.submit(restore);
    tellRestored(deps, result, what);
  });
}

function tellRestored(deps: UndoDeleteDependencies, result: SubmitResult, what: string): void {
  switch (result.status) {
    case 'logged':
      deps.log.info(`Restored ${what} as entry ${result.entry.id}`);
      vscode.window.setStatusBarMessage(`$(check) Restored ${escapeIcons(what)}`, 5000);
      return;
    case 'queued':
      deps.log.warn(`Restoring ${what} waits to sync (${result.reason})`);
      void deps.notifier.show(result.reason === 'otherWindow' ? 'information' : 'warning', waitingMessage(result.reason, what));
      return;
    default:
      deps.log.warn(`Could not restore ${what}: ${result.message}`);
      void deps.notifier.show('error', `Could not restore ${what}. ${result.message}`);
  }
}
