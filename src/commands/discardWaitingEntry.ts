import { boolean, text } from './commandArguments';
import * as vscode from 'vscode';
import type { TimeLogSync } from '../timeLog/timeLogSync';
import { waitingDescription, waitingEntryFrom, waitingLabel } from '../views/time/waitingEntries';
import { argumentObject, type Command } from './commandTable';
import { defuseLinks } from '../common/untrustedText';

/**
 * `intervals.discardWaitingEntry`: drops a time entry that waits to sync, after a modal
 * confirmation (`{ id, confirm: false }` skips it). From the palette it asks which one.
 */
export function discardWaitingEntryCommand(sync: TimeLogSync): Command {
  return {
    id: 'intervals.discardWaitingEntry',
    arguments: { id: text, confirm: boolean },
    async execute(arg?: unknown): Promise<{ status: 'discarded'; id: string } | { status: 'cancelled' }> {
      const item = await waitingEntryFrom(arg, () => sync.waiting(), 'Entry to discard');
      if (!item) {
        return { status: 'cancelled' };
      }
      if (argumentObject(arg)?.confirm !== false) {
        const answer = await vscode.window.showWarningMessage(
          defuseLinks(`Discard ${waitingLabel(item)} (${waitingDescription(item)})?`),
          { modal: true, detail: 'The entry has not reached Intervals; discarding it loses it.' },
          'Discard',
        );
        if (answer !== 'Discard') {
          return { status: 'cancelled' };
        }
      }
      await sync.discard(item.id);
      return { status: 'discarded', id: item.id };
    },
  };
}
