import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { defuseLinks, escapeIcons } from '../../common/untrustedText';
import type { OutboxItem } from '../../outbox/outbox';
import type { QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import { waitingDescription, waitingLabel } from './nodes/waitingNode';

/** The user picks one of the entries waiting to sync; undefined (told) when none waits. */
export async function pickWaitingEntry(items: readonly OutboxItem<QueuedTimeEntry>[], placeholder: string): Promise<OutboxItem<QueuedTimeEntry> | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(defuseLinks(l10n.t('No time entries are waiting to sync.')));
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: escapeIcons(waitingLabel(item)),
      description: waitingDescription(item),
      detail: item.lastError === undefined ? undefined : escapeIcons(item.lastError),
      item,
    })),
    { title: l10n.t('Waiting Time Entries'), placeHolder: placeholder },
  );
  return chosen?.item;
}
