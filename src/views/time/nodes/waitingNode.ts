import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { OutboxItem } from '../../../outbox/outbox';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../../time/duration';
import type { QueuedTimeEntry } from '../../../timeLog/timeEntryDraft';
import { waitingGroupSpokenLabel, waitingSpokenLabel } from './spokenLabels';

/** `#12 Fix login`: how a waiting entry is named in prompts and the view. */
export function waitingLabel(item: OutboxItem<QueuedTimeEntry>): string {
  return item.payload.taskLabel;
}

/** `1 h 30 min · 2026-11-27 · waiting to sync` */
export function waitingDescription(item: OutboxItem<QueuedTimeEntry>, format: HourFormat = 'hoursMinutes'): string {
  const state = item.state === 'failed' ? l10n.t('refused') : l10n.t('waiting to sync');
  return `${formatDurationAs(item.payload.input.time * SECONDS_PER_HOUR, format)} · ${item.payload.input.date} · ${state}`;
}

/** Heads the entries that have not reached Intervals yet, above the week. */
export interface WaitingGroupNode {
  readonly kind: 'waitingGroup';
  readonly id: string;
  readonly items: readonly OutboxItem<QueuedTimeEntry>[];
}

/** An entry kept in the outbox: Retry sends it now, Discard drops it. */
export interface WaitingNode {
  readonly kind: 'waiting';
  readonly id: string;
  readonly item: OutboxItem<QueuedTimeEntry>;
}

export function waitingGroupTreeItem(node: WaitingGroupNode): vscode.TreeItem {
  const item = new vscode.TreeItem(l10n.t('Waiting to sync'), vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = String(node.items.length);
  item.tooltip = l10n.t('Time entries kept on this computer until Intervals confirms them. They are retried automatically.');
  item.iconPath = new vscode.ThemeIcon('cloud-upload');
  item.contextValue = 'waitingGroup';
  item.accessibilityInformation = { label: waitingGroupSpokenLabel(node.items.length) };
  return item;
}

export function waitingTreeItem(node: WaitingNode, format: HourFormat): vscode.TreeItem {
  const refused = node.item.state === 'failed';
  const { input } = node.item.payload;
  // The duration first, as on the week's rows.
  const item = new vscode.TreeItem(`${formatDurationAs(input.time * SECONDS_PER_HOUR, format)} · ${waitingLabel(node.item)}`, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `${input.date} · ${refused ? l10n.t('refused') : l10n.t('waiting to sync')}`;
  item.tooltip = [
    waitingLabel(node.item),
    waitingDescription(node.item, format),
    node.item.payload.project ?? '',
    node.item.payload.workType ?? '',
    node.item.payload.input.description ?? '',
    node.item.lastError ? l10n.t('Last attempt: {0}', node.item.lastError) : '',
  ]
    .filter(Boolean)
    .join('\n');
  item.iconPath = refused
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
    : new vscode.ThemeIcon('sync');
  item.contextValue = refused ? 'waiting refused' : 'waiting'; // l10n-ignore: context value
  item.accessibilityInformation = { label: waitingSpokenLabel(node.item, format) };
  return item;
}
