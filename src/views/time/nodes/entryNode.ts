import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { TimeEntry } from '../../../api/types';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../../time/duration';
import { entrySpokenLabel } from './spokenLabels';

/** One logged time entry of the shown week. */
export interface EntryNode {
  readonly kind: 'entry';
  readonly id: string;
  readonly entry: TimeEntry;
}

/**
 * The entry's task; without a task its description (what the user wrote it was), else its project
 * and module: plain text from the service.
 */
export function entryTitle(entry: TimeEntry): string {
  return entry.task?.trim() || entry.description?.trim() || projectTimeTitle(entry) || l10n.t('No task');
}

/** `Website Redesign › Design`: what project time was logged on; empty when the entry names no project. */
function projectTimeTitle(entry: TimeEntry): string {
  return [entry.project?.trim(), entry.module?.trim()].filter(Boolean).join(' › ');
}

/**
 * The row's facts after its title: the task's project, or for project time its project and module
 * (unless the title is already that, for project time without a description).
 */
function entryFacts(entry: TimeEntry): string[] {
  const projectTime = projectTimeTitle(entry);
  const project = entry.task?.trim() ? entry.project : projectTime !== entryTitle(entry) ? projectTime : undefined;
  return [project, entry.workType, entry.billable ? l10n.t('billable') : undefined].filter((part): part is string => !!part);
}

export function entrySummary(entry: TimeEntry, format: HourFormat): string {
  return [formatDurationAs(entry.time * SECONDS_PER_HOUR, format), entry.project, entry.workType, entry.billable ? l10n.t('billable') : undefined]
    .filter((part): part is string => !!part)
    .join(' · ');
}

/** `1 h 30 min · Launch checklist`: the duration first, so a narrow sidebar cuts the title, not the time. */
export function entryRowLabel(entry: TimeEntry, format: HourFormat = 'hoursMinutes'): string {
  return `${formatDurationAs(entry.time * SECONDS_PER_HOUR, format)} · ${entryTitle(entry)}`;
}

export function entryTreeItem(node: EntryNode, format: HourFormat): vscode.TreeItem {
  const { entry } = node;
  const item = new vscode.TreeItem(entryRowLabel(entry, format), vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = entryFacts(entry).join(' · ');
  // A plain string: names and descriptions come from the service and are never rendered as Markdown.
  item.tooltip = [
    entryTitle(entry),
    `${entry.date} · ${formatDurationAs(entry.time * SECONDS_PER_HOUR, format)}`,
    [entry.client, entry.project].filter(Boolean).join(' › '),
    entry.workType ? l10n.t('Work type: {0}', entry.workType) : '',
    entry.billable ? l10n.t('Billable') : l10n.t('Not billable'),
    entry.description && entryTitle(entry) !== entry.description.trim() ? l10n.t('Description: {0}', entry.description) : '',
  ]
    .filter(Boolean)
    .join('\n');
  item.iconPath = new vscode.ThemeIcon(entry.billable ? 'credit-card' : 'clock');
  item.contextValue = 'entry';
  item.accessibilityInformation = { label: entrySpokenLabel(entry, entryTitle(entry), format) };
  return item;
}
