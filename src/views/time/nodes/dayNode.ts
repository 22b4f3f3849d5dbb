import * as vscode from 'vscode';
import { fromIsoDate } from '../../../time/dates';
import { formatDuration, SECONDS_PER_HOUR } from '../../../time/duration';
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

/** `7 h 30 min (7.50 h)`: what a user reads, and the decimal hours Intervals shows. */
export function totalText(hours: number): string {
  return hours > 0 ? `${formatDuration(hours * SECONDS_PER_HOUR)} (${hours.toFixed(2)} h)` : '—';
}

export function dayTreeItem(node: DayNode): vscode.TreeItem {
  const hasEntries = node.day.entries.length > 0;
  const item = new vscode.TreeItem(
    dayLabel(node.day.date) + (node.today ? ' · today' : ''),
    hasEntries ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  item.id = node.id;
  item.description = totalText(node.day.hours);
  item.tooltip = `${node.day.date}: ${node.day.entries.length} entr${node.day.entries.length === 1 ? 'y' : 'ies'}, ${totalText(node.day.hours)}`;
  item.iconPath = new vscode.ThemeIcon(node.today ? 'calendar' : 'dash');
  item.contextValue = 'day';
  return item;
}
