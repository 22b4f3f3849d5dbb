import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isIntervalsError } from '../../api/errors';
import type { TimeEntry } from '../../api/types';
import type { AccountGuard } from '../../auth/accountGuard';
import type { DataChanges } from '../../common/dataChanges';
import { defuseLinks } from '../../common/untrustedText';
import { formatDuration, SECONDS_PER_HOUR } from '../../time/duration';
import { entryTitle } from '../../views/time/nodes/entryNode';
import { argumentObject } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';
import { entryOf, type TimeEntryLookup } from './timeEntryOf';
import { offerUndo, type UndoDeleteDependencies } from './undoDelete';

export type DeleteTimeEntryResult = { status: 'deleted'; id: number } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * `intervals.deleteTimeEntry`: deletes an entry after a modal confirmation (`{ entryId, confirm: false }`
 * skips it), then says so with Undo. From the palette it asks which entry of the shown week.
 */
export function deleteTimeEntryCommand(
  deps: TimeEntryLookup & UndoDeleteDependencies & { guard: Pick<AccountGuard, 'clientAsking'>; changes: Pick<DataChanges, 'fire'> },
): Command {
  const { log, changes } = deps;
  return {
    id: 'intervals.deleteTimeEntry',
    arguments: argumentKeys('intervals.deleteTimeEntry'),
    async execute(arg?: unknown): Promise<DeleteTimeEntryResult> {
      const api = await deps.guard.clientAsking(l10n.t('Sign in to Intervals to delete time.'));
      if (!api) {
        return { status: 'cancelled' };
      }
      let entry: TimeEntry | undefined;
      try {
        entry = await entryOf(deps, api, arg, l10n.t('Entry to delete'));
        if (!entry) {
          return { status: 'cancelled' };
        }
        if (argumentObject(arg)?.confirm !== false) {
          const deleteButton = l10n.t({ message: 'Delete', comment: ['Button: deletes the time entry'] });
          const answer = await vscode.window.showWarningMessage(
            defuseLinks(l10n.t('Delete {0} on {1} ({2})?', formatDuration(entry.time * SECONDS_PER_HOUR), entryTitle(entry), entry.date)),
            { modal: true, detail: l10n.t('The entry is deleted in Intervals.') },
            deleteButton,
          );
          if (answer !== deleteButton) {
            return { status: 'cancelled' };
          }
        }
        try {
          await api.deleteTime(entry.id);
        } catch (error) {
          // Already gone (an earlier attempt that timed out went through): that is what was asked.
          if (!(isIntervalsError(error) && error.kind === 'notFound')) {
            throw error;
          }
          log.info(`Time entry ${entry.id} was already deleted`);
        }
        log.info(`Deleted time entry ${entry.id}`);
        changes.fire({ resource: 'time', id: entry.id, ...(entry.projectId !== null ? { projectId: entry.projectId } : {}) });
        // Not awaited: the notification would hold the command until the user answers it.
        void offerUndo(deps, entry);
        return { status: 'deleted', id: entry.id };
      } catch (error) {
        // Retry deletes the entry already chosen and confirmed, without asking again.
        const again = entry ? { entryId: entry.id, confirm: false } : arg;
        void deps.errors.reportFailure(log, l10n.t('Could not delete the time entry'), error, { retry: () => vscode.commands.executeCommand('intervals.deleteTimeEntry', again) });
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
