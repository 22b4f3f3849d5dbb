import * as vscode from 'vscode';
import { fromIsoDate } from '../../../time/dates';
import { formatDurationAs, SECONDS_PER_HOUR, type HourFormat } from '../../../time/duration';
import type { TimeDay } from '../../../timeLog/timeWeek';

/** One day of the shown week; its children are the day's entries. */
export interface DayNode {
  readonly kind: 'day';
  readonly id: string;
  readonly day: TimeDay;
  readonly today: boolean;
}

export function dayLabel(iso: string): string {
  const date = fromIsoDate(iso);
  return date ? date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }) : iso;
}

/** `7 h 30 min` or `7.5 h`, in the user's hour format. */
export function totalText(hours: number, format: HourFormat): string {
  return hours > 0 ? formatDurationAs(hours * SECONDS_PER_HOUR, format) : '—';
}

export function dayTreeItem(node: DayNode, format: HourFormat): vscode.TreeItem {
  const hasEntries = node.day.entries.length > 0;
  const item = new vscode.TreeItem(
    dayLabel(node.day.date) + (node.today ? ' · today' : ''),
    hasEntries ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = totalText(node.day.hours, format);
  item.tooltip = `${node.day.date}: ${node.day.entries.length} entr${node.day.entries.length === 1 ? 'y' : 'ies'}, ${totalText(node.day.hours, format)}`;
  item.iconPath = new vscode.ThemeIcon(node.today ? 'calendar' : 'dash');
  item.contextValue = 'day';
  return item;
}
