import * as l10n from '@vscode/l10n';
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
  const what: Deleted = { duration: formatDuration(entry.time * SECONDS_PER_HOUR), title: entryTitle(entry), date: entry.date };
  const restore = entryToRestore(entry);
  if (!restore) {
    vscode.window.setStatusBarMessage(l10n.t('Deleted {0} on {1} ({2})', escapeIcons(what.duration), escapeIcons(what.title), what.date), 5000);
    return Promise.resolve();
  }
  const undo = l10n.t({ message: 'Undo', comment: ['Button: logs the deleted time entry again'] });
  return deps.notifier.offer('information', l10n.t('Deleted {0} on {1} ({2})', what.duration, what.title, what.date), [undo], async () => {
    const result = await deps.sync.submit(restore);
    tellRestored(deps, result, what);
  });
}

/** The deleted entry as the messages name it: "30 min on Launch checklist (2026-03-10)". */
interface Deleted {
  readonly duration: string;
  readonly title: string;
  readonly date: string;
}

function tellRestored(deps: UndoDeleteDependencies, result: SubmitResult, what: Deleted): void {
  const logged = `${what.duration} on ${what.title} (${what.date})`;
  switch (result.status) {
    case 'logged':
      deps.log.info(`Restored ${logged} as entry ${result.entry.id}`);
      vscode.window.setStatusBarMessage(l10n.t('$(check) Restored {0} on {1} ({2})', escapeIcons(what.duration), escapeIcons(what.title), what.date), 5000);
      return;
    case 'queued': {
      deps.log.warn(`Restoring ${logged} waits to sync (${result.reason})`);
      const kept = l10n.t({ message: '{0} on {1} ({2})', args: [what.duration, what.title, what.date], comment: ['What is kept to be sent: a duration on a task (its day)'] });
      void deps.notifier.show(result.reason === 'otherWindow' ? 'information' : 'warning', waitingMessage(result.reason, kept));
      return;
    }
    default:
      deps.log.warn(`Could not restore ${logged}: ${result.message}`);
      void deps.notifier.show('error', l10n.t('Could not restore {0} on {1} ({2}). {3}', what.duration, what.title, what.date, result.message));
  }
}
