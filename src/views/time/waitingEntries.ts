import * as vscode from 'vscode';
import type { OutboxItem } from '../../outbox/outbox';
import { formatDuration, SECONDS_PER_HOUR } from '../../time/duration';
import type { QueuedTimeEntry } from '../../timeLog/timeEntryDraft';
import { escapeIcons } from '../../common/untrustedText';

/** `#12 Fix login · 2026-11-27 · 1 h 30 min`: how a waiting entry is named in prompts and the view. */
export function waitingLabel(item: OutboxItem<QueuedTimeEntry>): string {
  return item.payload.taskLabel;
}

export function waitingDescription(item: OutboxItem<QueuedTimeEntry>): string {
  const state = item.state === 'failed' ? 'refused' : 'waiting to sync';
  return `${formatDuration(item.payload.input.time * SECONDS_PER_HOUR)} · ${item.payload.input.date} · ${state}`;
}

/** The waiting entry a command was given (`{ id }` or a view node holding `item`), or one the user picks. */
export async function waitingEntryFrom(
  arg: unknown,
  waiting: () => Promise<OutboxItem<QueuedTimeEntry>[]>,
  placeholder: string,
): Promise<OutboxItem<QueuedTimeEntry> | undefined> {
  const items = await waiting();
  if (arg !== null && typeof arg === 'object') {
    const record = arg as { id?: unknown; item?: { id?: unknown } };
    const id = typeof record.item?.id === 'string' ? record.item.id : record.id;
    if (typeof id === 'string') {
      return items.find((item) => item.id === id);
    }
  }
  if (items.length === 0) {
    void vscode.window.showInformationMessage('No time entries are waiting to sync.');
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    items.map((item) => ({
      label: escapeIcons(waitingLabel(item)),
      description: waitingDescription(item),
      detail: item.lastError === undefined ? undefined : escapeIcons(item.lastError),
      item,
    })),
    { title: 'Waiting Time Entries', placeHolder: placeholder },
  );
  return chosen?.item;
}
