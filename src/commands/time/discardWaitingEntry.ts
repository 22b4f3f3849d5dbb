import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks } from '../../common/untrustedText';
import type { TimeLogSync } from '../../timeLog/timeLogSync';
import { waitingDescription, waitingLabel } from '../../views/time/nodes/waitingNode';
import { pickWaitingEntry } from '../../views/time/waitingPicker';
import { argumentObject, resolveWaiting } from '../args';
import { argumentKeys } from '../argumentObjects';
import type { Command } from '../command';

/**
 * `intervals.discardWaitingEntry`: drops a time entry that waits to sync, after a modal
 * confirmation (`{ id, confirm: false }` skips it). From the palette it asks which one.
 */
export function discardWaitingEntryCommand(sync: Pick<TimeLogSync, 'waiting' | 'discard'>): Command {
  return {
    id: 'intervals.discardWaitingEntry',
    arguments: argumentKeys('intervals.discardWaitingEntry'),
    async execute(arg?: unknown): Promise<{ status: 'discarded'; id: string } | { status: 'cancelled' }> {
      const item = await resolveWaiting(arg, () => sync.waiting(), (items) => pickWaitingEntry(items, l10n.t('Entry to discard')));
      if (!item) {
        return { status: 'cancelled' };
      }
      if (argumentObject(arg)?.confirm !== false) {
        const discard = l10n.t({ message: 'Discard', comment: ['Button: discards the waiting time entry'] });
        const answer = await vscode.window.showWarningMessage(
          defuseLinks(l10n.t('Discard {0} ({1})?', waitingLabel(item), waitingDescription(item))),
          { modal: true, detail: l10n.t('The entry has not reached Intervals; discarding it loses it.') },
          discard,
        );
        if (answer !== discard) {
          return { status: 'cancelled' };
        }
      }
      await sync.discard(item.id);
      return { status: 'discarded', id: item.id };
    },
  };
}
